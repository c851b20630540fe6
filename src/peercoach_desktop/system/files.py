"""Safe writes: a temporary file beside the target, fsync, rename, fsync the folder.

A crash or a full disk leaves either the old file or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """The folder, made 0700 with every missing parent (mkdir's mode covers only the last)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            folder.mkdir(mode=PRIVATE_DIR_MODE)
    return path


def tighten_dir(path: Path) -> None:
    """A folder that holds notebooks, made private if it was left open to others (0755, 0777)."""
    with contextlib.suppress(OSError):  # missing yet, or not ours: nothing to tighten
        if path.stat().st_mode & 0o077:
            path.chmod(PRIVATE_DIR_MODE)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; its rename is already durable enough
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside target; on success it replaces target, on failure it goes."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        yield partial
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise


def write_atomic(target: Path, data: bytes) -> None:
    with _replacing(target) as partial:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())


def copy_atomic(source: Path, target: Path) -> None:
    with _replacing(target) as partial:
        shutil.copyfile(source, partial)
        os.chmod(partial, PRIVATE_FILE_MODE)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())


# Public name for modules that rename files themselves (backups, key rotation).
fsync_dir = _fsync_dir


def read_toml(path: Path, error: type[Exception]) -> dict[str, Any]:
    """A bundled data file (prompts, templates); a broken one raises `error` naming the file."""
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise error(f"{path.name}: not a readable TOML file ({exc}).") from None
