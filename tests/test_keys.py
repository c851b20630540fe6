"""Keys: wrong keys change nothing, insecure keyrings are refused, passphrases work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import file_digests, memory_library

from peercoach_desktop.domain.errors import (
    KeyringError,
    MissingKeyError,
    PassphraseRequiredError,
    UsageError,
    WrongKeyError,
)
from peercoach_desktop.vault.keystore import OsKeyStore, is_insecure
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def test_wrong_key_leaves_every_file_byte_identical(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.add_note("confidential words")
    created.store.close()
    before = file_digests(data_dir)
    library.keystore.put(created.descriptor.notebook_id, os.urandom(32))
    with pytest.raises(WrongKeyError) as info:
        open_notebook(library, created.descriptor)
    assert file_digests(data_dir) == before  # no -wal or -shm appeared either
    assert "confidential" not in str(info.value)


def test_missing_key_says_how_to_recover(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    library.keystore.delete(created.descriptor.notebook_id)
    with pytest.raises(MissingKeyError, match="peercoach recover"):
        open_notebook(library, created.descriptor)


class PlaintextKeyring:
    """Stands in for keyrings.alt's file backend: what OsKeyStore must refuse."""

    def get_password(self, service: str, user: str) -> str | None:
        raise AssertionError("an insecure backend must never be asked")

    set_password = get_password


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("module", ["keyrings.alt.file", "keyring.backends.fail", "keyring.backends.null"])
def test_insecure_backends_are_recognised(module: str) -> None:
    backend_type = type("Keyring", (), {"__module__": module})
    assert is_insecure(backend_type())


def test_secure_backends_are_not_flagged() -> None:
    from keyring.backends import SecretService

    assert not is_insecure(SecretService.Keyring())


def test_an_insecure_keyring_refuses_to_create_a_notebook(data_dir: Path) -> None:
    library = Library(data_dir, OsKeyStore(PlaintextKeyring()))
    with pytest.raises(KeyringError, match="passphrase"):
        library.create("Ana", "Ben")
    assert file_digests(data_dir) == {}


def test_passphrase_notebook_opens_only_with_its_passphrase(data_dir: Path) -> None:
    library = Library(data_dir, OsKeyStore(PlaintextKeyring()))  # the keyring is never touched
    created = library.create("Ana", "Ben", passphrase="correct horse battery")
    created.store.add_note("written on a machine with no keyring")
    created.store.close()
    descriptor = library.resolve(created.descriptor.partnership_id)
    assert b"correct horse" not in descriptor.descriptor_path.read_bytes()
    with pytest.raises(PassphraseRequiredError):
        open_notebook(library, descriptor)
    before = file_digests(data_dir)
    with pytest.raises(WrongKeyError):
        open_notebook(library, descriptor, lambda: "wrong horse battery")
    assert file_digests(data_dir) == before
    store = open_notebook(library, descriptor, lambda: "correct horse battery")
    assert store.search("keyring")[0].title == "written on a machine with no keyring"
    store.close()


def test_short_passphrase_is_refused(data_dir: Path) -> None:
    with pytest.raises(UsageError, match="at least 10"):
        memory_library(data_dir).create("Ana", "Ben", passphrase="short")


def test_recovery_code_reopens_after_the_keyring_entry_is_gone(data_dir: Path) -> None:
    library = memory_library(data_dir)
    created = library.create("Ana", "Ben")
    created.store.close()
    library.keystore.delete(created.descriptor.notebook_id)
    library.recover(created.descriptor, created.recovery_code.lower()).close()
    open_notebook(library, created.descriptor).close()


def test_a_code_for_another_notebook_is_refused_and_changes_nothing(data_dir: Path) -> None:
    library = memory_library(data_dir)
    first, second = library.create("Ana", "Ben"), library.create("Ana", "Cleo")
    first.store.close()
    second.store.close()
    library.keystore.delete(first.descriptor.notebook_id)
    before = file_digests(data_dir)
    with pytest.raises(WrongKeyError):
        library.recover(first.descriptor, second.recovery_code)
    assert file_digests(data_dir) == before
    assert library.keystore.get(first.descriptor.notebook_id) is None
