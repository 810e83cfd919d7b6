"""The Library dock: it lasts across restarts, grows by files, folders, books and the
clipboard, measures every text against your words, sorts, searches and removes."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.user.library import path_key
from app.ui.library_model import KNOWN, LENGTH
from tests.conftest import make_epub

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))


def _rows(window) -> dict[str, int]:
    """Title -> source row of everything the library lists."""
    model = window.library_panel.model
    return {model.entry(row).title: row for row in range(model.rowCount())}


def _row_of_path(window, path: Path, part: str = "") -> int:
    return window.library_panel.model.row_of((path_key(path), part))


def _measured(window, row: int) -> bool:
    return row >= 0 and window.library_panel.model.stats(row) is not None


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.library.worker.busy, timeout=120_000)


def test_files_opened_earlier_are_still_there_after_a_restart(
        qtbot, tmp_path: Path, open_window, restart_window) -> None:
    mine = tmp_path / "我的文章.txt"
    shutil.copy(XAI, mine)
    first = open_window(mine)
    row = _row_of_path(first, mine)
    assert row >= 0  # listed as soon as it was opened
    qtbot.waitUntil(lambda: _measured(first, row), timeout=60_000)
    # The library's figures are the status bar's: the same words counted the same way.
    assert first.library_panel.model.stats(row) == first.stats
    first.view.scroll_to_offset(2000, center=False)
    position = first.view.first_visible_offset()
    with qtbot.waitSignal(first.analysis_shown, timeout=60_000):
        first.open_path(str(XAI))  # another article read after it
    with qtbot.waitSignal(first.analysis_shown, timeout=60_000):
        first.open_path(str(mine))  # ... and back: it is the last one read
    first.view.scroll_to_offset(position, center=False)
    first.close()

    second = restart_window()
    assert Path(second.article_path).resolve() == mine.resolve()  # reopened where we were
    assert abs(second.view.first_visible_offset() - position) < 200
    assert _row_of_path(second, mine) >= 0 and _row_of_path(second, XAI) >= 0
    entry = second.library_panel.model.entry(_row_of_path(second, mine))
    assert entry.last_read is not None and entry.progress > 0
    # The statistics come back from the index without reading the files again.
    qtbot.waitUntil(lambda: _measured(second, _row_of_path(second, mine)), timeout=60_000)


def test_an_epub_book_comes_in_chapter_by_chapter(qtbot, tmp_path: Path, open_window) -> None:
    book = make_epub(tmp_path / "小王子.epub", "小王子", [
        ("第一章", "<p>我六岁的时候，在一本描写原始森林的书中看到了一幅精彩的插画。</p>"),
        ("第二章", "<p>我就这样孤独地生活着。</p><p>直到六年前在撒哈拉沙漠发生了一次故障。</p>"),
    ])
    window = open_window(XAI)
    window.library.import_paths([str(book)])
    qtbot.waitUntil(lambda: "小王子 · 第二章" in _rows(window), timeout=60_000)
    _idle(qtbot, window)
    rows = _rows(window)
    assert "小王子 · 第一章" in rows and not any("封面" in title for title in rows)
    model = window.library_panel.model
    second = model.entry(rows["小王子 · 第二章"])
    assert _measured(window, rows["小王子 · 第二章"])
    assert model.stats(rows["小王子 · 第二章"]).new_words > 5

    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.library_panel.open_requested.emit(second)
    assert "撒哈拉沙漠" in window.view.text and "原始森林" not in window.view.text
    assert window.windowTitle().startswith("小王子 · 第二章")


def test_dropping_a_book_opens_its_first_chapter(qtbot, tmp_path: Path, open_window) -> None:
    book = make_epub(tmp_path / "book.epub", "书", [("一", "<p>第一章的文字在这里。</p>"),
                                                     ("二", "<p>第二章的文字。</p>")])
    window = open_window(XAI)
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(book))  # File → Open, or a drop
    assert window.view.text.startswith("一") and "第一章的文字" in window.view.text


def test_opening_a_damaged_book_says_why_in_a_dialog(qtbot, tmp_path: Path, open_window) -> None:
    book = tmp_path / "damaged.epub"
    book.write_bytes(b"PK\x03\x04 not really a zip archive")
    window = open_window(XAI)
    with qtbot.waitSignal(window.library.failed, timeout=60_000):
        window.open_path(str(book))  # File -> Open: the reader waits for this book
    assert window.last_error is not None and "damaged.epub" in window.last_error
    assert "EPUB" in window.last_error
    assert Path(window.article_path).resolve() == XAI.resolve()  # the open article stays


def test_a_screenshot_window_leaves_the_library_and_last_read_alone(
        qtbot, tmp_path: Path, open_window, restart_window) -> None:
    first = open_window(XAI)
    first.close()
    mine = tmp_path / "一张截图.txt"
    shutil.copy(ARTICLE_FILES[0], mine)
    shot = open_window(mine, persist=False)  # what `zhreader screenshot` opens
    assert _row_of_path(shot, mine) < 0
    shot.close()

    again = restart_window()
    assert Path(again.article_path).resolve() == XAI.resolve()  # still where the reader was
    assert _row_of_path(again, mine) < 0


def test_pasted_text_becomes_an_article_of_the_library(
        qtbot, open_window, restart_window) -> None:
    window = open_window(XAI)
    text = "人工智能改变世界\n今天我们学习中文，阅读一篇关于人工智能的文章。"
    QApplication.clipboard().setText(text)
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.paste_article()
    assert window.view.text == text
    assert window.windowTitle().startswith("人工智能改变世界")
    row = _rows(window)["人工智能改变世界"]
    kept = Path(window.library_panel.model.entry(row).path)
    assert kept.read_text(encoding="utf-8") == text  # kept as a file of yours
    qtbot.waitUntil(lambda: _measured(window, row), timeout=60_000)
    window.close()
    again = restart_window()
    assert again.view.text == text  # the last one read, reopened

    QApplication.clipboard().setText("   ")
    again.paste_article()
    assert "no text" in again.statusBar().currentMessage()


def test_a_folder_is_measured_in_the_background_sorted_and_searched(
        qtbot, tmp_path: Path, open_window) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    for source in ARTICLE_FILES:
        shutil.copy(source, folder / source.name)
    window = open_window(XAI)
    _idle(qtbot, window)  # the built-in articles measured at start
    busy = []
    window.library.worker.busy_changed.connect(busy.append)
    window.library.import_paths([str(folder)])
    qtbot.waitUntil(lambda: all(_row_of_path(window, folder / p.name) >= 0
                                for p in ARTICLE_FILES), timeout=120_000)
    _idle(qtbot, window)
    assert busy[:1] == [True] and busy[-1:] == [False]  # the progress bar came and went
    model = window.library_panel.model
    rows = [_row_of_path(window, folder / p.name) for p in ARTICLE_FILES]
    assert all(_measured(window, row) for row in rows)
    assert all(model.data(model.index(row, LENGTH)) for row in rows)

    # Knowing words moves every text's % known; sorting by it finds texts at your level.
    with qtbot.waitSignal(window.hsk_marked, timeout=30_000):
        window.mark_hsk_known(3)
    qtbot.waitUntil(lambda: all(model.stats(row).known_share > 0.3 for row in rows),
                    timeout=60_000)
    panel = window.library_panel
    panel.view.sortByColumn(KNOWN, Qt.SortOrder.DescendingOrder)
    shares = [model.stats(panel.proxy.mapToSource(panel.proxy.index(r, 0)).row())
              for r in range(panel.proxy.rowCount())]
    known = [s.known_share for s in shares if s is not None]
    assert known == sorted(known, reverse=True) and len(known) >= len(rows)

    # Search looks inside the texts, in either script: 莱姆病 is only in the xAI story.
    panel.search_edit.setText("萊姆病")
    panel.run_search()
    shown = {panel.entry_at(r).path for r in range(panel.proxy.rowCount())}
    assert shown == {path_key(XAI), path_key(folder / XAI.name)}
    panel.search_edit.clear()
    panel.run_search()
    assert panel.proxy.rowCount() == model.rowCount()


def test_a_long_import_can_be_cancelled(qtbot, tmp_path: Path, open_window) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = XAI.read_text(encoding="utf-8")
    for n in range(60):
        (folder / f"{n:03d}.txt").write_text(f"第{n}篇\n{text}", encoding="utf-8")
    window = open_window(XAI)
    before = window.library_panel.model.rowCount()
    started = []
    window.library.worker.progress.connect(
        lambda done, total, what: started.append(done) if len(started) < 1 else None)
    window.library.import_paths([str(folder)])
    qtbot.waitUntil(lambda: bool(started), timeout=60_000)
    window.library_panel.cancel_button.click()
    _idle(qtbot, window)
    added = window.library_panel.model.rowCount() - before
    assert 0 <= added < 60  # stopped part-way; what was read is kept
    assert not window.library_panel.progress.isVisible()


def test_missing_files_are_shown_and_removed_entries_stay_gone(
        qtbot, tmp_path: Path, open_window, restart_window) -> None:
    gone, kept = tmp_path / "gone.txt", tmp_path / "kept.txt"
    shutil.copy(XAI, gone)
    shutil.copy(XAI, kept)
    first = open_window(XAI)
    first.library.import_paths([str(gone), str(kept)])
    qtbot.waitUntil(lambda: _row_of_path(first, kept) >= 0, timeout=60_000)
    _idle(qtbot, first)
    panel = first.library_panel
    panel.view.selectRow(panel.proxy.mapFromSource(
        panel.model.index(_row_of_path(first, kept), 0)).row())
    panel.remove_action.trigger()
    assert _row_of_path(first, kept) == -1 and kept.is_file()
    first.close()
    gone.unlink()

    second = restart_window()
    model = second.library_panel.model
    # The check runs in the background once the window is up (not yet busy at first).
    qtbot.waitUntil(lambda: (row := _row_of_path(second, gone)) >= 0
                    and model.is_missing(row), timeout=60_000)
    row = _row_of_path(second, gone)
    assert model.data(model.index(row, LENGTH)) == "missing"
    assert _row_of_path(second, kept) == -1


def test_the_article_being_opened_is_analysed_before_the_library_reads_more(
        qtbot, tmp_path: Path, open_window) -> None:
    """The reader's article comes first: a folder being added waits for its analysis."""
    window = open_window(XAI)
    _idle(qtbot, window)
    reading = tmp_path / "reading.txt"
    reading.write_text("新的一篇\n" + ARTICLE_FILES[0].read_text(encoding="utf-8"),
                       encoding="utf-8")
    added = tmp_path / "added.txt"
    shutil.copy(XAI, added)
    order: list[str] = []
    window.runner.analysis_ready.connect(lambda *_: order.append("article analysed"))
    window.library.worker.entries_added.connect(lambda _: order.append("text added"))
    window.open_path(str(reading))
    window.library.import_paths([str(added)])
    qtbot.waitUntil(lambda: len(order) == 2, timeout=120_000)
    assert order == ["article analysed", "text added"]
    assert _row_of_path(window, added) >= 0


def test_an_opened_article_is_measured_and_indexed_from_the_windows_analysis(
        qtbot, tmp_path: Path, open_window, monkeypatch) -> None:
    """A text the window analyses is not analysed again for the library (a long one would
    cost the reader seconds of CPU), yet is listed, measured and searchable."""
    window = open_window(XAI)
    _idle(qtbot, window)
    mine = tmp_path / "另一篇.txt"
    shutil.copy(ARTICLE_FILES[0], mine)
    library_reads: list[int] = []
    counted = window.analyzer.words_and_names
    monkeypatch.setattr(window.analyzer, "words_and_names",
                        lambda text: library_reads.append(len(text)) or counted(text))
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(mine))
    row = _row_of_path(window, mine)
    qtbot.waitUntil(lambda: _measured(window, row), timeout=60_000)
    _idle(qtbot, window)
    assert window.library_panel.model.stats(row) == window.stats
    assert library_reads == []
    word = next(t.text for t in window.analysis.tokens if len(t.text) >= 2 and t.gloss)
    assert (path_key(mine), "") in (window.library.search(word) or set())
