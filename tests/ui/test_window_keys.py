"""Keys act on the hovered word wherever focus is; the library shows the open article."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from .conftest import ARTICLES
from .test_reading_window import _hover

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5000)


def test_save_key_works_after_clicking_the_library(qtbot, open_window) -> None:
    window = open_window(XAI)
    _focus(qtbot, window, window.library_panel.view)
    _hover(qtbot, window, "研究员")
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert "研究员" in window.vocab_panel.model.words()
    assert window.vocab.get("研究员") is not None
    # The arrows move on from the hovered word, still without the article having focus.
    before = window.view.current_index
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.view.current_index > before
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.view.current_index == -1
    assert not window.popup.isVisible()


def test_typing_s_in_the_names_filter_does_not_save_the_hovered_word(qtbot, open_window) -> None:
    window = open_window(XAI)
    _focus(qtbot, window, window.names_panel.filter_edit)
    _hover(qtbot, window, "研究员")
    qtbot.keyClicks(window.names_panel.filter_edit, "s")
    assert window.names_panel.filter_edit.text() == "s"
    assert "研究员" not in window.vocab_panel.model.words()


def _selected_path(window) -> str | None:
    entries = window.library_panel.selected_entries()
    return entries[0].path if len(entries) == 1 else None


def _row_colour(window, row: int) -> str:
    view = window.library_panel.view
    image = view.viewport().grab().toImage()
    return image.pixelColor(_sample_point(window, row)).name()


def _sample_point(window, row: int):
    """A point in the row's padding, clear of its text (`row` as shown, sorted)."""
    panel = window.library_panel
    rect = panel.view.visualRect(panel.proxy.index(row, 0))
    return QPoint(rect.left() + 2, rect.top() + 2)


def test_library_selects_the_open_article_also_after_a_restart(
    qtbot, open_window, restart_window
) -> None:
    first = open_window(XAI)
    panel = first.library_panel
    other = next(panel.entry_at(r) for r in range(panel.proxy.rowCount())
                 if Path(panel.entry_at(r).path).resolve() != XAI.resolve())
    assert Path(_selected_path(first)).resolve() == XAI.resolve()
    with qtbot.waitSignal(first.analysis_shown, timeout=60_000):
        first.open_entry(other)
    assert _selected_path(first) == other.path  # the selection moved with the article
    # ... and it can be seen: the open row is painted unlike the others.
    shown = panel.view.viewport().rect()
    rows = [r for r in range(panel.proxy.rowCount()) if shown.contains(_sample_point(first, r))]
    assert len(rows) > 1
    open_row = next(r for r in rows if panel.entry_at(r).path == other.path)
    colours = {r: _row_colour(first, r) for r in rows}
    assert all(colours[open_row] != colours[r] for r in rows if r != open_row), colours
    first.close()

    second = restart_window()
    assert _selected_path(second) == other.path


def test_marking_a_word_known_updates_the_known_share(qtbot, open_window) -> None:
    window = open_window(XAI)
    assert window.known_label.text().startswith("Known: 0% of words · 0% of distinct words")
    _hover(qtbot, window, "的")
    qtbot.keyClick(window, Qt.Key.Key_S)
    window.vocab_panel.table.selectRow(window.vocab_panel.model.words().index("的"))
    window.toggle_selected_known()
    # Counted independently: Chinese words outside names; numbers (三十, 第一, 几) left out.
    analysis = window.analysis
    names = {i for e in analysis.entities for s, t in e.spans for i in range(s, t)}
    number = re.compile("第?[〇零一二三四五六七八九十百千万萬亿億两兩几幾半0-9]+")
    counted = [t.text for t in analysis.tokens
               if re.search(r"[\u4e00-\u9fff]", t.text) and t.start not in names
               and not number.fullmatch(t.text)]
    share = counted.count("的") / len(counted)
    assert share > 0.02  # 的 is common: the figure moved
    assert len(set(counted)) > 200  # one distinct word of hundreds: shown as "<1%", not 0%
    assert window.known_label.text().startswith(
        f"Known: {share:.0%} of words · <1% of distinct words")
    assert window.known_label.text().endswith(f"· {len(set(counted)) - 1:,} new")
