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

import html
import sqlite3
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Literal, Protocol

from app.core.errors import UserError
from app.core.text.chars import HAN_RE
from app.core.types import Token, VocabItem
from app.core.user.sqlite_store import SqliteStore

Status = Literal["learning", "known"]
STATUSES: tuple[Status, ...] = ("learning", "known")
STORE_NAME = "vocabulary.sqlite3"

# "zhRV" in ASCII: identifies a zhreader vocabulary file among SQLite files.
APPLICATION_ID = 0x7A685256

_COLUMNS = (
    "simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark"
)


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


# Append only: index n migrates a store from user_version n to n + 1.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
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

    def set_status(self, word: str, status: Status) -> bool: ...

    def set_note(self, word: str, note: str) -> bool: ...

    def known_words(self) -> set[str]: ...

    def __len__(self) -> int: ...

    def close(self) -> None: ...


def _checked(item: VocabItem) -> tuple[str, str]:
    """(simplified, traditional) of an item about to be saved; ValueError when it cannot be."""
    simplified = item.simplified.strip()
    if not simplified:
        raise ValueError("a vocabulary item needs a simplified word")
    if item.status not in STATUSES:
        raise ValueError(f"unknown status {item.status!r}")
    return simplified, item.traditional.strip() or _to_traditional(simplified)


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")


def merge(old: VocabItem | None, item: VocabItem, simplified: str, traditional: str,
          now: float, exact_status: bool = False) -> VocabItem:
    """What saving `item` over `old` (None: a new word) keeps; both stores use this rule.

    On update the original `added` time stays; text fields given non-empty replace
    the stored ones (a new sentence/article/gloss/pinyin/note), empty ones keep them;
    a status of "known" is applied, the default "learning" does not demote a word
    (unless `exact_status`: an import the user asked to mark every word learning).
    """
    if old is None:
        return replace(item, simplified=simplified, traditional=traditional,
                       added=item.added or now)
    return VocabItem(
        simplified=simplified,
        traditional=item.traditional.strip() or old.traditional,
        pinyin=item.pinyin or old.pinyin,
        gloss=item.gloss or old.gloss,
        sentence=item.sentence or old.sentence,
        # A new sentence brings its own article; never pair it with the old title.
        article=item.article if item.sentence else item.article or old.article,
        added=old.added,
        status=item.status if exact_status or item.status == "known" else old.status,
        note=item.note or old.note,
        mark=item.mark if item.sentence else old.mark,
    )


def _newest_first(item: VocabItem) -> tuple[float, str]:
    return -item.added, item.simplified


class MemoryVocab:
    """The vocabulary kept in memory: the window's stand-in when the file cannot be written.

    Same rules as `VocabStore` (see `Vocabulary`); `items` seeds it, e.g. with the words a
    read-only store could still read, so the learner keeps seeing them.
    """

    def __init__(self, items: Iterable[VocabItem] = (), notice: str | None = None) -> None:
        self.notice = notice
        self._items: dict[str, VocabItem] = {item.simplified: item for item in items}

    def _key(self, word: str) -> str | None:
        word = word.strip()
        if word in self._items:
            return word
        return next((key for key, item in self._items.items() if item.traditional == word), None)

    def save(self, item: VocabItem) -> VocabItem:
        return self._save(item, exact_status=False)

    def save_many(self, items: Iterable[VocabItem], exact_status: bool = False) -> int:
        checked = list(items)
        for item in checked:
            _checked(item)  # all or nothing, as the store's one transaction
        for item in checked:
            self._save(item, exact_status)
        return len(checked)

    def _save(self, item: VocabItem, exact_status: bool) -> VocabItem:
        simplified, traditional = _checked(item)
        stored = merge(self._items.get(simplified), item, simplified, traditional, time.time(),
                       exact_status)
        self._items[simplified] = stored
        return stored

    def get(self, word: str) -> VocabItem | None:
        key = self._key(word)
        return None if key is None else self._items[key]

    def items(self) -> list[VocabItem]:
        return sorted(self._items.values(), key=_newest_first)

    def remove(self, word: str) -> bool:
        key = self._key(word)
        return key is not None and self._items.pop(key, None) is not None

    def set_status(self, word: str, status: Status) -> bool:
        _check_status(status)
        return self._update(word, status=status)

    def set_note(self, word: str, note: str) -> bool:
        return self._update(word, note=note)

    def _update(self, word: str, **fields: str) -> bool:
        key = self._key(word)
        if key is None:
            return False
        self._items[key] = replace(self._items[key], **fields)
        return True

    def known_words(self) -> set[str]:
        return {w for i in self._items.values() if i.status == "known"
                for w in (i.simplified, i.traditional) if w}

    def __len__(self) -> int:
        return len(self._items)

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
        """Forget a word given in either script; False when it was not saved."""

        def delete(conn: sqlite3.Connection) -> bool:
            key = _find_key(conn, word)
            if key is None:
                return False
            conn.execute("DELETE FROM vocab WHERE simplified = ?", (key,))
            return True

        return bool(self._write(delete))

    def set_status(self, word: str, status: Status) -> bool:
        """Mark a saved word known or learning; False when it was not saved."""
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

    # -- reads ------------------------------------------------------------------------

    def get(self, word: str) -> VocabItem | None:
        """The saved item for a word in either script (simplified match wins)."""
        with self._lock:
            conn = self._connection()
            key = _find_key(conn, word)
            if key is None:
                return None
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM vocab WHERE simplified = ?", (key,)
            ).fetchone()
        return _item(row) if row else None

    def items(self) -> list[VocabItem]:
        """All saved words, newest first."""
        with self._lock:
            rows = (
                self._connection()
                .execute(f"SELECT {_COLUMNS} FROM vocab ORDER BY added DESC, simplified")
                .fetchall()
            )
        return [_item(row) for row in rows]

    def known_words(self) -> set[str]:
        """Known words in both scripts, so a traditional article matches them too."""
        with self._lock:
            rows = (
                self._connection()
                .execute("SELECT simplified, traditional FROM vocab WHERE status = 'known'")
                .fetchall()
            )
        return {word for row in rows for word in row if word}

    def __len__(self) -> int:
        with self._lock:
            return self._connection().execute("SELECT count(*) FROM vocab").fetchone()[0]


def _upsert(conn: sqlite3.Connection, item: VocabItem, simplified: str, traditional: str,
            now: float, exact_status: bool = False) -> VocabItem:
    """Insert `item` or merge it into the saved word (see `merge`), inside a transaction."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM vocab WHERE simplified = ?", (simplified,)
    ).fetchone()
    merged = merge(_item(row) if row else None, item, simplified, traditional, now, exact_status)
    conn.execute(
        f"""
        INSERT INTO vocab ({_COLUMNS}, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (simplified) DO UPDATE SET
            traditional = excluded.traditional, pinyin = excluded.pinyin,
            gloss = excluded.gloss, sentence = excluded.sentence,
            article = excluded.article, status = excluded.status,
            note = excluded.note, mark = excluded.mark,
            updated = excluded.updated
        """,
        (*_row(merged), now),
    )
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


def _item(row: Sequence) -> VocabItem:
    simplified, traditional, pinyin, gloss, sentence, article, added, status, note, mark = row
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
    )


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


# -- known-word share -----------------------------------------------------------------------


def known_share(
    tokens: Iterable[Token],
    known: set[str] | frozenset[str],
    entity_spans: Iterable[tuple[int, int]],
) -> float:
    """Share of the article's Chinese word tokens the reader marked known, 0.0 to 1.0.

    Counted per occurrence (a known word met ten times helps ten times, as in reading).
    Tokens without Han characters (punctuation, Latin, numbers) and tokens overlapping
    an entity span (names are not vocabulary) are left out. No countable word -> 0.0.
    """
    return known_share_of_counts(countable_word_counts(tokens, entity_spans), known)


def countable_word_counts(
    tokens: Iterable[Token], entity_spans: Iterable[tuple[int, int]]
) -> dict[str, int]:
    """Occurrences of each word `known_share` counts: the one pass over every token.

    Kept apart so a window can count a long article once, off its GUI thread, and
    re-measure the share after each vocabulary change over distinct words only.
    """
    spans = sorted(entity_spans)
    starts = [start for start, _ in spans]
    # Running maximum of span ends, so one bisect answers "does any span overlap?".
    max_ends: list[int] = []
    for _, end in spans:
        max_ends.append(max(end, max_ends[-1]) if max_ends else end)

    counts: dict[str, int] = {}
    han_seen: dict[str, bool] = {}  # one regex search per distinct word, not per token
    for token in tokens:
        text = token.text
        han = han_seen.get(text)
        if han is None:
            han = han_seen[text] = HAN_RE.search(text) is not None
        if not han:
            continue
        if spans:
            i = bisect_right(starts, token.end - 1)  # spans starting before this token ends
            if i > 0 and max_ends[i - 1] > token.start:
                continue
        counts[text] = counts.get(text, 0) + 1
    return counts


def known_share_of_counts(counts: dict[str, int], known: set[str] | frozenset[str]) -> float:
    """`known_share` from `countable_word_counts`: cheap, it visits distinct words only."""
    counted = sum(counts.values())
    known_count = sum(n for word, n in counts.items() if word in known)
    return known_count / counted if counted else 0.0
