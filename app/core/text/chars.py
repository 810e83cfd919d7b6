"""What counts as a Chinese (Han) character, in one place for every module."""

from __future__ import annotations

import re

# CJK Extension A, the URO, compatibility ideographs, Extensions B-H, and 〇 (líng, zero).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3007"
HAN_RE = re.compile(f"[{HAN_CLASS}]")


def has_han(text: str) -> bool:
    return HAN_RE.search(text) is not None


def is_han(char: str) -> bool:
    return len(char) == 1 and HAN_RE.match(char) is not None
