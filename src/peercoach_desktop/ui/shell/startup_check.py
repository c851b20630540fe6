"""`peercoach-desktop --check-startup`: start for real, then report and quit.

Used by the packaged-app test: it proves the frozen binary can build the window, paint it,
reach the keyring and open every notebook on the worker thread, without anyone clicking.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from peercoach_desktop.ui.shell.main_window import MainWindow

TIMEOUT_S = 30.0


# Loaded later, when first used (menu actions by name, screen lock, the PDF writer): a
# packaged build must carry them even though no import at start-up names them.
LATER_MODULES = (
    "peercoach_desktop.ui.partners.partner_sync",
    "peercoach_desktop.ui.shell.safety_actions",
    "peercoach_desktop.ui.notebook_tools.trash_actions",
    "peercoach_desktop.ui.notebook_tools.history_dialog",
    "peercoach_desktop.ui.notebook_tools.summary_dialog",
    "peercoach_desktop.ui.notebook.progress_view",
    "peercoach_desktop.ui.session.runner_view",
    "peercoach_desktop.ui.session.template_dialog",
    "peercoach_desktop.ui.shell.screen_lock",
    "peercoach_desktop.coaching.summary_pdf",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
)


def _missing_modules() -> str | None:
    import importlib

    for name in LATER_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def quit_when_started(app: QApplication, window: MainWindow) -> None:
    """Once the notebooks are loaded and the window has painted, print one line and quit."""
    failures: list[BaseException] = []
    window.tasks.failed.connect(failures.append)
    deadline = time.monotonic() + TIMEOUT_S

    def check() -> None:
        loading = window.access.workspace is None or window.tasks.pending
        if loading and time.monotonic() < deadline:
            QTimer.singleShot(20, check)
            return
        image = window.grab()  # paints the whole widget tree
        problem = None
        if window.access.workspace is None or window.tasks.pending:
            problem = "timed out waiting for the notebooks"
        elif failures:
            problem = f"loading failed ({type(failures[0]).__name__})"
        elif image.isNull():
            problem = "nothing painted"
        elif app.windowIcon().pixmap(32).isNull():
            problem = "the app icon did not load (resources/ or the SVG plugin missing)"
        elif (missing := _missing_modules()) is not None:
            problem = f"a part of the app is missing from this build ({missing})"
        elif getattr(window, "instance_server", None) is None or not window.instance_server.listening:
            problem = "the single-instance socket is not served"
        frame = window.splitter
        items = [frame.partnerships.item(i) for i in range(frame.partnerships.count())]
        opened = sum(1 for item in items if not frame.summary(item).problem)
        window.close()  # as the user would: notebooks closed, worker thread stopped
        if problem:
            print(f"startup FAILED: {problem}", file=sys.stderr)
            app.exit(1)
            return
        size = f"{image.width()}x{image.height()}"
        locked = len(items) - opened
        how = "read ahead" if window.first_screen_read_ahead else "opened here"
        print(
            f"startup ok: {app.platformName()}, window {size}, {opened} notebook(s) open, {locked} locked,"
            f" first screen {how}"
        )
        app.exit(0)

    window.started.connect(check)
