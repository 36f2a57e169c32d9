"""Whether a sentence carries the figure asked for (`evidence.answer_fit`, `figure_fit`): the
users' figure questions turned away though their closest sentence gave the figure, and
answered from sentences giving a figure of something else."""

from __future__ import annotations

import pytest

from assistant.counting import asked_verb, counted
from assistant.evidence import answer_fit, question_kind
from assistant.figure_fit import answering_figures, bare_count


def _fit(question: str, sentence: str) -> float:
    return answer_fit(question_kind(question), sentence, question)


@pytest.mark.parametrize(("question", "sentence"), [
    # The thing counted is the phrase's noun, its last word ("cuts", "fires").
    ("How many further rate cuts does Paolo Grünfeld expect this year?",
     "Paolo Grünfeld said he expected two more cuts before the end of the year."),
    ("How many e-bike and e-scooter battery fires were there in 2025?",
     "The fire service said it had been called to 31 fires caused by lithium-ion batteries."),
    # "units" counts whatever was asked about before; "ppl" are people.
    ("How many units?", "Kitchora is recalling 184,000 air fryers after dozens of reports."),
    ("how many ppl in the country have dementia",
     "About 950,000 people in the country are living with dementia."),
    # Customers are people, counted as people.
    ("How many customers is HomeBarn emailing?",
     "HomeBarn said it was emailing every customer, about 41,000 people in all."),
    # A count said without its noun, beside the question's own verb or words.
    ("How many works can the museum now show?", "Now we can show 1,100."),
    ("How many compulsory redundancies does the council expect?",
     "The council says it expects no more than 25."),
    ("How many home games in a row have Carrowmore won?",
     "Carrowmore have not lost at home since that defeat, winning nine in a row at Dunlevy Park."),
    # A thing's great age; an age in words; a rank's places; a show's end; a named currency.
    ("How old is the fossil?", "It is an ichthyosaur, a marine reptile that lived 183 million "
     "years ago."),
    ("How old was Devaney when he joined the academy?",
     "Devaney joined Ballymore's academy at the age of eleven."),
    ("How far did Saint Aldric's College fall?", "Saint Aldric's College fell 18 places to 88th."),
    ("How long is Tide Lines on for?", "Tide Lines — Tolverton Art Gallery, until 31 May."),
    ("By how much will monthly payments fall on a typical 300,000-arven variable mortgage?",
     "Monthly payments would fall by about 45 arvens."),
    # How deep, how full, how hot ask for figures too.
    ("How deep was the quake?", "The quake struck at a depth of about 35km."),
    ("How full are Harrowmere's reservoirs?", "Our reservoirs are at 64 per cent."),
    ("How hot did it get during the marathon?", "Temperatures reached 24C by midday."),
    ("How long has Teodora Marinescu had her shop?", "'Mum opened this shop 26 years ago.'"),
])
def test_the_figure_asked_for_is_carried(question: str, sentence: str) -> None:
    assert _fit(question, sentence) == 1.0


@pytest.mark.parametrize(("question", "sentence"), [
    # A year said as a date, a clock time, a sum asked how many people: no figure at all.
    ("How many people watched the quarter-final at Millbrook Park?",
     "The attendance was the biggest at Millbrook Park since its main stand was rebuilt in 2019."),
    ("How big is the ship?", "Cargo ship MV Corran Star hit the bridge's central pier at 05:55"),
    ("How many people are in the lottery syndicate?",
     "The syndicate's total prize was £4,214,880."),
])
def test_no_figure_answers(question: str, sentence: str) -> None:
    assert _fit(question, sentence) == 0.0


@pytest.mark.parametrize(("question", "sentence"), [
    # Years ago are no length (though how long one has had a shop); a man is no fossil.
    ("how long is the ichthyosaur skeleton",
     "It is an ichthyosaur, a marine reptile that lived 183 million years ago."),
    ("How old is he?", "It is an ichthyosaur, a marine reptile that lived 183 million years ago."),
    # Burns are injuries: recalled fryers are no count of the people burned.
    ("How many people were burned by the faulty fryers?",
     "Kitchora is recalling 184,000 air fryers after dozens of reports that they overheated."),
    # "still" is no verb: missing is asked, and the dead are no count of it.
    ("How many people are still missing after the storm?",
     "Nine people are now known to have died after Storm Brannagh."),
    # Hours spent count no volunteers; a share counts no children; a sum stolen is money.
    ("How many volunteers helped the stranded whales?",
     "Volunteers spent nine hours keeping the animals alive."),
    ("How many nurses does Northmoor Teaching Hospitals employ?",
     "The number of people waiting for treatment at Northmoor has reached a record 112,400."),
    ("How many children took part in the sleep study?",
     "Nearly two-thirds of the children in the study had a phone in their bedroom."),
    ("How much is Martin Feldwick accused of stealing?",
     "Martin Feldwick, 58, of Harbour View, Exbury, is accused of fraud."),
])
def test_a_figure_of_something_else(question: str, sentence: str) -> None:
    assert _fit(question, sentence) == 0.5


def test_the_counted_noun_and_the_verb_asked() -> None:
    assert "cut" in counted("How many further rate cuts does he expect?")
    assert counted("How many items?") == set()
    assert asked_verb("How many people are still missing?") == {"miss"}


def test_bare_counts_and_blanked_figures() -> None:
    """"a crew of 19" counts the crew, not the balloons asked about; "0.25" is no clock time,
    and a year asked how long may be the answer ("since 2019")."""
    assert not bare_count("The boats, with a crew of 19, carry missiles.",
                          "How many balloons carried the leaflets?", {"balloon"})
    # An age after a name, a tally: no bare counts ("How many councillors abstained?").
    assert not bare_count("Ms Bakare, 36, who is known as Seun, said so.",
                          "How many times did Bakare capsize?", {"time"})
    assert not bare_count("The council voted 9 to 4 on Monday night to approve the tram.",
                          "How many councillors abstained in the tram vote?", {"councillor"})
    assert "0.25" in answering_figures("It raised rates by 0.25 points.", "How much?")
    assert "2019" in answering_figures("Closed since 2019.", "How long has it been closed?")
    assert "2019" not in answering_figures("Closed since 2019.", "How many people use it?")


@pytest.mark.parametrize(("question", "sentence"), [
    # The staff a business employs are no count of its customers, guests or subscribers.
    ("How many customers does Northway Bank have?",
     "Northway, which employs 4,500 people, said the outage lasted four hours."),
    ("How many guests attended the wedding?",
     "The hotel, which employs 120 people, was closed to the public for the day."),
    ("How many subscribers does the streaming service have?",
     "The company employs about 13,000 people worldwide."),
    # Those who came are no count of the volunteers who helped.
    ("How many volunteers took part in the clean-up?",
     "Some 2,000 people attended the beach clean-up on Saturday, organisers said."),
    ("How many volunteers helped at the Holm Park concert?",
     "A total of 2000 people attended the charity concert in Holm Park on Saturday."),
    # A bare figure tied to the question only by when or where, or counting its own thing.
    ("How many goals has Haaland scored this season?",
     "City have now won nine in a row this season."),
    ("How many bikes were stolen in the city last year?",
     "Police in the city made 340 arrests last year, up from 290."),
    ("How many flights were cancelled at the airport?",
     "Delays at the airport averaged 45 on Monday, the airline said."),
    ("How many migrants crossed the Channel on Tuesday?",
     "The number of small boats crossing the Channel fell to 12 on Tuesday."),
    # "units" are counted by a figure's own plural noun, not by "14-storey".
    ("How many units will the building have?",
     "The 14-storey tower, on a two-acre site, was approved on Tuesday."),
])
def test_the_review_s_figures_of_something_else(question: str, sentence: str) -> None:
    assert _fit(question, sentence) == 0.5


@pytest.mark.parametrize(("question", "sentence"), [
    # Acres and homes burn without anyone hurt: "burn" is an injury only of people.
    ("How many acres have burned near Dunmore?",
     "The fire has grown to 12,000 acres and was 10% contained on Monday night."),
    ("How many homes have burned in the Dunmore wildfire?",
     "At least 40 homes have been destroyed, fire officials said."),
    # A four-digit count of people is no year.
    ("How many people attended the Holm Park concert?",
     "A total of 2000 people attended the charity concert in Holm Park on Saturday."),
    # Items are counted by an ordinal too.
    ("How many items has the Holloway Repair Café fixed?",
     "A volunteer-run repair café in Holloway has fixed its 1,000th item, a 1970s table lamp."),
    # A share's noun is counted by the figure after it with none of its own.
    ("How many students were suspended?",
     "Two-thirds of the students suspended last year were boys, and 340 were suspended in all."),
])
def test_the_review_s_figures_asked_for(question: str, sentence: str) -> None:
    assert _fit(question, sentence) == 1.0


def test_a_year_may_answer_how_many_years() -> None:
    """Asked how many years, "since 2019" is the figure's ground, not a date to blank."""
    assert _fit("How many years has the factory been closed?",
                "The factory has been closed since 2019.") == 0.5
    assert "2019" in answering_figures("Closed since 2019.", "How many years has it been shut?")
