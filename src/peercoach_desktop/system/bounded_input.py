"""The one reader for every file handed to the app: sync files, invitations, backups.

Nothing from outside is trusted, so before a byte is believed: it must be a regular
file (not a FIFO that blocks for ever, not a device or a link to /dev/zero that never
ends), no larger than its format allows (checked on the open descriptor, then again
while reading, since a file can grow), and compressed data is inflated in bounded
steps with a cap on the total and on the ratio to its compressed size.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, InputFileError, Term

CHUNK = 1 << 20
MIB = 1 << 20


def _mib(limit: int) -> int:
    return max(1, limit // MIB)


@contextlib.contextmanager
def open_handed_file(path: Path, *, max_bytes: int, what: str) -> Iterator[BinaryIO]:
    """The file opened for reading, once proven a regular file within max_bytes."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; a regular file ignores it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputFileError(
            QT_TRANSLATE_NOOP("Core", "There is no {what} at {path}."), what=Term(what), path=str(path)
        ) from None
    except IsADirectoryError:
        fd = -1
    handle = None
    try:
        info = os.fstat(fd) if fd >= 0 else None
        if info is None or not stat.S_ISREG(info.st_mode):
            raise InputFileError(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{path} is not a regular file (a folder, device, pipe or a link to one), so it "
                    "cannot be a {what}. Nothing was changed.",
                ),
                path=str(path),
                what=Term(what),
            )
        if info.st_size > max_bytes:
            raise too_large(what, max_bytes)
        handle = os.fdopen(fd, "rb")
        fd = -1
        yield handle
    finally:
        if handle is not None:
            handle.close()
        elif fd >= 0:
            os.close(fd)


def too_large(what: str, max_bytes: int) -> InputFileError:
    return InputFileError(
        QT_TRANSLATE_NOOP(
            "Core",
            "This {what} is larger than any PeerCoach {what} can be ({limit} MB); it was not read. "
            "Nothing was changed.",
        ),
        what=Term(what),
        limit=_mib(max_bytes),
    )


def read_handed_file(path: Path, *, max_bytes: int, what: str) -> bytes:
    """The whole file, read once, never more than max_bytes."""
    with open_handed_file(path, max_bytes=max_bytes, what=what) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(what, max_bytes)  # it grew after the size check
    return data


def copy_handed_file(path: Path, target: Path, *, max_bytes: int, what: str) -> None:
    """Copy the file (from the same descriptor that was checked) into target, created 0600."""
    with open_handed_file(path, max_bytes=max_bytes, what=what) as handle:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            copied = 0
            while chunk := handle.read(CHUNK):
                copied += len(chunk)
                if copied > max_bytes:
                    raise too_large(what, max_bytes)
                out.write(chunk)


def inflate(data: bytes, *, max_bytes: int, max_ratio: int, slack: int = MIB) -> bytes:
    """zlib data inflated in steps; ValueError past max_bytes, or past max_ratio times the
    compressed size (plus slack for small payloads), or if the stream is not whole."""
    limit = min(max_bytes, len(data) * max_ratio + slack)
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    total = 0
    pending = data
    while True:
        piece = inflater.decompress(pending, CHUNK)
        total += len(piece)
        if total > limit:
            raise ValueError("inflates past its limit")
        parts.append(piece)
        pending = inflater.unconsumed_tail
        if inflater.eof or (not pending and not piece):
            break
    if not inflater.eof or inflater.unused_data:
        raise ValueError("not one whole zlib stream")
    return b"".join(parts)
