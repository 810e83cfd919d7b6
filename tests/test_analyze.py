"""`zhreader analyze`: the headless face of the reader core, checked as a tool would use it."""

from __future__ import annotations

import json

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.text.chars import has_han
from tests.conftest import ARTICLES
from tests.test_cli import run_cli

BUILTIN = sorted(p.name for p in ARTICLES.glob("*.txt"))


@pytest.fixture(scope="module")
def analyses():
    return {name: default_analyzer().analyze_path(ARTICLES / name) for name in BUILTIN}


@pytest.mark.parametrize("name", BUILTIN)
def test_tokens_cover_the_shown_text_exactly(analyses, name):
    analysis = analyses[name]
    position = 0
    for token in analysis.tokens:
        assert token.start == position
        assert analysis.text[token.start : token.end] == token.text
        assert len(token.pinyin) == len(token.text)
        position = token.end
    assert position == len(analysis.text)


@pytest.mark.parametrize("name", BUILTIN)
def test_every_chinese_token_has_pinyin_and_a_gloss(analyses, name):

    dictionary = default_analyzer().dictionary
    for token in analyses[name].tokens:
        if has_han(token.text):
            for char, syllable in zip(token.text, token.pinyin, strict=True):
                assert bool(syllable) == has_han(char), token.text
            if not token.gloss:
                # Only a character CC-CEDICT has never heard of may go without a gloss
                # (what is left of unrepairable encoding damage).
                assert not any(dictionary.lookup(c) for c in token.text), token.text
                continue
            assert token.source in ("word", "parts")


@pytest.mark.parametrize("name", BUILTIN)
def test_most_chinese_tokens_are_glossed_as_whole_words(analyses, name):
    chinese = [t for t in analyses[name].tokens if has_han(t.text)]
    whole = sum(t.source == "word" for t in chinese)
    assert whole / len(chinese) >= 0.96


def test_cleaned_articles_show_no_junk(analyses):
    texts = "\n".join(a.text for a in analyses.values())
    for junk in ("{{likeNum}}", "?/p>", "</span>", "(fā)", "微信扫一扫", "扫码进群", "(xué)"):
        assert junk not in texts


def test_contextual_pinyin_in_a_document():
    analysis = default_analyzer().analyze_document("我去银行取钱，然后我们一起长大了。",
                                                   clean=False)
    readings = {t.text: t.pinyin for t in analysis.tokens}
    assert readings["银行"] == ("yín", "háng")
    assert readings["长大"] == ("zhǎng", "dà")


def test_traditional_text_keeps_its_script_and_segments_like_simplified():
    analysis = default_analyzer().analyze_document("他在銀行工作，覺得很累。", clean=False)
    words = [t.text for t in analysis.tokens]
    assert "銀行" in words
    assert analysis.script == "traditional"
    assert analysis.text == "他在銀行工作，覺得很累。"
    assert dict((t.text, t.pinyin) for t in analysis.tokens)["覺得"] == ("jué", "de")


def test_analyze_command_prints_the_documented_schema():
    result = run_cli("analyze", str(ARTICLES / "xai-greg-yang-steps-back.txt"))
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert set(data) == {"title", "script", "text", "tokens", "entities"}
    assert data["script"] == "simplified"
    token = next(t for t in data["tokens"] if t["text"] == "研究员")
    assert set(token) == {"start", "end", "text", "pinyin", "gloss", "source"}
    assert token["pinyin"] == ["yán", "jiū", "yuán"]
    assert "researcher" in token["gloss"]
    entity = data["entities"][0]
    assert set(entity) == {"text", "type", "count", "english", "aliases", "spans"}


def test_analyze_lines_gives_one_json_document_per_line():
    result = run_cli("analyze", "--lines", "--no-clean", "-", stdin="银行\n\n長大了\n".encode())
    assert result.returncode == 0, result.stderr.decode()
    docs = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [d["text"] for d in docs] == ["银行", "", "長大了"]
    assert docs[2]["script"] == "traditional"


def test_lookup_prints_every_reading_of_a_polyphone():
    result = run_cli("lookup", "行", "--json")
    data = json.loads(result.stdout)
    readings = {e["pinyin"] for e in data["entries"]}
    assert {"háng", "xíng"} <= readings


def test_lookup_of_an_unknown_compound_falls_back_to_its_parts():
    result = run_cli("lookup", "日常事务", "--json")
    data = json.loads(result.stdout)
    if data["entries"]:
        pytest.skip("the dictionary learned this compound")
    parts = [p["text"] for p in data["parts"]]
    assert "".join(parts) == "日常事务"
    assert all(p["entries"] for p in data["parts"])


def test_lines_mode_does_not_fill_the_analysis_cache(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    cache = tmp_path / "cache"
    env = dict(os.environ, ZHREADER_CACHE_DIR=str(cache))
    lines = "".join(f"第{i}行文字。\n" for i in range(5)).encode()
    result = subprocess.run(
        [sys.executable, "-m", "app", "analyze", "--lines", "-"], input=lines, env=env,
        cwd=REPO, capture_output=True, check=False, timeout=120,
    )
    assert result.returncode == 0
    assert len(result.stdout.decode().splitlines()) == 5
    assert not list(cache.glob("analyses/*.json"))


def test_lines_from_a_file_split_like_lines_from_stdin(tmp_path):
    text = "第一行\u2028仍是第一行\n第二行\n"
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    from_file = run_cli("analyze", "--lines", "--no-clean", str(path))
    from_stdin = run_cli("analyze", "--lines", "--no-clean", "-", stdin=text.encode())
    assert from_file.stdout.decode().count("\n") == 2
    assert from_file.stdout == from_stdin.stdout


def test_a_decoded_document_over_the_limit_is_refused(monkeypatch):
    from app.core.errors import UserError
    from app.core.text import articles

    monkeypatch.setattr(articles, "MAX_ARTICLE_CHARS", 10)
    with pytest.raises(UserError, match="more than 10 characters"):
        default_analyzer().analyze_document("一二三四五六七八九十十一", clean=False)
