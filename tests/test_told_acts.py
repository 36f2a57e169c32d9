"""A sentence telling what the question's subject did, said or found, or why, answers whatever
the answerability model makes of its scores (`assistant.told_acts`); one telling another's
act, or the act without what else is asked, does not."""

from __future__ import annotations

from assistant.compose import DOUBTED, abstention
from assistant.rerank import Evidence
from assistant.told_acts import act_first, tells_act
from index import Article


def _ev(text: str, article: str = "a") -> Evidence:
    return Evidence(0, article, 0, len(text), text, 0.02, 0.02, (0, 5), 5.0, fit=0.5)


FOUND = ("Conservators removed layers of yellowed varnish and found a small dog in the lower "
         "left corner that had been painted over in the 19th century.")
CENTREPIECE = ("The centrepiece of the reopening is The Salt Gatherers, a 1654 painting by the "
               "Dutch artist Jan Verhoeven, which has been restored over 18 months.")
FERREIRA = ("Local councillor Morag Ferreira, who represents Skerrin on Argyll West Council, "
            "said the cuts would hit islanders who travel to the mainland for work.")
CLUTCH = ("Dr Ashcombe bought the car new in 1961 for £2,097, and drove it until 1979, when he "
          "put it in the barn after the clutch failed.")


def test_the_subject_followed_by_the_verb_asked_tells_it() -> None:
    article = f"Museum reopens\n{CENTREPIECE}\n{FOUND}"
    assert tells_act("What did conservators find in The Salt Gatherers?", _ev(FOUND), article)
    # Said for accused: what the group said of the company is what it accused it of.
    assert tells_act("What did the passenger group accuse Greyline of doing?", _ev(
        'The passenger group Eastholm Line Users said the company was "trading villages for '
        'minutes".'), "Greyline Rail will run 38 extra trains")
    assert tells_act("What happened to her father?", _ev(
        "In January 1951 her father and two of his crew drowned when their boat was caught in "
        "a storm off the Runnel Stone."))
    assert tells_act("what was the robber wearing", _ev(
        "He was wearing a grey hooded top with an orange logo on the chest."))
    # Asked how it was discovered, it came to light; charged with it, accused of it.
    assert tells_act("How was the fraud at the village hall discovered?", _ev(
        "The fraud came to light when a new chairwoman, Patricia Hulme, asked the bank directly "
        "for copies of the statements."), "Village hall treasurer jailed")
    assert tells_act("What is Feldwick charged with?", _ev(
        "Martin Feldwick, 58, of Harbour View, Exbury, is accused of fraud by abuse of "
        "position."))


def test_the_act_without_what_else_is_asked_does_not() -> None:
    # Ferreira said something, not what she called the timetable.
    assert not tells_act("What did Morag Ferreira call the new timetable?", _ev(FERREIRA))
    # The Morwenna's fate after her skipper retired, not before.
    assert not tells_act("What happened to the Morwenna after she retired?", _ev(
        "Her two elder brothers were doing national service, and the family's second boat, "
        "the Morwenna, a 42ft wooden trawler, was about to be sold."))
    # Another subject's act, and a noun's -ing.
    assert not tells_act("What did the inspectors find?", _ev(FOUND))
    assert not tells_act("What was the women's winning time?", _ev(
        "The women's race was won by Ruth Chebet, winning by a minute."))
    # Another of its kind: the second rocket, asked the first; a name asked, not a saying.
    assert not tells_act("What happened to Vantor's first rocket?", _ev(
        "Vantor Aerospace's Halcyon-2 rocket reached orbit on Wednesday."))
    lawyer = _ev("The lawyer for Smith said the case was weak.")
    assert not tells_act("What did Feldwick's lawyer say about the case?", lawyer, "Smith trial")
    assert tells_act("What did Feldwick's lawyer say about the case?", lawyer, "Feldwick trial")
    assert not tells_act("What was the boat called?", _ev(
        "The boat called at Port Mallow, the harbour master said."))


def test_what_people_are_told_to_do_tells_what_one_should_do() -> None:
    question = "What should I do if I own one of the kettles?"
    assert tells_act(question, _ev(
        "Customers are told to stop using the kettle immediately, unplug it and contact Halden "
        "for a full refund."))
    # Advice on another thing, and the thing without advice.
    assert not tells_act(question, _ev("Drivers are urged to avoid the bridge."))
    assert not tells_act(question, _ev("Halden sold 40,000 of the kettles."))


def test_a_strong_cause_of_what_is_asked_tells_why() -> None:
    question = "Why did Dr Ashcombe stop driving the E-Type?"
    assert tells_act(question, _ev(CLUTCH), f"Barn-find E-Type sold\n{CLUTCH}")
    assert not tells_act(question, _ev(
        "The model was launched at the Geneva Motor Show in March 1961."))


def test_doubted_but_told_answers(doubtful: None) -> None:
    ranked = [_ev(FOUND), _ev(CENTREPIECE), _ev("The museum reopens on Saturday.")]
    assert abstention(ranked, False, 0.5, "other", question="q") == abstention(
        ranked, False, 0.5, "other", question="q", told=False)
    doubted = abstention(ranked, False, 0.5, "other", question="q")
    assert doubted is not None and doubted.reason == DOUBTED
    assert abstention(ranked, False, 0.5, "other", question="q", told=True) is None


def test_a_runner_up_of_the_best_article_telling_it_is_read_first() -> None:
    question = "What did conservators find in The Salt Gatherers?"
    articles = {"a": Article(id="a", title="Museum reopens", text=f"{CENTREPIECE} {FOUND}",
                             source="museum.html",
                             source_key="museum")}
    ranked = [_ev(CENTREPIECE), _ev(FOUND), _ev("The museum reopens on Saturday.")]
    assert act_first(question, ranked, articles) == [ranked[1], ranked[0], ranked[2]]
    # Not from another article: it may be of another painting.
    other = [_ev(CENTREPIECE), _ev(FOUND, article="b"), ranked[2]]
    assert act_first(question, other, articles) is None


# Review v5 (narrowing): a sentence telling another's act, or that it happened and not how,
# or advice for another situation, does not tell what is asked.
SHIPS = ("Two cargo ships in trouble off Skellan Point\n"
         "Two cargo ships got into difficulty off Skellan Point on Thursday night as winds "
         "reached 70mph.\n\nThe first ship, the Marten Star, ran aground on a sandbank two miles "
         "from the harbour. Its twelve crew were lifted off by a coastguard helicopter and taken "
         "to hospital in Kellport, where they were treated for cold.\n\nThe second ship, the Grey "
         "Heron, had sent a distress call an hour earlier, reporting engine trouble. Lifeboats "
         "from Kellport and Tarne were sent to the area.")
CREW = ("Its twelve crew were lifted off by a coastguard helicopter and taken to hospital in "
        "Kellport, where they were treated for cold.")
BRIDGES = ("Old toll bridge to reopen in spring\nThe old toll bridge at Kenley will reopen to "
           "cars in April after a two-year repair.\n\nThe 140-year-old bridge was closed in 2024 "
           "when engineers found cracks in two of its iron supports.\n\nEngineers replaced the "
           "supports and repainted the bridge. The county council said the work cost £3.4m.\n\n"
           "Drivers will pay a toll of £1, the same as before the closure. Cyclists and walkers "
           "will cross free. " + "The bridge has carried traffic since 1886. " * 4 +
           "\n\nA second bridge at Marlow Ferry, which was closed at the same time, will stay "
           "shut until next year.")
CRACKS = ("The 140-year-old bridge was closed in 2024 when engineers found cracks in two of its "
          "iron supports.")


def test_names_left_out_of_the_sentence_are_those_just_before_it() -> None:
    # The Marten Star's crew, not the Grey Heron's named two paragraphs on.
    assert not tells_act("What happened to the crew of the Grey Heron?", _ev(CREW), SHIPS)
    assert tells_act("What happened to the crew of the Marten Star?", _ev(CREW), SHIPS)
    # Kenley's bridge, not the one at Marlow Ferry named at the article's end.
    assert not tells_act("What did engineers find at Marlow Ferry?", _ev(CRACKS), BRIDGES)
    assert tells_act("What did engineers find at Kenley?", _ev(CRACKS), BRIDGES)


def test_a_cause_of_another_articles_matter_does_not_tell_why() -> None:
    repairs = ("Council clerk Helen Marsh said the repairs were taking longer than planned "
               "because of water damage found in the lower deck.")
    article = "Milbrook council approves new skate park\n" + repairs
    assert not tells_act("Why did Derek Pym leave the council?", _ev(repairs), article)


def test_another_of_the_kind_asked_is_not_the_one_asked_of() -> None:
    second = ("A second theft, from the Lanford bowls club, was discovered last year but is not "
              "linked to Ms Bexley, police said.")
    article = ("Charity thefts came to light after audit\nCarol Bexley, 49, was the treasurer "
               "of the Lanford Children's Fund.\n" + second)
    assert not tells_act("How was Carol Bexley's theft discovered?", _ev(second), article)
    # Named as what the question says of it, the second is the one asked of.
    bridge = "A second bridge at Marlow Ferry, which was closed at the same time, will stay shut."
    assert tells_act("What happened to the bridge at Marlow Ferry?", _ev(bridge), BRIDGES)


def test_a_pronoun_beside_the_subject_named_is_anothers() -> None:
    question = "What was the robber wearing?"
    assert not tells_act(question, _ev(
        "He was wearing a black baseball cap, police said, and drove off with the robber."))
    assert tells_act(question, _ev("He was wearing a grey hooded top and white trainers."))


def test_the_verb_asked_how_of_said_again_needs_how() -> None:
    question = "How was the theft from the bowls club discovered?"
    article = "Thefts at Lanford clubs\nThe bowls club lost £4,000."
    assert not tells_act(question, _ev(
        "The theft from the bowls club was discovered last year, police said."), article)
    assert tells_act(question, _ev(
        "The theft from the bowls club was discovered when an auditor checked the accounts."),
        article)
    # Nor does a word for finding it, without how.
    assert not tells_act(question, _ev(
        "The theft from the bowls club came to light last year."), article)


def test_advice_for_another_situation_does_not_tell_what_to_do() -> None:
    flooded = ("Drivers should not try to cross flooded roads, the agency said, as just 30cm of "
               "moving water can float a car.")
    article = "Flood warnings issued for Tarrow valley\n" + flooded
    assert not tells_act("What should I do if my house is flooded?", _ev(flooded), article)
    assert not tells_act("What should I do if my car gets stuck in floodwater?", _ev(flooded),
                         article)
    assert not tells_act("What should I do if I have bottled water?", _ev(
        "Customers who have a water filter jug should replace the filter, the company said."))
    assert tells_act("What should I do if my car is in flooded roads?", _ev(flooded), article)


def test_a_possessive_subject_is_anothers_act() -> None:
    # The lawyer's words, not Smith's; the first ship sank, not the second.
    assert not tells_act("What did Smith say about the verdict?", _ev(
        "Smith's lawyer said the verdict would be appealed."))
    assert not tells_act("What happened to the second ship?", _ev(
        "The second ship's crew watched as the first ship sank."))
    assert tells_act("What did Smith say about the verdict?", _ev(
        "Smith said the verdict would be appealed."))


def test_what_was_said_about_it_is_after_the_saying() -> None:
    question = "What did the mayor say about the library?"
    assert not tells_act(question, _ev(
        "Speaking at the library, the mayor said the tram would bring jobs."))
    assert tells_act(question, _ev(
        "Speaking at the depot, the mayor said the library would reopen in May."))


def test_a_clause_of_another_subject_is_anothers_act() -> None:
    assert not tells_act("What did the coroner find?", _ev(
        "The coroner adjourned the inquest, and police found a note."))
    assert tells_act("What did the coroner find?", _ev(
        "The coroner adjourned the inquest, and found that the note was genuine."))
    article = "Mayor quits\nThe mayor resigned on Monday; his deputy quit because of the scandal."
    assert not tells_act("Why did the mayor resign?", _ev(
        "The mayor resigned on Monday; his deputy quit because of the scandal."), article)
    assert tells_act("Why did the mayor resign?", _ev(
        "The mayor resigned on Monday because of the scandal."), article)
