"""The web UI without a browser: upload safety, launch options, rendering, and the chat and
articles handlers driven directly against the real sample index (extractive backend)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import ui
from assistant import Answer, Assistant, Citation
from assistant.errors import LLMError
from assistant.settings import Settings
from tests.llama_server import LlamaServer, free_port, llama_server
from ui.articles import ArticlesController
from ui.chat import ChatController, ChatOutputs, ChatSession
from ui.errors import (
    AuthConfigError,
    UnsupportedUploadError,
    UploadError,
    UploadTooLargeError,
    friendly_message,
)
from ui.render import answer_html, error_html, plain_answer, status_html
from ui.server import launch_options, parse_auth
from ui.sources import card_for, sources_html
from ui.uploads import UPLOAD_DIR_NAME, sanitise_filename, save_uploads

KURSK = "How many North Korean troops are in Kursk?"
_ = llama_server  # the fixture is found by name; this keeps the import from looking unused


def make_settings(store: Path, **fields: Any) -> Settings:
    """Explicit settings only: no .env, and no NEWSQA_UI_AUTH from the developer's shell."""
    given: dict[str, Any] = {"llm": "extractive", "ui_auth": None, **fields}
    return Settings(store=store, _env_file=None, **given)


def ask(chat: ChatController, question: str, session: ChatSession | None = None,
        llm: str = "extractive", since: str = "", until: str = "") -> list[ChatOutputs]:
    return list(chat.respond(question, session, llm, 6, since, until))


# --- uploads: names, sizes, types, where they go ------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\Windows\\win.ini.md", "win.ini.md"),
    ("/abs/path/story.html", "story.html"),
    (".hidden.txt", "hidden.txt"),
    ("my report (final).TXT", "my_report_final.txt"),
    ("Ünïcödé story.md", "Unicode_story.md"),
    ("report.txt\x00.exe", "report.txt.exe"),
    ("..", "upload"),
    ("", "upload"),
])
def test_sanitised_names_are_plain_and_cannot_climb(given: str, expected: str) -> None:
    name = sanitise_filename(given)
    assert name == expected
    assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*", name)
    assert ".." not in name and "/" not in name and "\\" not in name


def test_uploads_are_copied_under_the_store_with_safe_names(tmp_path: Path) -> None:
    src = tmp_path / "incoming.txt"
    src.write_text("A title\n\nSome text.\n", encoding="utf-8")
    store = tmp_path / "store"
    [saved] = save_uploads([(src, "../../../outside.txt")], store, max_mb=1)
    assert saved == store / UPLOAD_DIR_NAME / "outside.txt"
    assert saved.read_text(encoding="utf-8") == src.read_text(encoding="utf-8")
    assert not (tmp_path / "outside.txt").exists()


def test_same_name_different_content_never_replaces_an_earlier_upload(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("first\n", encoding="utf-8")
    second.write_text("second\n", encoding="utf-8")
    store = tmp_path / "store"
    [one] = save_uploads([(first, "story.txt")], store, max_mb=1)
    [again] = save_uploads([(first, "story.txt")], store, max_mb=1)
    [two] = save_uploads([(second, "story.txt")], store, max_mb=1)
    assert one == again and two != one
    assert one.read_text(encoding="utf-8") == "first\n"
    assert two.read_text(encoding="utf-8") == "second\n"
    assert two.parent == one.parent


def test_uploads_of_one_name_at_the_same_moment_each_keep_their_own_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import threading

    import ui.uploads

    sources = []
    for i in range(4):
        sources.append(tmp_path / f"{i}.txt")
        sources[-1].write_text(f"story {i}\n", encoding="utf-8")
    together = threading.Barrier(len(sources))  # every upload copies only once all have looked

    copy = shutil.copyfile

    def copy_together(src: Any, dst: Any) -> Any:
        together.wait(30)
        return copy(src, dst)

    monkeypatch.setattr(ui.uploads.shutil, "copyfile", copy_together)
    saved: dict[int, Path] = {}
    threads = [threading.Thread(target=lambda i=i: saved.update(
        {i: save_uploads([(sources[i], "story.txt")], tmp_path / "store", max_mb=1)[0]}))
        for i in range(len(sources))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(set(saved.values())) == len(sources)
    assert all(saved[i].read_text(encoding="utf-8") == f"story {i}\n" for i in saved)


def test_uploads_are_saved_where_hard_links_cannot_be_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.uploads

    def no_links(*_: Any) -> None:  # a FAT drive, many network shares
        raise PermissionError("Operation not permitted")

    monkeypatch.setattr(ui.uploads.os, "link", no_links)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("first\n", encoding="utf-8")
    second.write_text("second\n", encoding="utf-8")
    [one] = save_uploads([(first, "story.txt")], tmp_path / "store", max_mb=1)
    [two] = save_uploads([(second, "story.txt")], tmp_path / "store", max_mb=1)
    assert one.read_text(encoding="utf-8") == "first\n" and two != one
    assert two.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in one.parent.iterdir() if p.name.endswith(".part")] == []


def test_oversized_or_unsupported_uploads_are_refused_before_anything_is_copied(
        tmp_path: Path) -> None:
    good, big, exe = tmp_path / "good.txt", tmp_path / "big.txt", tmp_path / "tool.exe"
    good.write_text("fine\n", encoding="utf-8")
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    exe.write_bytes(b"MZ")
    store = tmp_path / "store"
    with pytest.raises(UploadTooLargeError, match="limited to 1 MiB"):
        save_uploads([(good, "good.txt"), (big, "big.txt")], store, max_mb=1)
    with pytest.raises(UnsupportedUploadError, match=r"\.txt"):
        save_uploads([(good, "good.txt"), (exe, "tool.exe")], store, max_mb=1)
    assert not (store / UPLOAD_DIR_NAME).exists()
    # Told where to say so, the others are saved and each refused file is named.
    refused: list[str] = []
    saved = save_uploads([(good, "good.txt"), (exe, "tool.exe"), (big, "big.txt")], store,
                         max_mb=1, refused=refused)
    assert [p.name for p in saved] == ["good.txt"]
    assert len(refused) == 2 and all(r.endswith("; skipped") for r in refused)
    assert "tool.exe is not a supported article file" in refused[0] and "big.txt" in refused[1]
    with pytest.raises(UnsupportedUploadError):  # nothing to save: refused, as before
        save_uploads([(exe, "tool.exe")], store, max_mb=1, refused=[])
    with pytest.raises(UploadError, match=r"tool\.exe.*big\.txt"):  # each one named
        save_uploads([(exe, "tool.exe"), (big, "big.txt")], store, max_mb=1, refused=[])


# --- serving: login, launch options, the CLI ----------------------------------------------------


def ui_cli() -> typer.Typer:
    """A CLI with just `newsqa ui` (the real one registers every command once, in `main`)."""
    from newsqa import cli_ui

    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """A group, so that `ui` stays a subcommand."""

    cli_ui.register(app)
    return app


def test_auth_parses_user_and_password_with_colons() -> None:
    assert parse_auth("alice:pa:ss") == ("alice", "pa:ss")
    assert parse_auth(None) is None and parse_auth("") is None
    for bad in ("alice", ":pw", "alice:"):
        with pytest.raises(AuthConfigError):
            parse_auth(bad)


def test_launch_options_are_offline_and_private(tmp_path: Path) -> None:
    opts = launch_options(make_settings(tmp_path, ui_auth="bob:secret", ui_max_upload_mb=3))
    assert opts["auth"] == ("bob", "secret")
    assert opts["max_file_size"] == "24mb"  # each file is held to 3 MiB by `save_uploads`
    assert opts["run_history"] is False and opts["ssr_mode"] is False
    assert opts["show_error"] is False and opts["mcp_server"] is False
    assert not re.search(r"https?://", opts["css"] + opts["head"])  # no external assets
    # The page holds each file to the setting before it is uploaded (ui/app.js).
    assert f"window.newsqaMaxUploadBytes = {3 * 1024 * 1024};" in opts["head"]
    assert launch_options(make_settings(tmp_path))["auth"] is None


def test_the_theme_font_leaves_out_gradios_broken_semibold(tmp_path: Path) -> None:
    """Gradio's SourceSansPro-SemiBold.woff2 holds 55 glyphs: "Attack" drew its "A" in one
    typeface and the rest in another. The theme's fonts name only complete files, all local."""
    import gradio as gr

    theme = launch_options(make_settings(tmp_path))["theme"]
    faces = [f.stylesheet()["css"] for f in theme._font if isinstance(f, gr.themes.LocalFont)]
    assert faces and not any("SemiBold" in css or "http" in css for css in faces)
    static = Path(gr.__file__).parent / "templates/frontend/static"
    for url in re.findall(r"url\('([^']+)'\)", "".join(faces)):
        assert (static.parent / url).stat().st_size > 50_000, url  # a whole font, not a subset


def test_build_app_makes_blocks_without_a_server(assistant: Assistant) -> None:
    import gradio as gr

    demo = ui.build_app(assistant)
    assert isinstance(demo, gr.Blocks)
    assert not demo.is_running  # nothing was launched
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {"nq-chat", "nq-question", "nq-sources-panel", "nq-upload", "nq-articles",
            "nq-backend"} <= ids


def test_cli_ui_binds_localhost_by_default_and_warns_when_exposed(
        monkeypatch: pytest.MonkeyPatch, sample_store: Path) -> None:
    app = ui_cli()
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ui, "serve", lambda assistant, **kw: calls.append(kw))
    monkeypatch.delenv("NEWSQA_UI_AUTH", raising=False)
    runner = CliRunner()
    port = free_port()
    result = runner.invoke(app, ["ui", "--store", str(sample_store), "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == port
    result = runner.invoke(app, ["ui", "--store", str(sample_store), "--host", "0.0.0.0",
                                 "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "0.0.0.0"
    assert "without a login" in result.output
    # A port another server listens on is said before anything claims to serve on it.
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = runner.invoke(app, ["ui", "--store", str(sample_store), "--port", str(port)])
    assert result.exit_code != 0 and "the port is taken" in str(result.exception)
    assert "newsqa UI on" not in result.output and len(calls) == 2


def test_cli_ui_ingest_samples_fills_an_empty_store(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = ui_cli()
    served: list[Assistant] = []
    monkeypatch.setattr(ui, "serve", lambda assistant, **kw: served.append(assistant))
    store = tmp_path / "empty-store"
    result = CliRunner().invoke(app, ["ui", "--ingest-samples", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert len(served[0].index.list()) >= 5


# --- rendering ----------------------------------------------------------------------------------


def _citation(text: str, quote: str, n: int = 1, title: str = "T") -> Citation:
    start = text.index(quote)
    return Citation(n=n, quote=quote, article_id="a1", title=title, outlet="Outlet <b>",
                    published="2024-10-24", source="/x/story.txt", start=start,
                    end=start + len(quote))


def test_two_articles_of_one_file_are_told_apart_on_their_cards() -> None:
    text = "T\nThe whole quoted line.\n"
    shown: dict[str, str] = {}
    for source in ("/x/000.txt", "/x/000.txt#2", "https://example.com/news/a#top",
                   "/x/f.jsonl#reuters-2024-01-15-ukraine-001",
                   "/x/f.jsonl#reuters-2024-01-15-ukraine-002", "/x/C#/notes.txt"):
        cite = dataclasses.replace(_citation(text, "The whole quoted line."), source=source)
        answer = Answer(question="q", text="“The whole quoted line.” [1]", citations=[cite])
        shown[source] = sources_html([("q", answer, [card_for(cite, text)])])
    assert "000.txt #2" in shown["/x/000.txt#2"] and "#2" not in shown["/x/000.txt"]
    # A page: its site, linked to the page itself; a record's javascript: "URL" is no link.
    assert ('<a href="https://example.com/news/a#top" target="_blank" rel="noopener noreferrer">'
            "example.com</a>") in shown["https://example.com/news/a#top"]
    script = dataclasses.replace(_citation(text, "The whole quoted line."),
                                 source="javascript:alert(1)")
    assert "href=\"javascript" not in sources_html([("q", Answer(
        question="q", text="t", citations=(script,)), [card_for(script, text)])])
    # Long record ids keep their end, where they differ; a "#" in a folder's name is no place.
    assert "ukraine-001" in shown["/x/f.jsonl#reuters-2024-01-15-ukraine-001"]
    assert "notes.txt" in shown["/x/C#/notes.txt"] and "C #" not in shown["/x/C#/notes.txt"]


def test_a_quote_is_shown_inside_its_paragraph_with_neighbours_when_it_fills_it() -> None:
    text = "T\nFirst paragraph here.\nThe whole quoted line.\nNext one.\n"
    card = card_for(_citation(text, "The whole quoted line."), text)
    assert (card.before, card.after) == ("", "")
    assert card.previous == "First paragraph here." and card.following == "Next one."
    text2 = "T\nIntro words, then the quoted part, and a long tail that gives context enough.\n"
    card2 = card_for(_citation(text2, "the quoted part"), text2)
    assert card2.before == "Intro words, then " and card2.after.startswith(", and a long")
    assert card2.previous == ""


def test_the_title_is_not_repeated_as_context_and_a_wrong_span_shows_the_quote_alone() -> None:
    text = "T\nThe quoted line.\n"
    assert card_for(_citation(text, "The quoted line."), text).previous == ""
    cit = _citation(text, "The quoted line.")
    assert card_for(cit, "something else entirely").before == ""
    assert card_for(cit, None).following == ""


def test_answers_escape_html_and_link_citations_to_their_cards() -> None:
    text = "T\n<script>alert(1)</script> 10,000 troops.\n"
    cit = _citation(text, "<script>alert(1)</script> 10,000 troops.", title="<i>T</i>")
    answer = Answer(question="q", text="“<script>” [1], not [7]", citations=[cit])
    html = answer_html(answer, turn=2)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="#src-2-1"' in html and "src-2-7" not in html and "not [7]" in html
    panel = sources_html([("q?", answer, [card_for(cit, text)])])
    assert 'id="src-1-1"' in panel and "<mark>&lt;script&gt;" in panel
    assert "<i>T</i>" not in panel and "Outlet &lt;b&gt;" in panel
    assert "\n" not in html  # one line: the chatbot's Markdown pass must leave it alone
    assert "[1] <i>T</i>" in plain_answer(answer)
    # The pill shows "1"; the page's text reads "[1]" (two pills side by side read "12").
    assert re.sub(r"<[^>]+>", "", html).startswith("“&lt;script&gt;” [1], not [7]")


def test_abstentions_look_different_and_quote_nothing() -> None:
    answer = Answer(question="q", text="The articles don't say: nothing relevant.",
                    abstained=True)
    html = answer_html(answer, 1)
    assert "nq-abstain" in html and "No answer in the articles" in html
    assert "nq-empty" in sources_html([("q", answer, [])])


# --- the chat handler ---------------------------------------------------------------------------


def test_a_question_shows_its_progress_then_a_cited_answer(assistant: Assistant) -> None:
    outputs = ask(ChatController(assistant), KURSK)
    messages, panel, session, box, error, _retry = outputs[-1]
    assert "nq-pending" in outputs[0][0][-1]["content"]  # shown at once, before any answer
    assert "Searching the articles" in outputs[0][0][-1]["content"]
    assert len(outputs) > 2  # the progress moved in steps
    import gradio as gr

    assert outputs[0][3] == "" and error == ""  # the box is emptied as the question is posted
    assert box == gr.skip()  # and not again when the answer is done (see below)
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert "10,000" in messages[-1]["content"] and "nq-cite" in messages[-1]["content"]
    assert "<mark>" in panel and session.history[0]["content"] == KURSK


class DraftingModel:
    """A chat backend whose streamed draft holds a claim no article makes (what a small local
    model does), then a true quote. Scripted, not SmolLM2: the test needs a draft known in
    advance to hold an invention that verification removes, and a real model's draft is
    neither known nor sure to hold one (tests/test_assistant.py's ScriptedModel, as a seam)."""

    name = "drafting"
    max_sources: int | None = None
    context = "passages"
    REPLY = ("Kim Jong Un personally leads 99,999 troops and will capture Kyiv by Friday [1]. "
             "The US confirmed 10,000 North Korean troops in the Russian region of Kursk [1].\n"
             '"Last week, the US confirmed that there were 10,000 North Korean troops in the '
             'Russian region of Kursk — where Ukraine launched a surprise incursion in early '
             'August." [1]')

    def chat(self, messages: Any, *, max_tokens: int = 400, temperature: float = 0.0) -> str:
        return self.REPLY

    def stream_chat(self, messages: Any, *, max_tokens: int = 400,
                    temperature: float = 0.0) -> Any:
        # A few characters at a time, as a model's tokens come: words are split across them.
        yield from (self.REPLY[i:i + 5] for i in range(0, len(self.REPLY), 5))


def _shown_before_the_answer(outputs: list[ChatOutputs]) -> list[str]:
    """The assistant's message as the chat showed it at every step before the final one."""
    return [out[0][-1]["content"] for out in outputs[:-1]
            if out[0] and out[0][-1]["role"] == "assistant"]


def test_an_unchecked_draft_is_never_shown_only_its_progress(sample_store: Path) -> None:
    """The model's raw draft streamed into the chat under "Drafting…": a reader read its
    invented "99,999 troops … Kyiv" before the verified answer replaced it."""
    drafting = Assistant(make_settings(sample_store, llm="local"))
    drafting._backends["local"] = DraftingModel()  # the seam: any ChatBackend
    outputs = ask(ChatController(drafting), KURSK, llm="local")
    final = outputs[-1][0][-1]["content"]
    assert "10,000" in final and "nq-cite" in final and "Kyiv" not in final  # verified
    shown = _shown_before_the_answer(outputs)
    assert len(shown) > 5  # the progress moved as the draft came
    for html in shown:  # not a word of the draft, invented or true
        assert "Kyiv" not in html and "99,999" not in html and "10,000" not in html, html
        assert "Kim Jong Un" not in html and "Kursk" not in html, html
    for html in shown:  # only how far it has got
        text = re.sub(r"<[^>]+>", "", html)
        assert re.fullmatch(r"Answering…(Searching the articles…|Writing the answer — \d+ "
                            r"words? so far\. It is shown once every quote in it is checked "
                            r"against the articles\.)", text), text
    counts = [int(n) for n in re.findall(r"— (\d+) word", " ".join(shown))]
    assert counts == sorted(counts) and counts[-1] >= len(DraftingModel.REPLY.split()) - 1


def test_a_real_local_model_s_draft_is_never_shown(llama_server: LlamaServer,
                                                   sample_store: Path) -> None:
    """The same with SmolLM2 on a real llama.cpp server: whatever it drafts, none of its words
    reach the chat before the verified answer."""
    served = Assistant(make_settings(sample_store, llm="openai",
                                     openai_base_url=llama_server.base_url,
                                     model=llama_server.model))
    drafts: list[str] = []
    stream = served.stream

    def recorded(*args: Any, **kwargs: Any) -> Any:  # the real stream, its deltas kept
        for item in stream(*args, **kwargs):
            if isinstance(item, str):
                drafts.append(item)
            yield item

    served.stream = recorded  # type: ignore[method-assign]
    outputs = ask(ChatController(served), KURSK, llm="openai")
    assert "nq-answer" in outputs[-1][0][-1]["content"] and drafts
    said = {"answering", "searching", "articles", "writing", "answer", "words", "word", "shown",
            "once", "every", "quote", "checked", "against"}  # what the progress says
    invented = set(re.findall(r"[a-z]{4,}", "".join(drafts).lower())) - said
    assert invented, drafts  # the model said something of its own to look for
    for html in _shown_before_the_answer(outputs):
        seen = set(re.findall(r"[a-z]{4,}", re.sub(r"<[^>]+>", "", html).lower()))
        assert not seen & invented, (seen & invented, html)


def test_follow_ups_use_the_conversation_and_sessions_stay_apart(assistant: Assistant) -> None:
    chat = ChatController(assistant)
    mine = ask(chat, "When did North Korea ratify the defence pact with Russia?")[-1][2]
    theirs = ask(chat, KURSK)[-1][2]
    mine = ask(chat, "And Russia?", mine)[-1][2]
    assert len(mine.turns) == 2 and len(theirs.turns) == 1
    follow_up = mine.turns[1][1]
    assert follow_up.query != follow_up.question  # completed from the earlier question
    assert "North Korea" in follow_up.query
    assert all(KURSK not in m["content"] for m in mine.history)
    messages, panel, fresh, _box, _error, _retry = chat.new_chat()
    assert messages == [] and fresh.history == [] and "nq-sources-empty" in panel


def test_new_chat_mid_answer_drops_that_answer_and_a_second_ask_waits(
        assistant: Assistant) -> None:
    chat = ChatController(assistant)
    session = ask(chat, KURSK)[-1][2]
    running = chat.respond("What does the treaty require if either country is attacked?",
                           session, "extractive", 6, "", "")
    assert "nq-pending" in next(running)[0][-1]["content"]
    busy = ask(chat, "Another question?", session)[-1]
    assert "Still answering" in busy[4] and len(session.messages) == 4
    messages, _panel, same, _box, _error, _retry = chat.new_chat(session)
    assert same is session and messages == [] and session.history == []
    rest = list(running)  # the abandoned answer ends showing the new, empty chat
    assert rest and rest[-1][0] == [] and session.turns == []
    assert "10,000" in ask(chat, KURSK, session)[-1][0][-1]["content"]  # not stuck "answering"


def test_a_reload_finds_its_tab_s_chat_and_stops_an_answer_the_page_left(
        assistant: Assistant) -> None:
    chat = ChatController(assistant)
    *_, key = chat.restore("")  # a new tab: a new chat under a new key
    messages, _panel, session, _box, _error, _retry, again = chat.restore(key)
    assert again == key and messages == []
    ask(chat, KURSK, session)
    messages, panel, same, *_ = chat.restore(key)  # reloaded
    assert same is session and "10,000" in messages[-1]["content"] and "<mark>" in panel
    assert chat.restore("made-up-key")[-1] != "made-up-key"  # a key is never chosen by a page
    running = chat.respond("What does the treaty require if either country is attacked?",
                           session, "extractive", 6, "", "")
    next(running)
    running.close()  # the page went away mid-answer (Gradio closes its generator)
    messages, _panel, same, _box, _error, retry, _key = chat.restore(key)
    assert "nq-stopped" in messages[-1]["content"] and len(same.turns) == 1
    assert retry.endswith("\nWhat does the treaty require if either country is attacked?")
    again = chat.restore(key)[5]  # reloaded a second time: offered again, not lost
    assert again.endswith("\nWhat does the treaty require if either country is attacked?")
    assert "10,000" in ask(chat, KURSK, session)[-1][0][-1]["content"]  # not stuck "answering"
    # Closed without a reload after it (Gradio closes a stream whose output failed): the next
    # question is answered, and the unfinished one shows as stopped.
    running = chat.respond("What does the treaty require if either country is attacked?",
                           session, "extractive", 6, "", "")
    next(running)
    running.close()
    messages = ask(chat, KURSK, session)[-1][0]
    assert "nq-stopped" in messages[-3]["content"] and "10,000" in messages[-1]["content"]


def test_a_question_asked_before_the_page_loaded_is_kept_by_a_reload(
        assistant: Assistant) -> None:
    """A click on an example can run before the page's load event: its answer went into a chat
    no key found, and a reload showed an empty chat (a flaky browser test found it)."""
    from ui.sessions import ChatSession

    chat = ChatController(assistant)
    session = ChatSession()  # the page's own (gr.State's copy), before the load event
    ask(chat, KURSK, session)
    *_, key = chat.restore("", session)  # the load event comes after
    messages, _panel, same, *_ = chat.restore(key)  # reloaded
    assert same is session and "10,000" in messages[-1]["content"]
    # The load event arriving while that first answer is still written does not stop it.
    page = ChatSession()
    running = chat.respond(KURSK, page, "extractive", 6, "", "")
    next(running)
    chat.restore("", page)
    rest = list(running)
    assert "10,000" in rest[-1][0][-1]["content"] and "nq-stopped" not in str(rest[-1][0])
    assert chat.restore("", ChatSession(answering=True))[-1]  # nothing shown yet: no failure


def test_a_page_come_back_to_finds_its_chat_and_a_copy_of_the_tab_its_own(
        assistant: Assistant) -> None:
    """A page's claim (`ui.sessions`): "<its id> <id of the page that left>" finds the chat
    only if that page held it; a page shown again whose chat a copy of the tab has taken
    begins another, not sharing the copy's."""
    chat = ChatController(assistant)
    _messages, _panel, session, _box, _error, _retry, key = chat.restore("", None, "one")
    ask(chat, KURSK, session)
    messages, _panel, same, *_, found = chat.restore(key, None, "two one")  # Back, "one" left
    assert found == key and same is session and "10,000" in messages[-1]["content"]
    # A copy of the tab taken while "one" was away comes back too: "two" holds the chat now.
    messages, _panel, other, *_, found = chat.restore(key, None, "three one")
    assert found != key and other is not session and messages == []
    # "two", shown again from the back-forward cache, claims its own chat.
    *_, same, _box, _error, _retry, found = chat.restore(key, session, "four two")
    assert found == key and same is session
    # Shown again after another page took it (a copy come back first): a new chat of its own.
    messages, _panel, other, *_, found = chat.restore(key, session, "five two")
    assert found != key and other is not session and messages == []


def test_a_question_asked_before_a_reloaded_page_loaded_is_kept_with_its_chat(
        assistant: Assistant) -> None:
    """With a known key, the load event gave the chat kept before, while the page's own chat
    was answering the question asked before it: the page showed that one, the next reload the
    kept one."""
    chat = ChatController(assistant)
    *_, key = chat.restore("")
    ask(chat, KURSK, chat.restore(key)[2])
    page = ChatSession()  # the reloaded page's own, answering before its load event
    running = chat.respond("What does the treaty require if either country is attacked?",
                           page, "extractive", 6, "", "")
    next(running)
    messages, _panel, same, _box, _error, _retry, found = chat.restore(key, page)
    assert same is page and found != key and "nq-stopped" not in str(messages)
    assert "10,000" not in str(messages)
    assert "nq-stopped" not in str(list(running)[-1][0])  # answered, not stopped
    assert chat.restore(found)[2] is page  # the next reload finds it


def test_a_stream_closed_after_a_reload_stopped_it_leaves_the_chat_alone(
        assistant: Assistant) -> None:
    """Gradio may close a left page's stream long after the reload that stopped its answer: it
    marked the chat's next answer unfinished, and the next load showed that one stopped."""
    chat = ChatController(assistant)
    *_, key = chat.restore("")
    session = chat.restore(key)[2]
    running = chat.respond("What does the treaty require if either country is attacked?",
                           session, "extractive", 6, "", "")
    next(running)
    assert "nq-stopped" in chat.restore(key)[0][-1]["content"]  # reloaded: stopped
    ask(chat, KURSK, session)
    running.close()
    messages = chat.restore(key)[0]
    assert "10,000" in messages[-1]["content"] and "nq-stopped" not in messages[-1]["content"]


def test_the_chats_kept_for_reloads_are_bounded() -> None:
    from ui.sessions import Sessions

    sessions = Sessions(limit=3)
    first, _ = sessions.resume(None)
    keys = [sessions.resume(None)[0] for _ in range(3)]
    assert len(sessions) == 3 and sessions.resume(first)[0] != first  # the oldest went
    assert sessions.resume(keys[-1])[0] == keys[-1]
    brief = Sessions(ttl=0.0)  # none kept past its time unused
    key, _ = brief.resume(None)
    assert brief.resume(key)[0] != key


def test_a_question_typed_while_answering_stays_in_the_box(assistant: Assistant) -> None:
    import gradio as gr

    chat = ChatController(assistant)
    session = ask(chat, KURSK)[-1][2]
    running = chat.respond("What does the treaty require if either country is attacked?",
                           session, "extractive", 6, "", "")
    assert next(running)[3] == ""  # posted: the box is emptied
    nxt = "When did Russia ratify the treaty?"
    busy = ask(chat, nxt, session)[-1]
    # Refused and left in the box: not sent back over what may have been typed since.
    assert busy[3] == gr.skip() and "Still answering" in busy[4]
    rest = list(running)
    assert rest and all(out[3] == gr.skip() for out in rest)  # the first answer's end keeps it
    assert "nq-cite" in rest[-1][0][-1]["content"]


@pytest.mark.parametrize(("question", "since", "until", "expected"), [
    ("   ", "", "", "The question is empty"),
    ("Anything?", "not a date", "", "not a date I can read"),
    ("Anything?", "01/02/2024", "", "could be read two ways"),  # refused, as ask() does
    ("Anything?", "2025-01-01", "2024-01-01", "reversed"),
    ("x" * 2001, "", "", "the limit is 2,000"),
])
def test_bad_input_becomes_a_friendly_message(assistant: Assistant, question: str, since: str,
                                              until: str, expected: str) -> None:
    messages, _panel, session, box, error, _retry = ask(ChatController(assistant), question,
                                                        since=since, until=until)[-1]
    assert expected in error and 'role="alert"' in error
    assert messages == [] and session.history == []
    import gradio as gr

    assert box == gr.skip()  # never taken from its box: left there to correct


def test_settings_top_k_and_date_range_reach_the_assistant(assistant: Assistant) -> None:
    chat = ChatController(assistant)
    narrow = list(chat.respond(KURSK, None, "extractive", 1, "", ""))[-1][2].turns[0][1]
    assert len(narrow.retrieved) == 1
    # Typed into the slider's box as 2.5, it is what the slider shows, 3.
    typed = list(chat.respond(KURSK, None, "extractive", 2.5, "", ""))[-1][2].turns[0][1]
    assert len(typed.retrieved) == 3
    future = ask(chat, KURSK, since="2030-01-01")[-1][2].turns[0][1]
    assert future.abstained and not future.citations
    ranged = ask(chat, KURSK, since="1 Jan 2024", until="2024-12-31")[-1][2].turns[0][1]
    assert all(p.published and "2024-01-01" <= p.published <= "2024-12-31"
               for p in ranged.retrieved)


def test_an_unreachable_llm_is_reported_and_the_question_kept(sample_store: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/v1"
    down = Assistant(make_settings(sample_store, openai_base_url=dead, max_retries=0,
                                   timeout=3))
    messages, _panel, session, box, error, retry = ask(ChatController(down), KURSK,
                                                       llm="openai")[-1]
    assert "Cannot reach the LLM server" in error and "Settings tab" in error
    assert "--llm" not in error  # the page has no command line: its switch is the Settings tab
    # Offered back to the box (the page puts it there only if the box is still empty).
    import gradio as gr

    assert box == gr.skip() and retry.split("\n", 1)[1] == KURSK
    assert messages == [] and session.history == []


@pytest.mark.parametrize("message", [
    "The openai backend needs OPENAI_API_KEY (…). Set one, or use --llm local or --llm extractive.",
    "Unknown chat backend 'x'. Registered backends: a. (`--llm extractive` answers without a "
    "chat model.)",
    "It serves: m. Set NEWSQA_MODEL (or --model) to a model it serves.",
    "Raise NEWSQA_TIMEOUT (e.g. 180), use a smaller model, or use --llm extractive.",
    "It takes a few seconds on idle cores: if this machine is busy, ask again when it is "
    "quieter, or use --llm extractive.",
    "The llamaindex backend needs its package. Or use --llm extractive.",
])
def test_backend_errors_in_the_page_name_no_cli_switch(message: str) -> None:
    shown = friendly_message(LLMError(message))
    assert "--" not in shown and "Settings tab" in shown
    assert shown.count("(") == shown.count(")") and ", ." not in shown and " ." not in shown
    assert "NEWSQA_" in shown or "backend" in shown or "busy" in shown
    # Only the switch goes: the rest reads as written ("if this machine is busy, ask again").
    kept = message.split(" or use --llm")[0].split(" Or use --llm")[0].split(" (")[0]
    assert kept.rstrip(",.") in shown


def test_unexpected_errors_never_show_a_traceback() -> None:
    message = friendly_message(KeyError("secret internals"))
    assert "KeyError" in message and "secret internals" not in message
    assert "Traceback" not in message


# --- the articles handler -----------------------------------------------------------------------


def test_bad_uploads_are_reported_in_the_page(fresh_store: Path, tmp_path: Path) -> None:
    arts = ArticlesController(Assistant(make_settings(fresh_store)))
    status, rows, _choices = arts.upload(None, progress=None)
    assert "Choose one or more article files" in status and len(rows) >= 5
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 binary")
    status, _rows, _choices = arts.upload([str(binary)], progress=None)
    assert "No article could be read" in status and "bad.txt" in status
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    status, _rows, _choices = arts.upload([str(exe)], progress=None)
    assert "not a supported article file" in status


def test_an_upload_of_good_and_bad_files_lists_the_skipped_apart(fresh_store: Path,
                                                                 tmp_path: Path) -> None:
    arts = ArticlesController(Assistant(make_settings(fresh_store)))
    good = tmp_path / "orchard.txt"
    good.write_text("Orchard town hosts record apple festival\n\nThe festival drew 40,000 "
                    "visitors on Saturday, the organisers said.\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 binary")
    status, rows, _choices = arts.upload([str(good), str(binary)], progress=None)
    added, skipped = status.split("Warnings:")
    assert "Orchard town hosts record apple festival" in added and "binary.txt" not in added
    assert "binary.txt" in skipped and "Orchard" not in skipped
    # What was just added heads the list, not after the articles already there.
    assert rows[0][0] == "Orchard town hosts record apple festival" and len(rows) > 5


def test_files_the_page_kept_back_are_named_with_what_was_added(fresh_store: Path,
                                                                tmp_path: Path) -> None:
    """The page keeps a file over the limit back (ui/app.js) and names it to the server, which
    says so at once and again in the upload's report; what it is sent is only shown back."""
    from ui.uploads import left_out_in_page

    arts = ArticlesController(Assistant(make_settings(fresh_store, ui_max_upload_mb=1)))
    sent = '[["big.txt", 1782579], ["C:\\\\Users\\\\me\\\\huge.md", 3145728]]'
    assert [str(e).split(";")[0] for e in left_out_in_page(sent, 1)] == [
        "big.txt is 1.7 MiB", "huge.md is 3.0 MiB"]
    for bad in ("", "not json", "{}", '[["x"]]', '[[1, 2]]', '[["x", true]]', "[null]"):
        assert left_out_in_page(bad, 1) == []
    note = arts.left_out_note(sent)
    assert "will not be uploaded" in note and "big.txt is 1.7 MiB" in note and "huge.md" in note
    import gradio as gr

    assert arts.left_out_note("[]") == gr.skip()  # nothing kept back: nothing said
    good = tmp_path / "kiln.txt"
    good.write_text("Pottery kiln restored\n\nThe village kiln was fired again on Sunday, its "
                    "volunteers said.\n", encoding="utf-8")
    status, _rows, _choices = arts.upload([str(good)], '[["big.txt", 1782579]]', progress=None)
    added, warned = status.split("Warnings:")
    assert "1 added" in added and "Pottery kiln restored" in added and "big.txt" not in added
    assert "big.txt is 1.7 MiB; uploads are limited to 1 MiB each" in warned
    assert "not uploaded" in warned and "<code>newsqa ingest</code>" in warned  # no backticks
    status, _rows, _choices = arts.upload(None, '[["big.txt", 1782579]]', progress=None)
    assert "Nothing was added" in status and "big.txt is 1.7 MiB" in status
    assert "nq-error" in status


def test_the_backend_choices_say_when_openai_is_not_set_up() -> None:
    from ui.app import backend_choices

    def openai_label(**fields: Any) -> str:
        given = {"openai_api_key": None, "openai_base_url": None, **fields}
        settings = Settings(_env_file=None, **given)  # type: ignore[call-arg]
        return dict((name, label) for label, name in backend_choices(settings))["openai"]

    assert "not set up here" in openai_label()
    assert "not set up here" not in openai_label(openai_base_url="http://127.0.0.1:8000/v1")


def test_removal_choices_cut_long_titles_at_a_word() -> None:
    from index import Article
    from ui.articles import article_choices

    title = "Russia moves to ratify North Korea defense treaty, Seoul issues warning over troops"
    [(label, value)] = article_choices([Article("x1", title, "Text.", "a.txt", "a.txt")])
    assert label.startswith("Russia moves to ratify North Korea defense treaty, Seoul issues…")
    assert value == "x1" and "warnin —" not in label


def test_remove_takes_an_article_out_of_the_list(fresh_store: Path) -> None:
    arts = ArticlesController(Assistant(make_settings(fresh_store)))
    _status, rows, _choices = arts.listing()
    victim = rows[0]
    # The page's "Remove …?" answered no: nothing goes, and the choice stays.
    import gradio as gr

    status, kept, choices = arts.remove(victim[-1], confirmed=False)
    assert "Nothing was removed" in status and kept == gr.skip() and choices == gr.skip()
    assert len(arts.listing()[1]) == len(rows)
    status, after, _choices = arts.remove(victim[-1])
    assert "Removed 1 article" in status and victim[0] in status
    assert len(after) == len(rows) - 1 and victim[-1] not in {r[-1] for r in after}
    status, _rows, _choices = arts.remove(None)
    assert "Pick an article" in status


def test_a_command_in_an_error_is_code_not_backticks() -> None:
    """Messages name commands for the terminal between backticks, which a page showed as
    stray marks ("Set OPENAI_API_KEY or run `newsqa ui --llm local`")."""
    html = error_html("Set OPENAI_API_KEY, or run `newsqa ui --llm local` <here>.")
    assert "<code>newsqa ui --llm local</code>" in html and "`" not in html
    assert "&lt;here&gt;" in html  # still escaped
    status = status_html(["Nothing was added: run `make run`."], "error")
    assert "<code>make run</code>" in status
