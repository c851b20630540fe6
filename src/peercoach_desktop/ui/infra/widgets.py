"""Small building blocks the views share: named controls, an owner picker, an optional date."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QDate, QDateTime, QLocale, Signal
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.ui.infra.i18n import QT_TRANSLATE_NOOP, translate

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, accessible: str | None = None) -> W:
    """Every control gets an object name (tests, styles) and a name a screen reader says:
    the one given, else a button's own (translated) text, else one made from the object name."""
    widget.setObjectName(name)
    if accessible is None and isinstance(widget, QAbstractButton) and widget.text():
        accessible = widget.text().replace("&", "")
    widget.setAccessibleName(accessible or name.replace("_", " ").capitalize())
    return widget


class OwnerBox(QComboBox):
    """'me' or 'partner', shown with the peers' names."""

    def set_names(self, me: str, partner: str) -> None:
        current = self.owner()
        self.blockSignals(True)
        self.clear()
        self.addItem(translate("Widgets", "{name} (me)").format(name=me), "me")
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
        self.enabled = named(
            QCheckBox(label), f"{name}_set", translate("Widgets", "{label}: set").format(label=label)
        )
        self.date = named(QDateEdit(), name, label)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_edit_format())
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
    """A stored UTC moment in the user's local time and the locale's format, with the weekday:
    'Tue 1/12/27, 11:00 AM' (en_US), 'Di. 12.01.27, 11:00' (de_DE)."""
    if not moment_iso:
        return "—"
    moment: datetime = parse_iso(moment_iso).astimezone()
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale, short = QLocale(), QLocale.FormatType.ShortFormat
    if locale.language() == QLocale.Language.C:  # LANG=C: unambiguous, as before locales
        return locale.toString(when, "ddd dd MMM yyyy, HH:mm")
    day = locale.dayName(when.date().dayOfWeek(), short)
    return f"{day} {locale.toString(when.date(), short)}, {locale.toString(when.time(), short)}"


def clock_time(moment_iso: str, now: datetime) -> str:
    """A stored UTC moment as the local time of day ('18:02', '6:02 PM') when it is on the same
    local day as `now`, else as local_time() does, with the day."""
    moment = parse_iso(moment_iso).astimezone()
    if moment.date() != now.astimezone().date():
        return local_time(moment_iso)
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return locale.toString(when, "HH:mm")
    return locale.toString(when.time(), QLocale.FormatType.ShortFormat)


def short_date(iso_date: str | None) -> str:
    """A stored date (yyyy-mm-dd) in the locale's short format; the text itself if it is no date."""
    if not iso_date:
        return "—"
    day, locale = QDate.fromString(iso_date, "yyyy-MM-dd"), QLocale()
    if not day.isValid() or locale.language() == QLocale.Language.C:  # C's "2 01 2020" reads badly
        return iso_date
    return locale.toString(day, QLocale.FormatType.ShortFormat)


def date_edit_format() -> str:
    """The locale's short date format for date fields, with the year in four digits."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def is_overdue(due: str | None, today: date | None = None) -> bool:
    return due is not None and due < (today or date.today()).isoformat()


STATUS_LABELS = {  # the statuses of steps, goals and sessions (core.model), as shown
    "open": QT_TRANSLATE_NOOP("Status", "Open"),
    "done": QT_TRANSLATE_NOOP("Status", "Done"),
    "dropped": QT_TRANSLATE_NOOP("Status", "Dropped"),
    "active": QT_TRANSLATE_NOOP("Status", "Active"),
    "paused": QT_TRANSLATE_NOOP("Status", "Paused"),
    "achieved": QT_TRANSLATE_NOOP("Status", "Achieved"),
    "planned": QT_TRANSLATE_NOOP("Status", "Planned"),
    "running": QT_TRANSLATE_NOOP("Status", "Running"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "Cancelled"),
}


def status_label(value: str) -> str:
    """A record status ('open', 'paused', …) in the interface's language."""
    text = STATUS_LABELS.get(value)
    return translate("Status", text) if text else value.capitalize()


def month_label(year_month: str) -> str:
    """'2026-03' as the locale names it ('März 2026'); as it is under the C locale."""
    locale = QLocale()
    first = QDate.fromString(f"{year_month}-01", "yyyy-MM-dd")
    if not first.isValid() or locale.language() == QLocale.Language.C:
        return year_month
    return locale.toString(first, "MMMM yyyy")
