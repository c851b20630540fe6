"""Start the desktop app (placeholder until the window lands)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(list(argv or sys.argv))
    label = QLabel("PeerCoach Desktop")
    label.show()
    return app.exec()
