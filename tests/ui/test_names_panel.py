"""The Names panel walks through a name's mentions: click again for the next, Shift for back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.core.types import Entity
from app.ui.models import ENTITY_ROLE

from .conftest import ARTICLES

META = ARTICLES / "meta-alexandr-wang-lecun-review.txt"


def _most_mentioned(window) -> tuple[QModelIndex, Entity]:
    """The row of the name with the most mentions (at least three)."""
    model = window.names_panel.tree.model()
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            entity = index.data(ENTITY_ROLE)
            if isinstance(entity, Entity):
                rows.append((len(entity.spans), index, entity))
    count, index, entity = max(rows, key=lambda row: row[0])
    assert count >= 3
    return index, entity


def _click(qtbot, window, index: QModelIndex, shift: bool = False) -> None:
    tree = window.names_panel.tree
    tree.scrollTo(index)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, modifier, tree.visualRect(index).center()
    )


def _visible_mention(window, entity: Entity, position: int) -> bool:
    """Whether the mention at `position` (in reading order) is on screen."""
    view = window.view
    start, _ = sorted(entity.spans)[position]
    rect = view.char_rect(start)
    return view.viewport().rect().intersects(rect)


def test_clicking_a_selected_name_again_steps_through_its_mentions(qtbot, open_window) -> None:
    window = open_window(META)
    index, entity = _most_mentioned(window)
    total = len(entity.spans)
    label = window.names_panel.position_label

    _click(qtbot, window, index)
    assert label.text().endswith(f"1 / {total}")
    assert set(window.view.highlighted_spans) == set(entity.spans)
    assert _visible_mention(window, entity, 0)

    _click(qtbot, window, index)
    assert label.text().endswith(f"2 / {total}")
    _click(qtbot, window, index)
    assert label.text().endswith(f"3 / {total}")
    assert _visible_mention(window, entity, 2)

    _click(qtbot, window, index, shift=True)
    assert label.text().endswith(f"2 / {total}")
    assert _visible_mention(window, entity, 1)


def test_shift_click_on_a_new_name_starts_at_its_last_mention(qtbot, open_window) -> None:
    window = open_window(META)
    index, entity = _most_mentioned(window)
    _click(qtbot, window, index, shift=True)
    total = len(entity.spans)
    assert window.names_panel.position_label.text().endswith(f"{total} / {total}")
    assert _visible_mention(window, entity, total - 1)
    _click(qtbot, window, index)  # forward from the last wraps round to the first
    assert window.names_panel.position_label.text().endswith(f"1 / {total}")
