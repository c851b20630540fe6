"""Key rotation: the old key and code stop working, the new ones work, nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import file_digests, memory_library

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.domain.errors import KeyringError, UsageError, WrongKeyError
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.vault import backup, rekey, restore
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import notices_shown, open_notebook


def test_after_rekey_the_old_key_and_code_fail_and_the_new_ones_work(data_dir: Path, tmp_path: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.add_note("Practised saying no to a meeting")
    created.store.close()
    d = created.descriptor
    old_backup = backup.backup_now(library, d, tmp_path / "before.pcnb")
    old_key = library.keystore.get(d.notebook_id)
    assert old_key is not None

    done = rekey.rekey(library, d)

    assert done.recovery_code != created.recovery_code
    new_key = library.keystore.get(d.notebook_id)
    assert new_key is not None and new_key != old_key
    # Until the caller has shown the code, a reminder stays for the next open.
    assert library.keystore.get(rekey.pending_entry(d.notebook_id)) == new_key
    rekey.code_shown(library, d)
    assert library.keystore.get(rekey.pending_entry(d.notebook_id)) is None
    assert not list(d.folder.glob(".*.key-pending"))
    with pytest.raises(WrongKeyError):
        NotebookStore.open(d.path, old_key, clock=library.clock, backup_dir=tmp_path)
    with pytest.raises(WrongKeyError):
        library.recover(d, created.recovery_code)
    with library.recover(d, done.recovery_code) as store:
        assert store.search("meeting")[0].snippet  # the full-text index came across too
        assert store.integrity_problems() == []
    # Backups: today's is rewritten under the new key; the earlier one needs the old code.
    assert done.fresh_backup is not None
    fresh_notes = memory_library(tmp_path / "laptop2")
    restore.restore(fresh_notes, done.fresh_backup, done.recovery_code)
    with pytest.raises(WrongKeyError):
        restore.restore(memory_library(tmp_path / "laptop3"), old_backup, done.recovery_code)
    restore.restore(memory_library(tmp_path / "laptop4"), old_backup, created.recovery_code)
    assert not list(data_dir.rglob("*.rekey*"))


def _data_files(folder: Path) -> dict[str, str]:
    # The -shm file is SQLite's shared index of the WAL, rewritten by any reader: not data.
    return {name: digest for name, digest in file_digests(folder).items() if not name.endswith("-shm")}


def test_rekey_refuses_while_the_notebook_is_open_elsewhere(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.add_note("still being written")  # the app has it open
    keys_before = dict(library.keystore.keys)  # type: ignore[attr-defined]
    before = _data_files(data_dir)
    with pytest.raises(rekey.NotebookBusyError, match="open in another program"):
        rekey.rekey(library, created.descriptor)
    assert _data_files(data_dir) == before
    assert library.keystore.keys == keys_before  # type: ignore[attr-defined]
    created.store.close()


def test_passphrase_notebooks_are_not_rotated_here(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben", passphrase="a long passphrase")
    created.store.close()
    with pytest.raises(UsageError, match="passphrase"):
        rekey.rekey(library, created.descriptor)


def test_an_interrupted_rotation_is_settled_on_open_with_old_or_new_key(data_dir: Path) -> None:
    """The keyring states a crash can leave, built by hand; the CLI crash test kills real runs."""
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    d, keys = created.descriptor, library.keystore.keys  # type: ignore[attr-defined]
    old = keys[d.notebook_id]

    rekey.stage_pending(library, d, b"\x07" * 32)  # crashed before the file changed
    open_notebook(library, d).close()
    assert library.notices[-1].startswith("A key change") and "previous key" in library.notices[-1]
    assert keys == {d.notebook_id: old}

    done = rekey.rekey(library, d)  # now crash "after the rename": main entry still old
    rekey.code_shown(library, d)
    new = keys[d.notebook_id]
    rekey.stage_pending(library, d, new)
    keys[d.notebook_id] = old
    open_notebook(library, d).close()
    assert "NEW key" in library.notices[-1] and done.recovery_code in library.notices[-1]
    notices_shown(library)
    assert keys == {d.notebook_id: new}


def test_a_rotation_that_died_before_its_code_was_shown_names_the_code_until_it_is(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    d = created.descriptor
    done = rekey.rekey(library, d)  # ...and the process dies before printing done.recovery_code

    later = Library(data_dir, library.keystore, FakeClock())  # the next command
    open_notebook(later, d).close()
    assert done.recovery_code in later.notices[-1]
    open_notebook(later, d).close()  # not yet shown (the command died too): named again
    assert done.recovery_code in later.notices[-1]
    notices_shown(later)
    again = Library(data_dir, library.keystore, FakeClock())
    open_notebook(again, d).close()
    assert again.notices == []
    with again.recover(d, done.recovery_code) as store:
        assert store.integrity_problems() == []


def test_opening_asks_the_keyring_for_no_pending_key_unless_a_rotation_left_one(data_dir: Path) -> None:
    """Each keyring lookup costs ~25 ms through the Secret Service: an open does only its own."""
    asked: list[str] = []

    class CountingKeyStore(MemoryKeyStore):
        def get(self, notebook_id: str) -> bytes | None:
            asked.append(notebook_id)
            return super().get(notebook_id)

    library = Library(data_dir, CountingKeyStore(), FakeClock())
    created = library.create("Ana", "Ben")
    created.store.close()
    for _ in range(3):
        open_notebook(library, created.descriptor).close()
    assert asked == [created.descriptor.notebook_id] * 3


def test_a_keyring_that_refuses_the_new_key_leaves_everything_as_it_was(data_dir: Path) -> None:
    class RefusingKeyStore(MemoryKeyStore):
        def put(self, notebook_id: str, key: bytes) -> None:
            if notebook_id.endswith(".pending"):
                raise KeyringError("The OS keyring could not store a notebook key (locked).")
            super().put(notebook_id, key)

    library = Library(data_dir, RefusingKeyStore(), FakeClock())
    created = library.create("Ana", "Ben")
    created.store.add_note("unchanged")
    created.store.close()
    keys_before = dict(library.keystore.keys)  # type: ignore[attr-defined]
    with pytest.raises(KeyringError):
        rekey.rekey(library, created.descriptor)
    assert library.keystore.keys == keys_before  # type: ignore[attr-defined]
    with open_notebook(library, created.descriptor) as store:
        assert [n.body for n in store.snapshot().notes] == ["unchanged"]
    assert library.notices == [] and not list(data_dir.rglob(".*"))
