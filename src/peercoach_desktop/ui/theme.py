"""Light, dark or the system's scheme, with palettes whose text stays readable in both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

Role = QPalette.ColorRole


def _palette(colours: dict[Role, str], disabled_text: str) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


DARK = {
    Role.Window: "#202124",
    Role.WindowText: "#e8eaed",
    Role.Base: "#17181a",
    Role.AlternateBase: "#26282b",
    Role.Text: "#e8eaed",
    Role.Button: "#2b2d31",
    Role.ButtonText: "#e8eaed",
    Role.Highlight: "#8ab4f8",
    Role.HighlightedText: "#101113",
    Role.ToolTipBase: "#2b2d31",
    Role.ToolTipText: "#e8eaed",
    Role.PlaceholderText: "#9aa0a6",
    Role.Link: "#8ab4f8",
    Role.BrightText: "#ffffff",
}
LIGHT = {
    Role.Window: "#f6f6f7",
    Role.WindowText: "#1f1f1f",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f0f1f3",
    Role.Text: "#1f1f1f",
    Role.Button: "#ececee",
    Role.ButtonText: "#1f1f1f",
    Role.Highlight: "#1a5fb4",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#ffffff",
    Role.ToolTipText: "#1f1f1f",
    Role.PlaceholderText: "#6b6b6b",
    Role.Link: "#1a5fb4",
    Role.BrightText: "#000000",
}


def apply_theme(app: QApplication, theme: str) -> None:
    """'system' follows the desktop's scheme; 'light' and 'dark' set our own palettes."""
    style = QStyleFactory.create("Fusion")
    app.setStyle(style)
    hints = app.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(_palette(DARK, "#80868b"))
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(_palette(LIGHT, "#8a8a8a"))
    else:
        hints.unsetColorScheme()
        app.setPalette(style.standardPalette())
