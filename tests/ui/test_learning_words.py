"""Word states show in the text: learning words washed by level, known words plain, new tinted."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from .conftest import ARTICLES
from .test_reading_window import _hover

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
WORD = "研究员"  # twice on the first screen: "知名华人AI研究员" and "数学家和AI研究员"


def _visible_occurrences(view, word: str) -> int:
    """How many times the reader can see `word` on screen right now."""
    viewport = view.viewport().rect()
    return sum(1 for token in view.tokens
               if token.text == word and viewport.intersects(view.char_rect(token.start)))


def _marks_of(view, word: str) -> list[str]:
    return [kind for kind, text in view.painted_marks if text == word]


def _shows_only(qtbot, view, word: str, kind: str, seen: int) -> None:
    qtbot.waitUntil(lambda: _marks_of(view, word).count(kind) >= seen, timeout=5000)
    assert set(_marks_of(view, word)) == {kind}


def test_a_word_is_washed_by_its_learning_level_until_it_is_known(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    _hover(qtbot, window, WORD)
    qtbot.waitUntil(lambda: _visible_occurrences(view, WORD) >= 2, timeout=5000)
    seen = _visible_occurrences(view, WORD)
    _shows_only(qtbot, view, WORD, "unknown", seen)  # never marked: tinted as new

    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.vocab.get(WORD) is not None
    _shows_only(qtbot, view, WORD, "learning-1", seen)  # everywhere it occurs
    # Only the saved word changed; its neighbours are still new words.
    assert {text for kind, text in view.painted_marks if kind.startswith("learning")} == {WORD}

    qtbot.keyClick(window, Qt.Key.Key_3)
    _shows_only(qtbot, view, WORD, "learning-3", seen)

    window.vocab_panel.table.selectRow(0)
    window.toggle_selected_known()
    _shows_only(qtbot, view, WORD, "word", seen)  # known: plain, its boundary underline only

    window.vocab_panel.table.selectRow(0)  # the table was refilled
    window.toggle_selected_known()  # back to learning, at the level it had
    _shows_only(qtbot, view, WORD, "learning-3", seen)

    window.vocab_panel.table.selectRow(0)
    window.remove_selected_vocab()
    _shows_only(qtbot, view, WORD, "unknown", seen)

    window.tint_action.setChecked(False)  # View → Tint new words, off
    _shows_only(qtbot, view, WORD, "word", seen)


def _ink_and_wash(view, rect) -> tuple:
    """The wash colour just inside a word's top-left corner, and its darkest pixel."""
    image = view.viewport().grab().toImage()
    darkest = min(image.pixelColor(x, y).lightness()
                  for x in range(rect.left(), rect.right())
                  for y in range(rect.top(), rect.bottom()))
    return image.pixelColor(rect.topLeft() + QPoint(6, 4)), darkest


def test_learning_washes_are_drawn_under_the_text_and_fade_with_the_level(
        qtbot, open_window) -> None:
    """The wash changes the pixels around the word, yet the characters stay dark."""
    window = open_window(XAI)
    window.tint_action.setChecked(False)
    view = window.view
    index = next(i for i, t in enumerate(view.tokens) if t.text == WORD)
    qtbot.waitUntil(lambda: "word" in _marks_of(view, WORD), timeout=5000)
    view.repaint()
    rect = view.token_rect(index)
    page = view.viewport().grab().toImage().pixelColor(rect.topLeft() + QPoint(6, -6))
    before, _ = _ink_and_wash(view, rect)
    assert before == page

    washes = {}
    for level in (1, 4):
        window.set_word_state(index, "learning", level)
        qtbot.waitUntil(lambda lv=level: f"learning-{lv}" in _marks_of(view, WORD), timeout=5000)
        view.repaint()
        washes[level], darkest = _ink_and_wash(view, view.token_rect(index))
        assert darkest < 80  # ink, not a wash over it
    assert page != washes[4] != washes[1]
    # Level 1 (new to me) stands out most; level 4 (nearly known) is nearer the page.
    assert washes[1].lightness() < washes[4].lightness() < page.lightness()
