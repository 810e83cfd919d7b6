"""The Library dock: the built-in articles and the files the learner opened."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QVBoxLayout, QWidget

from app.ui.models import LibraryModel, builtin_library


class LibraryPanel(QWidget):
    """A list over `LibraryModel`; asks the window to open what the learner picks."""

    open_requested = Signal(str)  # path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(builtin_library(), self)
        self.view = QListView()
        self.view.setObjectName("libraryList")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.entry(index.row()).path)

    def add_file(self, title: str, path: str) -> None:
        self.model.add_or_update(title, path)

    def show_open(self, path: str | None) -> None:
        """The open article's row is selected and bold, whichever way it was opened."""
        row = self.model.set_current(path)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))
            self.view.scrollTo(self.model.index(row))
        else:
            self.view.clearSelection()

    def first_path(self) -> str | None:
        return self.model.entry(0).path if self.model.rowCount() else None
