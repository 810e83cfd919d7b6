"""Files saved in any common Chinese encoding open as the text that was written."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.text.encoding import decode_bytes

ARTICLES = Path(__file__).resolve().parents[1] / "resources" / "articles"


def _line(name: str, index: int) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8").splitlines()[index]


SIMPLIFIED = _line("xai-greg-yang-steps-back.txt", 3)  # 杨格毕业于哈佛大学…
TRADITIONAL = _line("yi-tay-returns-to-google.txt", 5)  # 我將回到谷歌 DeepMind…


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL])
def test_unicode_encodings_round_trip(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_mainland_encodings_round_trip(encoding: str) -> None:
    assert decode_bytes(SIMPLIFIED.encode(encoding)) == SIMPLIFIED


@pytest.mark.parametrize("encoding", ["big5", "cp950"])
def test_big5_is_not_read_as_gbk_mojibake(encoding: str) -> None:
    data = TRADITIONAL.encode(encoding)
    # The trap: as GB18030 these bytes decode without complaint, into nonsense.
    assert data.decode("gb18030", errors="replace") != TRADITIONAL
    assert decode_bytes(data) == TRADITIONAL


def test_gbk_is_not_read_as_big5() -> None:
    assert decode_bytes(SIMPLIFIED.encode("gbk")) == SIMPLIFIED
    traditional_in_gbk = TRADITIONAL.encode("gbk")
    assert decode_bytes(traditional_in_gbk) == TRADITIONAL


def test_whole_article_in_gb18030() -> None:
    text = (ARTICLES / "openai-departures-after-sutskever.txt").read_text(encoding="utf-8")
    assert decode_bytes(text.encode("gb18030")) == text


def test_short_utf16_without_bom_or_ascii() -> None:
    assert decode_bytes("中文很好".encode("utf-16-le")) == "中文很好"


def test_bom_is_not_part_of_the_text() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "你好".encode()) == "你好"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00\x01\x02\x03binary\x00\x00\x00" * 20,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(UserError):
        decode_bytes(data)


def test_undecodable_latin1_is_refused_rather_than_garbled() -> None:
    with pytest.raises(UserError, match="encoding"):
        decode_bytes("naïve café résumé".encode("latin-1"))
