"""The window's library: the store, the panel and the background worker, wired together.

The window tells it what happens to the reader (an article opened, left, word states
changed); it keeps the store and the panel in step and asks the worker for statistics.
Requests to open a text go back to the window through `open_requested`.
"""

from __future__ import annotations

import re
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.analysis.analyzer import Analyzer
from app.core.analysis.library_index import LibraryIndex, Location
from app.core.errors import UserError
from app.core.paths import atomic_write_bytes
from app.core.text.articles import MAX_ARTICLE_CHARS, builtin_articles, title_from_text
from app.core.text.chars import HAN_CLASS
from app.core.types import Article, LibraryEntry, NewEntry, WordState
from app.core.user.library import STORE_NAME, LibraryStore, pasted_dir, path_key
from app.ui.library_panel import LibraryPanel
from app.ui.library_worker import LibraryWorker

STATES_DELAY_MS = 800  # word states settle (a burst of keys) before the library re-measures
_UNSAFE_NAME = re.compile(f"[^\\w{HAN_CLASS}]+")


def open_library_store() -> tuple[LibraryStore, str | None]:
    """The library in the data dir; when it cannot be written, a copy in a temporary
    folder holding what could be read, with a notice that it lasts until the window quits."""
    until_quit = " — the library lasts until you quit"
    try:
        store = LibraryStore()
    except (UserError, OSError) as exc:
        return _temporary_library([]), f"{exc}{until_quit}"
    if not store.read_only:
        return store, store.notice
    with store:
        entries = store.entries()
    return _temporary_library(entries), f"{store.notice}{until_quit}"


def _temporary_library(entries: list[LibraryEntry]) -> LibraryStore:
    store = LibraryStore(Path(tempfile.mkdtemp(prefix="zhreader-library-")) / STORE_NAME)
    store.add_many([NewEntry(e.path, e.title, e.chars, e.part, e.book, e.builtin)
                    for e in entries])
    return store


class LibrarySession(QObject):
    """What the window does with its library, off the window's own code."""

    open_requested = Signal(object)  # LibraryEntry
    message = Signal(str)  # for the status bar
    failed = Signal(str)  # for a dialog

    def __init__(self, panel: LibraryPanel, analyzer: Analyzer, parent: QObject | None = None,
                 index_path: Path | None = None,
                 reader_idle: threading.Event | None = None,
                 records_reading: bool = True) -> None:
        super().__init__(parent)
        self.panel = panel
        # False for a window that leaves no trace (`zhreader screenshot`): what it opens is
        # not added, and where it stops is not the learner's "last read".
        self._records_reading = records_reading
        self.store, self.notice = open_library_store()
        self.worker = LibraryWorker(self.store, analyzer, index_path, self, reader_idle)
        self._index_path = index_path
        self._search_index: LibraryIndex | None = None
        self._current: LibraryEntry | None = None
        self._open_after_import: str | None = None  # a book dropped or opened: its first chapter
        self._states: Mapping[str, WordState] = {}
        self._states_timer = QTimer(self)
        self._states_timer.setSingleShot(True)
        self._states_timer.setInterval(STATES_DELAY_MS)
        self._states_timer.timeout.connect(lambda: self.worker.update_states(self._states))

        panel.set_searcher(self.search)
        panel.open_requested.connect(self.open_requested)
        panel.import_requested.connect(self.import_paths)
        panel.remove_requested.connect(self.remove)
        panel.cancel_requested.connect(self.worker.cancel)
        self.worker.progress.connect(panel.set_progress)
        self.worker.busy_changed.connect(panel.set_busy)
        self.worker.stats_ready.connect(panel.model.set_stats)
        self.worker.missing_changed.connect(panel.model.set_missing)
        self.worker.entries_added.connect(self._on_entries_added)
        self.worker.problems.connect(self._on_problems)

    # -- the library as a whole -------------------------------------------------------

    def load(self, states: Mapping[str, WordState]) -> None:
        """List everything (bundled articles the first time), then measure in the background."""
        self._states = states
        self._states_timer.stop()  # measured below, with these states
        try:
            self.store.seed_builtins((item.slug, item.title, str(item.path))
                                     for item in builtin_articles())
        except UserError as exc:
            self.message.emit(str(exc))
        entries = self.store.entries()
        self.panel.model.set_entries(entries)
        # From the event loop: an article the window opens as it starts is asked for
        # first, so its analysis goes ahead of the library's (see LibraryWorker).
        QTimer.singleShot(0, self, lambda: self.worker.refresh(entries, states))

    def states_changed(self, states: Mapping[str, WordState]) -> None:
        """Word states changed: re-measure the library once the changes settle."""
        self._states = states
        self._states_timer.start()

    def last_read(self) -> LibraryEntry | None:
        entry = self.store.last_read()
        return entry if entry is not None and Path(entry.path).is_file() else None

    def search(self, text: str) -> set[Location] | None:
        """Texts holding every word of `text` (full-text index), or None if it cannot say."""
        try:
            if self._search_index is None:
                self._search_index = LibraryIndex(self._index_path)
            return self._search_index.search(text)
        except (UserError, OSError) as exc:
            if self._search_index is not None:  # the next search opens the file anew
                self._search_index.close()
                self._search_index = None
            self.message.emit(f"Searching the texts is not possible: {exc}")
            return None

    def import_paths(self, paths: list[str], open_first: bool = False) -> None:
        """Files, folders and books into the library, read in the background."""
        if open_first and paths:
            self._open_after_import = path_key(paths[0])
        self.message.emit(f"Adding {len(paths)} item{'s' if len(paths) != 1 else ''} "
                          "to the library…")
        self.worker.import_paths(paths, self._states)

    def paste(self, text: str) -> str | None:
        """Keep pasted text as a file of the library (in the data dir); returns its path."""
        if not text.strip():
            self.message.emit("The clipboard holds no text to read.")
            return None
        if len(text) > MAX_ARTICLE_CHARS:
            self.failed.emit(f"The clipboard holds more than {MAX_ARTICLE_CHARS:,} characters; "
                             "paste a smaller part.")
            return None
        title = title_from_text(text)
        name = _UNSAFE_NAME.sub("-", title).strip("-")[:40] or "pasted"
        folder = pasted_dir()
        path = folder / f"{time.strftime('%Y-%m-%d-%H%M%S')} {name}.txt"
        n = 1
        while path.exists():
            n += 1
            path = folder / f"{time.strftime('%Y-%m-%d-%H%M%S')} {name} {n}.txt"
        try:
            atomic_write_bytes(path, text.encode("utf-8", "surrogatepass"))
        except OSError as exc:
            self.failed.emit(f"The pasted text could not be kept in {folder}: {exc}")
            return None
        return str(path)

    def remove(self, entries: list[LibraryEntry]) -> None:
        """Forget entries (their files stay); the open article stays open."""
        try:
            self.store.remove(entry.id for entry in entries)
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        locations = {entry.location for entry in entries}
        self.panel.model.remove(locations)
        self.worker.forget(list(locations))
        if self._current is not None and self._current.location in locations:
            self._current = None
        self.message.emit(f"Removed {len(entries)} from the library (the files stay where "
                          "they are)")

    # -- the open article -------------------------------------------------------------

    def opened(self, article: Article, position: int) -> None:
        """An article is shown: list it (once), mark it read now, show it as open."""
        if not article.path:
            self._current = None
            self.panel.show_open(None)
            return
        try:
            if not self._records_reading:
                self._show_listed(article.path, article.part)
                return
            entry = self.store.add(NewEntry(article.path, article.title, len(article.text),
                                            article.part))
            self.store.record_reading(entry.id, position, 0.0)
        except UserError as exc:
            self.message.emit(str(exc))
            self.panel.show_open(None)
            return
        self._current = entry
        model = self.panel.model
        model.add_entries([entry])
        model.record_reading(entry.location, position, 0.0)
        self.panel.show_open(entry.location)
        row = model.row_of(entry.location)
        if row >= 0 and model.stats(row) is None:
            # Measured now if indexed as it is; otherwise from the window's analysis.
            self.worker.refresh([entry], self._states, reread=False)

    def _show_listed(self, path: str, part: str) -> None:
        """The open article marked in the list if it is there already; nothing is written."""
        entry = self.store.find(path, part)
        self._current = None
        self.panel.show_open(entry.location if entry is not None else None)

    def analysed(self, text: str, counts: Mapping[str, int]) -> None:
        """The open article's analysis is shown: the library indexes the words it counted
        instead of analysing the text again."""
        if self._current is not None and self._current.chars == len(text):
            self.worker.store_analysed(self._current, text, counts, self._states)

    def record_progress(self, position: int, progress: float) -> None:
        """Where the reader is in the open article, and how far they got (furthest)."""
        if self._current is None:
            return
        try:
            self.store.record_reading(self._current.id, position, progress)
        except UserError:
            return  # the position is a convenience: never a dialog for it
        self.panel.model.record_reading(self._current.location, position, progress)

    def close(self) -> None:
        self._states_timer.stop()
        self.worker.shutdown()
        if self._search_index is not None:
            self._search_index.close()
        self.store.close()

    def _on_problems(self, text: str) -> None:
        """Unreadable files of an import: a line in the status bar, but a dialog when the
        reader opened that book and is waiting for it (nothing else would ever open)."""
        if self._open_after_import is not None:
            self._open_after_import = None
            self.failed.emit(text)
        else:
            self.message.emit(text)

    def _on_entries_added(self, entries: list[LibraryEntry]) -> None:
        self.panel.model.add_entries(entries)
        wanted = self._open_after_import
        if wanted is not None:
            first = next((e for e in entries if e.path == wanted), None)
            if first is not None:
                self._open_after_import = None
                self.open_requested.emit(first)
