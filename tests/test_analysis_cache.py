"""Reopening an article serves the stored analysis; damage to the cache only costs time."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.analysis import cache as analysis_cache
from app.core.analysis.analyzer import default_analyzer
from app.core.types import Article


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


ARTICLE = Article(title="银行", text="我在银行工作。他长大了。", script="simplified")


def test_second_analysis_comes_from_the_cache_and_equals_the_first(own_cache):
    first = default_analyzer().analyze(ARTICLE)
    files = list((own_cache / "analyses").glob("*.json"))
    assert len(files) == 1
    assert analysis_cache.load(analysis_cache.cache_key(ARTICLE)) == first
    assert default_analyzer().analyze(ARTICLE) == first


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"[" * 200_000,  # nested deeper than the parser goes: damage, not a crash
        b"",
    ],
    ids=["not-json", "deeply-nested", "empty"],
)
def test_damaged_cache_file_is_ignored_and_replaced(own_cache, damage: bytes):
    first = default_analyzer().analyze(ARTICLE)
    (path,) = (own_cache / "analyses").glob("*.json")
    path.write_bytes(damage)
    assert default_analyzer().analyze(ARTICLE) == first
    # Rebuilt: the next open is served from the cache again.
    assert analysis_cache.load(analysis_cache.cache_key(ARTICLE)) == first


def test_an_edited_but_valid_cache_file_is_not_served(own_cache):
    first = default_analyzer().analyze(ARTICLE)
    (path,) = (own_cache / "analyses").glob("*.json")
    raw = path.read_bytes()
    assert b"bank" in raw
    path.write_bytes(raw.replace(b"bank", b"<img src=/etc/passwd>"))  # still valid JSON
    again = default_analyzer().analyze(ARTICLE)
    assert again == first
    assert all("img" not in (token.gloss or "") for token in again.tokens)


def test_a_cache_file_copied_under_another_key_is_not_served(own_cache):
    other = Article(title="长大", text="他长大了。", script="simplified")
    default_analyzer().analyze(ARTICLE)
    expected = default_analyzer().analyze(other)
    files = {p.name: p for p in (own_cache / "analyses").glob("*.json")}
    mine = files.pop(f"{analysis_cache.cache_key(ARTICLE)}.json")
    (theirs,) = files.values()
    theirs.write_bytes(mine.read_bytes())  # the first article's analysis, under the second's key
    assert default_analyzer().analyze(other) == expected


def test_different_text_gets_a_different_key():
    other = Article(title="银行", text="我在银行工作。", script="simplified")
    assert analysis_cache.cache_key(ARTICLE) != analysis_cache.cache_key(other)


def test_corrections_change_the_key(_isolated_data_dir: Path):
    before = analysis_cache.cache_key(ARTICLE)
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (_isolated_data_dir / "entity_corrections.json").write_text('{"ignored": ["银行"]}')
    assert analysis_cache.cache_key(ARTICLE) != before
