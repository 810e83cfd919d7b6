"""Where a span of the article is laid out: one piece per line, in document coordinates.

The view's painted marks (underlines, washes) and the pinyin above words need the same
measurements of the same words near the screen. Asking Qt costs a block lookup and two
`cursorToX` calls per word and line; on a jump to a new place that was measured twice
per word, and on every wheel notch again for the words still on screen. `SpanGeometry`
measures each span once per layout and keeps what the current range still asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtGui import QTextDocument, QTextLine

LineKey = tuple[int, int]  # block number, line number
# One line's part of a span: its line, x from, x to, the line's top and height.
Piece = tuple[LineKey, float, float, float, float]


def line_x(line: QTextLine, pos: int) -> float:
    """Where text position `pos` is on `line`: Qt's cursorToX answers (x, pos), a pair
    PySide6's stubs call `object`."""
    x, _pos = cast("tuple[float, int]", line.cursorToX(pos))
    return x


class SpanGeometry:
    """Measured spans of one layout of a document.

    `next_range()` starts a new decorated range: spans asked for since the previous one
    are kept, the rest dropped at the following call, so scrolling through a long text
    never piles measurements up. A new layout (font, spacing, width, text) needs `clear()`.
    """

    def __init__(self, doc: QTextDocument, to_qt: Callable[[int], int]) -> None:
        self._doc = doc
        self._to_qt = to_qt
        self._now: dict[tuple[int, int], tuple[Piece, ...]] = {}
        self._before: dict[tuple[int, int], tuple[Piece, ...]] = {}

    def clear(self) -> None:
        self._now.clear()
        self._before.clear()

    def next_range(self) -> None:
        self._before, self._now = self._now, {}

    def pieces(self, start: int, end: int) -> tuple[Piece, ...] | None:
        """The span [start, end) (text offsets) line by line; None while not laid out."""
        key = (start, end)
        found = self._now.get(key)
        if found is None:
            found = self._before.pop(key, None)
            if found is None:
                found = self._measure(start, end)
                if found is None:
                    return None  # not laid out yet: the layout-changed signal comes back
            self._now[key] = found
        return found

    def _measure(self, start: int, end: int) -> tuple[Piece, ...] | None:
        to_qt = self._to_qt
        qs, qe = to_qt(start), to_qt(end)
        block = self._doc.findBlock(qs)
        pieces: list[Piece] = []
        while block.isValid() and block.position() < qe:
            layout = block.layout()
            base = block.position()
            origin = layout.position()
            number = block.blockNumber()
            pos = max(qs, base) - base
            stop = min(qe - base, block.length() - 1)
            while pos < stop:
                line = layout.lineForTextPosition(pos)
                if not line.isValid():
                    return None
                piece_end = min(stop, line.textStart() + line.textLength())
                if piece_end <= pos:
                    break
                x1 = line_x(line, pos)
                x2 = line_x(line, piece_end)
                pieces.append(((number, line.lineNumber()), origin.x() + min(x1, x2),
                               origin.x() + max(x1, x2), origin.y() + line.y(), line.height()))
                pos = piece_end
            block = block.next()
        return tuple(pieces)
