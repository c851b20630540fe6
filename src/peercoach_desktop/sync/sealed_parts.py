"""A sealed envelope in parts (sync file format 3), so an import opens only what is new.

    prefix (MAGIC | header length | header JSON, as sealed.py) |
    manifest length (4 bytes, big-endian) | manifest ciphertext | part ciphertexts, in order

The manifest (zlib JSON, sealed with the header's nonce) lists each part as
[kind, entry count, ciphertext size, nonce, SHA-256 of the part's plaintext]. Every part
is sealed on its own with its own nonce and the prefix as associated data, so a part cut
short, changed, or taken from another file (another header, another nonce) does not open;
a part that opens must also hash to the manifest's digest, so the manifest cannot name
other content than the part holds. An importer skips a part whose digest it has merged
before (the digest is of content this laptop checked and merged; the part is still
authenticated, not inflated nor parsed), and the same records make the same part again,
so a file with nothing new costs a decryption and a lookup per part.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from peercoach_desktop.sync.sealed import MAX_PAYLOAD, MAX_RATIO, NONCE_BYTES, damaged, decrypt, not_opened
from peercoach_desktop.system.bounded_input import inflate

MAX_MANIFEST = 4 * 1024 * 1024  # ~40 bytes a part compressed: far more parts than any file has
MAX_PARTS = 20_000
MAX_PART = 32 * 1024 * 1024  # inflated bytes of one part (a part holds ~1000 records)
MAX_KIND = 64
DIGEST_HEX = 64


@dataclass(frozen=True)
class PartInfo:
    kind: str  # the table all of its entries belong to
    count: int  # its number of entries
    digest: str  # SHA-256 (hex) of its plaintext
    start: int  # where its ciphertext starts in the file
    size: int
    nonce: bytes


def _sealed_part(key: bytes, prefix: bytes, plain: bytes, level: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(NONCE_BYTES)
    return nonce, ChaCha20Poly1305(key).encrypt(nonce, zlib.compress(plain, level), prefix)


def seal_parts(
    magic: bytes, header: dict[str, Any], key: bytes, parts: Iterable[tuple[str, int, bytes]], level: int
) -> bytes:
    """The envelope of `parts` ((kind, entry count, plaintext) each). Parts are compressed
    and sealed on a second thread while the next is made (zlib and the cipher let the GIL go)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(NONCE_BYTES)
    head = json.dumps(header | {"nonce": nonce.hex()}, sort_keys=True).encode()
    prefix = magic + struct.pack(">I", len(head)) + head
    listed, sealed = [], []
    with ThreadPoolExecutor(max_workers=1) as pool:
        for kind, count, plain in parts:
            listed.append([kind, count, hashlib.sha256(plain).hexdigest()])
            sealed.append(pool.submit(_sealed_part, key, prefix, plain, level))
        bodies = [future.result() for future in sealed]
    manifest = [
        [kind, count, len(body), part_nonce.hex(), digest]
        for (kind, count, digest), (part_nonce, body) in zip(listed, bodies, strict=True)
    ]
    plain_manifest = zlib.compress(json.dumps({"parts": manifest}).encode(), level)
    sealed_manifest = ChaCha20Poly1305(key).encrypt(nonce, plain_manifest, prefix)
    return b"".join(
        [prefix, struct.pack(">I", len(sealed_manifest)), sealed_manifest, *(b for _, b in bodies)]
    )


class Parted:
    """An opened format-3 envelope: the manifest read and checked; parts opened on demand."""

    def __init__(self, header: dict[str, Any], prefix: bytes, rest: bytes, key: bytes, what: str) -> None:
        self._prefix, self._data, self._key, self._what = prefix, rest, key, what
        if len(rest) < 4:
            raise not_opened(what)
        (size,) = struct.unpack(">I", rest[:4])
        if size > MAX_MANIFEST or len(rest) < 4 + size:
            raise not_opened(what)
        plain = decrypt(header, prefix, rest[4 : 4 + size], key, what)
        self.parts = _manifest(plain, 4 + size, len(rest), what)

    def _body(self, part: PartInfo) -> bytes:
        """The part decrypted (and so authenticated), still compressed."""
        sealed = self._data[part.start : part.start + part.size]
        return decrypt({"nonce": part.nonce.hex()}, self._prefix, sealed, self._key, self._what)

    def plain(self, part: PartInfo, budget: int) -> bytes:
        """The part's plaintext (checked against its digest), at most `budget` bytes."""
        body = self._body(part)
        try:
            plain = inflate(body, max_bytes=min(MAX_PART, budget), max_ratio=MAX_RATIO)
        except (ValueError, zlib.error):
            raise damaged(self._what) from None
        if hashlib.sha256(plain).hexdigest() != part.digest:
            raise damaged(self._what)  # the manifest names other content than the part holds
        return plain

    def opened(
        self, skip: Collection[str], first: Sequence[str] = ()
    ) -> Iterator[tuple[PartInfo, bytes | None]]:
        """Each part with its plaintext, or None for a part whose digest is in `skip` (merged
        before): the parts of the kinds in `first` first, a kind after the other, then the
        others in the file's order; no more than MAX_PAYLOAD bytes are inflated in one pass.
        (Opening the next part on a third thread while an import reads one and writes another
        was measured: no clear gain, and the window's longest stall went from ~17 to ~30 ms.)"""
        rank = {kind: i for i, kind in enumerate(first)}
        left = MAX_PAYLOAD
        for part in sorted(self.parts, key=lambda p: rank.get(p.kind, len(rank))):  # (a stable sort)
            if part.digest in skip:
                # Still authenticated (~1 ms per MiB), so a file changed anywhere is refused
                # whole, as before parts; only inflating and parsing it is saved.
                self._body(part)
                yield part, None
                continue
            plain = self.plain(part, left)
            left -= len(plain)
            yield part, plain


def _manifest(sealed_plain: bytes, start: int, end: int, what: str) -> list[PartInfo]:
    try:
        listed = json.loads(inflate(sealed_plain, max_bytes=MAX_MANIFEST * 4, max_ratio=MAX_RATIO))["parts"]
        if not isinstance(listed, list) or len(listed) > MAX_PARTS:
            raise ValueError("parts")
        found = []
        for kind, count, size, nonce, digest in listed:
            ok = isinstance(kind, str) and len(kind) <= MAX_KIND and isinstance(digest, str)
            ok = ok and all(type(n) is int for n in (count, size)) and count >= 0 and size > 0
            if not (ok and isinstance(nonce, str) and len(digest) == DIGEST_HEX):
                raise ValueError("a part")
            int(digest, 16)
            found.append(PartInfo(kind, count, digest, start, size, bytes.fromhex(nonce)))
            start += size
            if len(found[-1].nonce) != NONCE_BYTES:
                raise ValueError("nonce")
    except (ValueError, TypeError, KeyError, zlib.error, RecursionError):
        raise damaged(what) from None
    if start != end:
        raise not_opened(what)  # cut short, or bytes added after the last part
    return found
