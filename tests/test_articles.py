"""Opening files and the built-in library: good articles load, bad input says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.errors import UserError
from app.core.text import articles
from app.core.text.articles import (
    MAX_ARTICLE_CHARS,
    article_from_bytes,
    builtin_articles,
    find_builtin,
    load_article,
    read_text,
)
from app.core.text.script import detect_script

ARTICLES = Path(__file__).resolve().parents[1] / "resources" / "articles"


def test_library_lists_the_five_articles_in_order() -> None:
    listed = json.loads((ARTICLES / "library.json").read_text(encoding="utf-8"))["articles"]
    items = builtin_articles()
    assert [item.slug for item in items] == [entry["slug"] for entry in listed]
    assert len(items) == 5
    for item in items:
        assert item.path.is_file()
        assert item.title.strip()
        assert item.script == detect_script(item.path.read_text(encoding="utf-8"))


def test_library_titles_are_in_the_articles_own_script() -> None:
    for item in builtin_articles():
        assert detect_script(item.title) == item.script


def test_find_builtin_by_slug_file_and_title() -> None:
    item = builtin_articles()[2]
    assert find_builtin(item.slug) == item
    assert find_builtin(item.path.name) == item
    assert find_builtin(item.title) == item
    assert find_builtin("no-such-article") is None
    assert find_builtin("") is None


def test_builtin_article_loads_cleaned_with_library_title() -> None:
    item = find_builtin("openai-departures-after-sutskever")
    assert item is not None
    article = load_article(item.path)
    assert article.title == item.title
    assert article.script == "simplified"
    assert "微信扫一扫" not in article.text
    assert article.path == str(item.path)


def test_no_clean_keeps_the_text_as_decoded() -> None:
    item = find_builtin("yi-tay-returns-to-google")
    assert item is not None
    raw = item.path.read_text(encoding="utf-8")
    assert load_article(item.path, clean=False).text == raw
    assert read_text(item.path) == raw


def test_title_from_a_headline_first_line(tmp_path: Path) -> None:
    source = (ARTICLES / "meta-alexandr-wang-lecun-review.txt").read_text(encoding="utf-8")
    copy = tmp_path / "wang.txt"
    copy.write_text(source, encoding="utf-8")
    article = load_article(copy)
    assert article.title == source.splitlines()[1]
    assert article.script == "traditional"


def test_title_falls_back_to_opening_words(tmp_path: Path) -> None:
    source = (ARTICLES / "xai-greg-yang-steps-back.txt").read_text(encoding="utf-8")
    copy = tmp_path / "xai.txt"
    copy.write_text(source, encoding="utf-8")
    title = load_article(copy).title
    assert title.endswith("…")
    assert source.startswith(title[:-1])
    assert len(title) <= 21


def test_html_file_uses_its_title_and_drops_markup(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>杨格退居二线</title><script>x()</script></head>"
        "<body><p>杨格是知名的数学家和AI研究员。</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert article.title == "杨格退居二线"
    assert article.text == "杨格是知名的数学家和AI研究员。"


def test_html_is_recognised_by_content_without_extension() -> None:
    data = "<!DOCTYPE html><title>標題</title><p>我很高興能回來。</p>".encode("big5")
    article = article_from_bytes(data, "-")
    assert (article.title, article.text, article.script) == (
        "標題",
        "我很高興能回來。",
        "traditional",
    )
    assert article.path is None


def test_text_with_a_stray_tag_is_not_treated_as_html() -> None:
    line = "“由于工作強度和不健康的生活方式,我已經胖了 15 公斤?!?/p>\n本周一,Yi Tay 官宣回到谷歌。"
    article = article_from_bytes(line.encode("utf-8"), "stray.txt")
    assert "本周一,Yi Tay 官宣回到谷歌。" in article.text
    assert "/p>" not in article.text


def test_stdin_bytes_in_gbk() -> None:
    article = article_from_bytes("杨格是知名的数学家。\n他毕业于哈佛大学。".encode("gbk"), "-")
    assert article.text == "杨格是知名的数学家。\n他毕业于哈佛大学。"
    assert article.title


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_text(tmp_path / "missing.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="folder"):
        load_article(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_or_blank_file(tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    with pytest.raises(UserError, match="empty"):
        load_article(empty)


def test_empty_stdin() -> None:
    with pytest.raises(UserError, match="standard input is empty"):
        article_from_bytes(b"", "-")


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(UserError, match="PNG"):
        load_article(binary)
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UserError, match="binary"):
        read_text(blob)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("你好。", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(UserError, match="permission"):
        read_text(locked)


def test_too_many_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "MAX_ARTICLE_CHARS", 10)
    big = tmp_path / "big.txt"
    big.write_text("我很高興能回來。" * 3, encoding="utf-8")
    with pytest.raises(UserError, match="characters"):
        read_text(big)
    assert MAX_ARTICLE_CHARS == 2_000_000


def test_too_many_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 16)
    big = tmp_path / "big.txt"
    big.write_text("我很高興能回來。" * 3, encoding="utf-8")
    with pytest.raises(UserError, match="MiB"):
        read_text(big)
    with pytest.raises(UserError, match="MiB"):
        article_from_bytes(big.read_bytes(), "-")


def test_user_errors_are_one_line(tmp_path: Path) -> None:
    for bad in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(UserError) as info:
            read_text(bad)
        assert "\n" not in str(info.value)
