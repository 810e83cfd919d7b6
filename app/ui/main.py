"""`zhreader` without a command: the application object, style, and main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.core.paths import resources_dir


def _quiet_offscreen_warnings(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform (screenshots, CI) warns on every popup raise(): drop only that."""
    if message.startswith("This plugin does not support"):
        return
    sys.stderr.write(message + "\n")


def ensure_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else None
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen_warnings)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("zhreader")
    app.setApplicationName("zhreader")
    app.setApplicationDisplayName("zhreader")
    app.setDesktopFileName("zhreader")  # Wayland: the window takes the desktop entry's icon
    icon = resources_dir() / "icons" / "zhreader.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """The bundled (light) stylesheet; a window with the dark theme applies its own."""
    from app.ui.theme import LIGHT, apply_theme

    apply_theme(app, LIGHT)


def run_gui(paths: list[str]) -> int:
    from app.core.analysis.analyzer import default_analyzer
    from app.ui.main_window import MainWindow

    app = ensure_application()
    window = MainWindow(analyzer=default_analyzer())  # the window's tools, built on first use
    window.show()
    window.open_initial(paths)
    return app.exec()
