"""Small building blocks the views share: named controls, an owner picker, an optional date."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from peercoach_desktop.core.clock import parse_iso

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str | None = None) -> W:
    """Every control gets an object name (tests, styles) and a name a screen reader says."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible or name.replace("_", " ").capitalize())
    return widget


class OwnerBox(QComboBox):
    """'me' or 'partner', shown with the peers' names."""

    def set_names(self, me: str, partner: str) -> None:
        current = self.owner()
        self.blockSignals(True)
        self.clear()
        self.addItem(f"{me} (me)", "me")
        self.addItem(partner, "partner")
        self.set_owner(current or "me")
        self.blockSignals(False)

    def owner(self) -> str | None:
        return self.currentData()

    def set_owner(self, who: str) -> None:
        index = self.findData(who)
        if index >= 0:
            self.setCurrentIndex(index)


class OptionalDate(QWidget):
    """A date that may be left out: a checkbox that enables a calendar date field."""

    changed = Signal()

    def __init__(self, label: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = named(QCheckBox(label), f"{name}_set", f"{label}: set")
        self.date = named(QDateEdit(), name, label)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate().addDays(7))
        self.date.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date, 1)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.date.date().toString("yyyy-MM-dd") if self.enabled.isChecked() else None

    def set_value(self, text: str | None) -> None:
        self.blockSignals(True)
        self.enabled.setChecked(text is not None)
        if text:
            self.date.setDate(QDate.fromString(text, "yyyy-MM-dd"))
        self.blockSignals(False)


def local_time(moment_iso: str | None) -> str:
    """A stored UTC moment in the user's local time, e.g. 'Tue 12 Jan 2027, 11:00'."""
    if not moment_iso:
        return "—"
    moment: datetime = parse_iso(moment_iso).astimezone()
    return moment.strftime("%a %d %b %Y, %H:%M")


def is_overdue(due: str | None, today: date | None = None) -> bool:
    return due is not None and due < (today or date.today()).isoformat()
