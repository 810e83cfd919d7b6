"""Pinyin above words (ruby): where each word's reading goes, and painting it.

Like the view's other marks, ruby is laid out only for the decorated (visible) range and
painted over the document in `paintEvent`, so a million-character text costs what a
screenful does. The document itself only gets more line spacing: a reading sits in the
leading above its line, between the previous line's box and the tops of this line's
characters, so it never covers a character, an underline or a highlight.

A word's syllables are written together ("yínháng"), centred over the word, in the
word's tone colours when those are on. A reading wider than its word is first squeezed
(down to `MIN_SQUEEZE`), then nudged right just enough to clear its left neighbour.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPixmap,
    QTextDocument,
)

from app.ui.text_geometry import LineKey, SpanGeometry, line_x

RUBY_MODES = ("off", "all", "unknown")
RUBY_SCALE = 0.5  # reading size / text size
MIN_SQUEEZE = 0.72  # narrowest horizontal scale before a reading may overhang
RUBY_MARGIN = 120  # characters beyond the visible ones that get their readings laid out
GAP = 2.0  # pixels between a reading and the characters under it (and the line above)
MIN_SPACE = 3.0  # pixels between neighbouring readings
RUBY_FAMILIES = ["Noto Sans", "Noto Sans CJK SC", "Source Sans 3", "DejaVu Sans", "Arial",
                 "sans-serif"]
_INK_PROBE = "永國中"  # full-height characters: where the text's ink starts
_ACCENTS = "ǎáàāǜÁ"  # the highest pinyin ink
_DESCENDERS = "gjpqy"


@dataclass(frozen=True)
class RubyMetrics:
    font: QFont
    baseline: float  # from the top of a text line to the baseline of its reading
    ascent: float  # a reading's ink above its baseline (tone marks)
    descent: float  # and below it (g, j, p, q, y)
    leading: float  # room the readings need between one line box and the next


def ruby_metrics(text_font: QFont) -> RubyMetrics:
    """Where readings sit for this text font, and how much room they need."""
    font = QFont()
    font.setFamilies(RUBY_FAMILIES)
    font.setPointSizeF(max(6.0, text_font.pointSizeF() * RUBY_SCALE))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    text = QFontMetricsF(text_font)
    ruby = QFontMetricsF(font)
    # Inside a line box, above the characters' ink, there is already some room.
    room_inside = text.ascent() + text.tightBoundingRect(_INK_PROBE).top()
    ascent = -ruby.tightBoundingRect(_ACCENTS).top()
    descent = ruby.tightBoundingRect(_DESCENDERS).bottom()
    return RubyMetrics(
        font=font,
        baseline=room_inside - GAP - descent,
        ascent=ascent,
        descent=descent,
        leading=max(0.0, ascent + descent + 2 * GAP - room_inside),
    )


def line_height_percent(text_font: QFont, ruby: bool, default: int) -> int:
    """Proportional line height that leaves room for readings (never less than `default`)."""
    if not ruby:
        return default
    fm = QFontMetricsF(text_font)
    natural = math.ceil(fm.ascent() + fm.descent() + max(0.0, fm.leading()))
    needed = ruby_metrics(text_font).leading
    return max(default, math.ceil(100 * (natural + needed) / natural))


@dataclass(frozen=True, slots=True)
class RubyRun:
    """One word's reading on one line (a wrapped word has one run per line)."""

    token: int  # index of the word's token
    syllables: tuple[str, ...]
    advances: tuple[float, ...]  # each syllable's width before squeezing
    base: QRectF  # the characters under it, document coordinates
    x: float  # where the reading starts (after centring and nudging)
    baseline: float
    squeeze: float  # horizontal scale, 1.0 when it fits
    rect: QRectF  # the reading's ink box, document coordinates

    @property
    def text(self) -> str:
        return "".join(self.syllables)


Word = tuple[int, int, int, tuple[str, ...]]  # token index, start, end, syllable per char
# A word's characters on one line: line, x from, x to, line top, token, syllables.
_Piece = tuple[LineKey, float, float, float, int, tuple[str, ...]]


class RubyLayout:
    """Readings placed for one layout of the document.

    Scrolling moves the decorated range a little at a time; a word measured before, and a
    line whose words have not changed, cost a dictionary lookup, not a new measurement,
    and a line's readings are drawn once into a pixmap that later paints copy. Only what
    the current range holds is kept. A new layout (font, spacing, width, analysis) gets a
    new RubyLayout. Where a word is comes from `geometry`, which the view's painted marks
    share: a word underlined and given its reading is measured once.
    """

    def __init__(self, text_font: QFont, geometry: SpanGeometry) -> None:
        self.metrics = ruby_metrics(text_font)
        self._geometry = geometry
        self._fm = QFontMetricsF(self.metrics.font)
        self._line_height = QFontMetricsF(text_font).height()
        self._advances: dict[str, float] = {}
        self._pieces: dict[int, list[_Piece]] = {}
        self._lines: dict[LineKey, tuple[tuple[int, ...], list[RubyRun]]] = {}
        self._pixmaps: dict[LineKey, tuple[QRectF, QPixmap]] = {}
        self._bounds: dict[LineKey, QRectF] = {}
        self._pixmap_style: tuple | None = None  # the colours the pixmaps were drawn in
        self._tone_pens: dict[str, QColor] = {}  # syllable -> its tone colour, in that style

    def runs(self, doc: QTextDocument, to_qt: Callable[[int], int],
             words: Iterable[Word]) -> list[RubyRun]:
        """Every word's reading, placed over it, without overlaps on any line."""
        lines: dict[LineKey, list[_Piece]] = {}
        measured: dict[int, list[_Piece]] = {}
        for word in words:
            pieces = self._pieces.get(word[0])
            if pieces is None:
                pieces = self._measure(doc, to_qt, word)
                if pieces is None:
                    continue  # not laid out yet: the layout-changed signal brings us back
            measured[word[0]] = pieces
            for piece in pieces:
                lines.setdefault(piece[0], []).append(piece)
        placed_lines: dict[LineKey, tuple[tuple[int, ...], list[RubyRun]]] = {}
        runs: list[RubyRun] = []
        for key, pieces in lines.items():
            signature = tuple(piece[4] for piece in pieces)
            placed = self._lines.get(key)
            if placed is None or placed[0] != signature:
                placed = (signature, self._place(pieces))
                self._pixmaps.pop(key, None)
                self._bounds.pop(key, None)
            placed_lines[key] = placed
            runs.extend(placed[1])
        # Keep only what this range holds: a long scroll must not pile up measurements.
        self._pieces, self._lines = measured, placed_lines
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in placed_lines}
        self._bounds = {k: v for k, v in self._bounds.items() if k in placed_lines}
        return runs

    def _measure(self, doc: QTextDocument, to_qt: Callable[[int], int],
                 word: Word) -> list[_Piece] | None:
        """Where a word's characters are: one piece per line it occupies."""
        index, start, end, pinyin = word
        if all(pinyin[:end - start]):
            # The usual case: a word of Han characters on one line, measured once for the
            # word's marks and its reading.
            spans = self._geometry.pieces(start, end)
            if spans is None:
                return None
            if len(spans) == 1:
                key, x1, x2, top, _height = spans[0]
                return [(key, x1, x2, top, index, tuple(pinyin[:end - start]))]
        block = doc.findBlock(to_qt(start))
        if not block.isValid():
            return []
        layout = block.layout()
        base = block.position()
        origin = layout.position()
        number = block.blockNumber()
        pieces: list[_Piece] = []
        for i in range(end - start):
            syllable = pinyin[i] if i < len(pinyin) else ""
            pos = to_qt(start + i) - base
            if not syllable or pos >= block.length() - 1:
                continue
            line = layout.lineForTextPosition(pos)
            if not line.isValid():
                return None
            key = (number, line.lineNumber())
            x2 = origin.x() + line_x(line, pos + 1)
            if pieces and pieces[-1][0] == key:  # one more character on the same line
                _key, x1, _x2, top, _index, syllables = pieces[-1]
                pieces[-1] = (key, x1, x2, top, index, (*syllables, syllable))
            else:
                x1 = origin.x() + line_x(line, pos)
                pieces.append((key, x1, x2, origin.y() + line.y(), index, (syllable,)))
        return pieces

    def _advance(self, syllable: str) -> float:
        width = self._advances.get(syllable)
        if width is None:
            width = self._advances[syllable] = self._fm.horizontalAdvance(syllable)
        return width

    def _place(self, pieces: list[_Piece]) -> list[RubyRun]:
        """Centre each reading over its word, squeezed to fit, nudged clear of its neighbour."""
        metrics = self.metrics
        runs: list[RubyRun] = []
        edge = -math.inf
        for _key, x1, x2, top, index, syllables in sorted(pieces, key=lambda p: p[1]):
            advances = tuple(self._advance(s) for s in syllables)
            natural = sum(advances)
            span = x2 - x1
            squeeze = 1.0 if natural <= span else max(MIN_SQUEEZE, span / natural)
            width = natural * squeeze
            x = max(x1 + (span - width) / 2, edge + MIN_SPACE)
            edge = x + width
            baseline = top + metrics.baseline
            runs.append(RubyRun(
                index, syllables, advances, QRectF(x1, top, span, self._line_height), x,
                baseline, squeeze,
                QRectF(x, baseline - metrics.ascent, width, metrics.ascent + metrics.descent)))
        return runs

    def paint(self, painter: QPainter, offset: QPointF, clip: QRectF, color: QColor,
              tone_color: Callable[[str], str] | None, style: tuple) -> None:
        """Draw the readings of the last `runs` call that meet `clip` (moved by `offset` into
        viewport coordinates).

        `tone_color`: a syllable's colour when tone colours are on, else None for `color`;
        `style` names those colours, so pixmaps drawn in others are redrawn.
        """
        if style != self._pixmap_style:
            self._pixmaps.clear()
            self._tone_pens.clear()
            self._pixmap_style = style
        clip = clip.adjusted(-2, -2, 2, 2)
        ratio = painter.device().devicePixelRatioF()
        for key, (_signature, line_runs) in self._lines.items():
            cached = self._pixmaps.get(key)
            if cached is None:
                # Lines off screen (the range's margin) are drawn when they come on.
                bounds = self._bounds.get(key)
                if bounds is None:
                    bounds = self._bounds[key] = _bounds(line_runs)
                if not bounds.translated(offset).intersects(clip):
                    continue
                cached = self._pixmaps[key] = self._draw_line(line_runs, color, tone_color,
                                                              ratio)
            rect, pixmap = cached
            if rect.translated(offset).intersects(clip):
                painter.drawPixmap(rect.topLeft() + offset, pixmap)

    def _draw_line(self, runs: list[RubyRun], color: QColor,
                   tone_color: Callable[[str], str] | None,
                   ratio: float) -> tuple[QRectF, QPixmap]:
        """One line's readings in a transparent pixmap, and where it goes (document)."""
        bounds = _bounds(runs)
        pixmap = QPixmap(max(1, round(bounds.width() * ratio)),
                         max(1, round(bounds.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.metrics.font)
        painter.setPen(color)
        for run in runs:
            painter.save()
            painter.translate(run.x - bounds.left(), run.baseline - bounds.top())
            if run.squeeze != 1.0:
                painter.scale(run.squeeze, 1.0)
            at = 0.0
            for syllable, advance in zip(run.syllables, run.advances, strict=True):
                if tone_color is not None:
                    pen = self._tone_pens.get(syllable)
                    if pen is None:
                        pen = self._tone_pens[syllable] = QColor(tone_color(syllable))
                    painter.setPen(pen)
                painter.drawText(QPointF(at, 0.0), syllable)
                at += advance
            painter.restore()
        painter.end()
        return bounds, pixmap


def _bounds(runs: list[RubyRun]) -> QRectF:
    """Whole pixels around a line's readings, with a little room for antialiasing."""
    left = min(run.rect.left() for run in runs)
    right = max(run.rect.right() for run in runs)
    top = min(run.rect.top() for run in runs)
    bottom = max(run.rect.bottom() for run in runs)
    x, y = math.floor(left) - 2, math.floor(top) - 2
    return QRectF(x, y, math.ceil(right) + 2 - x, math.ceil(bottom) + 2 - y)
