"""Word boundaries the reader sees: whole words, whole dictionary entries, any script."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.analysis.analyzer import default_analyzer
from app.core.language.segmentation import Segmenter
from app.core.text.script import to_simplified

ARTICLE_NAMES = [
    "meta-alexandr-wang-lecun-review.txt",
    "openai-departures-after-sutskever.txt",
    "sam-altman-reflections.txt",
    "xai-greg-yang-steps-back.txt",
    "yi-tay-returns-to-google.txt",
]
# yi-tay-returns-to-google.txt, line 9 (traditional).
YI_TAY = (
    "Yi Tay 這次回到谷歌,成為了 DeepMind 旗下的一名高級研究員。此前,他是創業公司 Reka AI "
    "的首席科學家和聯合創始人。而在成為這家初創公司的聯合創始人之前,他是 Google Brain 的高級研究員,"
    "從事大型語言模型和人工智能研究。"
)


def words(text: str) -> list[str]:
    return [text[start:end] for start, end in default_analyzer().segment(text)]


def assert_covers_exactly(text: str, spans: list[tuple[int, int]]) -> None:
    position = 0
    for start, end in spans:
        assert start == position, f"gap or overlap at {position}"
        assert end > start, f"empty span at {start}"
        position = end
    assert position == len(text)


@pytest.mark.parametrize("name", ARTICLE_NAMES)
def test_spans_cover_each_builtin_article_exactly(article_text, name):
    text = article_text(name)
    assert_covers_exactly(text, default_analyzer().segment(text))


MIXED_CHARACTERS = st.sampled_from(list("我們在谷歌工作了一年半 GPT-4。\n\tVéé２０２４年，說"))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=MIXED_CHARACTERS | st.characters()))
def test_spans_cover_any_text_exactly(text):
    spans = default_analyzer().segment(text)
    assert_covers_exactly(text, spans)
    assert [(s, e) for s, e, _ in default_analyzer().segment_tagged(text)] == spans


def test_traditional_text_gets_the_words_of_its_simplified_form():
    simplified = to_simplified(YI_TAY)
    assert simplified != YI_TAY
    assert default_analyzer().segment(YI_TAY) == default_analyzer().segment(simplified)
    assert "科學家" in words(YI_TAY)  # shown in the article's own script


def test_words_a_reader_expects_whole():
    tokens = words(YI_TAY)
    assert "人工智能" in tokens
    assert "聯合" in tokens and "創始人" in tokens
    # CC-CEDICT has no 首席科学家, so the reader gets its two dictionary words.
    assert not default_analyzer().dictionary.contains("首席科學家")
    assert "首席" in tokens and "科學家" in tokens


def test_latin_words_and_numbers_stay_whole():
    text = (
        "研究员、xAI联合创始人杨格(Greg Yang)在社交媒体上宣布,"  # xai-greg-yang-steps-back
        "V-JEPA、超越 GPT-4 早期版本,2023 年 3 月,"  # meta, yi-tay articles
        "２０２４年,Hervé Jégou"  # full-width digits and accented names
    )
    tokens = words(text)
    for whole in ("Greg", "Yang", "V-JEPA", "GPT-4", "2023", "２０２４", "Hervé", "Jégou", "xAI"):
        assert whole in tokens
    assert "Greg Yang" not in tokens  # spaces separate tokens


def test_every_chinese_word_of_a_real_sentence_has_a_dictionary_entry():
    dictionary = default_analyzer().dictionary
    sentence = "Yi Tay 這次回到谷歌,成為了 DeepMind 旗下的一名高級研究員。"
    chinese = [w for w in words(sentence) if any("\u4e00" <= ch <= "\u9fff" for ch in w)]
    assert chinese
    missing = [w for w in chinese if not dictionary.contains(w)]
    assert missing == []


def test_dictionary_agreement_beats_the_raw_jieba_tokens(article_text):
    """With a headword test that knows nothing, the tokens are jieba's own; with CC-CEDICT,
    more of them are dictionary words."""
    dictionary = default_analyzer().dictionary
    text = article_text("xai-greg-yang-steps-back.txt")
    raw = Segmenter(is_headword=lambda word: False).segment(text)
    agreed = default_analyzer().segment(text)

    def whole_share(spans):
        chinese = [text[s:e] for s, e in spans if any("\u4e00" <= c <= "\u9fff" for c in text[s:e])]
        return sum(map(dictionary.contains, chinese)) / len(chinese)

    assert whole_share(agreed) > whole_share(raw)
    assert whole_share(agreed) >= 0.95


def test_names_stay_whole_and_are_tagged_as_names():
    text = "研究员、xAI联合创始人杨格(Greg Yang)在社交媒体上宣布"
    tagged = {text[s:e]: tag for s, e, tag in default_analyzer().segment_tagged(text)}
    assert tagged["杨格"].startswith("nr")
    assert tagged["Greg"] == "eng"


def test_segmenting_from_several_threads_gives_the_same_words(article_text):
    texts = [article_text(name) for name in ARTICLE_NAMES]
    dictionary = default_analyzer().dictionary
    fresh = Segmenter(dictionary.contains, frequency=dictionary.frequency)
    expected = [default_analyzer().segment(text) for text in texts]
    results: dict[int, list[tuple[int, int]]] = {}

    def work(index: int) -> None:
        results[index] = fresh.segment(texts[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected


def test_a_word_list_loaded_word_by_word_cuts_the_same_words(article_text):
    """A long text's analysis loads jieba's word list a word at a time, so the window keeps
    running meanwhile: the reader must still see exactly the words and tags of the list
    loaded at once."""
    text = "\n".join(article_text(name) for name in ARTICLE_NAMES)
    dictionary = default_analyzer().dictionary
    at_once = Segmenter(dictionary.contains, frequency=dictionary.frequency)
    gently = Segmenter(dictionary.contains, frequency=dictionary.frequency)
    gently.load_gently()
    assert gently.segment_tagged(text) == at_once.segment_tagged(text)


def test_a_word_missing_from_the_dictionary_splits_into_meaningful_words():
    # openai-departures-after-sutskever.txt: CC-CEDICT has 神经 and 科学 but not 神经科学;
    # 神经科 + 学 would also be two entries, but leaves the reader a lone character.
    text = "对它的大脑做一些神经科学研究"
    assert not default_analyzer().dictionary.contains("神经科学")
    tokens = words(text)
    assert "神经" in tokens and "科学" in tokens


@pytest.mark.parametrize("sentence", ["这笔钱将用于为云溪修建学校。", "明天从云溪出发。"])
def test_a_preposition_is_not_glued_onto_a_place_nobody_listed(sentence: str) -> None:
    """jieba's HMM reads 为云溪 as one unknown place: the reader would hover a word that is
    no word, and the names panel would list "为云溪"."""
    analyzer = default_analyzer()
    start = sentence.index("云溪")
    assert not [(s, e) for s, e in analyzer.segment(sentence) if s < start < e]


def test_two_states_together_are_not_the_nationalists_and_communists() -> None:
    """jieba cut 两国共有 as 两 + 国共 "KMT and CPC" + 有: the popup explained a word the
    sentence does not have, and the names panel listed a body; 国共两党 stays the word."""
    assert words("中泰两国共有三个口岸。")[1:3] == ["两国", "共有"]
    assert "国共" not in words("中老两国共进行了五轮磋商。")
    assert words("國共兩黨曾經合作。")[0] == "國共兩黨"
    assert not [e for e in default_analyzer().entities("中老两国共进行了五轮磋商。")
                if e.type == "organization"]


def test_wearing_a_garment_is_the_verb_and_its_particle() -> None:
    """jieba's 穿着 is one word, which CC-CEDICT knows only as the noun "attire": the popup
    on 他穿着一件红毛衣 explained a noun where the sentence has 穿 "to wear" and 着."""
    assert words("他穿着一件红毛衣。")[1:3] == ["穿", "着"]
    assert words("她穿著一條白裙子。")[1:3] == ["穿", "著"]
    assert "穿着" in words("他的穿着很讲究。")  # the noun stays whole


@pytest.mark.parametrize(("sentence", "name"), [("副主任李华说，今年全市将新建学校。", "李华"),
                                                ("王小明称，他没有去过那里。", "王小明"),
                                                ("副会长罗慧芳率工作组赶赴灾区。", "罗慧芳"),
                                                ("组长余晓峰作辅导报告。", "余晓峰")])
def test_a_verb_of_saying_is_not_glued_onto_a_person_nobody_listed(
    sentence: str, name: str
) -> None:
    """jieba's HMM reads 李华说 as one unknown name: the hover showed a word that is no word
    and the names panel listed "李华说" (and 罗慧芳率 + 工作组 as a working group, 余晓峰作)."""
    analyzer = default_analyzer()
    start = sentence.index(name)
    assert (start, start + len(name)) in analyzer.segment(sentence)
    people = [e.text for e in analyzer.entities(sentence) if e.type == "person"]
    assert people == [name]


def test_the_analysis_reads_ascii_marks_in_chinese_as_chinese_marks():
    """北京,上海; as 北京，上海； and ＩＢＭ１２ as IBM12, one character for one (offsets hold);
    a decimal point, an abbreviation's full stop, a colon, an English aside and a mark
    before Chinese (a title's dot, or a character an encoding lost: 对?某斋) stay."""
    from app.core.text.chars import analysis_form

    assert analysis_form("北京,上海;他来了.真的?") == "北京，上海；他来了.真的？"
    assert analysis_form("ＩＢＭ公司１２月") == "IBM公司12月"
    kept = "增长3.5%,Inc. 的杨格(Greg Yang)说:好"
    assert analysis_form(kept) == kept
    assert len(analysis_form("（哈马斯)发表声明,")) == len("（哈马斯)发表声明,")


def test_a_number_or_a_firm_typed_full_width_is_one_word():
    """１２．５％ and ＡＴ＆Ｔ were cut into single characters: jieba keeps a number with its
    point and per cent sign, or a name with its ampersand, together only in ASCII."""
    assert words("利润增长１２．５％，达到３．２亿元")[2:5] == ["１２．５％", "，", "达到"]
    assert "３．２" in words("利润增长１２．５％，达到３．２亿元")
    assert words("ＡＴ＆Ｔ公司")[0] == "ＡＴ＆Ｔ"
