"""Small builders shared by the tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library


def memory_library(data_dir: Path) -> Library:
    return Library(data_dir, MemoryKeyStore(), FakeClock())


def file_digests(folder: Path) -> dict[str, str]:
    """Name → sha256 of every file under a folder: 'byte-identical' made checkable."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def files_containing(folder: Path, marker: str) -> list[str]:
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]
    return [str(p) for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]
