"""Which figure answers a "how many / how long" question: the one counting the fate asked about
("killed", not "evacuated"), the one followed by what is counted ("34 countries"), a duration
for "how long", and the later report's where two reports of a story differ."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.conflict import differs
from assistant.evidence import answer_fit, question_kind
from assistant.fates import fate_count, states_fate
from assistant.later_figures import only_count
from assistant.rerank import Evidence
from assistant.short import short_answer
from assistant.types import Citation
from tests.records import assistant_over

FLOOD = ("At least 14 people have been killed and 40 are missing after flash floods swept "
         "through the province, officials said.")
TOLL = "The death toll from last week's floods has risen to 37, the government said."
EVACUATED = "About 2,300 people have been evacuated from their homes."


@pytest.mark.parametrize(("question", "sentence", "figure"), [
    ("How many people were killed in the floods?", FLOOD, "14"),
    # Active voice, the fate before the figure; years and names' figures are no counts.
    ("How many people were killed in the attack?", "The gunmen killed 12 people.", "12"),
    ("How many suspects were arrested?", "Police arrested 23 suspects on Friday.", "23"),
    ("How many people were killed in the floods?", "In 2021 floods killed 14 people.", "14"),
    ("How many people died in the crash?", "Flight 370 crashed, killing all 239 people on board.",
     "239"),
    ("How many people were injured?", "The blast killed 3 and injured 40, police said.", "40"),
    ("How many people died?", "Forty-one people are now known to have died.", "Forty-one"),
    ("How many people died?", "The number of people confirmed dead has risen to 23.", "23"),
    ("How many people died in the floods?", TOLL, "37"),
    ("How many people are missing?", FLOOD, "40"),
    ("How many were missing?", "Eleven people are still missing, and around 5,800 people have "
     "been displaced.", "Eleven"),
    ("How many people were evacuated?", EVACUATED, "2,300"),
])
def test_the_figure_of_the_fate_asked_about(question: str, sentence: str, figure: str) -> None:
    span = fate_count(sentence, question)
    assert span is not None and sentence[span[0]:span[1]] == figure


def test_a_later_reports_figure_for_someone_else_does_not_lead() -> None:
    """"Henrik Dahl won 47,615 votes…" (7 Nov) led "How many votes did Grace Okonkwo get?"
    over her own 48,312 (4 Nov): a later figure, but another candidate's."""
    from assistant.conflict import _as_asked
    from assistant.findings import Findings
    from assistant.question import analyse

    question = "How many votes did Grace Okonkwo get?"
    asked = analyse(question, question, None, None, None)
    hers = Evidence(0, "a", 0, 50, "Grace Okonkwo won 48,312 votes on Tuesday.", 0.6, 0.6)
    his = Evidence(0, "b", 0, 50, "Henrik Dahl won 47,615 votes in the election won by "
                   "Okonkwo.", 0.5, 0.5)
    final = Evidence(0, "b", 0, 50, "Grace Okonkwo won 51,028 votes in all.", 0.5, 0.5)
    found = Findings(asked, [hers, his, final], {}, None)  # type: ignore[arg-type]
    assert not _as_asked(found, hers, his) and _as_asked(found, hers, final)


def test_a_figure_of_another_fate_is_no_answer_to_how_many_died() -> None:
    """"How many people were killed…?" was answered "About 2,300" (evacuated)."""
    question = "How many people were killed in the floods?"
    assert states_fate(EVACUATED, question) is False and states_fate(FLOOD, question) is True
    kind = question_kind(question)
    assert answer_fit(kind, EVACUATED, question) == 0.5 and answer_fit(kind, FLOOD, question) == 1
    assert states_fate(EVACUATED, "How many people live in Serrano?") is None  # no fate asked
    # Two reports of the toll differ; a count of the missing is no other figure for it.
    assert differs(FLOOD, TOLL, "How many people died?")
    assert not differs(FLOOD, "Eleven people are still missing, and 5,800 people have been "
                       "displaced.", "How many people died?")


def test_another_figure_is_of_the_thing_asked_about() -> None:
    """"How much of the fire was contained?" (15%) was followed by "Another report gives a
    different figure:" and a sentence about a fire of 1998 that burned 3,000 hectares: the
    hectares of the answer's sentence were compared, not its share contained."""
    answer = "The fire has burned an estimated 2,300 hectares and is 15% contained."
    other = "The 1998 fire burned more than 3,000 hectares of the valley."
    assert not differs(answer, other, "How much of the fire was contained?")
    assert differs(answer, other, "How many hectares has the fire burned?")
    assert differs(answer, "By Friday it was 60% contained.", "How much of the fire was "
                   "contained?")
    # A figure the answer's sentence gives anywhere is no other figure (the review's).
    assert not differs("Okonkwo won 51,028 votes to Dahl's 47,615.", "Dahl finished second "
                       "with 47,615 votes.", "How many votes did Dahl get?")


def test_a_year_long_before_the_report_is_not_answered_by_it() -> None:
    """"How many homes were destroyed in the 1998 fire?" was answered "17 homes", this year's."""
    from assistant.other_year import another_year
    from index import Article

    def asked_of(text: str, sentence: str, question: str = "How many homes were destroyed in "
                 "the 1998 fire?", published: str | None = "2026-02-05") -> bool:
        at = text.index(sentence)
        best = Evidence(0, "a", at, at + len(sentence), sentence, 0.9, 0.9)
        article = Article("a", "Fire contained", text, "a.txt", "a", published)
        return another_year(question, best, article) is not None

    this_year = "The fire is out. Of the 17 homes destroyed, 15 were on Ridgeway Road."
    assert asked_of(this_year, "Of the 17 homes destroyed, 15 were on Ridgeway Road.")
    # Elsewhere in the article, 1998 is another fire's year: still not this sentence's.
    later = this_year + " It was the worst fire since 1998."
    assert asked_of(later, "Of the 17 homes destroyed, 15 were on Ridgeway Road.")
    # The sentence, or the one before it, names the year: it may tell of it.
    assert not asked_of("The great fire of 1998 swept the valley. It destroyed 41 homes.",
                        "It destroyed 41 homes.")
    assert not asked_of(this_year, "Of the 17 homes destroyed, 15 were on Ridgeway Road.",
                        "Who won the 2025 award?")  # a report a year on
    assert not asked_of(this_year, "Of the 17 homes destroyed, 15 were on Ridgeway Road.",
                        "Who will host in 2027?")
    assert not asked_of(this_year, "Of the 17 homes destroyed, 15 were on Ridgeway Road.",
                        published=None)  # undated: it may be of any year
    # "since 2019" is when a count starts, not the year asked about (the review's).
    assert not asked_of("Since then, 1,240 homes have been built in Tarnmouth.",
                        "Since then, 1,240 homes have been built in Tarnmouth.",
                        "How many homes have been built in Tarnmouth since 2019?")


def _lead(question: str, sentence: str, span: str) -> str | None:
    at = 10 + sentence.index(span)
    ev = Evidence(0, "a", 10, 10 + len(sentence), sentence, 0.9, 0.9, (at, at + len(span)),
                  20.0, fit=1.0)
    citation = Citation(1, sentence, "a", "a", None, None, "a", 10, 10 + len(sentence))
    short = short_answer(ev, citation, question_kind(question), question)
    if short is not None:
        assert sentence[short.start - 10:short.end - 10] == short.text  # a span of the quote
    return short.text if short else None


def test_a_figure_in_words_leads_whole() -> None:
    """"How many people use the trams each day?" was answered "ten thousand", cut out of "One
    hundred and ten thousand people rely on the trams every day"."""
    sentence = "One hundred and ten thousand people rely on the trams every day."
    lead = _lead("How many people use the trams each day?", sentence, "ten thousand")
    assert lead is not None and lead.startswith("One hundred and ten thousand")
    other = "The depot holds two trams and ten thousand spare parts."
    lead = _lead("How many spare parts does the depot hold?", other, "ten thousand")
    assert lead is not None and lead.startswith("ten thousand")  # "two trams and" is no part
    # The review's: two figures joined by "and", a leading "A", a qualifier before words.
    assert _lead("How old was the older boy?", "The boys, aged eight and ten, were found.",
                 "ten") == "ten"
    lead = _lead("How many people came?", "A hundred and ten thousand people came to the "
                 "festival over its three days.", "ten thousand")
    assert lead is not None and lead.startswith("A hundred and ten thousand")
    lead = _lead("How many people came?", "More than one hundred people came to the town "
                 "hall meeting on Friday.", "one hundred")
    assert lead is not None and lead.startswith("More than one hundred")


def test_the_figure_followed_by_what_is_counted_leads() -> None:
    """"How many countries…?" was answered "about 21,000" (its employees)."""
    sentence = "The company employs about 21,000 people in 34 countries."
    question = "How many countries does Nordvik operate in?"
    assert _lead(question, sentence, "21,000") == "34 countries"
    i = sentence.index("21,000")
    assert only_count(sentence, i, i + 6, question) is not None
    covid = "More than 50 million households have received their free Covid-19 tests."
    at = covid.index("50")
    assert only_count(covid, at, at + 10, "How many free Covid-19 tests can households order?"
                      ) is None  # "19 tests" is a name's figure
    two = "It sells in 34 countries and buys from 12 countries."  # which one: not said
    assert only_count(two, two.index("34"), two.index("34") + 2, question) is None


def test_a_count_in_words_leads_where_it_counts_what_was_asked() -> None:
    """The fourteenth tester's "How many fire engines went…?" was answered "22" (firefighters)
    and "How many runners were taken to hospital?" "37 runners" (treated, not taken)."""
    engines = "Four fire engines and 22 firefighters were sent to the house in Oak Road."
    assert _lead("How many fire engines went to the fire?", engines, "22") == "Four fire engines"
    assert _lead("How many firefighters went to the fire?", engines, "22") == "22 firefighters"
    runners = ("Organisers said 37 runners were treated for heat exhaustion and four were taken "
               "to hospital.")
    assert _lead("How many runners were taken to hospital?", runners, "37") == "four"
    assert _lead("How many runners were treated?", runners, "37") == "37 runners"
    race = "A record 15,600 runners started the race and 14,912 finished."
    assert _lead("How many people finished the race?", race, "15,600") == "14,912"
    assert _lead("How many runners started?", race, "15,600") == "15,600 runners"
    # The whole a part is of is no count of the part (the natural tuning set's Shiffrin
    # question was answered "six events" on the way here).
    races = "Kovac failed to finish in two of the five races she entered this winter."
    for span in ("two", "five"):
        assert _lead("How many races did Kovac fail to finish?", races, span) == "two", span
    # The reader's span run on past its figure: what the figure counts follows the figure (a
    # ninth tester's "How many players took part?" was led by the whole span).
    chess = "The tournament had 238 players from 41 countries and a prize fund of €250,000."
    assert _lead("How many players took part?", chess,
                 "41 countries and a prize fund of €250,000") == "238 players"
    # "one" is as often no count: "one of the" heads nothing counted.
    one = "It was one of the 40 stops the 12 buses make."
    assert _lead("How many stops do the buses make?", one, "12") == "40 stops"


@pytest.mark.parametrize(("question", "sentence", "span", "lead"), [
    # The review's: a later figure with the verb asked is theirs only joined by "and", or
    # saying more of the question than the reader's figure.
    ("How many flights were cancelled on Monday?", "Airlines cancelled 340 flights on Monday, "
     "after 120 were cancelled on Sunday.", "340", "340 flights"),
    ("How many homes were sold in March?", "Agents sold 1,200 homes in March, against 950 sold "
     "a year earlier.", "1,200", "1,200 homes"),
    ("How many people tested positive?", "Nurses tested 2,400 pupils and staff; 36 tested "
     "positive.", "2,400", "36"),
    # A count in words is no count inside a name, nor a difference.
    ("How many staff were fined?", "Police fined 83 people, including Number Ten staff.", "83",
     "83"),
    ("How many games did Rovers win?", "Rovers won 12 games, three games more than last "
     "season, and scored 40 goals.", "40", "12 games"),
    # Asked what it has, the whole: "five household recycling centres".
    ("How many recycling centres does the council have?", "The council will close two of its "
     "five recycling centres.", "five", "five recycling centres"),
])
def test_a_count_is_not_taken_from_another_clause(question: str, sentence: str, span: str,
                                                    lead: str) -> None:
    assert _lead(question, sentence, span) == lead


@pytest.mark.parametrize(("question", "sentence", "fit"), [
    # The fourteenth tester's: a list's length is how many are on it; a share in words; a
    # unit written onto its digits.
    ("How long is the waiting list at Northmoor?", "The waiting list has reached a record "
     "112,400, new figures show.", 1.0),
    ("How long was the sentence?", "The waiting list has reached a record 112,400.", 0.5),
    ("What share of jackpot wins go to syndicates?", "Syndicates accounted for about one in "
     "four jackpot wins last year.", 1.0),
    ("What share of jackpot wins go to syndicates?", "Syndicates won 400 jackpots.", 0.5),
    ("How long is the new tram line?", "The 6.9km line runs to Kirkhaven.", 1.0),
    ("How far did she run?", "She raised 5m for charity.", 0.5),  # millions, as often
    # The review's: a queue's wait is a time; a year or a time is no share's denominator.
    ("How long is the queue at Dover?", "About 4,000 lorries were parked on the M20.", 0.5),
    ("What share of voters backed it?", "Support rose to 5 in 2024.", 0.5),
    ("What share of her shots went in?", "She scored two in five minutes.", 0.5),
])
def test_the_figure_asked_for_in_the_words_it_is_given(question: str, sentence: str,
                                                        fit: float) -> None:
    assert answer_fit("number", sentence, question) == fit


@pytest.mark.parametrize(("question", "sentence"), [
    ("How much was lost to fare dodging last year?", "Losses to fare dodging increased to £12 "
     "million last year."),
    ("How much was spent on the losing bid?", "The firm spent £4 million on the bid, up 8%."),
    ("How far is the town from where the plane went down?", "The town is 40 km from the crash "
     "site, up the valley."),
])
def test_a_sum_lost_or_spent_asks_no_way_a_figure_moved(question: str, sentence: str) -> None:
    """The review's: "How much was lost…?" had been read as asking how far something fell, and
    a sentence saying "increased" as going the other way."""
    assert answer_fit("number", sentence, question) == 1.0


def test_how_many_people_is_no_sum_of_money() -> None:
    """The eighth tester's "How many people does Brightfield employ?" led with "$640 million"
    of a sentence employing "3,100 people"."""
    sentence = ("Brightfield, founded in 1936 in the town of Oxley, employs 3,100 people at 14 "
                "plants and reported revenue of $640 million last year.")
    for question in ("How many people does Brightfield employ?",
                     "How many workers does Brightfield employ?"):
        assert _lead(question, sentence, "$640 million") == "3,100 people", question
    # People counted for something else are no answer either (the review's).
    gala = "The gala raised $2.4 million for the hospital, which treats 40,000 patients a year."
    assert only_count(gala, 16, 28, "How many people attended the fundraiser?") is None
    assert _lead("How many plants does Brightfield run?", sentence, "$640 million") == "14 plants"
    # Viewers are people too: the reader's figure stands (a ninth tester's answer).
    final = ("The final drew a peak of 4.6 million viewers online, a record for the game, and "
             "11,000 fans filled the arena.")
    assert _lead("How many people watched the final online at its peak?", final,
                 "4.6 million") == "4.6 million"
    two = "In all 620 workers walked out and 40 staff walked out, costing $2 million."
    assert only_count(two, two.index("$2"), len(two) - 1, "How many people walked out?") is None


def test_how_many_is_no_span_of_time_unless_it_counts_one() -> None:
    """"How many did he score?" was answered "58 minutes", the time of a goal."""
    sentence = "Vella levelled on 58 minutes, and Ortega scored the winner in the 87th minute."
    assert _lead("How many did he score?", sentence, "58 minutes") is None
    assert _lead("How many goals did Vella score?", sentence, "58") is None
    assert _lead("How many minutes had been played when Vella levelled?", sentence,
                 "58 minutes") == "58 minutes"
    assert _lead("How many days did the strike last?", "The strike lasted 12 days in all.",
                 "12 days") == "12 days"
    assert _lead("How many passing yards did he have?", "Howell is 15-for-21 passing for 159 "
                 "yards.", "159 yards") == "159 yards"  # a length is no span of time


@pytest.mark.parametrize(("sentence", "age"), [
    ("Amara Osei is 39, runs two of the busiest restaurants in Manchester.", "39"),
    ("Amara Osei, 39, runs two restaurants.", "39"),
    ("The 39-year-old Amara Osei opened her first restaurant in 2015.", "39"),
    ("Amara Osei opened her first restaurant at the age of 29 and is 39, with two more.",
     None),  # two ages
    ("Amara Osei runs two restaurants with 39 staff.", None),  # no age
    ("She was 91.", None),  # whose age, the sentence does not say
    ("Amara Osei taught in Delft until she was 85.", None),  # an age at another time
    # The review's: an age when something happened, a score; "is now 39" is her age.
    ("Amara Osei was 3 when her family moved to Leeds, and is now 39.", "39"),
    ("Amara Osei's score was 39 in the final.", None),
    # The eighth tester's: a figure's thousands comma or decimal point ends no age.
    ("Amara Osei's majority is 1,237.", None),
    ("Amara Osei's lead was 3.5 points.", None),
])
def test_how_old_is_the_age_the_sentence_gives(sentence: str, age: str | None) -> None:
    """"How old is Amara Osei?" was turned away over "Amara Osei is 39, runs…": "is 39" was no
    age to it ("none of the sentences closest to it gives the figure asked for")."""
    from assistant.evidence import age_span

    question = "How old is Amara Osei?"
    span = age_span(question, sentence)
    assert (sentence[span[0]:span[1]] if span else None) == age
    if age is not None:
        assert answer_fit("number", sentence, question) == 1.0
        assert _lead(question, sentence, sentence.split()[1]) == age


def test_an_age_said_of_another_or_at_another_time_is_no_age_asked() -> None:
    """"Amara Osei is 39" gives her age, not Kwame Mensah's; "until she was 85" no age now."""
    said = "Amara Osei is 39, runs two of the busiest restaurants in Manchester."
    assert answer_fit("number", said, "How old is Amara Osei?") == 1.0
    assert answer_fit("number", said, "How old is Kwame Mensah?") == 0.5
    then = "She retired in 2008 but taught at Delft until she was 85."
    assert answer_fit("number", then, "How old was she?") == 0.5


def test_how_long_is_answered_by_a_span_of_time_or_by_the_quote() -> None:
    """"How long was the suspended sentence?" was answered "£12,000" (the fine)."""
    sentence = "Marsh was fined £12,000 and given a 12-month suspended sentence."
    question = "How long was Kevin Marsh's suspended sentence?"
    assert _lead(question, sentence, "£12,000") is None
    assert _lead(question, sentence, "12-month") == "12-month"
    assert _lead("How long did the strike last?", "The strike lasted 12 days in all.",
                 "12") == "12 days"
    assert _lead("How long is the bridge?", "The bridge is 1,200 metres long.",
                 "1,200") == "1,200 metres"  # a length is how long too
    assert _lead("How long has Dahl been mayor?", "Dahl, who has been mayor since 2018, lost.",
                 "2018") == "since 2018"
    assert answer_fit("number", "Dahl has been mayor since 2018.", "How long has Dahl been "
                      "mayor?") == 1.0
    # The eighth tester's: how long something will last is not since when ("How long will
    # the strike last?" was led "since 2011" over "the first strike at Metrolink since 2011").
    assert answer_fit("number", "It is the first strike at Metrolink since 2011.",
                      "How long will the Metrolink bus strike last?") == 0.5
    # A span read over two figures leads with the one of the fate asked about.
    assert _lead("How many people were killed in the floods?", FLOOD,
                 "14 people have been killed and 40") == "At least 14"


def test_a_later_report_of_a_changed_figure_leads_and_the_earlier_is_dated(
        tmp_path: Path) -> None:
    """"How many votes did Grace Okonkwo get?" gave the first day's count, not the final one
    published three days later."""
    records = [
        {"id": "day1", "title": "Okonkwo leads Lakeport mayoral race as count continues",
         "published": "2026-11-04", "source": "Lakeport Herald",
         "text": "Grace Okonkwo of the Civic Alliance leads the race for mayor of Lakeport with "
                 "48,312 votes after the first day of counting, election officials said on "
                 "Wednesday.\nAbout 9,000 postal ballots are still to be counted."},
        {"id": "final", "title": "Okonkwo elected Lakeport mayor after final count",
         "published": "2026-11-07", "source": "Lakeport Herald",
         "text": "Grace Okonkwo has been elected mayor of Lakeport.\nOkonkwo, of the Civic "
                 "Alliance, won 51,028 votes to Dahl's 47,615, election officials announced on "
                 "Friday evening."},
    ]
    assistant = assistant_over(records, tmp_path)
    answer = assistant.ask("How many votes did Grace Okonkwo get?")
    assert answer.text.startswith("51,028 votes — "), answer.text
    assert "An earlier report, of 4 November 2026, gave:" in answer.text
    assert "48,312" in answer.text
    # Asked for the first day's count, it is the answer, later report or not.
    first = assistant.ask("How many votes did Okonkwo get after the first day of counting?")
    assert first.text.startswith("48,312 votes"), first.text
    # Asked before the final count, the first day's figure is the latest there is.
    early = assistant.ask("How many votes did Grace Okonkwo get?", as_of="2026-11-05")
    assert early.text.startswith("48,312 votes"), early.text


def test_a_later_toll_leads_though_its_sentence_is_worded_otherwise(tmp_path: Path) -> None:
    """"How many people have died in the Cedar Ridge fire?" was answered "Four", from the first
    day's report: the later "The number of people killed … has risen to seven" shares few words
    with "Four people have died", so it was not taken for the same story's figure, and the
    earlier figure, in words, was not shown beside it either."""
    records = [
        {"id": "first", "title": "Cedar Ridge fire forces 14,000 from homes",
         "published": "2025-08-12", "source": "Valley Herald",
         "text": "The Cedar Ridge fire spread overnight through dry forest north of Pine "
                 "Hollow.\nFour people have died, Lassen County Sheriff Tom "
                 "Reyes said on Tuesday morning."},
        {"id": "update", "title": "Cedar Ridge fire toll rises to seven",
         "published": "2025-08-15", "source": "Valley Herald",
         "text": "PINE HOLLOW, Calif. — The number of people killed in the Cedar Ridge fire has "
                 "risen to seven, Lassen County Sheriff Tom Reyes said on Friday, after search "
                 "teams found three more bodies in burned homes north of Pine Hollow."},
    ]
    assistant = assistant_over(records, tmp_path)
    answer = assistant.ask("How many people have died in the Cedar Ridge fire?")
    assert answer.text.startswith("seven — "), answer.text
    assert "An earlier report, of 12 August 2025, gave: “Four people have died" in answer.text
    early = assistant.ask("How many people have died in the Cedar Ridge fire?",
                          as_of="2025-08-13")
    assert early.text.startswith("Four — "), early.text


@pytest.mark.parametrize(("question", "sentence", "read", "theirs"), [
    ("How many votes did Brandt get?", "Moreau, of the Harbour Party, received 18,402 votes, "
     "while Brandt, of the Green Party, took 16,262.", "18,402", "16,262"),
    ("How many votes did Dahl get?", "Okonkwo won 51,028 votes to Dahl's 47,615, officials "
     "said.", "51,028", "47,615"),
    ("How many votes did Henrik Dahl receive?", "Henrik Dahl has 45,907 votes, and Frank Ruiz "
     "has 6,140.", "6,140", "45,907"),
    ("How many votes did Okonkwo get?", "Okonkwo won 51,028 votes to Dahl's 47,615.", "51,028",
     None),  # the reader's figure is hers
    # "…polled 8,214 votes to Labour's Marcus Dale on 8,127" was answered 8,214 for Dale.
    ("How many votes did Henrik Dahl get?", "Okonkwo polled 51,028 votes to Labour's Henrik "
     "Dahl on 47,615.", "51,028", "47,615"),
    ("How many votes did Dahl get?", "Okonkwo won with 51,028 votes, Dahl with 47,615.",
     "51,028", "47,615"),
    # The eighth tester's: a list's item, "… on 6,977 and the Civic Party's … on 3,102".
    ("How many votes did Tom Baxter receive?", "Corrigan received 8,214 votes, ahead of Tom "
     "Baxter on 6,977 and the Civic Party's Ruth Allanby on 3,102.", "8,214", "6,977"),
    # A date after "on" is no count of theirs (the review's).
    ("How many votes did Brandt get?", "Moreau beat Brandt on 4 May, taking 18,402 votes to "
     "his 16,262.", "18,402", None),
])
def test_a_count_asked_of_someone_is_theirs(question: str, sentence: str, read: str,
                                            theirs: str | None) -> None:
    """"How many votes did Brandt get?" was answered with Moreau's 18,402."""
    from assistant.evidence import question_names
    from assistant.whose_count import named_count

    span = named_count(sentence, sentence.index(read), question_names(question))
    assert (sentence[span[0]:span[1]] if span else None) == theirs


def test_a_toll_said_as_the_number_of_people_killed_in_words() -> None:
    """"How many people died in Storm Isla?" was turned away ("none of the sentences closest
    to it gives the figure asked for") over "The number of people killed by Storm Isla has
    risen to four"."""
    sentence = ("The number of people killed by Storm Isla has risen to four, police confirmed "
                "on Wednesday.")
    question = "How many people died in Storm Isla?"
    assert states_fate(sentence, question) and answer_fit("number", sentence, question) == 1.0
    span = fate_count(sentence, question)
    assert span is not None and sentence[span[0]:span[1]] == "four"
    homes = "The number of homes without power has fallen to 8,000, Northgrid said."
    assert answer_fit("number", homes, "How many homes are without power?") == 1.0



def test_a_number_of_things_needs_its_own_figure_and_one_of_is_no_toll() -> None:
    """The review's: "the number of homes flooded since 2023" counts nothing (a year), nor does
    a figure past the clause; "one of the highest" is no death toll."""
    asked = "How many homes are without power?"
    assert answer_fit("number", "The number of homes flooded since 2023 is still unknown.",
                      asked) == 0.5
    assert answer_fit("number", "The number of homes without power is unknown, but 12 "
                      "schools have closed.", asked) == 0.5
    toll = "The death toll from the floods is one of the highest in decades."
    assert not states_fate(toll, "How many people died in the floods?")


@pytest.mark.parametrize(("question", "sentence", "fit"), [
    ("How much did Halvorsen shares fall after the profit warning?",
     "Shares in Halvorsen rose 4.2% to 187 kroner in Oslo trading.", 0.5),
    ("How much did Halvorsen shares fall after the profit warning?",
     "The warning sent its shares down 17%.", 1.0),
    ("How much did Halvorsen shares rise after the results?",
     "Shares in Halvorsen rose 4.2% to 187 kroner in Oslo trading.", 1.0),
    ("How many seats did the Greens gain?", "The Greens lost 3 seats.", 0.5),
    ("How many seats did the Greens win?", "The Greens lost 3 seats.", 1.0),  # no way asked
    # The way asked is the question's own verb, not a word of a clause: the review's.
    ("How many people died when the bridge fell?", "The death toll has risen to 12.", 1.0),
    ("How many jobs were lost?", "It shed 300 jobs, even as orders grew.", 1.0),
    ("How many people lost their homes?", "About 300 lost homes as the river rose.", 1.0),
    ("How much did sales grow?", "Sales were up 8% on the year.", 1.0),
    # How far a price moved may be said in per cent: "How much did its share price go up?"
    # was turned away over "share price gains (up 42%)", as if a sum of money were asked.
    ("How much did Halvorsen's share price go up under her?",
     "On her watch its revenue grew 9% and its share price gains (up 42%) beat the index.", 1.0),
    ("How much did the price of bread rise?", "Bread cost 12% more than a year before.", 1.0),
    ("How much did Halvorsen's share price go down?", "Its share price went up 4%.", 0.5),
    ("How much does a loaf of bread cost?", "Bread cost 12% more than a year before.", 0.5),
])
def test_a_change_the_other_way_is_no_answer(question: str, sentence: str, fit: float) -> None:
    """"How much did Halvorsen shares fall after the profit warning?" was answered with the
    4.2% they rose after the results two months before."""
    assert answer_fit("number", sentence, question) == fit


def test_asked_how_many_died_a_sentence_counting_the_dead_comes_first() -> None:
    """"How many people were killed in the Cedar Ridge fire?" was turned away ("the closest
    sentence does not give the figure asked for") over the evacuation sentence ranked first,
    with "Four people have died" second."""
    from assistant.said_first import said_first

    question = "How many people were killed in the Cedar Ridge fire?"
    evacuated = Evidence(0, "a", 0, 80, "About 14,000 residents were ordered to leave their "
                         "homes as the Cedar Ridge fire spread.", 0.5, 0.1, fit=0.5)
    dead = Evidence(0, "a", 81, 150, "Four people have died, Sheriff Tom Reyes said.", 0.4,
                    0.1, fit=1.0)
    assert said_first(question, [evacuated, dead]) == [dead, evacuated]
    assert said_first(question, [dead, evacuated]) is None  # already first
    assert said_first("How many residents were evacuated?", [evacuated, dead]) is None
    # Asked how many of a thing had something done to them, the sentence that says so.
    homes = Evidence(0, "a", 151, 220, "A total of 212 homes and 45 other buildings have been "
                     "destroyed.", 0.3, 0.1, fit=1.0)
    lifted = Evidence(0, "a", 0, 80, "Officials lifted evacuation orders for about 6,000 "
                      "residents on Friday.", 0.5, 0.1, fit=0.5)
    question = "How many homes were destroyed in the Cedar Ridge fire?"
    assert said_first(question, [lifted, homes]) == [homes, lifted]
    rebuilt = replace(homes, text="A total of 212 homes have been rebuilt since 2010.")
    assert said_first(question, [lifted, rebuilt]) is None  # not what was asked of them


def test_a_figure_whose_clause_says_what_befell_them() -> None:
    """"How many VoltRide batteries caught fire?" was answered "17", the reports of
    overheating, over "…, including three that caught fire"."""
    sentence = ("VoltRide said it had received 17 reports of batteries overheating, including "
                "three that caught fire.")
    assert _lead("How many VoltRide batteries caught fire?", sentence, "17") == "three"
    assert _lead("How many reports did VoltRide receive?", sentence, "17") == "17 reports"
    # The ninth tester's: the reader's figure counts the thing asked, but not what befell it.
    recall = ("Kitchora is recalling 184,000 air fryers after dozens of reports that the "
              "machines overheated, including nine that caught fire.")
    assert _lead("How many of the air fryers caught fire?", recall, "184,000") == "nine"
    assert _lead("How many air fryers is Kitchora recalling?", recall,
                 "184,000") == "184,000 air fryers"


def test_units_count_what_was_sold_but_never_people() -> None:
    """"A further 18,000 units were sold in Canada" counts the air fryers asked about."""
    from assistant.counts import counts

    sentence = "A further 18,000 units were sold in Canada, where a separate recall was announced."
    assert counts(sentence, {"air", "fryer"})
    assert not counts(sentence, {"peopl"})


def test_units_sent_or_of_an_army_count_nothing_asked() -> None:
    """The review's: "Firefighters sent 14 units" counts no homes."""
    from assistant.counts import counts

    assert not counts("Firefighters sent 14 units to the blaze.", {"home"})


def test_how_many_times_is_answered_by_occasions() -> None:
    """The eighth tester's: "How many times did Coastline Water discharge sewage…?" was turned
    away over "…discharged untreated sewage into Kestle Bay on 212 occasions…" ("none of the
    sentences closest to it gives the figure asked for"); the fine is still no count of it."""
    from assistant.counts import counts_asked

    question = "How many times did Coastline Water discharge sewage into Kestle Bay?"
    sentence = ("A judge has fined Coastline Water £3.7 million after ruling that the company "
                "discharged untreated sewage into Kestle Bay on 212 occasions since 2019.")
    assert answer_fit("number", sentence, question) == 1.0
    at = sentence.index("212")
    assert counts_asked(sentence, at, at + 3, question)
    at = sentence.index("3.7")
    assert not counts_asked(sentence, at, at + 3, question)


@pytest.mark.parametrize(("question", "read", "figure"), [
    ("How many people in the placebo group were hospitalised?", "23", "79"),
    ("How many people in the vaccine group were hospitalised?", "23", None),  # the reader's
    ("How many people were hospitalised?", "23", None),  # no group asked: not said which
    # a word of the question in a clause that compares nothing ("2 of them … in the bus")
    ("How many people were hurt in the bus crash?", "14", None),
])
def test_a_count_of_one_group_beside_another_is_that_groups(question: str, read: str,
                                                            figure: str | None) -> None:
    """"23" had led for the placebo group, of "23 people in the vaccine group…, compared with
    79 in the placebo group"."""
    from assistant.whose_count import compared_count

    sentence = ("Over the following winter, 23 people in the vaccine group were admitted to "
                "hospital with RSV, compared with 79 in the placebo group.")
    if read == "14":
        sentence = ("Police said 14 passengers were taken to hospital; 2 of them were trapped "
                    "in the bus for an hour.")
    span = compared_count(sentence, sentence.index(read), question)
    assert (span and sentence[span[0]:span[1]]) == figure if figure else span is None



def test_a_figure_is_new_by_its_whole_not_its_digits() -> None:
    """The eighth tester's: "What share of 18 to 24 year olds skipped collecting a
    prescription…?" was turned away over "…found that 28 per cent of 18- to 24-year-olds had
    not collected a prescription…": "28" was no new figure, its digits being the question's."""
    from assistant.evidence import kind_fit

    question = "What share of 18 to 24 year olds skipped collecting a prescription?"
    sentence = "It found that 28 per cent of 18- to 24-year-olds had not collected theirs."
    assert kind_fit("number", sentence, question) == 1.0
    assert answer_fit("number", sentence, question) == 1.0
    assert kind_fit("number", "It faced 24 charges.", "How many of the 24 charges stood?") == 0.0


@pytest.mark.parametrize(("question", "sentence"), [
    ("How many employees does Vantor have?", "Vantor, founded in 2011, employs 620 people."),
    ("How many spectators watched the final?", "A crowd of 23,400 watched the final."),
    ("How far did Veltro shares fall?", "Veltro shares fell 9.2% on Tuesday."),
    ("By how much are Greyline fares going up?", "Greyline fares will rise by 6.5 per cent."),
    ("How much could fares go up next year?", "Fares could rise 4% next year."),
    # "going up", and "by how much will…" (the ninth tester's, again: thirty-fifth sitting).
    ("By how much are Greyline fares going up?", "Fares on Greyline will also rise by 4.6% on "
     "March 1, in line with the national cap."),
    ("By how much will rents go up?", "Rents will go up 3% in April."),
    ("How much are energy bills going down?", "Bills will fall by 7% in April."),
])
def test_a_figure_said_in_other_words_than_asked_gives_it(question: str, sentence: str) -> None:
    """The ninth tester's: each was turned away, "none of the sentences closest to it gives the
    figure asked for": employees are people, a crowd counts spectators, a share's fall is said
    in per cent, and "by how much are…" and "could" ask which way a figure moves."""
    assert answer_fit("number", sentence, question) == 1.0
    assert answer_fit("number", "Vantor launched 620 rockets.",
                      "How many employees does Vantor have?") == 0.5


def test_people_are_not_counted_in_properties_nor_cars_in_anything_but_vehicles() -> None:
    """The tenth tester's: "How many people are still missing?" led with "about 41,000" of
    "…41,000 properties were without power"; "How many cars use the bridge every day?" was
    turned away over "…carries around 38,000 vehicles a day"; "How fast did sales of the Orla
    range grow?" led with where they got to, "€740 million", not "31%"."""
    question = "How many people are still missing after the storm?"
    assert answer_fit("number", "At the height of the storm about 41,000 properties were "
                      "without power.", question) == 0.5
    assert answer_fit("number", "Five people are still missing, police said.", question) == 1.0
    assert answer_fit("number", "Rescuers are searching for 5 missing after 41,000 properties "
                      "lost power.", question) == 1.0  # "5" may be of people
    assert answer_fit("number", "About 2,300 homes were evacuated.",
                      "How many homes were evacuated?") == 1.0
    assert answer_fit("number", "The bridge normally carries around 38,000 vehicles a day.",
                      "How many cars use the bridge every day?") == 1.0
    assert _lead("How fast did sales of the Orla range grow?", "Sales of the Orla range rose "
                 "31% to €740 million.", "€740 million") == "31%"



def test_a_contest_s_margin_is_no_count_of_what_one_side_got() -> None:
    """The tenth tester's "How many votes did Walter Hume get?" led with "1,204 votes" of
    "…beating … Walter Hume by 1,204 votes": the quote leads alone, unless a margin is asked."""
    sentence = ("Corin Abara of the Civic Alliance has been elected mayor of Tessaly, beating the "
                "People's Party candidate Walter Hume by 1,204 votes.")
    assert _lead("How many votes did Walter Hume get?", sentence, "1,204 votes") is None
    for margin in ("By how many votes did Abara win?", "What was the winning margin?",
                   "How many votes did Abara win by?"):
        assert _lead(margin, sentence, "1,204 votes") == "1,204 votes", margin


def test_a_figures_plus_leads_with_it() -> None:
    """"What's the age guidance?" over "Age guidance 12+." (a tester's review) was answered
    "12": the "+" says "and over", and is the figure's."""
    assert _lead("What's the age guidance for the play?", "Age guidance 12+.", "12") == "12+"
    assert _lead("Who is the course for?", "The course is for beginners aged 16+.",
                 "16") == "16+"
    # A sum's plus sign is not: "2+2" leads as the reader's span gives it.
    assert _lead("What is the score?", "The final score was 2+2 after extra time.",
                 "2") == "2"


@pytest.mark.parametrize(("question", "sentence"), [
    ("How many drivers were involved in the Oakfield car park crash?",
     "The driver, a 71-year-old man, stopped at the scene."),
    ("How many council towers are being cleared in Midvale?",
     "Residents of Carrick House, a 40-year-old council tower, are being moved out."),
    ("How many former nurses founded Little Acorns?",
     "Little Acorns, founded by a 45-year-old former nurse, Claire Dunmore, employs 30 staff."),
])
def test_one_of_an_age_still_counts(question: str, sentence: str) -> None:
    """"The driver, a 71-year-old man" answers how many drivers (one): an age beside the thing
    counted leaves the sentence a count of it (review v3: r07, s2, r06; 8dc08b4 reverted)."""
    assert answer_fit("number", sentence, question) == 1.0
