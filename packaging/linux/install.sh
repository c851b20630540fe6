#!/usr/bin/env bash
# Install PeerCoach Desktop from this unpacked folder, for you (default: ~/.local) or for
# everyone (sudo PREFIX=/usr/local ./install.sh). ./install.sh --uninstall removes it again;
# your notebooks (~/.local/share/peercoach-desktop) and keyring entries are never touched.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app="$prefix/lib/peercoach-desktop"
id=io.github.peercoach.PeerCoachDesktop

refresh_icon_cache() {
  # Only where the desktop keeps one already; we declare no MIME types, so no desktop database.
  local cache="$prefix/share/icons/hicolor/icon-theme.cache"
  if [ -f "$cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -f -t "$prefix/share/icons/hicolor" || true
  fi
}

remove() {
  rm -rf "$app" "$prefix/bin/peercoach" "$prefix/bin/peercoach-desktop" \
    "$prefix/share/applications/$id.desktop" "$prefix/share/metainfo/$id.metainfo.xml"
  [ ! -d "$prefix/share/icons/hicolor" ] || find "$prefix/share/icons/hicolor" -name "$id.*" -delete
}

if [ "${1:-}" = --uninstall ]; then
  remove
  refresh_icon_cache
  echo "PeerCoach Desktop removed from $prefix"
  exit 0
fi
[ "$here" != "$app" ] || { echo "install.sh: already installed here; run it from the unpacked folder" >&2; exit 1; }
remove
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
cp -a "$here" "$app"
ln -s "$app/peercoach" "$prefix/bin/peercoach"
ln -s "$app/peercoach-desktop" "$prefix/bin/peercoach-desktop"
# Absolute Exec: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^Exec=peercoach-desktop|Exec=$app/peercoach-desktop|" \
  -e "s|^TryExec=peercoach-desktop|TryExec=$app/peercoach-desktop|" \
  "$here/share/applications/$id.desktop" >"$prefix/share/applications/$id.desktop"
cp "$here/share/metainfo/$id.metainfo.xml" "$prefix/share/metainfo/"
cp -r "$here/share/icons" "$prefix/share/"
refresh_icon_cache
echo "PeerCoach Desktop installed in $app; start it from your app menu or with: peercoach-desktop"
