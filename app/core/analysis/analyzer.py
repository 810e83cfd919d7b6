"""The one object that owns the language tools: dictionary, segmenter, pinyin reader, entity
tagger and name lists, HSK table, and where the user's corrections are read from.

Each tool is built on first use, once, by whichever thread asks first (the GUI's worker and
GUI threads both ask), and wired explicitly: the segmenter gets the dictionary's headword
test and counts, the reader the dictionary and the segmenter. Nothing in `core/language`
keeps a process-wide instance, so two Analyzers over different data give different results
side by side (tests, benchmarks). The window, the CLI and the library each take one
Analyzer and pass it down; `default_analyzer()` is the process's, `reset_analyzer()` the one
reset tests use.

Constructing an Analyzer costs nothing: importing this module imports no language tool, so
`zhreader analyze` of an article already cached never loads one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import paths
from app.core.shared import Lazy, T
from app.core.types import Analysis, Article, Entity, Token

if TYPE_CHECKING:
    from app.core.language.dictionary import Dictionary
    from app.core.language.entities import EntityTagger, Lexicon
    from app.core.language.hsk import HskLevels
    from app.core.language.pinyin import PinyinReader
    from app.core.language.segmentation import Segmenter, TaggedSpan, WordRules
    from app.core.user.corrections import Corrections
    from app.core.user.word_corrections import WordCorrections

# Asked between steps of an analysis; True stops it with `Cancelled`. The window passes
# "has a newer article been opened?", so a superseded analysis gives way within a step.
StopCheck = Callable[[], bool]


def never_stop() -> bool:
    return False


class Analyzer:
    """The language tools of one configuration, built lazily and shared by its users.

    `cache_dir` (dictionary index, finished analyses) and `data_dir` (the user's entity and
    word corrections) default to `app.core.paths`' folders, read when used. `cedict` is the
    dictionary source (default: the bundled CC-CEDICT). Tests and benchmarks may hand in
    prebuilt parts; an Analyzer given any part or source of its own never reads or writes
    the on-disk analysis cache, whose keys only know the shipped data.
    """

    def __init__(
        self,
        *,
        cache_dir: Path | None = None,
        data_dir: Path | None = None,
        cedict: Path | None = None,
        dictionary: Dictionary | None = None,
        segmenter: Segmenter | None = None,
        reader: PinyinReader | None = None,
        tagger: EntityTagger | None = None,
        hsk: HskLevels | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self._cache_dir = cache_dir
        self._data_dir = data_dir
        self._cedict = cedict
        self._dictionary = _part(dictionary, self._open_dictionary)
        self._segmenter = _part(segmenter, self._make_segmenter)
        self._reader = _part(reader, self._make_reader)
        self._tagger = _part(tagger, _make_tagger)
        self._hsk = _part(hsk, _load_hsk)
        self._lexicon = _part(lexicon, _load_lexicon)
        own = (cedict, dictionary, segmenter, reader, tagger, hsk, lexicon)
        self.caches_analyses = all(part is None for part in own)

    # ---- where things live ---------------------------------------------------------------

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir if self._cache_dir is not None else paths.cache_dir()

    @property
    def data_dir(self) -> Path:
        return self._data_dir if self._data_dir is not None else paths.data_dir()

    # ---- the parts -----------------------------------------------------------------------

    @property
    def dictionary(self) -> Dictionary:
        """CC-CEDICT's index, opened (or built, on a first start) on first use."""
        return self._dictionary()

    def dictionary_if_open(self) -> Dictionary | None:
        """The dictionary if it is open already, else None (never opens or builds it): the
        GUI thread's first hover, which must not wait for a first start's build."""
        return self._dictionary.built

    def dictionary_or_none(self) -> Dictionary | None:
        """The dictionary, or None when no index can be built (popups show pinyin only)."""
        from app.core.errors import UserError

        try:
            return self.dictionary
        except (UserError, OSError):
            return None

    @property
    def segmenter(self) -> Segmenter:
        return self._segmenter()

    @property
    def reader(self) -> PinyinReader:
        return self._reader()

    @property
    def tagger(self) -> EntityTagger:
        return self._tagger()

    @property
    def hsk(self) -> HskLevels:
        """The HSK table (parsed once, ~30 ms)."""
        return self._hsk()

    @property
    def lexicon(self) -> Lexicon:
        return self._lexicon()

    def _open_dictionary(self) -> Dictionary:
        from app.core.language.dictionary import open_dictionary

        return open_dictionary(source=self._cedict, cache=self._cache_dir)

    def _make_segmenter(self) -> Segmenter:
        from app.core.language.segmentation import Segmenter

        dictionary = self.dictionary
        return Segmenter(dictionary.contains, frequency=dictionary.frequency)

    def _make_reader(self) -> PinyinReader:
        from app.core.language.pinyin import PinyinReader

        return PinyinReader(self._dictionary, self._segmenter)

    # ---- the user's corrections ----------------------------------------------------------

    def entity_corrections(self) -> Corrections:
        """The saved entity corrections, read only (the window and CLI report damage)."""
        from app.core.user.corrections import Corrections, default_path

        return Corrections.load(default_path(self._data_dir), set_aside=False)

    def word_corrections(self) -> WordCorrections:
        from app.core.user.word_corrections import WordCorrections, default_path

        return WordCorrections.load(default_path(self._data_dir), set_aside=False)

    def use_word_corrections(self) -> None:
        """The saved word-boundary corrections, read afresh: a correction made in the window
        applies to the next text analysed, in any process."""
        self.use_word_rules(self.word_corrections().rules())

    def use_word_rules(self, rules: WordRules) -> None:
        """Boundary corrections for every later segmentation by this Analyzer."""
        self.segmenter.set_word_rules(rules)

    @property
    def word_rules_in_use(self) -> bool:
        """Has this Analyzer's segmenter been given any boundary correction?"""
        built = self._segmenter.built
        return built is not None and bool(built.word_rules)

    # ---- what the pipeline and its callers ask ---------------------------------------------

    def is_headword(self, word: str) -> bool:
        """CC-CEDICT has `word` (either script); opens the dictionary on first call."""
        return self.dictionary.contains(word)

    def segment(self, text: str) -> list[tuple[int, int]]:
        """Contiguous (start, end) spans covering `text` exactly, in either script."""
        return self.segmenter.segment(text)

    def segment_tagged(self, text: str) -> list[TaggedSpan]:
        """The spans of `segment(text)` with jieba.posseg tags (nr, ns, nt, v, eng, x, ...)."""
        return self.segmenter.segment_tagged(text)

    def read(self, text: str, words: list[tuple[int, int]] | None = None) -> list[str]:
        """Contextual pinyin, one syllable per character ("" for non-Han)."""
        return self.reader.read(text, words)

    def spoken_reading(self, text: str) -> list[str]:
        """What a voice reads for `text`: its contextual pinyin (the speech engine's input)."""
        from app.core.text.script import to_simplified

        return self.reader.read(to_simplified(text))

    def entities(
        self,
        text: str,
        tagged: list[TaggedSpan] | None = None,
        corrections: Corrections | None = None,
        tagger: EntityTagger | None = None,
        lexicon: Lexicon | None = None,
    ) -> tuple[Entity, ...]:
        """The names in `text`, found with this Analyzer's parts (and saved corrections)."""
        from app.core.language.entities import find_entities

        return find_entities(
            text,
            self.segment_tagged(text) if tagged is None else tagged,
            dictionary=self.dictionary,
            tagger=tagger or self.tagger,
            corrections=corrections if corrections is not None else self.entity_corrections(),
            lexicon=lexicon or self.lexicon,
        )

    def warm_up(self) -> None:
        """Load the word list and the headword index now, so a benchmark's timings leave the
        load out."""
        self.segmenter.warm_up()

    def analyze(self, article: Article, use_cache: bool = True,
                stop: StopCheck = never_stop, gentle: bool = False) -> Analysis:
        """The full analysis (tokens, pinyin, glosses, names), from the on-disk cache when
        this exact article was seen; `Cancelled` when `stop()` turns true between steps;
        `gentle` for a worker whose GUI thread must keep running (see `analyze_article`)."""
        from app.core.analysis.pipeline import analyze_article

        return analyze_article(self, article, use_cache, stop, gentle)

    def analyze_document(self, data: str | bytes, clean: bool = True, name: str | None = None,
                         use_cache: bool = True) -> Analysis:
        from app.core.analysis.pipeline import analyze_document

        return analyze_document(self, data, clean, name, use_cache)

    def analyze_path(self, path: str | Path, clean: bool = True) -> Analysis:
        from app.core.analysis.pipeline import analyze_path

        return analyze_path(self, path, clean)

    def words_and_names(self, text: str, stop: StopCheck = never_stop
                        ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
        from app.core.analysis.pipeline import CHUNK_CHARS, words_and_names

        return words_and_names(self, text, CHUNK_CHARS, stop)

    def read_words(self, text: str) -> list[Token]:
        from app.core.analysis.pipeline import read_words

        return read_words(self, text)


def _part(given: T | None, build: Callable[[], T]) -> Lazy[T]:
    """The part handed in, or one built on first use."""
    return Lazy.of(given) if given is not None else Lazy(build)


def _make_tagger() -> EntityTagger:
    from app.core.language.entities import EntityTagger

    return EntityTagger()


def _load_hsk() -> HskLevels:
    from app.core.language.hsk import load_hsk_levels

    return load_hsk_levels()


def _load_lexicon() -> Lexicon:
    from app.core.language.entities import load_lexicon

    return load_lexicon()


_default: Analyzer | None = None
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The process's Analyzer (the shipped data, the user's folders), made on first ask."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default


def reset_analyzer(analyzer: Analyzer | None = None) -> Analyzer:
    """Make `analyzer` (default: a fresh one) the process's: the one reset tests use."""
    global _default
    with _default_lock:
        _default = analyzer if analyzer is not None else Analyzer()
        return _default
