"""The workshop pairing rules, as properties of the real pairing function."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from peercoach_desktop.coaching.workshop.pairing import (
    Group,
    Person,
    adjust,
    cost,
    make_groups,
    met_pairs,
    swap,
)

UNITS = ["Physics", "History", "Nursing", "Law", "Music"]


@st.composite
def rosters(draw: st.DrawFn, min_size: int = 2, max_size: int = 24) -> list[Person]:
    n = draw(st.integers(min_size, max_size))
    unit_count = draw(st.integers(1, len(UNITS)))
    units = draw(st.lists(st.sampled_from(UNITS[:unit_count]), min_size=n, max_size=n))
    return [Person(f"p{i:02d}", unit) for i, unit in enumerate(units)]


def everyone(groups: list[Group]) -> list[str]:
    return sorted(pid for g in groups for pid in g)


def shape_ok(groups: list[Group], n: int) -> bool:
    sizes = Counter(len(g) for g in groups)
    return set(sizes) <= {2, 3} and sizes[3] == n % 2


def groupings(ids: list[str]) -> Iterator[list[Group]]:
    """Every way to seat ids in pairs (plus one trio when odd): the brute-force oracle."""
    if len(ids) % 2:
        for trio in itertools.combinations(ids, 3):
            rest = [i for i in ids if i not in trio]
            for pairs in groupings(rest):
                yield [trio, *pairs]
        return
    if not ids:
        yield []
        return
    first, rest = ids[0], ids[1:]
    for i, other in enumerate(rest):
        for pairs in groupings(rest[:i] + rest[i + 1 :]):
            yield [(first, other), *pairs]


@settings(max_examples=200, deadline=None)
@given(rosters(), st.integers(0, 2**32))
def test_everyone_is_seated_once_in_pairs_and_at_most_one_trio(people: list[Person], seed: int) -> None:
    groups = make_groups(people, seed=seed)
    assert everyone(groups) == sorted(p.id for p in people)
    assert shape_ok(groups, len(people))


@settings(max_examples=150, deadline=None)
@given(rosters(max_size=9), st.integers(0, 2**32))
def test_a_perfect_cross_unit_grouping_is_found_whenever_one_exists(people: list[Person], seed: int) -> None:
    units = {p.id: p.unit for p in people}
    exists = any(
        all(units[a] != units[b] for g in grouping for a, b in itertools.combinations(g, 2))
        for grouping in groupings([p.id for p in people])
    )
    same_unit, _ = cost(make_groups(people, seed=seed), people)
    assert (same_unit == 0) == exists


@settings(max_examples=100, deadline=None)
@given(st.integers(3, 120), st.integers(2, 6), st.integers(0, 2**32))
def test_balanced_units_always_pair_across_units_at_scale(n: int, unit_count: int, seed: int) -> None:
    # Units dealt round-robin: no unit holds more than half, so everyone can meet another unit
    # (with an odd count the trio needs three units).
    assume(n % 2 == 0 or unit_count >= 3)
    people = [Person(f"p{i:03d}", f"unit {i % unit_count}") for i in range(n)]
    assert cost(make_groups(people, seed=seed), people)[0] == 0


@settings(max_examples=150, deadline=None)
@given(rosters(min_size=4), st.integers(0, 2**32), st.integers(0, 2**32))
def test_a_second_workshop_repeats_no_pair_when_units_leave_room(
    people: list[Person], seed1: int, seed2: int
) -> None:
    # An even count: any one repeated pair can swap partners with any other pair. (Five people
    # cannot avoid it: every trio holds two of the earlier trio.)
    assume(len(people) % 2 == 0)
    everyone_own_unit = [Person(p.id, p.id) for p in people]
    first = make_groups(everyone_own_unit, seed=seed1)
    second = make_groups(everyone_own_unit, met_pairs(first), seed=seed2)
    assert met_pairs(second).isdisjoint(met_pairs(first))


@settings(max_examples=150, deadline=None)
@given(rosters(min_size=4), st.integers(0, 2**32), st.integers(0, 2**32))
def test_no_single_swap_could_avoid_a_repeat_or_a_same_unit_pair(
    people: list[Person], seed1: int, seed2: int
) -> None:
    met = met_pairs(make_groups(people, seed=seed1))
    groups = make_groups(people, met, seed=seed2)
    best = cost(groups, people, met)
    for g, h in itertools.combinations(range(len(groups)), 2):
        for a in groups[g]:
            for b in groups[h]:
                assert cost(swap(groups, a, b), people, met) >= best


@settings(max_examples=100, deadline=None)
@given(rosters(), st.integers(0, 2**32), st.randoms(use_true_random=False))
def test_the_same_seed_gives_the_same_groups_in_any_roster_order(
    people: list[Person], seed: int, rnd: object
) -> None:
    shuffled = list(people)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert make_groups(people, seed=seed) == make_groups(shuffled, seed=seed)


def test_reshuffle_gives_other_pairs() -> None:
    people = [Person(f"p{i:02d}", UNITS[i % 4]) for i in range(20)]
    seen = {frozenset(met_pairs(make_groups(people, seed=s))) for s in range(10)}
    assert len(seen) == 10


@given(rosters(min_size=4), st.integers(0, 2**32), st.data())
def test_a_manual_swap_moves_only_the_two_people(
    people: list[Person], seed: int, data: st.DataObject
) -> None:
    groups = make_groups(people, seed=seed)
    a, b = data.draw(st.lists(st.sampled_from([p.id for p in people]), min_size=2, max_size=2, unique=True))
    swapped = swap(groups, a, b)
    assert everyone(swapped) == everyone(groups)
    changed = [(old, new) for old, new in zip(groups, swapped, strict=True) if old != new]
    together = any(a in g and b in g for g in groups)
    assert len(changed) == (0 if together else 2)


@settings(max_examples=200, deadline=None)
@given(rosters(min_size=2), st.integers(0, 2**32), st.data())
def test_no_shows_and_late_arrivals_keep_the_standing_pairs(
    people: list[Person], seed: int, data: st.DataObject
) -> None:
    groups = make_groups(people, seed=seed)
    gone = set(data.draw(st.lists(st.sampled_from([p.id for p in people]), unique=True)))
    late_units = data.draw(st.lists(st.sampled_from(UNITS), max_size=4))
    late = [Person(f"late{i}", unit) for i, unit in enumerate(late_units)]
    here = [p for p in people if p.id not in gone] + late
    assume(len(here) >= 2)
    adjusted = adjust(groups, here, seed=seed)
    assert everyone(adjusted) == sorted(p.id for p in here)
    assert shape_ok(adjusted, len(here))
    untouched = [g for g in groups if not gone & set(g)]
    still = set(adjusted)
    # Every untouched group stands, except at most one that gives or takes the odd person.
    assert sum(g not in still for g in untouched) <= 1


def test_one_late_arrival_joins_a_pair_and_makes_the_trio() -> None:
    people = [Person(f"p{i:02d}", UNITS[i % 2]) for i in range(20)]
    groups = make_groups(people, seed=7)
    late = Person("late", "Law")
    adjusted = adjust(groups, [*people, late], seed=7)
    assert len(adjusted) == 10
    trio = next(g for g in adjusted if len(g) == 3)
    assert "late" in trio
    assert sum(g in adjusted for g in groups) == 9
