"""Frozen entry point of `peercoach`, the command line (no command: the window)."""

from peercoach_desktop.cli.main import main

raise SystemExit(main())
