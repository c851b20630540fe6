"""A whole workshop in the real window: Notebook ▸ New workshop…, a pasted roster, present
today, pairs, a late arrival, a swap, and the room view's shared timer on a fake clock."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QDialog, QPushButton
from pytestqt.qtbot import QtBot
from test_i18n import English, _mnemonics_unique, assert_german, german, german_window  # noqa: F401
from window_driver import idle

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.ui.infra.file_choice import set_next_path
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.ui.workshop.room_view import RoomView
from peercoach_desktop.ui.workshop.workshop_window import WorkshopWindow
from peercoach_desktop.vault.workshops import WorkshopLibrary

UNITS = ("Physics", "History", "Nursing", "Law")
ROSTER = "Name\tUnit\n" + "".join(f"Person {i:02d}\t{UNITS[i % 4]}\n" for i in range(20))


def open_new_workshop(qtbot: QtBot, window: MainWindow, title: str) -> WorkshopWindow:
    window.findChild(QAction, "action_new_workshop").trigger()
    dialog = window.dialogs["new_workshop_dialog"]
    qtbot.keyClicks(dialog.title, title)
    dialog.accept()
    qtbot.waitUntil(lambda: window.dialogs.is_open("recovery_code_dialog"))
    window.dialogs["recovery_code_dialog"].stored.setChecked(True)
    window.dialogs["recovery_code_dialog"].accept()
    qtbot.waitUntil(lambda: "workshop_window" in window.dialogs)
    shown = cast(WorkshopWindow, window.dialogs["workshop_window"])
    qtbot.waitUntil(lambda: shown.snapshot is not None)
    return shown


def open_room(qtbot: QtBot, shown: WorkshopWindow) -> RoomView:
    before = shown.room
    shown.room_button.click()
    qtbot.waitUntil(lambda: shown.room is not before and shown.room is not None and shown.room.isVisible())
    return cast(RoomView, shown.room)


def tables(shown: WorkshopWindow) -> list[tuple[str, ...]]:
    assert shown.snapshot is not None
    return [tuple(p.name for p in t.people) for t in shown.snapshot.tables]


def test_a_whole_workshop_from_roster_to_room(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_new_workshop(qtbot, window, "Faculty spring")
    assert shown.heading.text() == "Faculty spring"
    # The roster comes from the clipboard, as a spreadsheet copies it (tabs, a header row).
    QGuiApplication.clipboard().setText(ROSTER)
    shown.paste_button.click()
    qtbot.waitUntil(lambda: shown.roster.rowCount() == 20)
    shown.all_present.click()
    qtbot.waitUntil(lambda: "20 of 20 present" in shown.count.text())
    # A no-show: unticking makes the count odd.
    shown.roster.item(7, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "19 of 20 present" in shown.count.text())

    shown.pair_button.click()
    qtbot.waitUntil(lambda: shown.pairs.count() == 9)
    first = tables(shown)
    assert sorted(len(t) for t in first) == [2] * 8 + [3]
    assert "Person 07" not in {name for t in first for name in t}
    units = {f"Person {i:02d}": UNITS[i % 4] for i in range(20)}
    assert all(len({units[n] for n in t}) == len(t) for t in first)  # everyone meets another unit
    assert "(three turns of 10 min)" in next(
        shown.pairs.item(i).text() for i in range(9) if shown.pairs.item(i).text().count("·") == 2
    )

    # A late arrival is typed in and fitted in; the standing pairs stay.
    qtbot.keyClicks(shown.new_name, "Late Comer")
    qtbot.keyClicks(shown.new_unit, "Music")
    shown.add_button.click()
    qtbot.waitUntil(lambda: shown.roster.rowCount() == 21)
    shown.fit_button.click()
    qtbot.waitUntil(lambda: shown.pairs.count() == 10)
    second = tables(shown)
    assert any("Late Comer" in t for t in second)
    assert sum(t in second for t in first) >= 8

    # A manual swap moves exactly two people.
    a, b = second[0][0], second[1][0]
    shown.swap_a.setCurrentIndex(shown.swap_a.findText(a))
    shown.swap_b.setCurrentIndex(shown.swap_b.findText(b))
    shown.swap_button.click()
    qtbot.waitUntil(lambda: tables(shown) != second)
    swapped = tables(shown)
    assert b in swapped[0] and a in swapped[1] and swapped[2:] == second[2:]

    # The room view: one shared timer with the runner's cues, the tables, the stance.
    shown.minutes["intro"].setValue(5)
    room = open_room(qtbot, shown)
    assert len(room.table_labels) == 10
    assert room.clock.text() == "05:00" and "What peer coaching is" in room.phase.text()
    clock = cast(FakeClock, room.timer._clock)
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    qtbot.keyClick(room, Qt.Key.Key_Space)
    assert room.timer.running and room.keeps_awake
    clock.advance(3 * 60 + 1)
    room.tick()
    assert room.sound.played == 1 and room.cue.text() == "Two minutes left."
    assert room.clock.backgroundRole() == QPalette.ColorRole.Highlight
    clock.advance(3 * 60)
    room.tick()
    assert room.sound.played == 2 and room.clock.text() == "+01:01"  # overtime is counted
    # While the room talks the window does not lock on idle.
    window.idle_timer.timeout.emit()  # the idle time has run out
    assert not window.locked
    qtbot.keyClick(room, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert "Pick a topic" in room.phase.text() and room.clock.text() == "02:00"
    assert "Can you help me understand" not in room.stance.text()
    room.next_phase()
    assert "Can you help me understand…?" in room.stance.text()

    shown.finish_button.click()
    qtbot.waitUntil(lambda: shown.pairs.count() == 0)
    idle(qtbot, window)


def test_a_bad_paste_names_the_line_and_adds_nobody(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_new_workshop(qtbot, window, "Faculty spring")
    QGuiApplication.clipboard().setText("Name,Unit\nAna,Physics\nBen\n")
    shown.paste_button.click()
    qtbot.waitUntil(
        lambda: (
            window.findChild(QDialog, "error_message") is not None
            or bool(shown.findChildren(QDialog, "error_message"))
        )
    )
    boxes = shown.findChildren(QDialog, "error_message")
    assert boxes and boxes[0].text().startswith("Line 3 has no unit.")
    idle(qtbot, window)
    assert shown.roster.rowCount() == 0


def test_workshops_are_listed_apart_and_reopen(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_new_workshop(qtbot, window, "Faculty spring")
    shown.close()
    assert window.partnerships.count() == 0  # not among the partnerships
    window.findChild(QAction, "action_workshops").trigger()
    qtbot.waitUntil(lambda: "workshop_list_dialog" in window.dialogs)
    listing = window.dialogs["workshop_list_dialog"]
    assert [listing.list.item(i).text() for i in range(listing.list.count())] == ["Faculty spring"]
    listing.accept()
    qtbot.waitUntil(lambda: window.dialogs["workshop_window"] is not shown)
    again = window.dialogs["workshop_window"]
    qtbot.waitUntil(lambda: again.snapshot is not None)
    library = window.access.workspace.library  # type: ignore[union-attr]
    assert len(WorkshopLibrary(library.data_dir, library.keystore).descriptors()) == 1


def test_locking_closes_the_workshop_and_its_names(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_new_workshop(qtbot, window, "Faculty spring")
    window.lock()
    assert not shown.isVisible()
    idle(qtbot, window)


def test_the_workshop_and_the_room_speak_german(qtbot: QtBot, german_window: MainWindow) -> None:  # noqa: F811
    window, english = german_window, English()
    shown = open_new_workshop(qtbot, window, "Kollegium")
    units = ("Physik", "Geschichte", "Pflege", "Recht")
    QGuiApplication.clipboard().setText("".join(f"Person {i:02d};{units[i % 4]}\n" for i in range(20)))
    shown.paste_button.click()
    qtbot.waitUntil(lambda: shown.roster.rowCount() == 20)
    shown.all_present.click()
    shown.pair_button.click()
    qtbot.waitUntil(lambda: shown.pairs.count() == 10)
    assert_german(shown, english)
    _mnemonics_unique([b.text() for b in shown.findChildren(QAbstractButton)], "workshop window")
    room = open_room(qtbot, shown)
    assert_german(room, english)
    assert "Kannst du mir helfen zu verstehen" not in room.stance.text()  # the intro comes first
    room.next_phase()
    room.next_phase()
    assert "„Kannst du mir helfen zu verstehen …?“" in room.stance.text()
    idle(qtbot, window)


def test_report_out_summary_and_cards_are_previewed_then_saved(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    shown = open_new_workshop(qtbot, window, "Faculty spring")
    QGuiApplication.clipboard().setText(ROSTER)
    shown.paste_button.click()
    qtbot.waitUntil(lambda: shown.roster.rowCount() == 20)
    shown.all_present.click()
    shown.pair_button.click()
    qtbot.waitUntil(lambda: shown.pairs.count() == 10)
    # The room's clock survives closing and reopening the room view.
    room = open_room(qtbot, shown)
    room.toggle()
    cast(FakeClock, room.timer._clock).advance(4 * 60)
    room.next_phase()
    assert open_room(qtbot, shown).timer.index == 1

    report = shown.report
    shown.end_tabs.setCurrentWidget(report)
    qtbot.keyClicks(report.themes, "Surprised how far 15 minutes went.")
    report.tally["not_unique"].setValue(14)
    report.continuing.setValue(12)
    report.save.click()
    idle(qtbot, window)
    report.summary_button.click()
    qtbot.waitUntil(lambda: report.dialog is not None and report.dialog.isVisible())
    dialog = report.dialog
    assert dialog is not None
    text = dialog.preview.toPlainText()
    assert "Surprised how far 15 minutes went." in text and "“My problem was not unique”: 14" in text
    assert "What peer coaching is — and is not: planned 10 min, took 4 min" in text
    set_next_path(str(tmp_path / "summary.md"))
    dialog.findChild(QPushButton, "save_summary").click()
    assert "Want to continue as peer-coaching partners: 12" in (tmp_path / "summary.md").read_text()
    set_next_path(str(tmp_path / "cards.pdf"))
    dialog.findChild(QPushButton, "save_cards").click()
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")
    idle(qtbot, window)
