"""The Names dock: the article's people, organisations, places and works."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Entity
from app.ui.models import ENTITY_ROLE, EntityFilterModel, EntityModel, menu_text, plain_tooltip


class NamesPanel(QWidget):
    """A filterable tree over `EntityModel`; clicks and corrections go to the window."""

    entity_chosen = Signal(object)  # Entity: show its mentions
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
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)

    def set_entities(self, entities: tuple[Entity, ...] | list[Entity]) -> None:
        self.model.set_entities(entities)
        self.tree.expandAll()

    def _on_filter(self, text: str) -> None:
        self.filter_model.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _on_clicked(self, index: QModelIndex) -> None:
        entity = index.data(ENTITY_ROLE)
        if isinstance(entity, Entity):
            self.entity_chosen.emit(entity)

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
