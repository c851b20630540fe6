"""Exporting a summary from the window: the preview is what gets written; private words
only with the author's tick."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from test_summary import MINE, THEIRS, fill
from window_driver import create_partnership, idle

from peercoach_desktop.ui.file_choice import set_next_path
from peercoach_desktop.ui.main_window import MainWindow


def test_the_preview_is_what_is_saved_as_markdown_and_pdf(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    create_partnership(qtbot, window)
    pid = window.access.partnership_id
    window.tasks.run_and_wait(lambda: fill(window.workspace.store(pid)))
    window.reload_notebook()
    idle(qtbot, window)
    window.notebook.setCurrentWidget(window.notebook.sessions)
    qtbot.waitUntil(lambda: window.notebook.sessions.model.rowCount() == 1)
    window.notebook.sessions.table.selectRow(0)
    window.findChild(QAction, "action_export_a_summary").trigger()
    dialog = window.summary_dialog
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
