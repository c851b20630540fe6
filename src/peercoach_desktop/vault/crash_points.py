"""Named points where crash tests stop a real process (os._exit), to prove each step is safe.

Kept apart from the steps that use it (rekey, backup, restore) so each imports it
without importing the others."""

from __future__ import annotations

import os

CRASH_ENV = "PEERCOACH_TEST_CRASH_AT"  # crash tests: os._exit at the named step
CRASH_EXIT = 77


def crash_point(step: str) -> None:
    if os.environ.get(CRASH_ENV) == step:
        os._exit(CRASH_EXIT)
