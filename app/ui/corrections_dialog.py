"""View → Entity / Word corrections…: what the learner corrected, and a way to take it back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import UserError
from app.ui.models import CorrectionsModel

ENTITY_HINT = ("Your corrections apply to every article. Right-click a name in the "
               "Names panel or a word in the article to add one.")


class CorrectionsDialog(QDialog):
    """A list over the saved corrections with a Remove button; `changed` after each removal.

    Entity corrections by default; word-boundary corrections pass their own model (any
    list model with `remove_rows(rows) -> int`).
    """

    changed = Signal()

    def __init__(self, corrections, parent: QWidget | None = None, *,  # Corrections
                 model=None, title: str = "Entity corrections", hint: str = ENTITY_HINT,
                 name: str = "correctionsDialog") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.resize(420, 360)
        self.corrections = corrections  # saved here after a removal, never by the model
        self.model = model if model is not None else CorrectionsModel(corrections, self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        hint_label = QLabel(hint)
        hint_label.setWordWrap(True)
        self.empty_label = QLabel("No corrections yet.")
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label)
        layout.addWidget(self.list_view)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update_state)
        self._update_state()

    def _update_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.remove_button.setEnabled(not empty)

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.list_view.selectionModel().selectedRows()]
        if not rows and self.list_view.currentIndex().isValid():
            rows = [self.list_view.currentIndex().row()]
        if not rows or not self.model.remove_rows(rows):
            return
        try:
            self.corrections.save()
        except UserError as exc:  # a full disk or read-only folder: say so, keep running
            box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), str(exc),
                              QMessageBox.StandardButton.Ok, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        self.changed.emit()
