"""Reading texts into the library: folders, files and EPUB books, each text analysed once.

A file is read (decoded, cleaned, a book split into chapters), its words counted the
way the window counts them, and the result handed back for the caller to store in
batches: the window does this on a worker thread, `zhreader library add` in the
foreground. Nothing here writes; `store_batch` does, one transaction per batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.analysis.analyzer import StopCheck, never_stop
from app.core.analysis.library_index import LibraryIndex, Location, TextWords, file_stamp
from app.core.errors import UserError
from app.core.types import Article, LibraryEntry, NewEntry
from app.core.user.library import LibraryStore, path_key

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer

# What a folder import picks up; a file chosen by name is tried whatever it is called.
IMPORT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".epub")


@dataclass(frozen=True, slots=True)
class ReadText:
    """One text read for the library, with its counted words."""

    entry: NewEntry
    words: TextWords
    text: str  # for the full-text index

    @property
    def location(self) -> Location:
        return path_key(self.entry.path), self.entry.part


def importable_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: those named, and the texts and books inside named folders.

    Folders are walked in name order, hidden files and folders left out, links to
    folders not followed (no loops).
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given).expanduser()
        if not path.is_dir():
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            files.extend(Path(root) / name for name in sorted(names)
                         if not name.startswith(".") and name.lower().endswith(IMPORT_SUFFIXES))
    return list(dict.fromkeys(files))


def read_file(analyzer: Analyzer, path: Path, stop: StopCheck = never_stop) -> list[ReadText]:
    """A file's texts (a book gives one per chapter), analysed; or one UserError line.
    `Cancelled` when `stop()` turns true (between pieces of a long text)."""
    from app.core.text.articles import load_article
    from app.core.text.epub import EPUB_SUFFIX, read_epub

    stamp = file_stamp(path)
    if stamp is None:
        raise UserError(f"{path}: no such file; check the path")
    if path.suffix.lower() == EPUB_SUFFIX:
        book = read_epub(path, analyzer.is_headword)
        return [read_article(analyzer, chapter, stamp, book.title, stop)
                for chapter in book.chapters]
    return [read_article(analyzer, load_article(path, words=analyzer.is_headword), stamp,
                         stop=stop)]


def read_article(analyzer: Analyzer, article: Article, stamp: str, book: str = "",
                 stop: StopCheck = never_stop) -> ReadText:
    """An article's entry and counted words (the light analysis: no pinyin, no glosses)."""
    from app.core.analysis.stats import article_word_counts

    entry = NewEntry(path=article.path or "", title=article.title, chars=len(article.text),
                     part=article.part, book=book)
    return counted_text(analyzer, entry, article.text,
                        article_word_counts(analyzer, article, stop), stamp)


def counted_text(analyzer: Analyzer, entry: NewEntry, text: str, counts: dict[str, int],
                 stamp: str) -> ReadText:
    """A text whose words are counted (by `read_article`, or by the window's analysis)."""
    from app.core.analysis.library_index import text_words

    words = text_words(stamp, len(text), counts, analyzer.hsk.profile_counts(counts))
    return ReadText(entry, words, text)


def reread_entries(
    analyzer: Analyzer, entries: Iterable[LibraryEntry], stop: StopCheck = never_stop,
) -> Iterator[tuple[LibraryEntry, ReadText | str]]:
    """Listed texts read again (new to the index, or changed): each with its words or why not.

    The chapters of one book are read from one opening of it.
    """
    from app.core.text.articles import load_article
    from app.core.text.epub import read_epub

    books: dict[str, dict[str, Article] | str] = {}
    for entry in entries:
        stamp = file_stamp(entry.path)
        if stamp is None:
            yield entry, f"{entry.path}: the file is missing"
            continue
        try:
            if entry.part:
                if entry.path not in books:
                    books.clear()  # one book open at a time
                    try:
                        book = read_epub(entry.path, analyzer.is_headword)
                        books[entry.path] = {c.part: c for c in book.chapters}
                    except UserError as exc:
                        books[entry.path] = str(exc)
                chapters = books[entry.path]
                if isinstance(chapters, str):
                    raise UserError(chapters)
                if entry.part not in chapters:
                    raise UserError(f"{entry.path}: the book has no chapter {entry.part!r}")
                article = chapters[entry.part]
            else:
                article = load_article(entry.path, words=analyzer.is_headword)
        except UserError as exc:
            yield entry, str(exc)
            continue
        yield entry, read_article(analyzer, article, stamp, entry.book, stop)


def store_batch(library: LibraryStore, index: LibraryIndex,
                texts: Sequence[ReadText]) -> list[LibraryEntry]:
    """Add (or update) the texts' entries and index their words: what a batch confirms."""
    if not texts:
        return []
    entries = library.add_many([text.entry for text in texts])
    index.put_many((text.location, text.words, text.text) for text in texts)
    return entries
