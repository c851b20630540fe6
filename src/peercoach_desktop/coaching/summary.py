"""Session summaries that leave the laptop on purpose: one session or a date range, as
Markdown (the PDF is rendered from the same text by the UI layer).

What goes in: when, time per speaker and per phase, goals touched, feedback each way,
next steps set and reviewed, and the session's notes. A private note goes in only when
its author is the one exporting *and* they asked for it; the partner's private notes never.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from peercoach_desktop.domain.clock import parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, UsageError
from peercoach_desktop.domain.model import Feedback, Goal, NextStep, Note, Session, SessionStatus, Visibility
from peercoach_desktop.domain.session_timer import stage_times
from peercoach_desktop.storage.store import NotebookStore

R = TypeVar("R")

# Sessions saved before templates (timer format 1) keyed their phase times like this.
PHASE_NAMES = {
    "check_in": "Check-in",
    "turn_a": "First turn",
    "turn_b": "Second turn",
    "feedback": "Feedback",
    "next_steps": "Next steps",
}


@dataclass(frozen=True)
class Words:
    """The summary's own words, as str.format templates. English here; the window passes
    its translations (core has no Qt), the CLI keeps these."""

    title: str = "{title}: session summary"
    includes_private: str = "Includes private notes of the person who exported it."
    when: str = "{when}"  # a local time with its zone's abbreviation (CET, CEST), see _local
    time_per_speaker: str = "Time per speaker:"
    time_per_phase: str = "Time per phase:"
    minutes: str = "{m} min {s} s"
    not_held: str = "Not held: no time was spoken."
    goals_touched: str = "Goals touched"
    goal: str = "{title} ({owner}, {progress}%)"
    feedback: str = "Feedback"
    # The peers' own words go in as typed, after a label: the form's hints ("When…", "you…")
    # invite them to start that way, so the summary adds no words of its own around them.
    feedback_line: str = "{giver} to {receiver}: {parts}"
    situation: str = "situation: {text}"
    behaviour: str = "behaviour: {text}"
    impact: str = "impact: {text}"
    steps_set: str = "Next steps set"
    steps_reviewed: str = "Next steps reviewed"
    step: str = "{text} ({owner}, due {due}, {status})"
    status: dict[str, str] = field(
        default_factory=lambda: {"open": "open", "done": "done", "dropped": "dropped"}
    )
    notes: str = "Notes"
    private: str = "private"


ENGLISH = Words()


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
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Give one session, or a date range (--since, --until), not both.")
        )
    if session is not None:
        chosen = [store.find(Session, session)]
    else:
        start, end = _day(since, "--since", 0), _day(until, "--until", 1)
        chosen = [
            s
            for s in store.matching(Session, originals=True)
            if s.status != SessionStatus.CANCELLED
            and (start is None or parse_iso(s.scheduled_at or s.created_at) >= start)
            and (end is None or parse_iso(s.scheduled_at or s.created_at) < end)
        ]
        chosen.sort(key=lambda s: s.scheduled_at or s.created_at)
    if not chosen:
        raise NotFoundError(QT_TRANSLATE_NOOP("Core", "No session in that range: nothing to summarise."))
    names = {store.me_id: store.me().name, store.partner().id: store.partner().name}
    goals = {g.id: g for g in store.matching(Goal, originals=True)}
    parts = []

    def of(cls: type[R], column: str, session_id: str) -> list[R]:
        # Conflict copies (a second version from a sync) are settled in Conflicts, not summarised.
        return store.matching(cls, originals=True, **{column: session_id})

    for s in chosen:
        notes = [n for n in of(Note, "session_id", s.id) if _may_show(n, store.me_id, include_private)]
        steps_set = of(NextStep, "set_in_session_id", s.id)
        reviewed = of(NextStep, "reviewed_in_session_id", s.id)
        touched = {step.goal_id for step in [*steps_set, *reviewed] if step.goal_id}
        touched |= {n.goal_id for n in notes if n.goal_id}
        parts.append(
            SessionPart(
                session=s,
                notes=notes,
                feedback=of(Feedback, "session_id", s.id),
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


def _day(text: str | None, what: str, days_after: int) -> datetime | None:
    """The start of that local day (or of the day after, for an inclusive end), in UTC."""
    if not text:
        return None
    try:
        day = date.fromisoformat(text) + timedelta(days=days_after)
    except ValueError:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "{what} takes a date like 2026-03-31, not {text!r}."),
            what=what,
            text=text,
        ) from None
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def _local(moment_iso: str) -> str:
    """A stored instant as this laptop's wall-clock time: summaries are read by people."""
    return parse_iso(moment_iso).astimezone().strftime("%Y-%m-%d %H:%M %Z")


def md(text: str) -> str:
    """User text as literal Markdown: no links, no images (a note could otherwise pull a
    file from this laptop into the PDF), no headings, lists or emphasis it did not mean."""
    text = re.sub(r"([\\`*_\[\]<>!#|~])", r"\\\1", text)
    return re.sub(r"(?m)^(\s*)([-+]|\d+\.)", r"\1\\\2", text)  # a list marker only at a line's start


def to_markdown(summary: Summary, words: Words = ENGLISH) -> str:
    w = words

    def name(peer_id: str) -> str:
        return md(summary.names.get(peer_id, "?"))

    def minutes(seconds: float) -> str:
        return w.minutes.format(m=int(seconds // 60), s=f"{int(seconds % 60):02d}")

    lines = [f"# {w.title.format(title=md(summary.title))}", ""]
    private_in = any(n.visibility == Visibility.PRIVATE for part in summary.sessions for n in part.notes)
    if summary.include_private and private_in:  # says so only when there are some
        lines += [f"*{w.includes_private}*", ""]
    for part in summary.sessions:
        s = part.session
        when = _local(s.scheduled_at or s.created_at)
        lines += [f"## {w.when.format(when=when)}", ""]
        spoken = s.seconds_by_speaker
        phases = stage_times(s.timer_state)
        if _never_held(part, phases):
            lines += [f"*{w.not_held}*", ""]  # a planned meeting, not "0 min 00 s" each
        else:
            times = ", ".join(f"{name(p)} {minutes(spoken.get(p, 0))}" for p in s.speaker_order)
            lines += [f"**{w.time_per_speaker}** {times}", ""]
        if any(v for _, v in phases):
            shown = [f"{md(PHASE_NAMES.get(k, k))} {minutes(v)}" for k, v in phases if v]
            lines += [f"**{w.time_per_phase}** " + ", ".join(shown), ""]
        if part.goals:
            goals = [
                "- " + w.goal.format(title=md(g.title), owner=name(g.owner_id), progress=g.progress)
                for g in part.goals
            ]
            lines += [f"### {w.goals_touched}", *goals, ""]
        if part.feedback:
            lines.append(f"### {w.feedback}")
            for f in part.feedback:
                lines.append(f"- {feedback_text(f, name, w, md)}")
            lines.append("")
        lines += _steps(w.steps_set, part.steps_set, name, w)
        lines += _steps(w.steps_reviewed, part.steps_reviewed, name, w)
        if part.notes:
            lines.append(f"### {w.notes}")
            for n in part.notes:
                mark = f" *({w.private})*" if n.visibility == Visibility.PRIVATE else ""
                # each line break of the note stays one (two trailing spaces: a hard break)
                body = md(n.body.strip()).replace("\n", "  \n  ")
                lines.append(f"- {body}{mark}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _never_held(part: SessionPart, phases: list[tuple[str, float]]) -> bool:
    s = part.session
    if s.status in (SessionStatus.RUNNING, SessionStatus.DONE) or any(v for _, v in phases):
        return False
    recorded = part.feedback or part.steps_set or part.steps_reviewed
    return not any(s.seconds_by_speaker.values()) and not recorded


def feedback_text(
    feedback: Feedback, name: Callable[[str], str], w: Words = ENGLISH, quote: Callable[[str], str] = str
) -> str:
    """One peer's feedback as a line: the words they typed, each after its label; empty parts left out."""
    parts = [
        label.format(text=quote(text.strip()))
        for label, text in (
            (w.situation, feedback.situation),
            (w.behaviour, feedback.behaviour),
            (w.impact, feedback.impact),
        )
        if text.strip()
    ]
    return w.feedback_line.format(
        giver=name(feedback.giver_id), receiver=name(feedback.receiver_id), parts="; ".join(parts)
    )


def _steps(title: str, steps: list[NextStep], name: Callable[[str], str], w: Words) -> list[str]:
    if not steps:
        return []
    rows = [
        "- "
        + w.step.format(
            text=md(s.text),
            owner=name(s.owner_id),
            due=s.due_date or "—",
            status=w.status.get(s.status.value, ""),
        )
        for s in steps
    ]
    return [f"### {title}", *rows, ""]
