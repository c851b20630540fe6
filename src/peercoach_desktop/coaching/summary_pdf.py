"""A summary's Markdown as a PDF, rendered by Qt (QTextDocument into QPdfWriter): no other
service, and the bytes go straight to an atomic write, never through a temp file."""

from __future__ import annotations

import sys
from typing import Any

_app: Any = None  # the command line's offscreen QApplication, kept for the process's life


def markdown_to_pdf(markdown: str, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    global _app
    if QApplication.instance() is None:  # the command line: render without a display
        # A QApplication (not a QGuiApplication), so a window made later in this process works.
        _app = QApplication([sys.argv[0], "-platform", "offscreen"])
    document = QTextDocument()
    document.setMarkdown(markdown)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(title)
    writer.setCreator("PeerCoach Desktop")
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(buffer.data().data())
