"""The one place that finds the app's data files (prompts, icons, sounds, ...).

Looked up in order: a folder named by PEERCOACH_RESOURCES (packagers can point it at a
bundle), the folder PyInstaller unpacks (sys._MEIPASS), the package's own
``resources_data`` (an installed wheel carries it as package data), then the
``resources/`` folder of a source checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from peercoach_desktop.domain.errors import QT_TRANSLATE_NOOP, PeerCoachError

_PACKAGE = Path(__file__).resolve().parents[1]  # peercoach_desktop/


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. resource_path("prompts"); a clear error when it is missing."""
    candidates = []
    if os.environ.get("PEERCOACH_RESOURCES"):
        candidates.append(Path(os.environ["PEERCOACH_RESOURCES"]))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates += [_PACKAGE / "resources_data", _PACKAGE.parents[1] / "resources"]
    for root in candidates:
        path = root.joinpath(*parts)
        if path.exists():
            return path
    raise PeerCoachError(
        QT_TRANSLATE_NOOP("Core", "The app's resource {path} is missing; reinstall PeerCoach Desktop."),
        path="/".join(parts),
    )
