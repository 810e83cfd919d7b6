"""CC-CEDICT compiled once into a SQLite index in `cache_dir()`, and the lookups on it.

The index stores each line split into its headwords, reading and raw sense text, and
parses senses (classifiers, references, tone marks) only for the entries a reader looks
up: parsing all 120,000 lines took seconds, while splitting them takes a fraction of one,
so even a first start with an empty cache has its popups ready quickly. Opening a built
index takes milliseconds; it is rebuilt only when the source file or the format changes.
The index is built in a temp file beside its final name and renamed into place, so a
second process either sees the previous complete index or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from app.core.errors import UserError
from app.core.language.cedict import (
    also_pronounced,
    cedict_source_path,
    fields_from_parts,
    is_pointer_sense,
    split_line,
    usefulness,
)
from app.core.language.english_names import name_from_sense
from app.core.language.frequency import read_frequencies
from app.core.language.frequency import source_stamp as frequency_stamp
from app.core.paths import cache_dir
from app.core.sqlite_errors import is_corruption
from app.core.text.chars import has_han
from app.core.types import Entry, GlossSource

# Bump whenever split_line or the schema changes what the index holds.
# 4: word_freq, jieba's corpus count of each headword (search ranking, segmentation).
PARSER_VERSION = 4
INDEX_NAME = f"cedict-v{PARSER_VERSION}.sqlite3"

_CHUNK = 500  # stays well under SQLite's limit on bound parameters
_PART_SENSES = 2

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    traditional TEXT NOT NULL,
    simplified TEXT NOT NULL,
    pinyin_numbered TEXT NOT NULL,
    body TEXT NOT NULL  -- the senses as written in the source: /sense/sense/
);
CREATE TABLE keys (
    key TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    simplified_match INTEGER NOT NULL,
    PRIMARY KEY (key, entry_id)
) WITHOUT ROWID;
CREATE TABLE word_freq (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
"""
_ENTRY_COLUMNS = "e.traditional, e.simplified, e.pinyin_numbered, e.body"


def _source_key(source: Path) -> str:
    """What must match for an index to be current: path, size, mtime, parser version, and
    the word-frequency list stored beside the entries."""
    stat = source.stat()
    return (f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{PARSER_VERSION}|"
            f"{frequency_stamp()}")


def _read_source_lines(source: Path) -> Iterator[str]:
    """One decompress, then a buffered text stream: faster than gzip's line reader, and
    40 MB less at the peak of a first start than a list of all 120,000 lines."""
    data = source.read_bytes()
    if source.suffix == ".gz":
        data = gzip.decompress(data)
    with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace") as lines:
        yield from lines


def _entry_rows(
    lines: Iterable[str], simplified_seen: set[str]
) -> Iterator[tuple[int, str, str, str, str]]:
    """Lines split as far as the index needs; a line without any sense text is no entry.
    Each simplified headword goes into `simplified_seen` (the frequencies kept)."""
    for entry_id, line in enumerate(lines):
        try:
            parts = split_line(line)
        except (ValueError, IndexError):  # a line that trips the parser is skipped
            continue
        if parts is None:
            continue
        traditional, simplified, numbered, body = parts
        if not body.strip(" /"):
            continue
        if "  " in numbered or numbered != numbered.strip():
            numbered = " ".join(numbered.split())
        simplified_seen.add(simplified)
        yield entry_id, traditional, simplified, numbered, body


def _fill_index(connection: sqlite3.Connection, source: Path) -> None:
    """Parse `source` into an empty SQLite database (a file being built, or memory)."""
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    connection.executescript(_SCHEMA)
    headwords: set[str] = set()
    connection.executemany(
        "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
        _entry_rows(_read_source_lines(source), headwords),
    )
    # Sorting in SQLite is cheaper than building 200,000 key tuples in Python.
    connection.execute(
        "INSERT INTO keys SELECT key, id, simplified_match FROM ("
        " SELECT simplified AS key, id, 1 AS simplified_match FROM entries"
        " UNION ALL SELECT traditional, id, 0 FROM entries"
        " WHERE traditional != simplified) ORDER BY key, id"
    )
    _store_frequencies(connection, headwords)
    (max_key_length,) = connection.execute(
        "SELECT coalesce(max(length(key)), 1) FROM keys"
    ).fetchone()
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("source", _source_key(source)), ("max_key_length", str(max_key_length))],
    )
    connection.commit()


def build_index(source: Path, index_path: Path) -> None:
    """Parse `source` into a new SQLite file and atomically put it at `index_path`."""
    index_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        dir=index_path.parent, prefix=f".{index_path.name}.", suffix=".tmp"
    )
    os.close(fd)
    tmp_path = Path(tmp_name)
    try:
        connection = sqlite3.connect(tmp_path)
        try:
            _fill_index(connection, source)
        finally:
            connection.close()
        with open(tmp_path, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp_path, index_path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    if index_path.name == INDEX_NAME:
        _remove_older_versions(index_path)


def _store_frequencies(connection: sqlite3.Connection, headwords: set[str]) -> None:
    """jieba's counts of the simplified headwords (how common a word is; CC-CEDICT
    does not say), filtered here rather than in SQL: a first start waits for this."""
    counts: dict[str, int] = {}
    for word, count in read_frequencies():
        if word in headwords:
            counts.setdefault(word, count)
    connection.executemany("INSERT INTO word_freq VALUES (?, ?)", sorted(counts.items()))


def _index_in_memory(source: Path) -> tuple[sqlite3.Connection, int]:
    """The index for this run only, when the cache folder cannot hold one."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _fill_index(connection, source)
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    return connection, int(meta.get("max_key_length", "20"))


def _remove_older_versions(index_path: Path) -> None:
    """Indexes from earlier parser versions are never read again; don't let them pile up."""
    for stale in index_path.parent.glob("cedict-v*.sqlite3"):
        if stale.name != index_path.name:
            # Still open elsewhere (Windows): the next build tries again.
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)


def _looks_complete(index_path: Path) -> bool:
    """Cheap check against a truncated file: the header's page count must fit the file."""
    try:
        with open(index_path, "rb") as handle:
            header = handle.read(100)
        size = index_path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    return page_count > 0 and page_size * page_count <= size


def _open_current(index_path: Path, source: Path) -> tuple[sqlite3.Connection, int] | None:
    """A read-only connection to an index built from this very source, else None."""
    if not _looks_complete(index_path):
        return None
    connection = None
    try:
        connection = sqlite3.connect(
            f"{index_path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        meta = dict(connection.execute("SELECT key, value FROM meta"))
        if meta.get("source") != _source_key(source):
            connection.close()
            return None
        return connection, int(meta.get("max_key_length", "20"))
    except (sqlite3.DatabaseError, ValueError):
        if connection is not None:
            connection.close()
        return None


def _entries_from_rows(rows: Iterable[tuple]) -> tuple[Entry, ...]:
    """Parse the stored lines; rows come as (simplified_match, traditional, simplified,
    numbered, body) ordered by key script then file order, and the result puts mere
    pointers ('old variant of 以[yi3]') after real meanings, so a popup's first line
    is a real meaning."""
    parsed: list[tuple[tuple[bool, bool], Entry]] = []
    for simplified_match, *parts in rows:
        fields = fields_from_parts(*parts)
        if fields is None:
            continue
        entry = Entry(*fields)
        pointer = all(map(is_pointer_sense, entry.senses))
        parsed.append(((not simplified_match, pointer), entry))
    parsed.sort(key=lambda item: item[0])  # stable: file order within each group
    return tuple(entry for _, entry in parsed)


def preferred_entry(entries: Iterable[Entry]) -> Entry | None:
    """The entry a learner wants first: a common word over a name over a mere pointer."""
    return min(entries, key=usefulness, default=None)  # min keeps file order among equals


class Dictionary:
    """Lookups on a built index; safe to share between the GUI thread and workers."""

    def __init__(self, index_path: Path, source: Path) -> None:
        self.index_path = index_path
        self.source = source
        # One line for the user when the index could not be kept on disk.
        self.notice: str | None = None
        self._lock = threading.Lock()
        self._connection, self._max_key_length = self._open_or_build()
        # Sized for a few articles' distinct words; entries are ~1 KB each, and the whole
        # app must stay under 250 MiB however long the window stays open.
        self._lookup_cached = lru_cache(maxsize=8192)(self._query_one)
        self._contains_cached = lru_cache(maxsize=32768)(self._query_contains)
        self._frequency_cached = lru_cache(maxsize=32768)(self._query_frequency)
        self._gloss_cached = lru_cache(maxsize=8192)(self._compute_gloss)
        self._english_cached = lru_cache(maxsize=2048)(self._compute_english_name)

    def source_key(self) -> str:
        """Changes whenever the source file (or how it is parsed) does: for derived caches."""
        return _source_key(self.source)

    def _open_or_build(self) -> tuple[sqlite3.Connection, int]:
        opened = _open_current(self.index_path, self.source)
        if opened is not None:
            return opened
        try:
            build_index(self.source, self.index_path)
            opened = _open_current(self.index_path, self.source)
            if opened is None:
                raise OSError(f"{self.index_path} cannot be read back")
        except (OSError, sqlite3.Error) as exc:
            # A read-only or full cache folder, a folder where the index belongs: this run
            # gets an index in memory, and the next start tries the disk again.
            reason = getattr(exc, "strerror", None) or exc
            self.notice = (
                f"the dictionary index cannot be kept in {self.index_path.parent} ({reason}); "
                "a temporary one is used, so every start takes a few seconds longer"
            )
            try:
                opened = _index_in_memory(self.source)
            except (OSError, sqlite3.Error) as again:
                why = getattr(again, "strerror", None) or again
                raise UserError(f"cannot build the dictionary index: {why}") from again
        return opened

    def _execute(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        """Run a read under the lock; a damaged index is rebuilt once, then retried."""
        parameters = tuple(parameters)
        with self._lock:
            try:
                return self._connection.execute(sql, parameters).fetchall()
            except sqlite3.DatabaseError as exc:
                if not is_corruption(exc):  # closed, busy, ...: never delete a shared index
                    raise
                self._connection.close()
                with contextlib.suppress(OSError):
                    self.index_path.unlink(missing_ok=True)
                self._connection, self._max_key_length = self._open_or_build()
                return self._connection.execute(sql, parameters).fetchall()

    def _query_one(self, word: str) -> tuple[Entry, ...]:
        rows = self._execute(
            f"SELECT k.simplified_match, {_ENTRY_COLUMNS} FROM keys k "
            "JOIN entries e ON e.id = k.entry_id WHERE k.key = ? ORDER BY e.id",
            (word,),
        )
        return _entries_from_rows(rows)

    def read(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        """A read-only query on the index (search builds its tables through this)."""
        return self._execute(sql, parameters)

    def entries_by_id(self, ids: Iterable[int]) -> dict[int, Entry]:
        """Entries by row id (search results), one query per 500 ids."""
        found: dict[int, Entry] = {}
        rows = self._select_in(f"SELECT e.id, 1, {_ENTRY_COLUMNS} FROM entries e "
                               "WHERE e.id IN ({})", ids)
        for entry_id, *row in rows:
            entries = _entries_from_rows([tuple(row)])
            if entries:
                found[entry_id] = entries[0]
        return found

    def _select_in(self, sql: str, values: Iterable) -> Iterator[tuple]:
        """Rows of `sql` whose `IN ({})` takes the distinct `values`, asked 500 at a time:
        one query per chunk (not per word), under SQLite's limit on bound parameters."""
        unique = list(dict.fromkeys(values))
        for offset in range(0, len(unique), _CHUNK):
            chunk = unique[offset : offset + _CHUNK]
            yield from self._execute(sql.format(", ".join("?" * len(chunk))), chunk)

    def frequency(self, word: str) -> int:
        """How often `word` (simplified) occurs in jieba's corpus counts; 0 when unknown."""
        return self._frequency_cached(word)

    def _query_frequency(self, word: str) -> int:
        rows = self._execute("SELECT count FROM word_freq WHERE word = ?", (word,))
        return int(rows[0][0]) if rows else 0

    def _query_contains(self, word: str) -> bool:
        return bool(self._execute("SELECT 1 FROM keys WHERE key = ? LIMIT 1", (word,)))

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Entries whose simplified or traditional form is `word`, in file order except that
        entries written in the query's script come first and mere pointers ('old variant
        of 以[yi3]') last, so the popup's first line is a real meaning."""
        return self._lookup_cached(word)

    def lookup_many(self, words: Iterable[str]) -> dict[str, tuple[Entry, ...]]:
        """All words at once (one query per 500 distinct words): every word gets a key."""
        words = list(words)
        found: dict[str, list[tuple]] = {word: [] for word in words}
        rows = self._select_in(
            f"SELECT k.key, k.simplified_match, {_ENTRY_COLUMNS} FROM keys k "
            "JOIN entries e ON e.id = k.entry_id WHERE k.key IN ({}) ORDER BY k.key, e.id",
            words)
        for key, *row in rows:
            found[key].append(tuple(row))
        return {word: _entries_from_rows(rows) for word, rows in found.items()}

    def contains(self, word: str) -> bool:
        """Is `word` a headword (either script)? Called for every token, hence cached."""
        return self._contains_cached(word)

    def longest_match(
        self, text: str, start: int, max_len: int = 20
    ) -> tuple[int, tuple[Entry, ...]] | None:
        """The longest headword starting at `start` (what a hover dictionary highlights)."""
        matches = self.prefix_matches(text, start, max_len)
        return matches[0] if matches else None

    def prefix_matches(
        self, text: str, start: int, max_len: int = 20
    ) -> list[tuple[int, tuple[Entry, ...]]]:
        """Every headword starting at `start`, longest first (a hover dictionary's list:
        the character under the mouse and what follows it, whatever the segmentation)."""
        if not 0 <= start < len(text):
            return []
        limit = min(max_len, self._max_key_length, len(text) - start)
        newline = text.find("\n", start, start + limit)
        if newline >= 0:
            limit = newline - start
        candidates = [text[start : start + length] for length in range(1, limit + 1)]
        found = self.lookup_many(candidates)
        return [(len(c), found[c]) for c in reversed(candidates) if found[c]]

    def decompose(self, word: str) -> list[tuple[str, tuple[Entry, ...]]]:
        """Greedy longest match left to right; a character with no entry gets ()."""
        parts: list[tuple[str, tuple[Entry, ...]]] = []
        position = 0
        while position < len(word):
            match = self.longest_match(word, position)
            if match is None:
                parts.append((word[position], ()))
                position += 1
            else:
                length, entries = match
                parts.append((word[position : position + length], entries))
                position += length
        return parts

    def gloss(self, word: str) -> tuple[str | None, GlossSource | None]:
        """The popup's one-line meaning: the word's own, else its parts', else nothing."""
        return self._gloss_cached(word)

    def _compute_gloss(self, word: str) -> tuple[str | None, GlossSource | None]:
        if not has_han(word):
            return None, None
        entry = preferred_entry(self.lookup(word))
        if entry is not None:
            return entry.gloss, "word"
        pieces = []
        for part, entries in self.decompose(word):
            part_entry = preferred_entry(entries)
            if part_entry is not None and part_entry.senses:
                pieces.append(f"{part}: {'; '.join(part_entry.senses[:_PART_SENSES])}")
        if not pieces:
            return None, None
        return " / ".join(pieces), "parts"

    def english_name(self, word: str) -> str | None:
        """The English name a proper-noun entry gives ('马斯克' -> 'Elon Musk')."""
        return self._english_cached(word)

    def _compute_english_name(self, word: str, follow: bool = True) -> str | None:
        proper = [entry for entry in self.lookup(word) if entry.proper]
        for entry in proper:
            for sense in entry.senses:
                name = name_from_sense(sense, entry.pinyin_numbered)
                if name:
                    return name
        if follow:  # 腾讯: "see 腾讯控股有限公司[...]" names the company there
            for entry in proper:
                for reference in entry.references:
                    name = self._compute_english_name(reference, follow=False)
                    if name:
                        return name
        return None

    def readings_many(self, words: Iterable[str]) -> dict[str, list[tuple[str, str, bool]]]:
        """word -> [(numbered reading, simplified form, is a name)] of its entries, file order,
        with the readings a sense adds ("also pr. [shui2]", "colloquial pr. [xie3]"); one
        query per 500 words, no sense parsing: what the pinyin reader needs for every word."""
        found: dict[str, list[tuple[str, str, bool]]] = {}
        rows = self._select_in(
            "SELECT k.key, e.simplified, e.pinyin_numbered, e.body FROM keys k "
            "JOIN entries e ON e.id = k.entry_id WHERE k.key IN ({}) ORDER BY k.key, e.id",
            words)
        for key, simplified, numbered, body in rows:
            readings = found.setdefault(key, [])
            proper = numbered[:1].isupper()
            readings.append((numbered, simplified, proper))
            if " pr. [" in body:
                readings += [(o, simplified, proper) for o in also_pronounced([body])]
        return found

    def headwords(self) -> Iterator[tuple[str, str, str]]:
        """(simplified, traditional, pinyin_numbered) in file order, read page by page."""
        last_id = -1
        while True:
            rows = self._execute(
                "SELECT id, simplified, traditional, pinyin_numbered FROM entries "
                "WHERE id > ? ORDER BY id LIMIT 5000",
                (last_id,),
            )
            if not rows:
                return
            for _, simplified, traditional, numbered in rows:
                yield simplified, traditional, numbered
            last_id = rows[-1][0]

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def open_dictionary(source: Path | None = None, cache: Path | None = None) -> Dictionary:
    """A Dictionary over `source` (default: the bundled CC-CEDICT), building if needed."""
    source = source if source is not None else cedict_source_path()
    if not source.is_file():
        raise UserError(f"dictionary source not found: {source}")
    directory = cache if cache is not None else cache_dir()
    return Dictionary(directory / INDEX_NAME, source)
