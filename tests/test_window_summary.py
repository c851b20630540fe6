"""Exporting a summary from the window: the preview is what gets written; private words
only with the author's tick."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot
from test_summary import MINE, THEIRS
from window_driver import open_sample_summary

from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.shell.main_window import MainWindow


def test_the_preview_is_what_is_saved_as_markdown_and_pdf(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_sample_summary(qtbot, window)
    qtbot.waitUntil(lambda: "Hand over the template" in dialog.preview.toPlainText())
    assert dialog.one.isChecked()
    assert MINE not in dialog.preview.toPlainText() and THEIRS not in dialog.preview.toPlainText()
    dialog.private.setChecked(True)
    qtbot.waitUntil(lambda: MINE in dialog.preview.toPlainText())
    assert THEIRS not in dialog.preview.toPlainText()

    md, pdf = tmp_path / "s.md", tmp_path / "s.pdf"
    set_next_path(str(md))
    dialog.save_md.click()
    qtbot.waitUntil(md.exists)
    assert md.read_text() == dialog.markdown and MINE in md.read_text()
    set_next_path(str(pdf))
    dialog.save_pdf.click()
    qtbot.waitUntil(pdf.exists)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Hand over the template" in text and MINE in text and THEIRS not in text


def test_the_sessions_tab_shows_the_feedback_given(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_sample_summary(qtbot, window)
    dialog.reject()
    detail = window.notebook.sessions.detail
    qtbot.waitUntil(lambda: "Feedback (1)" in detail.toPlainText())
    expected = "Ben to Ana: situation: you asked about the forecast; behaviour: you waited"
    assert expected in detail.toPlainText()
