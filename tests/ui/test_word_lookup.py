"""When the words are cut wrong: Alt+hover, selection lookup, boundary fixes, better default
cuts, find in the article and dictionary search — in the real window, on sentences written
for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

SIMPLIFIED = (
    "今日要闻\n"
    "股价创新高，投资人很高兴。有的是学生，有的是老师。\n"
    "据智东西报道，这次发布很重要。业内人士认为，新产品已经发布。\n"
)
TRADITIONAL = "今日要聞\n據智東西報導，新產品已經發布，業內人士認為價格創新高。\n"


@pytest.fixture
def article(tmp_path: Path):
    def write(text: str, name: str = "news.txt") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _point(view, offset: int) -> QPoint:
    view.scroll_to_offset(offset)
    rect = view.char_rect(offset)
    assert view.viewport().rect().contains(rect.center())
    return rect.center()


def _select(view, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _alt_hover(qtbot, window, offset: int) -> None:
    """Hover the character at `offset`, then press Alt as a reader would."""
    view = window.view
    point = _point(view, offset)
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.keyPress(view, Qt.Key.Key_Alt)
    qtbot.waitUntil(lambda: window.popup.info is not None
                    and window.popup.info.note.startswith("Dictionary matches"), timeout=5000)


# ---- 1. Alt+hover: Zhongwen-style matches from the character under the mouse ------------

def test_alt_hover_shows_the_longest_match_then_shorter_ones(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    view, text = window.view, window.view.text
    words = [t.text for t in view.tokens]
    assert "创新" in words  # the segmenter's word: 'innovation', wrong here

    _alt_hover(qtbot, window, text.index("创新高") + 1)  # on 新
    info = window.popup.info
    assert info.word == "新高"
    assert "new high" in info.entries[0].gloss
    assert [part for part, _ in info.shorter] == ["新"]
    start = text.index("创新高") + 1
    assert view.lookup_span == (start, start + 2)  # what is explained is what is marked
    assert "Shorter matches" in window.popup.plain_text()

    _alt_hover(qtbot, window, text.index("有的是学生"))
    info = window.popup.info
    assert info.word == "有的是"
    assert [part for part, _ in info.shorter] == ["有的", "有"]
    assert "some" in " ".join(e.gloss for _, entries in info.shorter for e in entries)


# ---- 2. A selection is explained exactly -------------------------------------------------

def test_selecting_text_explains_exactly_the_selection(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    view, text = window.view, window.view.text
    start = text.index("有的是学生")
    _select(view, start, start + 2)  # 有的, inside the token 有的是
    assert view.look_up_selection()
    qtbot.waitUntil(lambda: window.popup.info is not None and window.popup.info.word == "有的",
                    timeout=5000)
    assert "some" in window.popup.info.entries[0].gloss
    assert view.lookup_span == (start, start + 2)

    start = text.index("创新高")  # not one dictionary word: its longest-match parts
    _select(view, start, start + 3)
    assert view.look_up_selection()
    qtbot.waitUntil(lambda: window.popup.info is not None and window.popup.info.word == "创新高",
                    timeout=5000)
    assert window.popup.info.entries == ()
    assert [part for part, _ in window.popup.info.parts] == ["创新", "高"]
    assert "its parts" in window.popup.plain_text()


def test_a_mouse_selection_opens_the_popup(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    view, text = window.view, window.view.text
    start = text.index("新高")
    first, last = _point(view, start), view.char_rect(start + 1).center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseMove(view.viewport(), last + QPoint(view.char_rect(start + 1).width() // 2, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       pos=last + QPoint(view.char_rect(start + 1).width() // 2, 0))
    qtbot.waitUntil(lambda: window.popup.info is not None and window.popup.info.word == "新高",
                    timeout=5000)


# ---- 3. Fixing a boundary once, for every article ----------------------------------------

def _menu_for(window, offset: int) -> QMenu:
    view = window.view
    view._context_offset = offset  # where the right-click landed
    menu = QMenu()
    window.add_boundary_actions(menu)
    return menu


def _action(menu: QMenu, name: str):
    return next((a for a in menu.actions() if a.objectName() == name), None)


def test_moving_a_boundary_applies_everywhere_and_can_be_undone(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    text = window.view.text
    menu = _menu_for(window, text.index("创新高") + 1)  # on 新, inside the token 创新
    labels = [a.text() for a in menu.actions()]
    assert "Split here: 创 | 新" in labels
    assert "Cut as 创 | 新高" in labels
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "moveBoundaryAction").trigger()
    words = [t.text for t in window.view.tokens]
    assert words[words.index("股价") + 1 : words.index("股价") + 3] == ["创", "新高"]

    # Another article, in the other script, is cut the same way.
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(article(TRADITIONAL, "other.txt")))
    assert "新高" in [t.text for t in window.view.tokens]

    dialog = window.show_word_corrections()
    assert dialog.model.rowCount() == 1
    dialog.list_view.setCurrentIndex(dialog.model.index(0))
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        dialog.remove_selected()
    assert "新高" not in [t.text for t in window.view.tokens]


def test_join_split_and_make_one_word(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    view, text = window.view, window.view.text
    assert "智东西" not in [t.text for t in view.tokens]
    menu = _menu_for(window, text.index("智东西"))
    assert _action(menu, "joinNextAction").text() == "Join “智” with next word “东西”"
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "joinNextAction").trigger()
    assert "智东西" in [t.text for t in view.tokens]

    menu = _menu_for(window, text.index("智东西") + 1)  # split it again, before 东
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "splitHereAction").trigger()
    words = [t.text for t in view.tokens]
    assert "智东西" not in words and "智" in words

    start = text.index("投资人")
    _select(view, start, start + 5)  # 投资人很高兴 is not a word, but the reader says so
    menu = _menu_for(window, start)
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "makeOneWordAction").trigger()
    assert text[start : start + 5] in [t.text for t in view.tokens]


# ---- 4. Better cuts by default -----------------------------------------------------------

def test_a_word_missing_from_the_dictionary_is_cut_into_common_words(qtbot, open_window,
                                                                     article):
    """jieba's 业内人士 is no CC-CEDICT word: its parts are 业/内/人士, never 内人 'my wife'."""
    window = open_window(article(SIMPLIFIED))
    words = [t.text for t in window.view.tokens]
    assert "人士" in words
    assert "内人" not in words
    index = next(i for i, t in enumerate(window.view.tokens) if t.text == "人士")
    window.view.activate(index)
    assert "person" in window.popup.plain_text()


# ---- 5. Find in the article, and dictionary search ---------------------------------------

def test_find_matches_both_scripts_and_steps_with_f3(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    view, text = window.view, window.view.text
    window.open_find()
    assert window.find_bar.isVisible()
    window.find_bar.edit.insert("發布")  # typed in traditional script (an input method)
    qtbot.waitUntil(lambda: len(window.find_bar.matches) == 2, timeout=5000)
    spans, current = view.find_matches
    assert [text[s:e] for s, e in spans] == ["发布", "发布"]
    assert current == 0
    assert "1 of 2" in window.find_bar.count_label.text()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert view.find_matches[1] == 1
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.find_matches[1] == 0
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert view.find_matches == ([], -1)


def test_find_in_a_traditional_article_with_a_simplified_query(qtbot, open_window, article):
    window = open_window(article(TRADITIONAL))
    window.open_find()
    window.find_bar.edit.insert("发布")
    qtbot.waitUntil(lambda: len(window.find_bar.matches) == 1, timeout=5000)
    start, end = window.find_bar.matches[0]
    assert window.view.text[start:end] == "發布"


def test_dictionary_search_finds_and_saves_a_word(qtbot, open_window, article):
    window = open_window(article(SIMPLIFIED))
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    for query in ("yinhang", "yin2hang2", "yínháng", "bank"):
        dialog.edit.clear()
        dialog.edit.insert(query)  # non-ASCII: as an input method delivers it
        assert dialog.entries == []  # cleared with the box; the search waits for a pause
        qtbot.waitUntil(lambda: bool(dialog.entries), timeout=5000)
        assert "银行" in [e.simplified for e in dialog.entries[:3]], query
    row = [e.simplified for e in dialog.entries].index("银行")
    dialog.results.setCurrentRow(row)
    dialog.save_button.click()
    saved = window.vocab.get("银行")
    assert saved is not None and "bank" in saved.gloss
    assert "银行" in [item.simplified for item in window.vocab_panel.model.items()]
