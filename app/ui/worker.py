"""Loading and analysis off the GUI thread; results come back as plain core objects.

Each request gets a number; a result for an older request than the newest one is
dropped, so opening articles quickly never shows a stale analysis.
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import UserError
from app.core.types import Analysis, Article


def load_article_file(path: str) -> Article:
    """Core loader, with a minimal stand-in until app.core.articles lands."""
    try:
        from app.core.articles import load_article
    except ImportError:  # pragma: no cover - bootstrap only
        from pathlib import Path

        from app.core.script import detect_script

        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror}") from exc
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), Path(path).stem)
        return Article(title=title[:40], text=text, script=detect_script(text), path=path)
    return load_article(path)


class _Signals(QObject):
    loaded = Signal(int, object)  # request id, Article
    analysed = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, message for the user


class _AnalysisJob(QRunnable):
    def __init__(self, request: int, path: str | None, article: Article | None,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._request = request
        self._path = path
        self._article = article
        self._signals = signals

    def run(self) -> None:
        from app.core.analysis import analyze_article

        try:
            article = self._article or load_article_file(self._path or "")
            self._signals.loaded.emit(self._request, article)
            analysis = analyze_article(article)
            self._signals.analysed.emit(self._request, analysis)
        except UserError as exc:
            self._signals.failed.emit(self._request, str(exc))
        except Exception as exc:  # the window must keep running
            traceback.print_exc()
            self._signals.failed.emit(self._request, f"unexpected {type(exc).__name__}: {exc}")


class AnalysisRunner(QObject):
    """Starts analyses on a thread pool and re-emits only the newest one's results."""

    article_loaded = Signal(object)  # Article: show the text right away
    analysis_ready = Signal(object)  # Analysis: decorate it
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.analysed.connect(self._on_analysed)
        self._signals.failed.connect(self._on_failed)
        self._latest = 0
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, path: str | None = None, article: Article | None = None) -> int:
        self._latest += 1
        self._set_busy(True)
        self._pool.start(_AnalysisJob(self._latest, path, article, self._signals))
        return self._latest

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_loaded(self, request: int, article: Article) -> None:
        if request == self._latest:
            self.article_loaded.emit(article)

    def _on_analysed(self, request: int, analysis: Analysis) -> None:
        if request == self._latest:
            self._set_busy(False)
            self.analysis_ready.emit(analysis)

    def _on_failed(self, request: int, message: str) -> None:
        if request == self._latest:
            self._set_busy(False)
            self.failed.emit(message)
