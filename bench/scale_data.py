"""Notebook pairs at 1k/10k/100k notes for the scale benchmarks, built once and cached.

A pair is Ana's notebook (N notes, N/10 sessions, N/20 next steps, goals in proportion) and
Ben's freshly joined, empty notebook of the same partnership. The data dirs and the keys
(synthetic data only) are kept under CACHE so that building the 100k notebook happens once
per machine, not once per run; each run copies them into its own scratch folder.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.storage import database
from peercoach_desktop.storage.schema import CURRENT_VERSION
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import exchange, pairing
from peercoach_desktop.vault.keystore import KeyStore, MemoryKeyStore
from peercoach_desktop.vault.library import Library

CACHE = Path(os.environ.get("BENCH_CACHE", "/tmp/peercoach-bench-cache"))
LAYOUT = 2  # bump when the generated content changes
PAIRING = "bench pairing words"
COMMON_WORD = "feedback"  # in 90% of notes
VOCABULARY = [f"w{n:04d}" for n in range(3000)] + [
    "delegation",
    "budget",
    "conflict",
    "confidence",
    "promotion",
    "meeting",
    "manager",
]


@dataclass(frozen=True)
class Pair:
    ana_dir: Path
    ben_dir: Path
    keys: dict[str, bytes]  # keyring entry -> key
    partnership_id: str

    def library(self, who: str, keystore: KeyStore | None = None) -> Library:
        store = keystore or MemoryKeyStore()
        for entry, key in self.keys.items():
            store.put(entry, key)
        return Library(self.ana_dir if who == "ana" else self.ben_dir, store, SystemClock())


def _fill(store: NotebookStore, notes: int) -> None:
    """Rows straight into the encrypted file (the triggers keep the search index right)."""
    rng = random.Random(19)
    weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
    conn, tick, me = store._conn, store._hlc.tick, store.me_id
    sessions, steps, goals = notes // 10, notes // 20, max(3, notes // 1000)

    def stamp(n: int, total: int) -> str:  # spread over ten years, oldest first
        seconds = int(n * (10 * 365 * 86400) / max(total, 1))
        return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(1_480_000_000 + seconds))

    with database.transaction(conn):
        for n in range(goals):
            when = stamp(n, goals)
            conn.execute(
                "INSERT INTO goals(id, created_at, updated_at, version, author_id, owner_id, title, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'active')",
                (f"g-{n:06d}", when, when, tick(), me, me, f"Goal {n}: delegate more budget work"),
            )
        for n in range(sessions):
            when = stamp(n, sessions)
            conn.execute(
                "INSERT INTO sessions(id, created_at, updated_at, version, author_id, scheduled_at,"
                " minutes_per_turn, speaker_order, seconds_by_speaker, status)"
                " VALUES (?, ?, ?, ?, ?, ?, 15, '[]', '{}', 'done')",
                (f"s-{n:06d}", when, when, tick(), me, when),
            )
        for n in range(steps):
            when = stamp(n, steps)
            conn.execute(
                "INSERT INTO steps(id, created_at, updated_at, version, author_id, owner_id, text, goal_id,"
                " status, set_in_session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                (
                    f"t-{n:06d}",
                    when,
                    when,
                    tick(),
                    me,
                    me,
                    f"Next step {n}: ask the manager for feedback",
                    f"g-{n % goals:06d}",
                    f"s-{n * 2 % max(sessions, 1):06d}",
                ),
            )
        for n in range(notes):
            when = stamp(n, notes)
            words = rng.choices(VOCABULARY, weights, k=30)
            if rng.random() < 0.9:
                words.insert(rng.randrange(len(words)), COMMON_WORD)
            conn.execute(
                "INSERT INTO notes(id, created_at, updated_at, version, author_id, body, kind, visibility,"
                " session_id) VALUES (?, ?, ?, ?, ?, ?, 'note', ?, ?)",
                (
                    f"n-{n:07d}",
                    when,
                    when,
                    tick(),
                    me,
                    " ".join(words).capitalize() + ".",
                    "private" if n % 50 == 0 else "shared",
                    f"s-{n // 10:06d}",
                ),
            )
        store._save_clock()


def _build(notes: int, target: Path) -> None:
    keystore = MemoryKeyStore()
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        root = Path(tmp)
        ana = Library(root / "ana", keystore, SystemClock())
        created = ana.create("Ana", "Ben", "Ana & Ben")
        _fill(created.store, notes)
        created.store.close()
        pairing.write_invitation(ana, created.descriptor.partnership_id, PAIRING, root / "invite")
        ben = Library(root / "ben", keystore, SystemClock())
        joined = pairing.join(ben, (root / "invite").read_bytes(), PAIRING)
        with ben.open(joined.descriptor) as store:
            exchange.sync_key(ben, joined.descriptor, store)  # present
        for library in (ana, ben):  # no daily backups of the big file inside the cache
            shutil.rmtree(library.backups_dir, ignore_errors=True)
        meta = {
            "partnership_id": created.descriptor.partnership_id,
            "keys": {entry: key.hex() for entry, key in keystore.keys.items()},
        }
        (root / "pair.json").write_text(json.dumps(meta))
        (root / "invite").unlink()
        os.rename(root, target)
        root.mkdir()  # so the TemporaryDirectory cleanup finds something


def _cached(notes: int) -> Path:
    """The cached pair at this app's schema. A pair cached by an older schema is migrated
    once, into a folder of its own: otherwise every run would time a migration (a backup of
    the whole file and new indexes) as part of start-up, import or search."""
    return CACHE / f"v{LAYOUT}-schema{CURRENT_VERSION}-{notes}"


def _migrate(older: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        root = Path(tmp) / "pair"
        shutil.copytree(older, root)
        meta = json.loads((root / "pair.json").read_text())
        keystore = MemoryKeyStore()
        for entry, key in meta["keys"].items():
            keystore.put(entry, bytes.fromhex(key))
        for who in ("ana", "ben"):
            library = Library(root / who, keystore, SystemClock())
            for descriptor in library.descriptors():
                library.open(descriptor).close()  # migrates, after a backup of the old file
            shutil.rmtree(library.backups_dir, ignore_errors=True)
        os.rename(root, target)


def pair(notes: int, work: Path) -> Pair:
    """A fresh copy of the cached pair for `notes` notes inside `work`."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = _cached(notes)
    if not cached.exists():
        start = time.perf_counter()
        older = sorted(CACHE.glob(f"v{LAYOUT}-*{notes}"), key=lambda p: p.stat().st_mtime)
        older = [p for p in older if p.name.rsplit("-", 1)[-1] == str(notes)]
        if older:
            _migrate(older[-1], cached)
            print(f"(migrated the cached {notes}-note pair in {time.perf_counter() - start:.1f} s)")
        else:
            _build(notes, cached)
            print(f"(built the {notes}-note notebook pair in {time.perf_counter() - start:.1f} s, cached)")
    target = work / f"pair-{notes}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cached, target)
    meta = json.loads((target / "pair.json").read_text())
    keys = {entry: bytes.fromhex(key) for entry, key in meta["keys"].items()}
    return Pair(target / "ana", target / "ben", keys, meta["partnership_id"])


def reset_ben(notes: int, p: Pair) -> None:
    """Ben's notebook back to freshly joined (before a first import)."""
    cached = _cached(notes) / "ben"
    shutil.rmtree(p.ben_dir)
    shutil.copytree(cached, p.ben_dir)
