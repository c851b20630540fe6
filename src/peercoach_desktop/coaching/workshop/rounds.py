"""The facilitator's actions on a workshop notebook: pair who is here, reshuffle, swap two
people, fit late arrivals and no-shows in, and close the hour so its pairs count as met.

Each action reads the notebook, decides with the pure `pairing` rules and saves the round;
the window and the command line both call these.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

from peercoach_desktop.coaching.workshop.pairing import Person, adjust, make_groups, met_pairs, swap
from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.domain.workshop import Participant, Round
from peercoach_desktop.storage.workshop_store import WorkshopStore


@dataclass(frozen=True)
class Table:
    number: int
    people: tuple[Participant, ...]


def met_before(store: WorkshopStore) -> set[frozenset[str]]:
    """Who sat together in this group's finished workshops."""
    return met_pairs(g for held in store.rounds() if held.finished_at for g in held.groups)


def _present(store: WorkshopStore) -> list[Person]:
    people = [Person(p.id, p.unit) for p in store.participants() if p.present]
    if len(people) < 2:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "Mark at least two participants present to pair them."))
    return people


def _current(store: WorkshopStore) -> Round:
    held = store.current_round()
    if held is None:
        return Round(id=new_id(), started_at=store.now(), seed=0, groups=())
    return held


def pair(store: WorkshopStore, seed: int | None = None) -> Round:
    """New groups for everyone present (a fresh seed unless one is given: "Reshuffle")."""
    seed = random.SystemRandom().randrange(2**31) if seed is None else seed
    groups = make_groups(_present(store), met_before(store), seed)
    return store.save_round(dataclasses.replace(_current(store), seed=seed, groups=tuple(groups)))


def fit_arrivals(store: WorkshopStore) -> Round:
    """Late arrivals join and no-shows leave; the pairs that still stand are kept."""
    held = _current(store)
    if not held.groups:
        return pair(store)
    groups = adjust(held.groups, _present(store), met_before(store), held.seed)
    return store.save_round(dataclasses.replace(held, groups=tuple(groups)))


def swap_people(store: WorkshopStore, a: str, b: str) -> Round:
    """The facilitator's manual swap of two participants (ids, prefixes or names)."""
    held = store.current_round()
    if held is None or not held.groups:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "Pair the participants first, then swap."))
    first, second = store.participant(a), store.participant(b)
    seated = {pid for g in held.groups for pid in g}
    for person in (first, second):
        if person.id not in seated:
            raise UsageError(
                QT_TRANSLATE_NOOP("Core", "{name} has no table in this round."), name=person.name
            )
    return store.save_round(dataclasses.replace(held, groups=tuple(swap(held.groups, first.id, second.id))))


def finish(store: WorkshopStore) -> Round:
    """Close the hour: its pairs count as met when this group pairs again."""
    held = store.current_round()
    if held is None:
        raise UsageError(QT_TRANSLATE_NOOP("Core", "This workshop has no round to finish."))
    return store.save_round(dataclasses.replace(held, finished_at=store.now()))


def tables(store: WorkshopStore, held: Round | None = None) -> list[Table]:
    """The groups of a round (the current one by default) as numbered tables of people."""
    held = held or store.current_round()
    if held is None:
        return []
    by_id = {p.id: p for p in store.participants()}
    return [
        Table(number, tuple(by_id[pid] for pid in group if pid in by_id))
        for number, group in enumerate(held.groups, start=1)
    ]


# The report-out themes a facilitator usually hears, tallied by show of hands.
TALLY_KEYS = ("not_unique", "efficiency", "almost_doing")


def record_report(store: WorkshopStore, themes: str, tally: dict[str, int], continuing: int) -> Round:
    """What the room voiced in the report-out, and how many want to go on as partners."""
    held = store.current_round() or (store.rounds()[-1] if store.rounds() else None)
    if held is None:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Pair the participants first, then record the report-out.")
        )
    if continuing < 0 or any(count < 0 for count in tally.values()):
        raise UsageError(QT_TRANSLATE_NOOP("Core", "Counts in the report-out cannot be negative."))
    unknown = sorted(set(tally) - set(TALLY_KEYS))
    if unknown:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Unknown report-out theme {theme!r}; use one of {known}."),
            theme=unknown[0],
            known=", ".join(TALLY_KEYS),
        )
    return store.save_round(
        dataclasses.replace(held, themes=themes.strip(), tally=dict(tally), continuing=continuing)
    )


def last_round(store: WorkshopStore) -> Round | None:
    """The round being held, else the last one held."""
    everything = store.rounds()
    return store.current_round() or (everything[-1] if everything else None)
