"""Ten years of notes (issue 19): sync, search, start-up and `show --json` at 1k/10k/100k notes.

Each size uses a cached notebook pair (scale_data.py): Ana's notebook with N notes and Ben's
freshly joined one. Whole-process figures (export, import, show) run the installed
`peercoach` command against a real Secret Service, interleaved with their floor (a bare
`import sqlcipher3, keyring` process) in the same rounds; medians over BENCH_ROUNDS rounds.
The GUI stall is the longest gap of a 5 ms timer on the window's thread while the window
previews and applies an import of Ana's file on its worker. Start-up ("content visible") is
held against a minimal notebook window, with the bare window's ratio beside it (start_floors.py).

Run: make bench, or BENCH_SIZES=10000 BENCH_ROUNDS=3 .venv/bin/python bench/bench_scale.py
BENCH_ONLY=start,search (any of processes, import, search, stall, start) runs only those parts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from common import OVER, bench_setup, median_ms, report, timed
from scale_data import COMMON_WORD, Pair, pair, reset_ben
from start_floors import report_content_visible, start_rounds

from peercoach_desktop.sync import exchange
from peercoach_desktop.vault.keystore import OsKeyStore

SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
SEARCHES = {
    "common word (90% of notes)": COMMON_WORD,
    "5-letter prefix": "deleg",
    "two words": f"{COMMON_WORD} manager",
    "rare word": "w2900",
}
PARTS = os.environ.get("BENCH_ONLY", "processes,import,search,stall,start").split(",")
SCRIPT = str(Path(sys.executable).with_name("peercoach"))


# A small process that spawns the measured one and reports its time and peak RSS. A child's
# ru_maxrss includes the address space it was spawned from (Python spawns by vfork, and Linux
# keeps the larger high-water mark across exec): spawned from this benchmark, which holds Qt and
# notebooks by then, every process measured 140 MiB, even a show --json of 1k notes (41 MiB).
TRAMPOLINE = """
import os, sys, time
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
elapsed = (time.perf_counter() - start) * 1000
with open(os.environ["PEERCOACH_BENCH_MEASURE"], "w") as report:
    report.write(f"{elapsed} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(cmd: list[str], env: dict[str, str], out: Path | None = None) -> tuple[float, float]:
    """Milliseconds spawn-to-exit and peak RSS (MiB) of one process; stdout to `out` or dropped."""
    with tempfile.NamedTemporaryFile("r", suffix=".measure") as measure:
        with out.open("wb") if out else open(os.devnull, "wb") as sink:
            done = subprocess.run(
                [sys.executable, "-c", TRAMPOLINE, *cmd],
                env={**env, "PEERCOACH_BENCH_MEASURE": measure.name},
                stdout=sink,
                stderr=subprocess.PIPE,
            )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[1:])} failed: {done.stderr.decode()[-800:]}")
        elapsed, maxrss_kib = measure.read().split()
    return float(elapsed), int(maxrss_kib) / 1024


def bench_processes(notes: int, p: Pair, env: dict[str, str], work: Path) -> None:
    label = f"{notes // 1000}k"
    sync_file = work / f"ana-{notes}.pcsync"
    export = [SCRIPT, "--data-dir", str(p.ana_dir), "export", p.partnership_id, "--out", str(sync_file)]
    show = [SCRIPT, "--data-dir", str(p.ana_dir), "show", p.partnership_id, "--json"]
    floor_cmd = [sys.executable, "-c", "import sqlcipher3, keyring"]
    figures: dict[str, list[tuple[float, float]]] = {k: [] for k in ("floor", "export", "show")}
    for _ in range(ROUNDS):
        figures["floor"].append(run(floor_cmd, env))
        figures["export"].append(run(export, env))
        figures["show"].append(run(show, env, work / "show.json"))
    floor = median_ms([t for t, _ in figures["floor"]])
    size_mib = sync_file.stat().st_size / 2**20
    report(
        f"{label}: export (whole process, {size_mib:.1f} MiB)",
        median_ms([t for t, _ in figures["export"]]),
        floor,
        "<= 3 s",
    )
    show_mib = (work / "show.json").stat().st_size / 2**20
    report(
        f"{label}: show --json ({show_mib:.0f} MiB out)",
        median_ms([t for t, _ in figures["show"]]),
        floor,
        "<= 2 s",
    )
    report(
        f"{label}: show --json peak RSS",
        median_ms([r for _, r in figures["show"]]),
        None,
        "<= 100 MiB",
        "MiB",
    )


def bench_import(notes: int, p: Pair, work: Path) -> None:
    """In-process, as the window's worker runs it: the first import into Ben's empty notebook,
    then the same file again (nothing new). Floor: reading the file's bytes."""
    label = f"{notes // 1000}k"
    sync_file = work / f"ana-{notes}.pcsync"
    first, again, said = [], [], None
    for _ in range(ROUNDS):
        reset_ben(notes, p)
        library = p.library("ben")
        descriptor = library.descriptors()[0]
        with library.open(descriptor) as store:
            key = exchange.sync_key(library, descriptor, store)
            first += timed(lambda store=store, key=key: exchange.apply_import(store, sync_file, key), 1)
            start = time.perf_counter()
            said = exchange.apply_import(store, sync_file, key)
            again.append((time.perf_counter() - start) * 1000)
    floor = median_ms(timed(sync_file.read_bytes, 5))
    report(f"{label}: first import + merge (in-process)", median_ms(first), floor, "<= 3 s")
    report(f"{label}: import of the same file again", median_ms(again), floor, "<= 0.5 s")
    assert said is not None
    print(f"  (the re-import reported {said.counts.as_dict()})")


def bench_search(notes: int, p: Pair) -> None:
    store = p.library("ana").open(p.library("ana").descriptors()[0])
    for term in SEARCHES.values():
        store.search(term)  # a warm page cache, as a running app has
    for what, term in SEARCHES.items():
        samples = timed(lambda term=term: store.search(term), 15)
        report(f"{notes // 1000}k: search, {what} {term!r}", median_ms(samples), None, "<= 10 ms")
    store.close()


def bench_start(notes: int, p: Pair, env: dict[str, str], work: Path) -> None:
    samples = start_rounds(p.ana_dir, env, work, ROUNDS, ["content"])
    report_content_visible(f"{notes // 1000}k", samples)


def bench_stall(notes: int, p: Pair, work: Path) -> None:
    from bench_progress import Stalls, wait_for
    from PySide6.QtWidgets import QApplication

    from peercoach_desktop.ui.infra.file_choice import set_next_path
    from peercoach_desktop.ui.infra.settings import Preferences
    from peercoach_desktop.ui.partners import partner_sync
    from peercoach_desktop.ui.shell.main_window import MainWindow

    os.environ["PEERCOACH_CONFIG_DIR"] = str(work / "config")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sync_file = work / f"ana-{notes}.pcsync"
    stalls = Stalls()
    worst = []
    for _ in range(max(1, ROUNDS // 2)):
        reset_ben(notes, p)
        window = MainWindow(p.library("ben"), Preferences())
        window.show()
        window.load()
        wait_for(lambda window=window: window.tasks.pending == 0, "the window to load")
        stalls.start()
        set_next_path(str(sync_file))
        partner_sync.import_file(window, str(sync_file))
        wait_for(lambda window=window: "import_preview_dialog" in window.dialogs, "the import preview")
        window.dialogs["import_preview_dialog"].accept()
        wait_for(lambda window=window: window.tasks.pending == 0, "the import")
        worst.append(stalls.stop())
        window.close()
        window.tasks.shutdown()
        window.deleteLater()
        app.processEvents()
    report(f"{notes // 1000}k: longest GUI stall, import via window", max(worst), None, "<= 50 ms")


def main() -> None:
    with bench_setup() as (work, env):
        os.environ["QT_QPA_PLATFORM"] = env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
        for notes in SIZES:
            p = pair(notes, work)
            p.library("ana", OsKeyStore())  # the keys into this run's keyring, for the processes
            if "processes" in PARTS:
                bench_processes(notes, p, env, work)
            if "import" in PARTS:
                bench_import(notes, p, work)
            if "search" in PARTS:
                bench_search(notes, p)
            if "stall" in PARTS:
                bench_stall(notes, p, work)
            if "start" in PARTS:
                bench_start(notes, p, env, work)
    if OVER and not common.RUN_BY_ALL:  # run alone; run_all.py sums up (runpy sets argv[0])
        sys.exit(1)


if __name__ == "__main__":
    main()
