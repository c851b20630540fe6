"""Recovery codes: a notebook key written for people.

32 key bytes plus 3 check bytes are 280 bits, exactly 56 Crockford base-32
characters, shown in 14 groups of 4. Crockford's alphabet has no I, L, O or U, and
reading forgives them (I/L → 1, O → 0) and ignores case, spaces and dashes, so a
code copied from paper by hand still works; the check bytes catch a typo before
the code is tried against the notebook.
"""

from __future__ import annotations

import hashlib

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, UsageError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ = {ch: value for value, ch in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
KEY_BYTES = 32
CHECK_BYTES = 3
GROUP = 4


def _check(key: bytes) -> bytes:
    return hashlib.sha256(b"peercoach recovery code\0" + key).digest()[:CHECK_BYTES]


def encode(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a notebook key is 32 bytes")
    number = int.from_bytes(key + _check(key), "big")
    chars = []
    for _ in range((KEY_BYTES + CHECK_BYTES) * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode(code: str) -> bytes:
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\n")
    expected = (KEY_BYTES + CHECK_BYTES) * 8 // 5
    if len(cleaned) != expected:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "A recovery code has {expected} characters; this one has {length}."),
            expected=expected,
            length=len(cleaned),
        )
    number = 0
    for position, ch in enumerate(cleaned, start=1):
        if ch not in _READ:
            raise UsageError(
                QT_TRANSLATE_NOOP("Core", "Character {position} of the recovery code is not valid."),
                position=position,
            )
        number = (number << 5) | _READ[ch]
    raw = number.to_bytes(KEY_BYTES + CHECK_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _check(key) != check:
        raise UsageError(
            QT_TRANSLATE_NOOP("Core", "The recovery code has a typo: its check characters do not match.")
        )
    return key
