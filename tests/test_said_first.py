"""A sentence about what was asked is read before a best one that is not
(`assistant.said_first.read_first`): cases a new user met."""

from __future__ import annotations

from assistant.rerank import Evidence
from assistant.said_first import read_first
from index import Article


def _ev(text: str, at: int, fit: float = 1.0) -> Evidence:
    return Evidence(0, "a", at, at + len(text), text, 0.3, 0.3, fit=fit)


REVENUE = _ev("Velmora Foods reported second-quarter revenue of $2.41 billion on Thursday.", 0)
DIVIDEND = _ev("It also raised its quarterly dividend to 38 cents a share from 34 cents.", 100)
SHARES = _ev("Shares of Velmora rose 6.4% to $71.20 in morning trading.", 200)


def test_how_much_is_answered_by_a_sentence_about_the_thing_asked() -> None:
    """"How much is Velmora's new quarterly dividend?" led with the revenue's $2.41 billion."""
    ranked = [REVENUE, SHARES, DIVIDEND]
    assert read_first("How much is Velmora's new quarterly dividend?", ranked) == [
        DIVIDEND, REVENUE, SHARES]
    # the best holds a word asked: the ranking stands
    assert read_first("How much revenue did Velmora report?", ranked) is None
    # none of the next best does: nothing to move
    assert read_first("How much is Velmora's pension deficit?", ranked) is None


CAPTION = _ev("Marguerite Olsen performing at the Blue Lantern club in 1988.", 0)
DIED = _ev("Marguerite Olsen, the jazz pianist, died last Tuesday at her home.", 100)
BORN = _ev("Born in Duluth in 1939, Olsen moved to Port Alder at 19.", 200)


def test_when_someone_did_something_is_the_sentence_saying_they_did() -> None:
    assert read_first("When did Marguerite Olsen die?", [CAPTION, DIED, BORN]) == [
        DIED, CAPTION, BORN]
    assert read_first("When did Olsen move to Port Alder?", [BORN, CAPTION, DIED]) is None
    # an adverb is not the verb asked about
    elected = _ev("She was elected to the speaker post in 2007.", 400)
    whip = _ev("Pelosi became the first woman to lead as whip in 2001.", 500)
    assert read_first("When was Nancy Pelosi first elected speaker?", [elected, whip]) is None
    # a sentence without a date does not come first
    undated = _ev("Marguerite Olsen died peacefully, her family said.", 300, fit=0.5)
    assert read_first("When did Marguerite Olsen die?", [CAPTION, undated]) is None


def test_another_s_dividend_or_death_is_not_moved_first() -> None:
    """The review's: another company's dividend, another Olsen's death."""
    rival = _ev("Rival Corlex raised its quarterly dividend to 40 cents a share.", 300)
    assert read_first("How much is Velmora's new quarterly dividend?", [REVENUE, rival]) is None
    husband = _ev("Her husband, the pianist Paul Olsen, died in 2001.", 300)
    assert read_first("When did Marguerite Olsen die?", [CAPTION, husband]) is None


SPEECH = _ev("'Tonight Kelvedon West voted for warm homes,' Ms Corrigan said.", 0, fit=0.5)
MARGIN = _ev("The Greens have won the Kelvedon West by-election by 87 votes.", 100, fit=0.5)
TURNOUT = _ev("Turnout was 41.3%, down from 63.8% at the general election.", 200, fit=0.5)


def test_a_sentence_holding_every_word_asked_is_read_first() -> None:
    """"What was the turnout in Kelvedon West?" quoted Ms Corrigan's speech: the reader
    scored "Turnout was 41.3%…", of the same article, near zero."""
    ranked = [SPEECH, MARGIN, TURNOUT]
    assert read_first("What was the turnout in Kelvedon West?", ranked) == [
        TURNOUT, SPEECH, MARGIN]
    # The words of when it is asked are no part of what is asked.
    assert read_first("What was the turnout in Kelvedon West this year?", ranked) == [
        TURNOUT, SPEECH, MARGIN]
    # Another article's sentence must name whom the question names.
    elsewhere = _ev("Turnout was 38% in Brenford.", 300, fit=0.5)
    other = Evidence(0, "b", 300, 300 + len(elsewhere.text), elsewhere.text, 0.3, 0.3, fit=0.5)
    assert read_first("What was the turnout in Kelvedon West?", [SPEECH, other]) is None
    assert read_first("Who won the by-election in Kelvedon West?", ranked) == [
        MARGIN, SPEECH, TURNOUT]
    # The best sentence holds every word asked: the ranking stands.
    assert read_first("Who voted for warm homes in Kelvedon West?", ranked) is None


def test_what_was_said_is_not_answered_by_the_questions_words() -> None:
    """The review's: "What did the mayor say about the budget?" moved "The mayor will present
    the budget" ahead of the mayor's words."""
    words = _ev("'We cannot spend what we do not have,' Mayor Ruiz said.", 0, fit=0.5)
    plan = _ev("The mayor will present the budget on Monday.", 100, fit=0.5)
    assert read_first("What did Mayor Ruiz say about the budget?", [words, plan]) is None
    assert read_first("When will the mayor present the budget?", [words, plan]) == [plan, words]


def test_a_table_row_with_the_figure_asked_is_read_before_a_sentence_without_one() -> None:
    """"How many systems did Pelham ship in the fourth quarter?" was turned away ("the closest
    sentence does not give the figure asked for") over "…reported fourth-quarter revenue of
    £412.6 million", with the table's row "Systems shipped | Q4 2025: 2,940 | …" second: the
    best sentence holds some words asked but no figure of the thing counted, and a table's
    column names and a quarter's label are no one's names."""
    from assistant.compose import Abstention, judged_again
    from assistant.said_first import read_again

    revenue = _ev("Pelham Robotics reported fourth-quarter revenue of £412.6 million.", 0,
                  fit=0.5)
    row = _ev("Systems shipped | Q4 2025: 2,940 | Q4 2024: 2,310 | Change: +27%", 100)
    question = "How many systems did Pelham ship in the fourth quarter?"
    turned = Abstention("the closest sentence does not give the figure asked for", of_best=True)
    assert read_again(question, "number", [revenue, row], turned) == ([row, revenue], None)
    # A reason not about the best sentence alone stands.
    other = Abstention("no sentence in them surely answers it")
    assert read_again(question, "number", [revenue, row], other) == ([row, revenue], other)
    assert judged_again(None, [row], "number", question) is None


def _in(article: str, title: str, *evidence: Evidence) -> dict[str, Article]:
    return {article: Article(id=article, title=title, text=" ".join(ev.text for ev in evidence),
                             source="s", source_key=article, published="2026-11-06")}


def test_a_table_row_gives_the_figure_of_the_column_asked_for() -> None:
    """"How many votes did Walter Hume get?" led with the winner's margin ("beating … Walter
    Hume by 1,204 votes") over the results table's row for him."""
    from assistant.said_first import said_first
    from assistant.short import short_answer
    from assistant.table_cells import table_cell
    from assistant.types import Citation

    prose = _ev("Corin Abara has been elected mayor, beating the People's Party candidate "
                "Walter Hume by 1,204 votes.", 0)
    hume = _ev("Candidate: Walter Hume | Party: People's Party | Votes: 17,228 | Share: 35.6%",
               200)
    okoro = _ev("Candidate: Niamh Okoro | Party: Green Future | Votes: 7,905 | Share: 16.3%",
                300)
    ranked = [prose, okoro, hume]
    articles = _in("a", "Abara elected mayor of Tessaly", prose, okoro, hume)
    asked = "How many votes did Walter Hume get?"
    assert said_first(asked, ranked, articles) == [hume, prose, okoro]
    cited = Citation(1, hume.text, "a", "t", None, None, "", hume.start, hume.end)
    short = short_answer(hume, cited, "number", asked)
    assert short is not None and short.text == "17,228"
    assert said_first("How many votes did the Green Future candidate get?", ranked,
                      articles)[0] == okoro

    def figure(question: str, row: str, title: str = "") -> str | None:
        span = table_cell(question, row, "number", title, "2026-11-06")
        return row[span[0]:span[1]] if span else None

    assert figure("What share of the vote did Hume get?", hume.text) == "35.6%"  # named first
    assert figure("how many votes for hume", hume.text) == "17,228"
    assert figure("How many votes did Abara get?", hume.text) is None  # another's row
    assert figure("How old is Walter Hume?", hume.text) is None  # no column of ages
    assert figure("How many votes did Hume get?", prose.text) is None  # no row
    assert figure("How many votes did Walter Hume get in 2022?", hume.text) is None  # a year
    # The review's: a difference is no cell ("won by", "behind"), and every word asked about
    # is in the row or its article's title.
    assert figure("How many votes did Hume lose by?", hume.text) is None
    assert figure("How many votes did Hume get in Harrowgate?", hume.text) is None
    assert figure("How many votes did Hume get in Tessaly?", hume.text,
                  "Abara elected mayor of Tessaly") == "17,228"
    # A row of another year ("Previous winners") is not this year's.
    assert figure("How many votes did Hume get?", "Year: 2022 | Candidate: Walter Hume | "
                  "Votes: 15,001") is None


def test_a_table_row_names_who_the_column_of_people_gives() -> None:
    """"Who won best director at Lanternfield?" was turned away ("the closest sentence does
    not clearly give the name asked for") over the awards table's row."""
    from assistant.said_first import said_first
    from assistant.table_cells import table_cell

    actor = _ev("Award: Best actor | Winner: Emeka Lindgren | Film: Night Ferry", 0)
    director = _ev("Award: Best director | Winner: Haruki Tanabe | Film: Night Ferry", 100)
    speech = _ev("'I hope the valley sees itself in it,' Korhonen-Baptiste said.", 200)
    articles = _in("a", "Night Ferry sweeps the Lanternfield awards", actor, director, speech)
    assert said_first("Who won best director at Lanternfield?", [speech, actor, director],
                      articles) == [director, speech, actor]

    def person(question: str, row: str, title: str = "Porthaven by-election") -> str | None:
        span = table_cell(question, row, "person", title, "2026-11-06")
        return row[span[0]:span[1]] if span else None

    vance = "Candidate: Derek Vance | Party: Heritage Party | Votes: 3,120"
    assert person("Who stood for the Heritage Party?", vance) == "Derek Vance"
    assert person("Who is Haruki Tanabe?", director.text) is None  # the name asked about
    assert person("Who won best director?", actor.text) is None  # another award's row
    assert person("Who won best director?", "Best director | Haruki Tanabe") is None  # no names
    # Asked who holds a role, a candidate of the party named is no answer (`roles`' question).
    green = "Candidate: Hannah Corrigan | Party: Green | Votes: 8,214"
    assert person("Who is the Green Party's national leader?", green) is None
    # The review's: a party's name that is also a word asks about no row ("Who funded the
    # green roof?"), nor does a row of another place, nor one saying someone was not elected.
    assert person("Who funded the green roof?", green) is None
    assert person("Who is the Green candidate in Harrowgate?", green) is None
    assert person("Who is the Green candidate in Porthaven?", green) == "Hannah Corrigan"
    hume = "Candidate: Walter Hume | Party: People's | Result: Not elected"
    assert person("Who won the Porthaven election?", hume) is None


def test_a_sentence_about_the_other_side_gives_way() -> None:
    """"Who won the men's Valmont Marathon?" was answered by the women's winner: the best
    sentence was about the women's race only."""
    women = _ev("The women's race was won by Amara Lindgren, in 2:19:47.", 0)
    men = _ev("Elias Kiprotich broke the course record on Sunday, winning the men's race.", 100)
    assert read_first("Who won the men's Valmont Marathon?", [women, men]) == [men, women]
    # asked about the women's race, or about no side, the ranking stands
    assert read_first("Who won the women's race?", [women, men]) is None
    assert read_first("Who won the Valmont Marathon?", [women, men]) is None
    # a sentence naming no side is not put first ("Lindgren's time was a course record")
    record = _ev("Lindgren's time was a course record.", 300)
    assert read_first("Who won the men's Valmont Marathon?", [women, record, men]) == [
        men, women, record]
    # a next best about the other side too moves nothing
    girls = _ev("The girls' race was won by Ana Ruiz.", 200)
    relay = _ev("The girls' relay went to Harlow.", 300)
    assert read_first("Who won the boys' race?", [girls, relay]) is None



SHORE = _ev("Independent candidate Gavin Shore received 611 votes.", 0)
CORRIGAN = _ev("Corrigan, 34, a former nurse, received 8,214 votes.", 100)
TURNOUT = _ev("Turnout was 41 per cent, the returning officer said.", 200)


def test_asked_about_someone_the_sentence_naming_them_is_read_before_another_s() -> None:
    """The eighth tester's: "How many votes did Hannah Corrigan get?" was answered with Gavin
    Shore's 611 votes, the best sentence naming him and not her."""
    assert read_first("How many votes did Hannah Corrigan get?", [SHORE, TURNOUT, CORRIGAN]
                      ) == [CORRIGAN, SHORE, TURNOUT]
    # the best names them, or no next best names them: it stands
    assert read_first("How many votes did Gavin Shore get?", [SHORE, CORRIGAN]) is None
    # Asked who or which, the answer may be another person (a natural tuning question's:
    # "Which former Republican speaker said Nancy Pelosi could be the strongest…?").
    assert read_first("Which candidate beat Hannah Corrigan?", [SHORE, TURNOUT, CORRIGAN]
                      ) is None
    assert read_first("How many votes did Ruth Allanby get?", [SHORE, CORRIGAN]) is None


def test_how_long_something_will_last_does_not_ask_for_the_word_last() -> None:
    """The eighth tester's "How long will the second strike last?" quoted "It is the first
    strike at Metrolink since 2011.": "last" asks how long, and no sentence says it."""
    first = _ev("It is the first strike at Metrolink since 2011.", 0, fit=0.5)
    deal = _ev("The last pay deal, agreed in March 2025, ran for one year.", 100)
    second = _ev("The union has announced a second, 72-hour strike starting on 12 March.", 200)
    ranked = [first, deal, second]
    assert read_first("How long will the second strike last?", ranked) == [second, first, deal]
    # "last" that is not the verb asked with is a word of what is asked.
    assert read_first("When was the last second strike?", ranked) is None
