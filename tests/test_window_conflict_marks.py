"""'Keep both' in the real window: the two copies of a note are marked in the Notes list
("Copy kept from a conflict · Ben, Tue …"), and the marks travel with the copies to the partner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sync_helpers import Pair, make_pair
from window_driver import idle

from peercoach_desktop.cli import render
from peercoach_desktop.domain.model import Note
from peercoach_desktop.sync import conflict_choice, exchange
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.notebook.notes_view import kept_mark
from peercoach_desktop.ui.shell.main_window import MainWindow

MARK = "Copy kept from a conflict · "


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    """Ana and Ben edited one shared note at once; Ben's file has reached Ana's laptop."""
    p = make_pair(tmp_path)
    note = p.ana.add_note("Our agenda")
    p.send(p.ana, p.ben)
    p.ana.update_note(note.id, "Our agenda, Ana's way")
    p.clock.advance(60)
    p.ben.update_note(note.id, "Our agenda, Ben's way")
    p.send(p.ben, p.ana)
    p.ana.close()  # Ana's laptop: the window opens her notebook
    yield p
    p.ben.close()


def rows(window: MainWindow) -> dict[str, str]:
    """First line -> second line of every row of the Notes list."""
    model = window.notebook.notes.model
    found = [str(model.index(r, 0).data()).split("\n", 1) for r in range(model.rowCount())]
    return {first: second for first, second in found}


def rows_text(window: MainWindow, row: int) -> str:
    return str(window.notebook.notes.model.index(row, 0).data())


def test_keep_both_marks_the_two_copies_in_the_notes_list_and_on_the_partners_laptop(
    qtbot: QtBot, pair: Pair, tmp_path: Path
) -> None:
    window = MainWindow(pair.ana_library, Preferences())
    qtbot.addWidget(window)
    window.show()
    window.load()
    idle(qtbot, window)
    window.notebook.setCurrentWidget(window.notebook.notes)
    qtbot.waitUntil(lambda: len(rows(window)) == 2)
    assert not any(MARK in about for about in rows(window).values())  # a conflict, not settled yet

    qtbot.waitUntil(lambda: window.findChild(QAction, "action_conflicts") is not None)
    window.findChild(QAction, "action_conflicts").trigger()
    dialog = window.dialogs["conflicts_dialog"]
    qtbot.waitUntil(lambda: dialog.list.count() == 1 and dialog.current_label.text() != "")
    ben_label, ana_label = dialog.current_label.text(), dialog.other_label.text()  # "Ben, Tue …"
    dialog.findChild(QPushButton, "keep_both").click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1 and "agree" in dialog.list.item(0).text())
    dialog.reject()  # closing it shows the notebook as it is now
    idle(qtbot, window)

    def marked() -> dict[str, str]:
        return {first: about.split(" · ")[1] for first, about in rows(window).items() if MARK in about}

    qtbot.waitUntil(lambda: len(marked()) == 2)
    # each copy names whose version it keeps, as the conflicts dialog did
    assert marked() == {"Our agenda, Ben's way": ben_label, "Our agenda, Ana's way": ana_label}

    # selected, a copy says so in full above its text (the row is cut to the list's width)
    notes = window.notebook.notes
    notes.select(notes.model.item(next(r for r in range(2) if "Ana's way" in rows_text(window, r))).id)
    qtbot.waitUntil(lambda: notes.kept.isVisible())
    assert notes.kept.text() == MARK + ana_label
    assert notes.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == notes.model.index(0, 0).data()

    # the marks travel with the copies: Ben's laptop shows the same two
    pid = window.access.partnership_id
    out = tmp_path / "from-ana.pcsync"
    window.tasks.run_and_wait(lambda: exchange.export_file(window.workspace.store(pid), pair.key, out))
    exchange.apply_import(pair.ben, out, pair.key)
    names = {pair.ben.me_id: "Ben", pair.ben.partner().id: "Ana"}
    on_ben = {n.body: kept_mark(n, names) for n in pair.ben.list(Note)}
    assert on_ben == {
        "Our agenda, Ben's way": MARK + ben_label,
        "Our agenda, Ana's way": MARK + ana_label,
    }
    assert conflict_choice.list_conflicts(pair.ben) == []
    lines = render.notebook_lines(pair.ben.snapshot())  # `peercoach show` says it too
    shown = [line for line in lines if "copy kept from a conflict" in line]
    assert sorted(line.split("conflict: ")[1].split(",")[0] for line in shown) == ["Ana", "Ben (me)"]

    # new words in a copy: it is the user's note now, no longer marked
    notes.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes.editor, ", and Ben's")
    qtbot.waitUntil(lambda: not notes.kept.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(marked()) == 1)
    assert list(marked()) == ["Our agenda, Ben's way"]
