"""Undoable changes of word states: a key on a word, a page marked known, HSK bands.

Each change is recorded as the rows of the words it touched, before and after, so undo
and redo put the vocabulary back exactly (a saved word keeps its sentence and level).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QUndoCommand

from app.core.errors import UserError
from app.core.types import VocabItem
from app.core.user.vocab import Vocabulary

Rows = Mapping[str, VocabItem | None]


class StateChange(QUndoCommand):
    """A change already applied when pushed; undo restores `before`, redo `after`."""

    def __init__(self, text: str, store: Vocabulary, before: Rows, after: Rows,
                 changed: Callable[[], None], failed: Callable[[str], None]) -> None:
        super().__init__(text)
        self._store = store
        self._before = dict(before)
        self._after = dict(after)
        self._changed = changed
        self._failed = failed
        self._pushed = False  # QUndoStack.push calls redo(): the change is already made

    @property
    def words(self) -> int:
        return len(self._before)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, rows: Rows) -> None:
        try:
            self._store.restore(rows)
        except UserError as exc:  # busy or unwritable: say so, keep running
            self._failed(str(exc))
        self._changed()
