"""Finding a string in an article, whatever script either is written in.

Both the text and the query are compared in simplified script (the conversion keeps
lengths, so offsets are the text's own), and Latin letters without regard to case:
searching 发布 finds 發布, and 發布 finds 发布.
"""

from __future__ import annotations

import re

from app.core.text.script import to_simplified


def find_all(text: str, query: str, simplified_text: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every non-overlapping occurrence of `query` in `text`, in order.

    `simplified_text` is `to_simplified(text)` when the caller already has it (a long
    article converts once, not once per keystroke).
    """
    query = query.strip()
    if not query or not text:
        return []
    haystack = simplified_text if simplified_text is not None else to_simplified(text)
    if len(haystack) != len(text):  # never expected: the conversion keeps lengths
        haystack = text
    pattern = re.compile(re.escape(to_simplified(query)), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(haystack)]
