"""A summary's Markdown as a PDF, rendered by Qt (QTextDocument into QPdfWriter): no other
service, and the bytes go straight to an atomic write, never through a temp file."""

from __future__ import annotations

import sys
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QRawFont

_app: Any = None  # the command line's offscreen QApplication, kept for the process's life

# Emoji and other pictographs (Unicode "So"/"Sk" from U+2000 on) that no installed font
# draws would print as empty boxes: they become their Unicode name instead.
_SYMBOL_CATEGORIES = ("So", "Sk")
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}  # zero-width joiner, text/emoji presentation selectors


def printable(text: str, font: QFont) -> str:
    """The text with each symbol no installed font can draw replaced by "(emoji: its name)"."""
    out: list[str] = []
    after_replaced = False
    for char in text:
        if char in _JOINERS and after_replaced:
            continue  # it joined or styled an emoji that is now words
        symbol = ord(char) >= 0x2000 and unicodedata.category(char) in _SYMBOL_CATEGORIES
        after_replaced = symbol and not _drawable(ord(char), font.family())
        if after_replaced:
            out.append(f"(emoji: {unicodedata.name(char, f'u+{ord(char):04x}').lower()})")
        else:
            out.append(char)
    return "".join(out)


@cache
def _drawable(code: int, family: str) -> bool:
    if _raw(family).supportsCharacter(code):
        return True
    from PySide6.QtGui import QFontDatabase

    return any(_raw(other).supportsCharacter(code) for other in QFontDatabase.families())


@cache
def _raw(family: str) -> QRawFont:
    from PySide6.QtGui import QFont, QRawFont

    return QRawFont.fromFont(QFont(family))


def markdown_to_pdf(markdown: str, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    global _app
    if QApplication.instance() is None:  # the command line: render without a display
        # A QApplication (not a QGuiApplication), so a window made later in this process works.
        _app = QApplication([sys.argv[0], "-platform", "offscreen"])
    document = QTextDocument()
    document.setMarkdown(printable(markdown, document.defaultFont()))
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
