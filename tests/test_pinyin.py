"""Contextual pinyin as the hover popup shows it: the right reading of a character in its word."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.core.analysis.analyzer import default_analyzer
from app.core.language import pinyin, polyphone_rules
from app.core.language.pinyin import PinyinReader, parse_overrides
from app.core.language.pinyin_tables import FILE_NAME, open_tables
from app.core.paths import dictionaries_dir
from app.core.text.chars import is_han
from app.core.text.script import to_simplified


def reading_of(sentence: str, word: str, words: list[tuple[int, int]] | None = None) -> str:
    start = sentence.index(word)
    return " ".join(default_analyzer().reader.read(sentence, words)[start : start + len(word)])


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("我去银行取钱。", "银行", "yín háng"),
        ("孩子长大了。", "长大", "zhǎng dà"),
        ("他明天还钱。", "还钱", "huán qián"),
        ("我还没吃饭。", "还", "hái"),
        ("我觉得很好。", "觉得", "jué de"),
        ("他慢慢地走了过来。", "慢慢地", "màn màn de"),
        ("他认真地学习。", "地", "de"),
        ("这个地方很大。", "地方", "dì fāng"),
        ("衣服干了。", "干", "gān"),
        ("他跑得很快。", "得", "de"),
        ("她的妹妹长得很高。", "长得", "zhǎng de"),  # CC-CEDICT's neutral de, not dé
        ("我睡着了。", "睡着", "shuì zháo"),
        ("他看着我。", "着", "zhe"),
        ("这很重要。", "重要", "zhòng yào"),
        ("我们重新开始。", "重新", "chóng xīn"),
        ("他是首席执行长。", "执行长", "zhí xíng zhǎng"),
        ("公司在成长。", "成长", "chéng zhǎng"),
    ],
)
def test_common_polyphones_read_as_in_the_word(sentence: str, word: str, expected: str) -> None:
    assert reading_of(sentence, word) == expected


@pytest.mark.parametrize(
    ("article", "snippet", "word", "expected"),
    [
        ("xai-greg-yang-steps-back.txt", "能进行高效的超参数", "进行", "jìn xíng"),
        ("openai-departures-after-sutskever.txt", "最重要的是两个", "重要", "zhòng yào"),
        ("openai-departures-after-sutskever.txt", "他们用 XGBoost 重新", "重新", "chóng xīn"),
        ("openai-departures-after-sutskever.txt", "这里影响力最大的还是", "还是", "hái shì"),
        ("meta-alexandr-wang-lecun-review.txt", "我們已經成長為一支超過", "成長", "chéng zhǎng"),
        ("sam-altman-reflections.txt", "銀行家、律師", "銀行", "yín háng"),
    ],
)
def test_article_snippets(article_text, article, snippet, word, expected) -> None:
    assert snippet in article_text(article)
    # The analysis hands the reader simplified text of the same length.
    assert reading_of(to_simplified(snippet), to_simplified(word)) == expected


def test_segmentation_words_are_the_context() -> None:
    sentence = "银行行长"
    bank_manager = default_analyzer().reader.read(sentence, [(0, 2), (2, 4)])
    assert bank_manager == ["yín", "háng", "háng", "zhǎng"]


def test_one_reading_per_character_and_empty_for_non_han() -> None:
    text = "首席AI官Alexandr Wang，28歲！🙂\n了"
    out = default_analyzer().reader.read(text)
    assert len(out) == len(text)
    for ch, syllable in zip(text, out, strict=True):
        assert (syllable != "") == is_han(ch), ch
    assert out[:2] == ["shǒu", "xí"]
    assert default_analyzer().reader.read("") == []
    assert default_analyzer().reader.read("GPT-4, 2023.") == [""] * len("GPT-4, 2023.")


def test_stray_traditional_characters_still_read_in_context() -> None:
    reader = default_analyzer().reader
    assert reader.read("長大的銀行行長") == reader.read("长大的银行行长")
    assert reading_of("他長大了。", "長大") == "zhǎng dà"


def test_tone_marks_use_u_umlaut() -> None:
    assert reading_of("她是女人。", "女") == "nǚ"
    assert reading_of("新的策略。", "策略") == "cè lüè"
    assert reading_of("绿色的。", "绿") == "lǜ"


def test_dictionary_words_still_right_without_the_network(monkeypatch) -> None:
    monkeypatch.setattr(pinyin, "_load_model", lambda: None)
    reader = PinyinReader(segmenter=lambda: default_analyzer().segmenter)
    out = reader.read("我去银行取钱，孩子长大了。")
    assert out[2:4] == ["yín", "háng"]
    assert out[9:11] == ["zhǎng", "dà"]


def test_reader_is_shared_and_safe_across_threads() -> None:
    sentence = "他们正在进行研究，银行行长觉得很重要。"
    expected = default_analyzer().reader.read(sentence)
    with ThreadPoolExecutor(max_workers=4) as pool:
        readers = list(pool.map(lambda _: default_analyzer().reader, range(8)))
        results = list(pool.map(lambda _: default_analyzer().reader.read(sentence), range(8)))
    assert all(r is readers[0] for r in readers)
    assert all(r == expected for r in results)


def test_pypinyin_readings_are_the_same_built_cached_damaged_or_kept_in_memory(
    tmp_path: Path,
) -> None:
    """A first start builds the tables into the cache folder, later starts read them back;
    a damaged file is rebuilt, and a folder that cannot hold them keeps them in memory."""
    words = ["银行", "行长", "长大", "觉得", "重新", "睡着", "一丝不苟", "研究成果", "不存在吧"]

    def answers(folder: Path) -> tuple:
        tables = open_tables(folder)
        tables.prefetch(words[:4])
        return (tables.chars, tables.max_word,
                [(tables.phrase(w), tables.is_common(w)) for w in words])

    built = answers(tmp_path / "fresh")
    assert built[2][0] == ("yín háng", True)
    assert built[0]["行"].split(",")[:2] == ["xíng", "háng"]
    assert answers(tmp_path / "fresh") == built  # read back from the file
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / FILE_NAME).write_bytes(b"\xff" * 4000)
    assert answers(damaged) == built
    assert (damaged / FILE_NAME).read_bytes()[:16] == b"SQLite format 3\x00"  # rebuilt
    blocked = tmp_path / "blocked"
    (blocked / FILE_NAME).mkdir(parents=True)  # a folder where the file belongs
    assert answers(blocked) == built
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the cache folder belongs", encoding="utf-8")
    assert answers(not_a_folder) == built


def test_overrides_file_is_documented_and_well_formed() -> None:
    path = dictionaries_dir() / "pinyin_overrides.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    entries = [line for line in lines if line.split("#", 1)[0].strip()]
    parsed = parse_overrides(lines)
    assert len(parsed.entries) == len(entries)  # no line silently dropped
    assert parsed.entries["还钱"].reading == ("huán", "qián")
    assert parsed.entries["得很"].open_end
    assert parsed.entries["干了"].clause_end


def test_clause_end_override_only_at_clause_end() -> None:
    assert reading_of("衣服干了。", "干") == "gān"
    assert reading_of("他干了什么？", "干") == "gàn"


# ---- issue 10: the reading never contradicts the dictionary ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("我很了解我的朋友。", "了解", "liǎo jiě"),
        ("大部分学生已经回家了。", "部分", "bù fèn"),
        ("这张相片是去年拍的。", "相片", "xiàng piàn"),
        ("你为何不早说？", "为何", "wèi hé"),
        ("他决定着手写一本书。", "着手", "zhuó shǒu"),
    ],
)
def test_the_network_never_overrules_a_dictionary_word(sentence, word, expected) -> None:
    assert reading_of(sentence, word) == expected


def test_a_word_with_two_listed_readings_reads_as_one_of_them() -> None:
    from app.core.language.lookup import reads_as

    for sentence, word in [("那天他们同行去上海。", "同行"), ("她是我的同行。", "同行")]:
        reading = reading_of(sentence, word).split()
        assert any(reads_as(e, reading) for e in default_analyzer().dictionary.lookup(word))


@pytest.mark.parametrize("sentence", ["抽屉被卡住了。", "车轮卡住了。"])
def test_a_context_rule_chooses_between_a_words_listed_readings(sentence: str) -> None:
    # CC-CEDICT lists 卡住 as kǎ zhù and qiǎ zhù; 卡 before 住 is qiǎ "stuck".
    assert reading_of(sentence, "卡住") == "qiǎ zhù"


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [("我弟弟明年要去北京读书。", "弟弟", "dì dì"), ("周末我们去姥姥家吃饭。", "姥姥", "lǎo lǎo")],
)
def test_a_neutral_syllable_takes_the_one_tone_the_network_knows(sentence, word, expected):
    """CC-CEDICT writes 弟弟 dì di; its second 弟 is still read dì (the tone the network
    learnt for those letters), a reading of the same entry."""
    from app.core.language.lookup import reads_as

    assert reading_of(sentence, word) == expected
    entries = default_analyzer().dictionary.lookup(word)
    assert any(reads_as(e, expected.split()) for e in entries)


def test_neutral_and_full_tone_are_one_reading() -> None:
    assert pinyin.same_reading(["bù", "fèn"], ["bù", "fen"])
    assert not pinyin.same_reading(["bù", "fēn"], ["bù", "fèn"])


# ---- traditional text reads as well as simplified ---------------------------------------------


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("他們正在聽著音樂。", "他们正在听着音乐。"),
        ("這意味著我們必須重新開始。", "这意味着我们必须重新开始。"),
        ("我想瞭解一下銀行的情況。", "我想了解一下银行的情况。"),
    ],
)
def test_traditional_reads_like_simplified(traditional: str, simplified: str) -> None:
    assert default_analyzer().reader.read(traditional) == default_analyzer().reader.read(simplified)


def test_traditional_zhu_keeps_its_reading_inside_words() -> None:
    assert reading_of("這是一家著名的公司。", "著名") == "zhù míng"
    assert reading_of("效果非常顯著。", "顯著") == "xiǎn zhù"
    assert reading_of("她陪著孩子。", "著") == "zhe"


def test_a_character_the_conversion_merges_keeps_its_own_reading() -> None:
    # OpenCC turns 閤 (gé, a pavilion) into 合 (hé); the network reads the original.
    assert reading_of("那座楼閤很高。", "閤") == "gé"


# ---- lone polyphones decided from context -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("妈妈为孩子做了一顿饭。", "为", "wèi"),
        ("他很忙，为避免误会，先打了电话。", "为避", "wèi"),
        ("大家都称他为老师。", "为", "wéi"),
        # 为 before the person something is done for, or before 给 ... an action: wèi.
        ("服务员为您点好了菜。", "为", "wèi"),
        ("老师为他们讲了一个故事。", "为", "wèi"),
        ("她为给弟弟买书，存了一年的钱。", "为给", "wèi"),
        # A named object before it (称其为), a place word as its subject (以下为): wéi.
        ("人们称其为小诸葛。", "为", "wéi"),
        ("以下为本次活动的安排。", "为", "wéi"),
        ("天太晚了，你得早点睡觉。", "得", "děi"),
        ("他跑得很快。", "得", "de"),
        ("我家有两只猫。", "只", "zhī"),
        ("我只想休息。", "只", "zhǐ"),
        ("孩子还没醒。", "没", "méi"),
        ("这条路有点长。", "长", "cháng"),
        ("他脸上长了一个包。", "长", "zhǎng"),
        ("这种药的疗程长，见效慢。", "长", "cháng"),  # after a span of time
        ("借的钱明天一定要还。", "还", "huán"),
        ("他还想再看一遍。", "还", "hái"),
        ("天气比昨天更好。", "好", "hǎo"),
        ("今天来的人很少。", "少", "shǎo"),
        ("他曾去过北京。", "曾", "céng"),
        ("把音量调低一点。", "调", "tiáo"),
    ],
)
def test_lone_polyphones_read_from_context(sentence: str, char: str, expected: str) -> None:
    # `char` may carry the next character to pick one occurrence (为节: the 为 before 节).
    start = sentence.index(char)
    assert default_analyzer().reader.read(sentence)[start] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("他高兴地跳了起来。", "地", "de"),
        ("她轻轻地关上了门。", "地", "de"),
        ("孩子们一个个地走进教室。", "地", "de"),  # after a doubled character
        ("雨点软软地落在脸上。", "地", "de"),
        # 地 the noun after a word: a field, a site, before a noun or the clause's end.
        ("村口有一块菜地。", "地", "dì"),
        ("这里曾是一片养殖地，后来盖了楼。", "地", "dì"),
        ("山脚下的茶园地势很高。", "地势", "dì"),
        # ... also before an action when the word is a named action or a place (养殖/vn).
        ("这片养殖地被洪水淹了。", "地", "dì"),
        ("我们要科学地安排时间。", "地", "de"),
    ],
)
def test_adverbial_de_only_before_an_action(sentence: str, char: str, expected: str) -> None:
    assert reading_of(sentence, char).split()[0] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        # jieba cuts these dictionary words into characters; the word still decides.
        ("这位老歌手今晚压轴出场。", "轴", "zhòu"),
        ("她剪了一头短发。", "发", "fà"),
        ("我爱听苏州评弹。", "弹", "tán"),
        ("早饭买了个卷饼。", "卷", "juǎn"),
        ("创面已经愈合了。", "创", "chuāng"),
        # No word across a particle, a numeral or a doubled verb: 中的, 一场, 查查.
        ("他在相片中的样子很年轻。", "中", "zhōng"),
        ("下了一场大雨。", "场", "chǎng"),
        ("我们来查查资料。", "查", "chá"),
        # A longer phrase made of whole words around the character: 老本/行, 轮机/长, 干/亲家.
        ("退休后他又干起了老本行。", "行", "háng"),
        ("船上的轮机长生病了。", "长", "zhǎng"),
        ("这两家是干亲家。", "干", "gān"),
        # A context rule sure of the character outranks a word around it: 都/会, not 都会 dū.
        ("大家都会来参加。", "都", "dōu"),
    ],
)
def test_words_the_segmenter_split_still_read_as_words(
    sentence: str, char: str, expected: str
) -> None:
    assert reading_of(sentence, char) == expected


def test_a_lone_character_reads_as_the_dictionary_lists_it() -> None:
    from app.core.language.lookup import reads_as

    sentence = "谁在外面？"
    (reading,) = default_analyzer().reader.read(sentence)[:1]
    assert any(reads_as(e, [reading]) for e in default_analyzer().dictionary.lookup("谁"))


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("你别弄坏了我的电脑。", "弄", "nòng"),
        ("她家住在长乐路120弄。", "弄", "lòng"),  # an address: the lane after its number
        ("我们都喜欢喝茶。", "都", "dōu"),
        ("大家应尽快离开。", "应", "yīng"),
        ("她去市场挑水果。", "挑", "tiāo"),
        # 着 zháo as a potential complement; the aspect particle elsewhere.
        ("我翻来覆去睡不着。", "着", "zháo"),
        ("有我在，饿不着你们。", "着", "zháo"),
        ("这本书你用得着吗？", "着", "zháo"),
        ("他看着窗外。", "着", "zhe"),
        # 卡 qiǎ "stuck" before where it sticks; kǎ "card" after a determiner.
        ("鱼刺卡在嗓子里了。", "卡", "qiǎ"),
        ("我的卡在钱包里。", "卡", "kǎ"),
        # 种 zhǒng after a number, zhòng as the action.
        ("这是一种新药。", "种", "zhǒng"),
        ("今年他们改种玉米。", "种", "zhòng"),
        ("奶奶在院子里种了几棵树。", "种", "zhòng"),
        ("你不应随便动别人的东西。", "应", "yīng"),
        # 得 děi opening a clause, or after a verb of guessing.
        ("天黑了，得赶紧回家。", "得", "děi"),
        ("路上堵车，估计得晚点到。", "得", "děi"),
        # 得 de between an action or a state and how it turned out; dé before what is won.
        ("这场雪下得真大。", "得", "de"),
        ("你这件事办得漂亮。", "得", "de"),
        ("孩子们高兴得跳了起来。", "得", "de"),
        ("他写得比我好。", "得", "de"),
        ("他在比赛中摘得金牌。", "得", "dé"),
        ("我借你的书，明天还你。", "还", "huán"),
        # 为 wéi "to be": a verb after a conjunction is not the action 为 wèi serves.
        ("他被任命为经理并负责销售。", "为", "wéi"),
        ("他不愧为一代名医。", "为", "wéi"),
        ("他们为孩子们准备了礼物。", "为", "wèi"),
        # 只 zhī after a number written in digits, zhǐ "only" after a number word's noun.
        # Verbs whose other readings live in words: 哄 hǒng, 藏 cáng, 塞 sāi, 教 jiāo,
        # the adverb 更 gèng, 冲 chòng "towards" before a person and an action.
        ("妈妈在哄弟弟睡觉。", "哄", "hǒng"),
        ("小狗把骨头藏了起来。", "藏", "cáng"),
        ("她往包里塞了两个苹果。", "塞", "sāi"),
        ("爷爷教我下象棋。", "教", "jiāo"),
        ("修好以后这辆车会更像新的。", "更", "gèng"),
        ("她冲我笑了笑。", "冲", "chòng"),
        ("他冲进了房间。", "冲", "chōng"),
        # 倒 dǎo as a verb's result, dào poured somewhere.
        ("一阵大风把树吹倒了。", "倒", "dǎo"),
        ("请把茶倒进杯子里。", "倒", "dào"),
        ("各大医院都需要提前挂号。", "都", "dōu"),  # after a noun jieba may tag as a name
        ("借了钱不还的人没有信用。", "还", "huán"),
        ("借的书不还吗？", "还", "huán"),
        ("你别为这事着急。", "为", "wèi"),  # after a prohibition
        # 将 jiàng the commander ending a clause; jiāng "will" before its verb.
        ("他后来被任命为参将。", "将", "jiàng"),
        ("我们将在明天出发。", "将", "jiāng"),
        ("两个孩子挨在一起坐。", "挨", "āi"),
        ("小狗在院子里刨了个坑。", "刨", "páo"),
        ("出锅前撒上一点葱花。", "撒", "sǎ"),  # sprinkled onto
        ("他尽得师父的真传。", "尽", "jìn"),
        ("博物馆里有一顶古代的冠。", "冠", "guān"),  # the noun, a hat
        ("月亮周围的晕很明显。", "晕", "yùn"),  # the noun, a halo
        ("他坐车坐晕了。", "晕", "yūn"),
        ("递给我一块干毛巾。", "干", "gān"),  # dry, after a measure word
        ("大家撸起袖子使劲干。", "干", "gàn"),  # to do, ending the clause
        # Spoken readings of verbs and adjectives whose other readings are written words.
        ("这块木板越用越薄。", "薄", "báo"),
        ("走了这么久，累死我了。", "累", "lèi"),
        ("她坐在窗边数星星。", "数", "shǔ"),
        ("孩子们围着老师转。", "转", "zhuàn"),
        ("风车慢慢转起来了。", "转", "zhuàn"),
        ("他不想露脸。", "露", "lòu"),
        ("他铆足了劲往前跑。", "劲", "jìn"),
        ("桌上有3只苹果。", "只", "zhī"),
        ("他只差一步就赢了。", "只", "zhǐ"),
        # Characters whose other readings live only in words: 咋 zǎ "how", 崴 wǎi
        # "sprain", 脏 zāng "dirty", 倔 juè "gruff"; 宿 xiǔ, nights counted after a number.
        ("这事咋样了？", "咋", "zǎ"),
        ("他打球时把脚崴了。", "崴", "wǎi"),
        ("你的鞋脏了。", "脏", "zāng"),
        ("老头儿脾气很倔，谁劝也不听。", "倔", "juè"),  # 倔强 jué is a word's own
        ("这孩子倔强得很。", "倔", "jué"),
        ("它们腿短体胖，跑得很慢。", "胖", "pàng"),  # 心广体胖 pán is a word's own
        ("小猫一下子就逮住了老鼠。", "逮", "dǎi"),  # 逮捕 dài is a word's own
        ("她揣好钥匙出了门。", "揣", "chuāi"),  # carried; 揣测 chuǎi is a word's own
        ("他们住在大夯镇。", "夯", "hāng"),  # bèn, a variant of 笨, names nothing
        ("大家以读书为乐。", "乐", "lè"),
        ("我们的乐队很棒。", "乐", "yuè"),  # in a word, the word decides
        ("我昨晚一宿没睡好。", "宿", "xiǔ"),
        # 应 yīng "should" after its subject, whatever jieba tags what follows.
        ("司机应引以为戒。", "应", "yīng"),
        ("孩子应多喝水。", "应", "yīng"),
        ("政府应全力救灾。", "应", "yīng"),
    ],
)
def test_more_lone_polyphones(sentence: str, char: str, expected: str) -> None:
    assert default_analyzer().reader.read(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize("line", ["天黑了我们该回家啦", "饭已经做好啦", "他们都走啦"])
def test_a_line_without_final_punctuation_reads_as_on_its_own(line: str) -> None:
    """A headline or a line of verse ends at its line break, not at a full stop: the line
    break must not change how its last words read (啦 stays the particle la)."""
    reader = default_analyzer().reader
    alone = reader.read(line)
    assert alone[-1] == "la"
    assert reader.read(line + "\n下一行是另一句话。")[: len(line)] == alone


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("曾小贤今天没来上班。", "曾", "zēng"),  # the surname opening a name
        ("小曾明天来我们组帮忙。", "曾", "zēng"),  # how colleagues call Mr Zeng
        ("她从小曾在乡下住过。", "曾", "céng"),  # 从小 "since childhood", then "once"
        ("他曾在这里工作。", "曾", "céng"),  # the adverb "once"
        ("赵少平是我的同学。", "少", "shào"),  # a given name: "young"
        ("她叫王春燕。", "燕", "yàn"),  # a given name: "swallow", not the state of Yān
        ("李文乐明天回国。", "乐", "lè"),
        ("王长林是个木匠。", "长", "cháng"),
    ],
)
def test_characters_of_a_persons_name_read_as_names_use_them(
    sentence: str, char: str, expected: str
) -> None:
    assert default_analyzer().reader.read(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("这款手机的屏占率很高。", "率", "lǜ"),  # the suffix "rate" after a word
        ("他亲自率队出征。", "率", "shuài"),  # "to lead"
        ("市长率考察团访问了三个城市。", "率", "shuài"),  # an office leads
        ("老队长率全队向观众致意。", "率", "shuài"),
        ("这家工厂的次品率很低。", "率", "lǜ"),
        ("这口气我咽不下。", "咽", "yàn"),  # swallowing takes 下
        ("药片太大，他咽不下去。", "咽", "yàn"),
        ("她把照片粘在墙上。", "粘", "zhān"),  # stuck somewhere
        ("这种米煮出来很粘。", "粘", "nián"),  # sticky
        ("他攒够了钱就去旅行。", "攒", "zǎn"),  # saved up
        ("一阵风把帽子卷走了。", "卷", "juǎn"),  # rolled away
        ("这套书共有三卷。", "卷", "juàn"),  # volumes
        ("妈妈着实为他担心了好几天。", "为", "wèi"),  # 着实 "really" is no copula adverb
        ("这个秘密终为邻居发现。", "为", "wéi"),  # the literary passive without 所
    ],
)
def test_verbs_read_by_what_follows_them(sentence: str, char: str, expected: str) -> None:
    assert default_analyzer().reader.read(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("院子里有两处破损的地方。", "处", "chù"),  # a place, counted
        ("这就是他们所处的环境。", "处", "chǔ"),  # 所 + the verb "to be situated"
        ("把报纸铺在桌子上。", "铺", "pū"),  # spread somewhere
        ("工人把地毯铺开了。", "铺", "pū"),
        ("街角有一家药铺。", "铺", "pù"),  # a shop
        ("我真替他捏了一把汗。", "汗", "hàn"),  # sweat
        ("多年后阿布汗去世了。", "汗", "hán"),  # a khan, after his name
        ("地太硬，得用锄镐刨。", "镐", "gǎo"),  # the pickaxe, with the hoe
        ("墙角放着一把镐。", "镐", "gǎo"),
        ("场上有一个大草垛。", "垛", "duò"),  # a stack of straw
        ("城垛上站着哨兵。", "垛", "duǒ"),  # a battlement
        ("那人抡着棍子冲过来。", "抡", "lūn"),  # swinging
        ("他撇头看了一眼窗外。", "撇", "piě"),  # turning the head
        ("把汤上的油撇掉。", "撇", "piē"),  # skimming off
        ("稻草沤了一个月就烂了。", "沤", "òu"),  # steeped
        ("吃完再盛粥。", "盛", "chéng"),  # ladled into the bowl
        ("你帮我盛鸡汤。", "盛", "chéng"),
        ("唐朝国力很盛。", "盛", "shèng"),  # flourishing
        ("他年轻时曾两次落榜。", "曾", "céng"),  # "once", before how often
        ("李建国曾一度想辞职。", "曾", "céng"),
        ("这件旧衣服她一直不肯舍。", "舍", "shě"),  # to part with, after a modal
        ("人生总是有舍有得的。", "舍", "shě"),
        ("小区新建了一个犬舍。", "舍", "shè"),  # a house (for dogs)
        ("今年的收成太差。", "差", "chà"),  # poor, after a degree word
        ("他说这家店服务差，不想再来。", "差", "chà"),  # poor, ending its clause
        ("两地的温差很大。", "差", "chā"),  # a difference, in a word
        ("她的头发像稻草一样散。", "散", "sǎn"),  # loose
        ("人群慢慢散去。", "散", "sàn"),  # dispersing
        ("他听完这个消息，整个人都蒙了。", "蒙", "mēng"),  # dazed
        ("这道题把我问蒙了。", "蒙", "mēng"),
        ("妈妈把剩下的牛奶倒在杯子里。", "倒", "dào"),  # poured, 把 + what is poured
        ("老人倒在路边。", "倒", "dǎo"),  # fallen
        ("他把对手推倒在地。", "倒", "dǎo"),
        ("我们要走咯。", "咯", "lo"),  # the particle ending the sentence
        ("你明天记得带伞哦。", "哦", "o"),  # the particle; ò "oh!" opens a clause
        ("门口有人喊“开饭咯”，大家都跑了过去。", "咯", "lo"),  # closing a quotation
        ("他笑得咯咯响。", "咯", "gē"),  # cackling
        ("他早就知道哩。", "哩", "li"),
        ("这条路长十哩。", "哩", "lǐ"),  # miles
    ],
)
def test_lone_characters_read_by_their_grammar(sentence: str, char: str, expected: str) -> None:
    """Each reading is one CC-CEDICT lists for the character; which one is the grammar's:
    a measure word after a number, a verb before where it goes, a noun after what it is."""
    assert default_analyzer().reader.read(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("王海、肖亮等人认为这样不行。", "肖", "xiāo"),  # the surname, not xiào "to resemble"
        ("这幅肖像很传神。", "肖", "xiào"),
        ("周末我们去了太清观。", "观", "guàn"),  # a Taoist temple
        ("年轻人要树立正确的三观。", "观", "guān"),  # views
        ("他家门前就是乌沙涌。", "涌", "chōng"),  # a Cantonese creek
        ("人群涌向广场。", "涌", "yǒng"),  # surging
    ],
)
def test_names_of_people_and_places_read_as_names_use_them(
    sentence: str, char: str, expected: str
) -> None:
    assert default_analyzer().reader.read(sentence)[sentence.index(char)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("他摔了一跤，膝盖上全是血。", "xiě"),  # blood on its own, ending the clause
        ("刀口太深，地上流了一滩血呢。", "xiě"),
        ("墙上溅了几个血点。", "xuè"),  # modifying a noun: the written reading
    ],
)
def test_blood_on_its_own_takes_the_colloquial_reading(sentence: str, expected: str) -> None:
    """CC-CEDICT gives 血 xuè with "colloquial pr. [xie3]": the spoken noun ending a clause
    is xiě, and the popup's entry is the one read so (no contradiction)."""
    from app.core.language.lookup import reads_as

    reading = default_analyzer().reader.read(sentence)[sentence.index("血")]
    assert reading == expected
    assert any(reads_as(e, [reading]) for e in default_analyzer().dictionary.lookup("血"))


@pytest.mark.parametrize(
    "sentence", ["老师启发性地提问学生。", "公司前瞻性地布局新能源。"]
)
def test_an_adjective_in_xing_makes_an_adverb_with_de(sentence: str) -> None:
    """X性地 is "in an X way" even where jieba cuts 性 off or tags the action as a noun."""
    assert default_analyzer().reader.read(sentence)[sentence.index("地")] == "de"


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("今天夜里气温要降五度。", "降", "jiàng"),  # falling by an amount
        ("水位又降了两米。", "降", "jiàng"),
        ("守城的将领只好出城乞降。", "降", "xiáng"),  # surrendering: no amount
        ("他正在读《王小明传》。", "传", "zhuàn"),  # a biography, ending the title
        ("这个消息很快传遍了全村。", "传", "chuán"),  # passed on
        ("博物馆所藏的古画很多。", "藏", "cáng"),  # 所 + the verb "to keep"
        ("他后来被国王封为相。", "相", "xiàng"),  # the minister, ending the clause
        ("寺前立着一座石幢。", "幢", "chuáng"),  # a stone pillar, after its material
        ("村里新盖了三幢楼。", "幢", "zhuàng"),  # counting buildings
        ("大楼东北边有一个停车场。", "边", "bian"),  # toneless after a direction
        ("他坐在河边钓鱼。", "边", "biān"),
        ("把鸡块放进油锅再炸五分钟。", "炸", "zhá"),  # deep-fried for how long
        ("那匹马跑得非常快。", "得", "de"),  # the complement of degree
        ("阳台由一根挑梁托着。", "挑", "tiǎo"),  # a cantilever beam propped out
        ("她去菜场挑菜。", "挑", "tiāo"),  # choosing
    ],
)
def test_written_style_readings_from_grammar(sentence: str, char: str, expected: str) -> None:
    """Encyclopedic prose uses these characters in their written senses, which the grammar
    around them gives away; each reading is one CC-CEDICT lists for the character."""
    from app.core.language.lookup import reads_as

    reading = default_analyzer().reader.read(sentence)[sentence.index(char)]
    assert reading == expected
    assert any(reads_as(e, [reading]) for e in default_analyzer().dictionary.lookup(char))


def test_meng_beside_another_people_is_mongol() -> None:
    """jieba sometimes cuts 蒙藏 into 蒙|藏; 蒙 before another people's one-character name is
    the abbreviation of Mongolia (měng), before what covers it the verb méng."""
    text = "设立蒙藏院"
    tagged = [(0, 2, "v"), (2, 3, "v"), (3, 4, "j"), (4, 5, "n")]
    assert polyphone_rules.meng(text, tagged, 1) == "měng"
    text = "蒙上一层灰"
    tagged = [(0, 1, "v"), (1, 2, "f"), (2, 4, "m"), (4, 5, "n")]
    assert polyphone_rules.meng(text, tagged, 0) is None


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("金斑蝶（学名：）为蛱蝶科斑蝶属下的一个种。", "为", "wéi"),  # the defining "is"
        ("他为大家准备了晚饭。", "为", "wèi"),
        ("张三（右）为获奖者颁奖。", "为", "wèi"),  # a caption's bracket defines nothing
        ("远处传来一阵乐声。", "乐", "yuè"),  # music, in a compound left in pieces
        ("孩子们玩得很乐。", "乐", "lè"),
        ("大军连夜奔城而去。", "奔", "bèn"),  # heading for a place
        ("他大喝一声，冲了上去。", "喝", "hè"),  # shouting
        ("他每天喝牛奶。", "喝", "hē"),
        ("村里有李家弄和赵家桥两个自然村。", "弄", "lòng"),  # a lane named after a family
        ("他把玩具弄坏了。", "弄", "nòng"),
        ("汤里再放一撮葱花。", "撮", "cuō"),  # a pinch, counted
        ("他下巴上留着一撮胡子。", "撮", "zuǒ"),  # a tuft of hair
        ("这项法律有很强的阻吓作用。", "吓", "hè"),  # deterring
        ("那只狗把孩子吓哭了。", "吓", "xià"),
        ("星系被包在一团暗物质晕里面。", "晕", "yùn"),  # the halo, a noun
        ("宋朝设立两浙都转运使司。", "都", "dū"),  # chief of an office ending in 使/司
        ("他们都指挥过军队。", "都", "dōu"),
        ("他接受了北都记者的采访。", "都", "dū"),  # a name: one-character place + 都
        ("中日韩都派了代表。", "都", "dōu"),  # a list of places: "all"
        ("他在白都镇开了一家小店。", "都", "dū"),  # before what its place is
        ("鞋底处磨破了一个洞。", "处", "chù"),  # the spot, after the noun it places
    ],
)
def test_encyclopedic_prose_read_by_its_grammar(sentence: str, char: str, expected: str) -> None:
    """Patterns of written, encyclopedic text; each reading is one CC-CEDICT lists."""
    from app.core.language.lookup import reads_as

    reading = default_analyzer().reader.read(sentence)[sentence.index(char)]
    assert reading == expected
    assert any(reads_as(e, [reading]) for e in default_analyzer().dictionary.lookup(char))


@pytest.mark.parametrize(
    ("sentence", "char", "expected"),
    [
        ("她身着一袭白色长裙走进来。", "着", "zhuó"),
        ("孩子最近总长痘，脸上红红的。", "长", "zhǎng"),
        ("这次吃了亏，你该长记性了。", "长", "zhǎng"),
        ("我家有只小花猫。", "只", "zhī"),
        ("我只有一个苹果。", "只", "zhǐ"),
        ("护士给他量了体温。", "量", "liáng"),
        ("今年的降雨量很大。", "量", "liàng"),
        ("这些资料供参考。", "供", "gōng"),
        ("他为救落水儿童受了伤。", "为", "wèi"),
        ("大家称他为活雷锋。", "为", "wéi"),
        ("天都黑了，他怎么还不回来？", "还", "hái"),
        ("裤腿处破了个洞。", "处", "chù"),
        ("老张将其赶出了门。", "将", "jiāng"),
        ("他下着一条旧裤子出门。", "着", "zhuó"),
        ("她正看着一件新衣服发呆。", "着", "zhe"),
        ("他们一起数星星。", "数", "shǔ"),
        ("那孩子吃饭没有吃相。", "相", "xiàng"),
        ("他对记者称，此事与他无关。", "称", "chēng"),
        ("创业容易守业难。", "难", "nán"),
        ("他在地震中幸免于难。", "难", "nàn"),
        ("他们卖的是假茅台。", "假", "jiǎ"),
        ("用胶水粘邮票。", "粘", "zhān"),
        ("医生说这是粘膜发炎。", "粘", "nián"),
        ("快把鞋穿好，我们要出门了。", "好", "hǎo"),
        ("她专门教初学者。", "教", "jiāo"),
        ("那个小孩冲我做了个鬼脸。", "冲", "chòng"),
        ("周末我们去公园划船吧。", "划", "huá"),
        ("听说杨少最近又换了女朋友。", "少", "shào"),
        ("唐将李靖率军北上。", "将", "jiàng"),
        ("明将张三调往外地。", "将", "jiāng"),  # tomorrow will
        ("他家一年能收三斗米。", "斗", "dǒu"),
        ("两只公鸡斗了起来。", "斗", "dòu"),
        ("多年的心血一朝化为乌有。", "朝", "zhāo"),
        ("门朝南开。", "朝", "cháo"),
        ("一块石头砸中了他的车。", "中", "zhòng"),
        ("她戴着漂亮的发饰。", "发", "fà"),
        ("老师发试卷了。", "发", "fā"),
    ],
)
def test_everyday_speech_read_by_its_grammar(sentence: str, char: str, expected: str) -> None:
    """Spoken sentences give these characters away by what surrounds them: 着 before what
    is worn, 长 before what grows, 只 counting after 有, 量 taking 了, 供 before an action,
    为 after its subject before an action, 还 after 怎么, 处 after the part it locates,
    难 ending its clause, 假 before a noun, 教 before the people taught, 冲 before a person."""
    from app.core.language.lookup import reads_as

    reading = default_analyzer().reader.read(sentence)[sentence.index(char)]
    assert reading == expected
    assert any(reads_as(e, [reading]) for e in default_analyzer().dictionary.lookup(char))


def test_chu_after_a_noun_is_the_spot_unless_a_complement_follows() -> None:
    """鞋底处 is "the spot at the sole"; 婆媳处得好 is "get along", which the rule leaves to
    the network."""
    tagged = [(0, 2, "n"), (2, 3, "n"), (3, 4, "v"), (4, 5, "v")]
    assert polyphone_rules.chu_part("鞋底处磨破", tagged, 1) == "chù"
    tagged = [(0, 2, "n"), (2, 3, "n"), (3, 4, "ud"), (4, 5, "a")]
    assert polyphone_rules.chu_part("婆媳处得好", tagged, 1) is None


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("周末我们一起聊聊天吧。", 6, "liáo"),  # 聊|聊天
        ("他俩撒撒网就回家了。", 2, "sā"),  # 撒|撒网
        ("他做事懒懒散散的。", 6, "sǎn"),  # 懒|懒散|散
    ],
)
def test_a_doubled_character_reads_as_in_its_word(
    sentence: str, position: int, expected: str
) -> None:
    """聊聊天, 懒懒散散: the lone copy of a word's first (or last) character reads as the
    word does, whatever the network guesses for it on its own."""
    assert default_analyzer().reader.read(sentence)[position] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("他穿着一件红毛衣。", "chuān zhe"),  # wearing: 穿 and the aspect particle
        ("孩子们穿着校服排队。", "chuān zhe"),
        ("她穿着一件旧外套出门。", "chuān zhe"),
        ("哥哥穿着黑色夹克。", "chuān zhe"),
        ("她穿著一條白裙子。", "chuān zhe"),  # traditional: the particle is 著
        ("他的穿着很讲究。", "chuān zhuó"),  # the noun "attire"
    ],
)
def test_wearing_a_garment_reads_the_aspect_particle(sentence: str, expected: str) -> None:
    """CC-CEDICT lists 穿着 only as the noun "attire" (chuān zhuó); before what is worn it is
    the verb 穿 with the progressive 着 (zhe), as in 戴着帽子."""
    word = "穿着" if "穿着" in sentence else "穿著"
    assert reading_of(sentence, word) == expected
