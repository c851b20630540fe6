"""PeerCoach Desktop: private, offline peer coaching notebooks."""

__version__ = "0.1.0"
APP_NAME = "PeerCoach Desktop"
APP_ID = "peercoach-desktop"
# Reverse-DNS id: .desktop file, AppStream metainfo, icon name, macOS bundle id.
APP_RDNS = "io.github.peercoach.PeerCoachDesktop"
