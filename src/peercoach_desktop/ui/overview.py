"""The overview of one partnership as escaped HTML: next meeting, open steps, active goals."""

from __future__ import annotations

from html import escape

from peercoach_desktop.core.model import GoalStatus, NotebookSnapshot, SessionStatus, StepStatus


def overview_html(snap: NotebookSnapshot, now_iso: str) -> str:
    names = {snap.me.id: f"{snap.me.name} (me)", snap.partner.id: snap.partner.name}
    upcoming = sorted(
        s.scheduled_at
        for s in snap.sessions
        if s.status == SessionStatus.PLANNED and s.scheduled_at and s.scheduled_at >= now_iso
    )
    parts = [
        f"<h2>{escape(snap.title)}</h2>",
        f"<p>With {escape(snap.partner.name)}. Next meeting: "
        f"{escape(upcoming[0][:16].replace('T', ' ')) if upcoming else 'not planned yet'}</p>",
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
