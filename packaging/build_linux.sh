#!/usr/bin/env bash
# Build the Linux one-folder app into dist/peercoach-desktop/ (`make package` runs this with
# --tarball). Needs .venv with the package extra: run scripts/bootstrap.sh test first.
# Incremental: when no input changed (sources, resources, packaging, installed packages)
# since the last build, it does nothing; PyInstaller's own cache lives in build/pyinstaller/.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
id=io.github.peercoach.PeerCoachDesktop
out=dist/peercoach-desktop
stamp=build/linux-build-inputs  # outside the folder, so it never ships

inputs=$(
  find src resources packaging pyproject.toml -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum
  "$py" -m pip freeze --exclude-editable 2>/dev/null
  "$py" --version
)
hash=$(printf '%s' "$inputs" | sha256sum | cut -c1-32)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$out/peercoach" ]; then
  echo "build_linux: $out is up to date"
else
  rm -f "$stamp"
  "$py" packaging/render_icons.py build/icons >/dev/null
  "$py" -m PyInstaller --noconfirm --log-level WARN --workpath build/pyinstaller --distpath dist \
    packaging/linux.spec
  # Desktop integration travels inside the folder, so install.sh works from an unpacked tarball.
  mkdir -p "$out/share/applications" "$out/share/metainfo" "$out/share/icons"
  cp packaging/linux/$id.desktop "$out/share/applications/"
  cp packaging/linux/$id.metainfo.xml "$out/share/metainfo/"
  cp -r build/icons/hicolor "$out/share/icons/"
  cp packaging/linux/install.sh "$out/install.sh"
  mkdir -p build && echo "$hash" >"$stamp"
  echo "build_linux: built $out ($(du -sh "$out" | cut -f1))"
fi

if [ "${1:-}" = --tarball ]; then
  version=$("$out/peercoach" --version | cut -d' ' -f2)
  tarball="dist/peercoach-desktop-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$tarball" peercoach-desktop
  echo "build_linux: wrote $tarball ($(du -sh "$tarball" | cut -f1))"
fi
