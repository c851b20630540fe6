"""Workshop pairing cost: 500 participants, with and without an earlier round to avoid.

.venv/bin/python bench/bench_workshop.py   (pure Python; budget from issue 20: <= 50 ms)
"""

from __future__ import annotations

import sys

from common import median_ms, report, timed

from peercoach_desktop.coaching.workshop.pairing import Person, make_groups, met_pairs

PEOPLE = 500
BUDGET_MS = 50.0


def main() -> int:
    over = False
    seeds = iter(range(10**9))  # a new seed each run, as "Reshuffle" gives
    for units in (2, 20, PEOPLE):
        people = [Person(f"p{i:03d}", f"unit {i % units}") for i in range(PEOPLE)]
        fresh = median_ms(timed(lambda p=people: make_groups(p, seed=next(seeds)), 30))
        report(f"pair {PEOPLE} in {units} units", fresh, None, f"<= {BUDGET_MS:.0f} ms")
        met = met_pairs(make_groups(people, seed=-1))
        again = median_ms(timed(lambda p=people, m=met: make_groups(p, m, seed=next(seeds)), 30))
        report(f"pair {PEOPLE} in {units} units, 1 round met", again, fresh, f"<= {BUDGET_MS:.0f} ms")
        if max(fresh, again) > BUDGET_MS:
            print("OVER BUDGET")
            over = True
    return 1 if over else 0


if __name__ == "__main__":
    if main():  # run_all.py runs this in its own process's interpreter: exit only on failure
        sys.exit(1)
