"""Waiting for the first screen's read-ahead (vault.first_screen) without blocking the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

if TYPE_CHECKING:
    from peercoach_desktop.vault.first_screen import ReadAhead
    from peercoach_desktop.vault.partnership_summary import FirstScreen

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
