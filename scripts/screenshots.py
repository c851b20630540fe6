"""Drive the real window with sample data and save PNGs of its main views, light and dark."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.domain.model import Feedback, SessionStatus, StepStatus
from peercoach_desktop.ui.infra.settings import Preferences
from peercoach_desktop.ui.shell.main_window import MainWindow
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library


def settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(300):
        app.processEvents()
        if window.tasks.pending == 0:
            app.processEvents()
            if window.tasks.pending == 0:
                break
        window.tasks.thread().msleep(10)
    app.processEvents()


def sample_notebook(library: Library) -> None:
    store = library.create("Ana", "Ben", "Ana & Ben — leadership").store
    goal = store.add_goal(
        "me",
        "Delegate the budget review",
        why="I am the bottleneck every quarter.",
        success_criteria="Kim runs the Q2 review; I only read the summary.",
        target_date="2027-03-31",
    )
    store.update_goal(goal.id, progress=40)
    store.add_goal("partner", "Speak up in steering meetings")
    # Half a year of monthly sessions, so the Progress tab has something to show.
    me, ben = store.me_id, store.partner().id
    for month in range(4, 11):
        held = store.add_session(f"2026-{month:02d}-08T10:00:00Z", minutes=20)
        spoken = {me: 900 + 60 * (month % 3), ben: 1200 - 90 * (month % 4)}
        store.change_record(
            held,
            status=SessionStatus.DONE,
            started_at=held.scheduled_at,
            ended_at=f"2026-{month:02d}-08T11:00:00Z",
            seconds_by_speaker=spoken,
        )
        for owner, n in (("me", 2), ("partner", 1 + month % 2)):
            for k in range(n):
                step = store.add_step(owner, f"Step {k + 1} of {month}/2026", session=held.id)
                step = store.change_record(step, created_at=held.scheduled_at)  # set in that session
                if (month + k) % 3:
                    store.set_step_status(step.id, StepStatus.DONE)
    past = store.add_session("2026-11-10T10:00:00Z", minutes=20)
    store.add_session("2027-01-12T10:00:00Z", minutes=20)
    step = store.add_step(
        "me", "List what only I can do", goal=goal.id, due_date="2026-11-20", session=past.id
    )
    store.add_step(
        "partner", "Prepare one question for Monday's meeting", due_date="2027-01-11", session=past.id
    )
    store.add_step("me", "Ask Kim to shadow the review", goal=goal.id, due_date="2027-01-10")
    store.set_step_status(step.id, StepStatus.DONE)
    heard = store.add_note("What I heard: you hold on to the budget.", session=past.id)
    store.history_policy = type(store.history_policy)(coalesce_seconds=0)
    store.update_note(heard.id, "What I heard: you hold on to the budget because you fear surprises.")
    store.add_note(
        "My own reflection: I gave advice too early in turn B.",
        kind="reflection",
        private=True,
        session=past.id,
    )
    store.add_note("Kim asked good questions about the forecast.", goal=goal.id)
    store.add_record(
        Feedback,
        session_id=past.id,
        giver_id=ben,
        receiver_id=me,
        situation="When I went quiet about the budget",
        behaviour="you waited and asked what I feared",
        impact="I found my own next step",
    )
    store.close()
    library.create("Ana", "Cleo").store.close()


def shoot(app: QApplication, window: MainWindow, out: Path, name: str) -> None:
    settle(app, window)
    window.grab().save(str(out / f"{name}.png"))


def main(out: Path) -> None:
    os.environ.setdefault("PEERCOACH_CONFIG_DIR", tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), SystemClock())
    preferences = Preferences()
    window = MainWindow(library, preferences)
    window.resize(1200, 760)
    window.show()
    window.load()
    shoot(app, window, out, "01-welcome")
    sample_notebook(library)
    for theme in ("light", "dark"):
        preferences.set("theme", theme)
        window.apply_preferences()
        window.load()
        view = window.notebook
        view.setCurrentWidget(view.overview)
        shoot(app, window, out, f"02-overview-{theme}")
        view.setCurrentWidget(view.goals)
        view.goals.list.setCurrentIndex(view.goals.model.index(0, 0))
        shoot(app, window, out, f"03-goals-{theme}")
        view.setCurrentWidget(view.steps)
        view.steps.show_all.setChecked(True)
        shoot(app, window, out, f"04-steps-{theme}")
        view.setCurrentWidget(view.sessions)
        view.sessions.table.selectRow(1)
        shoot(app, window, out, f"05-sessions-{theme}")
        view.setCurrentWidget(view.notes)
        settle(app, window)  # the list loads when the tab is first shown
        view.notes.list.setCurrentIndex(view.notes.model.index(1, 0))
        shoot(app, window, out, f"06-notes-{theme}")
        view.setCurrentWidget(view.progress)
        shoot(app, window, out, f"07b-progress-{theme}")
        view.setCurrentWidget(view.session)
        settle(app, window)
        view.session.protocol.setCurrentIndex(view.session.protocol.findData("grow"))
        shoot(app, window, out, f"07c-run-session-{theme}")
        view.focus_search()
        view.search.field.setText("budget")
        shoot(app, window, out, f"07-search-{theme}")
        view.steps.show_all.setChecked(False)
    view.run_session()
    view.session.start_button.click()
    shoot(app, window, out, "10-run-session-dark")
    window.in_notebook(lambda: None)
    from peercoach_desktop.ui.partners import partner_sync

    partner_sync.invite(window)
    settle(app, window)
    window.dialogs["invite_dialog"].grab().save(str(out / "11-invite.png"))
    window.dialogs["invite_dialog"].reject()
    from peercoach_desktop.ui.notebook_tools import trash_actions

    view.setCurrentWidget(view.notes)
    view.notes.list.setCurrentIndex(view.notes.model.index(0, 0))
    settle(app, window)
    trash_actions.delete_current(window)
    settle(app, window)
    trash_actions.show_trash(window)
    settle(app, window)
    window.dialogs["trash_dialog"].grab().save(str(out / "12-trash.png"))
    window.dialogs["trash_dialog"].reject()
    from peercoach_desktop.ui.notebook_tools import history_dialog, summary_dialog

    view.setCurrentWidget(view.notes)
    notes = view.notes.model
    heard = next(r for r in range(notes.rowCount()) if "What I heard" in notes.index(r, 0).data())
    view.notes.list.setCurrentIndex(notes.index(heard, 0))
    settle(app, window)
    history_dialog.show_history(window)
    settle(app, window)
    window.dialogs["history_dialog"].grab().save(str(out / "13-history.png"))
    window.dialogs["history_dialog"].reject()
    view.setCurrentWidget(view.sessions)
    sessions = view.sessions.model
    view.sessions.table.selectRow(
        next(r for r in range(sessions.rowCount()) if "10 Nov" in sessions.index(r, 0).data())
    )
    summary_dialog.export_summary(window)
    settle(app, window)
    window.dialogs["summary_dialog"].grab().save(str(out / "14-summary.png"))
    window.dialogs["summary_dialog"].reject()
    view.session.edit_protocols()
    protocols = view.session.protocols_dialog
    settle(app, window)
    protocols.list.setCurrentRow([t.id for t in protocols.templates].index("grow"))
    protocols.copy.click()
    settle(app, window)
    protocols.phase_list.setCurrentRow(2)
    protocols.grab().save(str(out / "15-protocols.png"))
    protocols.reject()
    window.open_preferences()
    settle(app, window)
    window.dialogs["preferences_dialog"].grab().save(str(out / "08-preferences.png"))
    window.dialogs["preferences_dialog"].reject()
    window.lock()
    shoot(app, window, out, "09-locked")
    window.close()


def german(out: Path) -> None:
    """The main views in German (the "language" preference), light theme."""
    from peercoach_desktop.ui.infra import i18n

    os.environ.setdefault("PEERCOACH_CONFIG_DIR", tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    preferences = Preferences()
    preferences.set("language", "de")
    i18n.install("de")
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), SystemClock())
    sample_notebook(library)
    preferences.set("theme", "light")
    window = MainWindow(library, preferences)
    window.resize(1200, 760)
    window.show()
    window.load()
    settle(app, window)  # the notebook view is built after the first paint
    view = window.notebook
    for name, tab in (
        ("overview", view.overview),
        ("progress", view.progress),
        ("run-session", view.session),
    ):
        view.setCurrentWidget(tab)
        shoot(app, window, out, f"de-{name}")
    view.setCurrentWidget(view.notes)
    settle(app, window)
    view.notes.list.setCurrentIndex(view.notes.model.index(1, 0))
    shoot(app, window, out, "de-notes")
    view.session.edit_protocols()
    settle(app, window)
    view.session.protocols_dialog.grab().save(str(out / "de-protocols.png"))
    view.session.protocols_dialog.reject()
    window.close()


if __name__ == "__main__":
    german(Path(sys.argv[1])) if sys.argv[2:] == ["de"] else main(Path(sys.argv[1]))
