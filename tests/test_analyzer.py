"""The Analyzer owns the language tools: two of them over different data disagree side by
side in one process, and `reset_analyzer` is the one reset."""

from __future__ import annotations

import ast
from pathlib import Path

from app.core.analysis.analyzer import Analyzer, default_analyzer, reset_analyzer
from app.core.types import Article
from app.core.user.word_corrections import WordCorrections

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "我去图书馆借书，然后去银行取钱。"
ARTICLE = Article("图书馆", SENTENCE, "simplified")


def _tiny_cedict(path: Path) -> Path:
    path.write_text("# a test dictionary that knows one word\n"
                    "銀行 银行 [yin2 hang2] /bank/\n", encoding="utf-8")
    return path


def _gloss(analysis, word: str) -> str | None:
    return next(t.gloss for t in analysis.tokens if t.text == word)


def test_two_analyzers_over_different_dictionaries_answer_differently(tmp_path: Path) -> None:
    tiny = Analyzer(cedict=_tiny_cedict(tmp_path / "cedict.txt"), cache_dir=tmp_path / "cache")
    shipped = default_analyzer()
    # Interleaved, in one process: neither sees the other's dictionary.
    with_tiny = tiny.analyze(ARTICLE)
    with_shipped = shipped.analyze(ARTICLE)
    assert with_tiny.text == with_shipped.text == SENTENCE
    assert _gloss(with_tiny, "银行") == _gloss(with_shipped, "银行") == "bank"
    assert tiny.dictionary.lookup("图书馆") == ()
    assert "library" in (shipped.dictionary.gloss("图书馆")[0] or "")
    assert "library" in (_gloss(with_shipped, "图书馆") or "")
    assert _gloss(with_tiny, "图书馆") is None  # the tiny dictionary cannot explain it
    assert tiny.analyze(ARTICLE) == with_tiny  # and again, after the other one ran
    assert shipped.dictionary.contains("图书馆") and not tiny.dictionary.contains("图书馆")


def test_two_analyzers_with_different_word_corrections_cut_differently(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    corrections = WordCorrections.load(mine / "word_corrections.json")
    corrections.add_word("去图书馆借书")
    corrections.save()
    joined = Analyzer(data_dir=mine)
    plain = Analyzer(data_dir=theirs)
    words_joined = [t.text for t in joined.analyze(ARTICLE).tokens]
    words_plain = [t.text for t in plain.analyze(ARTICLE).tokens]
    assert "去图书馆借书" in words_joined
    assert "去图书馆借书" not in words_plain
    # Each keeps its own rules: the first one's correction never reached the second.
    assert [t.text for t in joined.analyze(ARTICLE).tokens] == words_joined
    assert plain.segment(SENTENCE) != joined.segment(SENTENCE)


def test_reset_analyzer_gives_a_fresh_one(use_analyzer) -> None:
    before = default_analyzer()
    assert default_analyzer() is before  # one per process until reset
    fresh = use_analyzer()
    assert fresh is not before and default_analyzer() is fresh
    assert fresh.dictionary_if_open() is None  # nothing built until asked for
    own = Analyzer()
    assert reset_analyzer(own) is own and default_analyzer() is own


def test_a_new_analyzer_builds_nothing_until_asked() -> None:
    analyzer = Analyzer()
    assert analyzer.dictionary_if_open() is None
    assert analyzer.segment("银行") == [(0, 2)]
    assert analyzer.dictionary_if_open() is not None  # the segmenter needed it


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_text_and_language_never_reach_up_to_the_analyzer() -> None:
    """The pipeline's stages take their tools as arguments: text never imports language,
    neither imports analysis."""
    core = REPO / "app" / "core"
    for stage, forbidden in (("text", ("app.core.language", "app.core.analysis")),
                             ("language", ("app.core.analysis",))):
        for path in (core / stage).rglob("*.py"):
            bad = {m for m in _imports(path) if m.startswith(forbidden)}
            assert not bad, f"{path.relative_to(REPO)} imports {sorted(bad)}"
