"""A start-up probe for benchmarks and packaged-app self-checks (PEERCOACH_EXIT_AFTER).

'paint': quit right after the main window's first paint; 'content': note when the first
notebook's overview is on screen (its first paint with the notebook's content in it, not the
moment the content was handed to the widget), then quit once start-up has finished (the notebooks
open in this process, the worker idle), so the peak memory is the started window's even when the
first screen was read ahead by another process. It prints that moment and that peak (no user
data) to stderr, for a benchmark to compare with a bare Qt window's, and the interface language
chosen at start.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from peercoach_desktop.ui.shell.main_window import MainWindow

ENV = "PEERCOACH_EXIT_AFTER"


def peak_rss_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    def __init__(self, finish: object) -> None:
        super().__init__()
        self._finish = finish
        self.seen = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = time.time()  # the moment the window paints, not when we get to quit
            QTimer.singleShot(0, self._finish)  # type: ignore[arg-type]
        return False


def install(app: QApplication, window: MainWindow, mode: str) -> None:
    painted = _FirstPaint(lambda: finish(painted.seen) if mode == "paint" else when_started(painted.seen))
    deadline = time.monotonic() + 30.0

    def when_started(at: float) -> None:
        loading = window.access.workspace is None or window.tasks.pending or not window.actions_built
        if loading and time.monotonic() < deadline:
            QTimer.singleShot(10, lambda: when_started(at))
        else:
            finish(at)

    def finish(at: float) -> None:
        # Wall-clock time, so the benchmark can subtract the moment it spawned us.
        from peercoach_desktop.ui.infra.i18n import language

        line = f"peercoach-probe {mode} at={at:.6f} peak_rss_kib={peak_rss_kib()} language={language()}"
        print(line, file=sys.stderr)
        window.close()
        app.quit()

    if mode == "paint":
        painted.setParent(window)  # kept alive with the window
        window.installEventFilter(painted)
    elif mode == "content":

        def content_set() -> None:
            # Once, disconnected by hand: Qt.SingleShotConnection would make the probe set up
            # Qt's namespace (~20 ms of enums) before the first paint, which the app does not.
            window.content_shown.disconnect(content_set)
            viewport = window.notebook.overview.viewport()
            painted.setParent(viewport)
            viewport.installEventFilter(painted)

        window.content_shown.connect(content_set)
