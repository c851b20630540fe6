"""Progress budgets (issue 8), against a bare PySide6 window started in the same run (the
floor, spawn to first paint, as in bench_window.py): opening the progress view of a
partnership with 500 sessions <= 1x the floor; a 50-session PDF summary <= 8x the floor;
neither blocks the GUI thread for more than 50 ms at a time.

A miss is printed, never raised: this is a measurement.
Run: make bench  (or .venv/bin/python bench/bench_progress.py)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import OVER, bench_setup, median_ms, report
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from start_floors import BARE_WINDOW, run_child

from peercoach_desktop.coaching import summary
from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.model import Feedback, GoalStatus, Session, SessionStatus, StepStatus
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

RUNS = int(os.environ.get("BENCH_RUNS", "11"))
SESSIONS = 500
SUMMARY_SESSIONS = 50
DAYS_APART = 3
GOAL_STATUSES = [GoalStatus.PAUSED, GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.ACTIVE]
STALL_BUDGET_MS = 50.0


def fill(store: NotebookStore, clock: FakeClock) -> None:
    """500 done sessions three days apart, each with talk time per speaker, notes, feedback
    both ways, a next step per peer, and the previous steps reviewed (done, dropped or left
    open); twelve goals, one changing status every five sessions. Written through the store."""
    me, partner = store.me_id, store.partner().id
    goals = [
        store.add_goal("me" if g % 2 else "partner", f"Goal {g}: delegate the review") for g in range(12)
    ]
    earlier: list[str] = []
    for n in range(SESSIONS):
        clock.advance(DAYS_APART * 86400)
        session = store.add_session()
        session = store.change_record(
            session,
            status=SessionStatus.DONE,
            started_at=session.scheduled_at,
            ended_at=session.scheduled_at,
            seconds_by_speaker={me: 600 + 7 * (n % 60), partner: 900 - 5 * (n % 70)},
        )
        goal = goals[n % len(goals)]
        for k in range(2):
            store.add_note(
                f"Session {n}, note {k}: what we heard about feedback and delegation", session=session.id
            )
        store.add_note(f"Session {n}: my own doubt", session=session.id, private=True)
        for giver, receiver in ((me, partner), (partner, me)):
            store.add_record(
                Feedback,
                session_id=session.id,
                giver_id=giver,
                receiver_id=receiver,
                situation=f"in session {n} you asked about the forecast",
                behaviour="you waited for my answer",
                impact="I found my own next step",
            )
        for step_id, status in zip(earlier, (StepStatus.DONE, StepStatus.DROPPED), strict=False):
            if n % 5:  # every fifth session leaves last time's steps open
                store.set_step_status(step_id, status if n % 3 else StepStatus.DONE, reviewed_in=session.id)
        earlier = [
            store.add_step(who, f"Step {n} of {who}", goal=goal.id, session=session.id).id
            for who in ("me", "partner")
        ]
        if n % 5 == 4:  # a goal's k-th change: paused, active, achieved, active, paused...
            changed = goals[n // 5 % len(goals)]
            store.set_goal_status(changed.id, GOAL_STATUSES[n // 5 // len(goals) % len(GOAL_STATUSES)].value)


class Stalls:
    """The longest gap between ticks of a 5 ms timer on the GUI thread: how long the event
    loop went unserved (the raw gap, so a perfectly idle loop reads about 5 ms)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = self.worst = 0.0

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst, self.last = max(self.worst, now - self.last), now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst * 1000


def wait_for(done: Callable[[], bool], what: str, timeout_s: float = 120.0) -> None:
    """Serve the event loop (as app.exec would, no busy polling) until done() holds."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.timeout.connect(lambda: done() and loop.quit())
    poll.start(1)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout_s * 1000))
    if not done():
        loop.exec()
    poll.stop()
    if not done():
        raise SystemExit(f"bench_progress: gave up waiting for {what}")


class PaintedWithData(QObject):
    """Which of the progress view's charts and tables have painted since they got data."""

    def __init__(self, widgets: dict[QWidget, Callable[[], bool]]) -> None:
        super().__init__()
        self.has_data = widgets
        self.painted: set[QWidget] = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.has_data and self.has_data[watched]():
            self.painted.add(watched)
        return False

    def all(self) -> bool:
        return len(self.painted) == len(self.has_data)


def quiet(_mode: object, _context: object, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform's note on every dialog
        print(message, file=sys.stderr)


def verdict(name: str, ours: float, limit: float, unit: str) -> None:
    mark = "PASS" if ours <= limit else "FAIL"
    if ours > limit:
        OVER.append(name)
    flag = "" if ours <= limit else "  OVER BUDGET"
    print(f"  {mark}: {name}: {ours:.1f} {unit} (budget <= {limit:g} {unit}){flag}")


def main() -> None:
    with bench_setup() as (work, env):
        os.environ["PEERCOACH_CONFIG_DIR"] = str(work / "config")
        clock = FakeClock(datetime(2021, 1, 4, 9, 0, tzinfo=UTC))
        library = Library(work / "progress", MemoryKeyStore(), clock)
        created = library.create("Ana", "Ben", "Ana & Ben")
        start = time.perf_counter()
        fill(created.store, clock)
        generated = (time.perf_counter() - start) * 1000
        dates = sorted((s.scheduled_at or "")[:10] for s in created.store.list(Session))
        first = SESSIONS - SUMMARY_SESSIONS - 20
        since, until = dates[first], dates[first + SUMMARY_SESSIONS - 1]
        chosen = len(summary.build(created.store, since=since, until=until).sessions)
        created.store.close()
        print(f"  ({SESSIONS} sessions generated through the store in {generated / 1000:.1f} s;")
        print(f"   summary range {since}..{until}: {chosen} sessions)")
        if chosen != SUMMARY_SESSIONS:
            raise SystemExit(f"bench_progress: the summary range holds {chosen} sessions")
        measure(library, env, since, until, work)


def measure(library: Library, floor_env: dict[str, str], since: str, until: str, work: Path) -> None:
    from PySide6.QtCore import QDate

    from peercoach_desktop.ui.infra.file_choice import set_next_path
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.notebook.notebook_view import LAZY_TABS, TAB_NAMES
    from peercoach_desktop.ui.notebook_tools.summary_dialog import SummaryDialog
    from peercoach_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    qInstallMessageHandler(quiet)
    window = MainWindow(library, Preferences())
    window.resize(1100, 700)
    window.show()
    shown: list[float] = []
    window.content_shown.connect(lambda: shown.append(time.perf_counter()))
    window.load()
    wait_for(lambda: bool(shown) and window.tasks.pending == 0, "the notebook to load")
    notebook = window.notebook
    index = TAB_NAMES.index("progress") + 1
    stalls = Stalls()

    def open_progress() -> tuple[float, float]:
        """From the tab's click (the view built, its data asked of the worker) until both
        charts and both tables have painted with the data."""
        stalls.start()
        start = time.perf_counter()
        notebook.setCurrentIndex(index)
        view = notebook.progress
        probe = PaintedWithData(
            {
                view.talk.viewport(): lambda: bool(view.talk.series),
                view.follow.viewport(): lambda: bool(view.follow.series),
                view.months.viewport(): lambda: view.months.rowCount() > 0,
                view.goals.viewport(): lambda: view.goals.rowCount() > 0,
            }
        )
        wait_for(probe.all, "the progress view to paint")
        elapsed = (time.perf_counter() - start) * 1000
        stall = stalls.stop()
        if view.months.rowCount() < SESSIONS * DAYS_APART // 31:
            raise SystemExit("bench_progress: the progress view does not show every month")
        # Back to a tab not built yet, so the next run opens it afresh.
        notebook.setCurrentIndex(0)
        notebook.blockSignals(True)
        built = notebook._views.pop("progress")
        notebook.removeTab(index)
        notebook.insertTab(index, QWidget(), LAZY_TABS[index - 1][1])
        notebook.blockSignals(False)
        built.deleteLater()
        app.processEvents()
        return elapsed, stall

    def export_pdf(run: int) -> tuple[float, float]:
        """The dialog's flow for the chosen dates: the summary built on the worker and shown
        as the preview, then Save as PDF until the file is written."""
        dialog = SummaryDialog(window, None)
        dialog.show()
        wait_for(lambda: window.tasks.pending == 0, "the dialog's first preview")
        for field, day in ((dialog.since, since), (dialog.until, until)):
            field.blockSignals(True)
            field.setDate(QDate.fromString(day, "yyyy-MM-dd"))
            field.blockSignals(False)
        out = work / f"summary-{run}.pdf"
        stalls.start()
        start = time.perf_counter()
        dialog.refresh()
        wait_for(dialog.save_pdf.isEnabled, "the summary preview")
        set_next_path(str(out))
        dialog.save_pdf.click()
        wait_for(lambda: dialog.findChild(QMessageBox, "saved_message") is not None, "the PDF to be written")
        elapsed = (time.perf_counter() - start) * 1000
        stall = stalls.stop()
        if b"%PDF" not in out.read_bytes()[:8] or out.stat().st_size < 20_000:
            raise SystemExit("bench_progress: the PDF written is not a 50-session summary")
        out.unlink()
        for box in dialog.findChildren(QMessageBox):
            box.close()
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        return elapsed, stall

    floors, opens, pdfs = [], [], []
    for run in range(RUNS):
        floors.append(run_child([sys.executable, "-c", BARE_WINDOW], floor_env)[0])
        opens.append(open_progress())
        pdfs.append(export_pdf(run))
    window.close()
    window.tasks.shutdown()

    floor = median_ms(floors)
    open_ms, open_stall = median_ms([t for t, _ in opens]), max(s for _, s in opens)
    pdf_ms, pdf_stall = median_ms([t for t, _ in pdfs]), max(s for _, s in pdfs)
    report("bare PySide6 window painted (from spawn)", floor, None, "the floor")
    report(f"progress view of {SESSIONS} sessions painted", open_ms, floor, "<= 1x")
    print(f"  (first open, module import included: {opens[0][0]:.1f} ms)")
    report(f"PDF summary of {SUMMARY_SESSIONS} sessions written", pdf_ms, floor, "<= 8x")
    name = "longest GUI-thread stall"
    for what, runs in (("progress open", opens), ("PDF summary", pdfs)):
        stalls_ms = [s for _, s in runs]
        print(
            f"{name + ': ' + what:<46} {max(stalls_ms):9.3f} ms  max of {RUNS} runs"
            f" (median {median_ms(stalls_ms):.1f} ms)  budget: <= 50 ms"
        )
    verdict("progress open / floor", open_ms / floor, 1, "x")
    verdict("PDF summary / floor", pdf_ms / floor, 8, "x")
    verdict("GUI stall while opening progress", open_stall, STALL_BUDGET_MS, "ms")
    verdict("GUI stall while writing the PDF", pdf_stall, STALL_BUDGET_MS, "ms")


if __name__ == "__main__":
    main()
