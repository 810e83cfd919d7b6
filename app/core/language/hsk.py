"""HSK word levels and frequency ranks, from `dictionaries/hsk_levels.tsv`.

Learners choose texts and words by level (Du Chinese, Pleco, LingQ all show it); the list
is small (11,470 words), so it is parsed on first use and kept, no disk cache needed.
Words are found by either script, since the file lists traditional forms too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.core.paths import dictionaries_dir
from app.core.types import WordLevel

FILE_NAME = "hsk_levels.tsv"
TOP_BAND = 7  # HSK 3.0 bands 1-6, then one band for levels 7-9


def band_label(band: int) -> str:
    """'4', or '7–9' for the advanced band (how HSK 3.0 names it)."""
    return "7–9" if band >= TOP_BAND else str(band)


# Characters of written-out numbers: a token made only of them ("三千", "十五") is a number,
# which a level profile leaves out like digits.
NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百千万萬亿億两兩几幾半")


def is_number_word(word: str) -> bool:
    """三千, 十五, 2024 and ordinals (第一): numbers, which profiles and % known leave out."""
    digits = word.removeprefix("第")
    return bool(digits) and all(ch in NUMERAL_CHARS or ch.isdigit() for ch in digits)


def level_summary(level: WordLevel) -> str:
    """One line for a learner: 'HSK 3.0 band 1 · HSK 2.0 level 3 · frequency rank 4,902'."""
    parts = []
    if level.v3 is not None:
        parts.append(f"HSK 3.0 band {band_label(level.v3)}")
    if level.v2 is not None:
        parts.append(f"HSK 2.0 level {level.v2}")
    if level.frequency_rank is not None:
        parts.append(f"frequency rank {level.frequency_rank:,}")
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class LevelProfile:
    """How many word tokens of a text fall in each HSK 3.0 band (index 0: not in HSK)."""

    counts: tuple[int, ...]  # len TOP_BAND + 1

    @property
    def total(self) -> int:
        return sum(self.counts)

    def share(self, band: int) -> float:
        return self.counts[band] / self.total if self.total else 0.0

    @property
    def beyond_hsk6(self) -> float:
        """Share of tokens a learner who finished HSK 6 would still meet as new."""
        return (self.counts[0] + self.counts[TOP_BAND]) / self.total if self.total else 0.0

    def to_json(self) -> dict[str, float]:
        shares = {band_label(b): round(self.share(b), 4) for b in range(1, TOP_BAND + 1)}
        shares["none"] = round(self.share(0), 4)
        shares["beyond_6"] = round(self.beyond_hsk6, 4)
        return shares


def parse_levels(lines: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...], WordLevel]]:
    """Rows of the TSV: simplified, traditional forms, and the word's level."""
    for raw in lines:
        if raw.startswith("#") or not raw.strip():
            continue
        fields = raw.rstrip("\n").split("\t")
        if len(fields) != 5:
            continue
        simplified, traditional, v3, v2, rank = fields
        forms = tuple(t for t in traditional.split("|") if t and t != simplified)
        yield simplified, forms, WordLevel(
            v3=int(v3) if v3 else None,
            v2=int(v2) if v2 else None,
            frequency_rank=int(rank) if rank else None,
        )


class HskLevels:
    """Level lookups by simplified or traditional form."""

    def __init__(self, rows: Iterable[tuple[str, tuple[str, ...], WordLevel]]) -> None:
        self._levels: dict[str, WordLevel] = {}
        self._simplified_bands: dict[str, int] = {}
        for simplified, traditional, level in rows:
            self._levels.setdefault(simplified, level)
            for form in traditional:
                self._levels.setdefault(form, level)
            if level.v3 is not None:
                self._simplified_bands.setdefault(simplified, level.v3)

    def __len__(self) -> int:
        return len(self._simplified_bands)

    def level(self, word: str) -> WordLevel | None:
        return self._levels.get(word)

    def words_up_to(self, band: int) -> frozenset[str]:
        """Simplified words of HSK 3.0 bands 1..band ("I know HSK 1–N")."""
        return frozenset(w for w, b in self._simplified_bands.items() if b <= band)

    def profile(self, words: Iterable[str]) -> LevelProfile:
        """Counts per band over word tokens (the caller leaves out names and numbers)."""
        return self.profile_counts(Counter(words))

    def profile_counts(self, counts: Mapping[str, int]) -> LevelProfile:
        """`profile` from occurrence counts per word (numbers left out): visits distinct
        words only, so an article's profile costs its vocabulary, not its length."""
        bands = [0] * (TOP_BAND + 1)
        for word, n in counts.items():
            if is_number_word(word):
                continue
            level = self._levels.get(word)
            bands[level.v3 if level is not None and level.v3 is not None else 0] += n
        return LevelProfile(tuple(bands))


def describe_level_profile(profile: LevelProfile) -> tuple[str, str]:
    """(a short line for a status bar, the band-by-band breakdown for its tooltip)."""
    easy = sum(profile.share(b) for b in range(1, 4))
    middle = sum(profile.share(b) for b in range(4, 7))
    line = (f"HSK 1–3 {easy:.0%} · 4–6 {middle:.0%} · beyond 6 {profile.beyond_hsk6:.0%}")
    rows = [f"HSK 3.0 band {band_label(b)}: {profile.share(b):.1%}"
            for b in range(1, TOP_BAND + 1)]
    rows.append(f"not in the HSK lists: {profile.share(0):.1%}")
    tooltip = (f"Level profile of {profile.total:,} words (names and numbers left out)\n"
               + "\n".join(rows))
    return line, tooltip


def load_hsk_levels(path: Path | None = None) -> HskLevels:
    path = path if path is not None else dictionaries_dir() / FILE_NAME
    with open(path, encoding="utf-8") as handle:
        return HskLevels(parse_levels(handle))

