"""Small parts of the session runner: the talk-time bar, the prompt card, the cue sound
and the one modal question, which sits behind a test hook."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from peercoach_desktop.coaching.localize import category_title
from peercoach_desktop.coaching.prompts import Prompt
from peercoach_desktop.ui.infra.i18n import language, percent, translate
from peercoach_desktop.ui.infra.widgets import local_time


def named(widget: QWidget, name: str, accessible: str | None = None) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible or name.replace("_", " "))
    return widget


def minutes_seconds(seconds: float) -> str:
    whole = round(abs(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


# ----- the one modal question ---------------------------------------------------------------------

_next_answers: list[bool] = []


def set_next_answer(answer: bool) -> None:
    """Tests queue the answer to the next question, so no dialog ever blocks them."""
    _next_answers.append(answer)


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    if _next_answers:
        return _next_answers.pop(0)
    if os.environ.get("PYTEST_CURRENT_TEST"):
        raise AssertionError(f"unanswered question in a test: {title}")  # never block a test run
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


# ----- sound --------------------------------------------------------------------------------------


class CueSound:
    """The cue WAV through QtMultimedia when it is installed (PySide6-Addons); else the system beep.

    PySide6-Essentials has no QtMultimedia, so by default this beeps."""

    def __init__(self) -> None:
        self.muted = False
        self.played = 0
        self._effect = None
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            from peercoach_desktop.system.resources import resource_path

            self._effect = QSoundEffect()
            self._effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "cue.wav"))))
        except ImportError:
            self._effect = None

    def play(self) -> None:
        if self.muted:
            return
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()


# ----- talk-time balance --------------------------------------------------------------------------


class TalkBalanceBar(QFrame):
    """Two segments in palette colours (Highlight, Link), so it reads in dark and light themes.

    Built from layout stretch, not a paintEvent override: with PySide6 6.12 on Python 3.11
    every call into a Python override of a void virtual drops a reference to None."""

    SCALE = 1000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = (0.0, 0.0)
        self.setFrameShape(QFrame.Shape.Box)
        self.setForegroundRole(QPalette.ColorRole.Mid)
        self.setFixedHeight(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.segments = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(1, 1, 1, 1)
        self._layout.setSpacing(0)
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.Link):
            segment = QWidget()
            segment.setAutoFillBackground(True)
            segment.setBackgroundRole(role)
            self.segments.append(segment)
            self._layout.addWidget(segment)
        self.set_values(0, 0)

    def set_values(self, first: float, second: float) -> None:
        self.values = (first, second)
        total = first + second
        for index, (segment, value) in enumerate(zip(self.segments, self.values, strict=True)):
            share = round(self.SCALE * value / total) if total else 0
            segment.setVisible(share > 0)
            self._layout.setStretch(index, share)
        self._layout.activate()  # lay out now, not at the next event-loop turn


class TalkBalance(QWidget):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.bar = named(TalkBalanceBar(), f"{name}_bar", title)
        self.legend = named(
            QLabel(), f"{name}_legend", translate("SessionWidgets", "{title}: figures").format(title=title)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.bar, self.legend):
            layout.addWidget(widget)

    def show_seconds(self, names: tuple[str, str], seconds: tuple[float, float]) -> None:
        self.bar.set_values(*seconds)
        total = sum(seconds) or 1
        text = "   ".join(
            f"{name} {minutes_seconds(s)} ({percent(s / total)})"
            for name, s in zip(names, seconds, strict=True)
        )
        self.legend.setText(text)
        self.bar.setAccessibleDescription(text)


# ----- prompt card --------------------------------------------------------------------------------


class PromptCard(QGroupBox):
    """A prompt matched to the phase, with 'another one', and the user's own edits."""

    another_requested = Signal()
    edit_requested = Signal(object, str)  # Prompt, new text
    hide_requested = Signal(object)
    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("SessionWidgets", "Prompt"), parent)
        named(self, "prompt_card", translate("SessionWidgets", "Prompt card"))
        self.prompt: Prompt | None = None
        self.text = named(QLabel(), "prompt_text", translate("SessionWidgets", "Prompt"))
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.why = named(QLabel(), "prompt_why", translate("SessionWidgets", "Why this prompt"))
        self.why.setWordWrap(True)
        self.why.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.editor = named(QLineEdit(), "prompt_editor", translate("SessionWidgets", "Prompt text"))
        self.editor.setPlaceholderText(translate("SessionWidgets", "Your own prompt for this phase"))
        another = named(
            QPushButton(translate("SessionWidgets", "&Another one")),
            "another_prompt",
            translate("SessionWidgets", "Another prompt"),
        )
        another.clicked.connect(self.another_requested)
        self.edit = named(
            QPushButton(translate("SessionWidgets", "Use my &wording")),
            "edit_prompt",
            translate("SessionWidgets", "Save my wording of this prompt"),
        )
        self.edit.clicked.connect(self._edit)
        self.hide_button = named(
            QPushButton(translate("SessionWidgets", "&Hide")),
            "hide_prompt",
            translate("SessionWidgets", "Hide this prompt"),
        )
        self.hide_button.clicked.connect(lambda: self.prompt and self.hide_requested.emit(self.prompt))
        add = named(
            QPushButton(translate("SessionWidgets", "A&dd as new")),
            "add_prompt",
            translate("SessionWidgets", "Add my own prompt"),
        )
        add.clicked.connect(self._add)
        buttons = QGridLayout()  # two by two: four German labels in a row were wider than a laptop
        for index, button in enumerate((another, self.hide_button, self.edit, add)):
            buttons.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.why)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)

    def show_prompt(self, prompt: Prompt | None) -> None:
        self.prompt = prompt
        self.text.setText(prompt.text if prompt else translate("SessionWidgets", "No prompt for this phase."))
        mine = " " + translate("SessionWidgets", "(your wording)") if prompt and prompt.own else ""
        why = (
            translate("SessionWidgets", "Why: {why}").format(why=prompt.why) if prompt and prompt.why else ""
        )
        self.why.setText((why + mine).strip())
        category = category_title(prompt.category, language()) if prompt else ""
        self.setTitle(
            translate("SessionWidgets", "Prompt — {category}").format(category=category)
            if prompt
            else translate("SessionWidgets", "Prompt")
        )
        self.edit.setEnabled(prompt is not None)
        self.hide_button.setEnabled(prompt is not None)

    def _edit(self) -> None:
        if self.prompt and self.editor.text().strip():
            self.edit_requested.emit(self.prompt, self.editor.text())
            self.editor.clear()

    def _add(self) -> None:
        if self.editor.text().strip():
            self.add_requested.emit(self.editor.text())
            self.editor.clear()


def elsewhere_text(partner: str, started_at: str) -> str:
    """One meeting on two laptops is one session (domain/meeting.py): say so."""
    return translate("SessionWidgets", "{partner} started this session on their laptop at {time}.").format(
        partner=partner, time=local_time(started_at)
    )
