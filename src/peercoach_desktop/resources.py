"""Where the plain data files under resources/ are, from a source tree or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    # PyInstaller unpacks data next to the code and names that folder in sys._MEIPASS;
    # from a source checkout resources/ sits at the repository root.
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
