"""Keys: wrong keys change nothing, insecure keyrings are refused, passphrases work."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import run_cli
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


def test_a_chainer_is_refused_when_anything_in_its_chain_keeps_keys_in_a_file() -> None:
    from keyring.backends import SecretService, chainer
    from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

    class Chain(chainer.ChainerBackend):
        def __init__(self, inner: list[object]) -> None:
            self._inner = inner

        @property
        def backends(self) -> list[object]:  # type: ignore[override]
            return self._inner

    assert is_insecure(Chain([SecretService.Keyring(), PlaintextKeyring()]))  # a fallback is enough
    # Built without its constructor, which needs pycryptodome: only its class is looked at.
    assert is_insecure(Chain([EncryptedKeyring.__new__(EncryptedKeyring)]))
    assert is_insecure(Chain([]))  # chains nothing: stores nothing
    assert not is_insecure(Chain([SecretService.Keyring()]))


def _no_secret_service_env(tmp_path: Path, backend: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS", "XDG"))}
    home = tmp_path / "home"
    home.mkdir()
    return env | {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "PYTHON_KEYRING_BACKEND": backend,
    }


def test_new_refuses_a_chainer_falling_back_to_a_plaintext_file_and_writes_no_key(tmp_path: Path) -> None:
    """The attack from issue 21: keyrings.alt installed, the chainer chosen, no Secret Service."""
    env = _no_secret_service_env(tmp_path, "keyring.backends.chainer.ChainerBackend")
    created = run_cli(tmp_path / "data", env, "new", "--me", "Ana", "--partner", "Ben")
    assert created.code == 1
    assert len(created.err.strip().splitlines()) == 1 and "unprotected on disk" in created.err
    assert not [p for p in (tmp_path / "home").rglob("*") if p.is_file()]  # no keyring_pass.cfg
    assert not list((tmp_path / "data").rglob("*.pcnb"))


def test_doctor_probes_the_keyring_and_exits_1_with_the_fix_when_it_fails(tmp_path: Path) -> None:
    env = _no_secret_service_env(tmp_path, "")
    env.pop("PYTHON_KEYRING_BACKEND")
    doctor = run_cli(tmp_path / "data", env, "doctor")
    assert doctor.code == 1, doctor.out
    assert "keyring:  PROBLEM:" in doctor.out and "Secret Service keyring" in doctor.out
    assert doctor.out.strip().endswith("problems found")
