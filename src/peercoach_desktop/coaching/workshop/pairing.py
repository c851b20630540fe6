"""Who coaches whom in a workshop: random but fair, reproducible by a seed.

Rules, in order of weight:
1. pairs cross units wherever the roster allows it (a perfect cross-unit grouping is always
   found when one exists);
2. nobody is paired with someone they already met in this group's earlier workshops, as far as
   rule 1 leaves room for it;
3. an odd count makes exactly one trio (three turns instead of two).

Late arrivals and no-shows are fitted into an existing grouping (`adjust`) without shuffling
the pairs that still stand. Everything here is pure: participant ids in, groups of ids out.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

Group = tuple[str, ...]
Met = Collection[frozenset[str]]


@dataclass(frozen=True)
class Person:
    id: str
    unit: str


def met_pairs(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    """Every two people who sat in one group (a trio counts as three pairs)."""
    pairs: set[frozenset[str]] = set()
    for group in groups:
        for i, a in enumerate(group):
            pairs.update(frozenset((a, b)) for b in group[i + 1 :])
    return pairs


def _norm(unit: str) -> str:
    # "Physics" and " physics " are one unit: people type rosters by hand.
    return " ".join(unit.split()).casefold()


class _Scorer:
    def __init__(self, units: Mapping[str, str], met: Met) -> None:
        self.units = {pid: _norm(unit) for pid, unit in units.items()}
        self.met: dict[str, set[str]] = defaultdict(set)
        for pair in met:
            if len(pair) != 2:
                continue
            a, b = tuple(pair)
            self.met[a].add(b)
            self.met[b].add(a)

    def cost(self, group: Sequence[str]) -> tuple[int, int]:
        """(same-unit pairs, repeated pairs) inside one group: lower is better, units first."""
        same = repeat = 0
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                same += bool(self.units[a] and self.units[a] == self.units[b])
                repeat += b in self.met.get(a, ())
        return same, repeat


def cost(groups: Iterable[Sequence[str]], people: Iterable[Person], met: Met = ()) -> tuple[int, int]:
    """(same-unit pairs, repeated pairs) of a whole grouping."""
    scorer = _Scorer({p.id: p.unit for p in people}, met)
    totals = [scorer.cost(g) for g in groups]
    return sum(t[0] for t in totals), sum(t[1] for t in totals)


def make_groups(people: Sequence[Person], met: Met = (), seed: int = 0) -> list[Group]:
    """Pairs (and one trio when the count is odd) for everyone in `people`.

    The same people, history and seed always give the same groups, whatever the order of
    `people`; another seed is a "Reshuffle"."""
    rng = random.Random(seed)
    ordered = sorted(people, key=lambda p: p.id)
    rng.shuffle(ordered)
    scorer = _Scorer({p.id: p.unit for p in ordered}, met)
    if len(ordered) < 2:
        return [tuple(p.id for p in ordered)] if ordered else []
    groups = _construct(ordered, rng)
    _mix(groups, scorer, rng)
    _improve(groups, scorer)
    return [tuple(g) for g in groups]


def _by_unit(people: Sequence[Person]) -> dict[str, list[str]]:
    units: dict[str, list[str]] = defaultdict(list)
    for p in people:
        units[_norm(p.unit) or f"\0{p.id}"].append(p.id)  # no unit: a unit of one's own
    return units


def _largest(units: Mapping[str, list[str]], rng: random.Random) -> list[str]:
    """Units by size, largest first; equal sizes in random order."""
    names = [u for u, members in units.items() if members]
    rng.shuffle(names)
    return sorted(names, key=lambda u: -len(units[u]))


def _construct(people: Sequence[Person], rng: random.Random) -> list[list[str]]:
    units = _by_unit(people)
    groups: list[list[str]] = []
    if len(people) % 2:
        # The trio takes one person from each of the three largest units: if any cross-unit
        # grouping exists, the rest can then still be paired across units.
        trio = [units[u].pop() for u in _largest(units, rng)[:3]]
        while len(trio) < 3:  # fewer than three units: the largest gives the rest
            trio.append(units[_largest(units, rng)[0]].pop())
        groups.append(trio)
    # Everyone in a row, unit after unit, largest unit first; seat row[i] with row[i + half].
    # No unit holds more than half the row when a cross-unit pairing exists, so the two ends of
    # every pair then come from different units; otherwise only the surplus of the largest unit
    # sits together, which is the fewest same-unit pairs possible.
    row = [pid for u in _largest(units, rng) for pid in units[u]]
    half = len(row) // 2
    groups += [[row[i], row[i + half]] for i in range(half)]
    return groups


def _mix(groups: list[list[str]], scorer: _Scorer, rng: random.Random) -> None:
    """Random swaps that make nothing worse, so who meets whom is not fixed by unit order."""
    if len(groups) < 2:
        return
    for _ in range(4 * len(groups)):
        g, h = rng.sample(groups, 2)
        i, j = rng.randrange(len(g)), rng.randrange(len(h))
        before = _add(scorer.cost(g), scorer.cost(h))
        g[i], h[j] = h[j], g[i]
        if _add(scorer.cost(g), scorer.cost(h)) > before:
            g[i], h[j] = h[j], g[i]


def _improve(groups: list[list[str]], scorer: _Scorer) -> None:
    """Swap single people between a group with a flaw and any other group while that lowers
    the total cost; each accepted swap lowers it strictly, so this ends."""
    improved = True
    while improved:  # until a whole pass over the flawed groups finds no better swap
        improved = False
        flawed = [g for g in groups if scorer.cost(g) != (0, 0)]
        while flawed:
            g = flawed.pop()
            for h in groups:
                if h is not g and _try_swaps(g, h, scorer):
                    improved = True
                    # Both may still be flawed (lower is not yet zero): look at them again.
                    flawed += [x for x in (g, h) if scorer.cost(x) != (0, 0) and x not in flawed]
                    break


def _try_swaps(g: list[str], h: list[str], scorer: _Scorer) -> bool:
    before = _add(scorer.cost(g), scorer.cost(h))
    for i in range(len(g)):
        for j in range(len(h)):
            g[i], h[j] = h[j], g[i]
            if _add(scorer.cost(g), scorer.cost(h)) < before:
                return True
            g[i], h[j] = h[j], g[i]
    return False


def _add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a[0] + b[0], a[1] + b[1]


def swap(groups: Sequence[Group], a: str, b: str) -> list[Group]:
    """The facilitator's manual swap: `a` and `b` change places; nobody else moves."""
    if any(a in group and b in group for group in groups):
        return list(groups)

    def place(pid: str) -> str:
        return b if pid == a else a if pid == b else pid

    return [tuple(place(pid) for pid in group) for group in groups]


def adjust(groups: Sequence[Group], people: Sequence[Person], met: Met = (), seed: int = 0) -> list[Group]:
    """Fit the grouping to who is here now: no-shows leave, late arrivals join.

    Pairs whose two people are both still here stay as they are; only those left alone and the
    newcomers are paired, and at most one standing group changes to keep exactly one trio for
    an odd count."""
    present = {p.id: p for p in people}
    rng = random.Random(seed)
    scorer = _Scorer({p.id: p.unit for p in people}, met)
    kept: list[list[str]] = []
    placed: set[str] = set()
    for group in groups:
        here = [pid for pid in group if pid in present and pid not in placed]
        placed.update(here)
        if len(here) >= 2:
            kept.append(here)
    alone = sorted(pid for pid in present if pid not in {x for g in kept for x in g})
    trios = [g for g in kept if len(g) > 2]
    for extra in trios[1:]:  # groups of three or more beyond the one trio give people back
        while len(extra) > 2:
            alone.append(extra.pop())
    trio = trios[0] if trios else None
    while trio is not None and len(trio) > 3:
        alone.append(trio.pop())
    if len(alone) % 2 and trio is not None:
        # The newcomers are odd and a trio stands: its best-placed third joins them, the
        # rest of the room makes pairs only.
        out = min(trio, key=lambda pid: (scorer.cost([x for x in trio if x != pid]), pid))
        trio.remove(out)
        alone.append(out)
    if len(alone) == 1 and kept:
        # One person left over: they join the pair they fit best, which becomes the trio.
        target = min(kept, key=lambda g: (scorer.cost([*g, alone[0]]), g))
        target.append(alone.pop())
    newcomers = [present[pid] for pid in alone]
    new_groups = [list(g) for g in make_groups(newcomers, met, rng.randrange(2**32))] if newcomers else []
    return [tuple(g) for g in kept + new_groups]
