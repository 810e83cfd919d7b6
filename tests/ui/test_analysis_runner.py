"""Opening articles quickly: only the newest is analysed and shown."""

from __future__ import annotations

import pytest

import app.core.analysis.pipeline as pipeline
from app.core.analysis.analyzer import default_analyzer
from app.core.analysis.pipeline import _analyze
from app.core.errors import Cancelled
from app.core.types import Article
from app.ui.worker import AnalysisRunner

from .conftest import ARTICLES


def _article(title: str) -> Article:
    # Text no earlier test analysed, so the on-disk cache cannot answer for it.
    base = (ARTICLES / "xai-greg-yang-steps-back.txt").read_text(encoding="utf-8")[:1500]
    return Article(title, f"{title}：{base}", "simplified")


def test_three_quick_opens_analyse_only_the_last(qtbot, monkeypatch) -> None:
    finished: list[str] = []
    real = pipeline._analyze

    def recording(analyzer, article, *args, **kwargs):
        result = real(analyzer, article, *args, **kwargs)
        finished.append(article.title)
        return result

    monkeypatch.setattr(pipeline, "_analyze", recording)
    runner = AnalysisRunner(default_analyzer())
    shown: list[str] = []
    runner.analysis_ready.connect(lambda analysis, _index: shown.append(analysis.title))
    with qtbot.waitSignal(runner.analysis_ready, timeout=60_000):
        for title in ("第一篇", "第二篇", "第三篇"):
            runner.start(article=_article(title))
    runner.wait(30_000)
    qtbot.wait(50)  # deliver any queued signal from an older request
    assert shown == ["第三篇"]
    assert "第二篇" not in finished  # queued behind the first: dropped before it began
    assert finished[-1] == "第三篇"
    assert not runner.busy


def test_a_superseded_long_analysis_stops_between_pieces() -> None:
    text = (ARTICLES / "xai-greg-yang-steps-back.txt").read_text(encoding="utf-8")
    pieces_started = 0

    def stop() -> bool:
        nonlocal pieces_started
        pieces_started += 1
        return pieces_started > 1  # a newer article arrives during the first step

    with pytest.raises(Cancelled):
        _analyze(default_analyzer(), Article("long", text, "simplified"), chunk_chars=1000,
                 stop=stop)
    assert pieces_started == 2


def test_a_cancelled_analysis_is_not_cached(monkeypatch) -> None:
    stored: list[object] = []
    monkeypatch.setattr("app.core.analysis.cache.store",
                        lambda key, result, folder=None: stored.append(key))
    with pytest.raises(Cancelled):
        default_analyzer().analyze(_article("取消"), stop=lambda: True)
    assert stored == []


def test_a_long_text_is_analysed_once_it_is_in_the_view(qtbot, monkeypatch) -> None:
    """The window inserts a long text in pieces; its analysis waits for that, so the two
    never fight for the GIL, and a newer article stops the wait."""
    import app.ui.worker as worker

    monkeypatch.setattr(worker, "LARGE_TEXT_CHARS", 100)  # these articles count as long
    monkeypatch.setattr(worker, "_TEXT_IN_WAIT_S", 3600.0)  # only text_shown() ends a wait
    started: list[str] = []
    real = pipeline._analyze

    def recording(analyzer, article, *args, **kwargs):
        started.append(article.title)
        return real(analyzer, article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_analyze", recording)
    runner = AnalysisRunner(default_analyzer())
    shown: list[str] = []
    runner.analysis_ready.connect(lambda analysis, _index: shown.append(analysis.title))
    with qtbot.waitSignal(runner.article_loaded, timeout=30_000):
        runner.start(article=_article("等着的长文"))
    # Never shown: a newer article replaces it while it waits.
    with qtbot.waitSignal(runner.article_loaded, timeout=30_000):
        runner.start(article=_article("新的长文"))
    with qtbot.waitSignal(runner.analysis_ready, timeout=60_000):
        runner.text_shown()
    runner.wait(30_000)
    assert shown == ["新的长文"]
    assert started == ["新的长文"]


def test_closing_the_window_stops_the_analysis_under_way(qtbot, monkeypatch) -> None:
    import app.ui.worker as worker

    monkeypatch.setattr(worker, "LARGE_TEXT_CHARS", 100)
    monkeypatch.setattr(worker, "_TEXT_IN_WAIT_S", 3600.0)
    runner = AnalysisRunner(default_analyzer())
    shown: list[str] = []
    runner.analysis_ready.connect(lambda analysis, _index: shown.append(analysis.title))
    with qtbot.waitSignal(runner.article_loaded, timeout=30_000):
        runner.start(article=_article("关窗时的长文"))
    runner.cancel()
    assert runner.wait(30_000)  # without cancel() it would wait for the text for an hour
    qtbot.wait(50)  # deliver anything still queued
    assert shown == []
