#!/usr/bin/env bash
# Set up everything the project needs, from a fresh clone: system programs (as root
# on Debian/Ubuntu), then a virtual environment in .venv with the project installed.
# Usage: scripts/bootstrap.sh run|test     Re-running is cheap: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

# Qt's runtime libraries; for tests also a real Secret Service, a private D-Bus and Xvfb.
debs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
programs=()
if [ "$purpose" = test ]; then
  # desktop-file-utils and appstream validate the Linux desktop entry and AppStream metainfo.
  # poppler-utils: pdftotext reads exported PDF summaries back in the tests.
  # syncthing: two real instances on loopback carry the sync folder (tests/test_syncthing.py).
  debs+=(dbus gnome-keyring xvfb xauth desktop-file-utils appstream poppler-utils syncthing)
  programs=(dbus-daemon gnome-keyring-daemon Xvfb desktop-file-validate appstreamcli pdftotext syncthing)
fi

missing=()
for deb in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bootstrap: installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for program in "${programs[@]}"; do
  command -v "$program" >/dev/null || { echo "bootstrap: $program is missing; install it" >&2; exit 1; }
done

python="${PYTHON:-python3}"
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test,package]'
  rm -f .venv/.installed-* && touch "$stamp"
fi
# Bytecode as an installer would leave it, even where PYTHONDONTWRITEBYTECODE is set.
.venv/bin/python -m compileall -q src
# Translations: the .qm files are build outputs, compiled from translations/*.ts when missing or
# older than their .ts, into resources/translations/ (found by resource_path, bundled by packaging).
mkdir -p resources/translations
for ts in translations/*.ts; do
  qm="resources/translations/$(basename "${ts%.ts}").qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
