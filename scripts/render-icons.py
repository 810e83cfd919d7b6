"""Render resources/icons/zhreader.svg into the PNG sizes desktops look up in the hicolor theme.

Run after editing the SVG: `.venv/bin/python scripts/render-icons.py`. The PNGs are committed,
so installing the desktop entry never needs Qt (and works from a bare `pip install`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.core.desktop_entry import ICON_SIZES  # noqa: E402


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (painting wants an application)
    icons = REPO / "resources" / "icons"
    renderer = QSvgRenderer(str(icons / "zhreader.svg"))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = icons / "hicolor" / f"{size}x{size}" / "apps" / "zhreader.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
