"""A whole session in the real runner view, offscreen, with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import memory_library
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from peercoach_desktop.coaching import prompts, templates
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import (
    Feedback,
    NextStep,
    Note,
    Session,
    SessionStatus,
    StepStatus,
    UserPrompt,
)
from peercoach_desktop.domain.session_timer import Kind
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.session import session_widgets
from peercoach_desktop.ui.session.runner_view import SessionRunnerView
from peercoach_desktop.vault.library import Library


@pytest.fixture
def library(data_dir: Path) -> Library:
    return memory_library(data_dir)


@pytest.fixture
def store(library: Library) -> Iterator[NotebookStore]:
    created = library.create("Ana", "Ben")
    yield created.store
    created.store.close()


@pytest.fixture
def tasks(store: NotebookStore) -> Iterator[Tasks]:
    """Made after the store, so it stops first: a save the runner queued must not run on a
    connection the store fixture has closed (that crashed SQLite in 1 of 6 full runs)."""
    worker = Tasks()
    yield worker
    worker.shutdown()


@pytest.fixture
def clock(library: Library) -> FakeClock:
    assert isinstance(library.clock, FakeClock)
    return library.clock


def open_view(qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock) -> SessionRunnerView:
    view = SessionRunnerView(tasks, lambda: store, clock, turn_minutes=5)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.session_started, timeout=5000):
        view.start()
    return view


def idle(qtbot: QtBot, tasks: Tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)


def button(view: SessionRunnerView, name: str) -> QAbstractButton:
    found = view.findChild(QAbstractButton, name)
    assert found is not None, name
    return found


def test_a_whole_session_from_check_in_to_summary(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    done = store.add_step("me", "Call the client")
    carried = store.add_step("partner", "Draft the plan", due_date="2026-01-01")
    view = open_view(qtbot, tasks, store, clock)
    labels = [w.text() for w in view.check_in.rows.findChildren(QLabel)]
    assert "Overdue: Draft the plan — Ben, due 2026-01-01" in labels
    assert "Call the client — Ana" in labels

    # Check-in: one click per step.
    assert view.pages.currentWidget() is view.check_in and len(view.check_in.groups) == 2
    button(view, "review_done_0").click()
    idle(qtbot, tasks)
    button(view, "review_carried_over_1").click()
    idle(qtbot, tasks)
    statuses = {s.id: (s.status, s.reviewed_in_session_id) for s in store.list(NextStep)}
    sid = view.state.session.id
    assert statuses == {done.id: (StepStatus.DONE, sid), carried.id: (StepStatus.OPEN, sid)}
    assert button(view, "review_done_0").isChecked()

    # Turn A: a cue at two minutes left and at the end; overtime shown, never cut.
    button(view, "next_phase").click()
    assert view.pages.currentWidget() is view.turn and "Ana speaks · Ben coaches" in view.turn.roles.text()
    assert view.turn.clock.text() == "05:00"
    button(view, "start_pause").click()
    clock.advance(180)
    view.tick()
    assert view.sound.played == 1 and view.turn.cue.text() == "Two minutes left."
    clock.advance(150)
    view.tick()
    assert view.sound.played == 2 and view.turn.clock.text() == "+00:30"
    assert view.timer.stage.name == "First turn" and view.timer.running
    button(view, "extend_one").click()
    assert view.turn.clock.text() == "00:30"
    qtbot.keyClicks(view.turn.notes, "She stalls. Why did you wait so long?")
    assert "Can you help me understand what led you to wait so long?" in view.turn.nudge.text()
    assert view.turn.notes.toPlainText().endswith("wait so long?")  # the hint never blocks typing

    # Role swap: Ben speaks; the talk-time balance follows.
    button(view, "swap_roles").click()
    assert view.timer.speaker == view.state.partner.id and not view.timer.running
    view.mute.setChecked(True)
    button(view, "start_pause").click()
    clock.advance(240)
    view.tick()
    assert view.sound.played == 2  # muted: the cue is only visual
    assert view.turn.cue.text() == "Two minutes left."
    assert "Ana 05:30 (58%)" in view.session_balance.legend.text()
    assert "Ben 04:00 (42%)" in view.session_balance.legend.text()

    # Feedback each way.
    button(view, "next_phase").click()
    for index, words in enumerate((("turn A", "you paraphrased", "I felt heard"), ("B", "advice", "stuck"))):
        form = view.feedback.forms[index]
        for field, text in zip(("situation", "behaviour", "impact"), words, strict=True):
            qtbot.keyClicks(form.fields[field], text)
        form.save.click()
        idle(qtbot, tasks)
    assert {f.behaviour for f in store.list(Feedback)} == {"you paraphrased", "advice"}

    # Close-out: no next step -> the question; "no" keeps the session open.
    button(view, "next_phase").click()
    session_widgets.set_next_answer(False)
    button(view, "end_session").click()
    idle(qtbot, tasks)
    assert store.get(Session, sid).status == SessionStatus.RUNNING
    assert view.timer.stage.kind is Kind.NEXT_STEPS and "next step" in view.status.text()

    view.next_steps.owner.setCurrentIndex(1)
    qtbot.keyClicks(view.next_steps.text, "Ask Sam for the figures")
    qtbot.keyClick(view.next_steps.text, Qt.Key.Key_Return)
    idle(qtbot, tasks)
    assert view.next_steps.list.count() == 1
    with qtbot.waitSignal(view.session_ended, timeout=5000) as ended:
        button(view, "end_session").click()
    summary = ended.args[0]
    assert summary.seconds_by_speaker == {store.me_id: 330, store.partner().id: 240}
    assert [s.text for s in summary.steps_set] == ["Ask Sam for the figures"]
    assert view.pages.currentWidget() is view.summary_page
    assert "Ask Sam for the figures" in view.summary_page.toPlainText()
    session = store.get(Session, sid)
    assert session.status == SessionStatus.DONE and session.seconds_by_speaker[store.me_id] == 330
    [note] = store.list(Note)
    assert note.session_id == sid and "Why did you wait so long?" in note.body


def test_ending_without_steps_when_confirmed(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    view.go_to(view.timer.first(Kind.NEXT_STEPS))
    session_widgets.set_next_answer(True)
    with qtbot.waitSignal(view.session_ended, timeout=5000):
        button(view, "end_session").click()
    assert store.list(Session)[0].status == SessionStatus.DONE


def test_a_closed_window_mid_turn_resumes_where_it_was(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    button(view, "next_phase").click()
    button(view, "start_pause").click()
    qtbot.keyClicks(view.turn.notes, "typed before the crash")
    clock.advance(90)
    idle(qtbot, tasks)
    qtbot.wait(700)  # the notes' autosave debounce
    idle(qtbot, tasks)
    view.close()  # no flush: as if the app died here
    view.deleteLater()

    clock.advance(30)
    again = open_view(qtbot, tasks, store, clock)
    assert again.timer.stage.name == "First turn" and again.timer.running
    assert again.timer.spoken(store.me_id) == 120
    assert again.turn.notes.toPlainText() == "typed before the crash"
    assert again.pages.currentWidget() is again.turn


def test_space_starts_and_pauses_outside_text_fields(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    button(view, "next_phase").click()
    view.activateWindow()
    view.turn.clock.setFocus()
    qtbot.keyClick(view.turn.clock, Qt.Key.Key_Space)  # nothing focusable pressed: start/pause
    assert view.timer.running
    button(view, "start_pause").setFocus()
    qtbot.keyClick(button(view, "start_pause"), Qt.Key.Key_Space)
    assert not view.timer.running
    # On another button Space presses that button, as everywhere else: here +5 min.
    button(view, "extend_five").setFocus()
    qtbot.keyClick(button(view, "extend_five"), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.timer.allowance[1] == 600)
    assert not view.timer.running
    view.turn.notes.setFocus()
    qtbot.keyClick(view.turn.notes, Qt.Key.Key_Space)
    assert not view.timer.running and view.turn.notes.toPlainText() == " "


def test_prompt_card_follows_the_phase_and_users_can_add_and_hide(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    first = view.card.prompt
    assert first is not None and first.phase == "check_in"
    button(view, "another_prompt").click()
    second = view.card.prompt
    assert second is not None and second.id != first.id
    button(view, "hide_prompt").click()
    idle(qtbot, tasks)
    assert second.id not in {p.id for p in view.prompts} and view.card.prompt is not None
    assert [(r.prompt_id, r.hidden) for r in store.list(UserPrompt)] == [(second.id, True)]
    qtbot.keyClicks(view.card.editor, "What are you proud of this week?")
    button(view, "add_prompt").click()
    idle(qtbot, tasks)
    texts = [p.text for p in view.prompts if p.phase == "check_in"]
    assert "What are you proud of this week?" in texts
    button(view, "next_phase").click()
    assert view.card.prompt is not None and view.card.prompt.phase == "turn"
    qtbot.keyClicks(view.card.editor, "Say more?")
    button(view, "edit_prompt").click()
    idle(qtbot, tasks)
    assert view.card.text.text() == "Say more?" and "your wording" in view.card.why.text()
    for widget in view.findChildren(QPushButton):
        assert widget.accessibleName(), widget.objectName()


def test_typed_feedback_is_kept_without_pressing_save(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = open_view(qtbot, tasks, store, clock)
    view.go_to(view.timer.first(Kind.FEEDBACK))
    idle(qtbot, tasks)
    qtbot.keyClicks(view.feedback.forms[0].fields["situation"], "When you paused before answering")
    view.flush()  # a lock or a closed window, before any Save click
    idle(qtbot, tasks)
    view.close()
    view.deleteLater()
    again = open_view(qtbot, tasks, store, clock)
    assert again.feedback.forms[0].fields["situation"].text() == "When you paused before answering"


def test_in_german_the_stages_and_prompt_cards_are_german(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    view = SessionRunnerView(
        tasks, lambda: store, clock, turn_minutes=5, template_id="consultancy", language="de"
    )
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.session_started, timeout=5000):
        view.start()
    names = [b.text() for b in view.stage_bar.buttons]
    assert names[1:3] == ["Fall schildern", "Verständnisfragen"] and names[-1] == "Nächste Schritte"
    english = {p.id: p.text for p in prompts.load_builtin()}
    card = view.card.prompt
    assert card is not None and card.text != english[card.id]


def test_a_long_protocol_scrolls_its_stages_instead_of_widening_the_window(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    phases = [
        {"name": f"Round {n} with a longer name", "minutes": 3, "speaker": "ab"[n % 2]} for n in range(20)
    ]
    long = templates.save_template(store, None, "Twenty rounds", "", phases)
    view = SessionRunnerView(tasks, lambda: store, clock, template_id=long.id)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.session_started, timeout=5000):
        view.start()
    assert len(view.stage_bar.buttons) == 22  # check-in and next steps added
    assert view.minimumSizeHint().width() < 1000 and view.width() == 1000
    last = view.stage_bar.buttons[-2]
    view.go_to(20)
    scroll = view.stage_bar.horizontalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # the stages overflow: a scroll bar, not a wider window
    view.render()
    assert scroll.value() > 0  # and the current stage is scrolled into view
    assert last.isChecked() and view.turn.roles.text().startswith("Round 19 with a longer name")


def test_names_typed_into_a_protocol_stay_plain_text(
    qtbot: QtBot, tasks: Tasks, store: NotebookStore, clock: FakeClock
) -> None:
    phases = [{"name": "<b>Big</b> Q&A", "minutes": 5, "speaker": "a"}]
    odd = templates.save_template(store, None, "Odd names", "", phases)
    view = SessionRunnerView(tasks, lambda: store, clock, template_id=odd.id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.session_started, timeout=5000):
        view.start()
    view.go_to(1)
    assert view.turn.roles.textFormat() == Qt.TextFormat.PlainText
    assert view.turn.roles.text().startswith("<b>Big</b> Q&A: Ana speaks")
    assert view.stage_bar.buttons[1].text() == "<b>Big</b> Q&&A"  # shown as Q&A, no Alt+A
