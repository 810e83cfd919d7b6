"""A saved word still being learnt stands out wherever it occurs; known words go grey."""

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


def test_saved_word_is_highlighted_everywhere_until_it_is_known(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    _hover(qtbot, window, WORD)
    qtbot.waitUntil(lambda: _visible_occurrences(view, WORD) >= 2, timeout=5000)
    seen = _visible_occurrences(view, WORD)
    assert "learning" not in [kind for kind, _text in view.painted_marks]

    qtbot.keyClick(window, Qt.Key.Key_S)
    assert window.vocab.get(WORD) is not None
    qtbot.waitUntil(lambda: _marks_of(view, WORD).count("learning") >= seen, timeout=5000)
    assert set(_marks_of(view, WORD)) == {"learning"}  # no plain underline left on it
    # Only the saved word is highlighted; its neighbours keep their plain underlines.
    assert {text for kind, text in view.painted_marks if kind == "learning"} == {WORD}

    window.vocab_panel.table.selectRow(0)
    window.toggle_selected_known()
    qtbot.waitUntil(lambda: set(_marks_of(view, WORD)) == {"known"}, timeout=5000)
    assert _marks_of(view, WORD).count("known") >= seen

    window.vocab_panel.table.selectRow(0)  # the table was refilled
    window.toggle_selected_known()  # back to learning
    qtbot.waitUntil(lambda: set(_marks_of(view, WORD)) == {"learning"}, timeout=5000)

    window.vocab_panel.table.selectRow(0)
    window.remove_selected_vocab()
    qtbot.waitUntil(lambda: set(_marks_of(view, WORD)) == {"word"}, timeout=5000)


def test_learning_words_are_drawn_under_the_text(qtbot, open_window) -> None:
    """The highlight changes the pixels around the word, yet the characters stay dark."""
    window = open_window(XAI)
    view = window.view
    index = next(i for i, t in enumerate(view.tokens) if t.text == WORD)
    rect = view.token_rect(index)
    before = view.viewport().grab().toImage()

    window.save_token(index)
    qtbot.waitUntil(lambda: "learning" in _marks_of(view, WORD), timeout=5000)
    view.repaint()
    after = view.viewport().grab().toImage()

    # Just inside the word's top-left corner, above the ink: page before, highlight after.
    corner = rect.topLeft() + QPoint(6, 4)
    assert before.pixelColor(corner) == before.pixelColor(rect.topLeft() + QPoint(6, -6))
    assert before.pixelColor(corner) != after.pixelColor(corner)
    darkest = min(after.pixelColor(x, y).lightness()
                  for x in range(rect.left(), rect.right())
                  for y in range(rect.top(), rect.bottom()))
    assert darkest < 80  # ink, not a wash over it
