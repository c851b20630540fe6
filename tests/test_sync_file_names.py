"""Sync file names that cannot collide, and importing your own file said in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_sync_cli import Laptop, paired

from peercoach_desktop.domain.clock import FakeClock
from peercoach_desktop.sync.file_names import may_belong_to, sync_file_name

P = "3f2a9c1e-0000-4000-8000-000000000001"
ANA, BEN = "7c1e0b2d-1111-4111-8111-111111111111", "9d4f2e3a-2222-4222-8222-222222222222"


def test_two_partners_and_two_laptops_of_one_person_write_different_names() -> None:
    names = {
        sync_file_name(P, ANA, "aaaa1111-x"),
        sync_file_name(P, BEN, "bbbb2222-x"),
        sync_file_name(P, BEN, "cccc3333-x"),  # Ben's second laptop
    }
    assert len(names) == 3
    assert sync_file_name(P, ANA, "aaaa1111-x") == "3f2a9c1e-7c1e0b2d-aaaa.pcsync"
    for name in names:
        assert may_belong_to(name, P) and not may_belong_to(name, BEN)
    # a sync engine's conflict copy keeps the start of the name
    assert may_belong_to("3f2a9c1e-9d4f2e3a-bbbb.sync-conflict-20260101-101010-ABCDEFG.pcsync", P)


@pytest.fixture
def two_laptops(tmp_path: Path, capsys, monkeypatch) -> tuple[Laptop, Laptop]:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    return (
        Laptop(tmp_path / "ana", clock, capsys, monkeypatch),
        Laptop(tmp_path / "ben", clock, capsys, monkeypatch),
    )


def test_export_to_a_folder_uses_the_senders_name_and_own_file_is_refused_in_words(
    two_laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    ana, ben = two_laptops
    pid = paired(ana, ben, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    for laptop in (ana, ben):
        code, out, err = laptop("export", pid, "--out", str(shared), "--json")
        assert code == 0, err
    names = sorted(p.name for p in shared.iterdir())
    assert len(names) == 2 and all(n.startswith(pid.replace("-", "")[:8] + "-") for n in names)
    ana_file = Path(json.loads(ana("export", pid, "--out", str(shared), "--json")[1])["path"])

    code, out, err = ana("import", str(ana_file))
    assert code == 1 and err.strip() == "peercoach: This is your own sync file; nothing to import."
    code, out, err = ben("import", str(ana_file), "--json")
    assert code == 0 and json.loads(out)["sender"] != ""
