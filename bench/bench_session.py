"""Session runner costs: saving the timer after a change, one render tick, resuming a session.

.venv/bin/python bench/bench_session.py   (offscreen Qt; a fresh notebook in a temp dir)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import median_ms, report, timed
from PySide6.QtWidgets import QApplication, QLabel

from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.session_timer import SessionTimer
from peercoach_desktop.ui.infra.tasks import Tasks
from peercoach_desktop.ui.session.runner_view import SessionRunnerView
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

NOTES = 20_000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    clock = FakeClock()
    library = Library(Path(tempfile.mkdtemp()), MemoryKeyStore(), clock)
    store = library.create("Ana", "Ben").store
    for n in range(50):
        store.add_step("me" if n % 2 else "partner", f"step {n}")
    state = runner.open_session(store, clock)
    timer = SessionTimer.from_dict(state.session.timer_state, clock)
    note = store.add_note("floor note")

    def save() -> None:
        clock.advance(1)
        timer.toggle()
        runner.save_timer(store, state.session.id, timer.to_dict(), timer.seconds_by_speaker())

    bodies = iter(range(10**9))
    floor = median_ms(timed(lambda: store.update_note(note.id, f"body {next(bodies)}"), 300))
    report("save timer state after a change", median_ms(timed(save, 300)), floor, "< 5 ms")
    resume = median_ms(timed(lambda: runner.open_session(store, clock), 50))
    report("resume: open_session on a running session", resume, None, "< 50 ms")
    for n in range(NOTES):
        store.add_note(f"note {n} " * 20)
    big = median_ms(timed(lambda: runner.open_session(store, clock), 20))
    report(f"resume with {NOTES} notes in the notebook", big, resume, "< 50 ms")

    tasks = Tasks()
    view = SessionRunnerView(tasks, lambda: store, clock)
    view.resize(1200, 720)
    view.show()
    view.start()
    while tasks.pending:
        app.processEvents()
    view.advance()
    view.toggle()
    label = QLabel("00:00")
    label.show()
    ticks = iter(range(10**9))
    bare = median_ms(timed(lambda: (label.setText(f"{next(ticks)}"), app.processEvents()), 300))

    def tick() -> None:
        clock.advance(0.25)
        view.tick()
        app.processEvents()

    report("one 250 ms render tick (turn page)", median_ms(timed(tick, 300)), bare, "< 16 ms")
    tasks.shutdown()
    store.close()


if __name__ == "__main__":
    main()
