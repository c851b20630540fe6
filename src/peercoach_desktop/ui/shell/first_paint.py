"""The moment a widget (the main window, the overview) has first painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class OnFirstPaint(QObject):
    """Calls `then` once, right after the widget's first paint (start-up shows the window before
    it opens any notebook, and the overview's content before the rest of start-up)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._then)
            self._then = None
            watched.removeEventFilter(self)
        return False
