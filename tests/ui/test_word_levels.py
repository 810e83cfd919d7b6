"""HSK levels where a learner looks: the popup, the vocabulary table, the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.analysis.analyzer import default_analyzer
from app.core.language.hsk import level_summary
from app.ui.models import HSK_COLUMN

from .conftest import ARTICLES
from .test_reading_window import _hover

YI_TAY = ARTICLES / "yi-tay-returns-to-google.txt"  # traditional script
WORD = "學習"


def test_popup_and_vocabulary_show_the_level_of_a_traditional_word(qtbot, open_window) -> None:
    window = open_window(YI_TAY)
    # The simplified form: the list is simplified-first.
    level = default_analyzer().hsk.level("学习")
    assert level is not None and level.v3 is not None
    _hover(qtbot, window, WORD)
    text = window.popup.plain_text()
    assert level_summary(level) in text
    assert f"HSK 3.0 band {level.v3}" in text

    qtbot.keyClick(window, Qt.Key.Key_S)
    model = window.vocab_panel.model
    assert model.rowCount() == 1
    cell = model.index(0, HSK_COLUMN)
    assert model.headerData(HSK_COLUMN, Qt.Orientation.Horizontal) == "HSK"
    assert cell.data() == str(level.v3)
    assert "frequency rank" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_status_bar_gives_the_article_level_profile(qtbot, open_window) -> None:
    window = open_window(YI_TAY)
    label = window.level_label.text()
    assert "HSK 1–3" in label and "beyond 6" in label
    shares = [int(part.split()[-1].rstrip("%")) for part in label.split("·")]
    assert 97 <= sum(shares) <= 103  # three shares of one whole, each rounded
    assert "names and numbers left out" in window.level_label.toolTip()
