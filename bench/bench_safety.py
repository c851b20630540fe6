"""Backups and key rotation (issue 9): what the daily backup adds to the first open of a day.

A notebook of BENCH_SAFETY_NOTES notes (default 10k, ~40 words each). Floors: a plain
copy + fsync of the same file, and an open with today's backup already there.
Run: .venv/bin/python bench/bench_safety.py
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

from common import median_ms, report, timed

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.storage import database
from peercoach_desktop.vault import backup, rekey
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

NOTES = int(os.environ.get("BENCH_SAFETY_NOTES", "10000"))
WORDS = [f"w{n:04d}" for n in range(3000)] + ["delegation", "feedback", "budget", "meeting"]


def build(work: Path) -> tuple[Library, FakeClock]:
    clock = FakeClock()
    library = Library(work / "data", MemoryKeyStore(), clock)
    created = library.create("Ana", "Ben")
    store, rng = created.store, random.Random(7)
    with database.transaction(store._conn):
        for n in range(NOTES):
            store._conn.execute(
                "INSERT INTO notes(id, created_at, updated_at, version, author_id, deleted, body, kind,"
                " visibility) VALUES (?, '2026-01-01', '2026-01-01', ?, ?, 0, ?, 'note', 'shared')",
                (f"bench-{n}", f"{n:012x}.0000.x", store.me_id, " ".join(rng.choices(WORDS, k=40))),
            )
    store.close()
    return library, clock


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        library, clock = build(work)
        d = library.descriptors()[0]
        key = library.keystore.get(d.notebook_id)
        assert key is not None
        size_mib = d.path.stat().st_size / 2**20

        def plain_copy() -> None:
            shutil.copyfile(d.path, work / "copy")
            with open(work / "copy", "rb+") as handle:
                os.fsync(handle.fileno())

        floor = median_ms(timed(plain_copy, 7))
        ours = median_ms(timed(lambda: backup.write_backup(d.path, key, work / "b.pcnb"), 7))
        report(f"backup of {NOTES // 1000}k notes ({size_mib:.1f} MiB)", ours, floor, "<= 150 ms")

        def first_open_of_a_day() -> None:
            clock.advance(24 * 3600)
            open_notebook(library, d).close()

        def later_open() -> None:
            open_notebook(library, d).close()

        later = median_ms(timed(later_open, 20))
        first = median_ms(timed(first_open_of_a_day, 7))
        report("first open of a day (with daily backup)", first, later, "<= 150 ms")
        report("later open the same day", later, None, "<= 5 ms")
        rekeyed = median_ms(timed(lambda: rekey.rekey(library, d), 5))
        report(f"rekey of {NOTES // 1000}k notes (incl. fresh backup)", rekeyed, floor, "")


if __name__ == "__main__":
    main()
