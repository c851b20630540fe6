"""The Qt binding must not leak or drop references on ordinary calls: on Python 3.11 a
binding that drops a reference to None on each void call (PySide6 6.12.0 did) aborts the
app with 'deallocating None' after a few thousand clicks, timers and repaints."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

CALLS = 500


def test_void_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    timer = QTimer()
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        timer.start(60_000)
        timer.stop()
        QCoreApplication.processEvents()
    drift = before - sys.getrefcount(None)
    # A correct binding drifts by a handful at most (other objects come and go); the faulty
    # one loses one reference per call: 4 x CALLS.
    assert drift < CALLS, f"None lost {drift} references in {4 * CALLS} Qt calls"
    assert QApplication.instance() is not None
