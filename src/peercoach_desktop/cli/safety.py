"""peercoach backup / restore-backup / rekey: keeping a notebook's words and keys safe."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peercoach_desktop.cli.context import Context


def cmd_backup(ctx: Context) -> None:
    from peercoach_desktop.vault.backup import backup_now

    descriptor = ctx.library.resolve(ctx.args.partnership)
    out: str = ctx.args.out
    # Path() drops a trailing slash: "DIR/" must not become a file named DIR when DIR is missing.
    folder = out.endswith(("/", os.sep))
    passphrase = ctx.passphrase if descriptor.kdf else None
    target = backup_now(ctx.library, descriptor, Path(out), passphrase, into_folder=folder)
    if ctx.args.json:
        print(json.dumps({"id": descriptor.partnership_id, "backup": str(target)}, indent=2))
        return
    print(target)
    print(
        "The backup is encrypted; it opens with this notebook's recovery code:\n"
        f"  peercoach restore-backup {target} --code RECOVERY-CODE",
        file=sys.stderr,
    )


def _ask_conflict(message: str) -> str:
    """In a terminal, ask what to do; elsewhere refuse, so a script never overwrites by accident."""
    from peercoach_desktop.vault.restore import BESIDE, REFUSE, REPLACE

    if not sys.stdin.isatty():
        return REFUSE
    print(message, file=sys.stderr)
    answer = input("Restore [b]eside it, [r]eplace it, or [c]ancel? ").strip().lower()
    return {"b": BESIDE, "r": REPLACE}.get(answer[:1], REFUSE)


def cmd_restore_backup(ctx: Context) -> None:
    from peercoach_desktop.vault import restore

    a = ctx.args
    code = sys.stdin.readline().strip() if a.code == "-" else a.code
    conflict = restore.BESIDE if a.beside else restore.REPLACE if a.replace else restore.REFUSE
    source = Path(a.file)
    try:
        done = restore.restore(ctx.library, source, code, conflict=conflict)
    except restore.RestoreConflictError as exc:
        conflict = _ask_conflict(str(exc))
        if conflict == restore.REFUSE:
            raise
        done = restore.restore(ctx.library, source, code, conflict=conflict)
    d = done.descriptor
    if a.json:
        data: dict[str, Any] = {"id": d.partnership_id, "notebook_id": d.notebook_id, "how": done.how}
        data["replaced_copy"] = str(done.replaced_copy) if done.replaced_copy else None
        print(json.dumps(data, indent=2))
        return
    what = {
        "new": f"Restored {done.title!r}; its key is in the keyring.",
        restore.BESIDE: f"Restored beside the current notebook as {done.title!r} (a separate copy).",
        restore.REPLACE: f"Replaced the notebook with the backup; the old one is in {done.replaced_copy}.",
    }[done.how]
    from peercoach_desktop.cli.render import visible

    print(visible(what), file=sys.stderr)  # the title is the partner's text too
    print(d.partnership_id)


def cmd_rekey(ctx: Context) -> None:
    from peercoach_desktop.vault.rekey import code_shown, rekey

    descriptor = ctx.library.resolve(ctx.args.partnership)
    done = rekey(ctx.library, descriptor)
    try:
        _print_rekeyed(ctx, done)
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return  # not shown (a closed pipe): the next open names the new code instead
    code_shown(ctx.library, descriptor)


def _print_rekeyed(ctx: Context, done: Any) -> None:
    descriptor = done.descriptor
    if ctx.args.json:
        data = {
            "id": descriptor.partnership_id,
            "recovery_code": done.recovery_code,
            "fresh_backup": str(done.fresh_backup) if done.fresh_backup else None,
            "old_code_backups": [str(p) for p in done.old_backups],
        }
        print(json.dumps(data, indent=2))
        return
    print(descriptor.partnership_id)
    lines = [
        "New key in place. The old key and the old recovery code no longer open this notebook.",
        "New recovery code (shown only this once; keep it somewhere safe, away from this laptop):",
        f"  {done.recovery_code}",
    ]
    if done.old_backups:
        lines.append(
            f"{len(done.old_backups)} older backup(s) in {ctx.library.backups_dir} still open only "
            "with the OLD recovery code: keep that code as long as you keep them, or delete them."
        )
    print("\n".join(lines), file=sys.stderr)


def register(sub: Any, add: Any) -> None:
    """Add the commands to the `peercoach` parser (called from cli.build_parser)."""
    p = add("backup", cmd_backup, "write an encrypted copy of a notebook, even while it is open")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file (or a folder for it)")
    p = add(
        "restore-backup",
        cmd_restore_backup,
        "restore a backup with its recovery code; never overwrites a notebook silently",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--code", required=True, help="the notebook's recovery code; - reads it from stdin")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--beside", action="store_true", help="if it exists here: restore as a separate copy")
    how.add_argument("--replace", action="store_true", help="if it exists here: replace it (kept first)")
    p = add("rekey", cmd_rekey, "give a notebook a new key and a new recovery code")
    p.add_argument("partnership", metavar="P")


def print_notices(notices: list[str]) -> None:
    for notice in notices:
        print(f"peercoach: note: {notice}", file=sys.stderr)
