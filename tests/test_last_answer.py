"""Follow-ups about the last answer itself ("Which outlet reported that?", "What did he say
next?"), over the real sample store: the article the last answer quoted answers them."""

from __future__ import annotations

import pytest

from assistant import Answer, Assistant
from assistant.last_answer import asks_for_source, asks_what_next
from assistant.types import Message
from tests.test_assistant import assert_verbatim

EMPHASIZE = "What does the treaty emphasize?"
LEAFLETS = "Which first lady was pictured on the leaflets?"


def converse(assistant: Assistant, *questions: str) -> list[Answer]:
    history: list[Message] = []
    answers = []
    for question in questions:
        answer = assistant.ask(question, history=history)
        assert_verbatim(assistant, answer)
        answers.append(answer)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]
    return answers


@pytest.mark.parametrize("question", [
    "Which outlet reported that?", "What news agency reported it?", "Who wrote that?",
    "When was that article published?", "And which newspaper was that in?",
    "Where is that from?", "What's the source?", "Who is the author?", "Which outlet?",
    "And what newspaper?",
])
def test_questions_about_the_last_answers_source(question: str) -> None:
    assert asks_for_source(question)


@pytest.mark.parametrize("question", [
    "Which outlet reported that the ceasefire collapsed?",  # "that" opens a new claim
    "Who said that?",  # the speaker, whom the quote names
    "Which agency said that?",
    "Who reported the attack first?", "When was the treaty published?", "Where is Kursk?",
    "Who is the author of the Taiwan story?",  # names its own article
    "What is the source of the Taiwan story?", "Which newspaper is the source of the leak?",
])
def test_questions_about_something_else(question: str) -> None:
    assert not asks_for_source(question)


def test_who_wrote_it_in_a_conversation_about_a_book_asks_of_the_book() -> None:
    """"Who wrote it?" after "What's the book about?" and "What about the favourite?" was
    answered with the article's byline ("Neither the article nor its record says who wrote
    it"): "it" is the book the conversation is about."""
    from assistant.followup import of_a_work

    about_a_book: list[Message] = [
        {"role": "user", "content": "What's the novel about?"},
        {"role": "assistant", "content": "“A clerk hides a stolen ledger.” [1]"},
        {"role": "user", "content": "What about the favourite?"},
        {"role": "assistant", "content": "“Booksellers made The Lantern Year the favourite.” [1]"}]
    assert of_a_work("Who wrote it?", about_a_book)
    assert not of_a_work("Which outlet reported that?", about_a_book)
    assert not of_a_work("Who wrote it?", about_a_book[2:])  # nothing but the article
    # A new tester's "When was it published?" after "What book did Eleanor Vosper write?" was
    # answered with the article's own date: "it" is her memoir.
    assert of_a_work("When was it published?", about_a_book)
    assert of_a_work("When did it come out?", about_a_book)
    assert not of_a_work("When was the article published?", about_a_book)
    assert not of_a_work("When was it published?", about_a_book[2:])


@pytest.mark.parametrize(("question", "next_"), [
    ("What else did he say?", True), ("And what else did she tell reporters?", True),
    ("What else did Yoon say about Russia?", False),  # names whom: a question of its own
])
def test_what_else_was_said_is_what_comes_next(question: str, next_: bool) -> None:
    assert asks_what_next(question) is next_


def test_a_credit_line_names_the_agency_of_the_article_just_quoted(assistant: Assistant) -> None:
    first, agency = converse(assistant, EMPHASIZE, "Which news agency reported that?")
    assert first.citations and not agency.abstained
    assert agency.text.startswith("The Associated Press — “This article includes reporting")
    assert agency.citations[0].article_id == first.citations[0].article_id
    assert agency.short is not None and agency.short.text == "The Associated Press"


def test_a_contributing_agency_is_not_who_wrote_it(assistant: Assistant) -> None:
    """"This article includes reporting from The Associated Press" names an agency that
    contributed: it answers which agency reported it, not who wrote it."""
    _, wrote = converse(assistant, EMPHASIZE, "Who wrote it?")
    assert not wrote.text.startswith("The Associated Press")
    assert wrote.abstained and "who wrote it" in wrote.text


def test_a_date_line_says_when_and_a_second_question_keeps_the_article(
        assistant: Assistant) -> None:
    first, when, outlet = converse(assistant, LEAFLETS, "When was that published?",
                                   "Which outlet published it?")
    article = first.citations[0].article_id
    assert when.text.startswith("24 October 2024 — “Updated 24 October 2024” [1]")
    assert not when.abstained and when.citations[0].article_id == article
    # Asked again about "it": the story's quote, not the date line the last answer quoted.
    assert outlet.abstained and outlet.citations[0].article_id == article
    assert outlet.text.startswith("Neither the article nor its record says which outlet")
    assert outlet.citations[0].quote == first.citations[0].quote


def test_an_outlet_on_record_answers(assistant: Assistant) -> None:
    first, outlet = converse(assistant, "What did South Korea's intelligence agency report "
                             "on Thursday?", "Which outlet published it?")
    assert first.citations[0].outlet == "NewsTrack"
    assert outlet.text.startswith("NewsTrack: “Russia Ratifies Defence Pact")
    assert not outlet.abstained and outlet.llm == "extractive"


def test_without_a_conversation_it_is_an_ordinary_question(assistant: Assistant) -> None:
    alone = assistant.ask("Which outlet reported that?")
    assert "record" not in alone.text
    assert not any(n.startswith("answered from the article the last") for n in alone.notes)


@pytest.mark.parametrize(("question", "asks"), [
    ("What did he say next?", True), ("What happened after that?", True), ("And then?", True),
    ("How does the article go on?", True), ("What is next for the treaty talks?", False),
    ("Who will lead the next round of talks between the two countries then?", False),
    ("Who was Russia's president then?", False), ("Who will lead next?", False),
    ("When does the exhibition go on display?", False), ("What did he say?", True),
    ("What did he say about the treaty?", False),  # about something: searched
])
def test_questions_about_what_came_next(question: str, asks: bool) -> None:
    assert asks_what_next(question) is asks


def test_what_came_next_is_the_articles_next_sentence_not_the_same_one(
        assistant: Assistant) -> None:
    said, after, again = converse(assistant, "What did NATO's Secretary General say?",
                                  "What did he say next?", "And after that?")
    article = assistant.get_article(said.citations[0].article_id)
    rutte = said.citations[0]
    assert "dangerous escalation" in rutte.quote
    following = after.citations[0]
    assert following.article_id == rutte.article_id and following.start > rutte.end
    # Nothing but blank space between: the very next sentence of the story.
    assert not article.text[rutte.end:following.start].strip()
    assert "quotes no more from that speaker; it goes on:" in after.text  # not Rutte's words
    assert not after.abstained and following.quote.startswith("The deal seemingly marks")
    assert again.citations[0].start > following.end  # and on from there


def test_after_an_abstention_there_is_no_last_answer_to_go_on_from(
        assistant: Assistant) -> None:
    """What an abstention quotes is only the closest thing: "What did he say next?" after it
    is a question of its own, not the sentence after that quote."""
    _, after = converse(assistant, "Who won the 2022 football World Cup?",
                        "What did he say next?")
    assert not any(n.startswith("answered with the article's next") for n in after.notes)


def test_a_photo_credit_is_not_the_story_going_on(assistant: Assistant) -> None:
    from assistant.last_answer import reply_about_last

    article = next(a for a in assistant.index.list()
                   if a.title.startswith("North Korea Ratifies Major"))
    text = assistant.get_article(article.id).text
    caption = text.index("FILE PHOTO:")
    said = text[caption:text.index("2024.", caption) + 5]  # the caption's first sentence
    history: list[Message] = [{"role": "user", "content": "Where was the photo taken?"},
                              {"role": "assistant", "content": f"“{said}” [1]"}]
    reply = reply_about_last("What happened after that?", history, assistant.index)
    assert reply is not None
    following = reply.draft.citations[0].quote
    assert "via REUTERS" not in following, following  # its credit, the rest of the caption
    assert following.startswith("North Korea ratified a major defense treaty")


def test_a_sentence_two_copies_of_a_story_carry_names_both(assistant: Assistant) -> None:
    """Which of two articles with the same sentence the last answer meant, its text cannot
    tell (the samples carry no outlet or date to tell them apart): both are named, each cited,
    rather than one guessed."""
    first, outlet = converse(assistant, "What do observers speculate the treaty's "
                             "ratification could signal?", "Which outlet reported that?")
    assert len({c.article_id for c in first.citations}) == 2  # "2 articles report this"
    assert {c.article_id for c in outlet.citations} == {c.article_id for c in first.citations}
    assert "The same sentence is also in “" in outlet.text


def test_after_an_abstention_a_follow_up_about_the_last_answer_says_there_is_none(
        assistant: Assistant) -> None:
    for question in ("What did he say next?", "Which outlet reported that?"):
        _, after = converse(assistant, "Who won the 2022 football World Cup?", question)
        assert after.abstained and after.citations == ()
        assert "the last answer found nothing in them" in after.text


@pytest.mark.parametrize("question", ["Which outlet reported that?", "Which outlet?",
                                      "What happened after that?"])
def test_after_an_abstention_that_quoted_a_sentence_that_sentence_is_meant(
        assistant: Assistant, question: str) -> None:
    """An abstention that quotes the closest sentence: "that" can only be that sentence, so
    its article answers, said to be about the closest sentence, not an answer."""
    first, after = converse(assistant, "What is the population of Kursk?", question)
    assert first.abstained and first.citations
    assert after.text.startswith("About the sentence the last answer quoted as the closest")
    assert after.citations[0].article_id == first.citations[0].article_id


def test_an_abstention_that_quoted_nothing_is_not_taken_for_the_answer_before_it(
        assistant: Assistant) -> None:
    """"Which outlet reported that?" after an off-topic abstention: the answer before it
    quoted a sentence, but "that" is not it."""
    first, off, after = converse(assistant, EMPHASIZE, "Who won the 2022 football World Cup?",
                                 "Which outlet reported that?")
    assert first.citations and off.abstained and not off.citations
    assert after.abstained and "the last answer found nothing in them" in after.text


def test_after_an_answer_quoting_only_a_credit_line_its_article_is_meant(
        assistant: Assistant) -> None:
    """"Who wrote the … article?" answered with its credit line alone: "Which outlet
    published it?" is about that article (it was searched anew: "no article seems …")."""
    from assistant.last_answer import reply_about_last

    credit = "This article includes reporting from The Associated Press"
    article = next(a for a in assistant.index.list()
                   if credit in assistant.get_article(a.id).text)
    said = f"The Associated Press — “{credit}” [1]"
    history: list[Message] = [{"role": "user", "content": "Who reported the treaty article?"},
                              {"role": "assistant", "content": said}]
    reply = reply_about_last("Which outlet published it?", history, assistant.index)
    assert reply is not None and reply.draft.citations[0].article_id == article.id


def test_what_else_she_said_is_hers() -> None:
    """The person asked about is the speaker, not everyone the quote names; a quotation going
    on with no one else named is theirs; another's words are not."""
    from assistant.speakers import conversation_speakers, speaks

    said = conversation_speakers("“We will act,” Mayor Mendes said after meeting Ana Ruiz.",
                     [{"role": "user", "content": "What did union president Ana Ruiz say?"}])
    assert {"Ana", "Ruiz"} <= said and "Mendes" not in said
    assert speaks("“We did not want to strike,” she added.", said)
    assert speaks("“We did not want to strike.”", said)
    assert not speaks("“We hear you,” Mendes told the crowd.", said)
    # Another named as saying it is not hers, whatever pronoun follows.
    assert not speaks("Union treasurer Mara Okafor said she was delighted.", said)
    assert not speaks("“We have orders,” said Mara Okafor; she smiled.", said)
    assert speaks("She said the strike would go on.", said)
    # A short answer that is no person ("Thursday — …") names no speaker.
    led: list[Message] = [
        {"role": "user", "content": "When did union president Ana Ruiz call the strike?"},
        {"role": "assistant", "content": "Thursday — “Union president Ana Ruiz called the "
                                         "strike on Thursday.” [1]"}]
    ruiz = conversation_speakers("Union president Ana Ruiz called the strike on Thursday.", led)
    assert {"Ana", "Ruiz"} <= ruiz and speaks("“We will not back down,” said Ana Ruiz.", ruiz)


def test_what_he_said_is_the_words_of_whom_the_answer_named(assistant: Assistant) -> None:
    """Asked "What did he say?" after "Keith Wilson — …", the police chief's words were given
    (the question named "Portland"); asked next again, a sentence of his was skipped."""
    said, first, second, third = converse(assistant, "Who is the mayor of Portland?",
                                          "What did he say?", "What did he say next?",
                                          "What did he say next?")
    assert said.text.startswith("Keith Wilson — ")
    assert first.citations[0].quote.startswith("He called on ICE to halt")
    assert second.citations[0].quote.endswith("Wilson said.")  # "'Federal militarization…"
    assert "I will use every legal" in third.citations[0].quote
    assert "Bob Day" not in first.text + second.text + third.text


@pytest.mark.parametrize(("question", "asks"), [
    ("When was that?", True), ("On what day?", True), ("When did it happen?", True),
    ("What day was that?", True), ("When?", True),
    ("When was the treaty signed?", False),  # names what: searched
    ("When was that article published?", False),  # about the article (`asks_for_source`)
])
def test_questions_about_when_the_last_answer_happened(question: str, asks: bool) -> None:
    from assistant.last_when import asks_when_that

    assert asks_when_that(question) is asks


def test_when_that_was_is_the_day_the_last_quote_gives(assistant: Assistant) -> None:
    """ "On what day?" after the decree's signer had been answered with the day Russia
    completed its ratification: another event's."""
    said, when = converse(assistant, "Who signed the decree ratifying the treaty in North "
                                     "Korea?", "On what day?")
    assert "signed on Monday by Kim Jong Un" in said.citations[0].quote
    assert when.text.startswith("Monday — ") and not when.abstained
    assert when.short is not None and when.short.text == "Monday"
    article = assistant.get_article(when.citations[0].article_id)
    assert article.text[when.short.start:when.short.end] == "Monday"
    assert when.citations[0].quote == said.citations[0].quote


@pytest.mark.parametrize(("sentence", "day"), [
    ("The council may vote on the plan on Thursday.", "Thursday"),  # "may" is no month
    ("The mill closed years ago.", None),
    ("About 1500 workers walked out on Monday.", "Monday"),
    ("The treaty was signed on March 3, 2025 in Moscow.", "March 3, 2025"),
    ("The law takes effect Oct. 24.", "Oct. 24"),
    ("It was signed on Monday, Nov. 11, 2024.", "Monday, Nov. 11, 2024"),
    # A new tester's: the part of the day said with it; "this year's festival" is no day.
    ("The river is expected to peak at 9.4 metres on Saturday evening.", "Saturday evening"),
    ("Three bands will headline this year's Lough Carra festival.", None),
])
def test_the_day_a_sentence_names(sentence: str, day: str | None) -> None:
    from assistant.last_when import day_named

    found = day_named(sentence)
    assert (sentence[found[0]:found[1]] if found else None) == day


def test_when_the_last_quote_names_no_day_the_articles_do_not_say(assistant: Assistant) -> None:
    """Searched, "When was that?" found another event's day."""
    said, when = converse(assistant, "Who is the mayor of Portland?", "When was that?")
    assert said.text.startswith("Keith Wilson — ")
    assert when.abstained and when.text.startswith("The articles don't say when: the sentence")
    assert when.citations[0].quote == said.citations[0].quote
    assert "(its article is of 9 January 2026)" in when.text


def test_what_came_next_starts_after_every_sentence_already_shown(assistant: Assistant) -> None:
    """An answer that quoted a sentence and the one after it ("…" [1] "…" [2]) goes on after
    the second: the first "next" had been the very sentence shown as [2]."""
    from assistant.last_answer import reply_about_last

    article = next(a for a in assistant.index.list() if a.title.startswith("North Korea fin"))
    text = assistant.get_article(article.id).text
    first = text.index("Russia had already completed")
    second = text.index("The treaty between the two countries")
    shown = (f"“{text[first:text.index(chr(10), first)]}” [1] "
             f"“{text[second:text.index(chr(10), second)]}” [2]")
    history: list[Message] = [{"role": "user", "content": "When did Russia ratify it?"},
                              {"role": "assistant", "content": shown}]
    reply = reply_about_last("What happened next?", history, assistant.index)
    assert reply is not None and reply.draft.citations[0].quote.startswith("Last week, the US")


@pytest.mark.parametrize(("question", "sentence", "quotes"), [
    ("What did Hong Min say?", '"They will claim legitimacy," said Hong Min, an analyst.', True),
    ("What did Hong Min say?", '"It does not override UN resolutions," Hong added.', True),
    ("What did Hong Min say?", "Hong Min, an analyst, has a doctorate.", False),  # no speech
    ("What did Ana Ruiz say?", '"No," said Ana Lopez.', False),  # another Ana
    ("What did Yoon say about the troop deployments?", "“We won't sit idle,” South Korean "
     "President Yoon Suk Yeol said of the reported troop deployments.", True),
    ("What did Yoon say about the troop deployments?", "According to Yoon, the troops are "
     "in Kursk.", True),
    ("What did Yoon say about the troop deployments?", '"We will buy tanks," Yoon said.',
     False),  # Yoon, on something else
])
def test_a_sentence_naming_whom_a_question_asks_about_as_its_speaker(
        question: str, sentence: str, quotes: bool) -> None:
    from assistant.speakers import asked_speech, quotes_speaker

    asked = asked_speech(question)
    assert asked is not None and quotes_speaker(sentence, asked) is quotes


def test_what_someone_said_is_answered_by_a_sentence_naming_them_as_its_speaker() -> None:
    """"What did Hong Min say?" over the samples had been turned away, quoting a Taiwanese
    admiral: the reader scored every sentence near nothing."""
    from assistant.rerank import Evidence
    from assistant.said_first import said_first
    from assistant.speakers import asked_speech

    admiral = Evidence(0, "a", 0, 60, "“We are always ready to respond quickly,” the admiral "
                       "said.", 0.03, 0.03)
    hong = Evidence(0, "b", 0, 60, '"They will claim legitimacy," said Hong Min, a senior '
                    "analyst.", 0.01, 0.01)
    assert said_first("What did Hong Min say?", [admiral, hong]) == [hong, admiral]
    assert said_first("What did the admiral say?", [admiral, hong]) is None
    # Already first, it answers (it had been turned away: "no sentence surely answers it").
    assert said_first("What did Hong Min say?", [hong, admiral]) == [hong, admiral]
    # Named whole before named in part: "said Hong Min" leads, not "Hong added".
    added = Evidence(0, "b", 60, 120, '"It does not override UN resolutions," Hong added.', 0.2,
                     0.2)
    assert said_first("What did Hong Min say?", [added, hong]) == [hong, added]
    # The best sentence has her speak already ("She said…"): it stays first.
    she = Evidence(0, "c", 0, 60, "She said she would declare a state of emergency.", 0.2, 0.2)
    bass = Evidence(0, "c", 60, 120, "Bass argued that she knew the city well.", 0.1, 0.1)
    assert said_first("What did Karen Bass say she would declare?", [she, bass]) is None
    assert asked_speech("What did he say?") is None  # for the conversation (`last_answer`)


def test_a_speaker_named_in_part_is_the_one_asked_only_where_the_article_names_them_whole(
) -> None:
    """"Ford said…" in a report on the carmaker is not Harrison Ford speaking: one name within
    the other counts only in an article that names him whole."""
    from assistant.rerank import Evidence
    from assistant.said_first import said_first
    from index import Article

    carmaker = Article("car", "Ford recalls 90,000 pickups", "Ford said it would replace the "
                       "brakes of the film crews' trucks. Dealers will fix them free.",
                       "car.txt", "car.txt")
    actor = Article("actor", "Harrison Ford at the premiere", "Harrison Ford arrived late. "
                    "The film was his idea, Ford said at the premiere.", "actor.txt", "actor.txt")
    recall = Evidence(0, "car", 0, 60, "Ford said it would replace the brakes of the film "
                      "crews' trucks.", 0.3, 0.3)
    premiere = Evidence(0, "actor", 27, 80, "The film was his idea, Ford said at the premiere.",
                        0.1, 0.1)
    question = "What did Harrison Ford say about the film?"
    articles = {"car": carmaker, "actor": actor}
    assert said_first(question, [recall, premiere], articles) == [premiere, recall]
    # Without the articles, as before: the first sentence with "Ford" as its speaker.
    assert said_first(question, [recall, premiere]) == [recall, premiere]
    # A title or an honorific before the name names the person ("President Biden").
    biden = Article("b", "Biden meets", "President Biden met the premier. 'We will not back "
                    "down,' Biden said after the meeting.", "b.txt", "b.txt")
    quote = Evidence(0, "b", 33, 90, "'We will not back down,' Biden said after the meeting.",
                     0.1, 0.1)
    met = Evidence(0, "b", 0, 32, "President Biden met the premier.", 0.5, 0.5)
    assert said_first("What did Joe Biden say?", [met, quote], {"b": biden}) == [quote, met]
    # A name of one word, said whole, is theirs wherever it is said.
    dhs = Article("dhs", "Agent fires at driver", "The driver tried to run over the agents. "
                  "In response, DHS said an agent fired a shot.", "dhs.txt", "dhs.txt")
    said = Evidence(0, "dhs", 42, 86, "In response, DHS said an agent fired a shot.", 0.1, 0.1)
    driver = Evidence(0, "dhs", 0, 41, "The driver tried to run over the agents.", 0.8, 0.8)
    assert said_first("What did DHS say the agent did?", [driver, said], {"dhs": dhs}) == [
        said, driver]


def test_who_said_that_is_whom_the_quoted_sentence_names_as_saying_it(
        assistant: Assistant) -> None:
    """"Who said that?" was searched as a question of its own, and named Hong Min over a
    quote about something else."""
    from assistant.last_who import asks_who_said

    assert asks_who_said("Who said that?") and asks_who_said("And who claimed this?")
    assert not asks_who_said("Who wrote it?")  # the article's author (`asks_for_source`)
    assert not asks_who_said("Who said the treaty was illegal?")  # says what: searched
    said, who = converse(assistant, "How many North Korean troops are in Kursk?",
                         "Who said that?")
    assert who.text.startswith("US — “Last week, the US confirmed") and not who.abstained
    assert who.short is not None and who.short.text == "US"
    assert who.citations[0].article_id == said.citations[0].article_id


def test_what_did_he_say_after_his_own_words_were_quoted_is_those_words(
        assistant: Assistant) -> None:
    """"What did he say?" after "Bob Day — ‘We understand…,’ said Bob Day" gave the article's
    next sentence, "with no more from that speaker"."""
    chief, said = converse(assistant, "Who is the Portland police chief?", "What did he say?")
    assert chief.short is not None and chief.short.text == "Bob Day"
    assert said.text.startswith("In the sentence just quoted: “")
    assert said.citations[0].quote in chief.citations[0].quote and not said.abstained


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('"No," said Hong Min, an analyst.', "Hong Min"),
    ('"Never," Hong added.', "Hong"),
    ("'We deserved a point,' said Calder manager Eileen Grady.", "Eileen Grady"),
    ("The Bank of England said rates would rise.", "Bank of England"),
    ("According to Reuters, the talks failed.", "Reuters"),
    ("Last week, the US confirmed that there were 10,000 troops.", "US"),
    ("The ministry said on Tuesday that it would respond.", None),  # not "Tuesday"
    ("The ministry said that South Korea would respond.", None),  # not "South Korea"
    ("The mayor told Hong Min the plan was off.", None),  # Hong Min listens
    ("“We will not back down,” he said.", None),
    # A tester's: an age between the name and the verb.
    ("'Rest is no enemy,' Labour Minister Ana Rita Correia, 52, told deputies.",
     "Labour Minister Ana Rita Correia"),
])
def test_who_a_sentence_names_as_its_speaker(sentence: str, speaker: str | None) -> None:
    from assistant.speakers import named_speaker

    span = named_speaker(sentence)
    assert (sentence[span[0]:span[1]] if span else None) == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Councillor Bronwen Tegid-Harris, the cabinet member for highways, said the closure was "
     "unavoidable.", "Councillor Bronwen Tegid-Harris"),
    ("Dariusz Nowicki, who represents staff at the office, said the news was a shock.",
     "Dariusz Nowicki"),
    ("Dr Amara Osei-Bonsu, head of extreme events at the NHSA, said: 'Most people are safe.'",
     "Dr Amara Osei-Bonsu"),
    ("The plan, which the council approved, said nothing about parking.", None),
    # the second review's: a name beside another's words, a group of them, a place
    ("A lawyer for the driver, Tom Hale, who was injured, said the ban was unfair.", None),
    ("Friends of Tom Hale, a teacher, said he was kind.", None),
    ("In Kelby, a town of 5,000 people, said the report.", None),
    ("On Monday, the mayor said no.", None),
])
def test_a_speaker_described_before_the_verb_is_named(sentence: str, speaker: str | None
                                                      ) -> None:
    """The twelfth tester's "Who said that?" answered that the sentence "names no one as
    saying it" while quoting "Councillor Bronwen Tegid-Harris, the cabinet member for
    highways, said…"."""
    from assistant.speakers import described_speaker

    span = described_speaker(sentence)
    assert (sentence[span[0]:span[1]] if span else None) == speaker
