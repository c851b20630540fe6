"""One meeting = one session: both laptops start it, files cross, one session everywhere.
The property test runs the real merge (domain/merge.py) and the real join (domain/meeting.py)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sync_helpers import make_pair

from peercoach_desktop.coaching import sessions as runner
from peercoach_desktop.domain import meeting
from peercoach_desktop.domain.clock import FakeClock, HybridClock
from peercoach_desktop.domain.merge import Entry, State, apply, extend_ctx, make_ctx, merge
from peercoach_desktop.domain.model import Note, Session, SessionStatus
from peercoach_desktop.storage.browse import sessions_page
from peercoach_desktop.sync import conflict_choice

ANA, BEN = "peer-ana", "peer-ben"
SID = "meeting-1"


def test_both_laptops_start_the_meeting_and_end_with_one_session(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    try:
        a = runner.open_session(pair.ana, pair.clock)  # no plan: today's meeting on both laptops
        pair.clock.advance(seconds=120)
        b = runner.open_session(pair.ben, pair.clock)
        assert a.session.id == b.session.id and a.session.speaker_order == b.session.speaker_order
        runner.save_timer(pair.ana, a.session.id, a.session.timer_state, _talk(pair.ana, 300, 0))
        runner.save_timer(pair.ben, b.session.id, b.session.timer_state, _talk(pair.ben, 280, 310))
        pair.ana.add_note("Ana's notes of the meeting", session=a.session.id)
        pair.ben.add_note("Ben's notes of the meeting", session=b.session.id)

        pair.exchange()
        pair.exchange()
        for store in (pair.ana, pair.ben):
            rows = sessions_page(store).rows
            assert len(rows) == 1 and rows[0].note_count == 2  # one session, both partners' notes
            session = rows[0].session
            assert session.status == SessionStatus.RUNNING
            # the same conversation timed twice: the larger count, never the sum
            assert session.seconds_by_speaker == {pair.ana.me_id: 310, pair.ben.me_id: 280}
            assert sorted(n.body for n in store.where(Note, session_id=session.id)) == [
                "Ana's notes of the meeting",
                "Ben's notes of the meeting",
            ]
            assert conflict_choice.list_conflicts(store) == []  # nothing for the user to settle
        assert runner.state(pair.ana, pair.clock, a.session.id).partner_started_at == b.session.started_at
        assert runner.state(pair.ben, pair.clock, a.session.id).partner_started_at == a.session.started_at
        # a local save settles the copies with the joined session: still one, nothing lost
        timer = pair.ana.get(Session, a.session.id).timer_state
        runner.end_session(pair.ana, pair.clock, a.session.id, timer, allow_without_steps=True)
        pair.exchange()
        for store in (pair.ana, pair.ben):
            (session,) = store.list(Session)
            assert session.status == SessionStatus.DONE and session.seconds_by_speaker[pair.ben.me_id] == 280
    finally:
        pair.close()


def _talk(store, me_seconds: int, partner_seconds: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {store.me_id: me_seconds, store.partner().id: partner_seconds}


# ----- the laws, on random concurrent versions of one session --------------------------------


class Laptop:
    def __init__(self, node: str) -> None:
        self.node, self.hlc = node, HybridClock(FakeClock(), node)
        self.state: State = {}

    def edit(self, status: int, seconds: tuple[int, int], start: int) -> None:
        group = self.state.get(("sessions", SID), ())
        ctx: dict[str, str] = {}
        for entry in group:
            ctx = extend_ctx(ctx, *dict(entry.ctx).values(), entry.version)
        base = meeting.join_sessions(e.record for e in group) if group else None  # type: ignore[misc]
        record = Session(
            id=SID,
            created_at="2026-01-05T09:00:00.000Z",
            updated_at="2026-01-05T09:00:00.000Z",
            version=self.hlc.tick(),
            author_id=self.node,
            deleted=False,
            scheduled_at=None,
            started_at=f"2026-01-05T10:{start:02d}:00.000Z",
            ended_at=None,
            minutes_per_turn=15,
            speaker_order=[ANA, BEN],
            seconds_by_speaker={ANA: seconds[0], BEN: seconds[1]},
            status=list(SessionStatus)[status],
            timer_state={meeting.STARTED_ON: {self.node: f"2026-01-05T10:{start:02d}:00.000Z"}},
        )
        if base is not None:  # a local save writes over the joined session it read
            record = dataclasses.replace(
                record,
                started_at=base.started_at,
                seconds_by_speaker={
                    p: max(v, base.seconds_by_speaker.get(p, 0)) for p, v in seconds_map(seconds).items()
                },
                timer_state=base.timer_state,
            )
        self.state[("sessions", SID)] = (Entry("sessions", record, make_ctx(ctx)),)

    def receive(self, other: State) -> None:
        self.state = apply(self.state, merge(self.state, [e for g in other.values() for e in g]))

    def shown(self) -> Session:
        return meeting.join_sessions(e.record for e in self.state[("sessions", SID)])


def seconds_map(seconds: tuple[int, int]) -> dict[str, int]:
    return {ANA: seconds[0], BEN: seconds[1]}


steps = st.lists(
    st.tuples(
        st.sampled_from(["ana", "ben", "a>b", "b>a"]),
        st.integers(0, 2),
        st.tuples(st.integers(0, 900), st.integers(0, 900)),
        st.integers(0, 59),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(steps)
def test_both_laptops_show_the_same_session_whatever_the_order(history) -> None:  # type: ignore[no-untyped-def]
    ana, ben = Laptop(ANA), Laptop(BEN)
    ana.edit(1, (0, 0), 0)
    ben.edit(1, (0, 0), 1)
    most = {ANA: 0, BEN: 0}
    for action, status, seconds, start in history:
        if action in ("ana", "ben"):
            (ana if action == "ana" else ben).edit(status, seconds, start)
            for p, v in seconds_map(seconds).items():
                most[p] = max(most[p], v)
        elif action == "a>b":
            ben.receive(ana.state)
        else:
            ana.receive(ben.state)
    snapshots = (dict(ana.state), dict(ben.state))
    ana.receive(snapshots[1])
    ben.receive(snapshots[0])
    # converged, in one session, whichever file went first
    assert ana.shown() == ben.shown()
    assert ana.state == ben.state
    shown = ana.shown()
    assert shown.id == SID
    # talk time: never more than the largest count either laptop saw (not double-counted) ...
    assert all(shown.seconds_by_speaker[p] <= most[p] for p in (ANA, BEN))
    # ... and who started where survives every merge
    assert set(meeting.started_on(shown)) == {ANA, BEN}


@given(st.permutations([0, 1, 2]))
def test_the_join_depends_on_the_set_of_versions_not_their_order(order: list[int]) -> None:
    versions = []
    for i, node in zip(range(3), itertools.cycle([ANA, BEN])):
        versions.append(
            Session(
                id=SID,
                created_at="t",
                updated_at="t",
                version=f"{i:012x}.0000.{node}",
                author_id=node,
                deleted=False,
                scheduled_at=None,
                started_at=f"2026-01-05T10:0{3 - i}:00Z",
                ended_at=None,
                minutes_per_turn=15,
                speaker_order=[ANA, BEN],
                seconds_by_speaker={ANA: 10 * i, BEN: 100 - i},
                status=list(SessionStatus)[i],
                timer_state={meeting.STARTED_ON: {node: f"2026-01-05T10:0{3 - i}:00Z"}},
            )
        )
    shown = meeting.join_sessions(versions[k] for k in order)
    assert shown == meeting.join_sessions(versions)
    assert shown.status == SessionStatus.DONE and shown.started_at == "2026-01-05T10:01:00Z"
    assert shown.seconds_by_speaker == {ANA: 20, BEN: 100}


def test_the_runner_says_when_the_partners_laptop_also_runs_the_meeting(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from peercoach_desktop.ui.infra.tasks import Tasks
    from peercoach_desktop.ui.session.runner_view import SessionRunnerView

    pair = make_pair(tmp_path)
    tasks = Tasks()
    try:
        runner.open_session(pair.ben, pair.clock)  # Ben starts the meeting on his laptop
        pair.send(pair.ben, pair.ana)
        pair.clock.advance(60)
        view = SessionRunnerView(tasks, lambda: pair.ana, pair.clock, turn_minutes=5)
        qtbot.addWidget(view)
        view.show()
        with qtbot.waitSignal(view.session_started, timeout=5000):
            view.start()  # Ana's "Start or resume": the same session, not a second one
        assert view.status.text().startswith("Ben started this session on their laptop at ")
        qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
        assert len(pair.ana.list(Session)) == 1
    finally:
        tasks.shutdown()
        pair.close()


def test_conflicts_name_their_authors(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from peercoach_desktop.ui.partners.partner_dialogs import ConflictsDialog

    pair = make_pair(tmp_path)
    try:
        note = pair.ana.add_note("Our agenda")
        pair.send(pair.ana, pair.ben)
        pair.ana.update_note(note.id, "Our agenda, Ana's way")
        pair.clock.advance(60)
        pair.ben.update_note(note.id, "Our agenda, Ben's way")
        pair.send(pair.ben, pair.ana)
        (conflict,) = conflict_choice.list_conflicts(pair.ana)
        assert {conflict.current_by, conflict.other_by} == {"Ana", "Ben"}
        dialog = ConflictsDialog()
        qtbot.addWidget(dialog)
        dialog.show_conflicts([conflict])
        labels = {dialog.current_label.text(), dialog.other_label.text()}
        assert {label.split(",")[0] for label in labels} == {"Ana", "Ben"}
        assert conflict.current_by == "Ben" and "Ben's way" in dialog.current.toPlainText()  # the newer
    finally:
        pair.close()
