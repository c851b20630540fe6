"""Screenshots of the session runner, one per phase, with sample data and a fake clock.

xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_session.py screenshots [dark|de]
("de": only the GROW session, in German)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.session.runner_view import SessionRunnerView
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library


def settle(app: QApplication, tasks: Tasks) -> None:
    for _ in range(300):
        app.processEvents()
        if tasks.pending == 0:
            break
        tasks.thread().msleep(10)
    app.processEvents()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.Link, "#8ab4f8"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def main(out: Path, dark: bool) -> None:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if dark:
        app.setPalette(dark_palette())
    clock = FakeClock()
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), clock)
    store = library.create("Ana", "Ben", "Ana & Ben — leadership").store
    goal = store.add_goal("me", "Delegate the budget review")
    store.add_goal("partner", "Speak up in steering meetings")
    store.add_step("me", "List what only I can do", goal=goal.id, due_date="2026-01-04")
    store.add_step("partner", "Prepare one question for Monday's meeting", due_date="2026-01-04")
    store.add_step("partner", "Read the feedback report", due_date="2026-01-03")
    store.add_session("2026-01-12T09:00:00Z")
    tasks = Tasks()
    view = SessionRunnerView(tasks, lambda: store, clock, turn_minutes=15)
    view.resize(1200, 720)
    view.show()
    view.start()
    settle(app, tasks)
    prefix = "session-dark" if dark else "session"

    def shot(name: str) -> None:
        settle(app, tasks)
        view.tick()
        view.grab().save(str(out / f"{prefix}-{name}.png"))

    view.check_in.groups[view.state.to_review[0].id].buttons()[0].click()  # type: ignore[union-attr]
    clock.advance(240)
    shot("1-check-in")
    view.advance()
    view.toggle()
    clock.advance(11 * 60)
    view.turn.notes.setPlainText(
        "Budget: holds on to it for fear of surprises.\nWhy did you keep the review yourself?"
    )
    shot("2-turn-a")
    clock.advance(4 * 60 + 20)
    shot("3-turn-a-overtime")
    view.advance()
    view.toggle()
    clock.advance(13 * 60 + 30)
    shot("4-turn-b-two-minutes")
    view.advance()
    view.feedback.forms[0].fields["situation"].setText("In my turn, when I got stuck")
    view.feedback.forms[0].fields["behaviour"].setText("you repeated my own words back")
    view.feedback.forms[0].fields["impact"].setText("I saw I was avoiding the real question")
    view.feedback.forms[0].save.click()
    clock.advance(5 * 60)
    shot("5-feedback")
    view.advance()
    view.next_steps.text.setText("Hand the budget review to Sam by Friday")
    view.next_steps.goal.setCurrentIndex(1)
    view.next_steps.text.returnPressed.emit()
    clock.advance(4 * 60)
    shot("6-next-steps")
    view.end_session()
    shot("7-summary")
    store.close()
    grow(app, tasks, out, prefix)
    tasks.shutdown()


def grow(app: QApplication, tasks: Tasks, out: Path, prefix: str, language: str = "en") -> None:
    """A GROW session (resources/templates/grow.toml): its stages in the bar, a talk stage."""
    clock = FakeClock()
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), clock)
    store = library.create("Ana", "Ben", "Ana & Ben — GROW").store
    view = SessionRunnerView(tasks, lambda: store, clock, template_id="grow", language=language)
    view.resize(1200, 720)
    view.show()
    view.start()
    settle(app, tasks)
    for _ in range(2):
        view.advance()  # to A: Reality
        view.toggle()
        clock.advance(170)
    view.turn.notes.setPlainText("Reality: three reviews a week land on her desk.")
    settle(app, tasks)
    view.tick()
    view.grab().save(str(out / f"{prefix}-8-grow-reality.png"))
    for _ in range(6):
        view.advance()  # through to B: Will
    view.toggle()
    clock.advance(60)
    settle(app, tasks)
    view.tick()
    view.grab().save(str(out / f"{prefix}-9-grow-b-will.png"))
    store.close()


def german(out: Path) -> None:
    from peercoach_desktop.ui.infra import i18n

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    i18n.install("de")
    tasks = Tasks()
    grow(app, tasks, out, "session-de", "de")
    tasks.shutdown()


if __name__ == "__main__":
    mode = sys.argv[2] if len(sys.argv) > 2 else ""
    german(Path(sys.argv[1])) if mode == "de" else main(Path(sys.argv[1]), mode == "dark")
