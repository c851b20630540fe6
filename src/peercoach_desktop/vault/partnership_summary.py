"""What the window lists of each partnership, and the first screen it shows, as plain data.

Apart from the workspace that makes them, so the window can receive them without importing
the notebook core: the first screen read ahead in another process (vault.first_screen) arrives
in these classes before SQLCipher and the keyring are loaded in the window's process.
"""

from __future__ import annotations

from dataclasses import dataclass

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.domain.overview import Overview


@dataclass(frozen=True)
class PartnershipSummary:
    partnership_id: str
    title: str
    partner: str
    next_meeting: str | None
    problem: str | None = None  # set when the notebook could not be opened
    needs_passphrase: bool = False  # closed until its passphrase is typed
    error: PeerCoachError | None = None  # the problem as an error, for the GUI to translate


@dataclass(frozen=True)
class FirstScreen:
    """The partnerships as listed, and the overview of the one shown first."""

    summaries: list[PartnershipSummary]
    partnership_id: str
    overview: Overview
