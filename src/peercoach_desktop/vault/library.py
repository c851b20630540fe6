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
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.clock import Clock, SystemClock, iso
from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    AmbiguousError,
    MissingKeyError,
    NotebookFormatError,
    NotFoundError,
    PassphraseRequiredError,
    PeerCoachError,
)
from peercoach_desktop.storage.files import ensure_private_dir, tighten_dir, write_atomic
from peercoach_desktop.storage.store import NotebookStore, new_id
from peercoach_desktop.vault.keystore import KeyStore
from peercoach_desktop.vault.passphrase import KdfParams, check_new_passphrase, derive_key

DESCRIPTOR_FORMAT = 1
NOTEBOOK_SUFFIX = ".pcnb"
KEY_MODE_KEYRING = "keyring"
KEY_MODE_PASSPHRASE = "passphrase"
PassphraseSource = Callable[[], str]


@dataclass(frozen=True)
class Descriptor:
    notebook_id: str
    partnership_id: str
    created_at: str
    key_mode: str
    kdf: KdfParams | None
    folder: Path

    @property
    def path(self) -> Path:
        return self.folder / f"{self.notebook_id}{NOTEBOOK_SUFFIX}"

    @property
    def descriptor_path(self) -> Path:
        return self.folder / f"{self.notebook_id}.json"

    def to_json(self) -> bytes:
        data = {
            "format": DESCRIPTOR_FORMAT,
            "notebook_id": self.notebook_id,
            "partnership_id": self.partnership_id,
            "created_at": self.created_at,
            "key_mode": self.key_mode,
            "kdf": self.kdf.to_dict() if self.kdf else None,
        }
        return json.dumps(data, indent=2).encode()

    @classmethod
    def load(cls, path: Path) -> Descriptor:
        try:
            data = json.loads(path.read_bytes())
            if data["format"] > DESCRIPTOR_FORMAT:
                raise NotebookFormatError(
                    QT_TRANSLATE_NOOP("Core", "{file} was written by a newer PeerCoach Desktop."),
                    file=path.name,
                )
            return cls(
                notebook_id=data["notebook_id"],
                partnership_id=data["partnership_id"],
                created_at=data["created_at"],
                key_mode=data["key_mode"],
                kdf=KdfParams(**data["kdf"]) if data.get("kdf") else None,
                folder=path.parent,
            )
        except (ValueError, KeyError, TypeError):
            raise NotebookFormatError(
                QT_TRANSLATE_NOOP("Core", "The notebook descriptor {file} is damaged."), file=path.name
            ) from None


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
        # Notebooks whose notices carry a recovery code: settled for good once it is shown.
        self._unshown_codes: list[Callable[[], None]] = []
        # Notebooks this process is rotating the key of: their open must not settle it.
        self.rotating: set[str] = set()
        # The first open of a day takes a backup (~150 ms at 10k notes); the window may turn
        # this off and call backup.daily_backup itself once the notebook is on screen.
        self.daily_backup_on_open = True

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
            self._discard(descriptor)
            raise
        from peercoach_desktop.vault import recovery

        return Created(descriptor, recovery.encode(key), store)

    def _discard(self, descriptor: Descriptor) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{descriptor.path}{suffix}").unlink()
        with contextlib.suppress(FileNotFoundError):
            descriptor.descriptor_path.unlink()
        if descriptor.key_mode == KEY_MODE_KEYRING:
            with contextlib.suppress(PeerCoachError):
                self.keystore.delete(descriptor.notebook_id)

    def notices_shown(self) -> None:
        """The notices reached the user: a recovery code they named need not be shown again."""
        shown, self._unshown_codes = self._unshown_codes, []
        for acknowledge in shown:
            with contextlib.suppress(PeerCoachError):
                acknowledge()

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
        if not descriptor.path.exists():
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Core", "The notebook file {file} is missing."), file=descriptor.path.name
            )
        from peercoach_desktop.vault import backup, rekey

        settled = rekey.settle(self, descriptor)
        if settled is not None:
            self.notices.append(settled.message)
            if settled.recovery_code is not None:
                self._unshown_codes.append(lambda: rekey.code_shown(self, descriptor))
        key = self.key_for(descriptor, passphrase)
        store = NotebookStore.open(descriptor.path, key, clock=self.clock, backup_dir=self.backups_dir)
        if self.daily_backup_on_open:
            backup.daily_backup(self, descriptor, key)
        return store

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
