"""Render the app icon SVG into the PNG sizes desktops ask for, plus .ico and .icns.

Usage: python packaging/render_icons.py OUT_DIR
Writes OUT_DIR/hicolor/<n>x<n>/apps/<app id>.png (and scalable/apps/<app id>.svg),
OUT_DIR/<app id>.ico (Windows) and OUT_DIR/<app id>.icns (macOS). Rendered at build
time with Qt's own SVG renderer, so no generated image is committed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_RDNS = "io.github.peercoach.PeerCoachDesktop"
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{APP_RDNS}.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    written: list[Path] = []
    images: dict[int, QImage] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        images[size] = image
        path = out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_RDNS}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"render_icons: could not write {path}")
        written.append(path)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / f"{APP_RDNS}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    written.append(scalable)
    # Qt's ico/icns writers store one image each; 256 px is what Windows and Finder scale from.
    for fmt in ("ico", "icns"):
        path = out_dir / f"{APP_RDNS}.{fmt}"
        if not images[256].save(str(path), fmt.upper()):
            raise SystemExit(f"render_icons: Qt could not write {path} (imageformats plugin missing?)")
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: render_icons.py OUT_DIR")
    for path in render(Path(sys.argv[1])):
        print(path)
