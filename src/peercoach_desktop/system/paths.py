"""Where things live. Data: --data-dir, else PEERCOACH_DATA_DIR, else the folder chosen in
preferences, else the platform's data dir. Settings: PEERCOACH_CONFIG_DIR or the platform's.

The *_text forms use os.path only: the window resolves them before its first paint,
where importing pathlib and platformdirs would cost milliseconds a user waits for."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

ENV_DATA_DIR = "PEERCOACH_DATA_DIR"
ENV_CONFIG_DIR = "PEERCOACH_CONFIG_DIR"
APP_FOLDER = "peercoach-desktop"


def _absolute(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(os.path.expanduser(os.fspath(path)))


def data_dir_text(override: str | os.PathLike[str] | None = None, preferred: str | None = None) -> str:
    for choice in (override, os.environ.get(ENV_DATA_DIR), preferred):
        if choice:
            return _absolute(choice)
    from platformdirs import user_data_dir

    return user_data_dir(APP_FOLDER, appauthor=False)


def config_dir_text() -> str:
    if os.environ.get(ENV_CONFIG_DIR):
        return _absolute(os.environ[ENV_CONFIG_DIR])
    from platformdirs import user_config_dir

    return user_config_dir(APP_FOLDER, appauthor=False)


def data_dir(override: str | os.PathLike[str] | None = None, preferred: str | None = None) -> Path:
    from pathlib import Path

    return Path(data_dir_text(override, preferred))


def config_dir() -> Path:
    from pathlib import Path

    return Path(config_dir_text())
