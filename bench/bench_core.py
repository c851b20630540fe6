"""Core budgets (issue 2): open, autosave, search at 100k notes, `peercoach list` start-up.

Every figure is a median (or p95) over repeated runs in this process, next to a
floor measured in the same run: raw SQLCipher, or a bare `import sqlcipher3, keyring`.
Run: make bench  (or .venv/bin/python bench/bench_core.py)
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from common import bench_setup, median_ms, p95_ms, report, timed

from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.storage import database
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault.keystore import OsKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

NOTES = int(os.environ.get("BENCH_NOTES", "100000"))
WORDS = [f"w{n:04d}" for n in range(3000)] + [
    "delegation",
    "feedback",
    "budget",
    "conflict",
    "confidence",
    "promotion",
    "meeting",
    "manager",
]


def raw_open(path: Path, key: bytes) -> None:
    conn = database.connect(path, key)
    conn.execute("SELECT count(*) FROM meta").fetchone()
    conn.close()


def bench_open_and_autosave(work: Path, env: dict[str, str]) -> None:
    library = Library(work / "small", OsKeyStore())
    created = library.create("Ana", "Ben")
    for n in range(200):
        created.store.add_note(f"note {n} about feedback and delegation")
    created.store.close()
    descriptor = created.descriptor
    key = library.keystore.get(descriptor.notebook_id)
    assert key is not None

    def ours() -> None:
        store = NotebookStore.open(descriptor.path, key, clock=SystemClock(), backup_dir=work / "b")
        store.partnership()
        store.close()

    floor = median_ms(timed(lambda: raw_open(descriptor.path, key), 100))
    report("open + first query (raw key)", median_ms(timed(ours, 100)), floor, "<= 5 ms")

    calls = []
    backend = OsKeyStore().backend
    original = backend.get_password

    def counting(*args: str) -> str | None:
        calls.append(args)
        return original(*args)

    backend.get_password = counting  # type: ignore[method-assign]
    counted = Library(work / "small", OsKeyStore(backend))
    for _ in range(5):
        counted.open(descriptor).close()
    print(f"{'keyring lookups for 5 opens in one process':<46} {len(calls):9d}      budget: 1 per notebook")

    store = open_notebook(library, descriptor)
    note = store.add_note("draft")
    texts = iter(f"draft with {n} more words" for n in range(10_000))
    ours_samples = timed(lambda: store.update_note(note.id, next(texts)), 500)
    conn = store._conn
    values = iter(range(10_000))

    def raw_commit() -> None:  # the floor: one raw SQLCipher row update and commit
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'bench'", (str(next(values)),))
        conn.execute("COMMIT")

    conn.execute("INSERT INTO meta VALUES ('bench', '')")
    floor_samples = timed(raw_commit, 500)
    store.close()
    report("autosave commit p95 (one note)", p95_ms(ours_samples), p95_ms(floor_samples), "p95 <= 5 ms")


def bench_search(work: Path) -> None:
    library = Library(work / "big", OsKeyStore())
    created = library.create("Ana", "Ben")
    store = created.store
    rng = random.Random(7)
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]
    with database.transaction(store._conn):
        for n in range(NOTES):
            words = rng.choices(WORDS, weights, k=40)
            store._conn.execute(
                "INSERT INTO notes(id, created_at, updated_at, version, author_id, deleted, body, kind,"
                " visibility) VALUES (?, '2026-01-01', '2026-01-01', ?, ?, 0, ?, 'note', 'shared')",
                (f"bench-{n}", f"{n:012x}.0000.x", store.me_id, " ".join(words)),
            )
    store.close()
    store = open_notebook(library, created.descriptor)
    terms = ["delegation", "w0500", "w0050", "w0005", "w0001 w0002", "w00"]
    for term in terms:
        store.search(term)  # warm the page cache once, as a running app has
    for term in terms:
        hits = len(store.search(term))
        samples = timed(lambda term=term: store.search(term), 20)
        report(
            f"search {NOTES // 1000}k notes: {term!r} ({hits} shown)", median_ms(samples), None, "<= 10 ms"
        )
    store.close()


def bench_list_process(work: Path, env: dict[str, str]) -> None:
    data = work / "small"
    script = Path(sys.executable).with_name("peercoach")  # the installed console script
    cmd_ours = [str(script), "--data-dir", str(data), "list"]
    cmd_floor = [sys.executable, "-c", "import sqlcipher3, keyring"]
    ours, floor = [], []
    for _ in range(15):
        floor += timed(lambda: subprocess.run(cmd_floor, env=env, check=True), 1)
        ours += timed(lambda: subprocess.run(cmd_ours, env=env, check=True, capture_output=True), 1)
    report("`peercoach list` whole process", median_ms(ours), median_ms(floor), "<= 1.5x floor")


def main() -> None:
    with bench_setup() as (work, env):
        bench_open_and_autosave(work, env)
        bench_list_process(work, env)
        bench_search(work)


if __name__ == "__main__":
    main()
