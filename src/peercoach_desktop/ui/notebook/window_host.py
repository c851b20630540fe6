"""What the notebook's window parts (history, summary, trash) and the shell's actions ask of the
main window: the shared WindowHost plus the notebook view itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from peercoach_desktop.ui.infra.window_host import WindowHost

if TYPE_CHECKING:
    from peercoach_desktop.ui.notebook.notebook_view import NotebookView


class NotebookHost(WindowHost, Protocol):
    notebook: NotebookView
