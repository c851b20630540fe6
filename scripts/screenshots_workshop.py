"""Screenshots of workshop mode: the workshop window and the room view (intro with the
two-minute cue, and the first speakers' phase), with a sample roster and a fake clock.

xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_workshop.py screenshots en light
(language: en or de; palette: light or dark)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from peercoach_desktop.coaching.workshop import rounds
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.ui.infra import i18n, theme
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.workshops import WorkshopLibrary

NAMES = [
    "Ana Lima",
    "Ben Okafor",
    "Chen Wei",
    "Dana Katz",
    "Emil Novak",
    "Farah Aziz",
    "Gustav Berg",
    "Hana Sato",
    "Ivo Petrov",
    "Julia Roth",
    "Kofi Mensah",
    "Lena Vogel",
    "Mateo Ruiz",
    "Nora Lind",
    "Omar Haddad",
    "Pia Lang",
    "Quinn Doyle",
    "Rosa Marín",
    "Sven Ek",
    "Tara Singh",
]
UNITS = {
    "en": ("Physics", "History", "Nursing", "Law", "Music"),
    "de": ("Physik", "Geschichte", "Pflege", "Recht", "Musik"),
}


def settle(app: QApplication, tasks: Tasks) -> None:
    for _ in range(300):
        app.processEvents()
        if tasks.pending == 0:
            break
        tasks.thread().msleep(10)
    app.processEvents()


def main(out: Path, language: str, palette: str) -> None:
    app = QApplication.instance() or QApplication([])
    theme.apply_palette(app, palette)
    i18n.install(language)
    from peercoach_desktop.ui.workshop.workshop_window import WorkshopWindow  # after the language

    clock = FakeClock()
    workshops = WorkshopLibrary(Path(tempfile.mkdtemp()), MemoryKeyStore(), clock)
    created = workshops.create("Fakultät, Frühjahr" if language == "de" else "Faculty, spring")
    units = UNITS[language]
    store = created.store
    store.add_participants([(name, units[i % len(units)]) for i, name in enumerate(NAMES)], present=True)
    store.set_present([store.participant("Tara Singh").id], False)  # a no-show: 19, one trio
    rounds.pair(store, seed=3)
    store.close()

    tasks, parent = Tasks(), QWidget()
    window = WorkshopWindow(tasks, workshops, created.descriptor, parent)
    window.show()
    settle(app, tasks)
    out.mkdir(parents=True, exist_ok=True)
    suffix = f"{language}-{palette}"
    window.grab().save(str(out / f"workshop-{suffix}.png"))
    window.open_room()
    settle(app, tasks)  # the room opens once the worker has saved what the window holds
    room = window.room
    assert room is not None
    room.resize(1600, 900)
    room.toggle()
    clock.advance(8 * 60 + 30)
    room.tick()
    app.processEvents()
    room.grab().save(str(out / f"workshop-room-{suffix}.png"))
    room.next_phase()
    room.next_phase()
    app.processEvents()
    room.grab().save(str(out / f"workshop-room-turn-{suffix}.png"))
    window.done(0)
    settle(app, tasks)
    tasks.shutdown()


if __name__ == "__main__":
    main(
        Path(sys.argv[1]),
        sys.argv[2] if len(sys.argv) > 2 else "en",
        sys.argv[3] if len(sys.argv) > 3 else "light",
    )
