"""Render the application icon from ``resources/icons/app.svg`` into every size the platforms need.

Writes ``packaging/icons/``: ``app-<N>.png`` (16 … 512, the Linux hicolor theme and the AppStream
metadata), ``app.ico`` (Windows: 16, 24, 32, 48, 64, 128, 256) and ``app.icns`` (macOS). Run it after
changing the SVG; the outputs are committed so that a build needs neither Qt's SVG module nor Pillow.

    python scripts/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    images: dict[int, Path] = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        path = OUT / f"app-{size}.png"
        render(renderer, size).save(str(path))
        images[size] = path
    largest = Image.open(images[1024])
    largest.save(OUT / "app.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(OUT / "app.icns")
    # Keep only the PNG sizes the hicolor theme uses; 1024 was an intermediate for the .icns.
    for size, path in images.items():
        if size not in PNG_SIZES:
            path.unlink()
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, app.ico and app.icns into {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
