"""Passphrase-protected notebooks, for machines with no secure keyring.

Argon2id (memory-hard) turns the passphrase into the 32-byte raw SQLCipher key,
so the database is opened exactly like a keyring notebook afterwards. The salt and
cost parameters are not secret and live in the notebook's descriptor.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError

MIN_PASSPHRASE_CHARS = 10


@dataclass(frozen=True)
class KdfParams:
    salt_hex: str
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2
    algorithm: str = "argon2id"

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt_hex=os.urandom(16).hex())

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "Core", "A notebook passphrase needs at least {min_passphrase_chars} characters."
            ),
            min_passphrase_chars=MIN_PASSPHRASE_CHARS,
        )


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    if params.algorithm != "argon2id":
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "Unknown key derivation {algorithm!r}."), algorithm=params.algorithm
        )
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=bytes.fromhex(params.salt_hex),
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
