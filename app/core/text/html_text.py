"""Saved web pages to plain article text, with the standard library's tolerant parser.

Nothing in the page is fetched or executed: scripts, styles, embedded objects and
comments are dropped unread, and entities such as `&lt;b&gt;` become the literal
characters they stand for (never markup again). Pages that mark their story with
<article> or <main> are reduced to that part, which leaves menus and footers behind.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from app.core.text.chars import CJK_TEXT_CLASS

# Whose content never belongs to the article (and may be code or a whole other page).
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
        "math", "canvas", "head", "nav", "aside", "form", "button", "select", "textarea",
        "audio", "video", "map",
    }
)  # fmt: skip
# Elements that start a new line of text.
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "tr", "table", "section", "article", "main", "header", "footer", "blockquote",
        "pre", "hr", "figure", "figcaption", "address", "details", "summary", "body", "html",
        "caption", "center", "fieldset", "legend",
    }
)  # fmt: skip
_HEAD_ONLY = frozenset({"meta", "link", "base", "style", "script", "noscript", "template", "title"})
_CELLS = frozenset({"td", "th"})
# Elements without an end tag: they must not open a skipped region.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "param"}
)  # fmt: skip
# A line break inside the HTML source before a Chinese character is not a space when
# it follows Chinese text or punctuation (many sites write Chinese with ASCII commas).
_WRAP_BETWEEN_CJK = re.compile(
    rf"(?<=[{CJK_TEXT_CLASS},;:!?)])[ \t\r\f]*\n\s*(?=[{CJK_TEXT_CLASS}])")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
# What the parser still holds at the end when a comment, declaration or tag never ended.
_UNFINISHED_MARKUP = re.compile(r"<[!?/a-zA-Z]")
_SUBSET_END = re.compile(r"\]\s*>")


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.h1: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []
        self._h1_depth = 0
        self._h1_parts: list[str] = []
        self._skip_stack: list[str] = []
        self._article_depth = 0
        self._main_depth = 0
        self._pre_depth = 0
        # (text, inside <article>, inside <main>) pieces; "\n" marks a block edge.
        self.pieces: list[tuple[str, bool, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self._in_title = True
            return
        if self._skip_stack == ["head"] and tag not in _HEAD_ONLY:
            self._skip_stack.clear()  # </head> is optional: body content ends the head
        if tag in _SKIPPED and tag not in _VOID:
            self._skip_stack.append(tag)
            return
        if self._skip_stack:
            return
        if tag == "article":
            self._article_depth += 1
        elif tag == "main":
            self._main_depth += 1
        elif tag == "pre":
            self._pre_depth += 1
        elif tag == "h1":
            self._h1_depth += 1
        if tag in _BLOCKS:
            self._push("\n")
        elif tag in _CELLS:
            self._push(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip_stack and (tag in _BLOCKS):
            self._push("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = _collapse(" ".join(self._title_parts)) or None
            return
        if self._skip_stack:
            if tag in self._skip_stack:
                # Close the innermost matching element (tolerates missing end tags).
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCKS:
            self._push("\n")
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "main" and self._main_depth:
            self._main_depth -= 1
        elif tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        elif tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            if self.h1 is None:
                self.h1 = _collapse(" ".join(self._h1_parts)) or None

    def parse_html_declaration(self, i: int) -> int:
        """An XML DOCTYPE with an internal subset (`<!DOCTYPE x [<!ENTITY …>]>`) ends at its
        `]>`, not at the first `>`: its entity definitions are no text (the title was "]>")."""
        rawdata = self.rawdata
        if rawdata[i : i + 9].lower() == "<!doctype":
            gt, bracket = rawdata.find(">", i), rawdata.find("[", i)
            if bracket != -1 and (gt == -1 or bracket < gt):
                end = _SUBSET_END.search(rawdata, bracket)
                return end.end() if end else -1
        return super().parse_html_declaration(i)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Python 3.11's parser asserts on a broken `<![` (e.g. `<![A`): skip those 3 chars."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_data(self, data: str) -> None:
        if self._in_title:
            # A <script> inside <title> (browsers would show it as text, the parser
            # opens it): its code is not part of the title either.
            if all(tag == "head" for tag in self._skip_stack):
                self._title_parts.append(data)
            return
        if self._skip_stack:
            return
        if self._pre_depth:
            self._push(data.replace("\r\n", "\n"))
            return
        text = _SPACES.sub(" ", _WRAP_BETWEEN_CJK.sub("", data).replace("\n", " "))
        if self._h1_depth:
            self._h1_parts.append(text)
        self._push(text)

    def _push(self, text: str) -> None:
        self.pieces.append((text, self._article_depth > 0, self._main_depth > 0))

    def close(self) -> None:
        # Markup left unfinished at the end of the page ("<!-- never closed", "<div"): the
        # parser would hand it over as text; a browser hides it, and so do we.
        if _UNFINISHED_MARKUP.match(self.rawdata):
            self.rawdata = ""
        super().close()


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _has_text(pieces: list[tuple[str, bool, bool]], index: int) -> bool:
    return any(piece[index] and piece[0].strip() for piece in pieces)


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return (title or None, article text with one block per line)."""
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    pieces = parser.pieces
    if _has_text(pieces, 1):
        pieces = [p for p in pieces if p[1]]
    elif _has_text(pieces, 2):
        pieces = [p for p in pieces if p[2]]
    raw = "".join(p[0] for p in pieces)
    lines = [line.strip() for line in raw.split("\n")]
    text = "\n".join(line for line in lines if line)
    title = parser.title or parser.h1
    return title, text
