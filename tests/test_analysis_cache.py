"""Reopening an article serves the stored analysis; damage to the cache only costs time."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.analysis import cache as analysis_cache
from app.core.analysis.pipeline import analyze_article
from app.core.types import Article


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ZHREADER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


ARTICLE = Article(title="银行", text="我在银行工作。他长大了。", script="simplified")


def test_second_analysis_comes_from_the_cache_and_equals_the_first(own_cache):
    first = analyze_article(ARTICLE)
    files = list((own_cache / "analyses").glob("*.json"))
    assert len(files) == 1
    assert analysis_cache.load(analysis_cache.cache_key(ARTICLE)) == first
    assert analyze_article(ARTICLE) == first


def test_damaged_cache_file_is_ignored_and_replaced(own_cache):
    import json

    first = analyze_article(ARTICLE)
    (path,) = (own_cache / "analyses").glob("*.json")
    path.write_text("{not json", encoding="utf-8")
    assert analyze_article(ARTICLE) == first
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == ARTICLE.text


def test_different_text_gets_a_different_key():
    other = Article(title="银行", text="我在银行工作。", script="simplified")
    assert analysis_cache.cache_key(ARTICLE) != analysis_cache.cache_key(other)


def test_corrections_change_the_key(_isolated_data_dir: Path):
    before = analysis_cache.cache_key(ARTICLE)
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (_isolated_data_dir / "entity_corrections.json").write_text('{"ignored": ["银行"]}')
    assert analysis_cache.cache_key(ARTICLE) != before
