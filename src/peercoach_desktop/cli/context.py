"""What every command gets: the parsed arguments, the library of notebooks, and how to read a
passphrase or a text argument. Kept apart from `main` so command modules import it without a cycle."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peercoach_desktop.cli.render import visible
from peercoach_desktop.domain.clock import Clock
from peercoach_desktop.domain.errors import UsageError
from peercoach_desktop.storage.store import NotebookStore
from peercoach_desktop.system.paths import data_dir
from peercoach_desktop.vault.keystore import KeyStore, OsKeyStore
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


class Context:
    def __init__(self, args: argparse.Namespace, keystore: KeyStore | None, clock: Clock | None) -> None:
        self.args = args
        self.library = Library(data_dir(args.data_dir), keystore or OsKeyStore(), clock)
        self._passphrase: str | None = None
        self.open_window: Callable[[Path], int] | None = None  # set by the launcher

    def passphrase(self) -> str:
        if self._passphrase is None:
            self._passphrase = read_passphrase(self.args.passphrase_file, confirm=False)
        return self._passphrase

    def open(self, ref: str) -> NotebookStore:
        descriptor = self.library.resolve(ref)
        return open_notebook(self.library, descriptor, self.passphrase if descriptor.kdf else None)

    def emit(self, data: Any, lines: Callable[[], Any]) -> None:
        if self.args.json:
            print(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            for line in lines():
                print(visible(str(line)))  # partner text never drives the terminal


def read_passphrase(source: str | None, *, confirm: bool) -> str:
    if source == "-":
        return sys.stdin.readline().rstrip("\n")
    if source:
        return Path(source).read_text(encoding="utf-8").rstrip("\n")
    if not sys.stdin.isatty():
        raise UsageError("A passphrase is needed: give --passphrase-file FILE (or - for stdin).")
    from getpass import getpass

    first = getpass("Notebook passphrase: ")
    if confirm and getpass("Repeat the passphrase: ") != first:
        raise UsageError("The two passphrases differ.")
    return first


def read_text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value
