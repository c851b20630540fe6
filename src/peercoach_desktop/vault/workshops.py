"""The workshop notebooks of a data dir: kept and keyed like partnership notebooks, listed apart.

Layout::

    workshops/<notebook id>.pcnb   the SQLCipher workshop notebook (storage/workshop_store)
    workshops/<notebook id>.json   its descriptor: ids and creation time. No names, no title.

Each file has its own random 256-bit key in the OS keyring under the same kind of entry as a
partnership notebook (keystore.entry_name of the local notebook id), and a recovery code is shown
once at creation. Being a folder of their own, workshops never appear among the partnerships.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.clock import Clock, SystemClock, iso
from peercoach_desktop.domain.errors import (
    QT_TRANSLATE_NOOP,
    AmbiguousError,
    MissingKeyError,
    NotebookFormatError,
    NotFoundError,
    PeerCoachError,
    UsageError,
)
from peercoach_desktop.domain.ids import new_id
from peercoach_desktop.storage.workshop_store import WorkshopStore
from peercoach_desktop.system.files import ensure_private_dir, write_atomic
from peercoach_desktop.vault import recovery
from peercoach_desktop.vault.keystore import KeyStore

DESCRIPTOR_FORMAT = 1
SUFFIX = ".pcnb"


@dataclass(frozen=True)
class WorkshopDescriptor:
    notebook_id: str  # local: names the keyring entry
    workshop_id: str
    created_at: str
    folder: Path

    @property
    def path(self) -> Path:
        return self.folder / f"{self.notebook_id}{SUFFIX}"

    @property
    def descriptor_path(self) -> Path:
        return self.folder / f"{self.notebook_id}.json"

    def to_json(self) -> bytes:
        data = {
            "format": DESCRIPTOR_FORMAT,
            "kind": "workshop",
            "notebook_id": self.notebook_id,
            "workshop_id": self.workshop_id,
            "created_at": self.created_at,
        }
        return json.dumps(data, indent=2).encode()

    @classmethod
    def load(cls, path: Path) -> WorkshopDescriptor:
        try:
            data = json.loads(path.read_bytes())
            if data["format"] > DESCRIPTOR_FORMAT:
                raise NotebookFormatError(
                    QT_TRANSLATE_NOOP("Core", "{file} was written by a newer PeerCoach Desktop."),
                    file=path.name,
                )
            return cls(data["notebook_id"], data["workshop_id"], data["created_at"], path.parent)
        except (ValueError, KeyError, TypeError):
            raise NotebookFormatError(
                QT_TRANSLATE_NOOP("Core", "The notebook descriptor {file} is damaged."), file=path.name
            ) from None


@dataclass(frozen=True)
class CreatedWorkshop:
    descriptor: WorkshopDescriptor
    recovery_code: str
    store: WorkshopStore


class WorkshopLibrary:
    def __init__(self, data_dir: Path, keystore: KeyStore, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.keystore = keystore
        self.clock = clock or SystemClock()

    @property
    def folder(self) -> Path:
        return self.data_dir / "workshops"

    def descriptors(self) -> list[WorkshopDescriptor]:
        if not self.folder.is_dir():
            return []
        found = [WorkshopDescriptor.load(p) for p in sorted(self.folder.glob("*.json"))]
        return sorted(found, key=lambda d: d.created_at)

    def create(self, title: str) -> CreatedWorkshop:
        if not title.strip():
            raise UsageError(QT_TRANSLATE_NOOP("Core", "A workshop needs a title."))
        ensure_private_dir(self.folder)
        descriptor = WorkshopDescriptor(new_id(), new_id(), iso(self.clock.now()), self.folder)
        key = os.urandom(32)
        self.keystore.put(descriptor.notebook_id, key)  # first: if the keyring refuses, nothing is written
        try:
            store = WorkshopStore.create(
                descriptor.path, key, workshop_id=descriptor.workshop_id, title=title, clock=self.clock
            )
            write_atomic(descriptor.descriptor_path, descriptor.to_json())  # last: listed only when whole
        except BaseException:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{descriptor.path}{suffix}").unlink()
            with contextlib.suppress(PeerCoachError):
                self.keystore.delete(descriptor.notebook_id)
            raise
        return CreatedWorkshop(descriptor, recovery.encode(key), store)

    def open(self, descriptor: WorkshopDescriptor) -> WorkshopStore:
        if not descriptor.path.exists():
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Core", "The notebook file {file} is missing."), file=descriptor.path.name
            )
        key = self.keystore.get(descriptor.notebook_id)
        if key is None:
            raise MissingKeyError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "The keyring has no key for workshop {workshop}. Restore it with: peercoach workshop "
                    "recover {workshop} --code RECOVERY-CODE",
                ),
                workshop=descriptor.workshop_id[:8],
            )
        return WorkshopStore.open(descriptor.path, key, clock=self.clock)

    def recover(self, descriptor: WorkshopDescriptor, code: str) -> WorkshopStore:
        """Check that the code opens the workshop, then keep its key in the keyring."""
        key = recovery.decode(code)
        store = WorkshopStore.open(descriptor.path, key, clock=self.clock)
        try:
            self.keystore.put(descriptor.notebook_id, key)
        except BaseException:
            store.close()
            raise
        return store

    def resolve(self, ref: str) -> WorkshopDescriptor:
        """A workshop by id, unique id prefix or title."""
        descriptors = self.descriptors()
        needle = ref.strip().lower()
        if needle:
            by_id = [
                d for d in descriptors if d.workshop_id.startswith(needle) or d.notebook_id.startswith(needle)
            ]
            if len(by_id) == 1:
                return by_id[0]
            if len(by_id) > 1:
                raise AmbiguousError(
                    QT_TRANSLATE_NOOP(
                        "Core", "More than one workshop id starts with {ref!r}; give more of it."
                    ),
                    ref=ref,
                )
        by_title = []
        for descriptor in descriptors:
            with contextlib.suppress(PeerCoachError), self.open(descriptor) as store:
                if store.title().strip().lower() == needle:
                    by_title.append(descriptor)
        if len(by_title) == 1:
            return by_title[0]
        if len(by_title) > 1:
            raise AmbiguousError(
                QT_TRANSLATE_NOOP("Core", "More than one workshop is called {ref!r}; use its id."), ref=ref
            )
        raise NotFoundError(
            QT_TRANSLATE_NOOP("Core", "No workshop matches {ref!r}. See: peercoach workshop list"), ref=ref
        )
