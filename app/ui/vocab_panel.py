"""The Vocabulary dock: saved words, with remove, known and export buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import VocabItem, WordLevel
from app.ui.models import VocabModel

MAX_COLUMN_WIDTH = 260


class VocabPanel(QWidget):
    """A table over `VocabModel`; the window owns the store and acts on the requests."""

    remove_requested = Signal()
    toggle_known_requested = Signal()
    export_requested = Signal()
    word_chosen = Signal(object)  # VocabItem: find it in the open article

    def __init__(self, parent: QWidget | None = None,
                 level_of: Callable[[str], WordLevel | None] | None = None) -> None:
        super().__init__(parent)
        self.model = VocabModel(self, level_of)
        self.table = QTableView()
        self.table.setObjectName("vocabTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_requested)
        self.known_button = QPushButton("Known ✓")
        self.known_button.setToolTip("Mark the selected words as known (or back to learning)")
        self.known_button.clicked.connect(self.toggle_known_requested)
        self.export_button = QPushButton("Export…")
        self.export_button.clicked.connect(self.export_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.known_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_items(self, items: list[VocabItem]) -> None:
        self.model.set_items(items)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = min(self.table.columnWidth(column), MAX_COLUMN_WIDTH)
            self.table.setColumnWidth(column, width)

    def selected_items(self) -> list[VocabItem]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.item(row) for row in sorted(rows)]

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.word_chosen.emit(self.model.item(index.row()))
