"""An import is on disk when it returns: a process killed right after it (no close, so no
checkpoint copies the log into the notebook) loses nothing it reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sync_helpers import make_pair

from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.sync import exchange
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

NOTES = 1200
PAGE = 4096
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default: a commit leaving more pages in the log checkpoints

# Imports Ana's file into Ben's notebook and dies at once: no close, no checkpoint, no atexit.
IMPORT_THEN_DIE = """
import json, os, sys
from pathlib import Path
from peercoach_desktop.domain.clock import SystemClock
from peercoach_desktop.sync import exchange
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library

data_dir, sync_file, keys = sys.argv[1], Path(sys.argv[2]), json.loads(sys.argv[3])
keystore = MemoryKeyStore()
for entry, key in keys.items():
    keystore.put(entry, bytes.fromhex(key))
library = Library(Path(data_dir), keystore, SystemClock())
descriptor = library.descriptors()[0]
store = library.open(descriptor)
report = exchange.apply_import(store, sync_file, exchange.sync_key(library, descriptor, store))
print(json.dumps(report.to_dict()), flush=True)
os._exit(0)
"""


def test_a_process_killed_right_after_an_import_keeps_every_record_it_reported(tmp_path: Path) -> None:
    pair = make_pair(tmp_path)
    words = " ".join(f"word{n}" for n in range(300))  # ~2 KB a note: the import spans many pages
    for n in range(NOTES):
        pair.ana.add_note(f"Note n{n:04d} {words}")
    sync_file = pair.folder / "ana.pcsync"
    exchange.export_file(pair.ana, pair.key, sync_file)
    keys = {entry: key.hex() for entry, key in pair.ben_library.keystore.keys.items()}
    data_dir = pair.ben_library.data_dir
    pair.close()  # (closing folds Ben's log into his notebook: the file alone holds his notebook)
    (notebook,) = data_dir.glob("notebooks/*.pcnb")
    size_before = notebook.stat().st_size

    done = subprocess.run(
        [sys.executable, "-c", IMPORT_THEN_DIE, str(data_dir), str(sync_file), json.dumps(keys)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] == NOTES
    # The import's pages are in the log only (its commit synced the log and copied nothing):
    # all that follows is read back from the log.
    assert notebook.stat().st_size == size_before
    (log,) = data_dir.glob("notebooks/*-wal")
    assert log.stat().st_size > AUTOCHECKPOINT_PAGES * PAGE

    keystore = MemoryKeyStore()
    for entry, key in keys.items():
        keystore.put(entry, bytes.fromhex(key))
    library = Library(data_dir, keystore, SystemClock())
    with library.open(library.descriptors()[0]) as ben:
        assert len(ben.snapshot().notes) == NOTES
        assert all(len(ben.search(f"n{n:04d}")) == 1 for n in (0, NOTES // 2, NOTES - 1))  # indexed
        assert ben.integrity_problems() == []
        assert exchange.apply_import(ben, sync_file, pair.key).counts.added == 0
