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

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextDocument

RUBY_MODES = ("off", "all", "unknown")
RUBY_SCALE = 0.5  # reading size / text size
MIN_SQUEEZE = 0.72  # narrowest horizontal scale before a reading may overhang
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


@dataclass(frozen=True)
class RubyRun:
    """One word's reading on one line (a wrapped word has one run per line)."""

    token: int  # index of the word's token
    syllables: tuple[str, ...]
    advances: tuple[float, ...]  # each syllable's width before squeezing
    base: QRectF  # the characters under it, document coordinates
    x: float  # where the reading starts (after centring and nudging)
    baseline: float
    squeeze: float  # horizontal scale, 1.0 when it fits
    ascent: float
    descent: float

    @property
    def text(self) -> str:
        return "".join(self.syllables)

    @property
    def width(self) -> float:
        return sum(self.advances) * self.squeeze

    @property
    def rect(self) -> QRectF:
        """The reading's ink box, document coordinates."""
        return QRectF(self.x, self.baseline - self.ascent, self.width,
                      self.ascent + self.descent)


Word = tuple[int, int, int, tuple[str, ...]]  # token index, start, end, syllable per char
_Piece = tuple[float, float, float, int, tuple[str, ...]]  # x1, x2, line top, token, syllables


def layout_ruby(doc: QTextDocument, to_qt: Callable[[int], int], words: Iterable[Word],
                metrics: RubyMetrics) -> list[RubyRun]:
    """Place each word's reading over it, line by line, without overlaps."""
    lines: dict[tuple[int, int], list[_Piece]] = {}
    for index, start, end, pinyin in words:
        block = doc.findBlock(to_qt(start))
        if not block.isValid():
            continue
        layout = block.layout()
        base = block.position()
        origin = layout.position()
        for i in range(end - start):
            syllable = pinyin[i] if i < len(pinyin) else ""
            pos = to_qt(start + i) - base
            if not syllable or pos >= block.length() - 1:
                continue
            line = layout.lineForTextPosition(pos)
            if not line.isValid():
                break  # not laid out yet: the layout-changed signal brings us back
            pieces = lines.setdefault((block.blockNumber(), line.lineNumber()), [])
            x1 = origin.x() + line.cursorToX(pos)[0]
            x2 = origin.x() + line.cursorToX(pos + 1)[0]
            if pieces and pieces[-1][3] == index:  # the same word, one more character
                first, _end, top, _index, syllables = pieces[-1]
                pieces[-1] = (first, x2, top, index, (*syllables, syllable))
            else:
                pieces.append((x1, x2, origin.y() + line.y(), index, (syllable,)))
    return _place(lines.values(), metrics, QFontMetricsF(doc.defaultFont()).height())


def _place(lines: Iterable[list[_Piece]], metrics: RubyMetrics, height: float) -> list[RubyRun]:
    """Centre each reading over its word, squeezed to fit, nudged clear of its neighbour."""
    fm = QFontMetricsF(metrics.font)
    advance_of: dict[str, float] = {}
    runs: list[RubyRun] = []
    for pieces in lines:
        pieces.sort(key=lambda p: p[0])
        edge = -math.inf
        for x1, x2, top, index, syllables in pieces:
            advances = []
            for syllable in syllables:
                if syllable not in advance_of:
                    advance_of[syllable] = fm.horizontalAdvance(syllable)
                advances.append(advance_of[syllable])
            natural = sum(advances)
            span = x2 - x1
            squeeze = 1.0 if natural <= span else max(MIN_SQUEEZE, span / natural)
            width = natural * squeeze
            x = max(x1 + (span - width) / 2, edge + MIN_SPACE)
            edge = x + width
            runs.append(RubyRun(index, syllables, tuple(advances),
                                QRectF(x1, top, span, height), x, top + metrics.baseline,
                                squeeze, metrics.ascent, metrics.descent))
    return runs


def paint_ruby(painter: QPainter, runs: Iterable[RubyRun], metrics: RubyMetrics,
               offset: QPointF, clip: QRectF, color: QColor,
               tone_color: Callable[[str], str] | None) -> None:
    """Draw the readings (translated by `offset` into viewport coordinates) inside `clip`.

    `tone_color`: a syllable's colour when tone colours are on, else None for `color`.
    """
    painter.setFont(metrics.font)
    painter.setPen(color)
    for run in runs:
        if not run.rect.translated(offset).intersects(clip):
            continue
        painter.save()
        painter.translate(run.x + offset.x(), run.baseline + offset.y())
        if run.squeeze != 1.0:
            painter.scale(run.squeeze, 1.0)
        at = 0.0
        for syllable, advance in zip(run.syllables, run.advances, strict=True):
            if tone_color is not None:
                painter.setPen(QColor(tone_color(syllable)))
            painter.drawText(QPointF(at, 0.0), syllable)
            at += advance
        painter.restore()
