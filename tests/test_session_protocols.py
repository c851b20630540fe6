"""Protocols in the real window: a GROW session run end to end with a fake clock, and a
protocol the user copies, edits and then runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from window_driver import CTRL, create_partnership, idle, press

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import NextStep, Session, SessionStatus, SessionTemplate
from peercoach_desktop.domain.session_timer import Kind
from peercoach_desktop.ui.session import session_widgets
from peercoach_desktop.ui.session.runner_view import SessionRunnerView
from peercoach_desktop.ui.session.session_tab import SessionTab
from peercoach_desktop.ui.session.template_dialog import ProtocolsDialog
from peercoach_desktop.ui.shell.main_window import MainWindow

GROW_TALK = [  # (stage, minutes, who speaks), as in resources/templates/grow.toml
    ("A: Goal", 3, "Ana"),
    ("A: Reality", 5, "Ana"),
    ("A: Options", 5, "Ana"),
    ("A: Will", 2, "Ana"),
    ("B: Goal", 3, "Ben"),
    ("B: Reality", 5, "Ben"),
    ("B: Options", 5, "Ben"),
    ("B: Will", 2, "Ben"),
]


def session_tab(qtbot: QtBot, window: MainWindow) -> SessionTab:
    create_partnership(qtbot, window)
    tab = window.notebook.session
    window.notebook.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.protocol.count() >= 4)
    return tab


def start(qtbot: QtBot, window: MainWindow, tab: SessionTab, protocol_id: str) -> SessionRunnerView:
    tab.protocol.setCurrentIndex(tab.protocol.findData(protocol_id))
    press(qtbot, window, Qt.Key.Key_R, CTRL)  # to the chooser, which keeps the protocol chosen
    assert tab.protocol.currentData() == protocol_id and tab.view is None
    tab.start_button.click()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.state is not None)
    assert tab.view is not None
    return tab.view


def click(view: SessionRunnerView, name: str) -> None:
    button = view.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    button.click()


def test_the_run_session_tab_has_its_own_access_keys(qtbot: QtBot, window: MainWindow) -> None:
    tab = session_tab(qtbot, window)
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.notebook.tabText(i) for i in range(window.notebook.count())]
    texts += [w.text() for w in tab.findChildren(QPushButton) + tab.findChildren(QLabel) if w.isVisible()]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]
    assert len(keys) == len(set(keys)), texts


def test_a_grow_session_runs_end_to_end(qtbot: QtBot, window: MainWindow) -> None:
    tab = session_tab(qtbot, window)
    tab.protocol.setCurrentIndex(tab.protocol.findData("grow"))
    assert "Goal, Reality, Options and Will" in tab.outline.text() and "A: Reality 5" in tab.outline.text()
    view = start(qtbot, window, tab, "grow")
    clock = window.access.workspace.library.clock
    assert isinstance(clock, FakeClock)
    stages = [b.text() for b in view.stage_bar.buttons]
    assert stages == ["Check-in"] + [name for name, _, _ in GROW_TALK] + ["Feedback", "Next steps"]
    assert view.pages.currentWidget() is view.check_in

    spoken = {"Ana": 0, "Ben": 0}
    for name, minutes, speaker in GROW_TALK:
        click(view, "next_phase")
        coach = "Ben" if speaker == "Ana" else "Ana"
        assert view.turn.roles.text() == f"{name}: {speaker} speaks · {coach} coaches"
        assert view.turn.clock.text() == f"{minutes:02d}:00" and "paused" in view.turn.cue.text()
        click(view, "start_pause")
        clock.advance(minutes * 60 - 100)
        view.tick()
        assert view.turn.clock.text() == "01:40"
        # The two-minute warning, once per stage; a two-minute stage starts inside it: no cue.
        warned = "Two minutes left." if minutes > 2 else "left of 02:00"
        assert view.turn.cue.text() == warned
        spoken[speaker] += minutes * 60 - 100
    assert view.sound.played == len([m for _, m, _ in GROW_TALK if m > 2])

    click(view, "next_phase")
    assert view.pages.currentWidget() is view.feedback
    click(view, "next_phase")
    assert view.timer.stage.kind is Kind.NEXT_STEPS and view.next_button.text() == "End session ■"
    for owner in (0, 1):
        view.next_steps.owner.setCurrentIndex(owner)
        qtbot.keyClicks(view.next_steps.text, f"Will of peer {owner + 1}")
        qtbot.keyClick(view.next_steps.text, Qt.Key.Key_Return)
        idle(qtbot, window)
    with qtbot.waitSignal(view.session_ended, timeout=5000) as ended:
        click(view, "end_session")
    summary = ended.args[0]
    store = window.access.workspace.store(window.access.partnership_id)
    names = {store.me_id: "Ana", store.partner().id: "Ben"}
    assert {names[p]: s for p, s in summary.seconds_by_speaker.items()} == spoken
    assert summary.phase_seconds["A: Reality"] == 200 and summary.phase_seconds["B: Will"] == 20
    assert "A: Reality: 03:20" in view.summary_page.toPlainText()
    [session] = store.list(Session)
    assert session.status == SessionStatus.DONE
    assert [s["name"] for s in session.timer_state["stages"]][1:3] == ["A: Goal", "A: Reality"]
    assert sorted(s.text for s in store.list(NextStep)) == ["Will of peer 1", "Will of peer 2"]


def test_a_copied_and_edited_protocol_is_kept_and_runs(qtbot: QtBot, window: MainWindow) -> None:
    tab = session_tab(qtbot, window)
    tab.protocol.setCurrentIndex(tab.protocol.findData("quick-check-in"))
    tab.edit_button.click()
    dialog = tab.protocols_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 4)
    dialog.list.setCurrentRow([t.id for t in dialog.templates].index("quick-check-in"))
    assert not dialog.editor.isEnabled() and "copy one to change it" in dialog.hint.text()
    dialog.copy.click()
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.current.own)
    assert dialog.list.currentItem().text() == "Quick check-in (2 x 10 minutes) (copy) (yours)"

    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Ten and seven")
    dialog.phase_list.setCurrentRow(1)  # Second turn
    dialog.form.minutes.setValue(7)
    dialog.form.name.clear()  # a phase without a name is refused, and nothing typed is lost
    dialog.form.name.textEdited.emit("")
    dialog.save.click()
    assert dialog.status.text() == "Every phase needs a name." and dialog.name.text() == "Ten and seven"
    dialog.form.name.setText("First turn")  # the other phase's name
    dialog.form.name.textEdited.emit("First turn")
    dialog.save.click()
    assert dialog.status.text() == "Two phases are called “First turn”: each needs its own name."
    dialog.form.name.clear()
    dialog.form.name.textEdited.emit("")
    qtbot.keyClicks(dialog.form.name, "Ben's turn")
    assert dialog.phase_list.item(1).text() == "Ben's turn (7 min) — Second speaker"
    dialog.reject()  # closing saves the edits
    idle(qtbot, window)
    qtbot.waitUntil(lambda: tab.protocol.findText("Ten and seven (yours)") >= 0)
    store = window.access.workspace.store(window.access.partnership_id)
    [record] = store.list(SessionTemplate)
    assert record.name == "Ten and seven" and record.phases[1]["minutes"] == 7

    view = start(qtbot, window, tab, record.id)
    assert [b.text() for b in view.stage_bar.buttons] == [
        "Check-in",
        "First turn",
        "Ben's turn",
        "Next steps",
    ]
    view.go_to(2)
    assert view.turn.clock.text() == "07:00" and "Ben speaks" in view.turn.roles.text()


def open_own_copy(qtbot: QtBot, window: MainWindow, tab: SessionTab) -> ProtocolsDialog:
    tab.edit_button.click()
    dialog = tab.protocols_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 4)
    dialog.copy.click()
    qtbot.waitUntil(lambda: dialog.current is not None and dialog.current.own)
    return dialog


def own_names(window: MainWindow) -> list[str]:
    store = window.access.workspace.store(window.access.partnership_id)
    return [r.name for r in store.list(SessionTemplate)]


def test_edits_in_the_protocols_dialog_survive_a_lock_and_a_change_of_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = session_tab(qtbot, window)
    dialog = open_own_copy(qtbot, window, tab)
    qtbot.keyClicks(dialog.name, " renamed")
    dialog.list.setCurrentRow(0)  # another protocol: the edits are saved first
    qtbot.waitUntil(lambda: dialog.current is not None and not dialog.current.own)
    assert own_names(window) == ["Peer coaching (two turns) (copy) renamed"]

    dialog.list.setCurrentRow(dialog.list.count() - 1)
    qtbot.keyClicks(dialog.name, " again")
    pid = window.access.partnership_id
    window.lock()  # the idle lock, mid-edit
    idle(qtbot, window)
    window.unlock()
    idle(qtbot, window)
    assert window.access.partnership_id == pid
    assert own_names(window) == ["Peer coaching (two turns) (copy) renamed again"]


def test_deleting_a_protocol_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    tab = session_tab(qtbot, window)
    dialog = open_own_copy(qtbot, window, tab)
    session_widgets.set_next_answer(False)
    dialog.delete.click()
    idle(qtbot, window)
    assert len(own_names(window)) == 1
    session_widgets.set_next_answer(True)
    dialog.delete.click()
    qtbot.waitUntil(lambda: own_names(window) == [])
