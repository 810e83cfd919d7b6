"""Pinyin above words: what a learner sees above a known and an unknown word, per mode."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from app.core.analysis.analyzer import default_analyzer
from app.ui.settings import MAX_HSK_BAND, ViewSettings

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
KNOWN = "今天"  # on the first screen, HSK band 1; the test marks it known
UNKNOWN = "研究员"  # on the first screen, in no HSK band


def _first(view, word: str) -> int:
    return next(i for i, t in enumerate(view.tokens) if t.text == word)


def _settle(qtbot, view) -> QImage:
    """Let decoration and layout finish, then take what the reader sees."""
    qtbot.wait(20)
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _ink_above(image: QImage, rect: QRect, page_lightness: int) -> int:
    """Pixels clearly darker or more colourful than the page just above a word's box."""
    count = 0
    for x in range(rect.left() + 1, rect.right()):
        for y in range(max(0, rect.top() - 9), rect.top() + 3):
            color = image.pixelColor(x, y)
            if abs(color.lightness() - page_lightness) > 60 or color.saturation() > 80:
                count += 1
    return count


def _drawn(qtbot, window) -> dict[str, tuple[str, int]]:
    """For each of the two words: (the reading drawn above it, ink pixels above it)."""
    view = window.view
    image = _settle(qtbot, view)
    page = view.viewport().palette().base().color().lightness()
    readings = dict(view.visible_ruby())
    out = {}
    for word in (KNOWN, UNKNOWN):
        index = _first(view, word)
        out[word] = (readings.get(index, ""), _ink_above(image, view.token_rect(index), page))
    return out


def _mark_known(window, word: str) -> None:
    window.save_token(_first(window.view, word))
    window.vocab.set_status(word, "known")
    window._refresh_vocab()


def test_ruby_modes_change_what_is_drawn_above_known_and_unknown_words(qtbot,
                                                                      open_window) -> None:
    window = open_window(XAI)
    view = window.view
    _mark_known(window, KNOWN)
    tokens = {w: view.tokens[_first(view, w)] for w in (KNOWN, UNKNOWN)}

    window.aids.set_ruby_mode("off")
    off = _drawn(qtbot, window)
    assert off[KNOWN] == ("", 0) and off[UNKNOWN] == ("", 0)

    window.aids.set_ruby_mode("all")
    every = _drawn(qtbot, window)
    for word in (KNOWN, UNKNOWN):
        reading, ink = every[word]
        assert reading == "".join(tokens[word].pinyin)  # the contextual reading, over it
        assert ink > 20

    window.aids.set_ruby_mode("unknown")
    unknown = _drawn(qtbot, window)
    assert unknown[KNOWN] == ("", 0)
    assert unknown[UNKNOWN][0] == "".join(tokens[UNKNOWN].pinyin) and unknown[UNKNOWN][1] > 20


def test_readings_never_reach_the_line_above(qtbot, open_window) -> None:
    window = open_window(XAI)
    window.aids.set_ruby_mode("all")
    view = window.view
    _settle(qtbot, view)
    runs = view.ruby_runs()
    assert runs
    line_tops = sorted({run.base.top() for run in runs})
    height = runs[0].base.height()
    for run in runs:
        above = [top for top in line_tops if top < run.base.top()]
        if above:  # the previous line's box ends above this reading's ink
            assert above[-1] + height <= run.rect.top()
        assert run.rect.bottom() <= run.base.top() + height / 2  # above its characters' middle
    # Neighbouring readings on one line do not overlap.
    by_line: dict[float, list] = {}
    for run in runs:
        by_line.setdefault(run.base.top(), []).append(run.rect)
    for rects in by_line.values():
        rects.sort(key=lambda r: r.left())
        assert all(a.right() <= b.left() for a, b in pairwise(rects))


def test_hsk_band_counts_as_known_for_the_pinyin(qtbot, open_window) -> None:
    window = open_window(XAI)
    band = default_analyzer().hsk.level(KNOWN).v3
    window.aids.set_ruby_mode("unknown")
    assert _drawn(qtbot, window)[KNOWN][0]  # not marked known: it has its pinyin
    window.aids.set_known_band(band)
    drawn = _drawn(qtbot, window)
    assert drawn[KNOWN] == ("", 0)
    assert drawn[UNKNOWN][0]  # in no band: still has its pinyin


def test_hover_and_selection_still_work_with_ruby(qtbot, open_window) -> None:
    from .test_reading_window import _hover

    window = open_window(XAI)
    window.aids.set_ruby_mode("all")
    _settle(qtbot, window.view)
    index = _hover(qtbot, window, UNKNOWN)
    assert window.view.current_index == index
    # The reading above a word is not part of it: the pointer there finds no other word.
    run = next(r for r in window.view.ruby_runs() if r.token == index)
    dy = -window.view.verticalScrollBar().value()
    above = run.rect.translated(0, dy).center().toPoint()
    assert window.view.word_index_at(above) in (-1, index)

    # A name picked in the names panel is highlighted everywhere; the pinyin stays.
    entity = window.analysis.entities[0]
    window.highlight_entity(entity)
    assert window.view.highlighted_spans == tuple(sorted(entity.spans))
    _settle(qtbot, window.view)
    assert window.view.visible_ruby()

    # Selecting text selects the characters, not the readings above them.
    view = window.view
    token = view.tokens[index]
    cursor = view.textCursor()
    cursor.setPosition(token.start)
    cursor.setPosition(token.end, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_span() == (token.start, token.end)
    assert view.textCursor().selectedText() == UNKNOWN


def test_r_key_cycles_modes_and_the_choice_persists(qtbot, open_window) -> None:
    window = open_window(XAI)
    assert window.view.ruby_mode == "off"
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.view.ruby_mode == "unknown"
    assert window.aids.ruby_actions["unknown"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.view.ruby_mode == "all"
    assert ViewSettings().ruby_mode == "all"


def test_a_screenshot_window_leaves_the_learners_settings_alone(qtbot, open_window) -> None:
    window = open_window(XAI, persist=False)
    window.aids.set_ruby_mode("all")
    window.aids.set_theme("dark")
    window.aids.set_font_family("Noto Serif CJK SC")
    settings = ViewSettings()
    assert (settings.ruby_mode, settings.theme, settings.font_family) == ("off", "light", "")


def test_pinyin_above_yi_follows_the_spoken_tones_choice(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    index = _first(view, "一次")
    assert view.tokens[index].pinyin[0] == "yī"  # the dictionary (citation) tone
    window.aids.set_ruby_mode("all")
    view.scroll_to_offset(view.tokens[index].start)
    _settle(qtbot, view)
    assert dict(view.visible_ruby())[index].startswith("yī")
    window.sandhi_action.setChecked(True)  # View → Spoken tones for 一 and 不
    _settle(qtbot, view)
    assert dict(view.visible_ruby())[index].startswith("yí")  # before a fourth tone


def _ink_over(qtbot, view, index: int) -> tuple[str, int]:
    """The reading drawn above token `index` once the view has settled, and its ink."""
    image = _settle(qtbot, view)
    page = view.viewport().palette().base().color().lightness()
    return (dict(view.visible_ruby()).get(index, ""),
            _ink_above(image, view.token_rect(index), page))


def test_pinyin_stays_over_unknown_words_only_after_scrolling_zoom_and_dark_theme(
        qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    window.aids.set_known_band(MAX_HSK_BAND)  # only words beyond HSK get pinyin
    window.aids.set_ruby_mode("unknown")
    bar = view.verticalScrollBar()
    # A wheel notch at a time to the end, a jump back to the top, then to the middle.
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.singleStep() * 3)
        bar.setValue(value)
        qtbot.wait(1)
    bar.setValue(0)
    qtbot.wait(1)
    middle = bar.maximum() // 2
    bar.setValue(middle)
    _settle(qtbot, view)
    readings = dict(view.visible_ruby())
    on_screen = [i for i in view.visible_tokens() if i in readings]
    # A word with pinyin whose neighbours have none (so no reading can overhang it) is
    # marked known; another word with pinyin nearby stays unknown.
    known = next(i for i in on_screen if i - 1 not in readings and i + 1 not in readings)
    unknown = min((i for i in on_screen if view.tokens[i].text != view.tokens[known].text),
                  key=lambda i: abs(i - known))
    assert _ink_over(qtbot, view, known)[1] > 20  # drawn before it is marked known
    # The first frame after a jump already has the new place's pinyin.
    bar.setValue(0)
    _settle(qtbot, view)
    bar.setValue(middle)
    first_frame = view.viewport().grab().toImage()
    page = view.viewport().palette().base().color().lightness()
    assert _ink_above(first_frame, view.token_rect(unknown), page) > 20
    _mark_known(window, view.tokens[known].text)

    def check() -> None:
        view.scroll_to_offset(view.tokens[known].start)
        assert _ink_over(qtbot, view, known) == ("", 0)
        reading, ink = _ink_over(qtbot, view, unknown)
        assert reading == "".join(view.tokens[unknown].pinyin) and ink > 20

    check()
    window.change_font_size(+4)
    check()
    window.aids.set_theme("dark")
    check()
    window.change_font_size(-4)
    check()
