"""What the popup says, independent of any window."""

from __future__ import annotations

from app.core.language.tones import TONE_COLORS, pinyin_html, tone_of
from app.core.types import Entity, Entry
from app.ui.popup import WordInfo, build_popup_html, html_to_plain

BANK = Entry("銀行", "银行", "yín háng", "yin2 hang2", ("bank",), ("家[jia1]", "個|个[ge4]"))


def test_tones_from_marks_and_numbers() -> None:
    assert [tone_of(s) for s in ("mā", "má", "mǎ", "mà", "ma")] == [1, 2, 3, 4, 5]
    assert [tone_of(s) for s in ("lu:4", "hang2", "r5")] == [4, 2, 5]
    assert tone_of("lǜ") == 4


def test_pinyin_colours_can_be_switched_off() -> None:
    assert TONE_COLORS[2] in pinyin_html(["yín"], colored=True)
    assert "color" not in pinyin_html(["yín"], colored=False)


def test_dictionary_text_is_escaped_not_interpreted() -> None:
    evil = Entry("<b>", "<b>", "x", "x5", ("<img src=x onerror=alert(1)>", "a & b"))
    info = WordInfo("<b>", "<b>", "<b>", ("",), entries=(evil,))
    rich = build_popup_html(info)
    assert "<img" not in rich
    text = html_to_plain(rich)
    assert "<img src=x onerror=alert(1)>" in text and "a & b" in text


def test_popup_lists_entry_classifiers_and_entity_tag() -> None:
    musk = Entity("马斯克", "person", 3, "Elon Musk", (), ((0, 3),))
    info = WordInfo("银行", "银行", "銀行", ("yín", "háng"), entries=(BANK,), entity=musk)
    text = html_to_plain(build_popup_html(info))
    assert "银行" in text and "銀行" in text
    assert "yín háng" in text and "bank" in text
    assert "家[jia1]" in text
    assert "Person · Elon Musk" in text


def test_unknown_word_shows_its_parts() -> None:
    info = WordInfo("银行家们", "银行家们", "銀行家們", ("yín", "háng", "jiā", "men"),
                    parts=(("银行", (BANK,)),))
    text = html_to_plain(build_popup_html(info))
    assert "parts" in text and "bank" in text


def test_pinyin_hidden_when_the_learner_turns_it_off() -> None:
    info = WordInfo("银行", "银行", "銀行", ("yín", "háng"), entries=(BANK,))
    assert "yín" not in html_to_plain(build_popup_html(info, show_pinyin=False))


# ---- issue 10: the reading line and the entries agree -------------------------------------------

KNOW_A = Entry("了解", "了解", "liǎo jiě", "liao3 jie3", ("to understand",))
KNOW_B = Entry("瞭解", "了解", "liǎo jiě", "liao3 jie3", ("to understand; to find out",))
EAT_VARIANT = Entry("喫", "吃", "chī", "chi1", ("variant of 吃[chi1]",), ("吃",))


def test_the_entry_read_here_is_tied_to_the_reading_line() -> None:
    info = WordInfo("了解", "了解", "瞭解", ("liǎo", "jiě"), entries=(KNOW_A, KNOW_B))
    rich = build_popup_html(info)
    assert rich.count("border-left") == 1  # one entry marked as the reading's own
    text = html_to_plain(rich)
    assert "了解 / 瞭解" in text  # the entries differ in their traditional form


def test_a_variant_entry_shows_its_headword() -> None:
    eat = Entry("吃", "吃", "chī", "chi1", ("to eat",))
    info = WordInfo("吃", "吃", "吃", ("chī",), entries=(eat, EAT_VARIANT))
    text = html_to_plain(build_popup_html(info))
    assert "吃 / 喫" in text and "variant of" in text


def test_the_legend_says_which_tones_yi_and_bu_carry() -> None:
    same = Entry("一樣", "一样", "yī yàng", "yi1 yang4", ("same",))
    cited = html_to_plain(build_popup_html(WordInfo("一样", "一样", "一樣", ("yī", "yàng"),
                                                    entries=(same,))))
    spoken = html_to_plain(build_popup_html(WordInfo(
        "一样", "一样", "一樣", ("yí", "yàng"), entries=(same,), spoken_tones=True,
        citation=("yī", "yàng"))))
    assert "yī yàng" in cited and "dictionary tones" in cited
    assert "yí yàng" in spoken and "spoken tones" in spoken
    assert "border-left" in build_popup_html(WordInfo(
        "一样", "一样", "一樣", ("yí", "yàng"), entries=(same,), spoken_tones=True,
        citation=("yī", "yàng")))


def test_popup_shows_hsk_bands_and_frequency_rank() -> None:
    from app.core.types import WordLevel

    hobby = Entry("愛好", "爱好", "ài hào", "ai4 hao4", ("hobby",))
    info = WordInfo("爱好", "爱好", "愛好", ("ài", "hào"), entries=(hobby,),
                    level=WordLevel(v3=1, v2=3, frequency_rank=4902))
    text = html_to_plain(build_popup_html(info))
    assert "HSK 3.0 band 1" in text and "HSK 2.0 level 3" in text and "4,902" in text
    unlisted = WordInfo("祖克柏", "祖克柏", "祖克柏", ("zǔ", "kè", "bǎi"))
    assert "HSK" not in html_to_plain(build_popup_html(unlisted))
