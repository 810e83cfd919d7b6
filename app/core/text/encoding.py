"""Turning the bytes of a Chinese article into text without producing mojibake.

Chinese files in the wild are UTF-8, UTF-16 (Windows Notepad), GB18030/GBK (mainland)
or Big5 (Taiwan, Hong Kong). Legacy encodings overlap so much that a Big5 file usually
*decodes* as GBK without an error, into nonsense. So every plausible decoding is
scored by how much it looks like real Chinese (share of common characters, penalties
for replacement/control/private-use characters), and the best one wins — or, when
none is convincing, the user is told instead of being shown garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from app.core.errors import UserError
from app.core.text.chars import HAN_RE

# Files that are certainly not text, recognised by their first bytes: a clearer
# message than "binary data" when someone opens a PDF or a Word document.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/EPUB document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Office document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_LEGACY = ("gb18030", "cp950", "big5hkscs")
_SAMPLE_BYTES = 256 * 1024  # scoring a prefix is enough to pick the encoding
_MIN_SCORE = 0.35  # below this, no decoding looks like text a person wrote
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Lead bytes of 3-byte UTF-8 (all of CJK) as Latin-1/cp1252 show them: "ä¸­æ–‡" is 中文.
_UTF8_AS_LATIN = re.compile(r"[\u00e3-\u00e9][\u0080-\u00bf\u0152-\u2122]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT_RUN = re.compile("\ufffd+")


def replace_lone_surrogates(text: str) -> str:
    """U+FFFD for each unpaired surrogate (from surrogateescape), which no encoder accepts.

    Same length as `text`, so offsets computed on either agree.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def decode_bytes(data: bytes) -> str:
    """Decode an article's bytes; raise UserError for binary or undecodable data."""
    if not data:
        return ""
    _reject_known_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"))
        except UnicodeDecodeError:
            pass  # a stray BOM in front of something else: fall through to scoring
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            # A file cut mid-character (or with a stray unit) is still that encoding.
            text, bad = decode_counting(data[len(bom) :], encoding)
            if not _too_many_bad(bad, text):
                return _checked(text)
            break
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return _checked(_undo_utf8_read_as_latin(text))
    return _checked(_best_decoding(data))


def _undo_utf8_read_as_latin(text: str) -> str:
    """Repair Chinese that an earlier tool decoded as Latin-1/cp1252 and saved again.

    Web pages copied through such a tool arrive as valid UTF-8 that spells "ä¸­æ–‡"
    instead of 中文. Showing that would be silent mojibake; the original bytes are
    still there, so decode them again, or say the text cannot be recovered.
    """
    if HAN_RE.search(text) or len(_UTF8_AS_LATIN.findall(text[:_SAMPLE_BYTES])) < 2:
        return text
    raw = bytearray()
    for ch in text:
        if ord(ch) < 0x100:
            raw.append(ord(ch))
            continue
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ch != "\ufffd":
                return text  # a character no Latin decoding produces: real text, keep it
            raw += b"\xff"  # a byte cp1252 could not show is lost: never guess it
    repaired = bytes(raw).decode("utf-8", errors="replace")
    han = len(HAN_RE.findall(repaired))
    lost = repaired.count("\ufffd")
    if han < 2 or chinese_score(repaired.replace("\ufffd", "")) < _MIN_SCORE:
        return text
    if lost > max(3, len(repaired) // 1000):
        raise UserError(
            "this file's Chinese was garbled by an earlier wrong decoding (UTF-8 read as "
            f"Western European; {lost} characters are lost); copy or save the original "
            "page again as UTF-8"
        )
    return repaired.replace("\ufffd", "")


def _reject_known_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UserError(f"this is {what}, not a text file; save the article as .txt or .html")


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: it was binary data after all."""
    sample = text[:_SAMPLE_BYTES]
    controls = sum(
        1
        for ch in sample
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs")
    )
    if sample and (controls > 8 and controls / len(sample) > 0.01):
        raise UserError("this looks like a binary file, not text (too many control characters)")
    return text


def _utf16_candidates(data: bytes) -> list[str]:
    """UTF-16 without a BOM (some Windows tools): only scoring can tell it apart.

    An odd length is still a candidate: a file cut mid-character loses one byte, and the
    scoring counts that byte as undecodable like any other.
    """
    too_short = len(data) < (4 if b"\x00" in data else 8)  # "café" is not two hanzi
    if too_short:
        return []
    return ["utf-16-le", "utf-16-be"]


def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """The text with undecodable bytes left out, and in how many places they were.

    A U+FFFD that the file itself contains is a character like any other: it is kept,
    and never counted as a decoding error (nor removed along with the real errors). One
    stray byte that also breaks the character it landed in is one place, not three.
    """
    kept = data.decode(encoding, errors="ignore")
    marked = data.decode(encoding, errors="replace")  # U+FFFD for each undecodable piece
    if len(marked) == len(kept):
        return kept, 0
    return kept, len(_REPLACEMENT_RUN.findall(marked)) - len(_REPLACEMENT_RUN.findall(kept))


def _too_many_bad(bad: int, text: str) -> bool:
    return bad > max(3, len(text) // 1000)


def _best_decoding(data: bytes) -> str:
    utf16 = _utf16_candidates(data)
    if b"\x00" in data and not utf16:
        raise UserError("this looks like a binary file, not text (it contains NUL bytes)")
    # UTF-8 first: a valid UTF-8 file cut mid-character, or with a stray byte, is still
    # UTF-8 (and its few U+FFFD keep a legacy misreading from scoring higher).
    candidates = utf16 if b"\x00" in data else ["utf-8", *_LEGACY, *utf16]
    truncated = len(data) > _SAMPLE_BYTES
    scored: list[tuple[float, int, str]] = []
    for rank, encoding in enumerate(candidates):
        if encoding.startswith("utf-16"):
            sample = data[: _SAMPLE_BYTES & ~1] if truncated else data
        else:
            sample = _cut_at_line(data[:_SAMPLE_BYTES], truncated)
        decoded, bad = decode_counting(sample, encoding)
        scored.append((chinese_score(decoded, bad), -rank, encoding))
    score, _, encoding = max(scored)
    if score < _MIN_SCORE:
        if b"\x00" in data:
            raise UserError("this looks like a binary file, not text (it contains NUL bytes)")
        raise UserError(
            "could not tell this file's text encoding (tried UTF-8, UTF-16, GB18030 and "
            "Big5); save it as UTF-8 and try again"
        )
    text, bad = decode_counting(data, encoding)
    if _too_many_bad(bad, text):
        raise UserError(
            f"this file is not valid {encoding.upper()} ({bad} undecodable bytes); "
            "save it as UTF-8 and try again"
        )
    return text


def _cut_at_line(sample: bytes, truncated: bool) -> bytes:
    """Don't score half a character at the end of a sample."""
    if not truncated:
        return sample
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


@cache
def _common_hanzi() -> frozenset[str]:
    """The most used characters of both scripts: GB2312 level 1 and Big5 level 1.

    Both character sets are ordered by frequency, so their first levels are a
    frequency list that ships with Python itself.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: 3755 common simplified characters
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for lead in range(0xA4, 0xC7):  # Big5 level 1: 5401 common traditional characters
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def chinese_score(text: str, undecodable: int = 0) -> float:
    """Roughly -1..1: how much `text` reads like real (Chinese or plain ASCII) writing.

    `undecodable` places (bytes the decoding had to leave out) weigh heavily against it;
    a U+FFFD the text itself contains is neutral: it is a character the writer kept.
    """
    if not text and not undecodable:
        return 0.0
    common = _common_hanzi()
    total = -5.0 * undecodable
    counted = undecodable
    rare_hanzi = 0
    for ch in text:
        code = ord(ch)
        if ch in _ALLOWED_CONTROLS or ch == " " or ch == "\ufffd":
            continue
        counted += 1
        if ch in common:
            total += 1.0
        elif code < 0x80:
            total += 0.6 if ch.isprintable() else -5.0
        elif 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027:
            total += 0.8  # CJK and fullwidth punctuation, dashes, quotes, ellipsis
        elif 0x3400 <= code <= 0x9FFF or 0x20000 <= code <= 0x3FFFF:
            total += 0.1  # a real but rare character: neutral-ish
            rare_hanzi += 1
        elif unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn"):
            total -= 3.0
        else:
            total -= 1.0  # Hangul, Latin-1 symbols, box drawing: typical of mojibake
    if not counted:
        return 0.0
    score = total / counted
    common_hanzi = sum(1 for ch in text if ch in common)
    if rare_hanzi > common_hanzi:
        # Real writing uses common characters; mojibake scatters over rare ones.
        score = min(score, 0.0)
    return score
