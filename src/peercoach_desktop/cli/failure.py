"""How a command that failed tells the user: one line on stderr (or one JSON object with
`--json`), an exit code, and never a traceback. The one place that maps every exception."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from peercoach_desktop.cli.render import visible
from peercoach_desktop.domain.errors import PeerCoachError, UsageError
from peercoach_desktop.storage.storage_errors import explain

EXIT_ERROR = 1
EXIT_USAGE = 2


def report(exc: BaseException, *, as_json: bool, data_dir: Path | None) -> int:
    """Tell the user what went wrong; returns the exit code."""
    message, kind, code = _describe(exc, data_dir)
    try:
        if as_json:
            print(
                json.dumps({"error": {"message": message, "kind": kind}}, ensure_ascii=False), file=sys.stderr
            )
        else:
            print(f"peercoach: {visible(message)}", file=sys.stderr)
    except OSError:
        pass  # stderr is gone (a closed pipe): the exit code still says it failed
    return code


def _describe(exc: BaseException, data_dir: Path | None) -> tuple[str, str, int]:
    mapped = explain(exc, data_dir)
    if mapped is not None:
        return str(mapped), mapped.kind, EXIT_ERROR
    if isinstance(exc, PeerCoachError):
        return str(exc), exc.kind, EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR
    if isinstance(exc, OSError):
        text = f"{exc.strerror or type(exc).__name__}: {exc.filename or ''}".rstrip(": ")
        return text, "os_error", EXIT_ERROR
    from peercoach_desktop.system.crash_log import record

    where = record(data_dir, exc) if data_dir is not None else None
    details = f"; details in {where}" if where is not None else ""
    return f"internal error ({type(exc).__name__}){details}", "internal", EXIT_ERROR
