"""A first start: words can be hovered before the analysis arrives."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint

import app.core.analysis.pipeline as pipeline

TEXT = "银行早报\n我去银行取钱，然后去图书馆看书。\n"


def test_hover_before_the_analysis_explains_the_text_from_the_dictionary(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from app.core.analysis.analyzer import Analyzer
    from app.ui.main_window import MainWindow

    release = threading.Event()
    real = pipeline.analyze_article

    def slow_analysis(*args, **kwargs):  # a first start: segmenter and readings still loading
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_article", slow_analysis)
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    window = MainWindow(persist=False, analyzer=Analyzer())  # nothing loaded yet
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.runner.article_loaded, timeout=30_000):
        window.open_path(str(path))
    qtbot.waitUntil(lambda: window.analyzer.dictionary_if_open() is not None, timeout=30_000)
    assert window.analysis is None  # still analysing

    view = window.view
    offset = TEXT.index("图书馆")
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), view.char_rect(offset).center())
    qtbot.waitUntil(lambda: window.popup.info is not None, timeout=5000)
    info = window.popup.info
    assert info.word == "图书馆"  # the longest dictionary word from the hovered character
    assert any("library" in sense for entry in info.entries for sense in entry.senses)

    release.set()
    qtbot.waitUntil(lambda: window.analysis is not None, timeout=60_000)
    window.runner.wait(10_000)
