"""Find in the article (Ctrl+F): a bar under the text, every match highlighted.

Matching is `app.core.text.find.find_all` (either script finds the other). The bar only
keeps the matches and which one is current; the view paints them.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.core.text.find import find_all
from app.core.text.script import to_simplified

if TYPE_CHECKING:
    from app.ui.article_view import ArticleView

FIND_DELAY_MS = 150  # typing pauses this long before a long article is searched


class FindBar(QWidget):
    """Query box, previous/next, match count; `closed` when Esc or × hides it."""

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._simplified: tuple[str, str] = ("", "")  # (text, its simplified form)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in article (either script)")
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(self._schedule)
        self.count_label = QLabel("", self)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip("Previous match (Shift+F3)")
        previous.clicked.connect(self.find_previous)
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip("Next match (F3)")
        following.clicked.connect(self.find_next)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count_label)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FIND_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    @property
    def current(self) -> int:
        return self._current

    def open_bar(self, query: str | None = None) -> None:
        """Show the bar with focus in the box (the selection, if any, as the query)."""
        self.show()
        if query:
            self.edit.setText(query)
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.refresh()

    def close_bar(self) -> None:
        self._timer.stop()
        self.hide()
        self._matches, self._current = [], -1
        self._view.set_find_matches([], -1)
        self._view.setFocus()
        self.closed.emit()

    def _schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Search the current text for the query now; the first match at or after the top
        of the screen becomes current."""
        self._timer.stop()
        text = self._view.text
        if self._simplified[0] is not text:
            self._simplified = (text, to_simplified(text))
        self._matches = find_all(text, self.edit.text(), self._simplified[1])
        if not self._matches:
            self._current = -1
        else:
            top = self._view.first_visible_offset()
            index = bisect.bisect_left(self._matches, (top, 0))
            self._current = index if index < len(self._matches) else 0
        self._show_current()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._timer.isActive() or not self._matches:
            self.refresh()
            if not self._matches:
                return
            if direction > 0:
                return  # refresh already went to the first match from here
        self._current = (self._current + direction) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        self._view.set_find_matches(self._matches, self._current)
        if not self.edit.text().strip():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{self._current + 1} of {len(self._matches)}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find_previous()
            return
        super().keyPressEvent(event)
