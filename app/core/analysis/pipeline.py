"""Turn an article into the tokens, pinyin, glosses and entities the reader shows.

Everything here is plain data in, plain data out, so the GUI can run it on a worker
thread and the CLI can print it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.errors import Cancelled
from app.core.text.chars import has_han
from app.core.text.script import detect_script
from app.core.types import Analysis, Article, Entity, Token

_SENTENCE_END = "。！？!?；;\n"


def _segment(text: str) -> list[tuple[int, int]]:
    from app.core.language.segmentation import segment

    return segment(text)


def _pinyin(text: str, spans: list[tuple[int, int]]) -> list[str]:
    from app.core.language.pinyin import get_reader

    return get_reader().read(text, spans)


def _glosses(words: list[str]) -> dict[str, tuple[str | None, str | None]]:
    from app.core.language.dictionary import get_dictionary

    dictionary = get_dictionary()
    return {w: dictionary.gloss(w) for w in set(words) if has_han(w)}


def _entities(text: str) -> tuple[Entity, ...]:
    from app.core.language.entities import find_entities
    from app.core.language.segmentation import segment_tagged

    return find_entities(text, segment_tagged(text))


# Asked between steps of an analysis; True stops it with `Cancelled`. The window passes
# "has a newer article been opened?", so a superseded analysis gives way within a step.
StopCheck = Callable[[], bool]


def _never() -> bool:
    return False


def analyze_article(
    article: Article, use_cache: bool = True, stop: StopCheck = _never
) -> Analysis:
    """The full analysis; served from the on-disk cache when this exact article was seen.

    Raises `Cancelled` (and caches nothing) when `stop()` turns true between steps.
    """
    from app.core.analysis import cache as analysis_cache

    key = analysis_cache.cache_key(article) if use_cache else None
    cached = analysis_cache.load(key)
    if cached is not None:
        return cached
    result = _analyze(article, stop=stop)
    analysis_cache.store(key, result)
    return result


# Long texts are analysed a piece at a time, cut at paragraph ends: time stays linear
# (no step sees more than one piece) and memory stays bounded by one piece's working
# set plus compact tokens. An ordinary article is one piece, so nothing changes for it.
CHUNK_CHARS = 50_000


def _check(stop: StopCheck) -> None:
    if stop():
        raise Cancelled


def _use_word_corrections() -> None:
    """The user's word-boundary corrections, read afresh for each analysis: a correction
    made in the window applies to the next article analysed, in any process."""
    from app.core.language.segmentation import set_word_rules
    from app.core.user.word_corrections import WordCorrections

    set_word_rules(WordCorrections.load(set_aside=False).rules())


def _analyze(
    article: Article, chunk_chars: int = CHUNK_CHARS, stop: StopCheck = _never
) -> Analysis:
    text = article.text
    _use_word_corrections()
    shared: dict = {}  # one object per distinct word text and reading across the text
    tokens: list[Token] = []
    parts: list[tuple[Entity, ...]] = []
    for lo, hi in text_chunks(text, chunk_chars):
        part_tokens, part_entities = _analyze_piece(text[lo:hi], lo, shared, stop)
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
    text: str, offset: int, shared: dict, stop: StopCheck
) -> tuple[list[Token], tuple]:
    _check(stop)
    spans = _segment(text)
    _check(stop)
    readings = _pinyin(text, spans)
    _check(stop)
    glosses = _glosses([text[s:e] for s, e in spans])
    tokens = []
    for start, end in spans:
        word = text[start:end]
        word = shared.setdefault(word, word)
        reading = tuple(readings[start:end])
        reading = shared.setdefault(reading, reading)
        gloss, source = glosses.get(word, (None, None))
        tokens.append(Token(start + offset, end + offset, word, reading, gloss, source))
    _check(stop)
    entities = _entities(text)
    if offset:
        entities = tuple(
            Entity(e.text, e.type, e.count, e.english, e.aliases,
                   tuple((s + offset, t + offset) for s, t in e.spans))
            for e in entities
        )
    return tokens, entities


def words_and_names(
    text: str, chunk_chars: int = CHUNK_CHARS
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Word spans (start, end, text) and name mention spans, without pinyin or glosses.

    What reading statistics need, at a third of the analysis's cost; cut into the same
    pieces as `analyze_article`, so both count the same words.
    """
    from app.core.language.entities import find_entities
    from app.core.language.segmentation import segment_tagged

    _use_word_corrections()
    words: list[tuple[int, int, str]] = []
    names: list[tuple[int, int]] = []
    for lo, hi in text_chunks(text, chunk_chars):
        piece = text[lo:hi]
        tagged = segment_tagged(piece)
        words.extend((start + lo, end + lo, piece[start:end]) for start, end, _ in tagged)
        names.extend((s + lo, e + lo) for entity in find_entities(piece, tagged)
                     for s, e in entity.spans)
    return words, names


def text_chunks(text: str, size: int) -> list[tuple[int, int]]:
    """[lo, hi) pieces of at most about `size` characters, cut after a line or sentence end."""
    pieces, lo = [], 0
    while len(text) - lo > size:
        hi = text.rfind("\n", lo + size // 2, lo + size) + 1
        if hi <= 0:
            hi = max(text.rfind(end, lo + size // 2, lo + size) for end in "。！？!?") + 1
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
    data: str | bytes, clean: bool = True, name: str | None = None, use_cache: bool = True
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
        return analyze_article(article_from_bytes(data, name, clean=clean), use_cache)
    if len(data) > MAX_ARTICLE_CHARS:
        raise UserError(
            f"a document has more than {MAX_ARTICLE_CHARS:,} characters; split it into parts"
        )
    data = replace_lone_surrogates(data)  # same length: offsets still match the input
    text = clean_text(data) if clean else data
    title = title_from_text(text) if text.strip() else "Untitled"
    article = Article(title=title, text=text, script=detect_script(text), path=name)
    return analyze_article(article, use_cache)


def analyze_path(path: str | Path, clean: bool = True) -> Analysis:
    """A file, or a built-in article named by slug or title."""
    from app.core.text.articles import load_named_article

    return analyze_article(load_named_article(path, clean=clean))


def read_words(text: str) -> list[Token]:
    """The words of a short text (a saved sentence) with their contextual pinyin, no glosses.

    The Anki deck's sentence pinyin comes from here, read as the reader reads articles.
    """
    spans = _segment(text)
    readings = _pinyin(text, spans)
    return [Token(start, end, text[start:end], tuple(readings[start:end])) for start, end in spans]


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence around `offset`, so a saved word keeps its context."""
    start = offset
    while start > 0 and text[start - 1] not in _SENTENCE_END:
        start -= 1
    end = offset
    while end < len(text) and text[end] not in _SENTENCE_END:
        end += 1
    if end < len(text) and text[end] != "\n":
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
