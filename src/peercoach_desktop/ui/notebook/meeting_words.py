"""A meeting said the way people say it: "Thursday 15:00, in 3 days", in this laptop's time.

The instant is stored; the words are local, so the partner in another zone reads their own hour.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, QTime

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.ui.infra.i18n import plural, translate

WEEK_DAYS = 7


def clock_time(moment: datetime) -> str:
    locale = QLocale()
    at = QTime(moment.hour, moment.minute)
    if locale.language() == QLocale.Language.C:
        return at.toString("HH:mm")
    return locale.toString(at, QLocale.FormatType.ShortFormat)


def day_and_time(moment: datetime, with_date: bool) -> str:
    locale = QLocale()
    day = locale.dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)
    if with_date:
        date = moment.strftime("%Y-%m-%d") if locale.language() == QLocale.Language.C else None
        if date is None:
            from PySide6.QtCore import QDate

            date = locale.toString(
                QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat
            )
        return translate("MeetingWords", "{day} {date}, {time}").format(
            day=day, date=date, time=clock_time(moment)
        )
    return translate("MeetingWords", "{day} {time}").format(day=day, time=clock_time(moment))


def meeting_in_words(moment_iso: str, now: datetime) -> str:
    """'Thursday 15:00, in 3 days'; 'today' and 'tomorrow' by the local calendar day."""
    moment = parse_iso(moment_iso).astimezone()  # this laptop's zone, as every shown time
    days = (moment.date() - now.astimezone().date()).days
    if days <= 0:
        when = translate("MeetingWords", "today")
    elif days == 1:
        when = translate("MeetingWords", "tomorrow")
    elif days < 2 * WEEK_DAYS:
        when = plural(days, translate("MeetingWords", "in {n} day"), translate("MeetingWords", "in {n} days"))
    else:
        when = plural(
            days // WEEK_DAYS,
            translate("MeetingWords", "in {n} week"),
            translate("MeetingWords", "in {n} weeks"),
        )
    return translate("MeetingWords", "{moment}, {when}").format(
        moment=day_and_time(moment, with_date=days >= WEEK_DAYS), when=when
    )
