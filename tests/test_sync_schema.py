"""The sync migration: old notebooks gain sync metadata and take part in sync unchanged."""

from __future__ import annotations

import os
from pathlib import Path

from test_migrations import make_v1_notebook

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.storage import sync_rows
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.sync import sync_file


def test_an_old_notebook_gains_sync_metadata_and_exports_its_records(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "nb.pcnb"
    make_v1_notebook(path, key)
    with NotebookStore.open(path, key, clock=FakeClock(), backup_dir=tmp_path / "backups") as store:
        entries = sync_file.shared_entries(sync_rows.read_state(store._conn))
        assert sorted(e.record.id for e in entries) == ["ben", "me", "n-1", "p-1"]
        assert all(e.ctx == () for e in entries)  # nothing seen before the first edit
        edited = store.update_note("n-1", "edited after the upgrade")
        [entry] = [e for e in sync_rows.read_state(store._conn)[("notes", "n-1")]]
        assert entry.record == edited
        assert dict(entry.ctx) == {"me": "000000000001.0000.me"}  # it has seen the old version
