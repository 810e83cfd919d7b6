"""Loading and analysis off the GUI thread; results come back as plain core objects.

Each request gets a number. A newer request removes older ones still queued and makes a
running one stop at its next step (`Cancelled`), so opening three articles quickly
analyses only the last; any result of an older request that still arrives is dropped.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import Cancelled, UserError
from app.core.language.hsk import LevelProfile
from app.core.text.articles import load_source
from app.core.types import Analysis, Article, Entity

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer

# Above this many characters the analysis runs with the cyclic garbage collector paused.
# Building a million tokens triggers full collections over the whole heap, each holding
# the GIL for ~100 ms: the window froze while the worker collected, not while it analysed.
LARGE_TEXT_CHARS = 100_000


# The worker hands the GIL over this often when the GUI thread asks for it. The GUI thread
# needs the GIL for every Python call Qt makes (a table's data(), a slot): at Python's 5 ms,
# a view repainting a hundred cells behind a busy worker waits half a second (the library's
# import froze the window for 0.1-0.3 s at 1 ms; none over 50 ms at this).
_WORKER_SWITCH_INTERVAL_S = 0.00005

# A long text goes into the view in pieces for about a second, each a burst of Python <->
# Qt calls that wait for the GIL behind a busy worker (0.1 s gaps). Its analysis waits
# until the text is in, or this long at most (the analysis itself takes many seconds).
_TEXT_IN_WAIT_S = 5.0


def wait_unless_cancelled(event: threading.Event, limit_s: float,
                          cancelled: Callable[[], bool], poll_s: float = 0.05) -> bool:
    """Wait until `event` is set or `limit_s` has passed, looking every `poll_s` whether
    the job was cancelled meanwhile; False when it was."""
    deadline = time.monotonic() + limit_s
    while not event.wait(poll_s):
        if cancelled():
            return False
        if time.monotonic() > deadline:
            break
    return not cancelled()


class _CollectorPause:
    """How many large jobs run (gc and the switch interval are the process's, not a
    thread's: the last job to finish restores them, not the first)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.interval = sys.getswitchinterval()
        self.collecting = True  # was the collector on before the first job paused it


_PAUSE = _CollectorPause()


@contextlib.contextmanager
def collector_paused(large: bool) -> Iterator[None]:
    """No cyclic GC while a large analysis is built; its objects are then frozen.

    The analysis is acyclic (refcounting frees it), so freezing only keeps later
    collections from rescanning a million long-lived objects. Meanwhile the GIL goes to
    the GUI thread within 50 µs of its asking, so the window never waits behind the work.
    """
    if not large:
        yield
        return
    with _PAUSE.lock:
        _PAUSE.depth += 1
        if _PAUSE.depth == 1:
            _PAUSE.interval = sys.getswitchinterval()
            sys.setswitchinterval(_WORKER_SWITCH_INTERVAL_S)
            _PAUSE.collecting = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _PAUSE.lock:
            _PAUSE.depth -= 1
            if _PAUSE.depth == 0:
                sys.setswitchinterval(_PAUSE.interval)
                if _PAUSE.collecting:
                    gc.freeze()
                    gc.enable()


@dataclass(frozen=True, slots=True)
class ViewIndex:
    """Lookup tables the window needs for an analysis, built on the worker (O(n) each)."""

    starts: list[int]  # token start offsets, for bisect
    entity_spans: list[tuple[int, int]]  # every mention, sorted
    entity_index: list[tuple[int, int, Entity]]  # mentions with their entity, sorted
    words: int  # tokens with a reading: the status bar's word count
    # Occurrences of each word the known share counts: re-measuring it after a
    # vocabulary change visits distinct words, never all tokens, on the GUI thread.
    word_counts: dict[str, int]
    # Share of the article's words per HSK band (names and numbers left out); None when
    # the HSK list cannot be read.
    level_profile: LevelProfile | None = None


def level_profile_of(analyzer: Analyzer, word_counts: dict[str, int]) -> LevelProfile | None:
    try:
        return analyzer.hsk.profile_counts(word_counts)
    except (OSError, ValueError):
        return None


def build_view_index(analyzer: Analyzer, analysis: Analysis) -> ViewIndex:
    from app.core.analysis.stats import countable_word_counts

    entity_index = sorted(((s, e, ent) for ent in analysis.entities for s, e in ent.spans),
                          key=lambda item: (item[0], item[1]))
    word_counts = countable_word_counts(analysis.tokens, [(s, e) for s, e, _ in entity_index])
    return ViewIndex(
        starts=[t.start for t in analysis.tokens],
        entity_spans=[(s, e) for s, e, _ in entity_index],
        entity_index=entity_index,
        words=sum(1 for t in analysis.tokens if any(t.pinyin)),
        word_counts=word_counts,
        level_profile=level_profile_of(analyzer, word_counts),
    )


def entity_at(index: ViewIndex, start: int, end: int) -> Entity | None:
    """The entity whose mention contains [start, end) (mentions are short: look back a few)."""
    i = bisect.bisect_right(index.entity_spans, (start, float("inf"))) - 1
    for s, e, entity in reversed(index.entity_index[max(0, i - 8):i + 1]):
        if s <= start and end <= e:
            return entity
    return None


def warm_popup_lookups(analyzer: Analyzer) -> None:
    """Open the dictionary and the t2s converter here, so the first hover is as fast as any.

    Runs on the worker after the analysis is handed over; a failure only means the first
    popup pays for it (and reports it) instead. The s2t converter (26 MB of phrase
    tables) is left to the first word CC-CEDICT lacks in a simplified article.
    """
    try:
        from app.core.text.script import to_simplified

        analyzer.dictionary.lookup("中")
        to_simplified("漢")
    except Exception:  # the popup path reports the real error
        pass


def open_dictionary_first(analyzer: Analyzer) -> None:
    """Open (or on a first start, build) the dictionary before the rest of the analysis:
    hovering answers from it alone until the analysis arrives. A failure is the
    analysis' to report."""
    with contextlib.suppress(Exception):
        analyzer.dictionary  # noqa: B018 (opened for its effect)


def _large_file(path: str | None) -> bool:
    """A file that may hold a large text (its bytes bound its characters)."""
    try:
        return path is not None and os.path.getsize(path) > LARGE_TEXT_CHARS
    except OSError:
        return False  # loading it says what is wrong


class _Signals(QObject):
    loaded = Signal(int, object)  # request id, Article
    analysed = Signal(int, object, object)  # request id, Analysis, ViewIndex
    failed = Signal(int, str)  # request id, message for the user


class _Newest:
    """The newest request number, read by worker threads (a plain int: reads are atomic)."""

    def __init__(self) -> None:
        self.request = 0


class _AnalysisJob(QRunnable):
    def __init__(self, analyzer: Analyzer, request: int, newest: _Newest, path: str | None,
                 article: Article | None, signals: _Signals, part: str = "",
                 idle: threading.Event | None = None,
                 text_in: threading.Event | None = None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._analyzer = analyzer
        self._request = request
        self._newest = newest
        self._idle = idle
        self._text_in = text_in
        self._path = path
        self._part = part
        self._article = article
        self._signals = signals

    def superseded(self) -> bool:
        return self._request != self._newest.request

    def run(self) -> None:
        try:
            self._run()
        finally:
            if self._idle is not None and not self.superseded():
                self._idle.set()  # the newest request is done: others may read texts now

    def _wait_for_text_in(self) -> bool:
        """Wait while the window inserts the text; False when a newer request came."""
        if self._text_in is None:
            return True
        return wait_unless_cancelled(self._text_in, _TEXT_IN_WAIT_S, self.superseded)

    def _run(self) -> None:
        analyzer = self._analyzer
        try:
            if self.superseded():
                return
            with collector_paused(_large_file(self._path)):  # decoding and cleaning too
                article = self._article or load_source(self._path or "", self._part,
                                                       analyzer.is_headword)
            if self.superseded():
                return
            self._signals.loaded.emit(self._request, article)
            large = len(article.text) > LARGE_TEXT_CHARS
            if large and not self._wait_for_text_in():
                return
            open_dictionary_first(analyzer)
            with collector_paused(large):
                analysis = analyzer.analyze(article, stop=self.superseded, gentle=True)
                index = build_view_index(analyzer, analysis)
            self._signals.analysed.emit(self._request, analysis, index)
            warm_popup_lookups(analyzer)
        except Cancelled:
            return
        except UserError as exc:
            self._signals.failed.emit(self._request, str(exc))
        except Exception as exc:  # the window must keep running
            traceback.print_exc()
            self._signals.failed.emit(self._request, f"unexpected {type(exc).__name__}: {exc}")


class AnalysisRunner(QObject):
    """Starts analyses (by the window's Analyzer) on a thread pool and re-emits only the
    newest one's results."""

    article_loaded = Signal(object)  # Article: show the text right away
    analysis_ready = Signal(object, object)  # Analysis, ViewIndex: decorate it
    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, analyzer: Analyzer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._analyzer = analyzer
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.analysed.connect(self._on_analysed)
        self._signals.failed.connect(self._on_failed)
        self._newest = _Newest()
        self._busy = False
        # Set while no analysis is asked for or running: the library's background reading
        # waits on it (set by the worker thread, so it never waits on the event loop).
        self.idle = threading.Event()
        self.idle.set()
        self._text_in = threading.Event()  # the newest request's text is in the view

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def _latest(self) -> int:
        return self._newest.request

    def start(self, path: str | None = None, article: Article | None = None,
              part: str = "") -> int:
        """Analyse in the background (a file, a chapter `part` of a book, or an article);
        older requests are dropped or stopped."""
        self._newest.request += 1
        self.idle.clear()
        self._pool.clear()  # queued, not yet started: never run
        self._set_busy(True)
        self._text_in = threading.Event()
        self._pool.start(
            _AnalysisJob(self._analyzer, self._latest, self._newest, path, article,
                         self._signals, part, self.idle, self._text_in))
        return self._latest

    def text_shown(self) -> None:
        """The newest article's text is all in the view: a long one's analysis may start."""
        self._text_in.set()

    def cancel(self) -> None:
        """Drop every request: a running analysis stops at its next step (closing the
        window mid-way through a long text does not wait for its end)."""
        self._newest.request += 1
        self._pool.clear()
        self._text_in.set()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_loaded(self, request: int, article: Article) -> None:
        if request == self._latest:
            self.article_loaded.emit(article)

    def _on_analysed(self, request: int, analysis: Analysis, index: ViewIndex) -> None:
        if request == self._latest:
            self._set_busy(False)
            self.analysis_ready.emit(analysis, index)

    def _on_failed(self, request: int, message: str) -> None:
        if request == self._latest:
            self._set_busy(False)
            self.failed.emit(message)
