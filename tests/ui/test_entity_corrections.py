"""Correcting the Names panel: a wrong name goes everywhere, a missed one is added everywhere."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from app.core.types import Entity
from app.ui.models import ENTITY_ROLE

from .conftest import ARTICLES

XAI = ARTICLES / "xai-greg-yang-steps-back.txt"
YI_TAY = ARTICLES / "yi-tay-returns-to-google.txt"  # traditional script: writes 微軟


def _panel_index(window, name: str) -> QModelIndex:
    model = window.names_panel.tree.model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            entity = index.data(ENTITY_ROLE)
            if isinstance(entity, Entity) and entity.text == name:
                return index
    return QModelIndex()


def _action(menu: QMenu, text: str):
    for action in menu.actions():
        if action.text() == text:
            return action
        if action.menu() is not None:
            found = _action(action.menu(), text)
            if found is not None:
                return found
    return None


def _panel_types(window) -> dict[str, str]:
    model = window.names_panel.model
    out = {}
    for g in range(model.rowCount()):
        group = model.item(g)
        for r in range(group.rowCount()):
            entity = group.child(r).data(ENTITY_ROLE)
            out[entity.text] = entity.type
    return out


def test_not_a_name_removes_it_from_every_article_and_survives_a_restart(
        qtbot, open_window) -> None:
    window = open_window(XAI)
    assert {"微软", "微软研究院"} <= set(window.names_panel.model.shown_names())
    window.view.scroll_to_offset(len(window.view.text) // 2, center=False)
    scrolled = window.view.verticalScrollBar().value()
    assert scrolled > 0

    menu = window.names_panel.entity_menu(_panel_index(window, "微软"))
    assert menu is not None
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "Not a name").trigger()
    names = window.names_panel.model.shown_names()
    assert "微软" not in names
    assert "微软研究院" in names  # only the corrected name goes
    assert window.view.verticalScrollBar().value() == scrolled  # still where the reader was

    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        window.open_path(str(YI_TAY))
    names = window.names_panel.model.shown_names()
    assert "微軟" not in names  # the same name in the other script
    assert "谷歌" in names
    window.close()

    again = open_window(XAI)
    assert "微软" not in again.names_panel.model.shown_names()
    assert "马斯克" in again.names_panel.model.shown_names()


def test_marking_a_word_as_a_name_lists_it_with_the_chosen_type(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    assert "莱姆病" not in window.names_panel.model.shown_names()
    index = next(i for i, t in enumerate(view.tokens) if t.text == "莱姆病")
    view.scroll_to_offset(view.tokens[index].start)
    candidate = view.name_candidate_at(view.char_rect(view.tokens[index].start).center())
    assert candidate == "莱姆病"

    menu = QMenu()
    window.add_name_actions(menu, candidate)
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        _action(menu, "work").trigger()
    assert _panel_types(window).get("莱姆病") == "work"
    entity = next(e for e in window.analysis.entities if e.text == "莱姆病")
    assert entity.count == view.text.count("莱姆病")

    # View → Entity corrections… takes it back.
    dialog = window.show_corrections()
    assert dialog.model.rowCount() == 1
    dialog.list_view.setCurrentIndex(dialog.model.index(0))
    with qtbot.waitSignal(window.analysis_shown, timeout=60_000):
        dialog.remove_selected()
    assert "莱姆病" not in window.names_panel.model.shown_names()
    assert dialog.model.rowCount() == 0


def test_a_selection_is_offered_as_the_name(qtbot, open_window) -> None:
    window = open_window(XAI)
    view = window.view
    start = view.text.index("创始人模式")
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("创始人模式"), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    elsewhere = view.char_rect(view.text.index("莱姆病")).center()
    assert view.name_candidate_at(elsewhere) == "创始人模式"
    menu = QMenu()
    window.add_name_actions(menu, "创始人模式")
    labels = [a.text() for a in menu.actions()]
    assert "Mark “创始人模式” as a name" in labels
    assert {a.text() for a in _action(menu, "Mark “创始人模式” as a name").menu().actions()} == {
        "person", "organisation", "place", "work"}
