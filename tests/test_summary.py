"""Summaries: what was said and agreed, in Markdown and PDF; private words only by their
own author's choice, the partner's never."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from peercoach_desktop.cli.main import main
from peercoach_desktop.coaching import summary
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import Feedback
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

MINE = "MARKER-MINE-1618"
THEIRS = "MARKER-THEIRS-2718"


def fill(store: NotebookStore) -> str:
    goal = store.add_goal("me", "Delegate the budget review")
    session = store.add_session("2026-03-02T10:00")
    store.add_note("We agreed Kim drafts the Q2 review", session=session.id)
    store.add_note(f"My own doubt {MINE}", session=session.id, private=True)
    theirs = store.add_note(f"Ben's own doubt {THEIRS}", session=session.id, private=True)
    store.change_record(theirs, author_id=store.partner().id)  # as if written on Ben's laptop
    store.add_step("me", "Hand over the template", session=session.id, goal=goal.id, due_date="2026-03-09")
    store.add_record(
        Feedback,
        session_id=session.id,
        giver_id=store.partner().id,
        receiver_id=store.me_id,
        situation="you asked about the forecast",
        behaviour="you waited for my answer",
        impact="I found my own next step",
    )
    return session.id


def test_markdown_has_what_was_agreed_and_no_private_words_unless_asked(store: NotebookStore) -> None:
    session_id = fill(store)
    text = summary.to_markdown(summary.build(store, session=session_id))
    for expected in (
        "Kim drafts the Q2 review",
        "Hand over the template",
        "Delegate the budget review",
        "I found my own next step",
        "Ben to Ana",
    ):
        assert expected in text
    assert MINE not in text and THEIRS not in text
    mine = summary.to_markdown(summary.build(store, session=session_id, include_private=True))
    assert MINE in mine and THEIRS not in mine  # the partner's private words: never


def test_a_date_range_and_clear_errors(store: NotebookStore) -> None:
    fill(store)
    store.add_session("2026-05-01T10:00")
    built = summary.build(store, since="2026-03-01", until="2026-03-31")
    assert len(built.sessions) == 1
    with pytest.raises(Exception, match="No session in that range"):
        summary.build(store, since="2027-01-01")


def test_the_pdf_reads_back_with_the_same_words(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keystore, clock = MemoryKeyStore(), FakeClock()
    library = Library(data_dir, keystore, clock)
    created = library.create("Ana", "Ben", "Ana & Ben")
    with created.store as store:
        fill(store)
    pid = created.descriptor.partnership_id
    for flag, out in (([], tmp_path / "shared.pdf"), (["--include-private"], tmp_path / "mine.pdf")):
        code = main(
            ["--data-dir", str(data_dir), "summary", pid, "--since", "2026-01-01", "--out", str(out), *flag],
            keystore=keystore,
            clock=clock,
        )
        assert code == 0, capsys.readouterr().err
        assert out.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())  # lines wrap where the page ends them
        assert "Hand over the template" in text and "I found my own next step" in text
        assert THEIRS not in text
        assert (MINE in text) == bool(flag)
    capsys.readouterr()
    code = main(
        ["--data-dir", str(data_dir), "summary", pid, "--out", str(tmp_path / "s.md"), "--json"],
        keystore=keystore,
        clock=clock,
    )
    assert code == 0 and json.loads(capsys.readouterr().out)["format"] == "md"
    assert THEIRS not in (tmp_path / "s.md").read_text()


def test_note_text_stays_text_in_a_summary(store: NotebookStore, qapp: object) -> None:
    session = store.add_session("2026-03-02T10:00")
    store.add_note("see ![x](/home/ana/Pictures/x.png) and # not a heading", session=session.id)
    text = summary.to_markdown(summary.build(store, session=session.id))
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(text)
    assert "![x](/home/ana/Pictures/x.png)" in document.toPlainText()  # shown as typed
    assert "<img" not in document.toHtml()  # never an image pulled from the disk


def test_a_date_range_means_local_days(store: NotebookStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import time as _time

    monkeypatch.setenv("TZ", "America/New_York")
    _time.tzset()
    try:
        store.add_session("2026-03-31T23:30")  # local time: 1 April in UTC
        assert len(summary.build(store, since="2026-03-31", until="2026-03-31").sessions) == 1
    finally:
        monkeypatch.delenv("TZ")
        _time.tzset()


def held(store: NotebookStore, when: str, stages: list[tuple[str, float]]) -> str:
    """A session that ran through `stages` (name, seconds spent), as the runner saves it."""
    session = store.add_session(when)
    state = {
        "format": 2,
        "stages": [
            {"name": n, "kind": "talk", "speaker": "a", "seconds": 600, "prompts": []} for n, _ in stages
        ],
        "elapsed": [spent for _, spent in stages],
        "phase_time": dict(stages),
    }
    spoken = {store.me_id: 300, store.partner().id: 240}
    store.change_record(session, timer_state=state, seconds_by_speaker=spoken, status="done")
    return session.id


def test_a_summary_reads_right(store: NotebookStore) -> None:
    session_id = held(store, "2026-03-02T10:00", [("Check-in", 60), ("Turn of Ana", 300), ("Feedback", 90)])
    store.add_session("2026-03-09T10:00")  # planned, never held
    store.add_record(
        Feedback,
        session_id=session_id,
        giver_id=store.partner().id,
        receiver_id=store.me_id,
        situation="When I got stuck",  # as the form's hint "When… (the moment)" invites
        behaviour="you asked what I wanted",
        impact="",
    )
    text = summary.to_markdown(summary.build(store, since="2026-03-01", until="2026-03-31"))
    assert "Ben to Ana: situation: When I got stuck; behaviour: you asked what I wanted" in text
    assert "when When" not in text.replace("\n", " ") and "impact:" not in text  # nothing empty
    # the protocol's order, not the alphabet's
    assert "Check-in 1 min 00 s, Turn of Ana 5 min 00 s, Feedback 1 min 30 s" in text
    planned = text.split("## 2026-03-09")[1]
    assert "Not held" in planned and "0 min 00 s" not in planned


def test_the_header_says_private_notes_are_in_only_when_they_are(store: NotebookStore) -> None:
    session_id = held(store, "2026-03-02T10:00", [("Check-in", 60)])
    store.add_note("shared words", session=session_id)
    words = summary.ENGLISH.includes_private
    assert words not in summary.to_markdown(summary.build(store, session=session_id, include_private=True))
    store.add_note(f"my words {MINE}", session=session_id, private=True)
    text = summary.to_markdown(summary.build(store, session=session_id, include_private=True))
    assert words in text and MINE in text


def test_the_pdf_keeps_a_notes_line_breaks_and_prints_emoji(store: NotebookStore, tmp_path: Path) -> None:
    from PySide6.QtGui import QFontDatabase, QRawFont

    from peercoach_desktop.coaching.summary_pdf import markdown_to_pdf

    session_id = held(store, "2026-03-02T10:00", [("Check-in", 60)])
    store.add_note("First line of the note\nSecond line 🙂 of it", session=session_id)
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(markdown_to_pdf(summary.to_markdown(summary.build(store, session=session_id)), "s"))
    lines = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in lines.splitlines()]
    assert "First line of the note" in lines  # the line break is kept, not joined with a space
    second = next(line for line in lines if line.startswith("Second line"))
    emoji_font = any(
        QRawFont.fromFont(QFontDatabase.font(f, "", 12)).supportsCharacter(0x1F642)
        for f in QFontDatabase.families()
    )
    assert second == (
        "Second line 🙂 of it" if emoji_font else "Second line (emoji: slightly smiling face) of it"
    )
