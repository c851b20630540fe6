"""Light, dark or the system's scheme, with palettes whose text stays readable in both."""

from __future__ import annotations

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


# Fusion outlines a check box with a darker shade of the window colour, which vanishes on
# a dark base; these borders keep an unticked box visible (3:1 against the base).
DARK_INDICATORS = """
QCheckBox::indicator, QAbstractItemView::indicator {
    width: 13px; height: 13px; border: 1px solid #9aa0a6; border-radius: 2px; background: #17181a;
}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {
    background: #8ab4f8; border-color: #8ab4f8;
}
QCheckBox::indicator:disabled { border-color: #5f6368; }
QRadioButton::indicator {
    width: 12px; height: 12px; border: 1px solid #9aa0a6; border-radius: 7px; background: #17181a;
}
QRadioButton::indicator:checked { background: #8ab4f8; border-color: #8ab4f8; }
"""


_fusion_set: list[bool] = []  # Fusion is the application's style: no need to ask again


def fusion_arguments(args: list[str]) -> list[str]:
    """QApplication's arguments with Fusion as its style, last so it wins over a -style given
    (as apply_palette's setStyle did): Qt makes the style in C++, while asking the style's name
    from Python first sets up QStyle's Python type (~10 ms of enums before the first paint)."""
    _fusion_set[:] = [True]
    return [*args, "-style", "fusion"]


def apply_palette(app: QApplication, theme: str) -> None:
    """Before the first paint: Fusion, and our light or dark palette when one is chosen.
    ('system' keeps the platform's palette until follow_system_scheme, which needs Qt's
    namespace enums: some milliseconds a first paint does not have to wait for.)"""
    if not _fusion_set:
        if app.style().name().lower() != "fusion":  # often already is: no second instance
            app.setStyle(QStyleFactory.create("Fusion"))
        _fusion_set.append(True)
    if theme in ("light", "dark"):
        _set_palette(app, theme == "dark")


def follow_system_scheme(app: QApplication, theme: str) -> None:
    """After the first paint: tell the platform the chosen scheme (title bars), or follow
    the desktop's, also when it changes while the app runs."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if not _following:
        hints.colorSchemeChanged.connect(_follow_system)
        _following.append(True)
    _theme[:] = [theme]
    if theme == "system":
        hints.unsetColorScheme()
        _set_palette(app, hints.colorScheme() == Qt.ColorScheme.Dark)
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)


_following: list[bool] = []  # connected once per process
_theme: list[str] = ["system"]


def _follow_system(scheme: object) -> None:
    from PySide6.QtCore import Qt

    if _theme == ["system"]:
        _set_palette(QApplication.instance(), scheme == Qt.ColorScheme.Dark)


def _set_palette(app: QApplication, dark: bool) -> None:
    app.setPalette(_palette(DARK, "#80868b") if dark else _palette(LIGHT, "#8a8a8a"))
    app.setStyleSheet(DARK_INDICATORS if dark else "")
