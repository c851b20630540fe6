"""Where notebook keys live: the OS keyring, behind a small injectable interface.

The platform's secure backend is pinned rather than discovered (discovery costs
~150–200 ms of entry-point scanning at every start). Plaintext and null backends
are refused: a key written to disk in the clear would defeat the encryption.
"""

from __future__ import annotations

import os
import sys
from typing import Protocol

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, KeyringError, Term
from peercoach_desktop.vault.secret_service import SecretServiceReader

SERVICE = "PeerCoach Desktop"
INSECURE_MODULES = {"fail", "null"}
FIX_HINT = QT_TRANSLATE_NOOP(
    "Core",
    "Install and unlock a Secret Service keyring (GNOME Keyring or KWallet) and try again, "
    "or create a passphrase-protected notebook with --passphrase.",
)


class KeyStore(Protocol):
    name: str

    def get(self, notebook_id: str) -> bytes | None: ...

    def put(self, notebook_id: str, key: bytes) -> None: ...

    def delete(self, notebook_id: str) -> None: ...

    def forget_cached(self) -> None:
        """Drop keys held in memory, so the next get() asks the keyring again."""
        ...


def sync_entry(notebook_id: str) -> str:
    """The keyring name of a notebook's sync key (shared with the partner, unlike the notebook key)."""
    return f"sync:{notebook_id}"


def entry_name(notebook_id: str) -> str:
    if notebook_id.startswith("sync:"):
        return notebook_id  # already a full entry name (sync_entry)
    # Named by the local notebook id, not the shared partnership id, so two data
    # dirs on one machine (two "laptops" in a test) never overwrite each other.
    return f"notebook:{notebook_id}"


class MemoryKeyStore:
    """Keys in a dict: for unit tests that are not about the keyring itself."""

    name = "memory (tests only)"

    def __init__(self) -> None:
        self.keys: dict[str, bytes] = {}

    def get(self, notebook_id: str) -> bytes | None:
        return self.keys.get(notebook_id)

    def put(self, notebook_id: str, key: bytes) -> None:
        self.keys[notebook_id] = key

    def delete(self, notebook_id: str) -> None:
        self.keys.pop(notebook_id, None)

    def forget_cached(self) -> None:
        pass  # the dict is the keyring here, not a cache of it


def _platform_backend():  # type: ignore[no-untyped-def]
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        import keyring

        return keyring.get_keyring()  # the user chose one explicitly
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        from keyring.backends import SecretService

        return SecretService.Keyring()
    if sys.platform == "darwin":
        from keyring.backends import macOS

        return macOS.Keyring()
    if sys.platform == "win32":
        from keyring.backends import Windows

        return Windows.WinVaultKeyring()
    import keyring

    return keyring.get_keyring()


def describe_backend(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_insecure(backend: object) -> bool:
    """keyrings.alt (files on disk), the null/fail backends that store nothing, and any
    chainer that chains to one of them: a chainer writes to the first backend that takes
    the key, so one file backend in its chain can receive a key whenever the others fail."""
    parts = describe_backend(backend).lower().split(".")
    if parts[0] == "keyrings" or "plaintext" in parts[-1] or bool(INSECURE_MODULES & set(parts)):
        return True
    chained = _chained(backend)
    if chained is None:
        return False
    return not chained or any(is_insecure(inner) for inner in chained)


def _chained(backend: object) -> list[object] | None:
    """The backends a chaining backend (keyring's ChainerBackend) passes keys on to; None if
    it chains nothing. Any failure to list them counts as an empty, hence refused, chain."""
    if "chain" not in describe_backend(backend).lower():
        return None
    try:
        return list(getattr(backend, "backends", None) or [])
    except Exception:
        return []


def _uses_secret_service() -> bool:
    """Linux/BSD with the platform's backend (not one chosen by PYTHON_KEYRING_BACKEND)."""
    linux_like = sys.platform.startswith("linux") or "bsd" in sys.platform
    return linux_like and not os.environ.get("PYTHON_KEYRING_BACKEND")


class OsKeyStore:
    """Keys in the OS keyring as hex text, one entry per local notebook."""

    def __init__(self, backend: object | None = None, *, may_ask: bool = True) -> None:
        """may_ask=False (the first screen's read-ahead): read through the Secret Service only,
        and never make the desktop ask to unlock; anything else raises KeyringError."""
        self._backend = backend
        self._may_ask = may_ask
        self._cache: dict[str, bytes] = {}  # each key is fetched once per process
        self._reader: SecretServiceReader | None = None
        # The fast path falls back to keyring silently (the user still gets the key), so what
        # it did is kept for doctor and the tests: how many keys it read, and why it gave up.
        self.fast_reads = 0
        self.fast_path_problem: str | None = None
        if backend is None and _uses_secret_service():
            self._reader = SecretServiceReader()  # the fast read path; see core.secret_service

    @property
    def backend(self):  # type: ignore[no-untyped-def]
        if self._backend is None:
            try:
                self._backend = _platform_backend()
            except Exception as exc:
                raise KeyringError(
                    QT_TRANSLATE_NOOP("Core", "No usable OS keyring ({error_type}). {fix_hint}"),
                    error_type=type(exc).__name__,
                    fix_hint=Term(FIX_HINT),
                ) from None
        if is_insecure(self._backend):
            raise KeyringError(
                QT_TRANSLATE_NOOP(
                    "Core", "The keyring backend {backend} would keep keys unprotected on disk. {fix_hint}"
                ),
                backend=describe_backend(self._backend),
                fix_hint=Term(FIX_HINT),
            )
        return self._backend

    @property
    def name(self) -> str:
        return describe_backend(self.backend)

    def _call(self, action: str, method: str, *args: str) -> str | None:
        backend = self.backend
        try:
            return getattr(backend, method)(SERVICE, *args)
        except Exception as exc:
            # The exception text may name the service; it never holds the key.
            raise KeyringError(
                QT_TRANSLATE_NOOP(
                    "Core", "The OS keyring could not {action} ({error_type}: {exc}). {fix_hint}"
                ),
                action=Term(action),
                error_type=type(exc).__name__,
                exc=exc,
                fix_hint=Term(FIX_HINT),
            ) from None

    def get(self, notebook_id: str) -> bytes | None:
        if notebook_id in self._cache:
            return self._cache[notebook_id]
        text = self._read(entry_name(notebook_id))
        if text is None:
            return None
        try:
            key = bytes.fromhex(text)
        except ValueError:
            raise KeyringError(
                QT_TRANSLATE_NOOP("Core", "The keyring entry for this notebook is damaged (not a key).")
            ) from None
        self._cache[notebook_id] = key
        return key

    def _read(self, entry: str) -> str | None:
        if not self._may_ask:
            return self._read_quietly(entry)
        if self._reader is not None:
            try:
                text = self._reader.read(SERVICE, entry)
            except Exception as exc:
                self._reader = None  # keyring's path gives the full diagnosis from here on
                self.fast_path_problem = type(exc).__name__
            else:
                if text is not None:
                    self.fast_reads += 1
                    return text
                # Not in the default collection: keyring may keep it elsewhere (a preferred
                # collection, KWallet beside gnome-keyring). Only a miss pays for asking it.
        return self._call(QT_TRANSLATE_NOOP("Core", "read a notebook key"), "get_password", entry)

    def _read_quietly(self, entry: str) -> str | None:
        quiet = KeyringError(QT_TRANSLATE_NOOP("Core", "The key cannot be read without asking."))
        if self._reader is None:
            raise quiet
        try:
            text = self._reader.read(SERVICE, entry, may_ask=False)
        except Exception:
            raise quiet from None
        if text is None:
            raise quiet  # keyring may keep it elsewhere: the window asks keyring itself
        return text

    def forget_cached(self) -> None:
        self._cache.clear()
        if self._reader is not None:
            self._reader.close()  # locking also drops the D-Bus session

    def put(self, notebook_id: str, key: bytes) -> None:
        self._call(
            QT_TRANSLATE_NOOP("Core", "store a notebook key"),
            "set_password",
            entry_name(notebook_id),
            key.hex(),
        )
        self._cache[notebook_id] = key

    def delete(self, notebook_id: str) -> None:
        self._cache.pop(notebook_id, None)
        if (
            self._call(
                QT_TRANSLATE_NOOP("Core", "read a notebook key"), "get_password", entry_name(notebook_id)
            )
            is not None
        ):
            self._call(
                QT_TRANSLATE_NOOP("Core", "delete a notebook key"), "delete_password", entry_name(notebook_id)
            )
