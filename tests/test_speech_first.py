"""Asked what someone said, their words are read first (`assistant.speech_first`): cases the
eight users' questions met, where a quote by another speaker, or by the right one about
something else, had been chosen."""

from __future__ import annotations

from assistant.on_topic import quotes_them
from assistant.rerank import Evidence
from assistant.said_first import read_first, said_first
from assistant.speakers import asked_speech, quotes_speaker
from assistant.speech_first import speech_first
from index import Article


def _ev(text: str, at: int, article: str = "a") -> Evidence:
    return Evidence(0, article, at, at + len(text), text, 0.3, 0.3, fit=0.5)


def _in(title: str, *evidence: Evidence) -> dict[str, Article]:
    text = ""
    for ev in evidence:  # each at its offset: just after the last, in its paragraph
        text = (text + " " if ev.start == len(text) + 1 else text.ljust(ev.start - 1) + "\n"
                ) + ev.text if ev.start else ev.text
    return {"a": Article(id="a", title=title, text=text, source="s", source_key="a")}


def test_a_speaker_past_a_title_or_saying_after_another_verb_is_named() -> None:
    brandt = asked_speech("What did Heidi Brandt say?")
    assert brandt is not None and quotes_speaker(
        "“He's hungry,” said Rovers manager Heidi Brandt, 47.", brandt)
    baxter = asked_speech("What did Tom Baxter say after losing?")
    assert baxter is not None and quotes_speaker(
        "Baxter congratulated Corrigan but said his party had been hurt.", baxter)
    assert not quotes_speaker("Corrigan beat Baxter by 1,237 votes.", baxter)


def test_about_her_asks_nothing_a_sentence_must_hold() -> None:
    asked = asked_speech("What did Fiona Drummond say about her?")
    assert asked is not None and asked.about == ()
    assert quotes_speaker("She thought of it as the job,” said Fiona Drummond, chair of the "
                          "trust.", asked)


def test_one_whose_she_speaks_of_something_else_does_not_keep_the_named_speaker_back() -> None:
    """"What did Heidi Brandt say about Ruiz?" was answered with a tennis brief's "she said";
    "What did Hume say when he conceded?" with another's words about Hume, "he said"."""
    tennis = _ev("“I didn't believe I could beat her until the very last point,” she said.", 0)
    brandt = _ev("“Dani is in the form of his life,” said Rovers manager Heidi Brandt, 47.", 100)
    ruiz = _ev("Dani Ruiz scored twice on Saturday.", 200)
    articles = _in("Rovers into the semi-finals", tennis, brandt, ruiz)
    ranked = [tennis, brandt, ruiz]
    assert said_first("What did Heidi Brandt say about Ruiz?", ranked, articles) == [
        brandt, tennis, ruiz]
    other = _ev('"Hume was the continuity candidate," he said.', 0)
    conceded = _ev("Hume conceded shortly afterwards.", 100)
    spoke = _ev('"The people have spoken and I respect that," he said.', 134)
    articles = _in("Abara elected", other, conceded, spoke)
    said = said_first("What did Hume say when he conceded?", [other, conceded, spoke], articles)
    assert said is not None and said[0].text.startswith("Hume conceded shortly afterwards. ")


def test_the_topic_an_article_is_about_is_what_its_speakers_speak_of() -> None:
    """"What did Gerald Finch say about the tram extension?" under "Council backs tram
    extension": his words there need not say "tram"."""
    figure = _ev("Mayor Finch said the higher figure had been checked.", 0)
    words = _ev("“This is the biggest investment in a generation,” said Mayor Gerald Finch.", 100)
    ranked = [figure, words]
    question = "What did Gerald Finch say about the tram extension?"
    assert said_first(question, ranked, _in("Council backs tram extension", figure,
                                            words)) == [words, figure]
    assert said_first(question, ranked, _in("Council budget", figure, words)) is None


def test_the_holder_of_a_role_asked_about_is_the_speaker() -> None:
    """"What did the manager say about Marques?" had been turned away."""
    video = _ev('Marques said: "Ashbury is a club with a big history."', 0)
    manager = _ev('Ashbury manager Fiona Callaghan said: "Tiago is exactly the player."', 100)
    signed = _ev("Ashbury have signed Tiago Marques.", 200)
    articles = _in("Ashbury sign Marques", video, manager, signed)
    assert said_first("What did the manager say about Marques?", [video, manager, signed],
                      articles) == [manager, video, signed]


def test_a_speaker_named_whole_by_a_close_sentence_is_on_topic() -> None:
    sjoberg = _ev("“It could exaggerate the link,” said Professor Henrik Sjöberg.", 0)
    assert quotes_them("What did Henrik Sjöberg warn about?", [sjoberg])
    assert not quotes_them("What did Sjöberg warn about?", [sjoberg])  # one word: anyone's
    assert not quotes_them("What did Henrik Sjöberg say about vaccines?", [sjoberg])


def test_what_she_said_is_not_answered_by_the_questions_words() -> None:
    """"What did she say about the raid?" moved the story's opening ("…in a raid that police
    say lasted…") ahead of her words."""
    words = _ev('"This was not an opportunist break-in," she said.', 0)
    raid = _ev("A painting has been stolen in a raid that police say lasted four minutes.", 100)
    assert read_first("What did she say about the raid?", [words, raid]) is None


def test_a_he_is_not_the_woman_asked_about() -> None:
    """"What did the judge say to Ashdown?": "He said Ashdown was 'deeply ashamed'" (his
    lawyer's) is not Judge Felicity Marlowe's, who is read first."""
    lawyer = _ev("He said Ashdown was 'deeply ashamed'.", 0)
    judge = _ev('Sentencing him, Judge Felicity Marlowe said: "You were trusted."', 100)
    articles = _in("Treasurer jailed", lawyer, judge)
    assert said_first("What did Felicity Marlowe say?", [lawyer, judge], articles) == [
        judge, lawyer]
    assert said_first("What did Paul Marlowe say?", [lawyer, judge], articles) is None


def test_what_she_said_is_answered_by_a_sentence_holding_its_words_where_another_speaks(
) -> None:
    """"What did she say about job cuts?" (of a "she" the conversation never found): the
    best sentence has Larsen speak, and the one holding "job cuts" is read first still."""
    larsen = _ev('"Nobody takes these decisions lightly," Larsen said.', 0)
    cuts = _ev("The programme would involve about 1,100 job cuts.", 100)
    assert read_first("What did she say about job cuts?", [larsen, cuts]) == [cuts, larsen]


def test_a_speaker_named_whole_on_one_word_of_the_topic_is_not_on_topic() -> None:
    """The review's: a quote sharing one word with the topic ("way", "weather") is not what
    was asked; one holding most of its words is."""
    sen = _ev("'The way people bank has changed for good,' said chief executive Priya Sen.", 0)
    assert not quotes_them("What did Priya Sen say about the way the government handled the "
                           "energy crisis?", [sen])
    reyes = _ev("Fire chief Dana Reyes said crews expected hotter, drier weather on "
                "Wednesday.", 0)
    assert not quotes_them("What did Dana Reyes say about the weather at the Open golf "
                           "championship?", [reyes])
    assert quotes_them("What did Dana Reyes say about the weather?", [reyes])
    assert quotes_them("What did Priya Sen say about the way people bank?", [sen])


def _story(title: str, *sentences: str) -> tuple[list[Evidence], dict[str, Article]]:
    """The sentences as one paragraph of an article, each read as evidence in order."""
    text = " ".join(sentences)
    ranked = [_ev(s, text.index(s), "s") for s in sentences]
    return ranked, {"s": Article(id="s", title=title, text=text, source="s", source_key="s")}


TRAM = ("Council backs £48.5m tram extension to Eastfield",
        "Westshire council has approved a £48.5m extension of the city's tram line.",
        "The council leader, Ana Ruiz, has championed the scheme since 2022.",
        "Opponents say the route will cut through allotments.",
        '"It will cut journey times in half for thousands of people," she said.',
        "Ruiz said she would stand again as leader next year.")


def test_a_named_quote_only_on_the_titles_topic_does_not_beat_a_she_said_on_it() -> None:
    """The review's: "What did Ana Ruiz say about the tram extension?" had her words on
    standing again read before the best sentence, her "she said" on the tram: the title made
    any Ruiz quote on topic, and not the "she said". Judged alike, the best stays first; a
    named quote holding what was asked is read first still."""
    ranked, articles = _story(*TRAM)
    order = [ranked[3], ranked[0], ranked[2], ranked[4]]
    assert speech_first("What did Ana Ruiz say about the tram extension?", order,
                        articles) is None
    # Nor, her leadership told of, where the best sentence is about the scheme: a report of
    # what she said is on what it names, the title's topic only for words she is quoted in.
    assert speech_first("What did Ana Ruiz say about the tram extension?",
                        [ranked[1], ranked[0], ranked[4], ranked[3]], articles) is None
    on_it = (*TRAM[:5], "Ruiz said the tram extension would open in 2028.")
    ranked, articles = _story(*on_it)
    first = speech_first("What did Ana Ruiz say about the tram extension?",
                         [ranked[3], ranked[0], ranked[4]], articles)
    assert first is not None and first[0].text == on_it[-1]


def test_the_role_asked_is_not_another_bodys_holder_nor_one_of_two() -> None:
    """The review's: "What did the president say about the tariffs?" read the steelworkers'
    union president over the President's "he said"; "What did the manager say after the
    game?" read Athletic's manager over Rovers' manager's "she said" after her name."""
    ranked, articles = _story(
        "Steel tariffs will cost jobs, unions warn",
        "New tariffs on imported steel will cost thousands of jobs, unions have warned.",
        "Steelworkers' union president Ana Lowe said the tariffs were a 'hammer blow'.",
        "The President defended the move in a speech on Monday.",
        '"These tariffs protect American workers," he said.')
    question = "What did the president say about the tariffs?"
    assert speech_first(question, [ranked[3], ranked[2], ranked[1]], articles) is None
    assert speech_first(question, [ranked[0], ranked[1]], articles) is None
    ranked, articles = _story(
        "Rovers beat Athletic 2-1", "Rovers beat Athletic 2-1 on Saturday.",
        "Athletic manager Tom Cole said the winner was offside.",
        "Rovers manager Heidi Brandt said her side had deserved it.",
        '"The penalty was never a penalty," she said.')
    first = speech_first("What did the manager say after the game?",
                         [ranked[3], ranked[1], ranked[2]], articles)
    assert first is not None and "Heidi Brandt" in first[0].text
    assert speech_first("What did the manager say?", ranked[:3], articles) is None
