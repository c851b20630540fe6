"""Running a session on the notebook: start or resume, check-in, feedback, next steps, close.

These functions run on the notebook worker. Each mutation is one store transaction
and returns a fresh RunnerState (plain data) for the view to render. The timer's
state is saved with the session on every change, so a crash loses nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from peercoach_desktop.coaching import catalog, schedule, templates
from peercoach_desktop.domain import meeting
from peercoach_desktop.domain.accountability import FollowThrough, follow_through, is_overdue
from peercoach_desktop.domain.clock import Clock, iso, parse_iso
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.model import (
    DEFAULT_TURN_MINUTES,
    Feedback,
    Goal,
    GoalStatus,
    NextStep,
    Note,
    Peer,
    Session,
    SessionStatus,
    StepStatus,
)
from peercoach_desktop.domain.session_timer import SessionTimer, stage_times
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.local_zone import local_zone_name

PLANNED_WINDOW = timedelta(hours=12)  # a planned session this close to now is the one being run
NO_STEPS = QT_TRANSLATE_NOOP(
    "Core", "Peer coaching ends with next steps: add at least one, or confirm ending without."
)


class Review(StrEnum):
    DONE = "done"
    CARRIED_OVER = "carried_over"
    DROPPED = "dropped"


REVIEW_STATUS = {
    Review.DONE: StepStatus.DONE,
    Review.CARRIED_OVER: StepStatus.OPEN,
    Review.DROPPED: StepStatus.DROPPED,
}


def review_of(step: NextStep, session_id: str) -> Review | None:
    if step.reviewed_in_session_id != session_id:
        return None
    return {StepStatus.DONE: Review.DONE, StepStatus.DROPPED: Review.DROPPED}.get(
        step.status, Review.CARRIED_OVER
    )


@dataclass
class RunnerState:
    session: Session
    me: Peer
    partner: Peer
    to_review: list[NextStep]  # last time's open steps, and any already reviewed in this session
    reviews: dict[str, Review]  # step id -> outcome given in this session
    steps_set: list[NextStep]
    feedback: list[Feedback]
    goals: list[Goal]  # active goals of both peers
    earlier_seconds: dict[str, int]  # talk time in the partnership's other sessions
    due_default: str  # next meeting's date, the default due date of a new step
    session_note: Note | None = None  # the notes typed during this session, to resume them
    overdue: set[str] = field(default_factory=set)  # ids of open steps past their due date
    follow: dict[str, FollowThrough] = field(default_factory=dict)  # per peer, last sessions
    timer_restarted: bool = False  # its saved timer could not be read: it began again (see open_session)
    partner_started_at: str | None = None  # the partner's laptop runs this meeting too, since then

    def name(self, peer_id: str | None) -> str:
        return {self.me.id: self.me.name, self.partner.id: self.partner.name}.get(peer_id or "", "?")


@dataclass
class SessionSummary:
    session_id: str
    names: dict[str, str]
    seconds_by_speaker: dict[str, int]
    phase_seconds: dict[str, float]
    goals_touched: list[str]
    steps_set: list[NextStep]
    steps_reviewed: list[tuple[NextStep, Review]]
    feedback: list[Feedback] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "seconds_by_speaker": self.seconds_by_speaker,
            "phase_seconds": {k: round(v) for k, v in self.phase_seconds.items()},
            "goals_touched": self.goals_touched,
            "steps_set": [s.id for s in self.steps_set],
            "steps_reviewed": {s.id: review.value for s, review in self.steps_reviewed},
        }


def open_session(
    store: NotebookStore,
    clock: Clock,
    turn_minutes: int = DEFAULT_TURN_MINUTES,
    template: templates.Template | None = None,
    language: str = "en",
) -> RunnerState:
    """Resume the running session, or start the planned one due now, or start a new one
    following `template` (the default two-turn session if None); stage names are in
    `language` where the bundled templates are translated."""
    sessions = store.list(Session)
    running = [s for s in sessions if s.status == SessionStatus.RUNNING]
    if running:
        session = max(running, key=lambda s: s.started_at or "")
        try:
            SessionTimer.from_dict(session.timer_state, clock)
        except UsageError:
            _restart_timer(store, clock, session, language)
            return dataclasses.replace(state(store, clock, session.id), timer_restarted=True)
        _note_started_here(store, clock, session)
        return state(store, clock, session.id)
    now = clock.now()
    due = [
        s
        for s in sessions
        if s.status == SessionStatus.PLANNED
        and s.scheduled_at
        and abs(parse_iso(s.scheduled_at) - now) <= PLANNED_WINDOW
    ]
    session = min(due, key=lambda s: abs(parse_iso(s.scheduled_at or "") - now)) if due else None
    if session is None:
        session = store.add_session(iso(now), turn_minutes, record_id=_meeting_id(store, now))
    default = catalog.load_builtin(language)[0]
    stages = templates.stages(template or default, default, session.minutes_per_turn)
    timer = SessionTimer(session.speaker_order, stages, clock)
    data = timer.to_dict() | {meeting.STARTED_ON: {store.me_id: iso(now)}}
    store.change_record(session, status=SessionStatus.RUNNING, started_at=iso(now), timer_state=data)
    return state(store, clock, session.id)


def _meeting_id(store: NotebookStore, now: datetime) -> str:
    """The id of today's unplanned meeting: the partner's laptop derives the same one, so
    starting it on both makes one session (domain/meeting.py). Today is the day in the zone of
    the partners' meeting plan (shared), or with no plan in this laptop's zone. A later meeting
    the same day, after this one ended, takes the next number."""
    plan = schedule.plan_of(store)
    day = meeting.meeting_day(now, plan.zone if plan else local_zone_name())
    nth = 0
    while store.matching(
        Session, deleted=None, id_prefix=meeting.meeting_session_id(store.partnership_id, day, nth)
    ):
        nth += 1
    return meeting.meeting_session_id(store.partnership_id, day, nth)


def _with_meeting(
    session: Session, timer_state: dict[str, Any], seconds: dict[str, int]
) -> tuple[dict[str, Any], dict[str, int]]:
    """What this laptop's timer saves, plus what the meeting knows beyond it: who started it
    where, and the partner laptop's talk time when it counted more (domain/meeting.py)."""
    where = meeting.started_on(session)
    if where:
        timer_state = timer_state | {meeting.STARTED_ON: where}
    most = {p: max(int(v), seconds.get(p, 0)) for p, v in session.seconds_by_speaker.items()}
    return timer_state, seconds | most


def _note_started_here(store: NotebookStore, clock: Clock, session: Session) -> None:
    """Resuming a meeting the partner's laptop started: this laptop runs it too, from now."""
    where = meeting.started_on(session)
    if store.me_id not in where:
        data = dict(session.timer_state) | {meeting.STARTED_ON: where | {store.me_id: iso(clock.now())}}
        store.change_record(session, timer_state=data)


def _restart_timer(store: NotebookStore, clock: Clock, session: Session, language: str) -> None:
    """A running session whose saved timer this app cannot read (a newer app synced it, or it
    is damaged) would block the runner for good: it starts again at the default protocol's
    check-in, keeping the talk time counted so far. Notes and steps are untouched."""
    default = catalog.load_builtin(language)[0]
    fresh = SessionTimer(
        session.speaker_order, templates.stages(default, default, session.minutes_per_turn), clock
    )
    data = fresh.to_dict()
    data["spoken"] = {p: float(session.seconds_by_speaker.get(p, 0)) for p in session.speaker_order}
    store.change_record(session, timer_state=data)


def state(store: NotebookStore, clock: Clock, session_id: str) -> RunnerState:
    session = store.get(Session, session_id)
    steps = store.list(NextStep)
    to_review = [
        s
        for s in steps
        if s.set_in_session_id != session_id
        and (s.reviewed_in_session_id == session_id or s.status == StepStatus.OPEN)
    ]
    reviews = {s.id: r for s in to_review if (r := review_of(s, session_id)) is not None}
    sessions = store.list(Session)
    today = clock.now().date()
    earlier: dict[str, int] = {}
    for other in sessions:
        if other.id != session_id:
            for peer, seconds in other.seconds_by_speaker.items():
                earlier[peer] = earlier.get(peer, 0) + int(seconds)
    return RunnerState(
        session=session,
        me=store.me(),
        partner=store.partner(),
        to_review=to_review,
        reviews=reviews,
        steps_set=[s for s in steps if s.set_in_session_id == session_id],
        feedback=store.where(Feedback, session_id=session_id),
        goals=[g for g in store.list(Goal) if g.status == GoalStatus.ACTIVE],
        earlier_seconds=earlier,
        due_default=schedule.next_meeting_date(store, clock.now()).isoformat(),
        session_note=next(iter(store.where(Note, session_id=session_id, author_id=store.me_id)), None),
        overdue={s.id for s in to_review if is_overdue(s, today)},
        follow={p: follow_through(p, sessions, steps, today) for p in session.speaker_order},
        partner_started_at=meeting.started_on(session).get(store.partner().id),
    )


def partner_started_at(store: NotebookStore, session_id: str) -> str | None:
    """When the partner's laptop started running this meeting too, if it has (domain/meeting.py):
    a small read for the runner after the partner's changes came in."""
    return meeting.started_on(store.get(Session, session_id)).get(store.partner().id)


def _running(store: NotebookStore, session_id: str) -> Session:
    session = store.get(Session, session_id)
    if session.status != SessionStatus.RUNNING:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "This session is not running any more."))
    return session


def save_timer(
    store: NotebookStore, session_id: str, timer_state: dict[str, Any], seconds: dict[str, int]
) -> None:
    """Persist the timer after a change (start, pause, extend, phase, cue)."""
    session = _running(store, session_id)
    timer_state, seconds = _with_meeting(session, timer_state, seconds)
    if session.timer_state != timer_state or session.seconds_by_speaker != seconds:
        store.change_record(session, timer_state=timer_state, seconds_by_speaker=seconds)


def review_step(
    store: NotebookStore, clock: Clock, session_id: str, step_id: str, review: Review
) -> RunnerState:
    _running(store, session_id)
    store.set_step_status(step_id, REVIEW_STATUS[review], reviewed_in=session_id)
    return state(store, clock, session_id)


def give_feedback(
    store: NotebookStore,
    clock: Clock,
    session_id: str,
    giver_id: str,
    situation: str,
    behaviour: str,
    impact: str,
) -> RunnerState:
    """One giver's feedback in this session; giving it again replaces the earlier words."""
    session = _running(store, session_id)
    if giver_id not in session.speaker_order:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "Feedback is given by one of the two peers."))
    if not (situation.strip() or behaviour.strip() or impact.strip()):
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Feedback needs at least one of situation, behaviour or impact.")
        )
    receiver = next(p for p in session.speaker_order if p != giver_id)
    words = {"situation": situation.strip(), "behaviour": behaviour.strip(), "impact": impact.strip()}
    earlier = store.where(Feedback, session_id=session_id, giver_id=giver_id)
    if earlier:
        store.change_record(earlier[0], **words)
    else:
        store.add_record(Feedback, session_id=session_id, giver_id=giver_id, receiver_id=receiver, **words)
    return state(store, clock, session_id)


def add_step(
    store: NotebookStore,
    clock: Clock,
    session_id: str,
    owner_id: str,
    text: str,
    due_date: str | None = None,
    goal_id: str | None = None,
) -> RunnerState:
    _running(store, session_id)
    owner = "me" if owner_id == store.me_id else "partner"
    due = due_date or schedule.next_meeting_date(store, clock.now()).isoformat()
    store.add_step(owner, text, goal=goal_id, due_date=due, session=session_id)
    return state(store, clock, session_id)


def end_session(
    store: NotebookStore,
    clock: Clock,
    session_id: str,
    timer_state: dict[str, Any],
    allow_without_steps: bool = False,
) -> SessionSummary:
    """Close the session. Without a next step this refuses unless the user confirmed."""
    session = _running(store, session_id)
    if not allow_without_steps and not any(s.set_in_session_id == session_id for s in store.list(NextStep)):
        raise UsageError(NO_STEPS)
    timer = SessionTimer.from_dict(timer_state, clock)
    timer.finish()
    # The next meeting is the agreed series' (coaching/schedule.py): nothing to plan here.
    final, seconds = _with_meeting(session, timer.to_dict(), timer.seconds_by_speaker())
    store.change_record(
        session,
        status=SessionStatus.DONE,
        ended_at=iso(clock.now()),
        timer_state=final,
        seconds_by_speaker=seconds,
    )
    return summary(store, session_id)


def abandon_session(
    store: NotebookStore, clock: Clock, session_id: str, timer_state: dict[str, Any]
) -> Session:
    """Stop a session that will not go on (the meeting broke off, it was opened by mistake):
    it is kept as cancelled, with the time it ran; its notes, feedback and steps stay as they
    are, and no following meeting is planned from it."""
    session = _running(store, session_id)
    timer = SessionTimer.from_dict(timer_state, clock)
    timer.finish()
    return store.change_record(
        session,
        status=SessionStatus.CANCELLED,
        ended_at=iso(clock.now()),
        timer_state=timer.to_dict(),
        seconds_by_speaker=timer.seconds_by_speaker(),
    )


def summary(store: NotebookStore, session_id: str) -> SessionSummary:
    session = store.get(Session, session_id)
    steps = store.list(NextStep)
    set_here = [s for s in steps if s.set_in_session_id == session_id]
    reviewed = [(s, r) for s in steps if (r := review_of(s, session_id)) is not None]
    goal_ids = {s.goal_id for s in set_here} | {s.goal_id for s, _ in reviewed}
    goal_ids |= {n.goal_id for n in store.where(Note, session_id=session_id)}
    goals = [g.title for g in store.list(Goal) if g.id in goal_ids]
    phase_seconds = stage_times(session.timer_state)
    names = {store.me_id: store.me().name, store.partner().id: store.partner().name}
    return SessionSummary(
        session_id=session_id,
        names=names,
        seconds_by_speaker={p: int(session.seconds_by_speaker.get(p, 0)) for p in session.speaker_order},
        phase_seconds=dict(phase_seconds),  # in the protocol's order
        goals_touched=goals,
        steps_set=set_here,
        steps_reviewed=reviewed,
        feedback=store.where(Feedback, session_id=session_id),
    )
