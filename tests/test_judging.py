"""The evidence judged (`assistant.judging`): a sentence read first in place of the best one
keeps to the conversation's story."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.types import Message
from tests.records import assistant_over

RESCUE = {"id": "rescue", "title": "Climbers rescued after 14-hour ordeal on Beinn Dorcha",
          "source": "The Cairnloch Herald", "published": "2026-01-19",
          "text": "Two climbers have been rescued from Beinn Dorcha after spending 14 hours "
                  "trapped on a snow-covered ledge.\n"
                  "Tomasz Zieliński, 34, from Poznań in Poland, fell about 60 metres down a "
                  "gully on Saturday afternoon and broke his right leg.\n"
                  "When the cloud lifted on Sunday morning the helicopter returned, and Mr "
                  "Zieliński was winched aboard at 6.40am. He was flown to Dunmore Royal "
                  "Infirmary, where his condition was described on Sunday evening as stable."}
ELECTION = {"id": "election", "title": "Harrowfield North by-election: meet the five candidates",
            "source": "Lowmoor Standard", "published": "2026-03-20",
            "text": "Voters in Harrowfield North will choose a new MP on Thursday 26 March.\n"
                    "The campaign has been dominated by the planned closure of the maternity "
                    "unit at Harrowfield General Hospital, cuts to rural bus services and the "
                    "cost of housing. Five candidates are standing.\n"
                    "Sunita Varghese-Holt, 44, has been a GP in Harrowfield for 15 years."}


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([RESCUE, ELECTION], tmp_path_factory.mktemp("judging"))


def test_a_sentence_read_first_from_another_story_does_not_answer_a_follow_up(
        two_stories: Assistant) -> None:
    """The eleventh tester's "Which hospital is he in?" after "who fell on Beinn Dorcha?" was
    answered "Harrowfield General Hospital", from the election story: read first for naming a
    hospital, over the climber's own sentence, which the reranking had put first."""
    history: list[Message] = []
    for question in ("Who fell on Beinn Dorcha?", "Which hospital is he in?"):
        answer = two_stories.ask(question, history=history or None)
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text}]
    assert "Harrowfield" not in answer.text
    assert not answer.abstained and "Dunmore Royal Infirmary" in answer.text


ROBBERY = {"id": "robbery", "title": "Police release description of man who robbed Old Market "
           "Street jeweller", "source": "Brackenford Echo", "published": "2026-02-10",
           "text": "The robbery happened at about 4.15pm on Saturday 7 February at Marinescu & "
                   "Daughters in Old Market Street. Police said a man entered the shop, asked to "
                   "see a tray of men's watches, then grabbed several of them and pushed the "
                   "owner, Teodora Marinescu, to the floor as she tried to stop him leaving.\n"
                   "Mrs Marinescu, 58, was treated for a cut to her head and bruising at "
                   "Brackenford General Hospital and was allowed home the same evening. Eleven "
                   "watches worth a total of around £46,000 were taken.\n"
                   "Mrs Marinescu's daughter, Elena, who runs the shop with her mother, said the "
                   "family had been overwhelmed by messages of support. \"Mum opened this shop 26 "
                   "years ago and she has never been frightened to come to work until now,\" she "
                   "said. \"We will reopen on Thursday.\""}


@pytest.fixture(scope="module")
def robbery(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over([ROBBERY, ELECTION], tmp_path_factory.mktemp("robbery"))


def test_the_sentence_read_past_a_stray_quote_is_judged_again(robbery: Assistant) -> None:
    """The eleventh user's "how old is she?" after a question about the robbery: the reader put
    first the daughter's quote ("…26 years ago…," she said.), which gives no age; read past it
    (`stray_quote`), "Mrs Marinescu, 58, …" came first, but the answer was still turned away
    for the quote's want of an age."""
    history: list[Message] = [
        {"role": "user", "content": "Who was robbed in Old Market Street?"},
        {"role": "assistant", "content": "The articles don't say: the closest sentence does not "
         "clearly give the name asked for. The closest they come: “The robbery happened at about "
         "4.15pm on Saturday 7 February at Marinescu & Daughters in Old Market Street.” [1]"}]
    answer = robbery.ask("how old is she?", history=history)
    assert not answer.abstained and "58" in answer.text
