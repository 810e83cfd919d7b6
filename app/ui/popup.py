"""The hover popup: what a word is, next to it, without taking focus or hiding it.

`build_popup_html` is a pure function over core data; every piece of article or
dictionary text goes through html.escape before it reaches Qt's rich text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.language.hsk import level_summary
from app.core.language.lookup import reads_as
from app.core.language.tones import pinyin_html
from app.core.types import ENTITY_TYPE_NAMES, Entity, Entry, WordLevel, WordState

MAX_ENTRIES = 6
MAX_SENSES = 8
MAX_PARTS = 6
GAP = 6  # pixels between the word and the popup
HERE_LIGHT, HERE_DARK = "#e6eeff", "#2a3850"  # behind the entry read as here


@dataclass(frozen=True)
class WordInfo:
    """Everything the popup shows for one word occurrence."""

    word: str  # as written in the article
    simplified: str
    traditional: str
    pinyin: tuple[str, ...]  # contextual reading as shown, one syllable per character
    entries: tuple[Entry, ...] = ()
    parts: tuple[tuple[str, tuple[Entry, ...]], ...] = ()
    entity: Entity | None = None
    saved: bool = False
    gloss: str | None = None  # the analysis' gloss, used when no dictionary is available
    state: WordState | None = None  # None: never marked (a new word)
    # Alt+hover: the shorter dictionary matches from the same character, longest first.
    shorter: tuple[tuple[str, tuple[Entry, ...]], ...] = ()
    note: str = ""  # a quiet line on what is being explained (a selection, Alt+hover)
    spoken_tones: bool = False  # 一/不 shown with their sandhi tones (else citation tones)
    citation: tuple[str, ...] = ()  # the reading with citation tones, when `pinyin` differs
    level: WordLevel | None = None  # HSK bands and frequency rank, when the lists have it


KEY_HINT = "1–4: learning · 5: known · X: ignore · S: save · J/K: next/previous · Esc"


def _state_html(info: WordInfo) -> str:
    """Where the learner stands with the word, and the keys that change it."""
    state = info.state
    if state is None:
        label = "New word" if info.entity is None else ""
    elif state.status == "learning":
        label = f"Learning · level {state.level}"
    else:
        label = state.status.capitalize()
    if info.saved:
        label = "★ Saved" + (f" · {label}" if label else "")
    head = (f'<span style="color:#1f9e4a">{html.escape(label)}</span> &nbsp;' if label else "")
    return (f'<div style="margin-top:8px; font-size:9pt">{head}'
            f'<span style="color:#a0a0a0">{html.escape(KEY_HINT)}</span></div>')


def _entry_html(
    entry: Entry, colored: bool, show_pinyin: bool, show_head: bool, here: bool = False,
    dark: bool = False,
) -> str:
    head = ""
    if show_head:
        chars = html.escape(entry.simplified)
        if entry.traditional != entry.simplified:
            chars += f' <span style="color:#888">/ {html.escape(entry.traditional)}</span>'
        head = f'<span style="font-size:15pt">{chars}</span> '
    reading = ""
    if show_pinyin:
        reading = pinyin_html(entry.pinyin.split(), colored, entry.pinyin_numbered.split(),
                              dark=dark)
        reading = f'<span style="font-size:12pt">{reading}</span>'
    senses = list(entry.senses[:MAX_SENSES])
    more = len(entry.senses) - len(senses)
    if len(senses) > 1:
        body = " ".join(
            f'<span style="color:#999">{n}</span>&nbsp;{html.escape(s)}'
            for n, s in enumerate(senses, 1)
        )
    else:
        body = html.escape(senses[0]) if senses else ""
    if more > 0:
        body += f' <span style="color:#999">(+{more})</span>'
    extra = ""
    if entry.classifiers:
        extra = (
            '<br><span style="color:#888; font-size:10pt">CL: '
            + html.escape(", ".join(entry.classifiers))
            + "</span>"
        )
    proper = ' <span style="color:#b06000; font-size:9pt">name</span>' if entry.proper else ""
    lead = head + reading + proper
    # The entry read as the word is read here sits under the reading line, marked so.
    style = (
        f"margin-top:2px; background-color:{HERE_DARK if dark else HERE_LIGHT}; "
        "border-left:3px solid #5b8def"
        if here
        else "margin-top:6px"
    )
    # Qt's rich text draws no borders: a bar in the reading's colour marks the entry instead.
    bar = '<span style="color:#5b8def">▎</span>' if here else ""
    return (
        f'<div style="{style}">{lead}{"<br>" if lead else ""}'
        f'{bar}<span style="font-size:11pt">{body}</span>{extra}</div>'
    )


def build_popup_html(info: WordInfo, colored: bool = True, show_pinyin: bool = True,
                     dark: bool = False) -> str:
    """Rich text for the popup; pure, so tests can read it without a window.

    `dark`: the dark theme's popup, on which tone colours and the entry read as here are
    lightened or darkened to stay readable.
    """
    out: list[str] = []
    title = html.escape(info.word)
    other = info.traditional if info.word == info.simplified else info.simplified
    if other and other != info.word:
        title += f' <span style="color:#8a8a8a; font-size:16pt">{html.escape(other)}</span>'
    out.append(f'<div><span style="font-size:24pt">{title}</span></div>')
    if info.note:
        out.append(f'<div style="color:#8a8a8a; font-size:9pt">{html.escape(info.note)}</div>')
    if show_pinyin and any(info.pinyin):
        out.append(
            f'<div style="font-size:15pt">{pinyin_html(info.pinyin, colored, dark=dark)}</div>'
        )
    if info.level is not None:
        out.append('<div style="margin-top:2px; color:#8a8a8a; font-size:10pt">'
                   f"{html.escape(level_summary(info.level))}</div>")
    if info.entity is not None:
        label = ENTITY_TYPE_NAMES.get(info.entity.type, info.entity.type).capitalize()
        tag = html.escape(label)
        if info.entity.english:
            tag += " · " + html.escape(info.entity.english)
        out.append(
            '<div style="margin-top:4px"><span style="background-color:#fff1c7;'
            f' color:#7a5200; font-size:10pt">&nbsp;{tag}&nbsp;</span></div>'
        )
    entries = info.entries  # ordered by app.core.language.lookup: read as here first
    forms = {(e.simplified, e.traditional) for e in entries}
    for n, entry in enumerate(entries[:MAX_ENTRIES]):
        # The first entry read as here is the reading line's own: tied to it, not repeated.
        here = n == 0 and reads_as(entry, info.citation or info.pinyin)
        # Forms are shown where the entries differ in them (了解 / 瞭解) and on a mere
        # "variant of ..." entry, which is otherwise a sense without a word.
        head = len(forms) > 1 or _is_pointer(entry)
        out.append(_entry_html(entry, colored, show_pinyin and not here, head, here, dark))
    if len(entries) > MAX_ENTRIES:
        out.append(f'<div style="color:#999">+{len(entries) - MAX_ENTRIES} more entries</div>')
    if not entries:
        shown_parts = [(p, e) for p, e in info.parts if e][:MAX_PARTS]
        if shown_parts:
            out.append('<div style="margin-top:6px; color:#888; font-size:10pt">'
                       "Not in the dictionary as one word; its parts:</div>")
            for _part, part_entries in shown_parts:  # each part's likeliest meaning first
                out.append(_entry_html(part_entries[0], colored, show_pinyin, show_head=True,
                                       dark=dark))
        elif info.gloss:
            out.append(f'<div style="margin-top:6px; font-size:11pt">{html.escape(info.gloss)}'
                       "</div>")
        else:
            out.append('<div style="margin-top:6px; color:#888">No dictionary entry.</div>')
    shorter = [(text, entries) for text, entries in info.shorter if entries][:MAX_PARTS]
    if shorter:
        out.append('<div style="margin-top:6px; color:#888; font-size:10pt">Shorter matches:</div>')
        for _text, part_entries in shorter:
            out.append(_entry_html(part_entries[0], colored, show_pinyin, show_head=True,
                                   dark=dark))
    out.append(_state_html(info))
    if show_pinyin and any(ch in "一不" for ch in info.word):
        legend = (
            "一/不: spoken tones (yí/yì, bú before another syllable)"
            if info.spoken_tones
            else "一/不: dictionary tones yī, bù (View → Spoken tones for 一 and 不)"
        )
        out.append(f'<div style="color:#a0a0a0; font-size:9pt">{html.escape(legend)}</div>')
    return "".join(out)


def _is_pointer(entry: Entry) -> bool:
    from app.core.language.cedict import usefulness

    return usefulness(entry) in (2, 3)


def html_to_plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


class WordPopup(QFrame):
    """A tooltip-like window that never takes focus and sits beside the word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("wordPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._label = QLabel(self)
        self._label.setObjectName("wordPopupText")
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._label.setMaximumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self._label)
        self._info: WordInfo | None = None

    @property
    def info(self) -> WordInfo | None:
        return self._info if self.isVisible() else None

    def plain_text(self) -> str:
        return html_to_plain(self._label.text())

    def show_word(self, info: WordInfo, anchor: QRect, colored: bool = True,
                  show_pinyin: bool = True, dark: bool = False) -> None:
        """Show `info` beside `anchor` (the word's rectangle in global coordinates)."""
        self._info = info
        rich = build_popup_html(info, colored, show_pinyin, dark)
        if rich != self._label.text():  # re-anchoring on scroll: same text, no new layout
            self._label.setText(rich)
            self._label.setMinimumWidth(min(440, max(220, self._label.sizeHint().width())))
            self.adjustSize()
        self.move(self._place(anchor))
        self.show()
        self.raise_()

    def _place(self, anchor: QRect) -> QPoint:
        size = self.sizeHint()
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        bounds = screen.availableGeometry() if screen else QRect(0, 0, 10_000, 10_000)
        host = self.parentWidget()
        if host is not None:
            # Offscreen screens can be smaller than the window; the window is a fine bound too.
            top_left = host.window().mapToGlobal(QPoint(0, 0))
            bounds = bounds.united(QRect(top_left, host.window().size()))
        x = max(bounds.left(), min(anchor.left(), bounds.right() - size.width()))
        below = anchor.bottom() + GAP
        if below + size.height() <= bounds.bottom():
            return QPoint(x, below)
        above = anchor.top() - GAP - size.height()
        if above >= bounds.top():
            return QPoint(x, above)
        # Neither fits: beside the word, on whichever side has room, never over it.
        right = anchor.right() + GAP
        y = max(bounds.top(), min(anchor.top(), bounds.bottom() - size.height()))
        if right + size.width() <= bounds.right():
            return QPoint(right, y)
        return QPoint(anchor.left() - GAP - size.width(), y)

    def hide_popup(self) -> None:
        self._info = None
        self.hide()
