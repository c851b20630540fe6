"""The installable app: the real PyInstaller build run as a user would run it, its installer,
and the Linux desktop entry and AppStream metainfo checked by the freedesktop validators.

The build is packaging/build_linux.sh, the same command as `make package`; it is a no-op when
nothing changed since the last build, so only the first run here costs ~20 s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from peercoach_desktop import APP_RDNS, __version__
from peercoach_desktop.system.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "peercoach-desktop"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_RDNS}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_RDNS}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# A user downloads this; PySide6-Essentials alone is 238 MiB installed, the bundle ~146 MiB.
MAX_BUNDLE_MIB = 180
# QtNetwork (the single-instance socket) and QtDBus (lock on screen lock) are used.
# QtCharts draws the Progress charts; its QML part ("Qml") stays out.
UNUSED_QT = ("WebEngine", "Qml", "Quick", "Pdf", "Multimedia", "3D", "gtk")

pytestmark = pytest.mark.packaging


def program(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: scripts/bootstrap.sh test installs it (make test does)"
    return path


@pytest.fixture(scope="module")
def bundle() -> Path:
    proc = subprocess.run(
        [str(ROOT / "packaging" / "build_linux.sh")], capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return DIST


def run(exe: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=120)


def bundle_mib(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def test_desktop_entry_and_metainfo_pass_the_validators() -> None:
    desktop = subprocess.run([program("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert desktop.returncode == 0 and not desktop.stdout.strip(), desktop.stdout + desktop.stderr
    appstream = subprocess.run(
        [program("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert appstream.returncode == 0, appstream.stdout + appstream.stderr


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_RDNS
    assert root.findtext("launchable") == DESKTOP.name
    # The newest release listed must be this version, so software centres show the right one.
    assert root.find("releases/release").get("version") == __version__
    entry = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert entry["Icon"] == APP_RDNS
    assert resource_path("icons", f"{APP_RDNS}.svg").is_file()  # the window icon, from source


def test_built_cli_reports_its_version(bundle: Path) -> None:
    result = run(bundle / "peercoach", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"peercoach {__version__}"


def test_built_app_keeps_a_notebook_in_the_real_keyring_and_opens_it(
    bundle: Path, secret_service: dict[str, str], tmp_path: Path
) -> None:
    """Frozen SQLCipher, keyring backend and Qt, end to end: create, check, show the window."""
    data = str(tmp_path / "data")
    cli = bundle / "peercoach"
    new = run(cli, "--data-dir", data, "new", "--me", "Ana", "--partner", "Ben", "--json", env=secret_service)
    assert new.returncode == 0, new.stderr
    notebook_id = json.loads(new.stdout)["id"]

    doctor = run(cli, "--data-dir", data, "doctor", "--json", env=secret_service)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    report = json.loads(doctor.stdout)
    assert report["keyring"] == {"backend": "keyring.backends.SecretService.Keyring", "ok": True}
    assert [(n["id"], n["ok"]) for n in report["notebooks"]] == [(notebook_id, True)]

    insist = dict(secret_service, PEERCOACH_READ_AHEAD="1")  # the read-ahead is in the build too
    gui = run(bundle / "peercoach-desktop", "--data-dir", data, "--check-startup", env=insist)
    assert gui.returncode == 0, gui.stdout + gui.stderr
    assert re.fullmatch(
        r"startup ok: offscreen, window \d+x\d+, 1 notebook\(s\) open, 0 locked, first screen read ahead",
        gui.stdout.strip(),
    )

    # Without the keyring the same notebook shows as locked: the check tells the two apart.
    no_keyring = dict(secret_service, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    gui = run(bundle / "peercoach-desktop", "--data-dir", data, "--check-startup", env=no_keyring)
    assert re.fullmatch(
        r"startup ok: offscreen, window \d+x\d+, 0 notebook\(s\) open, 1 locked, first screen opened here",
        gui.stdout.strip(),
    )


def test_built_window_starts_on_a_real_x_display(bundle: Path, tmp_path: Path) -> None:
    """The xcb plugin and the X libraries it needs are in the bundle (pruning kept them)."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    env.pop("QT_QPA_PLATFORM")
    xvfb = [program("xvfb-run"), "-a", "-s", "-screen 0 1280x800x24"]
    gui = subprocess.run(
        [*xvfb, str(bundle / "peercoach-desktop"), "--data-dir", str(tmp_path), "--check-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert gui.returncode == 0, gui.stdout + gui.stderr
    assert re.fullmatch(
        r"startup ok: xcb, window \d+x\d+, 0 notebook\(s\) open, 0 locked, first screen opened here",
        gui.stdout.strip(),
    )


def test_built_doctor_reports_a_missing_keyring(bundle: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    doctor = run(bundle / "peercoach", "--data-dir", str(tmp_path), "doctor", env=env)
    assert doctor.returncode == 1
    assert "keyring:  PROBLEM:" in doctor.stdout and doctor.stdout.strip().endswith("problems found")


def test_bundle_holds_resources_and_icons_but_no_unused_qt(bundle: Path) -> None:
    internal = bundle / "_internal"
    wanted = {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()}
    bundled = {p.relative_to(internal / "resources") for p in (internal / "resources").rglob("*")}
    assert wanted <= bundled
    assert list((internal / "sqlcipher3").glob("_sqlite3*.so"))
    unused = [p.name for p in internal.rglob("*") if any(u in p.name for u in UNUSED_QT)]
    assert unused == []
    assert list(internal.rglob("*Qt6Charts*"))  # the Progress charts' library came along
    assert bundle_mib(bundle) < MAX_BUNDLE_MIB
    hicolor = bundle / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_RDNS}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank


def test_install_script_installs_and_uninstalls_for_one_user(bundle: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    env = dict(os.environ, PREFIX=str(prefix))
    install = subprocess.run(
        [str(bundle / "install.sh")], capture_output=True, text=True, env=env, timeout=120
    )
    assert install.returncode == 0, install.stdout + install.stderr
    version = run(prefix / "bin" / "peercoach", "--version")
    assert version.stdout.strip() == f"peercoach {__version__}", version.stderr
    desktop = prefix / "share" / "applications" / DESKTOP.name
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line == f"Exec={prefix}/lib/peercoach-desktop/peercoach-desktop"
    check = subprocess.run([program("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_RDNS}.svg").is_file()

    remove = subprocess.run(
        [str(bundle / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env, timeout=60
    )
    assert remove.returncode == 0, remove.stderr
    left = [str(p) for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    assert left == []


def packaging_common():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import pyinstaller_common
    finally:
        sys.path.pop(0)
    return pyinstaller_common


def test_windows_and_macos_builds_carry_the_app_id_and_version() -> None:
    """These specs only run on their own OS; their metadata is checked here."""
    common = packaging_common()
    for spec in ("linux.spec", "windows.spec", "macos.spec"):
        compile((ROOT / "packaging" / spec).read_text(), spec, "exec")
    plist = common.macos_info_plist()
    assert plist["CFBundleIdentifier"] == APP_RDNS
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"] == "14.0"  # PySide6 6.12's macOS wheels need Sonoma

    # Evaluate the Windows version resource the way PyInstaller does, with recording stand-ins.
    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    namespace = {name: record(name) for name in (*names, "VarFileInfo", "VarStruct")}
    resource = eval(common.windows_version_text("peercoach-desktop", "PeerCoach Desktop"), namespace)
    fixed, strings, _var = resource[2]["ffi"], resource[2]["kids"][0], resource[2]["kids"][1]
    numbers = tuple(int(n) for n in __version__.split("."))
    assert fixed[2]["filevers"][: len(numbers)] == numbers
    table = {s[1][0]: s[1][1] for s in strings[1][0][0][1][1]}
    assert table["ProductVersion"] == table["FileVersion"] == __version__
    assert table["OriginalFilename"] == "peercoach-desktop.exe"
    iss = (ROOT / "packaging" / "windows" / "peercoach.iss").read_text()
    assert '#define AppExe "peercoach-desktop.exe"' in iss
