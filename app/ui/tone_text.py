"""Tone colours on the article's characters, for the visible paragraphs only.

The colours go into each paragraph's layout as additional formats (what
QSyntaxHighlighter does), never into the document: the text stays plain, nothing is
undoable, and a paragraph is coloured once, the first time it comes near the screen,
so a million-character text costs what its visible part does.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument, QTextLayout

from app.core.text.chars import is_han
from app.core.types import Token


class ToneTextColorer:
    """Remembers which paragraphs (blocks) carry tone colours in the current document."""

    def __init__(self) -> None:
        # block number -> (its length when last looked at, whether it got colours)
        self._seen: dict[int, tuple[int, bool]] = {}

    def reset(self) -> None:
        """A new document: nothing in it is coloured."""
        self._seen.clear()

    def colour(self, doc: QTextDocument, to_qt: Callable[[int], int],
               to_py: Callable[[int], int], tokens: Sequence[Token], starts: Sequence[int],
               lo: int, hi: int, tone_color: Callable[[str], str]) -> int:
        """Colour the blocks that meet [lo, hi) and are not coloured yet; returns how many.

        The document re-lays out from the first changed block to its end (every later
        block moves), so all of them are marked in one call, never one by one.
        """
        done = 0
        dirty_from, dirty_to = -1, -1
        block = doc.findBlock(to_qt(lo))
        end = to_qt(hi)
        formats: dict[str, QTextCharFormat] = {}
        while block.isValid() and block.position() <= end:
            number = block.blockNumber()
            seen = self._seen.get(number)
            # New, or grown (a long text arriving). Formats survive re-layouts (zoom, width,
            # spacing); asking the layout for them would cost a conversion of every range.
            if seen is None or seen[0] != block.length():
                ranges = self._ranges(block.position(), block.length(), to_qt, to_py, tokens,
                                      starts, tone_color, formats)
                self._seen[number] = (block.length(), bool(ranges))
                if ranges:
                    block.layout().setFormats(ranges)
                    if dirty_from < 0:
                        dirty_from = block.position()
                    dirty_to = block.position() + block.length()
                    done += 1
            block = block.next()
        if done:
            doc.markContentsDirty(dirty_from, dirty_to - dirty_from)
        return done

    def clear(self, doc: QTextDocument) -> None:
        """Back to plain text colour everywhere it was changed (one re-layout)."""
        dirty_from, dirty_to = -1, -1
        for number, (_length, coloured) in self._seen.items():
            block = doc.findBlockByNumber(number)
            if coloured and block.isValid():
                block.layout().clearFormats()
                start = block.position()
                dirty_from = start if dirty_from < 0 else min(dirty_from, start)
                dirty_to = max(dirty_to, start + block.length())
        if dirty_from >= 0:
            doc.markContentsDirty(dirty_from, dirty_to - dirty_from)
        self._seen.clear()

    @staticmethod
    def _ranges(position: int, length: int, to_qt: Callable[[int], int],
                to_py: Callable[[int], int], tokens: Sequence[Token], starts: Sequence[int],
                tone_color: Callable[[str], str],
                formats: dict[str, QTextCharFormat]) -> list[QTextLayout.FormatRange]:
        """One format range per run of characters of the same tone colour in the block."""
        lo, hi = to_py(position), to_py(position + length)
        first = max(0, bisect.bisect_right(starts, lo) - 1)
        last = bisect.bisect_left(starts, hi)
        runs: list[list] = []  # [qt start, qt end, colour]
        for token in tokens[first:last]:
            text, begin = token.text, token.start
            for i, syllable in enumerate(token.pinyin):
                offset = begin + i
                if not syllable or not lo <= offset < hi or not is_han(char := text[i]):
                    continue
                color = tone_color(syllable)
                qs = to_qt(offset) - position
                qe = qs + (2 if ord(char) > 0xFFFF else 1)  # UTF-16 units of the character
                if runs and runs[-1][1] == qs and runs[-1][2] == color:
                    runs[-1][1] = qe
                else:
                    runs.append([qs, qe, color])
        ranges = []
        for qs, qe, color in runs:
            fmt = formats.get(color)
            if fmt is None:
                fmt = formats[color] = QTextCharFormat()
                fmt.setForeground(QColor(color))
            piece = QTextLayout.FormatRange()
            piece.start, piece.length, piece.format = qs, qe - qs, fmt
            ranges.append(piece)
        return ranges
