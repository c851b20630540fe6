"""A local log of unexpected errors: exception type and stack frames only.

The exception message is left out on purpose: it may quote a note. Nothing here
is ever sent anywhere. Writing the log never raises: it runs while another error is
being reported, often for the same cause (a full disk), and must not replace it.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

MAX_LOG_BYTES = 256 * 1024


def record(data_dir: Path, exc: BaseException) -> Path | None:
    """Append exc to data_dir/logs/errors.log; the path, or None when it could not be written."""
    try:
        return _record(data_dir, exc)
    except Exception:
        return None


def _record(data_dir: Path, exc: BaseException) -> Path:
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / "errors.log"
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        path.replace(path.with_suffix(".log.1"))
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{datetime.now(UTC).isoformat(timespec='seconds')} {type(exc).__module__}.{type(exc).__name__}"]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return path
