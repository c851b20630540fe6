"""Where a data dir is: --data-dir, else PEERCOACH_DATA_DIR, else the platform's data dir."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "PEERCOACH_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("peercoach-desktop", appauthor=False))
