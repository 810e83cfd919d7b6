"""Turn an article into the tokens, pinyin, glosses and entities the reader shows.

Everything here is plain data in, plain data out, so the GUI can run it on a worker
thread and the CLI can print it. Each step asks the `Analyzer` it is given for its tools
(`Analyzer.analyze` and friends are the entry points; these functions are their bodies).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.analysis.analyzer import StopCheck, never_stop
from app.core.errors import Cancelled
from app.core.text.chars import SENTENCE_ENDS, SENTENCE_FINALS, has_han
from app.core.text.script import detect_script
from app.core.types import Analysis, Article, Entity, GlossSource, Token

if TYPE_CHECKING:
    from app.core.analysis.analyzer import Analyzer
    from app.core.user.corrections import Corrections


def _glosses(
    analyzer: Analyzer, words: list[str]
) -> dict[str, tuple[str | None, GlossSource | None]]:
    dictionary = analyzer.dictionary
    return {w: dictionary.gloss(w) for w in set(words) if has_han(w)}


def analyze_article(
    analyzer: Analyzer, article: Article, use_cache: bool = True, stop: StopCheck = never_stop,
    gentle: bool = False,
) -> Analysis:
    """The full analysis; served from the on-disk cache when this exact article was seen.

    Raises `Cancelled` (and caches nothing) when `stop()` turns true between steps.
    `gentle`: another thread must keep running meanwhile (the window's GUI thread), so a
    long text loads jieba's word list without holding the GIL (`Segmenter.load_gently`).
    """
    from app.core.analysis import cache as analysis_cache

    cached_here = use_cache and analyzer.caches_analyses
    key = analysis_cache.cache_key(article, analyzer.data_dir) if cached_here else None
    folder = analyzer.cache_dir if key is not None else None
    cached = analysis_cache.load(key, folder)
    if cached is not None:
        return cached
    result = _analyze(analyzer, article, stop=stop, gentle=gentle)
    analysis_cache.store(key, result, folder)
    return result


# Long texts are analysed a piece at a time, cut at paragraph ends: time stays linear
# (no step sees more than one piece) and memory stays bounded by one piece's working
# set plus compact tokens. An ordinary article is one piece, so nothing changes for it.
CHUNK_CHARS = 50_000


def _check(stop: StopCheck) -> None:
    if stop():
        raise Cancelled


def _analyze(
    analyzer: Analyzer, article: Article, chunk_chars: int = CHUNK_CHARS,
    stop: StopCheck = never_stop, gentle: bool = False,
) -> Analysis:
    text = article.text
    analyzer.use_word_corrections()
    if gentle and len(text) > chunk_chars:
        # Seconds of work ahead: 0.3 s more to load the word list, but no 0.1 s freeze.
        analyzer.segmenter.load_gently()
    corrections = analyzer.entity_corrections()  # one reading for the whole text
    shared: dict = {}  # one object per distinct word text and reading across the text
    tokens: list[Token] = []
    parts: list[tuple[Entity, ...]] = []
    for lo, hi in text_chunks(text, chunk_chars):
        part_tokens, part_entities = _analyze_piece(analyzer, text[lo:hi], lo, shared, stop,
                                                    corrections)
        tokens.extend(part_tokens)
        parts.append(part_entities)
    return Analysis(
        title=article.title,
        script=article.script,
        text=text,
        tokens=tuple(tokens),
        entities=parts[0] if len(parts) == 1 else merge_entities(parts),
    )


def _analyze_piece(
    analyzer: Analyzer, text: str, offset: int, shared: dict, stop: StopCheck,
    corrections: Corrections,
) -> tuple[list[Token], tuple]:
    _check(stop)
    spans = analyzer.segment(text)
    _check(stop)
    readings = analyzer.read(text, spans)
    _check(stop)
    glosses = _glosses(analyzer, [text[s:e] for s, e in spans])
    tokens = []
    for start, end in spans:
        word = text[start:end]
        word = shared.setdefault(word, word)
        reading = tuple(readings[start:end])
        reading = shared.setdefault(reading, reading)
        gloss, source = glosses.get(word, (None, None))
        tokens.append(Token(start + offset, end + offset, word, reading, gloss, source))
    _check(stop)
    entities = analyzer.entities(text, corrections=corrections)
    if offset:
        entities = tuple(
            Entity(e.text, e.type, e.count, e.english, e.aliases,
                   tuple((s + offset, t + offset) for s, t in e.spans))
            for e in entities
        )
    return tokens, entities


def words_and_names(
    analyzer: Analyzer, text: str, chunk_chars: int = CHUNK_CHARS, stop: StopCheck = never_stop
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Word spans (start, end, text) and name mention spans, without pinyin or glosses.

    What reading statistics need, at a third of the analysis's cost; cut into the same
    pieces as `analyze_article`, so both count the same words. `Cancelled` when `stop()`
    turns true between pieces.
    """
    analyzer.use_word_corrections()
    corrections = analyzer.entity_corrections()
    words: list[tuple[int, int, str]] = []
    names: list[tuple[int, int]] = []
    for lo, hi in text_chunks(text, chunk_chars):
        _check(stop)
        piece = text[lo:hi]
        tagged = analyzer.segment_tagged(piece)
        words.extend((start + lo, end + lo, piece[start:end]) for start, end, _ in tagged)
        names.extend((s + lo, e + lo)
                     for entity in analyzer.entities(piece, tagged, corrections)
                     for s, e in entity.spans)
    return words, names


def text_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """[lo, hi) pieces of at most about `size` characters, cut after a line or sentence end."""
    pieces, lo = [], 0
    while len(text) - lo > size:
        hi = text.rfind("\n", lo + size // 2, lo + size) + 1
        if hi <= 0:
            hi = max(text.rfind(end, lo + size // 2, lo + size) for end in SENTENCE_FINALS) + 1
        if hi <= 0:
            hi = lo + size  # no break at all: a word may be cut, the text is not
        pieces.append((lo, hi))
        lo = hi
    pieces.append((lo, len(text)))
    return pieces


def merge_entities(parts: list[tuple[Entity, ...]]) -> tuple[Entity, ...]:
    """One entity per (name, type) over all pieces: counts added, spans and aliases joined."""
    merged: dict[tuple[str, str], Entity] = {}
    for part in parts:
        for e in part:
            key = (e.text, e.type)
            old = merged.get(key)
            if old is None:
                merged[key] = e
                continue
            aliases = old.aliases + tuple(a for a in e.aliases if a not in old.aliases)
            merged[key] = Entity(e.text, e.type, old.count + e.count, old.english or e.english,
                                 aliases, old.spans + e.spans)
    return tuple(sorted(merged.values(), key=lambda e: (-e.count, min(e.spans, default=(0,)))))


def analyze_document(
    analyzer: Analyzer, data: str | bytes, clean: bool = True, name: str | None = None,
    use_cache: bool = True,
) -> Analysis:
    """One document from memory: stdin bytes, or one line of `--lines` input.

    A str is already decoded, so an empty line is an empty document, not an error.
    `--lines` passes use_cache=False: thousands of one-off lines must not evict the
    articles a reader reopens.
    """
    from app.core.errors import UserError
    from app.core.text.articles import MAX_ARTICLE_CHARS, article_from_bytes, title_from_text
    from app.core.text.cleaning import clean_text
    from app.core.text.encoding import replace_lone_surrogates

    if isinstance(data, bytes):
        article = article_from_bytes(data, name, clean=clean, words=analyzer.is_headword)
        return analyze_article(analyzer, article, use_cache)
    if len(data) > MAX_ARTICLE_CHARS:
        raise UserError(
            f"a document has more than {MAX_ARTICLE_CHARS:,} characters; split it into parts"
        )
    data = replace_lone_surrogates(data)  # same length: offsets still match the input
    text = clean_text(data, words=analyzer.is_headword) if clean else data
    title = title_from_text(text) if text.strip() else "Untitled"
    article = Article(title=title, text=text, script=detect_script(text), path=name)
    return analyze_article(analyzer, article, use_cache)


def analyze_path(analyzer: Analyzer, path: str | Path, clean: bool = True) -> Analysis:
    """A file, or a built-in article named by slug or title."""
    from app.core.text.articles import load_named_article

    article = load_named_article(path, clean=clean, words=analyzer.is_headword)
    return analyze_article(analyzer, article)


def read_words(analyzer: Analyzer, text: str) -> list[Token]:
    """The words of a short text (a saved sentence) with their contextual pinyin, no glosses.

    The Anki deck's sentence pinyin comes from here, read as the reader reads articles.
    """
    spans = analyzer.segment(text)
    readings = analyzer.read(text, spans)
    return [Token(start, end, text[start:end], tuple(readings[start:end])) for start, end in spans]


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence around `offset`, so a saved word keeps its context."""
    start = offset
    while start > 0 and text[start - 1] not in SENTENCE_ENDS:
        start -= 1
    end = offset
    while end < len(text) and text[end] not in SENTENCE_ENDS:
        end += 1
    if end < len(text) and text[end] != "\n":
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
