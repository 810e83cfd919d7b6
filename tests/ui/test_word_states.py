"""LingQ's word states from the keyboard: 1-4, 5, X, S on the hovered word; page turns; undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.analysis.analyzer import default_analyzer
from app.core.types import WordState

from .conftest import ARTICLES
from .test_reading_window import _hover

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"


def _state(window, word: str) -> WordState | None:
    item = window.vocab.get(word)
    return None if item is None else item.state


def _popup_says(qtbot, window, text: str) -> None:
    qtbot.waitUntil(lambda: window.popup.isVisible() and text in window.popup.plain_text(),
                    timeout=5000)


def test_keys_set_the_state_of_the_hovered_word(qtbot, open_window) -> None:
    window = open_window(XAI)
    window.library_panel.setFocus()  # the keys work wherever the focus is
    _hover(qtbot, window, "研究员")

    qtbot.keyClick(window, Qt.Key.Key_2)
    item = window.vocab.get("研究员")
    assert item is not None and item.saved and item.sentence  # a word you study is saved
    assert item.state == WordState("learning", 2)
    _popup_says(qtbot, window, "Learning · level 2")
    assert "研究员" in window.vocab_panel.model.words()

    qtbot.keyClick(window, Qt.Key.Key_5)
    assert _state(window, "研究员") == WordState("known", 2)
    _popup_says(qtbot, window, "Known")
    qtbot.keyClick(window, Qt.Key.Key_X)
    assert _state(window, "研究员").status == "ignored"

    # J moves on word by word; 5 on a word never saved marks it without listing it.
    index = window.view.current_index
    qtbot.keyClick(window, Qt.Key.Key_J)
    assert window.view.current_index > index
    neighbour = window.view.tokens[window.view.current_index].text
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert _state(window, neighbour).status == "known"
    assert neighbour not in window.vocab_panel.model.words()
    qtbot.keyClick(window, Qt.Key.Key_K)
    assert window.view.current_index == index

    # Shift+S saves like S (it did nothing before).
    _hover(qtbot, window, "数学家")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert window.vocab.get("数学家").saved
    _popup_says(qtbot, window, "★ Saved")

    # Each key is one undo step; saving with a level undoes as one.
    window.undo_stack.undo()  # the save of 数学家
    assert window.vocab.get("数学家") is None
    window.undo_stack.undo()  # 5 on the neighbour
    assert _state(window, neighbour) is None


def test_the_keys_type_into_a_text_box_instead(qtbot, open_window) -> None:
    window = open_window(XAI)
    _hover(qtbot, window, "研究员")
    box = window.names_panel.filter_edit
    window.activateWindow()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box, timeout=5000)
    qtbot.keyClicks(box, "5x")
    assert box.text() == "5x"
    assert window.vocab.get("研究员") is None


def _page_words(window) -> list[str]:
    """The counted words of the screenful: Chinese, not names."""
    tokens = window.analysis.tokens
    return [tokens[i].text for i in window.view.visible_tokens()
            if tokens[i].text in window._view_index.word_counts
            and window.entity_at(tokens[i].start, tokens[i].end) is None]


def test_mark_the_rest_of_the_page_known_and_undo_it(qtbot, open_window) -> None:
    window = open_window(XAI)
    window.resize(900, 500)
    qtbot.waitUntil(lambda: len(window.view.visible_tokens()) > 20, timeout=5000)
    _hover(qtbot, window, "研究员")
    qtbot.keyClick(window, Qt.Key.Key_1)  # one word already being learnt on this page
    page = _page_words(window)
    later = [t.text for t in window.analysis.tokens[window.view.visible_tokens().stop:]
             if t.text in window._view_index.word_counts and t.text not in page]
    assert page and later
    before_label = window.known_label.text()

    window.page_known_button.click()
    states = window.vocab.states()
    assert all(states[w].status == "known" for w in page if w != "研究员")
    assert states["研究员"] == WordState("learning", 1)  # a word with a state keeps it
    assert any(w not in states for w in later)  # the next page is still new
    assert not [w for w in page if w in window.vocab_panel.model.words() and w != "研究员"]
    assert window.known_label.text() != before_label
    qtbot.waitUntil(lambda: "unknown" not in [
        kind for kind, text in window.view.painted_marks if text in page], timeout=5000)

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert set(window.vocab.states()) <= {"研究员", "研究員"}
    assert window.known_label.text() == before_label
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(window.vocab.states()[w].status == "known" for w in page if w != "研究员")

    window.mark_rest_known(whole=True)
    assert window.stats.new_words == 0
    assert window.known_label.text().endswith("· 0 new")
    assert window.vocab.items()[0].simplified == "研究员"  # the list holds what was saved
    assert len(window.vocab.items()) == 1


def test_i_know_hsk_marks_the_bands_known_and_undoes(qtbot, open_window) -> None:

    window = open_window(XAI)
    share = window.stats.known_share
    with qtbot.waitSignal(window.hsk_marked, timeout=30_000) as marked:
        assert window.mark_hsk_known(2)  # stored by a file job, not on the GUI thread
    band_words = default_analyzer().hsk.words_up_to(2)
    assert marked.args == [len(band_words)]
    assert f"{len(band_words):,} HSK 1–2 words marked known" in (
        window.statusBar().currentMessage())
    assert window.vocab.known_words() >= band_words
    assert window.vocab.items() == []  # known words are not vocabulary cards
    assert window.stats.known_share > share + 0.2  # HSK 1-2 words are much of any text
    window.undo_stack.undo()
    assert window.vocab.known_words() == set()
    assert window.stats.known_share == share


def test_words_you_had_marked_keep_their_state_when_you_know_hsk(qtbot, open_window) -> None:
    window = open_window(XAI)
    _hover(qtbot, window, "研究员")
    qtbot.keyClick(window, Qt.Key.Key_2)
    word = next(w for w in sorted(default_analyzer().hsk.words_up_to(1)) if len(w) == 2)
    window.vocab.set_state(word, "ignored")
    with qtbot.waitSignal(window.hsk_marked, timeout=30_000):
        window.mark_hsk_known(6)
    assert _state(window, word) == WordState("ignored")
    assert _state(window, "研究员") == WordState("learning", 2)
    assert window.vocab.known_words() >= default_analyzer().hsk.words_up_to(1) - {word}


def test_closing_while_hsk_words_are_marked_keeps_them(qtbot, open_window,
                                                       restart_window) -> None:
    first = open_window(XAI)
    _hover(qtbot, first, "研究员")
    qtbot.keyClick(first, Qt.Key.Key_3)
    assert first.mark_hsk_known(3)
    first.close()  # at once: the marking is still on its way to the store

    second = restart_window()
    assert second.vocab.known_words() >= default_analyzer().hsk.words_up_to(3)
    assert _state(second, "研究员") == WordState("learning", 3)
    assert [item.simplified for item in second.vocab.items()] == ["研究员"]


def test_word_states_survive_a_restart(qtbot, open_window, restart_window) -> None:
    first = open_window(XAI)
    _hover(qtbot, first, "研究员")
    qtbot.keyClick(first, Qt.Key.Key_3)
    _hover(qtbot, first, "数学家")
    qtbot.keyClick(first, Qt.Key.Key_5)
    first.close()

    second = restart_window()
    assert _state(second, "研究员") == WordState("learning", 3)
    assert _state(second, "数学家") == WordState("known")
    view = second.view
    second.view.scroll_to_offset(second.analysis.text.index("研究员"))
    qtbot.waitUntil(lambda: ("learning-3", "研究员") in view.painted_marks, timeout=5000)
