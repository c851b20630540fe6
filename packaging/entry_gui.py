"""Frozen entry point of `peercoach-desktop`, the window."""

from peercoach_desktop.app import main

raise SystemExit(main())
