"""Where things live. Data: --data-dir, else PEERCOACH_DATA_DIR, else the folder chosen in
preferences, else the platform's data dir. Settings: PEERCOACH_CONFIG_DIR or the platform's."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "PEERCOACH_DATA_DIR"
ENV_CONFIG_DIR = "PEERCOACH_CONFIG_DIR"


def data_dir(override: str | os.PathLike[str] | None = None, preferred: str | None = None) -> Path:
    for choice in (override, os.environ.get(ENV_DATA_DIR), preferred):
        if choice:
            return Path(choice).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir("peercoach-desktop", appauthor=False))


def config_dir() -> Path:
    if os.environ.get(ENV_CONFIG_DIR):
        return Path(os.environ[ENV_CONFIG_DIR]).expanduser().resolve()
    from platformdirs import user_config_dir

    return Path(user_config_dir("peercoach-desktop", appauthor=False))
