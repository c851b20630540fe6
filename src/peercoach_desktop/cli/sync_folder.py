"""peercoach sync P --folder DIR [--watch]: keep a partnership in step through a shared folder.

One round (import what changed, write our file if our shared records changed) for scripts and
cron; with --watch, a round every --interval seconds until interrupted, for a headless laptop.
A poll, not a file-system watcher: network and FUSE folders do not report changes, and the CLI
stays free of Qt.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peercoach_desktop.cli.context import Context
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.vault.opener import open_notebook

if TYPE_CHECKING:
    # Imported by cmd_sync: every other command builds this parser too.
    from peercoach_desktop.sync import folder


def _lines(report: folder.RoundReport, partner: str) -> list[str]:
    c = report.counts
    lines = []
    if report.received:
        lines.append(
            f"Received {partner}'s changes: {c.added} added, {c.updated} updated, {c.deleted} deleted, "
            f"{c.conflicted} conflicted."
        )
    if report.sent:
        lines.append(f"Sent this laptop's shared records ({report.sent}).")
    for name, problem in sorted(report.problems.items()):
        lines.append(f"{name}: {problem}")
    return lines or ["Nothing new."]


def _show(report: folder.RoundReport, partner: str, as_json: bool) -> None:
    if as_json:  # one JSON object a line while watching
        print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
    else:
        print("\n".join(_lines(report, partner)), flush=True)


def cmd_sync(ctx: Context) -> None:
    from peercoach_desktop.sync import exchange, folder

    a = ctx.args
    if a.interval <= 0 or a.interval > 3600:
        raise UsageError("--interval is 1 to 3600 seconds.")
    descriptor = ctx.library.resolve(a.partnership)
    where = Path(a.folder)
    state = folder.FolderState()
    with open_notebook(ctx.library, descriptor, ctx.passphrase if descriptor.kdf else None) as store:
        key = exchange.sync_key(ctx.library, descriptor, store)
        partner = store.partner().name
        report = folder.sync_round(store, key, descriptor.notebook_id, where, state)
        if not a.watch:
            ctx.emit(report.to_dict(), lambda: _lines(report, partner))
            return
        _show(report, partner, a.json)
        # A service manager or `kill` stops a headless watcher with SIGTERM: end as on Ctrl+C,
        # between two writes, with the notebook closed properly.
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while True:
                time.sleep(a.interval)
                report = folder.sync_round(store, key, descriptor.notebook_id, where, state)
                if report.sent or report.received or report.problems:
                    _show(report, partner, a.json)
        except KeyboardInterrupt:
            return  # the notebook closes on the way out


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def register(add: Callable[..., Any]) -> None:
    p = add("sync", cmd_sync, "keep a partnership in step through a folder a sync tool carries")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--folder", required=True, metavar="DIR", help="the shared folder (Syncthing, Nextcloud…)")
    p.add_argument("--watch", action="store_true", help="keep syncing until interrupted")
    p.add_argument("--interval", type=float, default=5.0, metavar="S", help="seconds between rounds")
