"""`peercoach doctor`: is the keyring usable, where is the data, does every notebook check out."""

from __future__ import annotations

import json
from typing import Any

from peercoach_desktop.domain.errors import PeerCoachError
from peercoach_desktop.vault.keyring_probe import probe
from peercoach_desktop.vault.library import Library
from peercoach_desktop.vault.opener import open_notebook


def run_doctor(library: Library, as_json: bool) -> bool:
    report: dict[str, Any] = {"data_dir": str(library.data_dir), "notebooks": []}
    try:
        backend = library.keystore.name
        probe(library.keystore)  # a name is not proof: store, read and delete a probe entry
        report["keyring"] = {"backend": backend, "ok": True}
        problem = getattr(library.keystore, "fast_path_problem", None)
        if problem:  # keys still come through keyring, only slower: a note, not a failure
            report["keyring"]["fast_path_problem"] = problem
    except PeerCoachError as exc:
        report["keyring"] = {"backend": None, "ok": False, "problem": str(exc)}
    healthy = report["keyring"]["ok"]
    try:
        descriptors = library.descriptors()
    except PeerCoachError as exc:
        descriptors, healthy = [], False
        report["problem"] = str(exc)
    for descriptor in descriptors:
        entry: dict[str, Any] = {
            "id": descriptor.partnership_id,
            "path": str(descriptor.path),
            "key_mode": descriptor.key_mode,
        }
        if descriptor.kdf is not None:
            entry |= {"ok": None, "problem": "passphrase-protected: not opened by doctor"}
        else:
            try:
                store = open_notebook(library, descriptor)
            except PeerCoachError as exc:
                entry |= {"ok": False, "problem": str(exc)}
            else:
                try:
                    problems = store.integrity_problems()
                finally:
                    store.close()
                entry |= {"ok": not problems, "problems": problems}
        healthy = healthy and entry["ok"] is not False
        report["notebooks"].append(entry)
    report["ok"] = healthy
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        for line in _lines(report):
            print(line)
    return healthy


def _lines(report: dict[str, Any]) -> Any:
    keyring = report["keyring"]
    yield f"keyring:  {keyring['backend'] if keyring['ok'] else 'PROBLEM: ' + keyring['problem']}"
    if keyring.get("fast_path_problem"):
        yield f"          (the direct Secret Service read failed: {keyring['fast_path_problem']}; slower)"
    yield f"data dir: {report['data_dir']}"
    if "problem" in report:
        yield f"PROBLEM: {report['problem']}"
    if not report["notebooks"]:
        yield "notebooks: none yet"
    for entry in report["notebooks"]:
        if entry["ok"]:
            state = "ok (cipher_integrity_check and quick_check passed)"
        elif entry["ok"] is None:
            state = entry["problem"]
        else:
            state = "PROBLEM: " + (entry.get("problem") or "; ".join(entry["problems"]))
        yield f"notebook {entry['id'][:8]}: {state}"
    yield "all good" if report["ok"] else "problems found"
