"""The Names dock: the article's people, organisations, places and works."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Entity
from app.ui.models import ENTITY_ROLE, EntityFilterModel, EntityModel, menu_text, plain_tooltip


class NamesPanel(QWidget):
    """A filterable tree over `EntityModel`; clicks and corrections go to the window.

    Clicking a name shows its first mention; clicking it again steps to the next one (with
    Shift, the previous one), so a reader can walk through every place a person appears.
    The label under the tree says where they are ("祖克柏  3 / 14").
    """

    entity_chosen = Signal(object)  # Entity: show its mentions
    mention_chosen = Signal(object, int)  # Entity, index into its spans: show that mention
    ignore_requested = Signal(str)  # name: "Not a name"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntityModel(self)
        self.filter_model = EntityFilterModel(self)
        self.filter_model.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter names…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.tree = QTreeView()
        self.tree.setObjectName("entityTree")
        self.tree.setModel(self.filter_model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated.connect(self._on_clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.position_label = QLabel()
        self.position_label.setObjectName("mentionPosition")
        self._current: Entity | None = None
        self._position = 0
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        layout.addWidget(self.position_label)

    def set_entities(self, entities: tuple[Entity, ...] | list[Entity]) -> None:
        self.model.set_entities(entities)
        self.tree.expandAll()
        self._current = None
        self.position_label.clear()

    def _on_filter(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _on_clicked(self, index: QModelIndex) -> None:
        entity = index.data(ENTITY_ROLE)
        if isinstance(entity, Entity):
            shift = QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step(entity, backwards=bool(shift))

    def step(self, entity: Entity, backwards: bool = False) -> int:
        """Show `entity`'s first mention, or, when it is already shown, its next (previous)."""
        if entity == self._current and entity.spans:
            self._position = (self._position + (-1 if backwards else 1)) % len(entity.spans)
        else:
            self._current = entity
            self._position = len(entity.spans) - 1 if backwards and entity.spans else 0
        self.position_label.setText(f"{entity.text}  {self.position_text}")
        self.mention_chosen.emit(entity, self._position)
        return self._position

    @property
    def position_text(self) -> str:
        """'3 / 7': the mention shown and how many there are."""
        if self._current is None or not self._current.spans:
            return ""
        return f"{self._position + 1} / {len(self._current.spans)}"

    def entity_menu(self, index: QModelIndex) -> QMenu | None:
        """The right-click menu for the row at `index` (None off an entity)."""
        entity = index.data(ENTITY_ROLE) if index.isValid() else None
        if not isinstance(entity, Entity):
            return None
        menu = QMenu(self)
        show = menu.addAction(f"Show mentions of “{menu_text(entity.text)}”")
        show.triggered.connect(lambda: self.entity_chosen.emit(entity))
        menu.addSeparator()
        ignore = menu.addAction("Not a name")
        ignore.setToolTip(plain_tooltip(f"Never list “{entity.text}” as a name, in any article"))
        ignore.triggered.connect(lambda: self.ignore_requested.emit(entity.text))
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        menu = self.entity_menu(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()
