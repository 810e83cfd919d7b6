"""Dictionary search (hanzi, pinyin with or without tones, English), longest-match lookup,
and finding text in an article across scripts."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.analysis.analyzer import default_analyzer
from app.core.language.dictionary_search import DictionarySearch, parse_pinyin
from app.core.text.find import find_all


@pytest.fixture(scope="module")
def search() -> DictionarySearch:
    return DictionarySearch(default_analyzer().dictionary)


def _top(search: DictionarySearch, query: str, n: int = 3) -> list[str]:
    return [r.entry.simplified for r in search.search(query, n)]


@pytest.mark.parametrize("query", ["yinhang", "yin2hang2", "yínháng", "yin hang", "bank",
                                   "银行", "銀行"])
def test_bank_is_found_near_the_top_however_it_is_typed(search, query) -> None:
    assert "银行" in _top(search, query)


@pytest.mark.parametrize(("query", "word"), [("eat", "吃"), ("to eat", "吃"), ("ni3hao3", "你好"),
                                             ("zhongguo", "中国"), ("computer", "电脑"),
                                             ("look for", "找")])
def test_common_words_come_first(search, query, word) -> None:
    assert word in _top(search, query, 5)


def test_tones_narrow_the_readings(search) -> None:
    toned = search.search("mai3", 20)
    assert toned and all(r.entry.pinyin_numbered.lower() == "mai3" for r in toned
                         if r.matched == "pinyin" and " " not in r.entry.pinyin_numbered)
    assert "买" in [r.entry.simplified for r in toned]
    assert "卖" not in [r.entry.simplified for r in toned[:5]]


def test_umlaut_and_unfinished_syllables(search) -> None:
    assert "绿" in _top(search, "lü4", 10)
    assert "绿" in _top(search, "lv4", 10)
    assert "银行" in _top(search, "yinh", 10)  # still typing the second syllable


def test_pinyin_parsing() -> None:
    syllables = frozenset({"xi", "an", "xian", "yin", "hang", "ni", "hao"})
    assert parse_pinyin("xian", syllables).tones == (None,)
    assert parse_pinyin("xi1an1", syllables).tones == (1, 1)  # digits fix the syllables
    assert parse_pinyin("Nǐhǎo", syllables).tones == (3, 3)
    assert parse_pinyin("bank", syllables) is None


def test_nonsense_and_empty_queries_find_nothing(search) -> None:
    assert search.search("") == []
    assert search.search("   ") == []
    assert search.search("qqqqzzzz") == []
    assert search.search("%_'\";--") == []  # no SQL wildcard or quote reaches the query
    assert "文字" in [r.entry.simplified for r in search.search("<script>", 10)]  # the word


def test_search_command_prints_json_best_first(capsys) -> None:
    for query in ("yinhang", "yin2hang2", "bank"):
        assert main(["search", query, "--json"]) == 0
        results = json.loads(capsys.readouterr().out)
        assert {"simplified", "traditional", "pinyin", "gloss"} <= set(results[0])
        assert "银行" in [r["simplified"] for r in results[:3]]
    assert main(["search", "qqqqzzzz"]) == 1


def test_longest_lookup_lists_every_match_from_the_first_character(capsys) -> None:
    assert main(["lookup", "有的是学生", "--longest", "--json"]) == 0
    matches = [m["text"] for m in json.loads(capsys.readouterr().out)["matches"]]
    assert matches == ["有的是", "有的", "有"]
    assert main(["lookup", "新高了", "--longest"]) == 0
    printed = capsys.readouterr().out
    assert printed.index("[新高]") < printed.index("[新]")
    assert "new high" in printed


def test_finding_text_matches_either_script() -> None:
    text = "新产品已经發布。上周发布的模型，GPT 和 gpt。"
    assert [text[s:e] for s, e in find_all(text, "发布")] == ["發布", "发布"]
    assert [text[s:e] for s, e in find_all(text, "發布")] == ["發布", "发布"]
    assert [text[s:e] for s, e in find_all(text, "Gpt")] == ["GPT", "gpt"]
    assert find_all(text, "  ") == []
