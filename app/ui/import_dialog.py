"""The preview before an import: what the file holds and what importing would change."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.core.types import VocabItem
from app.core.user.vocab_import import FORMAT_NAMES, ImportPlan, ParsedList, Status, plan_import

# The command line's choice (no flag, --learning, --known), in words.
STATUS_CHOICES: tuple[tuple[str, Status | None], ...] = (
    ("Keep saved words as they are; new words are being learned", None),
    ("Mark every imported word as being learned", "learning"),
    ("Mark every imported word as known", "known"),
)


class ImportDialog(QDialog):
    """Counts for the chosen status, recomputed as the choice changes; Import applies it."""

    def __init__(self, path: Path, parsed: ParsedList, saved: Mapping[str, VocabItem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import vocabulary")
        self._parsed = parsed
        self._saved = saved
        words = len(parsed.items)
        self.heading = QLabel(f"{path.name}: {FORMAT_NAMES[parsed.format]}, "
                              f"{words} word{'s' if words != 1 else ''}")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a file name may look like markup
        self.status_box = QComboBox()
        for label, _ in STATUS_CHOICES:
            self.status_box.addItem(label)
        self.status_box.currentIndexChanged.connect(self._update)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Status:", self.status_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()

    def status(self) -> Status | None:
        return STATUS_CHOICES[self.status_box.currentIndex()][1]

    def plan(self) -> ImportPlan:
        return plan_import(self._parsed, self._saved, self.status())

    def _update(self) -> None:
        plan = self.plan()
        self.summary.setText(plan.summary(dry_run=True).capitalize() + ".")
        self.import_button.setEnabled(bool(plan.new or plan.updated))
