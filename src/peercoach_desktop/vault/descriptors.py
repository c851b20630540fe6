"""What the data dir says about each notebook, outside the encrypted file: its ids, when it was
made, and how it is unlocked (keyring key or passphrase with KDF salt). No user text."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, NotebookFormatError
from peercoach_desktop.vault.passphrase import KdfParams

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
