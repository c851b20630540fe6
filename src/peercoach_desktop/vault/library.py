"""The notebooks in one data dir, and how each one is unlocked.

Layout of a data dir::

    notebooks/<notebook id>.pcnb   the SQLCipher notebook
    notebooks/<notebook id>.json   its descriptor: ids, key mode, KDF salt. No user text.
    backups/                       encrypted copies (before each schema migration)
    backups/daily/                 one encrypted copy per notebook per day of use, last N kept

The descriptor is written last when a notebook is created, so a notebook that
appears in a listing is complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.clock import Clock, SystemClock, iso
from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    AmbiguousError,
    MissingKeyError,
    NotFoundError,
    PassphraseRequiredError,
    PeerCoachError,
)
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.files import ensure_private_dir, tighten_dir, write_atomic
from peercoach_desktop.vault.descriptors import (
    KEY_MODE_KEYRING,
    KEY_MODE_PASSPHRASE,
    Descriptor,
    PassphraseSource,
)
from peercoach_desktop.vault.keystore import KeyStore
from peercoach_desktop.vault.passphrase import KdfParams, check_new_passphrase, derive_key


@dataclass(frozen=True)
class Created:
    descriptor: Descriptor
    recovery_code: str
    store: NotebookStore


class Library:
    def __init__(self, data_dir: Path, keystore: KeyStore, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.keystore = keystore
        for folder in (data_dir, data_dir / "notebooks", data_dir / "backups"):
            tighten_dir(folder)  # 0700 at every start: older versions left 0755 (or 0777 as found)
        self.clock = clock or SystemClock()
        # What opening notebooks had to tell the user (an interrupted key change settled,
        # a daily backup that failed); the CLI prints them, the window shows them.
        self.notices: list[str] = []
        # Notebooks whose notices carry a recovery code: settled for good once it is shown
        # (vault.opener.notices_shown).
        self.unshown_codes: list[Descriptor] = []
        # Notebooks this process is rotating the key of: their open must not settle it.
        self.rotating: set[str] = set()

    @property
    def notebooks_dir(self) -> Path:
        return self.data_dir / "notebooks"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def descriptors(self) -> list[Descriptor]:
        if not self.notebooks_dir.is_dir():
            return []
        found = [Descriptor.load(p) for p in sorted(self.notebooks_dir.glob("*.json"))]
        return sorted(found, key=lambda d: d.created_at)

    def create(
        self,
        me_name: str,
        partner_name: str,
        title: str = "",
        passphrase: str | None = None,
        *,
        joining: tuple[str, str, str] | None = None,
    ) -> Created:
        """A new notebook; `joining` = (partnership id, my peer id, partner's peer id) from an
        invitation, so both laptops name the partnership and the peers alike."""
        if passphrase is not None:
            check_new_passphrase(passphrase)
        ensure_private_dir(self.notebooks_dir)
        kdf = KdfParams.fresh() if passphrase is not None else None
        descriptor = Descriptor(
            notebook_id=new_id(),
            partnership_id=joining[0] if joining else new_id(),
            created_at=iso(self.clock.now()),
            key_mode=KEY_MODE_PASSPHRASE if kdf else KEY_MODE_KEYRING,
            kdf=kdf,
            folder=self.notebooks_dir,
        )
        if passphrase is not None and kdf is not None:
            key = derive_key(passphrase, kdf)
        else:
            key = os.urandom(32)
            # Keyring first: if it refuses, nothing has been written yet.
            self.keystore.put(descriptor.notebook_id, key)
        try:
            store = NotebookStore.create(
                descriptor.path,
                key,
                notebook_id=descriptor.notebook_id,
                partnership_id=descriptor.partnership_id,
                me_name=me_name,
                partner_name=partner_name,
                title=title or f"{me_name.strip()} & {partner_name.strip()}",
                clock=self.clock,
                me_id=joining[1] if joining else None,
                partner_id=joining[2] if joining else None,
            )
            write_atomic(descriptor.descriptor_path, descriptor.to_json())
        except BaseException:
            self.discard(descriptor)
            raise
        from peercoach_desktop.vault import recovery

        return Created(descriptor, recovery.encode(key), store)

    def discard(self, descriptor: Descriptor) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{descriptor.path}{suffix}").unlink()
        with contextlib.suppress(FileNotFoundError):
            descriptor.descriptor_path.unlink()
        if descriptor.key_mode == KEY_MODE_KEYRING:
            with contextlib.suppress(PeerCoachError):
                self.keystore.delete(descriptor.notebook_id)

    def key_for(self, descriptor: Descriptor, passphrase: PassphraseSource | None = None) -> bytes:
        if descriptor.kdf is not None:
            if passphrase is None:
                raise PassphraseRequiredError(
                    QT_TRANSLATE_NOOP(
                        "Core", "This notebook is protected by a passphrase; give it with --passphrase-file."
                    )
                )
            return derive_key(passphrase(), descriptor.kdf)
        key = self.keystore.get(descriptor.notebook_id)
        if key is None:
            raise MissingKeyError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The keyring has no key for notebook {partnership}. Restore it with: peercoach "
                    "recover {partnership} --code RECOVERY-CODE",
                ),
                partnership=descriptor.partnership_id[:8],
            )
        return key

    def open(self, descriptor: Descriptor, passphrase: PassphraseSource | None = None) -> NotebookStore:
        """The notebook, opened (and migrated to this app's schema) with its key: nothing else.
        Settling an interrupted key change and the day's backup are the opener's (vault.opener)."""
        self.require_file(descriptor)  # before asking for a passphrase
        return self.open_with_key(descriptor, self.key_for(descriptor, passphrase))

    def open_with_key(self, descriptor: Descriptor, key: bytes) -> NotebookStore:
        self.require_file(descriptor)
        return NotebookStore.open(descriptor.path, key, clock=self.clock, backup_dir=self.backups_dir)

    @staticmethod
    def require_file(descriptor: Descriptor) -> None:
        if not descriptor.path.exists():
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Core", "The notebook file {file} is missing."), file=descriptor.path.name
            )

    def recover(self, descriptor: Descriptor, code: str) -> NotebookStore:
        """Check that the code opens the notebook, then keep its key in the keyring.

        A passphrase notebook recovered this way becomes a keyring notebook."""
        from peercoach_desktop.vault import recovery

        key = recovery.decode(code)
        store = NotebookStore.open(descriptor.path, key, clock=self.clock, backup_dir=self.backups_dir)
        try:
            self.keystore.put(descriptor.notebook_id, key)
            if descriptor.kdf is not None:
                converted = dataclasses.replace(descriptor, key_mode=KEY_MODE_KEYRING, kdf=None)
                write_atomic(converted.descriptor_path, converted.to_json())
        except BaseException:
            store.close()
            raise
        return store

    def resolve(self, ref: str) -> Descriptor:
        """A partnership by id, unique id prefix (of the partnership or notebook id), or title."""
        descriptors = self.descriptors()
        needle = ref.strip().lower()
        if needle:
            by_id = [
                d
                for d in descriptors
                if d.partnership_id.startswith(needle) or d.notebook_id.startswith(needle)
            ]
            if len(by_id) == 1:
                return by_id[0]
            if len(by_id) > 1:
                raise AmbiguousError(
                    QT_TRANSLATE_NOOP(
                        "Core", "More than one partnership id starts with {ref!r}; give more of it."
                    ),
                    ref=ref,
                )
        by_title = []
        # Titles are inside the encrypted files: only keyring notebooks are searched by
        # title, so resolving a name never prompts for a passphrase per notebook.
        for descriptor in (d for d in descriptors if d.kdf is None):
            with contextlib.suppress(PeerCoachError):
                store = self.open(descriptor)
                try:
                    if store.partnership().title.strip().lower() == needle:
                        by_title.append(descriptor)
                finally:
                    store.close()
        if len(by_title) == 1:
            return by_title[0]
        if len(by_title) > 1:
            raise AmbiguousError(
                QT_TRANSLATE_NOOP("Core", "More than one partnership is called {ref!r}; use its id."), ref=ref
            )
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "No partnership matches {ref!r}. See: peercoach list"), ref=ref
        )
