"""The overview of one partnership as escaped HTML: next meeting, open steps of both
peers with owner and due date, active goals with progress."""

from __future__ import annotations

from html import escape

from peercoach_desktop.core.browse import Overview
from peercoach_desktop.ui.widgets import is_overdue, local_time


def overview_html(view: Overview) -> str:
    meeting = escape(local_time(view.next_meeting)) if view.next_meeting else "not planned yet"
    parts = [
        f"<h2>{escape(view.title)}</h2>",
        f"<p>With {escape(view.partner.name)}. Next meeting: <b>{meeting}</b>.<br>"
        f"{view.session_count} sessions, {view.note_count} notes.</p>",
        f"<h3>Open next steps ({len(view.open_steps)})</h3><ul>",
    ]
    for step in view.open_steps:
        due = ""
        if step.due_date:
            due = f", due {escape(step.due_date)}" + (
                " — <b>overdue</b>" if is_overdue(step.due_date) else ""
            )
        parts.append(f"<li>{escape(step.text)} — {escape(view.name_of(step.owner_id))}{due}</li>")
    parts.append("</ul><h3>Follow-through (last sessions)</h3><ul>")
    for record in view.follow_through:
        name = escape(view.name_of(record.peer_id))
        if record.rate is None:
            parts.append(f"<li>{name}: no next steps with a known outcome yet</li>")
        else:
            late = f", <b>{len(record.overdue)} overdue</b>" if record.overdue else ""
            parts.append(f"<li>{name}: {record.done} of {record.set} done ({record.rate:.0%}){late}</li>")
    parts.append(f"</ul><h3>Active goals ({len(view.goals)})</h3><ul>")
    for item in view.goals:
        goal = item.goal
        steps = f"; {item.steps_done} of {item.steps_total} steps done" if item.steps_total else ""
        target = f", target {escape(goal.target_date)}" if goal.target_date else ""
        parts.append(
            f"<li>{escape(goal.title)} ({escape(view.name_of(goal.owner_id))}) — "
            f"{goal.progress}%{steps}{target}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)
