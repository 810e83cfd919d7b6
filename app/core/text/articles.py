"""Opening articles: files, standard input and the built-in library.

Everything a user can point zhreader at ends here, so every way a file can be wrong
(missing, a folder, unreadable, empty, binary, huge, in an unknown encoding) becomes
one `UserError` line that says what to do, never a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.core.errors import UserError
from app.core.paths import resources_dir
from app.core.text.cleaning import clean_text, one_line_title
from app.core.text.encoding import decode_bytes
from app.core.text.html_text import html_to_text
from app.core.text.mojibake import WordTest
from app.core.text.script import detect_script
from app.core.types import Article, Script

# Characters after decoding. Analysis costs ~30 s and ~1 GiB per 2 million characters
# (benchmarks/bench_scaling.py); a news article has 2,000-20,000.
MAX_ARTICLE_CHARS = 2_000_000
# No encoding spends more than 4 bytes on a character (plus a 4-byte BOM), so a file
# larger than this is over the character limit whatever it holds: refused by its size,
# before a byte of it is read.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS + 4
_BLANK_BYTES = re.compile(rb"\s*")
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|span|a|li|h[1-6]|table|td|article|section)\b[^<>]*>", re.I)
_TITLE_FALLBACK_CHARS = 20
_MAX_TITLE_LINE = 60
_TITLE_HEAD_CHARS = 4096  # a title is looked for in the head of a long text only
_NOT_A_TITLE_END = re.compile(r"[。，,、；;：:]$")


@dataclass(frozen=True, slots=True)
class LibraryItem:
    """A built-in article, as listed in resources/articles/library.json."""

    slug: str
    title: str
    path: Path
    script: Script


def read_text(path: str | Path) -> str:
    """The article text of a .txt or .html file (HTML already reduced to text)."""
    return _read_document(Path(path))[1]


def load_article(path: str | Path, clean: bool = True, words: WordTest | None = None) -> Article:
    """A file as an Article: decoded, HTML stripped, cleaned, titled, script detected.

    `words`: the dictionary's headword test, for `clean_text` to repair GBK mojibake."""
    path = Path(path)
    title, text, from_html = _read_document(path)
    builtin = _builtin_for_path(path)
    if builtin is not None:
        title = builtin.title
    return _make_article(text, title, str(path), clean, from_html, words)


def load_source(path: str | Path, part: str = "", words: WordTest | None = None) -> Article:
    """A library entry's article: a whole file, or one chapter (`part`) of an EPUB book."""
    if part:
        from app.core.text.epub import load_chapter

        return load_chapter(path, part, words)
    return load_article(path, words=words)


def load_named_article(
    name: str | Path, clean: bool = True, words: WordTest | None = None
) -> Article:
    """A file, or a built-in article named by slug or title when no such file exists."""
    try:
        exists = Path(name).exists()
    except (OSError, ValueError):  # a name too long, or with a NUL: load_article says why
        exists = True
    item = None if exists else find_builtin(str(name))
    return load_article(item.path if item else name, clean=clean, words=words)


def article_from_bytes(
    data: bytes, name: str | None, clean: bool = True, words: WordTest | None = None
) -> Article:
    """An article from memory (standard input, a dropped file); `name` "-" means stdin."""
    label = "standard input" if name in (None, "-") else name
    if len(data) > MAX_ARTICLE_BYTES:
        raise UserError(_too_large(label))
    title, text, from_html = _document_from_bytes(data, label, name)
    path = None if name in (None, "-") else name
    return _make_article(text, title, path, clean, from_html, words)


def builtin_articles() -> list[LibraryItem]:
    """The bundled articles in library order."""
    return list(_library())


def find_builtin(name: str) -> LibraryItem | None:
    """A built-in article by slug, file name (with or without .txt) or title."""
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for item in _library():
        keys = {item.slug, item.path.name, item.path.stem, item.title}
        if wanted in {key.casefold() for key in keys}:
            return item
    return None


@cache
def _library() -> tuple[LibraryItem, ...]:
    folder = resources_dir() / "articles"
    entries = json.loads((folder / "library.json").read_text(encoding="utf-8"))
    return tuple(
        LibraryItem(
            slug=entry["slug"],
            title=entry["title"],
            path=folder / entry["file"],
            script=entry["script"],
        )
        for entry in entries["articles"]
    )


def _builtin_for_path(path: Path) -> LibraryItem | None:
    try:
        resolved = path.resolve()
    except OSError:
        return None
    for item in _library():
        if item.path.resolve() == resolved:
            return item
    return None


def _read_document(path: Path) -> tuple[str | None, str, bool]:
    """(title, text, whether it was an HTML page) or a one-line UserError."""
    label = str(path)
    try:
        if not path.exists():
            raise UserError(f"{label}: no such file; check the path")
        if path.is_dir():
            raise UserError(f"{label} is a folder; give the path of a .txt or .html file")
        if not path.is_file():
            raise UserError(
                f"{label} is not a regular file; give the path of a .txt or .html file"
            )
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise UserError(_too_large(label))
        data = path.read_bytes()
    except PermissionError:
        raise UserError(f"{label}: permission denied; check the file's permissions") from None
    except (OSError, ValueError) as exc:  # name too long, NUL in the name, I/O error
        reason = getattr(exc, "strerror", None) or str(exc)
        raise UserError(f"{label}: cannot be read ({reason}); check the path") from None
    return _document_from_bytes(data, label, path.name)


def _too_large(label: str) -> str:
    return (
        f"{label} is larger than {MAX_ARTICLE_BYTES // 2**20} MiB, more than the "
        f"{MAX_ARTICLE_CHARS:,} characters zhreader reads at once; "
        "split the article into smaller files"
    )


def _document_from_bytes(
    data: bytes, label: str, name: str | None
) -> tuple[str | None, str, bool]:
    if _BLANK_BYTES.fullmatch(data):  # not data.strip(): no copy of a large file
        raise UserError(f"{label} is empty; there is no article to read")
    try:
        text = decode_bytes(data)
    except UserError as exc:
        raise UserError(f"{label}: {exc}") from None
    if not text or text.isspace():  # blank in UTF-16, or a byte-order mark alone
        raise UserError(f"{label} is empty; there is no article to read")
    if len(text) > MAX_ARTICLE_CHARS:
        raise UserError(
            f"{label} has more than {MAX_ARTICLE_CHARS:,} characters; "
            "split the article into smaller files"
        )
    title: str | None = None
    from_html = _is_html(text, name)
    if from_html:
        title, text = html_to_text(text)
    if not text or text.isspace():
        raise UserError(f"{label} contains no text; there is no article to read")
    return title, text, from_html


def _is_html(text: str, name: str | None) -> bool:
    if name and Path(name).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 8


def _make_article(
    text: str, title: str | None, path: str | None, clean: bool, from_html: bool = False,
    words: WordTest | None = None,
) -> Article:
    if clean:
        cleaned = clean_text(text, strip_tags=not from_html, words=words)
        # A text that is nothing but "furniture" is still what the user asked to read.
        text = cleaned if cleaned.strip() else text.strip()
    title = one_line_title(title or "") or title_from_text(text)
    return Article(title=title, text=text, script=detect_script(text), path=path)


def title_from_text(text: str) -> str:
    """The first line if it reads like a headline, else the opening words and "…"."""
    lines: list[str] = []
    for raw in text[:_TITLE_HEAD_CHARS].splitlines():
        line = one_line_title(raw)
        if line:
            lines.append(line)
        if len(lines) > 1 and sum(map(len, lines)) > _TITLE_FALLBACK_CHARS:
            break
    if not lines:
        return "Untitled"
    first = lines[0]
    if (
        len(lines) > 1
        and 2 <= len(first) <= _MAX_TITLE_LINE
        and not _NOT_A_TITLE_END.search(first)
        and not first.endswith("。")
        and "://" not in first
    ):
        return first
    flat = " ".join(lines)
    if len(flat) <= _TITLE_FALLBACK_CHARS:
        return flat
    return flat[:_TITLE_FALLBACK_CHARS].rstrip() + "…"
