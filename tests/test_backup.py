"""Backups: consistent while the notebook is written, opened by the recovery code alone."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import file_digests, files_containing, memory_library

from peercoach_desktop.domain.errors import WrongKeyError
from peercoach_desktop.storage import database
from peercoach_desktop.vault import backup, recovery, restore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from peercoach_desktop.domain.clock import SystemClock
    from peercoach_desktop.storage.store import NotebookStore

    path, key = Path(sys.argv[1]), bytes.fromhex(sys.stdin.readline().strip())
    store = NotebookStore.open(path, key, clock=SystemClock(), backup_dir=path.parent)
    for i in range(100000):
        store.add_note(f"committed word {i:06d}")
        print(i, flush=True)
    """
)


def _restored_notes(source: Path, code: str, tmp_path: Path) -> list[str]:
    fresh = memory_library(tmp_path / "new-laptop")  # no data dir, no keyring entry
    done = restore.restore(fresh, source, code)
    with fresh.open(done.descriptor) as store:
        return sorted(n.body for n in store.snapshot().notes)


def test_backup_taken_during_writes_holds_every_committed_word(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    key = library.keystore.get(created.descriptor.notebook_id)
    assert key is not None
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(created.descriptor.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(key.hex() + "\n")
    writer.stdin.close()
    seen = [int(writer.stdout.readline()) for _ in range(200)]  # the writer is well under way
    committed_before = seen[-1] + 1
    target = backup.backup_now(library, created.descriptor, tmp_path / "out" / "backup.pcnb")
    writer.kill()
    writer.wait()

    notes = _restored_notes(target, created.recovery_code, tmp_path)
    # Every note committed before the backup began is in it, and what is in it is a
    # gap-free prefix of the writer's sequence: a consistent snapshot, no torn transaction.
    assert len(notes) >= committed_before
    assert notes == [f"committed word {i:06d}" for i in range(len(notes))]
    assert files_containing(target.parent, "committed word") == []


def test_restore_never_overwrites_an_existing_notebook_silently(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben", title="Ana & Ben")
    created.store.add_note("in the backup")
    target = backup.backup_now(library, created.descriptor, tmp_path / "b.pcnb")
    created.store.add_note("written after the backup")
    created.store.close()

    before = file_digests(data_dir)
    with pytest.raises(restore.RestoreConflictError, match=r"--beside.*--replace"):
        restore.restore(library, target, created.recovery_code)
    assert file_digests(data_dir) == before

    beside = restore.restore(library, target, created.recovery_code, conflict=restore.BESIDE)
    assert beside.descriptor.partnership_id != created.descriptor.partnership_id
    with (
        open_notebook(library, beside.descriptor) as copy,
        open_notebook(library, created.descriptor) as current,
    ):
        assert [n.body for n in copy.snapshot().notes] == ["in the backup"]
        assert copy.partnership().title.startswith("Ana & Ben (restored ")
        assert len(current.snapshot().notes) == 2

    replaced = restore.restore(library, target, created.recovery_code, conflict=restore.REPLACE)
    with open_notebook(library, replaced.descriptor) as store:
        assert [n.body for n in store.snapshot().notes] == ["in the backup"]
    assert replaced.replaced_copy is not None
    conn = database.connect(replaced.replaced_copy, recovery.decode(created.recovery_code))
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 2  # the newer words are kept
    conn.close()


def test_a_wrong_code_restores_nothing(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    target = backup.backup_now(library, created.descriptor, tmp_path / "b.pcnb")
    created.store.close()
    other = memory_library(tmp_path / "other")
    with pytest.raises(WrongKeyError, match="before a key change"):
        restore.restore(other, target, recovery.encode(bytes(32)))
    assert other.descriptors() == [] and file_digests(other.data_dir) == {}


def test_passphrase_notebook_backup_opens_with_its_recovery_code(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben", passphrase="a long passphrase")
    created.store.add_note("behind a passphrase")
    created.store.close()
    target = backup.backup_now(library, created.descriptor, tmp_path, lambda: "a long passphrase")
    assert target.parent == tmp_path and target.suffix == ".pcnb"
    assert _restored_notes(target, created.recovery_code, tmp_path) == ["behind a passphrase"]


def _open_once(library: Library) -> None:
    open_notebook(library, library.descriptors()[0]).close()


def test_one_daily_backup_per_day_of_use_and_only_the_last_n_kept(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    _open_once(library)
    _open_once(library)
    assert len(backup.daily_backups(library, created.descriptor)) == 1
    for _day in range(9):
        library.clock.advance(24 * 3600)  # type: ignore[attr-defined]
        _open_once(library)
    kept = backup.daily_backups(library, created.descriptor)
    assert len(kept) == backup.DEFAULT_KEEP
    assert kept[-1].name.endswith(f"{library.clock.now().astimezone().date().isoformat()}.pcnb")
    key = library.keystore.get(created.descriptor.notebook_id)
    assert key is not None
    for path in kept:  # each is a whole notebook under the same key, with no -wal beside it
        database.connect(path, key).close()
    assert not list(kept[0].parent.glob("*-wal"))
    assert {oct(p.stat().st_mode & 0o777) for p in [library.backups_dir, kept[0].parent, *kept]} == {
        "0o700",
        "0o600",
    }
    assert backup.prune(library, created.descriptor, keep=2) == kept[:-2]


def test_a_backup_while_another_process_reads_still_holds_every_word(data_dir: Path, tmp_path: Path) -> None:
    """A reader holding the WAL open (a `peercoach show` streaming) keeps the file from being
    copied as it stands: the backup falls back to SQLite's online backup, complete all the same."""
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    for i in range(50):
        created.store.add_note(f"kept word {i:02d}")
    key = library.keystore.get(created.descriptor.notebook_id)
    assert key is not None
    reader = database.connect(created.descriptor.path, key)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM notes").fetchone()  # a snapshot the WAL must keep
    created.store.add_note("written after the reader began")
    try:
        target = backup.backup_now(library, created.descriptor, tmp_path / "out" / "backup.pcnb")
    finally:
        reader.execute("ROLLBACK")
        reader.close()
        created.store.close()
    assert not Path(f"{target}-wal").exists()
    code = recovery.encode(key)
    notes = _restored_notes(target, code, tmp_path)
    assert notes == sorted([*(f"kept word {i:02d}" for i in range(50)), "written after the reader began"])


def test_a_backup_of_a_quiet_notebook_is_a_self_contained_copy(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.add_note("the only note")
    key = library.keystore.get(created.descriptor.notebook_id)
    assert key is not None
    target = backup.backup_now(library, created.descriptor, tmp_path / "out" / "backup.pcnb")
    created.store.add_note("after the backup")
    created.store.close()
    assert not Path(f"{target}-wal").exists() and not Path(f"{target}-journal").exists()
    assert b"the only note" not in target.read_bytes()  # encrypted, as the notebook is
    assert _restored_notes(target, recovery.encode(key), tmp_path) == ["the only note"]
