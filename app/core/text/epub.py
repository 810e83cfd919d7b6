"""EPUB books as articles: one per chapter, in reading order, titled from the contents.

The book is read by ebooklib (a zip of XHTML files); each chapter's XHTML goes through
the same HTML-to-text path as a saved web page, so nothing in it is fetched, executed
or rendered. Images-only pages (covers) and empty ones are left out. A zip that would
unpack to more than `MAX_EPUB_BYTES` is refused before ebooklib reads it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.errors import UserError
from app.core.text.cleaning import one_line_title
from app.core.text.mojibake import WordTest
from app.core.types import Article

MAX_EPUB_BYTES = 256 * 2**20
EPUB_SUFFIX = ".epub"


@dataclass(frozen=True, slots=True)
class Book:
    title: str
    chapters: tuple[Article, ...]  # `part` is the chapter's file inside the book


def read_epub(path: str | Path, words: WordTest | None = None) -> Book:
    """Every chapter with text, as articles titled "book · chapter"; or one UserError line.

    `words`: the dictionary's headword test, for `clean_text` to repair GBK mojibake."""
    path = Path(path)
    _check_zip(path)
    try:
        import ebooklib
        from ebooklib import epub

        book = epub.read_epub(str(path), {"ignore_ncx": False})
    except UserError:
        raise
    except Exception as exc:  # ebooklib raises many kinds on a damaged book
        raise UserError(f"{path}: not a readable EPUB book ({type(exc).__name__}: {exc})"
                        ) from None
    titles = _toc_titles(book.toc)
    book_title = _book_title(book) or path.stem
    chapters: list[Article] = []
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT \
                or isinstance(item, epub.EpubNav):
            continue
        chapter = _chapter(item.get_content(), item.get_name(), path, words)
        if chapter is None:
            continue
        name = titles.get(item.get_name()) or _own_title(chapter) or \
            f"Chapter {len(chapters) + 1}"
        chapters.append(replace(chapter, title=one_line_title(f"{book_title} · {name}")))
    if not chapters:
        raise UserError(f"{path}: the book has no chapter with text")
    return Book(book_title, tuple(chapters))


def load_chapter(path: str | Path, part: str, words: WordTest | None = None) -> Article:
    for chapter in read_epub(path, words).chapters:
        if chapter.part == part:
            return chapter
    raise UserError(f"{path}: the book has no chapter {part!r} any more")


def _check_zip(path: Path) -> None:
    label = str(path)
    try:
        if not path.is_file():
            raise UserError(f"{label}: no such file; check the path")
        if path.stat().st_size > MAX_EPUB_BYTES:
            raise UserError(f"{label} is larger than {MAX_EPUB_BYTES // 2**20} MiB")
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(f"{label}: not a readable EPUB book ({exc})") from None
    if unpacked > MAX_EPUB_BYTES:
        raise UserError(f"{label} unpacks to more than {MAX_EPUB_BYTES // 2**20} MiB; "
                        "it is not read")


def _chapter(content: bytes, name: str, book: Path, words: WordTest | None) -> Article | None:
    from app.core.text.articles import article_from_bytes

    try:
        article = article_from_bytes(content, name, words=words)
    except UserError:  # an images-only page, or no text at all
        return None
    return replace(article, path=str(book), part=name)


def _own_title(chapter: Article) -> str:
    """The chapter's <title> or first line, unless that is only the file name."""
    return "" if chapter.title.endswith((".xhtml", ".html", ".htm")) else chapter.title


def _toc_titles(toc: object) -> dict[str, str]:
    """Chapter file -> its title in the table of contents (first mention wins)."""
    titles: dict[str, str] = {}
    stack = list(toc) if isinstance(toc, (list, tuple)) else [toc]
    while stack:
        node = stack.pop(0)
        if isinstance(node, (list, tuple)):
            stack[:0] = list(node)
            continue
        href = getattr(node, "href", None)
        title = " ".join(str(getattr(node, "title", "") or "").split())
        if href and title:
            titles.setdefault(href.split("#", 1)[0], title)
    return titles


def _book_title(book) -> str:  # book: ebooklib.epub.EpubBook
    for value, _attrs in book.get_metadata("DC", "title") or ():
        if value and value.strip():
            return " ".join(value.split())
    return ""
