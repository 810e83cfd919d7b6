"""The library: entries that last, books split into chapters, and search in either script."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.analysis.library_import import importable_files, read_file, store_batch
from app.core.analysis.library_index import LibraryIndex
from app.core.errors import UserError
from app.core.types import NewEntry
from app.core.user.library import LibraryStore, path_key
from tests.conftest import ARTICLES, make_epub, scribble_over_a_page

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"  # simplified
TAY = ARTICLES / "yi-tay-returns-to-google.txt"  # traditional


@pytest.fixture
def library(tmp_path: Path):
    with LibraryStore(tmp_path / "library.sqlite3") as store:
        yield store


@pytest.fixture
def index(tmp_path: Path):
    opened = LibraryIndex(tmp_path / "cache" / "library-index.sqlite3")
    yield opened
    opened.close()


def test_entries_last_and_keep_where_the_reader_left_off(tmp_path: Path):
    path = tmp_path / "library.sqlite3"
    with LibraryStore(path) as store:
        first = store.add(NewEntry(str(XAI), "杨格", 3143))
        store.record_reading(first.id, position=1200, progress=0.6, when=1000.0)
        store.record_reading(first.id, position=300, progress=0.2, when=2000.0)  # scrolled back
        store.add(NewEntry(str(TAY), "Yi Tay", 2000))
        again = store.add(NewEntry(str(XAI), "xAI 杨格", 0))  # opened again, title re-read
    with LibraryStore(path) as store:
        entries = store.entries()
        assert [e.path for e in entries] == [path_key(XAI), path_key(TAY)]
        entry = store.find(XAI)
        assert (entry.title, entry.chars, entry.added) == ("xAI 杨格", 3143, first.added)
        assert again.id == first.id  # one file, one entry
        # Where they are now; how far they ever got; the text read last reopens.
        assert (entry.position, entry.progress, entry.last_read) == (300, 0.6, 2000.0)
        assert store.last_read().id == first.id


def test_removing_forgets_the_entry_but_never_the_file(library: LibraryStore, tmp_path: Path):
    own = tmp_path / "mine.txt"
    shutil.copy(XAI, own)
    entry = library.add(NewEntry(str(own), "mine"))
    assert library.remove([entry.id]) == 1
    assert library.entries() == [] and own.is_file()


def test_bundled_articles_are_listed_once_and_follow_the_install(library: LibraryStore):
    library.seed_builtins([("xai", "杨格", str(XAI)), ("tay", "Yi Tay", str(TAY))])
    assert len(library) == 2
    library.remove([library.find(TAY).id])
    moved = Path("/elsewhere/articles/xai.txt")
    library.seed_builtins([("xai", "杨格", str(moved)), ("tay", "Yi Tay", str(TAY))])
    assert [(e.builtin, e.path) for e in library.entries()] == [("xai", path_key(moved))]


def test_a_damaged_library_file_is_kept_aside(tmp_path: Path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"not a database" * 100)
    with LibraryStore(path) as store:
        assert store.notice and "library" in store.notice
        store.add(NewEntry(str(XAI), "杨格"))
    assert len(list(tmp_path.glob("library.sqlite3.unreadable-*"))) == 1


def test_the_texts_on_intact_pages_of_a_damaged_library_stay_listed(tmp_path: Path):
    path = tmp_path / "library.sqlite3"
    with LibraryStore(path) as store:
        added = store.add_many([NewEntry(f"/books/第{n}章.txt", f"第{n}章 " + "长标题" * 20, n)
                                for n in range(400)])
        store.record_reading(added[7].id, position=70, progress=0.5, when=1000.0)
        listed = {e.id: e for e in store.entries()}
    scribble_over_a_page(path)
    with LibraryStore(path) as store:
        kept = store.entries()
        assert store.notice and f"the {len(kept)} listed texts" in store.notice
        assert 0 < len(kept) < len(listed)
        assert all(entry == listed[entry.id] for entry in kept)  # where the reader left off too
        store.add(NewEntry(str(XAI), "杨格"))
    assert len(list(tmp_path.glob("library.sqlite3.unreadable-*"))) == 1


def test_a_folder_gives_its_texts_and_books_in_name_order(tmp_path: Path):
    folder = tmp_path / "reading"
    (folder / "b").mkdir(parents=True)
    (folder / ".cache").mkdir()
    for name in ("b/2.md", "a.txt", "c.html", "d.htm", "e.epub", "notes.pdf", ".hidden.txt",
                 ".cache/x.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    chosen = tmp_path / "any-name.dat"  # named on its own: tried whatever it is called
    chosen.write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in importable_files([folder, chosen])] == [
        "reading/a.txt", "reading/c.html", "reading/d.htm", "reading/e.epub", "reading/b/2.md",
        "any-name.dat"]


def test_an_epub_book_becomes_one_entry_per_chapter(tmp_path: Path, library, index):
    book = make_epub(tmp_path / "prince.epub", "小王子", [
        ("第一章", "<p>我六岁的时候，在一本描写原始森林的书中看到了一幅精彩的插画。</p>"),
        ("第二章", "<p>我就这样孤独地生活着。</p><p>直到六年前在撒哈拉沙漠发生了一次故障。</p>"),
    ])
    texts = read_file(default_analyzer(), book)
    entries = store_batch(library, index, texts)
    # The cover has no text: two chapters, titled from the contents, in reading order.
    assert [e.title for e in entries] == ["小王子 · 第一章", "小王子 · 第二章"]
    assert {e.book for e in entries} == {"小王子"} and len({e.part for e in entries}) == 2
    assert "撒哈拉沙漠" in texts[1].text and "撒哈拉沙漠" not in texts[0].text
    assert index.search("沙漠") == {(path_key(book), entries[1].part)}


def test_damaged_and_hostile_books_are_one_line_errors(tmp_path: Path):
    fake = tmp_path / "fake.epub"
    fake.write_bytes(b"PK\x03\x04 this is no zip")
    with pytest.raises(UserError, match="not a readable EPUB"):
        read_file(default_analyzer(), fake)
    import zipfile

    bomb = tmp_path / "bomb.epub"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.xhtml", b"\0" * (300 * 2**20))  # 300 MiB of zeros, compressed
    with pytest.raises(UserError, match="unpacks to more than"):
        read_file(default_analyzer(), bomb)


def test_search_finds_a_word_in_either_script(library, index, tmp_path: Path):
    analyzer = default_analyzer()
    store_batch(library, index, read_file(analyzer, XAI) + read_file(analyzer, TAY))
    xai, tay = (path_key(XAI), ""), (path_key(TAY), "")
    # 研究员 in the simplified article, 研究員 in the traditional one: either form finds both.
    assert index.search("研究员") == index.search("研究員") == {xai, tay}
    assert index.search("從事") == index.search("从事") == {tay}
    assert index.search("杨格 莱姆病") == {xai}  # every word must be there
    assert index.search("deepmind") >= {tay}  # Latin words, any case
    assert index.search("莱姆病谷歌") == set()  # a phrase, not two words
    assert index.search("  ") is None


def test_a_changed_text_replaces_its_words_and_search_terms(library, index, tmp_path: Path):
    own = tmp_path / "mine.txt"
    own.write_text("我们研究银行。", encoding="utf-8")
    store_batch(library, index, read_file(default_analyzer(), own))
    assert index.search("银行")
    own.write_text("我们学习中文。", encoding="utf-8")
    store_batch(library, index, read_file(default_analyzer(), own))
    assert index.search("银行") == set() and index.search("中文") == {(path_key(own), "")}
    words = index.load()[(path_key(own), "")].words
    assert "银行" not in words and "中文" in words
    index.remove([(path_key(own), "")])
    assert index.search("中文") == set() and index.load() == {}


def _indexed_articles(tmp_path: Path) -> Path:
    path = tmp_path / "cache" / "library-index.sqlite3"
    with LibraryStore(tmp_path / "library.sqlite3") as library:
        index = LibraryIndex(path)
        analyzer = default_analyzer()
        store_batch(library, index, read_file(analyzer, XAI) + read_file(analyzer, TAY))
        index.close()
    return path


def test_an_index_that_reads_back_garbled_starts_again_and_is_refilled(tmp_path: Path):
    path = _indexed_articles(tmp_path)
    raw = sqlite3.connect(path)
    for table, column in (("word", "text"), ("doc", "path")):  # bytes that are not UTF-8
        raw.execute(f"UPDATE {table} SET {column} = CAST(x'e7a0ffff' AS TEXT) WHERE id = 1")
    raw.commit()
    raw.close()
    searcher = LibraryIndex(path)  # a second instance: the search box's
    with pytest.raises(UserError, match="search index is damaged"):
        searcher.search("研究员")
    index = LibraryIndex(path)
    assert index.load() == {}  # the library measures its texts again, no traceback
    with LibraryStore(tmp_path / "library.sqlite3") as library:
        store_batch(library, index, read_file(default_analyzer(), XAI))
    assert set(index.load()) == {(path_key(XAI), "")}
    assert index.search("杨格") == {(path_key(XAI), "")}
    index.close()
    searcher.close()


def test_no_damage_to_the_index_file_makes_reading_it_fail(tmp_path: Path):
    import random

    path = _indexed_articles(tmp_path)
    good = path.read_bytes()
    rng = random.Random(7)
    for _ in range(25):
        damaged = bytearray(good)
        for _ in range(20):
            damaged[rng.randrange(100, len(damaged))] = rng.randrange(256)
        path.write_bytes(bytes(damaged))
        index = LibraryIndex(path)
        texts = index.load()
        assert set(texts) <= {(path_key(XAI), ""), (path_key(TAY), "")}
        assert all(len(t.words) == len(t.counts) for t in texts.values())
        index.close()


def test_a_damaged_index_is_rebuilt(tmp_path: Path):
    path = tmp_path / "library-index.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    index = LibraryIndex(path)
    assert index.load() == {}
    index.close()
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
