"""`peercoach`: the command line, and with no command the window. The one place that joins the
two, so `cli` and `ui` never import each other (an import-linter contract checks it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    from peercoach_desktop.cli.main import main as cli_main

    return cli_main(argv, open_window=_open_window)


def _open_window(data_dir: Path) -> int:
    from peercoach_desktop.app import main as app_main

    return app_main(["--data-dir", str(data_dir)])


if __name__ == "__main__":
    raise SystemExit(main())
