"""The envelope shared by sync files and invitation files.

    MAGIC | header length (4 bytes, big-endian) | header (JSON) | AEAD ciphertext

The header is readable before decryption (format version, ids, KDF salt, nonce) and
is authenticated as associated data, so changing one byte of it, of the ciphertext,
or cutting the file short all fail the same way. The payload is zlib-compressed
before encryption (ChaCha20-Poly1305 from the maintained `cryptography` library).
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections.abc import Iterator
from typing import Any

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, SealedKeyError, SyncFileError, Term
from peercoach_desktop.system.bounded_input import inflate

NONCE_BYTES = 12
MAX_HEADER = 64 * 1024
# Bounds on decompression, so a crafted file cannot fill memory: 128 MiB of JSON is about
# 250k notes of a page each, well past the 100k notes the app is built for; JSON of
# words compresses 3-10x, so 100x is only reached by a file made to inflate.
MAX_PAYLOAD = 128 * 1024 * 1024
MAX_RATIO = 100
MAX_FILE = MAX_HEADER + MAX_PAYLOAD  # a compressed payload is never larger than the raw one
CHUNK = 1024 * 1024  # inflated bytes per step when a body is read line by line
MAX_LINE = 64 * 1024 * 1024  # one record's JSON line; longer is no record of ours


def seal(magic: bytes, header: dict[str, Any], key: bytes, payload: dict[str, Any]) -> bytes:
    return seal_bytes(magic, header, key, json.dumps(payload, ensure_ascii=False).encode("utf-8"), 6)


def seal_bytes(magic: bytes, header: dict[str, Any], key: bytes, plain: bytes, level: int) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(NONCE_BYTES)
    head = json.dumps(header | {"nonce": nonce.hex()}, sort_keys=True).encode()
    prefix = magic + struct.pack(">I", len(head)) + head
    body = zlib.compress(plain, level)
    return prefix + ChaCha20Poly1305(key).encrypt(nonce, body, prefix)


def read_header(data: bytes, magic: bytes, what: str) -> tuple[dict[str, Any], bytes, bytes]:
    """(header, associated data, ciphertext); raises SyncFileError for anything not ours."""
    not_ours = SyncFileError(
        QT_TRANSLATE_NOOP(
            "Core", "This is not a PeerCoach {what} (or it is cut short). Nothing was changed."
        ),
        what=Term(what),
    )
    if not data.startswith(magic) or len(data) < len(magic) + 4:
        raise not_ours
    (size,) = struct.unpack(">I", data[len(magic) : len(magic) + 4])
    end = len(magic) + 4 + size
    if size > MAX_HEADER or len(data) < end:
        raise not_ours
    try:
        header = json.loads(data[len(magic) + 4 : end])
        if not isinstance(header, dict) or not isinstance(header["format"], int):
            raise ValueError
        bytes.fromhex(header["nonce"])
    except (ValueError, KeyError, TypeError):
        raise not_ours from None
    return header, data[:end], data[end:]


def open_sealed(header: dict[str, Any], prefix: bytes, ciphertext: bytes, key: bytes, what: str) -> Any:
    body = decrypt(header, prefix, ciphertext, key, what)
    try:
        raw = inflate(body, max_bytes=MAX_PAYLOAD, max_ratio=MAX_RATIO)
        return json.loads(raw.decode("utf-8"))
    except (ValueError, zlib.error, RecursionError):  # RecursionError: JSON nested too deep
        raise damaged(what) from None


def damaged(what: str) -> SyncFileError:
    return SyncFileError(
        QT_TRANSLATE_NOOP("Core", "This {what} is damaged inside. Nothing was changed."), what=Term(what)
    )


def inflate_lines(body: bytes, what: str) -> Iterator[bytes]:
    """The lines of a compressed body (see inflate_blocks)."""
    for block in inflate_blocks(body, what):
        yield from block.split(b"\n")


def inflate_blocks(body: bytes, what: str) -> Iterator[bytes]:
    """A compressed body inflated a slice at a time, each slice cut after its last newline
    (that newline dropped, the rest carried on), so each holds whole lines. No step holds the
    GIL for long (zlib lets it go while it inflates); no more than MAX_PAYLOAD, nor MAX_RATIO
    times the compressed size, is inflated."""
    inflater = zlib.decompressobj()
    total, rest = 0, b""
    limit = min(MAX_PAYLOAD, len(body) * MAX_RATIO + CHUNK)  # as storage.bounded_input.inflate
    try:
        data = inflater.decompress(body, CHUNK)
        while True:
            total += len(data)
            if total > limit:
                raise ValueError
            joined = rest + data
            cut = joined.rfind(b"\n")
            if cut >= 0:
                yield joined[:cut]
                rest = joined[cut + 1 :]
            else:
                rest = joined
            if len(rest) > MAX_LINE:
                raise ValueError  # one record this long is no record of ours
            if inflater.eof or not (data or inflater.unconsumed_tail):
                break  # the end, or input that ends before the stream does
            # (zlib may hold output back when a step filled CHUNK exactly: ask again)
            data = inflater.decompress(inflater.unconsumed_tail, CHUNK)
        if not inflater.eof:
            raise ValueError
    except (ValueError, zlib.error):
        raise damaged(what) from None
    if rest:
        yield rest


def decrypt(header: dict[str, Any], prefix: bytes, ciphertext: bytes, key: bytes, what: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    try:
        body = ChaCha20Poly1305(key).decrypt(bytes.fromhex(header["nonce"]), ciphertext, prefix)
    except (InvalidTag, ValueError):
        raise not_opened(what) from None
    return body


def not_opened(what: str) -> SealedKeyError:
    return SealedKeyError(
        QT_TRANSLATE_NOOP(
            "Core",
            "This {what} could not be opened: it was changed or cut short, or it was made "
            "with a different key. Nothing was changed.",
        ),
        what=Term(what),
    )
