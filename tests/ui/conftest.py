"""Qt tests run offscreen with their own settings file and data directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "resources" / "articles"


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets a fresh settings dir and data dir (the vocabulary lives there)."""
    settings_dir = tmp_path / "qsettings"
    settings_dir.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(tmp_path / "data"))
    return settings_dir


@pytest.fixture
def open_window(qtbot):
    """Open the real main window on a file and wait until its analysis is shown."""
    from app.ui.main import apply_style
    from app.ui.main_window import MainWindow

    windows = []

    def opener(path: Path | str, persist: bool = True):
        from PySide6.QtWidgets import QApplication

        apply_style(QApplication.instance())
        window = MainWindow(persist=persist)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
            window.open_path(str(path))
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.runner.wait(10_000)


@pytest.fixture
def restart_window(qtbot):
    """Start the window again as a user would (no path given) and wait for its article."""
    started = []

    def restart():
        from app.ui.main_window import MainWindow

        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
            window.open_initial([])
        started.append(window)
        return window

    yield restart
    for window in started:
        window.runner.wait(10_000)
