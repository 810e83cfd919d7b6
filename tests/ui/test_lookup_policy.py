"""The window and `zhreader vocab add --context` save the same word the same way."""

from __future__ import annotations

from app.cli_vocab import lookup_item
from app.core.analysis.pipeline import sentence_at
from app.core.language.lookup import vocab_item
from tests.conftest import ARTICLES


def test_window_save_equals_vocab_add_with_the_sentence(open_window) -> None:
    window = open_window(ARTICLES / "openai-departures-after-sutskever.txt", persist=False)
    analysis = window.analysis
    checked = 0
    for index, token in enumerate(analysis.tokens):
        if token.text not in ("还", "行", "长", "为", "得", "都", "了解", "重新"):
            continue
        start, end = sentence_at(analysis.text, token.start)
        sentence = analysis.text[start:end]
        saved = window.save_token(index)
        mark = token.start - start
        found = lookup_item(window.analyzer, token.text, sentence, mark)
        expected = vocab_item(found, sentence, analysis.title, mark=mark)
        assert saved is not None
        assert (saved.simplified, saved.traditional, saved.pinyin, saved.gloss) == (
            expected.simplified, expected.traditional, expected.pinyin, expected.gloss
        ), token.text
        checked += 1
    assert checked >= 5
