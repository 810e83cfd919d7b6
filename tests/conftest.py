"""Test isolation: never touch the user's real data or cache directories."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest

# One fresh cache per test run: the dictionary index is built once per run, and no test
# is served an analysis cached by an earlier run (the worker path always runs, as in CI).
_RUN_CACHE = tempfile.mkdtemp(prefix="zhreader-test-cache-")
atexit.register(shutil.rmtree, _RUN_CACHE, ignore_errors=True)
os.environ.setdefault("ZHREADER_CACHE_DIR", _RUN_CACHE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "resources" / "articles"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "zhreader-data"
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(data))
    return data


@pytest.fixture
def article_text():
    """Raw text of a built-in article by file name."""

    def read(name: str) -> str:
        return (ARTICLES / name).read_text(encoding="utf-8")

    return read


def article_sentence(name: str, containing: str) -> str:
    """The sentence (up to and including 。) of a built-in article that holds `containing`."""
    text = (ARTICLES / name).read_text(encoding="utf-8")
    at = text.index(containing)
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    end = text.index("。", at) + 1
    return text[start:end]


def named(etype: str, text: str) -> set[str]:
    """The names of one type the panel lists for `text` (no user corrections)."""
    from app.core.analysis.analyzer import default_analyzer
    from app.core.user.corrections import Corrections

    found = default_analyzer().entities(text, corrections=Corrections())
    return {e.text for e in found if e.type == etype}


@pytest.fixture(autouse=True)
def _no_word_rules_left_behind():
    """An analysis hands the user's word corrections to the default Analyzer's segmenter;
    a test that made some leaves the next test a fresh Analyzer (the one reset)."""
    yield
    from app.core.analysis.analyzer import default_analyzer, reset_analyzer

    if default_analyzer().word_rules_in_use:
        reset_analyzer()


@pytest.fixture
def use_analyzer():
    """Make an Analyzer of the test's own the process default for the rest of the test."""
    from app.core.analysis.analyzer import default_analyzer, reset_analyzer

    previous = default_analyzer()
    yield reset_analyzer
    reset_analyzer(previous)


# Real sentences from the built-in articles, one per script.
YANG = article_sentence("xai-greg-yang-steps-back.txt", "杨格是知名的数学家")
TAY = article_sentence("yi-tay-returns-to-google.txt", "我將回到谷歌")
# Not a word status, as a damaged file or a script could hand it to a store, which must
# refuse it at run time; typed Any because the static types rightly forbid passing it.
NOT_A_STATUS: Any = "forgotten"


def make_epub(path: Path, title: str, chapters: list[tuple[str, str]]) -> Path:
    """A small EPUB book built with ebooklib: a cover page without text, then the chapters
    (title, XHTML body), listed in the table of contents, in reading order."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(f"zhreader-test-{path.stem}")
    book.set_title(title)
    book.set_language("zh")
    cover = epub.EpubHtml(title="封面", file_name="cover.xhtml")
    cover.content = '<img src="cover.jpg" alt=""/>'
    book.add_item(cover)
    items = []
    for n, (name, body) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=name, file_name=f"chapter-{n}.xhtml", lang="zh")
        item.content = f"<h1>{name}</h1>{body}"
        book.add_item(item)
        items.append(item)
    book.toc = [epub.Link(item.file_name, item.title, f"toc-{n}") for n, item in enumerate(items)]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", cover, *items]
    epub.write_epub(str(path), book)
    return path


def scribble_over_a_page(path: Path, which: str = "rows") -> bytes:
    """Overwrite one page as a disk error would: "rows", the last page holding table rows
    (SQLite's page type 0x0D); "first", the header and schema page; "root", the first
    table's root page. Returns the damaged file's bytes."""
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = raw.execute("PRAGMA page_size").fetchone()[0]
    root = raw.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'table' ORDER BY rootpage"
    ).fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    leaves = [n for n in range(1, len(data) // page) if data[n * page] == 0x0D]
    assert leaves, "the store has no table page beyond the first"
    number = {"rows": leaves[-1], "first": 0, "root": root - 1}[which]
    data[number * page : (number + 1) * page] = b"\xff" * page
    path.write_bytes(bytes(data))
    return bytes(data)
