"""The compiled CC-CEDICT index: what the popup and the segmenter get from it."""

from __future__ import annotations

import gzip
import os
import threading
from pathlib import Path

import pytest

from app.core.analysis.analyzer import Analyzer
from app.core.language.cedict import cedict_source_path
from app.core.language.dictionary import INDEX_NAME, Dictionary, open_dictionary

# From resources/articles/xai-greg-yang-steps-back.txt.
YANG_SENTENCE = "因罹患莱姆病,他决定退出xAI的日常事务,转为非正式顾问"
YANG_GRADUATED = "杨格毕业于哈佛大学,获得数学学士和计算机科学"


@pytest.fixture(scope="module")
def cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest's own cache dir: the index (seconds to build) is reused across local runs,
    and rebuilt by the code under test whenever the bundled source changes."""
    pytest_cache = getattr(request.config, "cache", None)
    if pytest_cache is None:  # run with -p no:cacheprovider
        return tmp_path_factory.mktemp("dictionary-cache")
    return Path(pytest_cache.mkdir("zhreader-cedict-index"))


@pytest.fixture(scope="module")
def cedict(cache: Path) -> Dictionary:
    """The real bundled dictionary, built once for this module."""
    return open_dictionary(cache=cache)


def _tiny_source(path: Path, lines: list[str]) -> Path:
    path.write_text("# test source\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


BANK = "銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/"
WALK = "行 行 [xing2] /to walk/to go/"
ROW = "行 行 [hang2] /row/line/"


def test_both_readings_of_a_headword_are_found(cedict: Dictionary) -> None:
    readings = {entry.pinyin for entry in cedict.lookup("行")}
    assert {"háng", "xíng"} <= readings


def test_traditional_form_finds_the_same_word(cedict: Dictionary) -> None:
    traditional = cedict.lookup("銀行")
    assert traditional
    assert traditional == cedict.lookup("银行")
    assert "bank" in traditional[0].senses


def test_lookup_many_answers_every_word(cedict: Dictionary) -> None:
    words = ["杨格", "毕业", "于", "哈佛大学", "日常事务"]
    found = cedict.lookup_many(words)
    assert set(found) == set(words)
    assert found["哈佛大学"][0].senses == ("Harvard University",)
    assert found["毕业"] == cedict.lookup("毕业")
    assert found["日常事务"] == ()


def test_contains_tells_words_from_non_words(cedict: Dictionary) -> None:
    assert cedict.contains("退出")
    assert cedict.contains("哈佛大學")
    assert not cedict.contains("日常事务")
    assert not cedict.contains("xAI的")


def test_longest_match_picks_the_longest_word_at_a_position(cedict: Dictionary) -> None:
    start = YANG_GRADUATED.index("哈佛")
    length, entries = cedict.longest_match(YANG_GRADUATED, start)
    assert YANG_GRADUATED[start : start + length] == "哈佛大学"
    assert entries[0].simplified == "哈佛大学"
    start = YANG_SENTENCE.index("日常")
    length, _ = cedict.longest_match(YANG_SENTENCE, start)
    assert length == 2  # 日常事务 is not a headword, 日常 is
    assert cedict.longest_match(YANG_SENTENCE, YANG_SENTENCE.index(",")) is None


def test_a_word_missing_from_the_dictionary_is_glossed_by_its_parts(
    cedict: Dictionary,
) -> None:
    parts = cedict.decompose("日常事务")
    assert [part for part, _ in parts] == ["日常", "事务"]
    text, source = cedict.gloss("日常事务")
    assert source == "parts"
    assert text is not None
    assert text.startswith("日常: day-to-day")
    assert " / 事务: " in text


def test_decompose_falls_back_to_single_characters(cedict: Dictionary) -> None:
    # U+20000 is a CJK character CC-CEDICT has no entry for.
    parts = cedict.decompose("日\U00020000")
    assert parts[1] == ("\U00020000", ())
    assert parts[0][0] == "日" and parts[0][1]


def test_gloss_of_a_word_prefers_the_common_meaning(cedict: Dictionary) -> None:
    assert cedict.gloss("银行") == ("bank", "word")
    horse, source = cedict.gloss("马")  # "surname Ma" comes first in the file
    assert source == "word" and horse is not None and horse.startswith("horse")
    use, _ = cedict.gloss("以")  # listed after two "old variant of 以" lines
    assert use is not None and not use.startswith("old variant")


def test_pointer_entries_come_after_real_meanings(cedict: Dictionary) -> None:
    entries = cedict.lookup("以")
    assert not entries[0].senses[0].startswith("old variant of")
    assert any(entry.references == ("以",) for entry in entries)


def test_non_chinese_has_no_gloss(cedict: Dictionary) -> None:
    assert cedict.gloss("xAI") == (None, None)
    assert cedict.gloss("2024") == (None, None)


def test_english_names_of_proper_nouns(cedict: Dictionary) -> None:
    assert cedict.english_name("马斯克") == "Elon Musk"
    assert cedict.english_name("哈佛大学") == "Harvard University"
    assert cedict.english_name("谷歌") == "Google"
    assert cedict.english_name("银行") is None
    assert cedict.english_name("李") is None  # only "surname Li"
    # 騰訊 only says "see 騰訊控股有限公司|腾讯控股有限公司[...]": the name is found there.
    assert cedict.english_name("腾讯") == "Tencent Holdings Limited"
    assert all(entry.proper for entry in cedict.lookup("马斯克"))


def test_a_taiwan_equivalent_is_named_by_the_word_it_points_to(cedict: Dictionary) -> None:
    # 雷根 only says "Taiwan equivalent of 里根[Li3 gen1]": Reagan, not "Taiwan".
    assert cedict.english_name("雷根") == "Reagan"
    assert "里根" in cedict.lookup("雷根")[0].references


def test_a_name_spelt_with_an_accented_capital_is_a_name(cedict: Dictionary) -> None:
    assert cedict.english_name("乌鲁木齐") == "Ürümqi"


def test_headwords_cover_every_line_of_the_bundled_file(cedict: Dictionary) -> None:
    with gzip.open(cedict_source_path(), "rt", encoding="utf-8") as handle:
        content_lines = sum(1 for line in handle if line.strip() and not line.startswith("#"))
    headwords = list(cedict.headwords())
    assert len(headwords) == content_lines
    assert ("银行", "銀行", "yin2 hang2") in headwords


def test_an_analyzers_dictionary_is_one_shared_instance_across_threads(
    cache: Path, cedict: Dictionary
) -> None:
    analyzer = Analyzer(cache_dir=cache)
    seen: list[Dictionary] = []
    glosses: list[tuple[str | None, str | None]] = []

    def worker() -> None:
        shared = analyzer.dictionary
        seen.append(shared)
        glosses.append(shared.gloss("银行"))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(item is seen[0] for item in seen)
    assert glosses == [("bank", "word")] * 4


def test_index_is_rebuilt_when_the_source_changes(tmp_path: Path) -> None:
    source = _tiny_source(tmp_path / "cedict.txt", [BANK])
    cache = tmp_path / "cache"
    first = open_dictionary(source=source, cache=cache)
    assert first.contains("银行") and not first.contains("行")
    first.close()
    _tiny_source(source, [BANK, ROW, WALK])
    second = open_dictionary(source=source, cache=cache)
    assert [entry.pinyin for entry in second.lookup("行")] == ["háng", "xíng"]
    assert not list(cache.glob("*.tmp"))  # the temp build file was renamed into place


def test_an_open_dictionary_survives_a_rebuild_by_someone_else(tmp_path: Path) -> None:
    source = _tiny_source(tmp_path / "cedict.txt", [BANK, ROW])
    cache = tmp_path / "cache"
    reader = open_dictionary(source=source, cache=cache)
    _tiny_source(source, [BANK, ROW, WALK])
    open_dictionary(source=source, cache=cache)  # a second process rebuilding
    assert [entry.pinyin for entry in reader.lookup("行")] == ["háng"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_index_is_rebuilt_instead_of_crashing(tmp_path: Path, damage: str) -> None:
    source = _tiny_source(tmp_path / "cedict.txt", [BANK, ROW, WALK])
    cache = tmp_path / "cache"
    open_dictionary(source=source, cache=cache).close()
    index = cache / INDEX_NAME
    if damage == "garbage":
        index.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        data = index.read_bytes()
        index.write_bytes(data[: len(data) // 2])
    else:
        index.write_bytes(b"")
    reopened = open_dictionary(source=source, cache=cache)
    assert reopened.gloss("银行") == ("bank", "word")
    assert {entry.pinyin for entry in reopened.lookup("行")} == {"háng", "xíng"}


def test_malformed_source_lines_do_not_stop_the_build(tmp_path: Path) -> None:
    source = _tiny_source(
        tmp_path / "cedict.txt", ["this is not an entry", BANK, "行 行 [xing2", WALK]
    )
    built = open_dictionary(source=source, cache=tmp_path / "cache")
    assert [entry.pinyin for entry in built.lookup("行")] == ["xíng"]
    assert built.contains("銀行")


def test_index_of_an_older_parser_version_is_cleaned_up(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "cedict-v0.sqlite3"
    stale.write_bytes(b"old")
    source = _tiny_source(tmp_path / "cedict.txt", [BANK])
    open_dictionary(source=source, cache=cache)
    assert not stale.exists()
    assert (cache / INDEX_NAME).exists()
    assert os.listdir(cache) == [INDEX_NAME]


def test_an_index_damaged_while_open_is_rebuilt_on_the_next_lookup(tmp_path: Path) -> None:
    source = _tiny_source(tmp_path / "cedict.txt", [BANK, ROW, WALK])
    cache = tmp_path / "cache"
    opened = open_dictionary(source=source, cache=cache)
    (cache / INDEX_NAME).write_bytes(b"\0" * 8192)  # overwritten in place, same file
    assert {entry.pinyin for entry in opened.lookup("行")} == {"háng", "xíng"}


def test_an_error_that_is_not_damage_never_deletes_the_index(tmp_path: Path) -> None:
    import sqlite3

    source = _tiny_source(tmp_path / "cedict.txt", [BANK])
    cache = tmp_path / "cache"
    dictionary = open_dictionary(source=source, cache=cache)
    index = next(cache.glob("*.sqlite3"))
    built = index.stat().st_mtime_ns
    dictionary.close()
    with pytest.raises(sqlite3.ProgrammingError):
        dictionary.lookup("银行")
    assert index.stat().st_mtime_ns == built  # not deleted and rebuilt
