"""Test isolation: never touch the user's real data or cache directories."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# One fresh cache per test run: the dictionary index is built once per run, and no test
# is served an analysis cached by an earlier run (the worker path always runs, as in CI).
_RUN_CACHE = tempfile.mkdtemp(prefix="zhreader-test-cache-")
atexit.register(shutil.rmtree, _RUN_CACHE, ignore_errors=True)
os.environ.setdefault("ZHREADER_CACHE_DIR", _RUN_CACHE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "resources" / "articles"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "zhreader-data"
    monkeypatch.setenv("ZHREADER_DATA_DIR", str(data))
    return data


@pytest.fixture
def article_text():
    """Raw text of a built-in article by file name."""

    def read(name: str) -> str:
        return (ARTICLES / name).read_text(encoding="utf-8")

    return read


def article_sentence(name: str, containing: str) -> str:
    """The sentence (up to and including 。) of a built-in article that holds `containing`."""
    text = (ARTICLES / name).read_text(encoding="utf-8")
    at = text.index(containing)
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    end = text.index("。", at) + 1
    return text[start:end]


@pytest.fixture(autouse=True)
def _no_word_rules_left_behind():
    """An analysis hands the user's word corrections to the process-wide segmenter; a test
    that made some must not leave them to the next test's data dir."""
    yield
    from app.core.language.segmentation import WordRules, set_word_rules

    set_word_rules(WordRules())


# Real sentences from the built-in articles, one per script.
YANG = article_sentence("xai-greg-yang-steps-back.txt", "杨格是知名的数学家")
TAY = article_sentence("yi-tay-returns-to-google.txt", "我將回到谷歌")
