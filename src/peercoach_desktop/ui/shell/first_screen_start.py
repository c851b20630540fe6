"""Start-up with the first screen read ahead by a child process (vault.first_screen).

The window, once painted and framed, waits for the child's answer without blocking; shows the
partnerships and the first overview as they came; and only then opens the notebooks itself,
behind them (MainWindow.load). Late (no core was free after all), nothing, or locked meanwhile:
start-up goes on exactly as without a read-ahead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from peercoach_desktop.ui.shell.first_paint import OnFirstPaint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QStackedWidget

    from peercoach_desktop.ui.infra.access import NotebookAccess
    from peercoach_desktop.ui.notebook.notebook_view import NotebookView
    from peercoach_desktop.ui.shell.main_frame import MainFrame
    from peercoach_desktop.vault.first_screen import ReadAhead
    from peercoach_desktop.vault.partnership_summary import FirstScreen

# How long start-up waits for the read-ahead once the frame is built. On a machine with a core
# to spare it has answered before the first paint (~50 ms earlier at 1k-100k notes); when it
# has not, waiting longer would only delay the notebooks.
GRACE_MS = 40

# The read-ahead answers in ~0.1 s, and never asks the user anything; past this, something is
# stuck (a Secret Service that does not answer): the window opens the notebooks itself.
PATIENCE_MS = 5000


class ReadAheadWatch(QObject):
    """Calls `then(first screen or None)` once: when the child has answered, or given up."""

    def __init__(
        self, read_ahead: ReadAhead, then: Callable[[FirstScreen | None], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._read_ahead = read_ahead
        self._then: Callable[[FirstScreen | None], None] | None = then
        self._notifier = QSocketNotifier(read_ahead.fileno, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        self._timer = QTimer(self, singleShot=True, interval=PATIENCE_MS)
        self._timer.timeout.connect(self._give_up)
        self._timer.start()
        if read_ahead.done:  # answered before the window got here
            QTimer.singleShot(0, self._readable)

    def _readable(self) -> None:
        if self._then is not None and self._read_ahead.read_available():
            self._notifier.setEnabled(False)  # its pipe is closed now
            self._deliver(self._read_ahead.result())

    def _give_up(self) -> None:
        if self._then is not None:
            self._notifier.setEnabled(False)  # before its pipe is closed
            self._read_ahead.cancel()
            self._deliver(None)

    def cancel(self) -> None:
        """Not needed any more (the notebooks opened here first): stop the child, say nothing."""
        if self._then is not None:
            self._then = None
            self._notifier.setEnabled(False)
            self._timer.stop()
            self._read_ahead.cancel()

    def _deliver(self, first: FirstScreen | None) -> None:
        self._notifier.setEnabled(False)
        self._timer.stop()
        then, self._then = self._then, None
        if then is not None:
            then(first)


class FirstScreenHost(Protocol):
    """What the start-up needs of the window."""

    access: NotebookAccess
    notebook: NotebookView
    shown_ahead: bool  # the first screen came from the read-ahead; the notebooks not open here yet

    @property
    def locked(self) -> bool: ...
    @property
    def splitter(self) -> MainFrame: ...
    @property
    def pages(self) -> QStackedWidget: ...
    @property
    def partnerships(self) -> QListWidget: ...
    def show_frame(self) -> None: ...
    def build_notebook(self) -> None: ...
    def load(self) -> None: ...


class FirstScreenStart(QObject):
    """From the window's first paint to the notebooks opened in this process."""

    def __init__(self, window: FirstScreenHost, read_ahead: ReadAhead, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.shown = False  # what the first screen showed came from the read-ahead
        window.show_frame()  # while the read-ahead answers
        self._watch: ReadAheadWatch | None = ReadAheadWatch(read_ahead, self._arrived, self)
        if not read_ahead.insisted:
            QTimer.singleShot(GRACE_MS, self._late)

    def _arrived(self, first: FirstScreen | None) -> None:
        self._watch = None
        window = self.window
        if window.locked:
            return  # unlocking opens the notebooks
        if first is None:
            window.load()
            return
        window.build_notebook()
        window.splitter.show_summaries(first.summaries)
        window.pages.setCurrentWidget(window.notebook)
        row = next(i for i, s in enumerate(first.summaries) if s.partnership_id == first.partnership_id)
        window.partnerships.blockSignals(True)
        window.partnerships.setCurrentRow(row)
        window.partnerships.blockSignals(False)
        # Selected, so the notebooks' answer selects the same one and re-reads it in place
        # (MainWindow._show_partnerships) rather than clearing the overview first.
        window.access.select(first.partnership_id)
        window.shown_ahead = self.shown = True
        viewport = window.notebook.overview.viewport()
        viewport.installEventFilter(OnFirstPaint(viewport, self._open_here))
        window.notebook.show_overview(first.overview)

    def _open_here(self) -> None:
        if not self.window.locked:
            self.window.load()

    def _late(self) -> None:
        """Not answered by now: no core to spare after all. Stop it and open the notebooks
        here, as without it (doing the work twice would only slow both)."""
        if self._watch is not None:
            self._watch.cancel()
            self._watch = None
            self._open_here()
