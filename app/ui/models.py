"""Qt models over core objects: an article's entities, the vocabulary, corrections.

Widgets only ever see these models; the core objects stay plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtGui import Qt as QtText

from app.core.language.hsk import band_label, level_summary
from app.core.types import (
    ENTITY_TYPE_GROUPS,
    ENTITY_TYPE_NAMES,
    Entity,
    EntityType,
    VocabItem,
    WordLevel,
)
from app.core.user.corrections import Corrections
from app.core.user.word_corrections import WordCorrections

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written.

    Qt renders a tooltip as rich text whenever it *might* be (`Qt.mightBeRichText`), so a
    sentence, title, name or file name holding `<img src=...>` or `<font size=7>` would be
    rendered. Converting it to escaped rich text ourselves leaves nothing to interpret.
    """
    return QtText.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def menu_text(text: str) -> str:
    """Article text inside a menu item: a "&" is a literal ampersand, not a shortcut key."""
    return text.replace("&", "&&")


class EntityModel(QStandardItemModel):
    """Two levels: entity type groups, then entities (most mentioned first)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Entity", "×"])

    def set_entities(self, entities: tuple[Entity, ...] | list[Entity]) -> None:
        self.removeRows(0, self.rowCount())
        for type_name, label in ENTITY_TYPE_GROUPS.items():
            members = sorted((e for e in entities if e.type == type_name),
                             key=lambda e: (-e.count, e.text))
            if not members:
                continue
            group = QStandardItem(f"{label} ({len(members)})")
            group.setEditable(False)
            group.setSelectable(False)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            count_cell = QStandardItem("")
            count_cell.setEditable(False)
            count_cell.setSelectable(False)
            for entity in members:
                name = entity.text
                if entity.english and entity.english != entity.text:
                    name += f"  {entity.english}"
                item = QStandardItem(name)
                item.setEditable(False)
                item.setData(entity, ENTITY_ROLE)
                item.setToolTip(plain_tooltip(_entity_tooltip(entity)))
                count = QStandardItem(str(entity.count))
                count.setEditable(False)
                count.setData(entity, ENTITY_ROLE)
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                group.appendRow([item, count])
            self.appendRow([group, count_cell])

    def shown_names(self) -> list[str]:
        names = []
        for g in range(self.rowCount()):
            group = self.item(g)
            for r in range(group.rowCount()):
                entity = group.child(r).data(ENTITY_ROLE)
                names.append(entity.text)
        return names


def _entity_tooltip(entity: Entity) -> str:
    lines = [f"{entity.text} — {entity.count} mention{'s' if entity.count != 1 else ''}"]
    if entity.english:
        lines.append(entity.english)
    others = [a for a in entity.aliases if a != entity.text]
    if others:
        lines.append("also: " + ", ".join(others))
    return "\n".join(lines)


class EntityFilterModel(QSortFilterProxyModel):
    """Filter box over entity names (Chinese or English), keeping their group rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        needle = self.filterRegularExpression().pattern()
        if not needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        entity = index.data(ENTITY_ROLE)
        if entity is None:
            return False  # a group row: shown only through its matching children
        haystack = " ".join([entity.text, entity.english or "", *entity.aliases]).lower()
        return needle.lower() in haystack


VOCAB_COLUMNS = ("Word", "Pinyin", "HSK", "Gloss", "Sentence", "Article")
HSK_COLUMN = VOCAB_COLUMNS.index("HSK")


class VocabModel(QAbstractTableModel):
    """The saved words, newest first, with each word's HSK 3.0 band when it has one."""

    def __init__(self, parent=None,
                 level_of: Callable[[str], WordLevel | None] | None = None) -> None:
        super().__init__(parent)
        self._items: list[VocabItem] = []
        self._level_of = level_of

    def set_items(self, items: list[VocabItem]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda i: -i.added)
        self.endResetModel()

    def items(self) -> list[VocabItem]:
        return list(self._items)

    def words(self) -> list[str]:
        return [i.simplified for i in self._items]

    def item(self, row: int) -> VocabItem:
        return self._items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VOCAB_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return VOCAB_COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if index.column() == HSK_COLUMN:
            return self._level_data(item, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            word = item.simplified
            if item.traditional and item.traditional != item.simplified:
                word += f" ({item.traditional})"
            if item.status == "known":
                word += " ✓"
            values = (word, item.pinyin, "", item.gloss, item.sentence, item.article)
            value = values[index.column()]
            return value if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(value)
        return None

    def level(self, item: VocabItem) -> WordLevel | None:
        if self._level_of is None:
            return None
        return self._level_of(item.simplified) or self._level_of(item.traditional)

    def _level_data(self, item: VocabItem, role: int):
        level = self.level(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return band_label(level.v3) if level is not None and level.v3 is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return level_summary(level) if level is not None else "Not in the HSK word lists"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class CorrectionsModel(QAbstractListModel):
    """The user's entity corrections as one list: ignored names, then added ones.

    A thin view over `Corrections`; `remove_rows` changes it in memory, the caller saves
    it (through `Corrections.save`) and re-analyses so the article shows the change.
    """

    def __init__(self, corrections: Corrections, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corrections = corrections
        self._rows: list[tuple[str, EntityType | None]] = []  # type None: an ignored name
        self._refresh()

    def _refresh(self) -> None:
        self.beginResetModel()
        self._rows = [(name, None) for name in sorted(self._corrections.ignored)]
        self._rows += sorted(self._corrections.added.items())
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, etype = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if etype is not None:
                return f"{name}   — always a {ENTITY_TYPE_NAMES[etype]}"
            return f"{name}   — not a name"
        return None

    def remove_rows(self, rows: list[int]) -> int:
        """Forget the corrections in `rows`; returns how many were removed."""
        removed = 0
        for name, etype in (self._rows[r] for r in sorted(set(rows)) if 0 <= r < len(self._rows)):
            changed = self._corrections.remove_added(name) if etype is not None \
                else self._corrections.unignore(name)
            removed += bool(changed)
        self._refresh()
        return removed


class WordCorrectionsModel(QAbstractListModel):
    """The user's word-boundary corrections (`WordCorrections`), one row each; the same
    interface as `CorrectionsModel`, so the same dialog lists and takes them back."""

    def __init__(self, corrections: WordCorrections, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corrections = corrections
        self._rows: list[tuple[str, str]] = []  # (text, what happens to it)
        self._refresh()

    def _refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._corrections.rows()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        text, what = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{text}   — {what}"
        return None

    def remove_rows(self, rows: list[int]) -> int:
        """Forget the corrections in `rows` (the caller saves); returns how many were removed."""
        texts = [self._rows[r][0] for r in sorted(set(rows)) if 0 <= r < len(self._rows)]
        removed = sum(1 for text in texts if self._corrections.remove(text))
        self._refresh()
        return removed
