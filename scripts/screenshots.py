"""Drive the real window with sample data and save PNGs of its main views."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from peercoach_desktop.core.clock import SystemClock
from peercoach_desktop.core.keystore import MemoryKeyStore
from peercoach_desktop.core.library import Library
from peercoach_desktop.ui.main_window import MainWindow


def settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(200):
        app.processEvents()
        if window.tasks.pending == 0:
            break
        window.tasks.thread().msleep(10)
    app.processEvents()


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), SystemClock())
    window = MainWindow(library)
    window.show()
    window.load()
    settle(app, window)
    window.grab().save(str(out / "1-welcome.png"))

    created = library.create("Ana", "Ben", "Ana & Ben — leadership")
    store = created.store
    goal = store.add_goal("me", "Delegate the budget review", target_date="2026-03-31")
    store.add_goal("partner", "Speak up in steering meetings")
    store.add_session("2027-01-12T10:00:00Z", minutes=20)
    store.add_step("me", "List what only I can do", goal=goal.id, due_date="2027-01-10")
    store.add_step("partner", "Prepare one question for Monday's meeting", due_date="2027-01-11")
    store.add_note("What I heard: you hold on to the budget because you fear surprises.")
    store.add_note("My own reflection: I gave advice too early in turn B.", private=True)
    store.close()
    library.create("Ana", "Cleo").store.close()
    window.load()
    settle(app, window)
    window.grab().save(str(out / "2-overview.png"))
    window.tabs.setCurrentWidget(window.notes)
    window.notes.list.setCurrentRow(0)
    settle(app, window)
    window.grab().save(str(out / "3-notes.png"))
    window.focus_search()
    window.search_field.setText("budget")
    settle(app, window)
    window.grab().save(str(out / "4-search.png"))
    window.lock()
    settle(app, window)
    window.grab().save(str(out / "5-locked.png"))
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
