"""Sync at a realistic size: export, first import, and re-import of an unchanged file.

Floor: reading the same notebook's rows with `snapshot()` (what the window does anyway).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import median_ms, report, timed

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.sync import exchange, pairing
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook

NOTES = 5000
PAIRING = "bench pairing words"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clock = FakeClock()
        ana_lib = Library(root / "ana", MemoryKeyStore(), clock)
        ben_lib = Library(root / "ben", MemoryKeyStore(), clock)
        created = ana_lib.create("Ana", "Ben")
        ana = created.store
        for i in range(NOTES):
            ana.add_note(f"Session note {i}: what I heard, what it implies for the goal. " * 4)
            if i % 10 == 0:
                ana.add_step("me", f"Next step {i}")
        pairing.write_invitation(ana_lib, ana.partnership_id, PAIRING, root / "invite")
        ben = open_notebook(
            ben_lib, pairing.join(ben_lib, (root / "invite").read_bytes(), PAIRING).descriptor
        )
        key = exchange.sync_key(ana_lib, created.descriptor, ana)
        out = root / "ana.pcsync"

        floor = median_ms(timed(ana.snapshot, 5))
        report(
            f"export {NOTES} notes",
            median_ms(timed(lambda: exchange.export_file(ana, key, out), 5)),
            floor,
            "",
        )
        size_kib = out.stat().st_size / 1024
        first = timed(lambda: exchange.apply_import(ben, out, key), 1)[0]
        report(f"first import {NOTES} notes (all added)", first, floor, "")
        report(
            "re-import unchanged file",
            median_ms(timed(lambda: exchange.apply_import(ben, out, key), 5)),
            floor,
            "",
        )
        report(
            "preview (dry run) unchanged",
            median_ms(timed(lambda: exchange.preview_import(ben, out, key), 5)),
            floor,
            "",
        )
        print(f"sync file size: {size_kib:.0f} KiB for {NOTES} notes")
        ana.close()
        ben.close()


if __name__ == "__main__":
    main()
