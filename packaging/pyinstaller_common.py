"""What every platform's PyInstaller spec shares: entry points, data, excludes, version.

The specs (linux.spec, windows.spec, macos.spec) import this from SPECPATH. Two programs
share one folder: `peercoach` (the command line, a console program) and
`peercoach-desktop` (the window; on Windows and macOS a windowed program with no console).
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SRC = ROOT / "src"
APP_NAME = "PeerCoach Desktop"
APP_RDNS = "io.github.peercoach.PeerCoachDesktop"
DIST_NAME = "peercoach-desktop"  # the one-folder app: dist/peercoach-desktop/
CLI_NAME = "peercoach"
GUI_NAME = "peercoach-desktop"
CLI_ENTRY = str(PACKAGING / "entry_cli.py")
GUI_ENTRY = str(PACKAGING / "entry_gui.py")
ICONS = ROOT / "build" / "icons"  # written by render_icons.py before PyInstaller runs


def version() -> str:
    text = (SRC / "peercoach_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("pyinstaller_common: no __version__ in peercoach_desktop/__init__.py")
    return match.group(1)


# The whole resources/ folder (prompts, icons, sounds, compiled translations) as data.
DATAS = [(str(ROOT / "resources"), "resources")]

# We import QtCore, QtGui, QtWidgets, QtCharts (the Progress charts) and QtSvg (through the
# SVG icon plugin). The rest of PySide6-Essentials (QML/Quick, SQL drivers, designer, ...; not QtNetwork and QtDBus, which
# serve the single-instance socket and the lock on screen lock) and anything the
# Addons would bring (WebEngine, 3D, multimedia, PDF) stays out of the bundle.
EXCLUDES = [
    "tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtStateMachine",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtMultimedia",
    "PySide6.QtPdf",
    "PySide6.Qt3DCore",
]

# Qt plugins and libraries we have no use for; tests/test_packaging.py checks they stay out.
# libqgtk3 would drag the build machine's whole GTK 3 stack into the bundle (~40 MB) and
# mix it with the user's GTK modules; Qt's xdg-desktop-portal theme follows the desktop
# instead. eglfs/linuxfb/vnc/evdev are for kiosks and embedded boards, not laptops.
UNWANTED_QT = re.compile(
    r"(WebEngine|Qt6?Quick|Qt6?Qml|Qt6?Pdf|Qt6?3D|Qt6?Multimedia|Qt6?ChartsQml|VirtualKeyboard|Qt6?Designer|"
    r"qmltooling|sqldrivers|designer|/tls/|networkinformation|libqgtk3|egldeviceintegrations|"
    r"plugins/generic/|libqeglfs|libqminimalegl|libqlinuxfb|libqvnc|libqvkkhrdisplay|EglFs)",
    re.IGNORECASE,
)


def _app_modules() -> list[str]:
    return sorted(
        "peercoach_desktop." + ".".join(path.relative_to(SRC / "peercoach_desktop").with_suffix("").parts)
        for path in (SRC / "peercoach_desktop").rglob("*.py")
        if path.name != "__init__.py"
    )


def compiled_translations() -> list[Path]:
    """The .qm files the bundle carries (inside resources/); a build without them would ship
    an app that only speaks English, so it stops instead."""
    wanted = sorted((ROOT / "translations").glob("*.ts"))
    compiled = [ROOT / "resources" / "translations" / f"{ts.stem}.qm" for ts in wanted]
    missing = [qm.name for qm in compiled if not qm.exists()]
    if missing:
        raise SystemExit(f"pyinstaller_common: {', '.join(missing)} missing: run scripts/bootstrap.sh test")
    return compiled


def analysis_kwargs() -> dict[str, object]:
    compiled_translations()
    return {
        "pathex": [str(SRC)],
        "datas": DATAS,
        "excludes": EXCLUDES,
        # Menu actions load their modules by name when first used (ui.window_actions.deferred):
        # an import PyInstaller cannot see, so every module of the app is listed here.
        "hiddenimports": _app_modules(),
        "noarchive": False,
    }


def _dest(entry: tuple[str, str, str]) -> str:
    return entry[0].replace("\\", "/")


def drop_unwanted(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in toc if not UNWANTED_QT.search(_dest(entry))]


def prune_binaries(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop unwanted Qt plugins, then every system library that only they needed.

    PyInstaller copies a plugin's shared-library dependencies to the top of the bundle;
    this walks the dependencies of what is kept and drops top-level libraries no one reaches.
    """
    from PyInstaller.depend.bindepend import get_imports

    kept = drop_unwanted(toc)
    top_libs = {
        _dest(e): e
        for e in kept
        if "/" not in _dest(e) and e[2] == "BINARY" and not _dest(e).startswith("libpython")
    }
    reached: set[str] = set()
    queue = [e for e in kept if _dest(e) not in top_libs]
    while queue:
        entry = queue.pop()
        if entry[2] not in ("BINARY", "EXTENSION"):
            continue
        for name, _path in get_imports(entry[1]):
            base = Path(name).name
            if base in top_libs and base not in reached:
                reached.add(base)
                queue.append(top_libs[base])
    return [e for e in kept if _dest(e) not in top_libs or _dest(e) in reached]


# ----- per-platform metadata (values tested in tests/test_packaging.py) -------------------------

# PySide6 6.12 wheels for macOS are macosx_14_0_universal2: Qt needs macOS 14 (Sonoma).
MACOS_MINIMUM = "14.0"


def macos_info_plist() -> dict[str, object]:
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_RDNS,
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": MACOS_MINIMUM,
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSBackgroundOnly": False,  # the window is the bundle's main program
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "NSHumanReadableCopyright": "GPL-3.0-or-later",
    }


def windows_version_text(program: str, description: str) -> str:
    """The version resource Explorer shows under Properties > Details (and Inno Setup reads),
    in the text form PyInstaller's EXE(version=FILE) evaluates."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version()))
    numbers = (*numbers, 0, 0, 0, 0)[:4]
    strings = {
        "CompanyName": "The PeerCoach Desktop contributors",
        "FileDescription": description,
        "FileVersion": version(),
        "InternalName": program,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{program}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version(),
    }
    structs = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{structs}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""


def windows_version_file(program: str, description: str) -> str:
    path = ROOT / "build" / "windows" / f"version-{program}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(windows_version_text(program, description), encoding="utf-8")
    return str(path)
