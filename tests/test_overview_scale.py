"""The overview at ten years of notes (issue 19): thousands of open steps are summed up, not
laid out one by one (QTextBrowser.setHtml of 5,000 items stalled the window ~2 s)."""

from __future__ import annotations

from pathlib import Path

from peercoach_desktop.storage import browse
from peercoach_desktop.ui.notebook.overview import SHOWN_STEPS, overview_html
from peercoach_desktop.vault.keystore import MemoryKeyStore
from peercoach_desktop.vault.library import Library


def test_the_overview_lists_the_soonest_steps_and_counts_the_rest(tmp_path: Path) -> None:
    created = Library(tmp_path, MemoryKeyStore()).create("Ana", "Ben")
    store = created.store
    for n in range(SHOWN_STEPS + 12):
        store.add_step("me", f"Step number {n}", due_date=f"2030-01-{1 + n % 28:02d}")
    html = overview_html(browse.overview(store, "2026-01-05T09:00:00.000Z"))
    store.close()
    assert html.count("Step number") == SHOWN_STEPS
    assert f"Open next steps ({SHOWN_STEPS + 12})" in html
    assert "… and 12 more in the Next steps tab" in html
    assert "Step number 0 " in html  # due first of the month: among the soonest
