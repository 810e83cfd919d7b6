"""The vocabulary: saved words, in a small SQLite file that survives crashes (or in memory).

The file's guarantees (WAL, synchronous=FULL, one BEGIN IMMEDIATE transaction per write,
`user_version` migrations, a copy examined before the file is opened for writing, foreign
or damaged files and stray WALs set aside, a read-only fallback) come from
`app.core.user.sqlite_store`; this module owns the vocabulary's schema and rules.

`Vocabulary` is the interface the window and the command line use; `VocabStore` (the
file) and `MemoryVocab` (the window's stand-in when the file cannot be written) both
implement it with the same rules, and one test suite runs against both.
"""

from __future__ import annotations

import functools
import html
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Concatenate, Literal, ParamSpec, Protocol, TypeVar

from app.core.errors import UserError
from app.core.types import (
    LEARNING_LEVELS,
    WORD_STATES,
    WORD_STATUSES,
    VocabItem,
    WordState,
    WordStatus,
)
from app.core.user.sqlite_store import SqliteStore

STATUSES = WORD_STATUSES
Status = WordStatus  # the name callers already use
STORE_NAME = "vocabulary.sqlite3"

# "zhRV" in ASCII: identifies a zhreader vocabulary file among SQLite files.
APPLICATION_ID = 0x7A685256
# Words per query when many change at once (SQLite allows 32,766 variables by default,
# older builds 999; a long article can hold thousands of new words).
_BULK = 500

_COLUMNS = (
    "simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark, "
    "level, saved"
)
_COLUMN_COUNT = _COLUMNS.count(",") + 1


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE vocab (
            simplified  TEXT PRIMARY KEY NOT NULL CHECK (simplified <> ''),
            traditional TEXT NOT NULL,
            pinyin      TEXT NOT NULL DEFAULT '',
            gloss       TEXT NOT NULL DEFAULT '',
            sentence    TEXT NOT NULL DEFAULT '',
            article     TEXT NOT NULL DEFAULT '',
            added       REAL NOT NULL,
            updated     REAL NOT NULL,
            status      TEXT NOT NULL DEFAULT 'learning'
                        CHECK (status IN ('learning', 'known')),
            note        TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute("CREATE INDEX vocab_by_traditional ON vocab (traditional)")
    conn.execute("CREATE INDEX vocab_by_added ON vocab (added)")


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Remember where the word sits in its sentence (a word can occur twice)."""
    conn.execute("ALTER TABLE vocab ADD COLUMN mark INTEGER NOT NULL DEFAULT -1")


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    """Word states, as LingQ has them: learning levels 1-4, known, ignored.

    A word can now have a state without being saved (`saved` = 0): marking a page's
    words known must not fill the vocabulary list and its exports. "learning" and
    "known" keep their meaning; the status CHECK widens, so the table is rebuilt.
    """
    conn.execute(
        """
        CREATE TABLE vocab_states (
            simplified  TEXT PRIMARY KEY NOT NULL CHECK (simplified <> ''),
            traditional TEXT NOT NULL,
            pinyin      TEXT NOT NULL DEFAULT '',
            gloss       TEXT NOT NULL DEFAULT '',
            sentence    TEXT NOT NULL DEFAULT '',
            article     TEXT NOT NULL DEFAULT '',
            added       REAL NOT NULL,
            updated     REAL NOT NULL,
            status      TEXT NOT NULL DEFAULT 'learning'
                        CHECK (status IN ('learning', 'known', 'ignored')),
            note        TEXT NOT NULL DEFAULT '',
            mark        INTEGER NOT NULL DEFAULT -1,
            level       INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 4),
            saved       INTEGER NOT NULL DEFAULT 1 CHECK (saved IN (0, 1))
        )
        """
    )
    old = (
        "simplified, traditional, pinyin, gloss, sentence, article, added, updated, status, "
        "note, mark"
    )
    conn.execute(f"INSERT INTO vocab_states ({old}) SELECT {old} FROM vocab")
    conn.execute("DROP TABLE vocab")
    conn.execute("ALTER TABLE vocab_states RENAME TO vocab")
    conn.execute("CREATE INDEX vocab_by_traditional ON vocab (traditional)")
    conn.execute("CREATE INDEX vocab_by_added ON vocab (saved, added)")


# Append only: index n migrates a store from user_version n to n + 1.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
)
SCHEMA_VERSION = len(_MIGRATIONS)


def default_store_path() -> Path:
    from app.core.paths import data_dir

    return data_dir() / STORE_NAME


# -- the interface and its rules --------------------------------------------------------------


class Vocabulary(Protocol):
    """Saved words keyed by their simplified form, found by either script.

    `notice` is one line for the user when opening needed a decision (a damaged file set
    aside, a read-only folder, a memory stand-in), else None.
    """

    notice: str | None

    def save(self, item: VocabItem) -> VocabItem: ...

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int: ...

    def get(self, word: str) -> VocabItem | None: ...

    def items(self) -> list[VocabItem]: ...

    def remove(self, word: str) -> bool: ...

    def set_status(self, word: str, status: Status) -> bool: ...  # a word it holds

    def set_note(self, word: str, note: str) -> bool: ...

    def known_words(self) -> set[str]: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...

    # Word states (LingQ's): no state is "unknown"; learning 1-4, known, ignored.

    def set_state(self, word: str, status: WordStatus, level: int | None = None,
                  traditional: str = "") -> VocabItem: ...

    def set_states(self, words: Iterable[str], status: WordStatus = "known", *,
                   only_unknown: bool = True) -> dict[str, VocabItem | None]: ...

    def restore(self, rows: Mapping[str, VocabItem | None]) -> None: ...

    def snapshot(self, words: Iterable[str]) -> dict[str, VocabItem | None]: ...

    def states(self) -> dict[str, WordState]: ...


def _checked(item: VocabItem) -> tuple[str, str]:
    """(simplified, traditional) of an item about to be saved; ValueError when it cannot be."""
    simplified = item.simplified.strip()
    if not simplified:
        raise ValueError("a vocabulary item needs a simplified word")
    _check_status(item.status, item.level)
    return simplified, item.traditional.strip() or _to_traditional(simplified)


def _check_status(status: str, level: int = 1) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    if level not in LEARNING_LEVELS:
        raise ValueError(f"a learning level is 1 to 4, not {level!r}")


def merge(old: VocabItem | None, item: VocabItem, simplified: str, traditional: str,
          now: float, exact_status: bool = False) -> VocabItem:
    """What saving `item` over `old` (None: a new word) keeps; both stores use this rule.

    A saved word is listed (and exported). On update the original `added` time stays;
    text fields given non-empty replace the stored ones (a new sentence/article/gloss/
    pinyin/note), empty ones keep them; a status of "known" or "ignored" is applied, the
    default "learning" never demotes a known word (it does bring an ignored one back),
    unless `exact_status` (an import the user asked to mark every word learning); a word
    that already had a state keeps its learning level.
    """
    if old is None:
        return replace(item, simplified=simplified, traditional=traditional,
                       added=item.added or now, saved=True)
    return VocabItem(
        simplified=simplified,
        traditional=item.traditional.strip() or old.traditional,
        pinyin=item.pinyin or old.pinyin,
        gloss=item.gloss or old.gloss,
        sentence=item.sentence or old.sentence,
        # A new sentence brings its own article; never pair it with the old title.
        article=item.article if item.sentence else item.article or old.article,
        added=old.added,
        status=item.status if exact_status or not (item.status == "learning"
                                                    and old.status == "known") else "known",
        note=item.note or old.note,
        mark=item.mark if item.sentence else old.mark,
        level=old.level,
        saved=True,
    )


def _new_state(old: VocabItem | None, simplified: str, traditional: str, status: WordStatus,
               level: int | None, now: float) -> VocabItem:
    """A word given a state: a new one is not saved (kept out of the list); `level` None
    keeps the learning level it had."""
    if old is None:
        return VocabItem(simplified, traditional, "", "", added=now, status=status,
                         level=level or 1, saved=False)
    return replace(old, status=status, level=level or old.level)


def _newest_first(item: VocabItem) -> tuple[float, str]:
    return -item.added, item.simplified


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _locked(
    method: Callable[Concatenate[MemoryVocab, _P], _R],
) -> Callable[Concatenate[MemoryVocab, _P], _R]:
    """Run a `MemoryVocab` method under its lock (a dict read mid-write raises)."""

    @functools.wraps(method)
    def run(self: MemoryVocab, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._lock:
            return method(self, *args, **kwargs)

    return run


class MemoryVocab:
    """The vocabulary kept in memory: the window's stand-in when the file cannot be written.

    Same rules as `VocabStore` (see `Vocabulary`); `items` seeds it, e.g. with the words a
    read-only store could still read, so the learner keeps seeing them.
    """

    def __init__(self, items: Iterable[VocabItem] = (), notice: str | None = None) -> None:
        self.notice = notice
        self._items: dict[str, VocabItem] = {item.simplified: item for item in items}
        # File jobs write from a worker while the window reads: one lock, re-entrant
        # because public methods call each other (save_many → _save).
        self._lock = threading.RLock()

    def _key(self, word: str) -> str | None:
        word = word.strip()
        if word in self._items:
            return word
        return next((key for key, item in self._items.items() if item.traditional == word), None)

    def save(self, item: VocabItem) -> VocabItem:
        return self._save(item, exact_status=False)

    @_locked
    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int:
        checked = list(items)
        for item in checked:
            _checked(item)  # all or nothing, as the store's one transaction
        for item in checked:
            self._save(item, exact_status)
        return len(checked)

    @_locked
    def _save(self, item: VocabItem, exact_status: bool) -> VocabItem:
        simplified, traditional = _checked(item)
        stored = merge(self._items.get(simplified), item, simplified, traditional, time.time(),
                       exact_status)
        self._items[simplified] = stored
        return stored

    @_locked
    def get(self, word: str) -> VocabItem | None:
        key = self._key(word)
        return None if key is None else self._items[key]

    @_locked
    def items(self) -> list[VocabItem]:
        return sorted((item for item in self._items.values() if item.saved), key=_newest_first)

    @_locked
    def remove(self, word: str) -> bool:
        key = self._key(word)
        return key is not None and self._items.pop(key, None) is not None

    def set_status(self, word: str, status: Status) -> bool:
        _check_status(status)
        return self._update(word, lambda item: replace(item, status=status))

    def set_note(self, word: str, note: str) -> bool:
        return self._update(word, lambda item: replace(item, note=note))

    @_locked
    def _update(self, word: str, change: Callable[[VocabItem], VocabItem]) -> bool:
        key = self._key(word)
        if key is None:
            return False
        self._items[key] = change(self._items[key])
        return True

    @_locked
    def known_words(self) -> set[str]:
        return {w for i in self._items.values() if i.status == "known"
                for w in (i.simplified, i.traditional) if w}

    @_locked
    def __len__(self) -> int:
        return sum(1 for item in self._items.values() if item.saved)

    @_locked
    def set_state(self, word: str, status: WordStatus, level: int | None = None,
                  traditional: str = "") -> VocabItem:
        _check_status(status, level or 1)
        simplified, met = _forms(word, traditional)
        key = self._key(word) or simplified
        new = _new_state(self._items.get(key), simplified, met, status, level, time.time())
        self._items[key] = new
        return new

    @_locked
    def set_states(self, words: Iterable[str], status: WordStatus = "known", *,
                   only_unknown: bool = True) -> dict[str, VocabItem | None]:
        _check_status(status)
        now = time.time()
        before: dict[str, VocabItem | None] = {}
        for simplified, traditional in _forms_many(w for w in words if w.strip()):
            old = self._items.get(simplified)
            if simplified in before or (old is not None
                                        and (only_unknown or old.status == status)):
                continue
            before[simplified] = old
            self._items[simplified] = _new_state(old, simplified, traditional, status, None, now)
        return before

    @_locked
    def restore(self, rows: Mapping[str, VocabItem | None]) -> None:
        for key, item in rows.items():
            if item is None:
                self._items.pop(key, None)
            else:
                self._items[key] = item

    @_locked
    def snapshot(self, words: Iterable[str]) -> dict[str, VocabItem | None]:
        return {key: self._items.get(key) for key in dict.fromkeys(words)}

    @_locked
    def states(self) -> dict[str, WordState]:
        return _states_of((item.simplified, item.traditional, item.status, item.level)
                          for item in self._items.values())

    def close(self) -> None:
        pass


# -- the file ---------------------------------------------------------------------------------


class VocabStore(SqliteStore):
    """Saved words in a SQLite file; safe for several processes at once.

    `read_only` is True when the folder or the disk refuses writes: the words are read
    from a snapshot in memory, and every change raises a one-line UserError.
    """

    kind = "vocabulary"
    contents = "saved words"
    application_id = APPLICATION_ID
    main_table = "vocab"
    salvage_tables = ("vocab",)
    rows_name = "saved and marked words"
    migrations = _MIGRATIONS

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(Path(path) if path is not None else default_store_path())

    # -- writes -----------------------------------------------------------------------

    def save(self, item: VocabItem) -> VocabItem:
        """Insert or update by simplified word (see `merge`); the result is committed to disk."""
        simplified, traditional = _checked(item)
        now = time.time()
        return self._write(
            lambda conn: _upsert(conn, item, simplified, traditional, now)
        )

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int:
        """`save` for many words in one transaction (an import): all are saved or none."""
        checked = [(item, *_checked(item)) for item in items]
        now = time.time()

        def upsert_all(conn: sqlite3.Connection) -> int:
            for item, simplified, traditional in checked:
                _upsert(conn, item, simplified, traditional, now, exact_status)
            return len(checked)

        return self._write(upsert_all)

    def remove(self, word: str) -> bool:
        """Forget a word given in either script (it becomes unknown); False when it had no row."""

        def delete(conn: sqlite3.Connection) -> bool:
            key = _find_key(conn, word)
            if key is None:
                return False
            conn.execute("DELETE FROM vocab WHERE simplified = ?", (key,))
            return True

        return bool(self._write(delete))

    def set_status(self, word: str, status: Status) -> bool:
        """Change the status of a word the store holds; False when it has none."""
        _check_status(status)
        return self._update_field(word, "status", status)

    def set_note(self, word: str, note: str) -> bool:
        return self._update_field(word, "note", note)

    def _update_field(self, word: str, column: Literal["status", "note"], value: str) -> bool:
        def update(conn: sqlite3.Connection) -> bool:
            key = _find_key(conn, word)
            if key is None:
                return False
            conn.execute(
                f"UPDATE vocab SET {column} = ?, updated = ? WHERE simplified = ?",
                (value, time.time(), key),
            )
            return True

        return bool(self._write(update))

    def set_state(self, word: str, status: WordStatus, level: int | None = None,
                  traditional: str = "") -> VocabItem:
        """Give any word a state (the reading keys 1-5 and X); returns the stored item.

        A word the store does not hold gets a row that is not saved, so marking a word
        known or ignored never adds it to the vocabulary list. `level` None keeps the
        word's learning level.
        """
        _check_status(status, level or 1)
        simplified, met = _forms(word, traditional)
        now = time.time()

        def upsert(conn: sqlite3.Connection) -> VocabItem:
            key = _find_key(conn, word) or simplified
            new = _new_state(_stored(conn, key), simplified, met, status, level, now)
            _put(conn, new, now)
            return new

        return self._write(upsert)

    def set_states(self, words: Iterable[str], status: WordStatus = "known", *,
                   only_unknown: bool = True) -> dict[str, VocabItem | None]:
        """Give many words (either script) one state in one transaction: all or none.

        With `only_unknown` (LingQ's "mark the rest known", "I know HSK 1-N") words that
        already have a state keep it. New rows are not saved (kept out of the list).
        Returns the changed words (simplified) as they were before, None for "no state":
        exactly what `restore` needs to undo the change.
        """
        _check_status(status)
        forms: dict[str, str] = {}
        for simplified, traditional in _forms_many(w for w in words if w.strip()):
            forms.setdefault(simplified, traditional)
        now = time.time()

        def write(conn: sqlite3.Connection) -> dict[str, VocabItem | None]:
            before: dict[str, VocabItem | None] = {}
            stored = _stored_many(conn, list(forms))
            inserts, updates = [], []
            for simplified, traditional in forms.items():
                old = stored.get(simplified)
                if old is None:
                    inserts.append((simplified, traditional, now, now, status))
                elif not only_unknown and old.status != status:
                    updates.append((status, now, simplified))
                else:
                    continue
                before[simplified] = old
            conn.executemany(
                "INSERT INTO vocab (simplified, traditional, added, updated, status, saved) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                inserts,
            )
            conn.executemany("UPDATE vocab SET status = ?, updated = ? WHERE simplified = ?",
                             updates)
            return before

        return self._write(write)

    def restore(self, rows: Mapping[str, VocabItem | None]) -> None:
        """Put words back exactly as given, in one transaction (undo and redo).

        Keys are simplified words; an item is written whole, None forgets the word.
        """
        now = time.time()

        def write(conn: sqlite3.Connection) -> None:
            conn.executemany("DELETE FROM vocab WHERE simplified = ?",
                             [(key,) for key, item in rows.items() if item is None])
            conn.executemany(
                f"INSERT OR REPLACE INTO vocab ({_COLUMNS}, updated) "
                f"VALUES ({', '.join('?' * (_COLUMN_COUNT + 1))})",
                [(*_row(item), now) for item in rows.values() if item is not None],
            )

        self._write(write)

    # -- reads ------------------------------------------------------------------------

    def get(self, word: str) -> VocabItem | None:
        """What the store holds for a word in either script (simplified match wins).

        A word only marked (known, ignored) comes back with `saved` False.
        """

        def read(conn: sqlite3.Connection) -> VocabItem | None:
            key = _find_key(conn, word)
            return None if key is None else _stored(conn, key)

        return self._read(read)

    def snapshot(self, words: Iterable[str]) -> dict[str, VocabItem | None]:
        """Each simplified word as stored now (None: no state): what an undo puts back."""
        keys = list(dict.fromkeys(words))
        stored = self._read(lambda conn: _stored_many(conn, keys))
        return {key: stored.get(key) for key in keys}

    def items(self) -> list[VocabItem]:
        """The saved words (the vocabulary list), newest first."""
        rows = self._read(
            lambda conn: conn.execute(
                f"SELECT {_COLUMNS} FROM vocab WHERE saved = 1 ORDER BY added DESC, simplified"
            ).fetchall()
        )
        return [_item(row) for row in rows]

    def known_words(self) -> set[str]:
        """Known words in both scripts, so a traditional article matches them too."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT simplified, traditional FROM vocab WHERE status = 'known'"
            ).fetchall()
        )
        return {word for row in rows for word in row if word}

    def states(self) -> dict[str, WordState]:
        """Every word with a state, under both scripts: what the view colours and counts."""
        return _states_of(self._read(lambda conn: conn.execute(
            "SELECT simplified, traditional, status, level FROM vocab").fetchall()))

    def __len__(self) -> int:
        return self._read(
            lambda conn: conn.execute("SELECT count(*) FROM vocab WHERE saved = 1").fetchone()[0]
        )


def _upsert(conn: sqlite3.Connection, item: VocabItem, simplified: str, traditional: str,
            now: float, exact_status: bool = False) -> VocabItem:
    """Insert `item` or merge it into the stored word (see `merge`), inside a transaction."""
    merged = merge(_stored(conn, simplified), item, simplified, traditional, now, exact_status)
    _put(conn, merged, now)
    return merged


def open_vocabulary(path: Path | None = None) -> Vocabulary:
    """The store when it can be written, else a memory stand-in holding what could be read.

    For the window, which must open whatever the data folder is like; its notice says the
    words saved now last only until it quits.
    """
    until_quit = " — saved words last until you quit"
    try:
        store = VocabStore(path)
    except UserError as exc:
        return MemoryVocab(notice=f"{exc}{until_quit}")
    if not store.read_only:
        return store
    with store:
        return MemoryVocab(store.items(), notice=f"{store.notice}{until_quit}")


# -- helpers ------------------------------------------------------------------------------


def _find_key(conn: sqlite3.Connection, word: str) -> str | None:
    word = word.strip()
    row = conn.execute(
        "SELECT simplified FROM vocab WHERE simplified = ? "
        "UNION ALL SELECT simplified FROM vocab WHERE traditional = ? LIMIT 1",
        (word, word),
    ).fetchone()
    return row[0] if row else None


def _stored(conn: sqlite3.Connection, key: str) -> VocabItem | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM vocab WHERE simplified = ?", (key,)).fetchone()
    return _item(row) if row else None


def _stored_many(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, VocabItem]:
    stored: dict[str, VocabItem] = {}
    for lo in range(0, len(keys), _BULK):
        chunk = keys[lo : lo + _BULK]
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM vocab WHERE simplified IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        stored.update((row[0], _item(row)) for row in rows)
    return stored


def _put(conn: sqlite3.Connection, item: VocabItem, now: float) -> None:
    conn.execute(
        f"""
        INSERT INTO vocab ({_COLUMNS}, updated) VALUES ({', '.join('?' * (_COLUMN_COUNT + 1))})
        ON CONFLICT (simplified) DO UPDATE SET
            traditional = excluded.traditional, pinyin = excluded.pinyin,
            gloss = excluded.gloss, sentence = excluded.sentence,
            article = excluded.article, status = excluded.status,
            note = excluded.note, mark = excluded.mark, level = excluded.level,
            saved = excluded.saved, updated = excluded.updated
        """,
        (*_row(item), now),
    )


def _item(row: Sequence) -> VocabItem:
    (simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark,
     level, saved) = row
    return VocabItem(
        simplified=simplified,
        traditional=traditional,
        pinyin=pinyin,
        gloss=gloss,
        sentence=sentence,
        article=article,
        added=added,
        status=status,
        note=note,
        mark=mark,
        level=level,
        saved=bool(saved),
    )


def _row(item: VocabItem) -> tuple:
    return (
        item.simplified,
        item.traditional,
        item.pinyin,
        item.gloss,
        item.sentence,
        item.article,
        item.added,
        item.status,
        item.note,
        item.mark,
        item.level,
        int(item.saved),
    )


def _forms(word: str, traditional: str = "") -> tuple[str, str]:
    """(simplified, traditional) of a word met in either script."""
    simplified, met_traditional = _forms_many([word])[0]
    return simplified, traditional.strip() or met_traditional


def _forms_many(words: Iterable[str]) -> list[tuple[str, str]]:
    """(simplified, traditional) of each word, converted in one pass (thousands at once).

    A traditional word keeps the form the reader met; a simplified one gets OpenCC's.
    """
    from app.core.text.script import to_simplified, to_traditional

    met = [" ".join(word.split()) for word in words]  # one line per word
    simplified = to_simplified("\n".join(met)).split("\n")  # length-preserving
    traditional = to_traditional("\n".join(simplified)).split("\n")
    return [
        (simp, word if simp != word else trad)
        for word, simp, trad in zip(met, simplified, traditional, strict=True)
    ]


def _states_of(rows: Iterable[Sequence]) -> dict[str, WordState]:
    """(simplified, traditional, status, level) rows as states under both forms."""
    states: dict[str, WordState] = {}
    for simplified, traditional, status, level in rows:
        state = WORD_STATES[status, level]
        states[simplified] = state
        if traditional:
            states.setdefault(traditional, state)
    return states


def _to_traditional(simplified: str) -> str:
    from app.core.text.script import to_traditional

    return to_traditional(simplified)


# -- the saved word inside its sentence -----------------------------------------------------


def word_span(item: VocabItem) -> tuple[int, int] | None:
    """Where the saved word sits in its sentence (either script), or None.

    The saved offset wins; items saved without one (command line, old stores) take the
    first occurrence. The sentence may be traditional while the key is simplified.
    """
    sentence = item.sentence
    length = len(item.simplified)
    if item.mark >= 0 and item.mark + length <= len(sentence):
        return item.mark, item.mark + length
    for form in (item.simplified, item.traditional):
        if form and (start := sentence.find(form)) >= 0:
            return start, start + len(form)
    if not sentence or not item.simplified:
        return None
    from app.core.text.script import to_simplified

    start = to_simplified(sentence).find(item.simplified)  # same length as the sentence
    return (start, start + len(item.simplified)) if start >= 0 else None


def marked_sentence(item: VocabItem, before: str, after: str, escape: bool = False) -> str:
    """The item's sentence with the saved word wrapped in `before`/`after`.

    With `escape`, the sentence is HTML-escaped and the marks are not (Anki's <b>).
    """
    sentence = item.sentence
    quote = _html_text if escape else str
    span = word_span(item)
    if span is None:
        return quote(sentence)
    start, end = span
    word = before + quote(sentence[start:end]) + after
    return quote(sentence[:start]) + word + quote(sentence[end:])


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)  # element content: quotes need no escaping
