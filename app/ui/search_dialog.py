"""Dictionary search (Ctrl+D): type hanzi, pinyin (tones optional) or English, get ranked
CC-CEDICT entries, save any of them to the vocabulary.

The search itself is `app.core.language.dictionary_search`; it answers in a few
milliseconds, so it runs on the GUI thread after a short typing pause.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Entry
from app.ui.models import plain_tooltip

SEARCH_DELAY_MS = 120
RESULT_LIMIT = 50


def result_label(entry: Entry) -> str:
    head = entry.simplified
    if entry.traditional != entry.simplified:
        head += f" {entry.traditional}"
    gloss = entry.gloss if len(entry.gloss) <= 120 else entry.gloss[:119] + "…"
    return f"{head}   {entry.pinyin}   {gloss}"


class SearchDialog(QDialog):
    """A query box over a result list; `save` is called with the chosen entry."""

    def __init__(self, search: Callable[[str, int], list], save: Callable[[Entry], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search the dictionary")
        self.setObjectName("searchDialog")
        self.resize(560, 480)
        self._search = search
        self._save = save
        self._entries: list[Entry] = []
        self.edit = QLineEdit(self)
        self.edit.setObjectName("dictionarySearchEdit")
        self.edit.setPlaceholderText("银行 · yinhang · yin2hang2 · yínháng · bank")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self.run_search)
        self.results = QListWidget(self)
        self.results.setObjectName("dictionaryResults")
        self.results.itemActivated.connect(lambda _item: self.save_current())
        self.results.currentRowChanged.connect(self._update_state)
        self.status = QLabel("", self)
        self.save_button = QPushButton("Save to vocabulary", self)
        self.save_button.setObjectName("saveResultButton")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self._update_state()

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def set_query(self, query: str) -> None:
        """Type `query` and search at once (the window passes a selection along)."""
        self.edit.setText(query)
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.edit.text().strip()
        self._entries = [r.entry for r in self._search(query, RESULT_LIMIT)] if query else []
        self.results.clear()
        for entry in self._entries:
            item = QListWidgetItem(result_label(entry))
            item.setToolTip(plain_tooltip("\n".join(entry.senses)))
            self.results.addItem(item)
        if self._entries:
            self.results.setCurrentRow(0)
        self.status.setText("" if not query else f"{len(self._entries)} entries"
                            if self._entries else "Nothing found")
        self._update_state()

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()  # search after a typing pause
        else:
            self.run_search()  # an emptied box empties the list at once

    def save_current(self) -> None:
        row = self.results.currentRow()
        if not 0 <= row < len(self._entries):
            return
        entry = self._entries[row]
        if self._save(entry):
            self.status.setText(f"Saved {entry.simplified} to your vocabulary")

    def _update_state(self, *_args) -> None:
        self.save_button.setEnabled(0 <= self.results.currentRow() < len(self._entries))

    def keyPressEvent(self, event) -> None:
        # Down from the box goes to the results; Enter in the box searches, not closes.
        if event.key() == Qt.Key.Key_Down and self.edit.hasFocus() and self._entries:
            self.results.setFocus()
            return
        super().keyPressEvent(event)
