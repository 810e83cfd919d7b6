"""The article: plain text, quiet word boundaries, hover and keyboard word picking.

The text is always inserted as plain text (never HTML). Decorations are computed only
for the visible part of the document, so a very long article costs the same as a short
one. Word underlines, known words and entity underlines are painted over the text by
`paintEvent`, and the soft washes of word states under it (a few hundred
ExtraSelections made every repaint of a paragraph cost 10-40 ms, since Qt clips each
selection separately); only the hover and entity highlights, a handful, are ExtraSelections.
Pinyin above words (`ruby`) and tone colours on the characters (`tone_text`) follow the
same rule: laid out or applied for the decorated range only.
Token offsets are Python (code point) offsets; Qt counts UTF-16 units, so `_OffsetMap`
translates when the text has characters outside the BMP.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontInfo,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from app.core.language.hsk import is_number_word
from app.core.language.sandhi import spoken
from app.core.language.tones import tone_color
from app.core.text.chars import has_han
from app.core.types import Analysis, Token, WordState
from app.ui import ruby
from app.ui.text_geometry import SpanGeometry
from app.ui.theme import LIGHT, Theme
from app.ui.tone_text import ToneTextColorer

HOVER_DELAY_MS = 120
# Characters decorated beyond the visible edges (which words are there, their kinds of
# marks, the names' highlights); a decoration pass (about 10 µs per word) stays a few
# milliseconds.
VISIBLE_MARGIN = 400
# Marks and readings are laid out, and characters tone-coloured, for a narrower margin:
# they cost more than finding which words are there.
NEAR_MARGIN = ruby.RUBY_MARGIN
LINE_HEIGHT_PERCENT = 135
# A long text goes into the document this many characters per event-loop turn: Qt lays
# out what was inserted before the next piece, so no turn costs more than a few tens of
# milliseconds and the first screenful is readable at once.
INSERT_PIECE_CHARS = 20_000
INSERT_FIRST_CHARS = 4_000  # a screenful, laid out at once

FONT_FAMILIES = {
    "simplified": ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
                   "Noto Sans CJK TC", "WenQuanYi Micro Hei", "sans-serif"],
    "traditional": ["Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei",
                    "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"],
}

# Colours of underlines, highlights and washes come from the theme (`app.ui.theme`).
# Word states, as LingQ shows them: a warm wash under a word being learnt, strongest at
# level 1 (new to me) and fading towards 4 (nearly known), never as strong as a picked
# name's highlight; known and ignored words plain; words never marked optionally a pale
# blue. Inset so neighbouring words and lines stay apart.
WASH_RADIUS = 3.0
WASH_INSET = QPointF(0.5, 2.0)  # horizontal, vertical (the line spacing's leading)
# Kinds of painted marks: two underlines, a name, then the washes (unknown, levels 1-4).
_UNDERLINE_A, _UNDERLINE_B, _ENTITY, _UNKNOWN = range(4)
_LEARNING = (4, 5, 6, 7)  # by level - 1
_WASHES = frozenset({_UNKNOWN, *_LEARNING})
_MARK_NAMES = {_UNDERLINE_A: "word", _UNDERLINE_B: "word", _ENTITY: "name",
               _UNKNOWN: "unknown"} | {kind: f"learning-{n}" for n, kind in enumerate(_LEARNING, 1)}
MAX_LOOKUP_CHARS = 40  # a longer selection is reading, not looking up
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_J)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_K)
SAVE_KEYS = (Qt.Key.Key_S, Qt.Key.Key_A)
# The state keys (LingQ's): 1-4 a learning level, 5 known, X ignore.
LEVEL_KEYS: dict[int, int] = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}
KNOWN_KEYS = (Qt.Key.Key_5,)
IGNORE_KEYS = (Qt.Key.Key_X,)
WORD_KEYS = (*NEXT_KEYS, *PREVIOUS_KEYS, *SAVE_KEYS, *LEVEL_KEYS, *KNOWN_KEYS, *IGNORE_KEYS,
             Qt.Key.Key_Escape)


def reading_font(script: str, size: int, family: str = "") -> QFont:
    """The article's font: the learner's chosen family first, else one made for the script."""
    font = QFont()
    families = FONT_FAMILIES.get(script, FONT_FAMILIES["simplified"])
    font.setFamilies([family, *families] if family else families)
    font.setPointSize(size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _OffsetMap:
    """Python code point offsets <-> Qt UTF-16 positions."""

    def __init__(self, text: str) -> None:
        # A regex scan, not a Python loop: a million-character text maps in milliseconds.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of each astral char's second unit, to map back.
        self._astral_qt = [i + n + 1 for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset) if self._astral else offset

    def to_py(self, position: int) -> int:
        return position - bisect.bisect_right(self._astral_qt, position) if self._astral \
            else position


class ArticleView(QTextEdit):
    """Read-only article text that reports which word is under the pointer or keys."""

    word_activated = Signal(int, QRect)  # token index, word rectangle in global coordinates
    word_deactivated = Signal()
    save_requested = Signal(int)  # token index
    state_requested = Signal(int, str, int)  # token index, status, learning level (0: keep)
    # The right-click menu about to open, and the name it could correct ("" for none):
    # the window adds its entity actions to it.
    context_menu_requested = Signal(QMenu, str)
    text_complete = Signal()  # the whole text is in the document (long texts arrive in pieces)
    # Look up text, not a token: (start, end, global rect, "chars" for Alt+hover's
    # matches from the character at start, "selection" for exactly [start, end)).
    span_lookup_requested = Signal(int, int, QRect, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)  # drops go to the window, which opens the file
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.setMouseTracking(True)
        self._text = ""
        self._script = "simplified"
        self._tokens: tuple[Token, ...] = ()
        self._starts: list[int] = []
        self._offsets = _OffsetMap("")
        self._states: Mapping[str, WordState] = {}
        self._tint_unknown = True
        self._entity_spans: list[tuple[int, int]] = []
        self._highlighted: tuple[tuple[int, int], ...] = ()
        self._find_spans: list[tuple[int, int]] = []
        self._find_current = -1
        self._lookup_span: tuple[int, int] | None = None  # Alt+hover or a looked-up selection
        self._context_offset: int | None = None  # the character a context menu was opened on
        self._current = -1
        self._font_size = 20
        self._boundaries = True
        self._hover_pos: QPoint | None = None
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hover_settled)
        self._decorate_timer = QTimer(self)
        self._decorate_timer.setSingleShot(True)
        self._decorate_timer.setInterval(0)
        self._decorate_timer.timeout.connect(self._decorate_visible)
        self._pending_text = ""  # the part of a long text not yet in the document
        self._insert_cursor: QTextCursor | None = None
        self._insert_timer = QTimer(self)
        self._insert_timer.setSingleShot(True)
        self._insert_timer.setInterval(0)
        self._insert_timer.timeout.connect(self._insert_next_piece)
        # The entity highlights of the decorated range, reused while only the hovered
        # word changes (underlines and word marks are painted, see `_marks`).
        self._base_selections: list[QTextEdit.ExtraSelection] = []
        self._base_key: tuple | None = None
        # Painted marks for the decorated range: (kind, start, end); their rectangles in
        # document coordinates are computed on the first paint after a change.
        self._marks: list[tuple[int, int, int]] = []
        self._mark_rects: list[tuple[int, QRectF]] | None = None
        # Where words are, shared by the marks and the readings (one layout's worth).
        self._geometry = SpanGeometry(self.document(), self._offsets.to_qt)
        # Text offsets whose marks and readings are laid out: the screen and a little more.
        self._near = (0, 0)
        self._theme: Theme = LIGHT
        self._font_family = ""
        # Pinyin above words: mode, which words count as familiar ("unknown" mode leaves
        # them bare besides known words), the words of the decorated range and their
        # readings' places (computed on the first paint after a change).
        self._ruby_mode = "off"
        self._familiar: Callable[[str], bool] = lambda _word: False
        self._ruby_tones = True
        self._spoken_tones = False  # 一/不 above words with their sandhi tones, as the popup
        self._ruby_words: list[ruby.Word] = []
        self._ruby_runs: list[ruby.RubyRun] | None = None
        self._ruby_layout: ruby.RubyLayout | None = None  # None: the layout changed
        self._tone_text = False
        self._tone_colorer = ToneTextColorer()
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # ---- content -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self._tokens

    def set_article_text(self, text: str, script: str) -> None:
        """Show the text at once (before analysis); words become hoverable later."""
        self._deactivate()
        self._insert_timer.stop()  # a text still arriving is replaced
        self._text = text
        self._script = script
        self._tokens = ()
        self._starts = []
        self._entity_spans = []
        self._highlighted = ()
        self._find_spans, self._find_current = [], -1
        self._lookup_span = None
        self._offsets = _OffsetMap(text)
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDocumentMargin(28)
        doc.setDefaultFont(self._reading_font())
        cursor = QTextCursor(doc)
        cursor.setBlockFormat(self._block_format())
        self._geometry = SpanGeometry(doc, self._offsets.to_qt)  # before a scroll decorates
        self.setDocument(doc)  # the previous document, our child, is deleted by Qt
        self._pending_text = text.replace("\r", " ")
        self._insert_cursor = cursor
        # An ordinary article goes in at once; a long one starts with a screenful.
        long_text = len(self._pending_text) > INSERT_PIECE_CHARS
        self._insert_next_piece(INSERT_FIRST_CHARS if long_text else INSERT_PIECE_CHARS)
        # Layout finishes after the first decoration pass: what is visible may change then.
        doc.documentLayout().documentSizeChanged.connect(self._on_layout_changed)
        self._base_selections = []
        self._base_key = None
        self._marks = []
        self._mark_rects = None
        self._near = (0, 0)
        self._ruby_words = []
        self._ruby_runs = None
        self._ruby_layout = None
        self._tone_colorer.reset()
        self.setExtraSelections([])

    def _reading_font(self) -> QFont:
        return reading_font(self._script, self._font_size, self._font_family)

    def _block_format(self) -> QTextBlockFormat:
        """Paragraph spacing, and line spacing with room for pinyin above words when on."""
        block = QTextBlockFormat()
        percent = ruby.line_height_percent(self._reading_font(), self._ruby_mode != "off",
                                           LINE_HEIGHT_PERCENT)
        block.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(self._font_size * 0.6)
        return block

    def _relayout(self) -> None:
        """Apply the font and spacing to the whole text, keeping the first visible character."""
        first = self.first_visible_offset()
        doc = self.document()
        doc.setDefaultFont(self._reading_font())
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(self._block_format())
        if self._insert_cursor is not None:  # pieces still to come take the same format
            self._insert_cursor.setBlockFormat(self._block_format())
        self._ruby_layout = None
        self._ruby_runs = None
        self._mark_rects = None
        self._geometry.clear()
        self._deactivate()
        self.scroll_to_offset(first, center=False)
        self._base_key = None
        self._decorate_now()

    def _insert_next_piece(self, size: int = INSERT_PIECE_CHARS) -> None:
        """Append the next piece of a long text; the rest follows on later event-loop turns.

        insertText keeps every character literal (markup in an article stays text), and
        pieces appended at the end make the same blocks as one insertion would.
        """
        cursor = self._insert_cursor
        if not self._pending_text or cursor is None:
            return
        piece, self._pending_text = self._pending_text[:size], self._pending_text[size:]
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(piece)
        if self._pending_text:
            self._insert_timer.start()
        else:
            self._insert_cursor = None
            self.text_complete.emit()

    def finish_text(self) -> None:
        """Insert the rest of the text now: something needs an offset not yet in the document."""
        self._insert_timer.stop()
        cursor = self._insert_cursor
        if self._pending_text and cursor is not None:
            rest, self._pending_text = self._pending_text, ""
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(rest)
            self._insert_cursor = None
            self.text_complete.emit()

    @property
    def text_is_complete(self) -> bool:
        """False while a long text is still being appended to the document."""
        return not self._pending_text

    def set_analysis(self, analysis: Analysis, starts: list[int] | None = None,
                     entity_spans: list[tuple[int, int]] | None = None) -> None:
        """Make the words hoverable; `starts`/`entity_spans` come prepared off the GUI thread."""
        if analysis.text is not self._text and analysis.text != self._text:
            self.set_article_text(analysis.text, analysis.script)
        self._tokens = analysis.tokens
        self._ruby_layout = None  # measured by token index: new tokens, new measurements
        self._starts = starts if starts is not None else [t.start for t in analysis.tokens]
        self._entity_spans = entity_spans if entity_spans is not None else sorted(
            s for e in analysis.entities for s in e.spans)
        self._schedule_decoration()

    def set_word_states(self, states: Mapping[str, WordState]) -> None:
        """The learner's word states (both scripts): learning words washed by level."""
        self._states = states
        self._schedule_decoration()

    def set_tint_unknown(self, on: bool) -> None:
        """Tint the words never marked, so the new words of a page stand out."""
        self._tint_unknown = on
        self._schedule_decoration()

    def set_word_boundaries(self, on: bool) -> None:
        self._boundaries = on
        self._schedule_decoration()

    def set_font_size(self, size: int) -> None:
        """Keeps the first visible character in view across the re-layout."""
        self._font_size = size
        self._relayout()

    def font_size(self) -> int:
        return self._font_size

    def set_font_family(self, family: str) -> None:
        """The learner's font for Chinese text ("" = the one made for the article's script)."""
        if family != self._font_family:
            self._font_family = family
            self._relayout()

    def font_family(self) -> str:
        """The family the text is actually drawn in."""
        return QFontInfo(self.document().defaultFont()).family()

    # ---- reading aids ----------------------------------------------------------------------

    def set_ruby(self, mode: str, familiar: Callable[[str], bool] | None = None) -> None:
        """Pinyin above words: "off", "all", or "unknown" (words neither known nor familiar).

        `familiar`: words a learner at the chosen HSK level knows anyway.
        """
        if mode not in ruby.RUBY_MODES:
            raise ValueError(f"ruby mode {mode!r}")
        if familiar is not None:
            self._familiar = familiar
        spacing_changes = (mode == "off") != (self._ruby_mode == "off")
        self._ruby_mode = mode
        if spacing_changes:
            self._relayout()
        else:
            self._schedule_decoration()

    @property
    def ruby_mode(self) -> str:
        return self._ruby_mode

    def set_tone_colors(self, pinyin: bool, characters: bool) -> None:
        """Tone colours on the pinyin above words, and on the characters themselves."""
        self._ruby_tones = pinyin
        if characters != self._tone_text:
            self._tone_text = characters
            if not characters:
                self._tone_colorer.clear(self.document())
        self._schedule_decoration()
        self.viewport().update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._tone_colorer.clear(self.document())  # the colours differ on a dark page
        self._base_key = None
        self._decorate_visible()
        self.viewport().update()

    def ruby_runs(self) -> list[ruby.RubyRun]:
        """The readings placed over the decorated range (document coordinates)."""
        if self._ruby_runs is None:
            if self._ruby_layout is None:
                self._ruby_layout = ruby.RubyLayout(self.document().defaultFont(),
                                                    self._geometry)
            self._ruby_runs = self._ruby_layout.runs(self.document(), self._offsets.to_qt,
                                                     self._ruby_words)
        return self._ruby_runs

    def visible_ruby(self) -> list[tuple[int, str]]:
        """(token index, reading) of every word with pinyin drawn above it on screen."""
        if not self._ruby_words:
            return []
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        screen = QRectF(self.viewport().rect())
        seen: dict[int, str] = {}
        for run in self.ruby_runs():
            if run.rect.translated(dx, dy).intersects(screen):
                seen[run.token] = seen.get(run.token, "") + run.text
        return sorted(seen.items())

    def set_spoken_tones(self, on: bool) -> None:
        """Pinyin above 一 and 不 with their spoken (sandhi) tones, like the popup's."""
        if on != self._spoken_tones:
            self._spoken_tones = on
            self._ruby_layout = None  # readings are measured by token: they changed
            self._schedule_decoration()

    def _ruby_reading(self, token: Token) -> tuple[str, ...]:
        if self._spoken_tones and ("一" in token.text or "不" in token.text):
            return tuple(spoken(token.text, token.pinyin))
        return token.pinyin

    def _wants_ruby(self, word: str) -> bool:
        """Pinyin above a word: all of them, or those not known (nor ignored, nor familiar)."""
        if self._ruby_mode == "all":
            return True
        state = self._states.get(word)
        known = state is not None and state.status != "learning"
        return not known and not self._familiar(word)

    # ---- geometry ------------------------------------------------------------------------

    def _cursor_at(self, offset: int) -> QTextCursor:
        end = self.document().characterCount() - 1
        if self._pending_text and self._offsets.to_qt(offset) >= end:
            self.finish_text()
        cursor = QTextCursor(self.document())
        limit = self.document().characterCount() - 1
        cursor.setPosition(max(0, min(self._offsets.to_qt(offset), limit)))
        return cursor

    def char_rect(self, offset: int) -> QRect:
        """Viewport rectangle of the character at `offset`."""
        left = self.cursorRect(self._cursor_at(offset))
        right = self.cursorRect(self._cursor_at(offset + 1))
        if right.top() == left.top() and right.left() > left.left():
            width = right.left() - left.left()
        else:  # last character on its line
            width = self.fontMetrics().horizontalAdvance(self._text[offset:offset + 1]) or 8
            width = max(width, self.document().defaultFont().pointSize())
        return QRect(left.left(), left.top(), width, left.height())

    def span_rect(self, start: int, end: int) -> QRect:
        """Viewport rectangle covering [start, end), across a line wrap if needed."""
        rect = QRect()
        for offset in range(start, max(end, start + 1)):
            rect = rect.united(self.char_rect(offset))
        return rect

    def token_rect(self, index: int) -> QRect:
        token = self._tokens[index]
        return self.span_rect(token.start, token.end)

    def offset_at(self, pos: QPoint) -> int | None:
        """The character under a viewport point, or None over margins and line ends."""
        if not self._text:
            return None
        position = self._offsets.to_py(self.cursorForPosition(pos).position())
        for offset in (position, position - 1):
            if 0 <= offset < len(self._text) and self.char_rect(offset).contains(pos):
                return offset
        return None

    def token_index_at_offset(self, offset: int) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        if 0 <= index < len(self._tokens) and self._tokens[index].start <= offset \
                < self._tokens[index].end:
            return index
        return -1

    def word_index_at(self, pos: QPoint) -> int:
        """Index of the hoverable (Chinese) token under a viewport point, or -1."""
        offset = self.offset_at(pos)
        if offset is None:
            return -1
        index = self.token_index_at_offset(offset)
        if index >= 0 and has_han(self._tokens[index].text):
            return index
        return -1

    def first_visible_offset(self) -> int:
        return self._offsets.to_py(self.cursorForPosition(QPoint(0, 0)).position())

    def last_visible_offset(self) -> int:
        """The last character on screen: how far the reader has got."""
        corner = self.viewport().rect().bottomRight()
        return self._offsets.to_py(self.cursorForPosition(corner).position())

    def visible_tokens(self) -> range:
        """Indexes of the tokens wholly on screen: the page "mark the rest known" acts on."""
        if not self._tokens:
            return range(0)
        viewport = self.viewport().rect()
        first = self._offsets.to_py(self.cursorForPosition(viewport.topLeft()).position())
        last = self._offsets.to_py(self.cursorForPosition(viewport.bottomRight()).position())
        lo = max(0, self.token_index_at_offset(min(first, last)))
        hi = max(lo, self.token_index_at_offset(max(first, last)) + 1)
        # Lines cut by the top or bottom edge are not on this page.
        while lo < hi and not viewport.contains(self.token_rect(lo)):
            lo += 1
        while hi > lo and not viewport.contains(self.token_rect(hi - 1)):
            hi -= 1
        return range(lo, hi)

    def _visible_range(self, *margins: int) -> list[tuple[int, int]]:
        """[first - margin, last + margin) around the characters on screen, per margin."""
        viewport = self.viewport().rect()
        first = self._offsets.to_py(self.cursorForPosition(viewport.topLeft()).position())
        last = self._offsets.to_py(self.cursorForPosition(viewport.bottomRight()).position())
        first, last = min(first, last), max(first, last)  # mid-layout they can cross
        return [(max(0, first - margin), min(len(self._text), last + margin))
                for margin in margins]

    def scroll_to_offset(self, offset: int, center: bool = True) -> None:
        cursor = self._cursor_at(offset)
        if center:
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            rect = self.cursorRect(cursor)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        else:
            rect = self.cursorRect(cursor)
            bar = self.verticalScrollBar()
            bar.setValue(int(bar.value() + rect.top() - self.document().documentMargin()))

    # ---- current word ---------------------------------------------------------------------

    @property
    def current_index(self) -> int:
        return self._current

    def activate(self, index: int, ensure_visible: bool = False) -> None:
        """Make token `index` the current word, as if hovered."""
        if not 0 <= index < len(self._tokens):
            self._deactivate()
            return
        token = self._tokens[index]
        if ensure_visible:
            rect = self.token_rect(index)
            if not self.viewport().rect().contains(rect):
                self.scroll_to_offset(token.start)
        self._current = index
        self._apply_selections()
        rect = self.token_rect(index)
        global_rect = QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.word_activated.emit(index, global_rect)

    def _deactivate(self) -> None:
        if self._current >= 0 or self._lookup_span is not None:
            self._current = -1
            self._lookup_span = None
            self._schedule_decoration(content_changed=False)
            self.word_deactivated.emit()

    def hide_word(self) -> None:
        self._hover_timer.stop()
        self._deactivate()

    def step_word(self, direction: int) -> None:
        """Move to the next (1) or previous (-1) Chinese word."""
        if not self._tokens:
            return
        index = self._current
        if index < 0:
            # Nothing current yet: start at the first word on screen, whatever the direction.
            index = max(0, self.token_index_at_offset(self.first_visible_offset())) - 1
            direction = 1
        index += direction
        while 0 <= index < len(self._tokens) and not has_han(self._tokens[index].text):
            index += direction
        if 0 <= index < len(self._tokens):
            self.activate(index, ensure_visible=True)

    def highlight_spans(self, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]],
                        scroll: bool = True) -> None:
        """Mark every span (an entity's mentions) and scroll to the first."""
        self._highlighted = tuple(sorted(spans))
        if scroll and self._highlighted:
            self._deactivate()
            self.scroll_to_offset(self._highlighted[0][0])
        self._base_key = None
        self._decorate_visible()

    @property
    def highlighted_spans(self) -> tuple[tuple[int, int], ...]:
        return self._highlighted

    # ---- events ----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover_pos = event.position().toPoint()
        self._hover_timer.start()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover_pos = None
        self._hover_timer.start()
        super().leaveEvent(event)

    def _hover_settled(self) -> None:
        if self._hover_pos is None:
            self._deactivate()
            return
        alt = QGuiApplication.queryKeyboardModifiers() & Qt.KeyboardModifier.AltModifier
        if alt or not self._tokens:
            # Before the analysis arrives (a first start builds the dictionary and
            # loads the segmenter), hovering still explains the text, Zhongwen's way.
            self.look_up_characters_at(self._hover_pos)
            return
        index = self.word_index_at(self._hover_pos)
        if index < 0:
            self._deactivate()
        elif index != self._current:
            self.activate(index)

    def settle_hover(self) -> bool:
        """Fire a pending hover delay now; screenshots and benchmarks need not wait it out."""
        if not self._hover_timer.isActive():
            return False
        self._hover_timer.stop()
        self._hover_settled()
        return True

    # ---- looking up text rather than tokens (Alt+hover, selections) ---------------------

    @property
    def lookup_span(self) -> tuple[int, int] | None:
        return self._lookup_span

    def look_up_characters_at(self, pos: QPoint) -> bool:
        """Alt+hover: dictionary matches starting at the character under `pos`, whatever
        the segmentation (Zhongwen's way); False when there is no Chinese character there."""
        offset = self.offset_at(pos)
        if offset is None or not has_han(self._text[offset]):
            self._deactivate()
            return False
        self.look_up_span(offset, offset + 1, "chars")
        return True

    def look_up_span(self, start: int, end: int, mode: str) -> None:
        """Ask for a lookup of [start, end); the window answers with `show_lookup_span`."""
        self._current = -1
        rect = self.span_rect(start, end)
        global_rect = QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.span_lookup_requested.emit(start, end, global_rect, mode)

    def show_lookup_span(self, start: int, end: int) -> None:
        """Highlight what the popup now explains (the longest match, or the selection)."""
        self._lookup_span = (start, end)
        self._apply_selections()

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as text offsets, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.to_py(cursor.selectionStart())
        end = self._offsets.to_py(cursor.selectionEnd())
        return (start, end) if start < end else None

    def look_up_selection(self) -> bool:
        """Explain exactly the selected text, if it is a short run with Chinese in it."""
        span = self.selected_span()
        if span is None:
            return False
        start, end = span
        picked = self._text[start:end]
        if end - start > MAX_LOOKUP_CHARS or "\n" in picked or not has_han(picked):
            return False
        self.look_up_span(start, end, "selection")
        return True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._hover_timer.stop()
            self.look_up_selection()

    @property
    def context_offset(self) -> int | None:
        """The character the open context menu was asked for (None over a margin)."""
        return self._context_offset

    # ---- find in the article ------------------------------------------------------------

    def set_find_matches(self, spans: list[tuple[int, int]], current: int) -> None:
        """Highlight every match of a find, the current one stronger and scrolled to."""
        self._find_spans = list(spans)
        self._find_current = current if 0 <= current < len(spans) else -1
        if self._find_current >= 0:
            start, end = spans[self._find_current]
            rect = self.span_rect(start, end)
            if not self.viewport().rect().contains(rect):
                self._deactivate()
                self.scroll_to_offset(start)
        self._base_key = None
        self._decorate_visible()

    @property
    def find_matches(self) -> tuple[list[tuple[int, int]], int]:
        return list(self._find_spans), self._find_current

    def name_candidate_at(self, pos: QPoint) -> str:
        """What a right-click at `pos` could mark as a name: the selection, else the word there."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            start = self._offsets.to_py(cursor.selectionStart())
            end = self._offsets.to_py(cursor.selectionEnd())
            picked = " ".join(self._text[start:end].split())
            if picked and "\n" not in self._text[start:end].strip() and len(picked) <= 100:
                return picked
        offset = self.offset_at(pos)
        index = self.token_index_at_offset(offset) if offset is not None else -1
        if index >= 0 and any(ch.isalnum() for ch in self._tokens[index].text):
            return self._tokens[index].text.strip()
        return ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.hide_word()
        self._context_offset = self.offset_at(event.pos())
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_requested.emit(menu, self.name_candidate_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Alt and self._hover_pos is not None:
            self._hover_timer.stop()  # Alt pressed over a character: its matches now
            self.look_up_characters_at(self._hover_pos)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = not modifiers & (Qt.KeyboardModifier.ControlModifier
                                 | Qt.KeyboardModifier.AltModifier
                                 | Qt.KeyboardModifier.MetaModifier
                                 | Qt.KeyboardModifier.ShiftModifier)
        # Shift+S saves too (caps lock or a habit from other readers).
        shifted_save = modifiers == Qt.KeyboardModifier.ShiftModifier and key in SAVE_KEYS
        if not ((plain or shifted_save) and self.word_key(key)):
            super().keyPressEvent(event)
            return
        event.accept()

    def word_key(self, key: int) -> bool:
        """What a reading key does to the current word; False if it does nothing here."""
        if key == Qt.Key.Key_Escape and self._current >= 0:
            self.hide_word()
        elif key in NEXT_KEYS:
            self.step_word(1)
        elif key in PREVIOUS_KEYS:
            self.step_word(-1)
        elif key in SAVE_KEYS and self._current >= 0:
            self.save_requested.emit(self._current)
        elif key in LEVEL_KEYS and self._current >= 0:
            self.state_requested.emit(self._current, "learning", LEVEL_KEYS[key])
        elif key in KNOWN_KEYS and self._current >= 0:
            self.state_requested.emit(self._current, "known", 0)
        elif key in IGNORE_KEYS and self._current >= 0:
            self.state_requested.emit(self._current, "ignored", 0)
        else:
            return False
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._deactivate()
        self._decorate_now()

    def _on_scrolled(self) -> None:
        if self._current >= 0:
            # The word moved under the popup; re-anchor it rather than leave it behind.
            rect = self.token_rect(self._current)
            if self.viewport().rect().intersects(rect):
                global_rect = QRect(self.viewport().mapToGlobal(rect.topLeft()), rect.size())
                self.word_activated.emit(self._current, global_rect)
            else:
                self._deactivate()
        self._decorate_now()

    # ---- decoration ------------------------------------------------------------------------

    def _on_layout_changed(self, _size=None) -> None:
        self._mark_rects = None  # lines moved: the marks' rectangles are stale
        self._geometry.clear()
        self._ruby_runs = None
        self._ruby_layout = None
        self._schedule_decoration(content_changed=False)

    def _decorate_now(self) -> None:
        """Decorate before the next paint, not on the next turn: after a scroll, a resize or
        a re-layout the repaint Qt asked for then finds the new place's marks and readings,
        instead of painting the old ones and being followed by a second full repaint (only
        the lines near the screen have their marks and readings laid out)."""
        self._decorate_timer.stop()
        self._decorate_visible()

    def decorate_now(self) -> None:
        """Decorate what is on screen at once, with the layout as it is now: a picture taken
        next must not depend on whether the next event-loop turn has come (a loaded machine)."""
        self._decorate_timer.stop()
        self._base_key = None
        self._decorate_visible()

    def _schedule_decoration(self, content_changed: bool = True) -> None:
        """Decorate on the next event-loop turn (several changes cost one pass)."""
        if content_changed:
            self._base_key = None
        self._decorate_timer.start()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat,
                   limit: int | None = None) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        if limit is None:
            limit = self.document().characterCount() - 1
        to_qt = self._offsets.to_qt
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(to_qt(start), limit)))
        cursor.setPosition(min(to_qt(end), limit), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _decorate_visible(self) -> None:
        """Rebuild the underlines for what is on screen (plus a margin), then apply."""
        (lo, hi), near = self._visible_range(VISIBLE_MARGIN, NEAR_MARGIN) if self._text \
            else ((0, 0), (0, 0))
        key = (lo, hi, near)  # near the ends of a text only the narrower range moves
        if key != self._base_key:
            self._near = near
            self._geometry.next_range()
            self._base_selections = self._base_decorations(lo, hi)
            self._base_key = key
            self._mark_rects = None
            self.viewport().update()
        self._apply_selections()

    def _apply_selections(self) -> None:
        """The cached underlines plus the hovered word's highlight."""
        if self._base_key is None:
            self._decorate_visible()
            return
        selections = self._base_selections
        hovered = None
        if 0 <= self._current < len(self._tokens):
            hovered = (self._tokens[self._current].start, self._tokens[self._current].end)
        elif self._lookup_span is not None:
            hovered = self._lookup_span
        if hovered is not None:
            hover = QTextCharFormat()
            hover.setBackground(self._theme.hover_highlight)
            hover.setProperty(QTextFormat.Property.FullWidthSelection, False)
            selections = [*selections, self._selection(*hovered, hover)]
        self.setExtraSelections(selections)

    def _base_decorations(self, lo: int, hi: int) -> list[QTextEdit.ExtraSelection]:
        """The painted marks for [lo, hi) (into `_marks`) and the entity highlights."""
        selections: list[QTextEdit.ExtraSelection] = []
        marks: list[tuple[int, int, int]] = []
        self._marks = marks
        self._ruby_words = []
        self._ruby_runs = None
        if not self._text:
            return selections
        limit = self.document().characterCount() - 1
        if self._tokens:
            first = max(0, bisect.bisect_right(self._starts, lo) - 1)
            last = bisect.bisect_left(self._starts, hi)
            ruby_on = self._ruby_mode != "off"
            # Readings, like the marks' places, only near the screen: they cost more.
            ruby_lo, ruby_hi = self._near if ruby_on else (0, 0)
            states = self._states
            names = self._spans_between(self._entity_spans, lo, hi)
            in_names = {offset for start, end in names for offset in range(start, end)}
            for index, token in enumerate(self._tokens[first:last], first):
                if not has_han(token.text):
                    continue
                if ruby_on and ruby_lo < token.end and token.start < ruby_hi and any(
                        token.pinyin) and self._wants_ruby(token.text):
                    self._ruby_words.append((index, token.start, token.end,
                                             self._ruby_reading(token)))
                state = states.get(token.text)
                if state is not None and state.status == "learning":
                    marks.append((_LEARNING[state.level - 1], token.start, token.end))
                elif (state is None and self._tint_unknown and token.start not in in_names
                      and not is_number_word(token.text)):  # names and numbers are not vocabulary
                    marks.append((_UNKNOWN, token.start, token.end))
                elif self._boundaries:  # known and ignored words: plain
                    # Colours alternate by the word's place in the text, not in the
                    # decorated range: a word keeps its colour while the page scrolls.
                    marks.append((_UNDERLINE_B if index & 1 else _UNDERLINE_A,
                                  token.start, token.end))
            marks.extend((_ENTITY, start, end) for start, end in names)
            if self._tone_text:
                dark = self._theme.dark
                self._tone_colorer.colour(self.document(), self._offsets.to_qt,
                                          self._offsets.to_py, self._tokens, self._starts,
                                          *self._near, lambda syllable: tone_color(syllable,
                                                                                   dark))
        marked = QTextCharFormat()
        marked.setBackground(self._theme.entity_highlight)
        for start, end in self._spans_between(list(self._highlighted), lo, hi):
            selections.append(self._selection(start, end, marked, limit))
        selections.extend(self._find_decorations(lo, hi, limit))
        return selections

    def _find_decorations(self, lo: int, hi: int, limit: int) -> list[QTextEdit.ExtraSelection]:
        """The find bar's matches in [lo, hi), the current one in a stronger colour."""
        if not self._find_spans:
            return []
        match, current = QTextCharFormat(), QTextCharFormat()
        match.setBackground(self._theme.find_match)
        current.setBackground(self._theme.find_current)
        current_span = self._find_spans[self._find_current] if self._find_current >= 0 else None
        return [self._selection(start, end, current if (start, end) == current_span else match,
                                limit)
                for start, end in self._spans_between(self._find_spans, lo, hi)]

    @property
    def painted_marks(self) -> list[tuple[str, str]]:
        """(kind, text) of every mark painted over the decorated range: what the reader sees."""
        return [(_MARK_NAMES[kind], self._text[start:end]) for kind, start, end in self._marks]

    def _mark_geometry(self) -> list[tuple[int, QRectF]]:
        """Each mark's line pieces in document coordinates (a word may wrap), for the marks
        near the screen: the rest of the decorated range is never painted before the next
        scroll decorates again."""
        if self._mark_rects is not None:
            return self._mark_rects
        near_lo, near_hi = self._near
        rects: list[tuple[int, QRectF]] = []
        for kind, start, end in self._marks:
            if end <= near_lo or start >= near_hi:
                continue
            for _line, x1, x2, top, height in self._geometry.pieces(start, end) or ():
                rects.append((kind, QRectF(x1, top, x2 - x1, height)))
        self._mark_rects = rects
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._marks and not self._ruby_words:
            super().paintEvent(event)
            return
        clip = QRectF(event.rect())
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        self._paint_washes(clip, dx, dy)  # under the text, so it stays crisp
        super().paintEvent(event)
        pens = [QPen(color, 1) for color in self._theme.underlines]
        entity_pen = QPen(self._theme.entity_underline, 1.5, Qt.PenStyle.DotLine)
        painter = QPainter(self.viewport())
        for kind, doc_rect in self._mark_geometry():
            rect = doc_rect.translated(dx, dy)
            if kind in _WASHES or not rect.intersects(clip):
                continue
            y = rect.bottom() - (1.0 if kind == _ENTITY else 3.0)
            painter.setPen(entity_pen if kind == _ENTITY else pens[kind])
            painter.drawLine(QPointF(rect.left() + 1, y), QPointF(rect.right() - 1, y))
        self._paint_ruby(painter, clip, dx, dy)
        painter.end()

    def _paint_ruby(self, painter: QPainter, clip: QRectF, dx: float, dy: float) -> None:
        """Pinyin above the words that get it, over everything else (see `ruby`)."""
        if not self._ruby_words:
            return
        self.ruby_runs()
        layout = self._ruby_layout
        if layout is None:  # ruby_runs made it
            return
        dark = self._theme.dark
        colour = (lambda syllable: tone_color(syllable, dark)) if self._ruby_tones else None
        layout.paint(painter, QPointF(dx, dy), clip, self._theme.ruby, colour,
                                (self._theme.name, self._ruby_tones))

    def _paint_washes(self, clip: QRectF, dx: float, dy: float) -> None:
        """Rounded washes behind learning and unknown words (the background is already filled)."""
        pieces = [(kind, rect) for kind, rect in self._mark_geometry() if kind in _WASHES]
        if not pieces:
            return
        inset_x, inset_y = WASH_INSET.x(), WASH_INSET.y()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, doc_rect in pieces:
            rect = doc_rect.translated(dx, dy).adjusted(inset_x, inset_y, -inset_x, -inset_y)
            if rect.intersects(clip):
                painter.setBrush(self._theme.unknown_wash if kind == _UNKNOWN
                                 else self._theme.learning_washes[kind - _LEARNING[0]])
                painter.drawRoundedRect(rect, WASH_RADIUS, WASH_RADIUS)
        painter.end()

    @staticmethod
    def _spans_between(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
        first = max(0, bisect.bisect_left(spans, (lo, lo)) - 1)
        return [s for s in spans[first:bisect.bisect_right(spans, (hi, hi))] if s[1] > lo]
