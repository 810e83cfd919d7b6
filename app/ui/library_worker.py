"""The library's background work: importing texts and keeping their statistics current.

One worker thread, jobs one after another. It owns the library index (the cache of each
text's counted words) and the words of every text in memory, so a change of word
states re-measures % known and new words for the whole library without reading a file.
Results come back to the GUI thread in batches a few times a second, never per text,
so a library of thousands of texts never floods the event loop. While the reader's own
article is being analysed the worker reads no text: that article comes first, and the
two analyses would otherwise hold their working memory at the same time.
"""

from __future__ import annotations

import contextlib
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.analysis.analyzer import Analyzer
from app.core.analysis.library_import import (
    ReadText,
    counted_text,
    importable_files,
    read_file,
    reread_entries,
    store_batch,
)
from app.core.analysis.library_index import LibraryIndex, Location, TextWords, file_stamp
from app.core.analysis.stats import ArticleStats, reading_stats
from app.core.errors import Cancelled, UserError
from app.core.types import LibraryEntry, NewEntry, WordState
from app.core.user.library import LibraryStore
from app.ui.worker import collector_paused, wait_unless_cancelled

BATCH_SECONDS = 0.25  # results reach the window at most this often
READER_WAIT_S = 120.0  # the longest a text waits for the reader's analysis
_GATE_POLL_S = 0.05  # how often a job waiting for the reader's analysis checks it was cancelled
BATCH_TEXTS = 50  # texts per store transaction during an import
MAX_REPORTED = 5  # unreadable files named in the message; the rest are counted

States = Mapping[str, WordState]


class _Signals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being done
    busy = Signal(bool)
    stats = Signal(object)  # dict[Location, ArticleStats]
    missing = Signal(object, object)  # set[Location] missing, set[Location] present again
    added = Signal(object)  # list[LibraryEntry] just stored
    problems = Signal(str)  # files that could not be read, in one message


class _Shared:
    """What the jobs share; touched only on the worker thread (but `generation`)."""

    def __init__(self, analyzer: Analyzer, library_path: Path, index_path: Path | None,
                 reader_idle: threading.Event | None) -> None:
        self.analyzer = analyzer  # reads the texts: the window's own
        self.library_path = library_path
        self.index_path = index_path
        self._library: LibraryStore | None = None
        self.index: LibraryIndex | None = None
        self.texts: dict[Location, TextWords] | None = None
        self.generation = 0  # cancel() moves it on: jobs of an older generation stop
        if reader_idle is None:  # no reader to give way to
            reader_idle = threading.Event()
            reader_idle.set()
        self.reader_idle = reader_idle
        # Set when the window closes: a job still running then closes the connections as
        # it ends (closing them under it made it fail with "closed database").
        self.closing = False
        self._closing_lock = threading.Lock()

    @property
    def library(self) -> LibraryStore:
        """The worker's own connection to the library: the GUI thread's writes (where the
        reader is) never wait behind a batch of imported texts on one Python lock."""
        if self._library is None:
            self._library = LibraryStore(self.library_path)
        return self._library

    def opened(self) -> tuple[LibraryIndex, dict[Location, TextWords]]:
        if self.index is None:
            self.index = LibraryIndex(self.index_path)
        if self.texts is None:
            self.texts = self.index.load()
        return self.index, self.texts

    def close(self) -> None:
        """Close the worker's connections (from either thread, once)."""
        with self._closing_lock:
            library, index = self._library, self.index
            self._library, self.index, self.texts = None, None, None
        for opened in (library, index):
            if opened is not None:
                opened.close()


class _Job(QRunnable):
    def __init__(self, shared: _Shared, signals: _Signals,
                 work: Callable[[_Job], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.shared = shared
        self.signals = signals
        self._work = work
        self._generation = shared.generation
        self._stats: dict[Location, ArticleStats] = {}
        self._sent = time.monotonic()
        self._words_loaded = False

    def cancelled(self) -> bool:
        return self._generation != self.shared.generation

    def wait_for_reader(self) -> bool:
        """Before reading a text: wait while the window analyses the reader's article (at
        most `READER_WAIT_S`), then load jieba's word list once. False when the job was
        cancelled meanwhile (the window closing, for one)."""
        if not wait_unless_cancelled(self.shared.reader_idle, READER_WAIT_S, self.cancelled,
                                     _GATE_POLL_S):
            return False
        if not self._words_loaded:  # after the wait: not while the window starts or reads
            self._words_loaded = True
            _load_words_gently(self)
        return True

    def gives_way(self) -> bool:
        """Between pieces of a long text: wait while the reader's article is analysed (the
        two would share the GIL), stop when cancelled. The stop check of a text's reading."""
        return not self.wait_for_reader()

    def when_reader_idle(self, entries: Iterable[LibraryEntry]) -> Iterator[LibraryEntry]:
        """`entries`, each handed out only once the reader's analysis is done."""
        for entry in entries:
            if not self.wait_for_reader():
                return
            yield entry

    def run(self) -> None:
        self.signals.busy.emit(True)
        try:
            # Thousands of texts: no full collections over the window's heap meanwhile,
            # and the GIL handed to the GUI thread every millisecond.
            with collector_paused(True):
                self._work(self)
        except Cancelled:
            pass  # stopped mid-way through a long text: it is read again next time
        except UserError as exc:
            self.signals.problems.emit(str(exc))
        except Exception as exc:  # the window must keep running
            traceback.print_exc()
            self.signals.problems.emit(f"unexpected {type(exc).__name__}: {exc}")
        finally:
            self.flush()
            self.signals.busy.emit(False)
            if self.shared.closing:
                self.shared.close()

    def report(self, location: Location, stats: ArticleStats) -> None:
        """Queue one text's statistics; they go out with the next batch."""
        self._stats[location] = stats
        if time.monotonic() - self._sent >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._stats:
            self.signals.stats.emit(self._stats)
            self._stats = {}
        self._sent = time.monotonic()


class LibraryWorker(QObject):
    """Imports and statistics for the library panel, off the GUI thread."""

    progress = Signal(int, int, str)  # done, total, what: for the progress bar
    busy_changed = Signal(bool)
    stats_ready = Signal(object)  # dict[Location, ArticleStats]
    missing_changed = Signal(object, object)  # missing, present (sets of Location)
    entries_added = Signal(object)  # list[LibraryEntry]
    problems = Signal(str)

    def __init__(self, library: LibraryStore, analyzer: Analyzer,
                 index_path: Path | None = None, parent: QObject | None = None,
                 reader_idle: threading.Event | None = None) -> None:
        """`reader_idle`: set while no analysis of the reader's article runs (the window's
        `AnalysisRunner.idle`); texts are read only then."""
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._shared = _Shared(analyzer, library.path, index_path, reader_idle)
        self._signals = _Signals(self)
        self._signals.progress.connect(self.progress)
        self._signals.stats.connect(self.stats_ready)
        self._signals.missing.connect(self.missing_changed)
        self._signals.added.connect(self.entries_added)
        self._signals.problems.connect(self.problems)
        self._signals.busy.connect(self._on_busy)
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _on_busy(self, started: bool) -> None:
        was = self.busy
        self._running += 1 if started else -1
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    def _start(self, work: Callable[[_Job], None]) -> None:
        self._pool.start(_Job(self._shared, self._signals, work))

    # -- requests ---------------------------------------------------------------------

    def refresh(self, entries: Sequence[LibraryEntry], states: States,
                reread: bool = True) -> None:
        """Check the files are there, read the new or changed ones (unless `reread` is
        off: the window is analysing them), measure them all."""
        entries = list(entries)
        self._start(lambda job: _refresh(job, entries, dict(states), reread))

    def store_analysed(self, entry: LibraryEntry, text: str, counts: Mapping[str, int],
                       states: States) -> None:
        """The window analysed this text: index the words it counted, so a long text is
        not analysed a second time for the library (seconds of CPU beside the reader)."""
        frozen, counted = dict(states), dict(counts)
        self._start(lambda job: _store_analysed(job, entry, text, counted, frozen))

    def update_states(self, states: States) -> None:
        """Word states changed: % known and new words again, for every text (no reading)."""
        frozen = dict(states)
        self._start(lambda job: _measure_all(job, frozen))

    def import_paths(self, paths: Sequence[str], states: States) -> None:
        """Add files, folders and books to the library, each text read and analysed once."""
        paths = list(paths)
        self._start(lambda job: _import(job, paths, dict(states)))

    def forget(self, locations: Sequence[Location]) -> None:
        """Removed from the library: drop them from the index too."""
        locations = list(locations)
        self._start(lambda job: _forget(job, locations))

    def cancel(self) -> None:
        """Stop the running job at its next text and drop the queued ones."""
        self._shared.generation += 1
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 5000) -> None:
        """Stop and close; a job that outlasts `msecs` (one long text) closes as it ends."""
        self.cancel()
        self._shared.closing = True
        if self.wait(msecs):
            self._shared.close()


# -- jobs (worker thread) ---------------------------------------------------------------


def _measure(job: _Job, location: Location, words: TextWords, states: States) -> None:
    job.report(location, reading_stats(words.items(), states, words.hsk_profile))


def _measure_all(job: _Job, states: States) -> None:
    _, texts = job.shared.opened()
    for location, words in list(texts.items()):
        if job.cancelled():
            return
        _measure(job, location, words, states)


def _load_words_gently(job: _Job) -> None:
    """Load jieba's word list a word at a time before the first text is read: rjieba's
    one-call load holds the GIL for ~0.1 s, a freeze of the window mid-import. Only
    here, where texts will be read: a reader of cached articles never pays for it."""
    with contextlib.suppress(Exception):  # the first text's reading reports a failure
        job.shared.analyzer.segmenter.load_gently()


def _store_analysed(job: _Job, entry: LibraryEntry, text: str, counts: dict[str, int],
                    states: States) -> None:
    index, texts = job.shared.opened()
    stamp = file_stamp(entry.path)
    known = texts.get(entry.location)
    if stamp is None or (known is not None and known.stamp == stamp):
        return  # gone, or already indexed as it is (and measured by `_refresh`)
    new = NewEntry(path=entry.path, title=entry.title, chars=len(text), part=entry.part,
                   book=entry.book, builtin=entry.builtin)
    read = counted_text(job.shared.analyzer, new, text, counts, stamp)
    texts[entry.location] = read.words
    _measure(job, entry.location, read.words, states)
    store_batch(job.shared.library, index, [read])


def _refresh(job: _Job, entries: list[LibraryEntry], states: States,
             reread: bool = True) -> None:
    index, texts = job.shared.opened()
    missing, present, stale = set(), set(), []
    for entry in entries:
        stamp = file_stamp(entry.path)
        if stamp is None:
            missing.add(entry.location)
            continue
        present.add(entry.location)
        known = texts.get(entry.location)
        if known is not None and known.stamp == stamp:
            _measure(job, entry.location, known, states)
        else:
            stale.append(entry)
    job.signals.missing.emit(missing, present)
    job.flush()
    if not reread:
        return
    problems: list[str] = []
    batch: list[ReadText] = []
    rereads = reread_entries(job.shared.analyzer, job.when_reader_idle(stale), job.gives_way)
    for done, (entry, result) in enumerate(rereads, 1):
        if job.cancelled():
            break
        job.signals.progress.emit(done, len(stale), "Analysing")
        if isinstance(result, str):
            problems.append(result)
            continue
        batch.append(result)
        texts[entry.location] = result.words
        _measure(job, entry.location, result.words, states)
        if len(batch) >= BATCH_TEXTS:
            store_batch(job.shared.library, index, batch)
            batch = []
    store_batch(job.shared.library, index, batch)
    _report_problems(job, problems)


def _import(job: _Job, paths: list[str], states: States) -> None:
    index, texts = job.shared.opened()
    files = importable_files(paths)
    problems: list[str] = []
    batch: list[ReadText] = []
    sent = time.monotonic()

    def store() -> None:
        nonlocal batch, sent
        entries = store_batch(job.shared.library, index, batch)
        if entries:
            job.signals.added.emit(entries)
        for text in batch:
            _measure(job, text.location, text.words, states)
        job.flush()
        batch, sent = [], time.monotonic()

    for done, path in enumerate(files, 1):
        if not job.wait_for_reader():
            break
        job.signals.progress.emit(done, len(files), "Importing")
        try:
            read = read_file(job.shared.analyzer, path, job.gives_way)
        except UserError as exc:
            problems.append(str(exc))
            continue
        for text in read:
            texts[text.location] = text.words
        batch.extend(read)
        if len(batch) >= BATCH_TEXTS or time.monotonic() - sent >= BATCH_SECONDS * 4:
            store()
    store()
    _report_problems(job, problems)


def _forget(job: _Job, locations: list[Location]) -> None:
    index, texts = job.shared.opened()
    index.remove(locations)
    for location in locations:
        texts.pop(location, None)


def _report_problems(job: _Job, problems: list[str]) -> None:
    if not problems:
        return
    shown = "; ".join(problems[:MAX_REPORTED])
    more = len(problems) - MAX_REPORTED
    job.signals.problems.emit(
        f"{len(problems)} file{'s' if len(problems) != 1 else ''} could not be read: {shown}"
        + (f"; and {more} more" if more > 0 else ""))

