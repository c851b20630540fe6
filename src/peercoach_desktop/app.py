"""Start the desktop app: build QApplication, wire the window to core, show it."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from peercoach_desktop import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from peercoach_desktop.core.library import Library


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="peercoach-desktop")
    parser.add_argument("--data-dir")
    args, qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])

    from PySide6.QtWidgets import QApplication

    from peercoach_desktop.core.paths import data_dir
    from peercoach_desktop.ui import startup_probe
    from peercoach_desktop.ui.main_window import MainWindow
    from peercoach_desktop.ui.settings import Preferences
    from peercoach_desktop.ui.single_instance import InstanceServer, wake_running

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    preferences = Preferences()
    folder = data_dir(args.data_dir, preferences.get("data_dir"))
    if wake_running(folder):
        return 0  # the running window for this data dir comes forward instead
    window = MainWindow(lambda: open_library(folder), preferences)

    def serve() -> None:  # after the first paint: QtNetwork loads then
        window.instance_server = InstanceServer(folder, window)
        window.instance_server.wake_requested.connect(window.bring_forward)

    window.after_first_paint.connect(serve)
    if os.environ.get(startup_probe.ENV):
        startup_probe.install(app, window, os.environ[startup_probe.ENV])
    window.show()
    window.load_after_first_paint()  # keys are fetched after the first paint
    return app.exec()


def open_library(folder: Path) -> Library:
    """Runs on the worker after the window has painted: SQLCipher and keyring load there."""
    from peercoach_desktop.core.keystore import OsKeyStore
    from peercoach_desktop.core.library import Library

    return Library(folder, OsKeyStore())


if __name__ == "__main__":
    raise SystemExit(main())
