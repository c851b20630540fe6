"""Start the desktop app: build QApplication, wire the window to core, show it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from peercoach_desktop import APP_ID, APP_NAME, APP_RDNS, __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="peercoach-desktop")
    parser.add_argument("--data-dir")
    # Hidden: start, load, paint, print one line and quit (the packaged-app self-check).
    parser.add_argument("--check-startup", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from peercoach_desktop.core.keystore import OsKeyStore
    from peercoach_desktop.core.library import Library
    from peercoach_desktop.core.paths import data_dir
    from peercoach_desktop.resources import resource_path
    from peercoach_desktop.ui.main_window import MainWindow

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_RDNS)  # Wayland matches the window to the installed .desktop file
    app.setWindowIcon(QIcon(str(resource_path("icons", f"{APP_RDNS}.svg"))))
    window = MainWindow(Library(data_dir(args.data_dir), OsKeyStore()))
    window.show()
    QTimer.singleShot(0, window.load)  # keys are fetched after the first paint
    if args.check_startup:
        from peercoach_desktop.ui.startup_check import quit_when_started

        quit_when_started(app, window)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
