"""The reading window as a learner uses it: hover, save, names, restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from app.core.types import Entity

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
YI_TAY = ARTICLES / "yi-tay-returns-to-google.txt"  # a traditional-script article


def _hover(qtbot, window, word: str) -> int:
    """Move the mouse onto the first occurrence of `word`, at a point from the text layout."""
    view = window.view
    index = next(i for i, t in enumerate(view.tokens) if t.text == word)
    view.scroll_to_offset(view.tokens[index].start)
    # The word's first character: a word may wrap, and the middle of its box is then no text.
    rect = view.char_rect(view.tokens[index].start)
    assert view.viewport().rect().contains(rect.center())
    # Qt drops a move to where the pointer already is (a previous test may have left it there).
    qtbot.mouseMove(view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.waitUntil(
        lambda: window.popup.isVisible() and window.popup.info is not None
        and window.popup.info.word == word,
        timeout=5000,
    )
    return index


def _global_word_rect(view, index: int) -> QRect:
    rect = view.token_rect(index)
    return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())


def test_hover_shows_contextual_pinyin_and_gloss_beside_the_word(qtbot, open_window) -> None:
    window = open_window(XAI)
    index = _hover(qtbot, window, "研究员")
    text = window.popup.plain_text()
    assert "yán jiū yuán" in text
    assert "researcher" in text
    # The popup is beside the word, never on it, and the word is highlighted.
    assert not window.popup.geometry().intersects(_global_word_rect(window.view, index))
    assert window.view.current_index == index
    # It never takes focus from the article.
    assert QApplication.activePopupWidget() is None
    assert not window.popup.isActiveWindow()


def test_escape_hides_popup_and_keys_move_between_words(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    index = _hover(qtbot, window, "研究员")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    following = next(i for i in range(index + 1, len(view.tokens))
                     if any(view.tokens[i].pinyin))
    qtbot.waitUntil(lambda: window.popup.info is not None
                    and window.popup.info.word == view.tokens[following].text)
    assert not window.popup.geometry().intersects(_global_word_rect(view, following))
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.popup.info is not None
                    and window.popup.info.word == "研究员")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not window.popup.isVisible()


def test_save_key_adds_word_with_sentence_to_panel_and_store(qtbot, open_window) -> None:
    from app.core.user.vocab import VocabStore

    window = open_window(XAI)
    _hover(qtbot, window, "莱姆病")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    assert "莱姆病" in window.vocab_panel.model.words()
    qtbot.waitUntil(lambda: "Saved" in window.popup.plain_text())
    store = VocabStore()
    saved = store.get("莱姆病")
    store.close()
    assert saved is not None
    assert "莱姆病" in saved.sentence and "。" not in saved.sentence[:-1]
    assert saved.sentence[saved.mark : saved.mark + 3] == "莱姆病"
    assert saved.article == window.analysis.title


def test_saved_word_and_article_survive_a_restart(qtbot, open_window, restart_window) -> None:
    first = open_window(XAI)
    _hover(qtbot, first, "研究员")
    first.view.setFocus()
    qtbot.keyClick(first.view, Qt.Key.Key_S)
    first.close()

    second = restart_window()
    assert Path(second.article_path).resolve() == XAI.resolve()
    assert "研究员" in second.vocab_panel.model.words()


def test_clicking_a_name_highlights_every_mention(qtbot, open_window) -> None:
    window = open_window(XAI)
    tree = window.names_panel.tree
    model = tree.model()
    target = None
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            entity = index.data(Qt.ItemDataRole.UserRole + 2)
            if isinstance(entity, Entity) and entity.text == "马斯克":
                target = (index, entity)
    if target is None:
        pytest.fail(f"马斯克 not in the names panel: {window.names_panel.model.shown_names()}")
    index, entity = target
    assert entity.count >= 2
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    spans = window.view.highlighted_spans
    assert len(spans) == entity.count
    assert {window.view.text[s:e] for s, e in spans} <= {entity.text, *entity.aliases}
    first = window.view.span_rect(*spans[0])
    assert window.view.viewport().rect().intersects(first)


def test_traditional_article_hover_shows_both_scripts(qtbot, open_window) -> None:
    window = open_window(YI_TAY)
    assert window.analysis.script == "traditional"
    _hover(qtbot, window, "學者")
    text = window.popup.plain_text()
    assert "學者" in text and "学者" in text
    assert "xué zhě" in text
    assert "scholar" in text


def test_markup_in_an_article_is_shown_as_text(qtbot, open_window, tmp_path) -> None:
    article = tmp_path / "markup.txt"
    article.write_text("研究员说不要&amp;用<script>alert(1)</script>。\n", encoding="utf-8")
    window = open_window(article)
    shown = window.view.toPlainText()
    assert shown == window.analysis.text  # exactly the article's characters, nothing rendered
    assert "&amp;" in shown and "<script>alert(1)</script>" in shown


def test_font_size_persists(qtbot, open_window) -> None:
    window = open_window(XAI)
    before = window.view.font_size()
    window.change_font_size(+2)
    window.close()
    from app.ui.main_window import MainWindow

    again = MainWindow(persist=False)
    qtbot.addWidget(again)
    assert again.view.font_size() == before + 2


def test_opening_a_missing_file_keeps_the_window(qtbot, open_window, tmp_path) -> None:
    window = open_window(XAI)
    with qtbot.waitSignal(window.runner.failed, timeout=10_000):
        window.open_path(str(tmp_path / "nope.txt"))
    assert window.last_error
    assert window.isVisible()


def test_popup_is_placed_above_when_no_room_below(qtbot) -> None:
    from app.ui.popup import WordInfo, WordPopup

    popup = WordPopup()
    qtbot.addWidget(popup)
    screen = QApplication.primaryScreen().availableGeometry()
    anchor = QRect(QPoint(screen.left() + 40, screen.bottom() - 30), QPoint(screen.left() + 90,
                                                                           screen.bottom() - 5))
    popup.show_word(WordInfo("研究员", "研究员", "研究員", ("yán", "jiū", "yuán")), anchor)
    assert popup.isVisible()
    assert not popup.geometry().intersects(anchor)
    assert popup.geometry().bottom() < anchor.top()
