"""The article's right-click actions that fix a word boundary once, for every article.

Each action is one change to `WordCorrections` (core); the window saves it and analyses
the open article again. The actions offered depend on where the menu was opened:

- on a selection of Chinese text: "Make this selection one word";
- on a word followed by another: "Join with next word";
- inside a word of two or more characters: "Split here" (before the character under the
  mouse) and, when the piece from there on plus the next word is a dictionary word,
  "Cut as 创 | 新高" (jieba's 创新/高 becomes 创/新高).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMenu

from app.core.text.chars import has_han
from app.core.types import Token
from app.core.user.word_corrections import MAX_WORD_CHARS, WordCorrections
from app.ui.models import menu_text

Change = Callable[[WordCorrections], object]


@dataclass(frozen=True)
class BoundaryFix:
    """One offered action: its menu label, the change, and what the status bar says."""

    label: str
    change: Change
    message: str
    name: str  # objectName of the action, for tests and accessibility


def _chinese(token: Token) -> bool:
    return has_han(token.text)


def _add_word(word: str) -> Change:
    return lambda corrections: corrections.add_word(word)


def _split(word: str, parts: tuple[str, str]) -> Change:
    return lambda corrections: corrections.split(word, parts)


def boundary_fixes(text: str, tokens: tuple[Token, ...], index: int, offset: int | None,
                   selection: tuple[int, int] | None,
                   is_headword: Callable[[str], bool]) -> list[BoundaryFix]:
    """The fixes that make sense for a menu opened on token `index` at character `offset`."""
    fixes: list[BoundaryFix] = []
    undo = " (View → Word corrections… to undo)"
    if selection is not None:
        start, end = selection
        picked = text[start:end]
        if 2 <= len(picked) <= MAX_WORD_CHARS and has_han(picked) and not any(
                ch.isspace() for ch in picked):
            fixes.append(BoundaryFix(
                f"Make “{picked}” one word", _add_word(picked),
                f"“{picked}” is now one word in every article{undo}", "makeOneWordAction"))
    if not 0 <= index < len(tokens) or not _chinese(tokens[index]):
        return fixes
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and _chinese(following) and following.start == token.end:
        joined = token.text + following.text
        if len(joined) <= MAX_WORD_CHARS:
            fixes.append(BoundaryFix(
                f"Join “{token.text}” with next word “{following.text}”",
                _add_word(joined),
                f"“{joined}” is now one word in every article{undo}", "joinNextAction"))
    if offset is not None and token.start < offset < token.end:
        cut = offset - token.start
        head, tail = token.text[:cut], token.text[cut:]
        fixes.append(BoundaryFix(
            f"Split here: {head} | {tail}",
            _split(token.text, (head, tail)),
            f"“{token.text}” is now cut as {head} | {tail} in every article{undo}",
            "splitHereAction"))
        if following is not None and _chinese(following) and following.start == token.end \
                and is_headword(tail + following.text):
            whole = token.text + following.text
            moved = tail + following.text
            fixes.append(BoundaryFix(
                f"Cut as {head} | {moved}",
                _split(whole, (head, moved)),
                f"“{whole}” is now cut as {head} | {moved} in every article{undo}",
                "moveBoundaryAction"))
    return fixes


def add_fix_actions(menu: QMenu, fixes: list[BoundaryFix],
                    apply: Callable[[Change, str], None]) -> None:
    """Put `fixes` into `menu`; choosing one calls `apply(change, message)`."""
    if not fixes:
        return
    menu.addSeparator()
    for fix in fixes:
        action = menu.addAction(menu_text(fix.label))  # article text: "&" is no shortcut
        action.setObjectName(fix.name)
        action.triggered.connect(
            lambda _checked=False, f=fix: apply(f.change, f.message))
