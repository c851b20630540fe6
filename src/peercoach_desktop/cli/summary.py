"""`peercoach summary`: a session or a date range as Markdown or PDF, written atomically."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.system.files import write_atomic

if TYPE_CHECKING:
    from peercoach_desktop.coaching import summary


def render(built: summary.Summary, fmt: str) -> bytes:
    from peercoach_desktop.coaching import summary  # here: every command builds this parser

    text = summary.to_markdown(built)
    if fmt == "md":
        return text.encode("utf-8")
    from peercoach_desktop.coaching.summary_pdf import markdown_to_pdf

    return markdown_to_pdf(text, f"{built.title}: session summary")


def cmd_summary(ctx: Any) -> None:
    from peercoach_desktop.coaching import summary

    a = ctx.args
    out = Path(a.out)
    fmt = a.format or ("pdf" if out.suffix.lower() == ".pdf" else "md")
    if fmt not in ("md", "pdf"):
        raise UsageError("--format is md or pdf.")
    with ctx.open(a.partnership) as store:
        built = summary.build(
            store, session=a.session, since=a.since, until=a.until, include_private=a.include_private
        )
    write_atomic(out, render(built, fmt))
    count = len(built.sessions)
    ctx.emit({"path": str(out), "format": fmt, "sessions": count}, lambda: [str(out)])
    if not a.json:
        private = "with your private notes" if a.include_private else "without private notes"
        print(f"{count} session(s) written, {private}.", file=sys.stderr)


def register(add: Callable[..., Any]) -> None:
    p = add("summary", cmd_summary, "write a session summary (Markdown or PDF) to share on purpose")
    p.add_argument("partnership", metavar="P")
    p.add_argument("--session", metavar="S", help="one session (id or prefix)")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--format", choices=("md", "pdf"), help="default: from the file name")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--include-private", action="store_true", help="add your own private notes")
