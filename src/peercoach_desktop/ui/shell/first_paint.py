"""The moment the main window has first painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow


class OnFirstPaint(QObject):
    """Calls `then` once, right after the window's first paint (start-up shows the window before
    it opens any notebook)."""

    def __init__(self, window: QMainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._then)
            self._then = None
            watched.removeEventFilter(self)
        return False
