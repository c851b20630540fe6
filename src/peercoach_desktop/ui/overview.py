"""The overview of one partnership as escaped HTML: next meeting, open steps, active goals."""

from __future__ import annotations

from html import escape

from peercoach_desktop.core.model import GoalStatus, NotebookSnapshot, StepStatus


def meeting_label(moment_iso: str) -> str:
    """'2027-01-12T10:00:00.000Z' → '2027-01-12 10:00' (UTC, as stored)."""
    return moment_iso[:16].replace("T", " ")


def overview_html(snap: NotebookSnapshot, next_meeting: str | None) -> str:
    names = {snap.me.id: f"{snap.me.name} (me)", snap.partner.id: snap.partner.name}
    parts = [
        f"<h2>{escape(snap.title)}</h2>",
        f"<p>With {escape(snap.partner.name)}. Next meeting: "
        f"{escape(meeting_label(next_meeting)) if next_meeting else 'not planned yet'}</p>",
    ]
    steps = [s for s in snap.steps if s.status == StepStatus.OPEN]
    parts.append(f"<h3>Open next steps ({len(steps)})</h3><ul>")
    for step in steps:
        due = f", due {escape(step.due_date)}" if step.due_date else ""
        parts.append(f"<li>{escape(step.text)} — {escape(names.get(step.owner_id, '?'))}{due}</li>")
    parts.append("</ul>")
    goals = [g for g in snap.goals if g.status == GoalStatus.ACTIVE]
    parts.append(f"<h3>Active goals ({len(goals)})</h3><ul>")
    for goal in goals:
        linked = [s for s in snap.steps if s.goal_id == goal.id]
        done = sum(1 for s in linked if s.status == StepStatus.DONE)
        progress = f" — {done} of {len(linked)} steps done" if linked else ""
        parts.append(f"<li>{escape(goal.title)} ({escape(names.get(goal.owner_id, '?'))}){progress}</li>")
    parts.append("</ul>")
    return "".join(parts)
