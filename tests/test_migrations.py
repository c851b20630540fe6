"""Old notebooks are brought forward after an encrypted backup; newer ones are refused untouched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import file_digests

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import NotebookFormatError
from peercoach_desktop.storage import database
from peercoach_desktop.storage.schema import CURRENT_VERSION, MIGRATIONS
from peercoach_desktop.storage.store import NotebookStore


def make_v1_notebook(path: Path, key: bytes) -> None:
    """A notebook as the first release wrote it: schema 1, no search index yet."""
    conn = database.connect(path, key)
    database.configure(conn, path)
    database.migrate(conn, 0, backup=lambda _v: None, to_version=1)
    meta = {"notebook_id": "nb-1", "partnership_id": "p-1", "me_peer_id": "me", "hlc": "000000000001.0000.me"}
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    common = "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '000000000001.0000.me', 'me', 0"
    conn.execute(
        f"INSERT INTO partnership(id, created_at, updated_at, version, author_id, deleted, title) "
        f"VALUES ('p-1', {common}, 'Old one')"
    )
    for peer, name in (("me", "Ana"), ("ben", "Ben")):
        conn.execute(
            f"INSERT INTO peers(id, created_at, updated_at, version, author_id, deleted, name) "
            f"VALUES ('{peer}', {common}, '{name}')"
        )
    conn.execute(
        f"INSERT INTO notes(id, created_at, updated_at, version, author_id, deleted, body, kind, "
        f"visibility) VALUES ('n-1', {common}, 'written before search existed', 'note', 'shared')"
    )
    conn.close()


def test_old_notebook_is_migrated_after_an_encrypted_backup(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "nb.pcnb"
    make_v1_notebook(path, key)
    backups = tmp_path / "backups"
    store = NotebookStore.open(path, key, clock=FakeClock(), backup_dir=backups)
    assert database.schema_version(store._conn) == CURRENT_VERSION
    assert [h.record_id for h in store.search("search existed")] == ["n-1"]
    store.close()

    [backup] = list(backups.iterdir())
    assert b"written before search" not in backup.read_bytes()
    conn = database.connect(backup, key)  # the backup opens with the same key...
    assert database.schema_version(conn) == 1  # ...and holds the notebook as it was
    assert conn.execute("SELECT body FROM notes").fetchone()[0] == "written before search existed"
    conn.close()


def test_notebook_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "nb.pcnb"
    make_v1_notebook(path, key)
    conn = database.connect(path, key)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    before = file_digests(tmp_path)
    with pytest.raises(NotebookFormatError, match=r"newer PeerCoach Desktop.*not changed"):
        NotebookStore.open(path, key, clock=FakeClock(), backup_dir=tmp_path / "backups")
    assert file_digests(tmp_path) == before


def test_every_migration_is_registered_in_order() -> None:
    assert CURRENT_VERSION == len(MIGRATIONS) >= 2


def test_a_v7_rhythm_in_utc_becomes_the_local_time_it_showed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from peercoach_desktop.coaching import schedule

    monkeypatch.setenv("TZ", "Europe/Berlin")
    key = os.urandom(32)
    path = tmp_path / "nb.pcnb"
    make_v1_notebook(path, key)
    conn = database.connect(path, key)
    database.migrate(conn, 1, backup=lambda _v: None, to_version=7)
    conn.execute("UPDATE partnership SET cadence_weeks = 2")
    common = "'2027-02-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z', '000000000002.0000.me', 'me', 0"
    conn.execute(  # planned for 15:00 in Berlin (winter time) by the UTC-only version
        f"INSERT INTO sessions(id, created_at, updated_at, version, author_id, deleted, scheduled_at, "
        f"minutes_per_turn, speaker_order, seconds_by_speaker, status) VALUES ('s', {common}, "
        f"'2027-03-18T14:00:00.000Z', 15, '[\"me\", \"ben\"]', '{{}}', 'planned')"
    )
    conn.close()
    clock = FakeClock(datetime(2027, 3, 1, tzinfo=UTC))
    store = NotebookStore.open(path, key, clock=clock, backup_dir=tmp_path / "backups")
    plan = schedule.plan_of(store)
    assert plan is not None and (plan.zone, plan.start, plan.every) == (
        "Europe/Berlin",
        "2027-03-18T15:00",
        2,
    )
    first, second = schedule.upcoming(store, clock.now(), 2)  # the planned session is the first, once
    assert first.at == datetime(2027, 3, 18, 14, 0, tzinfo=UTC)
    assert second.at == datetime(2027, 4, 1, 13, 0, tzinfo=UTC)  # 15:00 summer time, not 16:00
    store.close()
