"""The laptop's IANA time zone (e.g. Europe/Berlin), asked of the platform like paths.py asks
for folders: meetings are kept in the zone they were agreed in, and this is the default.

On Linux and macOS the TZ variable or the /etc/localtime link names it (0.1 ms). Windows keeps
its own zone names, which tzlocal maps to IANA ones; it is a dependency there only (its import
costs ~40 ms, measured on Linux, which needs none of it).
"""

from __future__ import annotations

import os
import sys

FALLBACK = "UTC"
_MARKER = "zoneinfo/"


def local_zone_name() -> str:
    from zoneinfo import ZoneInfo

    for name in _candidates():
        try:
            ZoneInfo(name)
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            continue
        return name
    return FALLBACK


def _candidates() -> list[str]:
    found: list[str] = []
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and not tz.startswith(("/", ".")):
        found.append(tz)
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
        import tzlocal

        found.append(tzlocal.get_localzone_name())
        return found
    target = os.path.realpath("/etc/localtime")
    if _MARKER in target:
        found.append(target.rsplit(_MARKER, 1)[1])
    try:
        with open("/etc/timezone", encoding="utf-8") as file:
            found.append(file.read(200).strip())
    except OSError:
        pass
    return found
