"""Session summaries that leave the laptop on purpose: one session or a date range, as
Markdown (the PDF is rendered from the same text by the UI layer).

What goes in: when, time per speaker and per phase, goals touched, feedback each way,
next steps set and reviewed, and the session's notes. A private note goes in only when
its author is the one exporting *and* they asked for it; the partner's private notes never.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from peercoach_desktop.core.errors import NotFoundError, UsageError
from peercoach_desktop.core.model import Feedback, Goal, NextStep, Note, Session, SessionStatus, Visibility
from peercoach_desktop.core.store import NotebookStore

PHASE_NAMES = {
    "check_in": "Check-in",
    "turn_a": "First turn",
    "turn_b": "Second turn",
    "feedback": "Feedback",
    "next_steps": "Next steps",
}


@dataclass
class SessionPart:
    session: Session
    notes: list[Note] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    steps_set: list[NextStep] = field(default_factory=list)
    steps_reviewed: list[NextStep] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)


@dataclass
class Summary:
    title: str
    names: dict[str, str]
    me_id: str
    sessions: list[SessionPart]
    include_private: bool


def build(
    store: NotebookStore,
    *,
    session: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_private: bool = False,
) -> Summary:
    if session is not None and (since or until):
        raise UsageError("Give one session, or a date range (--since, --until), not both.")
    if session is not None:
        chosen = [store.find(Session, session)]
    else:
        start = _day(since, "--since") or "0000-01-01"
        end = _day(until, "--until") or "9999-12-31"
        chosen = [
            s
            for s in store.list(Session)
            if s.status != SessionStatus.CANCELLED and start <= (s.scheduled_at or s.created_at)[:10] <= end
        ]
        chosen.sort(key=lambda s: s.scheduled_at or s.created_at)
    if not chosen:
        raise NotFoundError("No session in that range: nothing to summarise.")
    names = {store.me_id: store.me().name, store.partner().id: store.partner().name}
    goals = {g.id: g for g in store.list(Goal)}
    parts = []
    for s in chosen:
        notes = [n for n in store.where(Note, session_id=s.id) if _may_show(n, store.me_id, include_private)]
        steps_set = store.where(NextStep, set_in_session_id=s.id)
        reviewed = store.where(NextStep, reviewed_in_session_id=s.id)
        touched = {step.goal_id for step in [*steps_set, *reviewed] if step.goal_id}
        touched |= {n.goal_id for n in notes if n.goal_id}
        parts.append(
            SessionPart(
                session=s,
                notes=notes,
                feedback=store.where(Feedback, session_id=s.id),
                steps_set=steps_set,
                steps_reviewed=reviewed,
                goals=[goals[g] for g in sorted(touched) if g in goals],
            )
        )
    return Summary(store.partnership().title, names, store.me_id, parts, include_private)


def _may_show(note: Note, me_id: str, include_private: bool) -> bool:
    if note.visibility == Visibility.SHARED:
        return True
    return include_private and note.author_id == me_id  # never the partner's private words


def _day(text: str | None, what: str) -> str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"{what} takes a date like 2026-03-31, not {text!r}.") from None


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"


def to_markdown(summary: Summary) -> str:
    name = summary.names.get
    lines = [f"# {summary.title}: session summary", ""]
    if summary.include_private:
        lines += ["*Includes private notes of the person who exported it.*", ""]
    for part in summary.sessions:
        s = part.session
        lines += [f"## {(s.scheduled_at or s.created_at)[:16].replace('T', ' ')} UTC", ""]
        spoken = s.seconds_by_speaker
        lines += [
            "**Time per speaker:** "
            + ", ".join(f"{name(p, '?')} {_minutes(spoken.get(p, 0))}" for p in s.speaker_order),
            "",
        ]
        phases = (getattr(s, "timer_state", None) or {}).get("phase_time", {})
        if any(phases.values()):
            shown = [f"{PHASE_NAMES.get(k, k)} {_minutes(v)}" for k, v in phases.items() if v]
            lines += ["**Time per phase:** " + ", ".join(shown), ""]
        if part.goals:
            lines += [
                "### Goals touched",
                *[f"- {g.title} ({name(g.owner_id, '?')}, {g.progress}%)" for g in part.goals],
                "",
            ]
        if part.feedback:
            lines.append("### Feedback")
            for f in part.feedback:
                lines.append(
                    f"- {name(f.giver_id, '?')} to {name(f.receiver_id, '?')}: when {f.situation}; "
                    f"{f.behaviour}; the effect: {f.impact}"
                )
            lines.append("")
        lines += _steps("Next steps set", part.steps_set, name)
        lines += _steps("Next steps reviewed", part.steps_reviewed, name)
        if part.notes:
            lines.append("### Notes")
            for n in part.notes:
                mark = " *(private)*" if n.visibility == Visibility.PRIVATE else ""
                body = n.body.strip().replace("\n", "\n  ")
                lines.append(f"- {body}{mark}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _steps(title: str, steps: list[NextStep], name: object) -> list[str]:
    if not steps:
        return []
    rows = [f"- {s.text} ({name(s.owner_id, '?')}, due {s.due_date or '—'}, {s.status.value})" for s in steps]  # type: ignore[operator]
    return [f"### {title}", *rows, ""]
