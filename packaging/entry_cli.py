"""Frozen entry point of `peercoach`, the command line (no command: the window)."""

from peercoach_desktop.launcher import main

raise SystemExit(main())
