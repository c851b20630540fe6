"""The overview of one partnership as escaped HTML: next meeting, open steps of both
peers with owner and due date, active goals with progress."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from peercoach_desktop.domain.overview import OVERVIEW_STEPS, Overview
from peercoach_desktop.ui.infra.i18n import number, percent, plural, translate
from peercoach_desktop.ui.infra.widgets import is_overdue, local_time, short_date
from peercoach_desktop.ui.notebook.meeting_words import meeting_in_words

# The overview lists this many open steps (soonest due first); the Next steps tab has them
# all. Laying out thousands of list items made the overview's setHtml stall the window ~2 s.
SHOWN_STEPS = OVERVIEW_STEPS


def open_session_html(view: Overview) -> str:
    if view.open_session_since is None:
        return "<p>" + translate("Overview", "No session is open.") + "</p>"
    return (
        "<p>"
        + translate(
            "Overview", "<b>A session is open</b> since {when}: Run session (Ctrl+R) resumes it."
        ).format(when=escape(local_time(view.open_session_since)))
        + "</p>"
    )


def overview_html(view: Overview, now: datetime | None = None) -> str:
    if view.next_meeting:
        meeting = escape(meeting_in_words(view.next_meeting, now or datetime.now(UTC)))
    else:
        meeting = translate("Overview", "not planned yet")
    counts = ", ".join(
        (
            plural(
                view.session_count,
                translate("Overview", "{n} session"),
                translate("Overview", "{n} sessions"),
            ),
            plural(view.note_count, translate("Overview", "{n} note"), translate("Overview", "{n} notes")),
        )
    )
    parts = [
        f"<h2>{escape(view.title)}</h2>",
        "<p>"
        + translate("Overview", "With {partner}. Next meeting: <b>{meeting}</b>.").format(
            partner=escape(view.partner.name), meeting=meeting
        )
        + f"<br>{counts}.</p>",
        open_session_html(view),
        "<h3>"
        + translate("Overview", "Open next steps ({n})").format(n=number(view.open_step_count))
        + "</h3><ul>",
    ]
    for step in view.open_steps[:SHOWN_STEPS]:
        due = ""
        if step.due_date:
            due = translate("Overview", ", due {date}").format(date=escape(short_date(step.due_date)))
            if is_overdue(step.due_date):
                due += translate("Overview", " — <b>overdue</b>")
        parts.append(f"<li>{escape(step.text)} — {escape(view.name_of(step.owner_id))}{due}</li>")
    if view.open_step_count > SHOWN_STEPS:
        more = number(view.open_step_count - SHOWN_STEPS)
        parts.append(
            "<li>" + translate("Overview", "… and {n} more in the Next steps tab").format(n=more) + "</li>"
        )
    parts.append("</ul><h3>" + translate("Overview", "Follow-through (last sessions)") + "</h3><ul>")
    for record in view.follow_through:
        name = escape(view.name_of(record.peer_id))
        if record.rate is None:
            text = translate("Overview", "{name}: no next steps with a known outcome yet").format(name=name)
        else:
            late = ""
            if record.overdue:
                late = translate("Overview", ", <b>{n} overdue</b>").format(n=number(len(record.overdue)))
            text = translate("Overview", "{name}: {done} of {set} done ({rate}){late}").format(
                name=name,
                done=number(record.done),
                set=number(record.set),
                rate=percent(record.rate),
                late=late,
            )
        parts.append(f"<li>{text}</li>")
    parts.append(
        "</ul><h3>"
        + translate("Overview", "Active goals ({n})").format(n=number(len(view.goals)))
        + "</h3><ul>"
    )
    for item in view.goals:
        goal = item.goal
        steps = ""
        if item.steps_total:
            steps = translate("Overview", "; {done} of {total} steps done").format(
                done=number(item.steps_done), total=number(item.steps_total)
            )
        target = ""
        if goal.target_date:
            target = translate("Overview", ", target {date}").format(
                date=escape(short_date(goal.target_date))
            )
        parts.append(
            f"<li>{escape(goal.title)} ({escape(view.name_of(goal.owner_id))}) — "
            f"{percent(goal.progress / 100)}{steps}{target}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)
