"""Two real Syncthing instances on loopback, carrying one folder between two "laptops".

Each instance gets its own home (keys, config, database) and its own copy of the shared folder,
and talks only to the other one, on 127.0.0.1: global and local discovery, relays, NAT
traversal, usage and crash reporting and upgrades are all off. Ports are chosen free at start
(bound to port 0, then released), so two runs or two helpers never collide. Readiness is a
bounded poll of the REST API, never a fixed sleep; every process is stopped by its own pid.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FOLDER_ID = "peercoach"
START_TIMEOUT = 60.0  # room for one 20 s Hello timeout on a busy machine
MISSING = "syncthing is not installed: run scripts/bootstrap.sh test (it installs Debian's syncthing)"


def wait_for(condition: Callable[[], Any], timeout: float, what: str, *, why: Callable[[], str] = str) -> Any:
    """Poll until `condition()` is truthy (its value is returned); fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout:.0f} s. {why()}".rstrip())
        time.sleep(0.05)


def free_ports(count: int) -> list[int]:
    """Ports free on loopback right now: all held open together, so they differ from each other."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]


@dataclass
class Engine:
    """One Syncthing instance: the laptop's sync tool."""

    name: str
    root: Path
    gui_port: int
    listen_port: int
    api_key: str = field(default_factory=lambda: secrets.token_hex(16))
    device_id: str = ""
    proc: subprocess.Popen[bytes] | None = None

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def folder(self) -> Path:
        """This laptop's copy of the shared folder."""
        return self.root / "Sync"

    @property
    def log(self) -> Path:
        return self.root / "syncthing.log"

    @property
    def listen_address(self) -> str:
        return f"tcp://127.0.0.1:{self.listen_port}"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ST")}
        # STMONITORED: run as one process, without Syncthing's restarting monitor around it, so
        # the pid we started is the whole instance and stopping it stops everything.
        env.update(
            HOME=str(self.root), STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1", STMONITORED="1"
        )
        return env

    def log_tail(self) -> str:
        try:
            lines = self.log.read_text(errors="replace").splitlines()
        except FileNotFoundError:
            return f"{self.name}'s Syncthing wrote no log."
        return f"{self.name}'s Syncthing log ends:\n" + "\n".join(lines[-15:])

    # ----- REST ---------------------------------------------------------------------------------

    def call(self, method: str, path: str, **params: str) -> Any:
        query = "&".join(f"{k}={urllib.request.quote(v)}" for k, v in params.items())
        url = f"http://127.0.0.1:{self.gui_port}{path}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, method=method, headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=10) as reply:
            body = reply.read()
        return json.loads(body) if body.strip() else None

    def get(self, path: str, **params: str) -> Any:
        return self.call("GET", path, **params)

    def post(self, path: str, **params: str) -> Any:
        return self.call("POST", path, **params)

    def answers(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(
                f"{self.name}'s Syncthing exited ({self.proc.returncode}). {self.log_tail()}"
            )
        try:
            return self.get("/rest/system/ping") == {"ping": "pong"}
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def connected_to(self, other: Engine) -> bool:
        connections = self.get("/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def local_file(self, name: str) -> dict[str, Any] | None:
        """What this instance's database holds for a file of the shared folder (None: unknown)."""
        try:
            return self.get("/rest/db/file", folder=FOLDER_ID, file=name)["local"]
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return None
            raise

    def scan(self) -> None:
        """Scan the shared folder now; returns when the scan is done."""
        self.post("/rest/db/scan", folder=FOLDER_ID)

    def idle(self) -> bool:
        return self.get("/rest/db/status", folder=FOLDER_ID)["state"] == "idle"

    def completion_of(self, other: Engine) -> float:
        """How much of the shared folder, as this instance knows it, the other instance has."""
        reply = self.get("/rest/db/completion", folder=FOLDER_ID, device=other.device_id)
        return float(reply["completion"])


def generate(engine: Engine) -> None:
    """Keys and a device id, from Syncthing itself."""
    engine.home.mkdir(parents=True)
    done = subprocess.run(
        ["syncthing", "generate", f"--home={engine.home}"],
        capture_output=True,
        text=True,
        env=engine.env(),
        timeout=60,
    )
    found = re.search(r"Device ID: ([A-Z0-9]{7}(?:-[A-Z0-9]{7}){7})", done.stdout + done.stderr)
    if done.returncode != 0 or found is None:
        raise AssertionError(f"syncthing generate failed ({done.returncode}): {done.stdout}{done.stderr}")
    engine.device_id = found.group(1)


def config_xml(engine: Engine, peer: Engine, *, dials: bool) -> str:
    """The whole config.xml, written before the first start: nothing reaches beyond loopback."""
    return f"""<configuration version="36">
    <folder id="{FOLDER_ID}" label="PeerCoach" path="{engine.folder}" type="sendreceive"
            rescanIntervalS="10" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false"
            autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{engine.device_id}" introducedBy=""></device>
        <device id="{peer.device_id}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="{engine.device_id}" name="{engine.name}" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="{peer.device_id}" name="{peer.name}" compression="metadata" introducer="false">
        <address>{peer.listen_address if dials else "dynamic"}</address>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{engine.gui_port}</address>
        <apikey>{engine.api_key}</apikey>
    </gui>
    <options>
        <listenAddress>{engine.listen_address}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunServer></stunServer>
        <announceLANAddresses>false</announceLANAddresses>
        <urAccepted>-1</urAccepted>
        <urInitialDelayS>3600</urInitialDelayS>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <restartOnWakeup>false</restartOnWakeup>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
"""


def start(engine: Engine) -> None:
    with open(engine.log, "wb") as log:  # the child keeps its own descriptor
        engine.proc = subprocess.Popen(
            [
                "syncthing",
                "serve",
                f"--home={engine.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--no-default-folder",
                "--logflags=2",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=engine.env(),
        )


def stop(engine: Engine) -> None:
    proc = engine.proc
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def set_up(root: Path, names: tuple[str, str]) -> tuple[Engine, Engine]:
    """Two instances, introduced to each other by id and address, sharing one folder."""
    if shutil.which("syncthing") is None:
        raise AssertionError(MISSING)
    ports = free_ports(4)
    a = Engine(names[0], root / names[0].lower(), ports[0], ports[1])
    b = Engine(names[1], root / names[1].lower(), ports[2], ports[3])
    for engine in (a, b):
        generate(engine)
        (engine.folder / ".stfolder").mkdir(parents=True)  # the folder marker: the root is ready
    # Only the first dials the second (with discovery off, "dynamic" resolves to nothing): when
    # both dial at once, each may reject the other's connection as a duplicate and both then
    # wait out Syncthing's 20 s Hello timeout (seen in a full run).
    for engine, peer, dials in ((a, b, True), (b, a, False)):
        (engine.home / "config.xml").write_text(config_xml(engine, peer, dials=dials))
    return a, b


@contextlib.contextmanager
def syncthing_pair(root: Path, names: tuple[str, str] = ("Ana", "Ben")) -> Iterator[tuple[Engine, Engine]]:
    """Yield two running, connected instances; stop both on the way out, whatever happened."""
    a, b = set_up(root, names)
    try:
        for engine in (a, b):
            start(engine)
        for engine in (a, b):
            wait_for(
                engine.answers, START_TIMEOUT, f"{engine.name}'s Syncthing answering", why=engine.log_tail
            )
        wait_connected(a, b)
        yield a, b
    finally:
        for engine in (a, b):
            stop(engine)


def wait_connected(a: Engine, b: Engine, timeout: float = START_TIMEOUT) -> None:
    wait_for(
        lambda: a.connected_to(b) and b.connected_to(a),
        timeout,
        "The two Syncthing instances connecting",
        why=lambda: a.log_tail() + "\n" + b.log_tail(),
    )


def wait_disconnected(a: Engine, b: Engine, timeout: float = START_TIMEOUT) -> None:
    wait_for(
        lambda: not a.connected_to(b) and not b.connected_to(a),
        timeout,
        "The two Syncthing instances disconnecting",
    )
