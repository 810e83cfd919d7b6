"""CC-CEDICT parsing: the lines below are copied verbatim from the bundled file."""

from __future__ import annotations

import pytest

from app.core.language.cedict import numbered_to_marks, parse_cedict, parse_line

HANG_XING = [
    "行 行 [hang2] /row/line/commercial firm/line of business/profession/to rank (first, "
    "second etc) among one's siblings (by age)/(in data tables) row/(Tw) column/",
    "行 行 [xing2] /to walk/to go/to travel/a visit/temporary/makeshift/current/in "
    "circulation/to do/to perform/capable/competent/effective/all right/OK!/will do/behavior/"
    "conduct/Taiwan pr. [xing4] for the behavior-conduct sense/",
]


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [
        ("nu:3", "nǚ"),
        ("lu:e4", "lüè"),
        ("zhuang4", "zhuàng"),
        ("er2", "ér"),
        ("na3 r5", "nǎ r"),
        ("de5", "de"),
        ("shou3", "shǒu"),  # ou: the o takes the mark
        ("gui4", "guì"),  # otherwise the last vowel
        ("liu2", "liú"),
        ("xue2", "xué"),
        ("Ma3 si1 ke4", "Mǎ sī kè"),  # a name stays capitalised
        ("Ou1 zhou1", "Ōu zhōu"),
        ("Lu:3", "Lǚ"),
        ("Yi1 long2 · Ma3 si1 ke4", "Yī lóng · Mǎ sī kè"),
        ("san1 C", "sān C"),  # a Latin letter read as itself
        ("xx5", "xx"),  # CC-CEDICT's "reading unknown"
        ("m2", "ḿ"),
        ("ng4", "ǹg"),
    ],
)
def test_numbered_pinyin_becomes_tone_marks(numbered: str, marked: str) -> None:
    assert numbered_to_marks(numbered) == marked


def test_each_reading_of_a_headword_is_its_own_entry() -> None:
    entries = list(parse_cedict(HANG_XING))
    assert [e.pinyin for e in entries] == ["háng", "xíng"]
    assert entries[0].senses[0] == "row"
    assert "to walk" in entries[1].senses


def test_traditional_and_simplified_are_both_kept() -> None:
    entry = parse_line("銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/")
    assert entry is not None
    assert (entry.traditional, entry.simplified) == ("銀行", "银行")
    assert entry.pinyin_numbered == "yin2 hang2"
    assert entry.pinyin == "yín háng"


def test_classifiers_leave_the_senses() -> None:
    bank = parse_line("銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/")
    assert bank is not None
    assert bank.classifiers == ("家[jia1]", "個|个[ge4]")
    assert bank.senses == ("bank",)
    # Also written inside a sense, in parentheses or after a semicolon.
    world = parse_line("世界 世界 [shi4 jie4] /world (CL:個|个[ge4])/")
    dinosaur = parse_line(
        "恐龍 恐龙 [kong3 long2] /dinosaur; CL:頭|头[tou2]/(old) (slang) ugly person/"
    )
    assert world is not None and dinosaur is not None
    assert (world.senses, world.classifiers) == (("world",), ("個|个[ge4]",))
    assert dinosaur.senses == ("dinosaur", "(old) (slang) ugly person")
    assert dinosaur.classifiers == ("頭|头[tou2]",)


@pytest.mark.parametrize(
    ("line", "referenced"),
    [
        ("䳘 鹅 [e2] /variant of 鵝|鹅[e2]/", ("鹅",)),
        ("鼃 蛙 [wa1] /old variant of 蛙[wa1]/", ("蛙",)),
        ("一下兒 一下儿 [yi1 xia4 r5] /erhua variant of 一下[yi1 xia4]/", ("一下",)),
        ("G友 G友 [G you3] /see 基友[ji1 you3]/", ("基友",)),
        ("㐖 㐖 [xie2] /used in 㐖毒[Xie2 du2]/", ("㐖毒",)),
        ("一族 一族 [yi1 zu2] /social group/subculture/family/clan/see also 族[zu2]/", ("族",)),
        (
            "三迭紀 三迭纪 [San1 die2 ji4] /Triassic (geological period 250-205m years ago)/"
            "also written 三疊紀|三叠纪/",
            ("三叠纪",),
        ),
        (
            "B超 B超 [B chao1] /B-mode ultrasonography/prenatal ultrasound scan/abbr. for "
            "B型超聲|B型超声[B xing2 chao1 sheng1]/",
            ("B型超声",),
        ),
    ],
)
def test_cross_references_keep_text_and_target(line: str, referenced: tuple[str, ...]) -> None:
    entry = parse_line(line)
    assert entry is not None
    assert entry.references == referenced
    # The pointer stays readable in the popup, too.
    assert any(referenced[0] in sense for sense in entry.senses)


def test_plain_senses_have_no_references() -> None:
    entry = parse_line("看見 看见 [kan4 jian4] /to see/to catch sight of/")
    assert entry is not None
    assert entry.references == ()


def test_capitalised_reading_marks_a_proper_noun() -> None:
    musk = parse_line(
        "馬斯克 马斯克 [Ma3 si1 ke4] /Elon Musk (1971-), business magnate and co-founder of "
        "Tesla Motors/"
    )
    surname, plum = parse_cedict(["李 李 [Li3] /surname Li/", "李 李 [li3] /plum/"])
    at_sign = parse_line("A圈兒 A圈儿 [A quan1 r5] /at symbol, @/")
    assert musk is not None and at_sign is not None
    assert musk.proper and musk.pinyin == "Mǎ sī kè"
    assert surname.proper and not plum.proper
    assert not at_sign.proper  # the letter A is not a capitalised syllable


def test_comments_and_malformed_lines_are_skipped() -> None:
    lines = [
        "# CC-CEDICT",
        "#! entries=122143",
        "",
        "this line is not an entry",
        "壞 坏 [huai4 /missing bracket/",
        "行 行 [xing2]",
        HANG_XING[0] + "\r\n",
    ]
    entries = list(parse_cedict(lines))
    assert [e.pinyin for e in entries] == ["háng"]
