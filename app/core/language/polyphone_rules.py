"""Context rules for single-character polyphones the network reads poorly.

The network (g2pM) was trained on Wikipedia-style text: it reads a lone 为 as wéi, a lone
得 as dé, 只 as zhǐ. These rules look at the neighbouring words and their jieba part-of-speech
tags (grammar, not example sentences) and decide only where the pattern is unambiguous;
elsewhere the network decides. Each rule is kept because it raises accuracy on the dev half
of the everyday benchmark (benchmarks/bench_pinyin.py prints the per-character table).

A token is (start, end, tag) over the simplified text; rules see only one-character tokens.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from app.core.text.chars import CLAUSE_MARKS, is_han

Tagged = Sequence[tuple[int, int, str]]
Rule = Callable[[str, Tagged, int], "str | None"]

# Punctuation that ends a clause: a rule never looks past it.
_CLAUSE_MARKS = frozenset(CLAUSE_MARKS)
_DEGREE = frozenset(["很", "太", "更", "最", "挺", "真", "越", "较", "比较", "非常", "有点",
                     "有些", "特别", "十分", "甚", "极", "好", "那么", "这么", "多么", "不"])
_NUMBER_END = frozenset("一二两三四五六七八九十百千万几每某这那哪另半双")


def _counted(text: str, tagged: Tagged, k: int) -> bool:
    """A number or a demonstrative ends right before the k-th token (一只, 三幢, 3宿, 那处):
    the character there is a measure word."""
    before = _text(text, tagged, k - 1)
    return bool(before) and (before[-1] in _NUMBER_END or before[-1].isdigit())


def _text(text: str, tagged: Tagged, k: int) -> str:
    """The k-th token's text ("" outside the sentence, or past a clause mark)."""
    if not 0 <= k < len(tagged):
        return ""
    start, end, _ = tagged[k]
    return text[start:end]


def _tag(tagged: Tagged, k: int) -> str:
    return tagged[k][2] if 0 <= k < len(tagged) else "x"


def _clause_start(text: str, tagged: Tagged, k: int) -> bool:
    before = _text(text, tagged, k - 1)
    return not before or before[-1] in _CLAUSE_MARKS or before.isspace()


def _ends_clause(text: str, tagged: Tagged, k: int) -> bool:
    """Is the k-th token a clause mark, or past the end of the text?"""
    word = _text(text, tagged, k)
    return not word or word[0] in _CLAUSE_MARKS


def _is_verb(tag: str) -> bool:
    return tag.startswith("v") and tag != "vn"


def _clause_after(text: str, tagged: Tagged, k: int, limit: int = 8) -> list[int]:
    """Indexes of the tokens after k up to the end of its clause."""
    out = []
    for n in range(k + 1, min(len(tagged), k + 1 + limit)):
        word = _text(text, tagged, n)
        if not word or word[0] in _CLAUSE_MARKS:
            break
        out.append(n)
    return out


def _clause_before(text: str, tagged: Tagged, k: int, limit: int = 8) -> list[int]:
    out = []
    for n in range(k - 1, max(-1, k - 1 - limit), -1):
        word = _text(text, tagged, n)
        if not word or word[-1] in _CLAUSE_MARKS:
            break
        out.append(n)
    return out


# Adverbs after which 为 is "to be" (均为, 皆为, 多为), and verbs of intent before a 为 "for".
_COPULA_ADVERBS = frozenset("均皆多即乃则实确现亦原都愧")
# Verbs of knowing and accepting that end a literary passive 为 + agent + (所) + verb
# (终为路人发现, 渐为世人熟知); a verb 为 wèi serves takes no such object-less end.
_PASSIVE = frozenset(["发现", "熟知", "知晓", "接受", "认可", "重视", "忽视", "取代", "欢迎",
                      "喜爱", "称道", "采用", "淘汰", "诟病", "推崇", "赏识", "青睐", "传颂",
                      "遗忘", "击败", "识破", "察觉"])
# Adverbs of degree that end like a copula adverb but modify a verb of feeling or doing
# (着实为他担心, 委实为大家着想): "really", never "is".
_DEGREE_ADVERBS = frozenset(["着实", "委实"])
_INTENT = frozenset(["要", "想", "决定", "表示", "打算", "愿", "愿意", "应", "应该", "可以",
                     "能", "会", "将", "得", "准备", "专门", "特意", "特地"])
# Prohibitions: 为 after them is "for" (别为小事生气, 不必为他担心); "don't be" is 别当, 别做.
_PROHIBIT = frozenset(["别", "不要", "不必", "不用", "何必", "千万", "莫", "甭"])
_NOUNISH = ("r", "nr", "n", "ns", "nz", "nt", "zg", "m", "nrt", "nrfg", "t", "j", "s", "vn")


# What joins the members of a list (李家弄和赵家桥, 中、日): 弄 and 都 read as in a name
# before or after one.
_LIST_JOINS = frozenset(["和", "与", "及", "、"])
# What joins predicates as well as list members: a verb after one starts another predicate
# (某某为制片人并担任…). 、 never reaches these tests: it ends a clause (`_clause_after`).
_CONJUNCTIONS = _LIST_JOINS | {"以及", "或", "或者", "并", "并且", "且", "同时"}

# Who 为 wèi is done for: a person right after 为 (为您服务, 为之揣测, 人不为己).
_PERSONS = frozenset(["您", "你", "我", "他", "她", "它", "咱", "己", "之", "你们", "我们",
                      "他们", "她们", "咱们", "大家", "自己", "人民", "别人", "他人"])


def _served(word: str) -> bool:
    """Whether the word right after 为 says whom 为 wèi serves (为您服务, 为之揣测) or opens
    what is done for them (为给孩子治病): "for", never "to be"."""
    return word in _PERSONS or word == "给"


def wei(text: str, tagged: Tagged, k: int) -> str | None:
    """为 wèi "for, in order to": 为 + (someone) + an action in the same clause (为儿求情,
    为避免误会, 为…而, 为您服务, 为给孩子治病); wéi "to be, as" after a verb or its object
    (称他为, 被选为), after a place word (以下为), in 以…为, 为…所."""
    after = _clause_after(text, tagged, k)
    before = _clause_before(text, tagged, k)
    if not after or any(
        _text(text, tagged, n) in ("所", "以", "被") for n in [*after[:4], *before]
    ):
        return None
    if any(_text(text, tagged, n) == "而" for n in after[1:]):
        return "wèi"
    last = after[-1]
    if len(after) > 1 and _text(text, tagged, last) in _PASSIVE and _ends_clause(
        text, tagged, last + 1
    ):
        return "wéi"  # 为…(所)发现: the literary passive, its verb left without an object
    previous = _text(text, tagged, before[0]) if before else ""
    if previous in _PROHIBIT:
        return "wèi"
    if before and _is_verb(_tag(tagged, before[0])) and previous not in _INTENT:
        return None
    if previous[-1:] in _COPULA_ADVERBS and previous not in _DEGREE_ADVERBS:
        return None
    if before and _tag(tagged, before[0]) == "f" and all(_tag(tagged, n) != "p" for n in before):
        return None  # 以下为, 其中为: a place word is the subject
    if len(before) > 1 and _is_verb(_tag(tagged, before[1])) and _tag(tagged, before[0]) == "r":
        return None  # 称其为, 视他为: the verb's object is named
    if _served(_text(text, tagged, after[0])):
        return "wèi"
    # The action 为 wèi introduces belongs to its own phrase: a verb after a conjunction
    # (某某为制片人并担任…, 东为候车室和出站口) starts another predicate.
    phrase = list(itertools.takewhile(lambda n: _text(text, tagged, n) not in _CONJUNCTIONS,
                                      after[1:]))
    verb_follows = any(_is_verb(_tag(tagged, n)) for n in phrase)
    if _is_verb(_tag(tagged, after[0])):
        if not before or _tag(tagged, before[0]) == "d" or previous in _INTENT:
            return "wèi"
        return None
    if _tag(tagged, after[0]) in _NOUNISH and verb_follows:
        return "wèi"
    if (previous in _INTENT or _tag(tagged, before[0] if before else -1) == "d") and verb_follows:
        return "wèi"
    return None


def dei(text: str, tagged: Tagged, k: int) -> str | None:
    """得 děi "must": after an adverb or a pronoun, before an action (还得绕, 你得去); de
    between an action and how it turned out (跑得很快, `_complement_de`)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if not after or after[0] in _CLAUSE_MARKS or after in ("到", "了", "知", "以", "出"):
        return None
    if _tag(tagged, k - 1) in ("d", "r") and before not in ("各", "所", "不", "难", "也是"):
        return "děi"
    # "must" opening a clause, or after a verb of guessing (估计得晚些到, 恐怕得等), before
    # an adverb or an action: 得 dé "to obtain" takes an object, de follows a verb.
    if before in _GUESS:
        return "děi"
    if _clause_start(text, tagged, k) and (
        _tag(tagged, k + 1)[:1] in ("d", "p") or _is_verb(_tag(tagged, k + 1))
    ):
        return "děi"
    # After a one-character verb, before a degree word: the complement of degree
    # (走得较为匆忙, 跑得很快); dé "to obtain" would take an object there.
    if len(before) == 1 and _is_verb(_tag(tagged, k - 1)) and after != "不" and (
        after in _DEGREE or after in _LITERARY_DEGREE
    ):
        return "de"
    return _complement_de(text, tagged, k)


def _complement_de(text: str, tagged: Tagged, k: int) -> str | None:
    """得 de links a verb or an adjective to how it turned out (说得对, 办得漂亮, 写得比我好,
    高兴得跳起来, 雨下得真大); dé "to obtain" takes an object and follows no verb. `dei` has
    left 得 before a clause mark, 了 (受得了, 得了满分) or 到 to the network."""
    before = _text(text, tagged, k - 1)
    tag, next_tag = _tag(tagged, k - 1), _tag(tagged, k + 1)
    if before in _NOT_BEFORE_DE or next_tag[:1] in "mnq":
        return None  # 夺得金牌, 得三分: dé takes what was won
    if _is_verb(tag) or tag[:1] in ("a", "b") or (tag == "f" and len(before) == 1):
        return "de"
    # A verb the tagger took for a noun (码得老高): only before how it turned out.
    if tag[:1] in ("n", "o") and next_tag[:1] in ("a", "d", "i", "l", "z"):
        return "de"
    return None


# Words before which a lone 得 is not the complement's de: 应 + 得 (deserved), 是 + 得病.
_NOT_BEFORE_DE = frozenset(["应", "多", "所", "难", "不", "可", "必", "只", "总", "还", "是"])


# The written degree adverbs (较为匆忙, 极为罕见).
_LITERARY_DEGREE = frozenset(["较为", "极为", "颇为", "更为", "甚为", "尤为", "最为", "相当"])


_GUESS = frozenset(["估计", "恐怕", "看来", "可能", "大概", "怕是", "也许", "可"])


def zhi(text: str, tagged: Tagged, k: int) -> str | None:
    """只 zhī, the measure word, right after a number or demonstrative (一只, 那只, 几只)."""
    if _counted(text, tagged, k):
        return "zhī"
    return None


def mei(text: str, tagged: Tagged, k: int) -> str | None:
    """没 méi "not (have)": mò only in sink/bury verbs (淹没, 埋没, 辱没)."""
    before = _text(text, tagged, k - 1)
    return None if before[-1:] in tuple("辱淹埋沉吞覆湮隐出") else "méi"


# Spans of time or way that are long (周期长, 路程长): 长 cháng after them.
_SPANS = ("期", "间", "程", "命")


def chang(text: str, tagged: Tagged, k: int) -> str | None:
    """长 cháng "long" after a degree word (太长, 有点长) or a span of time or way (工期长);
    zhǎng "grow" before a result (长出来, 长着, 长胖), and "head of" after an office's place
    (省/长)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before in _DEGREE or before == "长" or after == "长":
        return "cháng"  # 太长, 长长一条: the adjective, degree-marked or doubled
    if _tag(tagged, k - 1).startswith("n") and before.endswith(_SPANS):
        return "cháng"
    if after in ("着", "了", "过", "出", "出来", "大", "胖", "高", "满", "成", "得", "起来"):
        return "zhǎng"
    if _tag(tagged, k - 1) in ("ns", "nt"):
        return "zhǎng"
    return None


def hai(text: str, tagged: Tagged, k: int) -> str | None:
    """还 huán "give back" at a clause end or before what is returned to whom (不还, 还我。);
    hái before a modal or an adverb (还敢, 还得)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    ends = not after or after[0] in _CLAUSE_MARKS or after in ("了", "清", "给", "后", "的",
                                                               "呢", "吗", "吧")
    if ends and before in ("不", "没", "给", "要", "得", "未", "必须", "按时", "如数", "归"):
        return "huán"
    if _tag(tagged, k + 1) == "r" and _ends_clause(text, tagged, k + 2):
        return "huán"
    if after in ("敢", "能", "会", "要", "想", "得", "是", "有", "在", "没", "不", "可以"):
        return "hái"
    return None


def hao(text: str, tagged: Tagged, k: int) -> str | None:
    """好 hǎo "good" after a degree word or a verb (更好, 穿好) or at a clause end."""
    after = _text(text, tagged, k + 1)
    if _text(text, tagged, k - 1) in _DEGREE or _is_verb(_tag(tagged, k - 1)):
        return "hǎo"
    if not after or after[0] in _CLAUSE_MARKS or after in ("了", "吗", "吧", "啊", "伐", "的"):
        return "hǎo"
    return None


def shao(text: str, tagged: Tagged, k: int) -> str | None:
    """少 shǎo "few, less" unless it follows a name (韩少, "young master")."""
    return None if _tag(tagged, k - 1) in ("nr", "j") else "shǎo"


def ceng(text: str, tagged: Tagged, k: int) -> str | None:
    """曾 céng "once, ever" before an action or how often it happened (曾一度, 曾多次, 曾三次:
    a count of times is no given name); the surname zēng before 的 or a clause end, and
    after 小/老 (小曾, 老曾: how colleagues call Mr or Ms Zeng, whatever follows)."""
    if _text(text, tagged, k - 1) in ("小", "老"):
        return "zēng"
    after = _text(text, tagged, k + 1)
    if not after or after[0] in _CLAUSE_MARKS or after == "的":
        return "zēng"
    if _tag(tagged, k + 1)[:1] in ("v", "d", "p"):
        return "céng"
    if _tag(tagged, k + 1)[:1] == "m" and after[-1] in _TIMES:
        return "céng"
    return None


# Measure words of how often: a number word ending in one counts times (三次, 一度, 几回).
_TIMES = frozenset("次度回遍番趟")


def tiao(text: str, tagged: Tagged, k: int) -> str | None:
    """调 tiáo "adjust, mix" before a result or a setting (调成, 调好, 调参), after 难/微."""
    if _text(text, tagged, k + 1) in ("成", "好", "匀", "参", "和", "到", "低", "高"):
        return "tiáo"
    if _text(text, tagged, k - 1) in ("难", "微", "烹", "协"):
        return "tiáo"
    return None


def nong(text: str, tagged: Tagged, k: int) -> str | None:
    """弄 nòng "to do, to handle"; lòng "lane" in an address, after its number or the name
    of its street (长乐路60弄, 百花弄), and in alley words (弄堂, 里弄), which are words."""
    if _tag(tagged, k - 1) in ("m", "ns", "nz"):
        return "lòng"
    return "nòng"


def dou(text: str, tagged: Tagged, k: int) -> str | None:
    """都 dōu "all, already" on its own; dū "capital, city" lives in words (首都, 成都)
    and names, so after a name or a place the network decides."""
    if _tag(tagged, k - 1) not in _NAMES:
        return "dōu"
    # After a name of two or more characters, before an action: "all" (各大医院都需要);
    # after a one-character name the pair is itself a name (北都, 蓉都).
    next_tag = _tag(tagged, k + 1)
    if len(_text(text, tagged, k - 1)) > 1 and (_is_verb(next_tag) or next_tag[:1] == "d"):
        return "dōu"
    return None


# Adverbs before a modal verb: 应 after them is "should" (不应, 也应, 更应, 理应).
_MODAL_SLOT = frozenset(
    ["不", "也", "更", "理", "本", "均", "都", "亦", "还", "就", "则", "自", "早"]
)


def ying(text: str, tagged: Tagged, k: int) -> str | None:
    """应 yīng "should" before an action or an adverb (应追溯, 应尽快); yìng "respond" is
    in words (答应, 反应, 适应)."""
    next_tag = _tag(tagged, k + 1)
    if _is_verb(next_tag) or next_tag[:1] in ("d", "p"):
        return "yīng"
    after = _text(text, tagged, k + 1)
    if _text(text, tagged, k - 1) in _MODAL_SLOT and after and after[0] not in _CLAUSE_MARKS:
        return "yīng"  # 不应非法…, 也应引以为戒: the modal, whatever jieba tags its verb
    if _tag(tagged, k - 1)[:1] == "n" and not _ends_clause(text, tagged, k + 1) and after not in (
        "了", "着", "过", "声"
    ):
        return "yīng"  # 各方应引以为戒, 结果应交由: a subject, then what it should do
    return None


def tiao_carry(text: str, tagged: Tagged, k: int) -> str | None:
    """挑 tiāo "to choose, to carry on a pole" on its own; tiǎo "to raise, to stir up"
    before 起/开/破/明/逗/拨/衅 (and in words such as 挑战), and "to prop up" before the beam
    or eave it holds out (挑梁, 挑檐: a cantilever)."""
    after = _text(text, tagged, k + 1)
    return None if after[:1] in tuple("起开破明逗拨衅梁檐") else "tiāo"


def zhao(text: str, tagged: Tagged, k: int) -> str | None:
    """着 zháo "to reach the goal" as a potential complement (睡不着, 找得着, 用不着) and as a
    result before 了 after a verb (点着了, 够着了); elsewhere the aspect particle zhe (or
    zhuó "to wear") is the network's call."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before in ("不", "得") and _is_verb(_tag(tagged, k - 2)):
        return "zháo"
    if after == "了" and _is_verb(_tag(tagged, k - 1)) and len(before) == 1:
        return "zháo"
    return None


# Complements of 卡 qiǎ "to get stuck, to wedge": where it is stuck, or that it stays so.
_STUCK = frozenset(["在", "住", "着", "了", "到", "进", "紧", "死", "那儿", "这儿"])


def qia(text: str, tagged: Tagged, k: int) -> str | None:
    """卡 qiǎ "to get stuck" as a verb: before where or how it sticks (卡在喉咙里, 卡住),
    after 被; kǎ "card" after a determiner or 的 (那张卡, 我的卡在哪)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before in ("的", "张", "个", "这", "那", "此") or _tag(tagged, k - 1) in ("m", "q"):
        return None
    if before == "被" or after in _STUCK:
        return "qiǎ"
    return None


# Verbs of sowing that take 种 zhòng as their second verb (改种, 补种, 抢种).
_SOWING = frozenset("改补抢套间试播栽")


def zhong(text: str, tagged: Tagged, k: int) -> str | None:
    """种 zhǒng "kind" after a number or a determiner (一种, 几种, 各种); zhòng "to plant"
    where it is the action: after an adverb (率先种, 私自种) or a verb of sowing (改种),
    before an aspect particle or a result (种了, 种上, 种满)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before and (before[-1] in _NUMBER_END or before in ("各", "多", "何", "该", "本", "同")):
        return "zhǒng"
    if _tag(tagged, k - 1) == "m":
        return "zhǒng"
    if after in ("了", "着", "过", "上", "下", "出", "满", "在", "好"):
        return "zhòng"
    if _tag(tagged, k - 1) == "d" or before in _SOWING:
        return "zhòng"
    return None


def hong(text: str, tagged: Tagged, k: int) -> str | None:
    """哄 hǒng "to coax, to fool" is the verb on its own (哄孩子, 哄她开心); hōng "uproar" and
    hòng "horseplay" live in words (哄笑, 哄抢, 起哄, 一哄而散)."""
    return "hǒng" if _is_verb(_tag(tagged, k)) else None


# What follows 藏 cáng "to hide" and 塞 sāi "to stuff" as a verb: where to, or a result.
_PLACED = frozenset(["着", "了", "在", "起", "起来", "进", "进去", "到", "入", "哪", "哪儿",
                     "好", "于", "住", "满", "给", "上", "得", "下"])


def cang(text: str, tagged: Tagged, k: int) -> str | None:
    """藏 cáng "to hide, to keep" before where or how it is hidden (藏在, 藏着, 藏起来), and
    after the literary 所, which makes a verb "what is kept" (馆中所藏书画); zàng (Tibet, a
    store of treasure) is a noun and lives in words (西藏, 宝藏, 藏族)."""
    if _text(text, tagged, k + 1) in _PLACED or _text(text, tagged, k - 1) == "所":
        return "cáng"
    return None


def sai(text: str, tagged: Tagged, k: int) -> str | None:
    """塞 sāi "to stuff, to squeeze in" before where to or a result (塞进, 塞给, 塞满);
    sè "to block" and sài "frontier" are in words (堵塞, 阻塞, 边塞)."""
    return "sāi" if _text(text, tagged, k + 1) in _PLACED else None


def jiao(text: str, tagged: Tagged, k: int) -> str | None:
    """教 jiāo "to teach" as the verb before whom it teaches or its result (教我, 教孩子们,
    教出, 教会); jiào (teaching, religion) is in words (教育, 宗教, 请教)."""
    after = _text(text, tagged, k + 1)
    if not _is_verb(_tag(tagged, k)):
        return None
    if _tag(tagged, k + 1) in ("r", "nr", "nrt", "nrfg") or after in ("出", "会", "给", "过",
                                                                       "了", "人", "大家"):
        return "jiāo"
    return None


def geng(text: str, tagged: Tagged, k: int) -> str | None:
    """更 gèng "more, even more" as an adverb (更好, 更易, 更无法); gēng "to change" and
    the night watch are in words (更新, 变更, 三更) or after a number."""
    before = _text(text, tagged, k - 1)
    if before and before[-1] in _NUMBER_END:
        return None
    return "gèng" if _tag(tagged, k) == "d" else None


def chong(text: str, tagged: Tagged, k: int) -> str | None:
    """冲 chòng "towards, at (someone)" before a person and an action (冲我笑, 冲他喊);
    chōng "to rush" before a direction (冲进, 冲向) is the network's call."""
    if _tag(tagged, k + 1) in ("r", "nr", "nrt", "nrfg") and _is_verb(_tag(tagged, k + 2)):
        return "chòng"
    return None


# Verbs whose result 倒 dǎo "to fall over" is (踢倒, 推倒, 摔倒), modal verbs excepted.
_MODALS = frozenset("要想会能该得可敢肯愿")


def dao(text: str, tagged: Tagged, k: int) -> str | None:
    """倒 dǎo "to fall, to topple" as the result of a one-character verb (踢倒了, 推倒);
    dào "to pour" before where the liquid goes, and before 在 when 把/将 has put what is
    poured first (把汤倒在碗里: one falls 在 somewhere, one pours something 在 somewhere);
    elsewhere (upside down, on the contrary, to fall) the network decides."""
    before = _text(text, tagged, k - 1)
    if len(before) == 1 and _is_verb(_tag(tagged, k - 1)) and before not in _MODALS:
        return "dǎo"
    after = _text(text, tagged, k + 1)
    if after in ("进", "入", "出", "掉", "满", "进去", "出来", "出去"):
        return "dào"  # poured in, out, away (倒进杯子, 倒掉)
    if after == "在" and any(_text(text, tagged, n) in ("把", "将")
                            for n in _clause_before(text, tagged, k)):
        return "dào"
    return None


_NAMES = ("ns", "nr", "nz", "nrt", "nrfg")


def jiang(text: str, tagged: Tagged, k: int) -> str | None:
    """将 jiàng "general, commander" as a noun: after a one-character state or name (魏将,
    蜀将) or ending its clause after 为/参 (以他为将。, 任参将。); jiāng "will; (object
    marker)" is followed by what it governs, and the network reads that well."""
    before = _text(text, tagged, k - 1)
    if len(before) == 1 and _tag(tagged, k - 1) in _NAMES and not _is_verb(
        _tag(tagged, k + 1)
    ) and _tag(tagged, k + 1) != "r":  # 将其开除: the object marker before a pronoun
        return "jiàng"
    if before in ("为", "参", "副", "守", "敌") and _ends_clause(text, tagged, k + 1):
        return "jiàng"
    return None


# What one 挨 ái "suffers": a beating, a scolding, hunger, cold.
_SUFFERED = frozenset("打骂饿揍冻批训罚整宰踢咬")


def ai(text: str, tagged: Tagged, k: int) -> str | None:
    """挨 ái "to suffer" before what is suffered (挨打, 挨饿); āi "next to, one by one"
    after 紧 or before 着/近/家/个 (紧挨, 挨着, 挨家挨户 is a word)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if after[:1] in _SUFFERED:
        return "ái"
    if before.endswith("紧") or after in ("着", "近", "在", "家", "个", "肩", "过"):
        return "āi"
    return None


def pao(text: str, tagged: Tagged, k: int) -> str | None:
    """刨 páo "to dig" as the verb (刨坑, 刨出来, 刨土); bào "to plane" takes wood (刨木头)
    or is a tool (刨子, 刨床, words)."""
    after = _text(text, tagged, k + 1)
    if not _is_verb(_tag(tagged, k)) or after[:1] in ("木", "板", "光", "平"):
        return None
    return "páo"


def sa(text: str, tagged: Tagged, k: int) -> str | None:
    """撒 sǎ "to sprinkle, to scatter" before where it lands (撒上盐, 撒在地上, 撒满); sā
    "to cast, to let go" is mostly in words (撒网, 撒谎, 撒手)."""
    after = _text(text, tagged, k + 1)
    return "sǎ" if after in ("上", "在", "到", "满", "进", "入", "下", "遍", "于") else None


def jin(text: str, tagged: Tagged, k: int) -> str | None:
    """尽 jìn "entirely, to exhaust" as a verb or adverb on its own (尽得真传, 尽交, 力尽);
    jǐn "as far as possible" is in words (尽量, 尽快, 尽管, 尽早)."""
    after = _text(text, tagged, k + 1)
    if after[:1] in ("早", "先", "快", "量", "可", "着", "管"):
        return None
    return "jìn"


def guan(text: str, tagged: Tagged, k: int) -> str | None:
    """冠 guān "hat, crest" as a noun after 的 or opening a clause (宋代的冠); guàn "first
    place, to crown" is a verb, a short form of 冠军 after a verb (卫冕冠), or in words."""
    if _tag(tagged, k) == "n" and (_text(text, tagged, k - 1) == "的" or _clause_start(
        text, tagged, k
    )):
        return "guān"
    return None


def yun(text: str, tagged: Tagged, k: int) -> str | None:
    """晕 yùn "halo" as a noun (月亮的晕, 晕中); yūn "dizzy, to faint" before a result or
    particle (晕了, 晕过去)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before == "的" or after in ("中", "里", "内", "外", "里面", "之中"):
        return "yùn"
    if after in ("了", "过去", "倒", "死", "头", "乎乎"):
        return "yūn"
    return None


def gan(text: str, tagged: Tagged, k: int) -> str | None:
    """干 gān "dry, dried" after a measure word, a noun or 的 (一块干毛巾, 红薯干), and
    "idly" before looking or waiting (干瞪眼, 干等); gàn "to do" at a clause's end, before
    a pronoun or an aspect particle (使劲干。, 干咱的活, 干着家务)."""
    after = _text(text, tagged, k + 1)
    if _tag(tagged, k - 1) in ("m", "q", "n") or _text(text, tagged, k - 1) == "的":
        return "gān"  # 一块干毛巾, 红薯干 (dried food)
    if _ends_clause(text, tagged, k + 1) or _tag(tagged, k + 1) in ("r", "uz"):
        return "gàn"  # 干着家务: doing
    if after[:1] in ("瞪", "瞅", "看", "等", "哭", "嚎", "咳", "耗"):
        return "gān"
    return None


def bao(text: str, tagged: Tagged, k: int) -> str | None:
    """薄 báo "thin", the spoken adjective, after a degree word or 越/变 or ending its
    clause (越来越薄, 很薄, 切得薄); bó is the literary morpheme of words (薄弱, 刻薄)."""
    before = _text(text, tagged, k - 1)
    if before in _DEGREE or before in ("越", "越来越", "变", "得") or _ends_clause(
        text, tagged, k + 1
    ):
        return "báo"
    return None


def lei(text: str, tagged: Tagged, k: int) -> str | None:
    """累 lèi "tired" after a degree word or before a result (累了, 很累, 累点没啥, 累倒); lěi
    "to accumulate" and léi are in words (累计, 积累, 累赘)."""
    after = _text(text, tagged, k + 1)
    if _text(text, tagged, k - 1) in _DEGREE:
        return "lèi"
    return "lèi" if after in ("了", "死", "坏", "倒", "得", "点", "吗", "啊") else None


def shu(text: str, tagged: Tagged, k: int) -> str | None:
    """数 shǔ "to count" before what is counted (数钞票, 数羊); shù "number, several" is
    a noun or comes before a numeral (数百, 总数)."""
    if _tag(tagged, k + 1).startswith("n") and _tag(tagged, k - 1) != "m":
        return "shǔ"
    return None


# 转 zhuàn "to turn round": its results, or 围着/绕着 … 转.
_SPIN = frozenset(["起来", "圈", "一圈", "个圈", "来转去", "悠", "动"])


def zhuan(text: str, tagged: Tagged, k: int) -> str | None:
    """转 zhuàn "to spin, to go round" before 起来/圈 or ending a clause that goes round
    something (围着操场转); zhuǎn "to turn, to transfer" is the network's call."""
    if _text(text, tagged, k + 1) in _SPIN:
        return "zhuàn"
    if _ends_clause(text, tagged, k + 1) and any(
        _text(text, tagged, n) in ("围着", "绕着", "围", "绕", "团团") for n in
        _clause_before(text, tagged, k)
    ):
        return "zhuàn"
    return None


def lou(text: str, tagged: Tagged, k: int) -> str | None:
    """露 lòu "to show, to let be seen", the spoken verb before what shows (露脸, 露馅,
    露一手, 露牙); lù is in written words (露出, 暴露, 露水)."""
    after = _text(text, tagged, k + 1)
    return "lòu" if after[:1] in ("脸", "面", "馅", "一", "富", "牙", "腿", "怯", "底") else None


def jin_strength(text: str, tagged: Tagged, k: int) -> str | None:
    """劲 jìn "strength, effort" as the object of using or having it (使多大劲, 铆足了劲,
    没劲); jìng "strong, sturdy" is written style (劲松, 强劲, 劲旅) and the network's call."""
    before = _text(text, tagged, k - 1)
    return "jìn" if before in ("使", "用", "费", "了", "多大", "有", "没", "起", "带") else None


def xiu(text: str, tagged: Tagged, k: int) -> str | None:
    """宿 xiǔ, the measure word for nights, after a number (一宿, 两宿, 半宿); sù "to stay
    overnight" and xiù "constellation" are the network's call."""
    if _counted(text, tagged, k):
        return "xiǔ"
    return None


# Who leads: an office or rank word ends in one of these (校长, 总理, 主席, 总统, 书记,
# 司令, 将军, 元帅, 首相, 大使); 率 after it is shuài "to lead" (队长率全队出场).
_LEADER_ENDS = frozenset("长理席统记令军帅相使官王帝督裁")
# What is led, opening the object of 率 shuài (率团, 率代表团, 率部, 率全队, 率众).
_LED_STARTS = frozenset("团队部军众兵师全各代")


def lv(text: str, tagged: Tagged, k: int) -> str | None:
    """率 lǜ "rate" as the suffix of a word of two or more characters (杠杆率, 透光率,
    出勤率); shuài "to lead" follows its leader, a person or an office (总理率代表团),
    or takes a group as its object (率团出访)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if _tag(tagged, k - 1).startswith("nr") or before[-1:] in _LEADER_ENDS \
            or after[:1] in _LED_STARTS:
        return "shuài"
    if len(before) > 1 and _tag(tagged, k - 1) in ("n", "v", "vn"):
        return "lǜ"
    return None


def yan(text: str, tagged: Tagged, k: int) -> str | None:
    """咽 yàn "to swallow" before what swallowing takes, 下 (咽不下, 咽得下, 咽下去);
    yān "throat" is in words (咽喉, 咽炎) or before a body word (咽部)."""
    after = _text(text, tagged, k + 1)
    return "yàn" if after[:1] == "下" or after in ("得", "不下", "不下去") else None


def zhan(text: str, tagged: Tagged, k: int) -> str | None:
    """粘 zhān "to stick (something) on" before where or how it sticks (粘在墙上, 粘满,
    粘住); nián "sticky" is the adjective of words (粘液, 粘膜, 粘性)."""
    after = _text(text, tagged, k + 1)
    return "zhān" if after in ("在", "满", "上", "住", "到", "成", "起来", "了") else None


def zan(text: str, tagged: Tagged, k: int) -> str | None:
    """攒 zǎn "to save up" before its result (攒下, 攒够, 攒了); cuán "to gather" is in
    words (攒动, 攒尖)."""
    after = _text(text, tagged, k + 1)
    return "zǎn" if after in ("下", "下来", "够", "了", "起", "起来", "着", "钱") else None


_ROLLED = frozenset(["走", "起", "起来", "进", "入", "成", "上", "住", "着", "到"])


def juan(text: str, tagged: Tagged, k: int) -> str | None:
    """卷 juǎn "to roll, to sweep along" before where or how it rolls (卷走, 卷起, 卷进);
    juàn "volume, exam paper" is a noun and the network's call."""
    return "juǎn" if _text(text, tagged, k + 1) in _ROLLED else None


def chu(text: str, tagged: Tagged, k: int) -> str | None:
    """处 chù "place, spot": after a number (一处, 多处), or ending its clause after a noun
    (在膝盖处。); chǔ "to be situated, to deal with" after 所 (所处的)."""
    before = _text(text, tagged, k - 1)
    if before == "所":
        return "chǔ"
    if _tag(tagged, k - 1) == "m" or _counted(text, tagged, k):
        return "chù"
    if _tag(tagged, k - 1)[:1] == "n" and _ends_clause(text, tagged, k + 1):
        return "chù"
    return None


def pu(text: str, tagged: Tagged, k: int) -> str | None:
    """铺 pū "to spread, to lay" before where or how it is laid (铺上, 铺在, 铺满, 铺开)."""
    after = _text(text, tagged, k + 1)
    return "pū" if after in ("上", "在", "满", "开", "成", "散", "着", "平", "好", "设") else None


def han(text: str, tagged: Tagged, k: int) -> str | None:
    """汗 hán "khan" after the name of the khan (可汗 and 成吉思汗 are words); hàn "sweat"
    elsewhere (一把汗, 满头是汗)."""
    return "hán" if _tag(tagged, k - 1) in _NAMES else "hàn"


def gao(text: str, tagged: Tagged, k: int) -> str | None:
    """镐 gǎo "pickaxe" after its material, a companion tool or its measure word (锄镐,
    十字镐, 一把镐); hào is the old capital 镐京 and, most often in text, a given name."""
    before = _text(text, tagged, k - 1)
    return "gǎo" if before[-1:] in ("铁", "斧", "锄", "字", "洋", "把") else None


def duo(text: str, tagged: Tagged, k: int) -> str | None:
    """垛 duò "stack, pile" after what is stacked (柴垛, 草垛, 砖垛); duǒ is the battlement
    or buttress of a wall (城垛, 门垛) and place names (the network's call)."""
    before = _text(text, tagged, k - 1)
    return "duò" if before[-1:] in ("柴", "草", "秸", "麦", "稻", "砖", "粮", "煤", "谷") else None


def cheng_fill(text: str, tagged: Tagged, k: int) -> str | None:
    """盛 chéng "to fill, to ladle" before what fills the bowl, with no noun before it to
    flourish (再盛粥, 帮我盛鸡汤); shèng "flourishing" follows what flourishes (国力很盛) and
    takes no object."""
    if _tag(tagged, k + 1)[:1] in ("n", "i") and _tag(tagged, k - 1)[:1] not in ("n", "s"):
        return "chéng"
    return None


def lun(text: str, tagged: Tagged, k: int) -> str | None:
    """抡 lūn "to swing, to brandish", the verb before what is swung or how (抡起, 抡着, 抡棒);
    lún "to select" is classical and in names, after a name or a number, or ending a clause."""
    if _tag(tagged, k - 1) in ("m", "q", *_NAMES) or _ends_clause(text, tagged, k + 1):
        return None
    return "lūn"


def pie(text: str, tagged: Tagged, k: int) -> str | None:
    """撇 piě "to fling, to slant, to turn (the head, the lips)" on its own (撇头, 撇嘴,
    撇不清关系); piē "to cast aside, to skim" before 开/下/掉/得/油 (撇开, 撇下, 撇得清)."""
    after = _text(text, tagged, k + 1)
    if after[:1] in ("开", "下", "掉", "得", "油", "去", "弃"):
        return None
    return "piě"


def ou(text: str, tagged: Tagged, k: int) -> str | None:
    """沤 òu "to steep, to ret" (沤肥, 稻草沤烂了); ōu "bubble" is literary and in names
    (浮沤), after a place word or a name."""
    return None if _tag(tagged, k - 1) in ("f", "s", *_NAMES) else "òu"


# Words after which 舍 is the verb shě "to part with": a modal, a negation, 有 (有舍有得).
_WILLING = frozenset(["肯", "愿", "愿意", "不", "难", "能", "忍", "有", "该", "要", "得",
                      "不肯", "不愿", "不忍", "难以"])


def she(text: str, tagged: Tagged, k: int) -> str | None:
    """舍 shě "to give up, to part with" after a modal or a negation (肯舍, 不舍, 有舍有得);
    shè "house, hut" follows what it houses (犬舍, 僧舍) and is the network's call."""
    return "shě" if _text(text, tagged, k - 1) in _WILLING else None


def cha(text: str, tagged: Tagged, k: int) -> str | None:
    """差 chà "poor, not up to standard", the adjective, after a degree word (太差, 很差)
    or ending its clause after a noun (成绩差，, 服务差。); chā "difference" lives in words (温差,
    误差) and chāi "errand" too (出差)."""
    if _text(text, tagged, k - 1) in _DEGREE:
        return "chà"
    if _tag(tagged, k - 1) in ("n", "vn") and _ends_clause(text, tagged, k + 1):
        return "chà"
    return None


def san(text: str, tagged: Tagged, k: int) -> str | None:
    """散 sǎn "loose, scattered", the adjective, after a degree word or a comparison (太散,
    跟沙子一样散); sàn "to disperse" is the verb (散去, 散在) and the network's call."""
    if _text(text, tagged, k - 1) in (*_DEGREE, "一样", "似的"):
        return "sǎn"
    return None


def meng(text: str, tagged: Tagged, k: int) -> str | None:
    """蒙 mēng "dazed, stunned" in 蒙了 ending its clause (一下就蒙了, 搞蒙了); méng "to
    cover" takes what covers (蒙了一层灰) and is the network's call."""
    if _text(text, tagged, k + 1) == "了" and _ends_clause(text, tagged, k + 2):
        return "mēng"
    if _text(text, tagged, k + 1)[:1] in _PEOPLES:
        return "měng"  # 蒙藏, 蒙汉: the abbreviation of Mongolia beside another people's
    return None


# One-character names of peoples and regions that pair with 蒙 Měng "Mongol" (蒙藏委员会,
# 蒙汉杂居, 蒙满): the verb méng "to cover" never takes them as its object.
_PEOPLES = frozenset("藏汉满回疆")


def jiang_fall(text: str, tagged: Tagged, k: int) -> str | None:
    """降 jiàng "to fall, to lower" before by how much, with or without 了 (降一点儿, 降了
    两米, 比降0.5); xiáng "to surrender" takes no amount (投降 and 受降 are words; 乞降,
    迎降 end their clause)."""
    n = k + 2 if _text(text, tagged, k + 1) == "了" else k + 1
    if _tag(tagged, n)[:1] == "m" or _text(text, tagged, n)[:1].isdigit():
        return "jiàng"
    return None


def zhuan_biography(text: str, tagged: Tagged, k: int) -> str | None:
    """传 zhuàn "biography, commentary" ending a book's title or the part of it before a
    chapter (《左氏传》, 《某某传·卷三》); chuán "to pass on" is the verb, never there."""
    return "zhuàn" if _text(text, tagged, k + 1)[:1] in ("》", "·", "〉") else None


def xiang_minister(text: str, tagged: Tagged, k: int) -> str | None:
    """相 xiàng "minister; appearance" as a noun ending its phrase (封为相。, 国相、将);
    xiāng "each other" always goes before the verb it modifies (相比, 相互). Of the list
    joins only 、 (a clause mark) ends the noun: 相与, 相和 are xiāng "with each other"."""
    after = _text(text, tagged, k + 1)
    return "xiàng" if not after or after[0] in _CLAUSE_MARKS else None


def chuang(text: str, tagged: Tagged, k: int) -> str | None:
    """幢 zhuàng counts buildings after a number (三幢楼, 整幢); chuáng is a stone or iron
    pillar carved with sutras, named by its material after a noun (石幢, 铁幢)."""
    if _tag(tagged, k - 1).startswith("n") and not _counted(text, tagged, k):
        return "chuáng"
    return None


# Direction words before which 边 is the toneless suffix of a place word (东边, 西南边),
# as CC-CEDICT writes it in the words it lists (右边 yòu bian).
_DIRECTIONS = frozenset("东西南北左右上下前后里外旁")


def bian(text: str, tagged: Tagged, k: int) -> str | None:
    """边 bian, toneless, after a direction (东北边的一座塔); biān "edge, side" elsewhere."""
    before = _text(text, tagged, k - 1)
    if before and all(ch in _DIRECTIONS for ch in before):
        return "bian"
    return None


# Units of time that say how long something is fried.
_DURATIONS = frozenset(["秒", "秒钟", "分", "分钟", "小时"])


def zha(text: str, tagged: Tagged, k: int) -> str | None:
    """炸 zhá "to deep-fry" for how long (炸三分钟, 再炸两分钟); an explosion is no
    timed step (zhà is the network's call elsewhere)."""
    if _tag(tagged, k + 1) == "m" and _text(text, tagged, k + 2) in _DURATIONS:
        return "zhá"
    return None


# Particles after which a noun ends its clause in speech (流了一地血呢, 手上全是血啊).
_SPOKEN_PARTICLES = frozenset(["了", "呢", "啊", "呀", "吧", "吗", "啦", "嘛"])


def xue(text: str, tagged: Tagged, k: int) -> str | None:
    """血 xiě, the colloquial reading CC-CEDICT gives ("colloquial pr. [xie3]"), where
    "blood" is a noun of its own ending its clause after a word (吐了一口血。, 手上都是血呢);
    xuè is the reading of words and of 血 modifying a noun (血点, 血样) or opening a
    sentence in writing (血从伤口流出), so there the network decides."""
    after = _text(text, tagged, k + 1)
    before = _text(text, tagged, k - 1)
    if not before or not is_han(before[-1]):
        return None
    if _ends_clause(text, tagged, k + 1) or after in _SPOKEN_PARTICLES:
        return "xiě"
    return None


# Sentence particles that are also other words: 咯 gē/luò/kǎ (咯咯 cackling, 咯血 coughing
# blood), 哩 lǐ "mile", lī (哩哩啦啦), 哦 ò "oh!" opening a clause. At a clause's end,
# after a word, they are the toneless particle (知道哩！, 走咯。, 记得带伞哦。).
_FINAL_PARTICLES = {"咯": "lo", "哩": "li", "哦": "o"}
_CLOSING_QUOTES = frozenset("”’」』\"'")


def final_particle(text: str, tagged: Tagged, k: int) -> str | None:
    """咯 lo, 哩 li, 哦 o: the particle, ending its clause (or the quotation that closes
    after it: “走咯”) after a word (not doubled: 咯咯, not counted: 十哩)."""
    before = _text(text, tagged, k - 1)
    ch = _text(text, tagged, k)
    if _tag(tagged, k - 1) == "m" or _counted(text, tagged, k):
        return None  # 十哩: miles counted
    ends = _ends_clause(text, tagged, k + 1) or _text(text, tagged, k + 1)[:1] in _CLOSING_QUOTES
    if before and is_han(before[-1]) and before[-1] != ch and ends:
        return _FINAL_PARTICLES.get(ch)
    return None


# ---- Written prose, third round: encyclopedic patterns read by their grammar ----------

_CLOSING_BRACKETS = frozenset("）)")
# What a photo caption's bracket says (张三（右）, 市长（左二）): who stands where.
_CAPTION = frozenset("左右中前后上下起排一二三四五六七八九十")


def wei_defining(text: str, tagged: Tagged, k: int) -> str | None:
    """为 wéi "is" right after the bracket that follows what an article defines
    (某某（学名：…）为某科的动物, 某地（旧称…）为某省的县), not a caption's (张三（右）为
    获奖者颁奖); elsewhere `wei` decides."""
    if _text(text, tagged, k - 1) in _CLOSING_BRACKETS and _clause_after(text, tagged, k):
        close = tagged[k - 1][0]
        opened = max(text.rfind("（", 0, close), text.rfind("(", 0, close))
        inside = text[opened + 1 : close] if opened >= 0 else ""
        caption = bool(inside) and all(ch in _CAPTION for ch in inside)
        if not caption and not _served(_text(text, tagged, k + 1)):
            return "wéi"
    return wei(text, tagged, k)


# What music does and who makes it: 乐 before them is yuè "music" (乐声, 乐评, 乐团, 乐手),
# in compounds the segmenter left in pieces; lè "happy" stands before none of them.
_MUSIC = frozenset("声评团队器曲手章谱坛迷师音律府")


def yue_music(text: str, tagged: Tagged, k: int) -> str | None:
    """乐 yuè "music" opening a compound the segmenter split (乐|声, 乐|评|人)."""
    after = _text(text, tagged, k + 1)
    return "yuè" if after[:1] in _MUSIC and after != "声声" else None


# One-character places one heads for (奔城, 奔京): 奔 bèn "to head for" before a place.
_DESTINATIONS = frozenset("城京乡县营寨关家")


def ben_towards(text: str, tagged: Tagged, k: int) -> str | None:
    """奔 bèn "to head for" before where to (奔洛阳, 奔城外); bēn "to run" before a
    direction (奔向) or on its own, as the network reads it."""
    after = _text(text, tagged, k + 1)
    if _tag(tagged, k + 1) == "ns" or after in _DESTINATIONS:
        return "bèn"
    return None


# What follows 喝 hè "to shout": the shout counted (大喝一声) or 道 "saying" (喝道).
_SHOUTING = frozenset(["一声", "道"])


def he_shout(text: str, tagged: Tagged, k: int) -> str | None:
    """喝 hè "to shout" before 一声 or the words shouted (大喝一声, 喝道); hē "to drink"
    takes a drink."""
    return "hè" if _text(text, tagged, k + 1) in _SHOUTING else None


def long_lane(text: str, tagged: Tagged, k: int) -> str | None:
    """弄 lòng "lane" named after a family (周家弄, 陈家弄: a village or street), where the
    name ends its phrase; else `nong` (a house number or a street before it)."""
    before = _text(text, tagged, k - 1)
    after = _text(text, tagged, k + 1)
    if (len(before) > 1 and before.endswith("家") and _tag(tagged, k - 1) != "r"
            and (_ends_clause(text, tagged, k + 1) or after in _LIST_JOINS)):
        return "lòng"
    return nong(text, tagged, k)


# What grows in tufts: 撮 counting them is zuǒ (一撮胡子, 一撮长胡须).
_TUFTS = frozenset("毛发须胡鬓")


def cuo_pinch(text: str, tagged: Tagged, k: int) -> str | None:
    """撮 cuō, the measure word "a pinch" after a number (一撮盐, 一撮葱花); zuǒ counts
    tufts of hair (一撮胡子), named in the next word or the one after it."""
    if not _counted(text, tagged, k):
        return None
    following = _text(text, tagged, k + 1) + _text(text, tagged, k + 2)
    return None if any(ch in _TUFTS for ch in following) else "cuō"


# Words ending in what deters: 吓 after them is hè "to threaten" (阻吓, as 恐吓, 威吓).
_DETERRING = frozenset("阻恐威恫")


def he_threaten(text: str, tagged: Tagged, k: int) -> str | None:
    """吓 hè "to threaten, deter" after 阻/恐/威/恫 (阻|吓 the segmenter split); xià "to
    frighten" elsewhere, as the network reads it."""
    return "hè" if _text(text, tagged, k - 1)[-1:] in _DETERRING else None


# What a town or a city is called by: 都 before them is dū "city" in its name (安都镇).
_SETTLEMENTS = frozenset(["镇", "县", "区", "城", "府", "村", "乡"])
# Those joins and 同/跟 "together with" (中日韩都, 他同我都).
_LISTING = _LIST_JOINS | {"同", "跟"}
# How office titles of the Song and Ming end: 使 "commissioner", 司 "its bureau"
# (都指挥使, 都转运使司).
_OFFICE_ENDS = frozenset(["使", "司", "使司"])


def du_in_names(text: str, tagged: Tagged, k: int) -> str | None:
    """都 dū "chief; city" opening an office whose title ends in 使 "commissioner" or 司
    "its bureau" (都巡检使, 都转运使: Song titles), in a name after a one-character
    place or person that lists no others (北都, 蓉都; not 中美都, 中日韩都), and before
    what its place is (安都镇); else `dou`."""
    if _text(text, tagged, k + 2) in _OFFICE_ENDS and _tag(tagged, k + 1)[:1] == "v":
        return "dū"
    if _text(text, tagged, k + 1) in _SETTLEMENTS:
        return "dū"
    before = _text(text, tagged, k - 1)
    if len(before) == 1 and _tag(tagged, k - 1) in ("ns", "nr"):
        earlier = _text(text, tagged, k - 2)
        if not (earlier in _LISTING or _tag(tagged, k - 2) in _NAMES):
            return "dū"
    return dou(text, tagged, k)


# What the verb 处 chǔ "to get along" takes after it: how it goes (处得好, 处不来).
_GETTING_ALONG = frozenset(["得", "不", "不来", "不好"])


def chu_part(text: str, tagged: Tagged, k: int) -> str | None:
    """处 chù "the part, the spot" after the noun it places (裤脚处缝了, 伤口处红肿), unless
    how one gets along follows (婆媳处得好: the verb chǔ, left to the network); the verb also
    comes in words (处于, 身处, 相处) or after 所; else `chu`."""
    found = chu(text, tagged, k)
    if found is not None or _text(text, tagged, k + 1) in _GETTING_ALONG:
        return found  # 婆媳处得好: the verb "to get along", with its complement
    if _tag(tagged, k - 1) in ("n", "ns", "s", "f") and len(_text(text, tagged, k - 1)) > 1:
        return "chù"
    return None


# Characters whose other readings live only in words (a word the segmenter split still
# decides: 乐声 yuè): on their own they take their spoken reading. 咋 zǎ "how, why" (咋呼
# zhā, 咋舌 zé), 崴 wǎi "to sprain" (崴嵬 wēi), 脏 zāng "dirty" (心脏 zàng), 乐 lè "happy,
# to enjoy" (音乐 yuè), 倔 juè "gruff" (倔强 jué), 胖 pàng "fat" (心广体胖 pán), 逮 dǎi
# "to catch" (逮捕 dài), 夯 hāng "to ram" (bèn, a variant of 笨).
ON_THEIR_OWN: dict[str, str] = {"咋": "zǎ", "崴": "wǎi", "脏": "zāng", "乐": "lè", "倔": "juè",
                                "胖": "pàng", "逮": "dǎi", "夯": "hāng"}

# Characters read one way in a person's name (a word the segmenter tags as a name and no
# dictionary lists): opening the name, 曾 is the surname Zēng (the adverb céng "once" never
# starts a name) and 肖 the surname Xiāo (xiào "to resemble" names nobody); after the
# surname, a given name uses the character's meaning: 少 shào "young" (少华, 少康), 燕 yàn
# "swallow" (海燕, 春燕), 乐 lè "joy", 长 cháng "long" (长春), 冠 guàn "foremost" (冠希).
SURNAMES: dict[str, str] = {"曾": "zēng", "肖": "xiāo"}
GIVEN_NAMES: dict[str, str] = {"少": "shào", "燕": "yàn", "乐": "lè", "长": "cháng",
                               "冠": "guàn"}

# Characters ending a name that opens with no known surname, so names a place: 涌 chōng,
# the Cantonese "creek" of Guangdong place names (东涌, 葵涌; yǒng "to surge" names no place),
# 观 guàn, a Taoist temple (白云观; guān "to look, view" ends no name).
PLACE_ENDINGS: dict[str, str] = {"涌": "chōng", "观": "guàn"}

RULES: dict[str, Rule] = {
    "降": jiang_fall,
    "传": zhuan_biography,
    "相": xiang_minister,
    "幢": chuang,
    "边": bian,
    "炸": zha,
    "蒙": meng,
    "舍": she,
    "差": cha,
    "散": san,
    "血": xue,
    "盛": cheng_fill,
    "抡": lun,
    "撇": pie,
    "沤": ou,
    "垛": duo,
    "咯": final_particle,
    "哩": final_particle,
    "哦": final_particle,
    "处": chu_part,
    "铺": pu,
    "汗": han,
    "镐": gao,
    "卷": juan,
    "率": lv,
    "咽": yan,
    "粘": zhan,
    "攒": zan,
    "宿": xiu,
    "薄": bao,
    "累": lei,
    "数": shu,
    "转": zhuan,
    "露": lou,
    "劲": jin_strength,
    "干": gan,
    "撒": sa,
    "尽": jin,
    "冠": guan,
    "晕": yun,
    "将": jiang,
    "挨": ai,
    "刨": pao,
    "倒": dao,
    "哄": hong,
    "藏": cang,
    "塞": sai,
    "教": jiao,
    "更": geng,
    "冲": chong,
    "着": zhao,
    "卡": qia,
    "种": zhong,
    "弄": long_lane,
    "都": du_in_names,
    "应": ying,
    "挑": tiao_carry,
    "为": wei_defining,
    "得": dei,
    "只": zhi,
    "没": mei,
    "长": chang,
    "还": hai,
    "好": hao,
    "少": shao,
    "曾": ceng,
    "调": tiao,
    # Written prose, third round (its rules for 处, 弄, 都 and 为 above fall back on the
    # character's first rule).
    "乐": yue_music,
    "奔": ben_towards,
    "喝": he_shout,
    "撮": cuo_pinch,
    "吓": he_threaten,
}


# ---- Everyday speech ---------------------------------------------------------------------
# Rules for spoken, everyday sentences (the CSMSC half of bench_pinyin.py): each one tried
# before the character's rule above, which decides where it says nothing.

# What is worn: 着 zhuó "to wear" before it when no verb of dressing precedes (下着短裙,
# 身着西装); after 穿/戴/披 the particle zhe (穿着长裙) is the network's call.
_CLOTHES = frozenset("裙裤衫装衣袍服鞋靴袜帽褂袄甲套巾")
# Garments whose last character names no garment on its own.
_GARMENT_WORDS = frozenset(["夹克", "背心", "坎肩", "肚兜", "旗袍", "比基尼"])
_DRESSING = frozenset("穿戴披套裹系换")


def zhuo_wear(text: str, tagged: Tagged, k: int) -> str | None:
    """着 zhuó "to wear" before a garment, with no verb of dressing before it (下着短裙,
    着深蓝色长裤: a colour or a count may come between)."""
    before = _text(text, tagged, k - 1)
    if before[-1:] in _DRESSING or _is_verb(_tag(tagged, k - 1)):
        return None
    return "zhuó" if worn_after(text, tagged, k) else None


def worn_after(text: str, tagged: Tagged, k: int) -> bool:
    """Does a garment follow token k in its clause (长裙, 短裤, 裤子, 袜子; a colour or a
    count may come between: 一件红毛衣)? Then k is what puts it on or wears it."""
    for n in _clause_after(text, tagged, k, limit=4):
        word = _text(text, tagged, n)
        if word[-1:] in _CLOTHES or (word[:1] in _CLOTHES and word[1:] == "子"):
            return True
        if word in _GARMENT_WORDS:
            return True
        if word in ("的", "地", "得") or len(word) > 2:
            break
    return False


# What grows on a body or a plant: 长 before it is zhǎng "to grow" (长痘, 长记性, 长草).
_GROWN = frozenset(["痘", "痘痘", "记性", "肉", "膘", "草", "毛", "斑", "疮", "牙", "芽",
                    "个子", "个儿", "茧", "霉", "锈", "虫", "疹子", "青春痘", "皱纹", "白发",
                    "见识", "本事", "志气"])


def zhang_grow(text: str, tagged: Tagged, k: int) -> str | None:
    """长 zhǎng "to grow" before what grows (长痘, 长记性, 长个子)."""
    return "zhǎng" if _text(text, tagged, k + 1) in _GROWN else None


# One-character animal nouns that take 只 zhī as their collective suffix (犬只, 鸡只).
_ANIMALS = frozenset("犬狗猫鸡鸭鹅羊牛猪兔鸟")


def zhi_counted(text: str, tagged: Tagged, k: int) -> str | None:
    """只 zhī after 有 before what is counted (有只猫, 有只三岁的狗: 有一只), and as the
    suffix of an animal noun ending its clause (犬只，); zhǐ "only" goes before a verb."""
    before = _text(text, tagged, k - 1)
    after_tag = _tag(tagged, k + 1)
    if before == "有" and not _is_verb(after_tag) and after_tag[:1] not in ("d", "p", "c"):
        return "zhī"
    if before in _ANIMALS and _ends_clause(text, tagged, k + 1):
        return "zhī"
    return None


def liang_measure(text: str, tagged: Tagged, k: int) -> str | None:
    """量 liáng "to measure" before an aspect particle or how often (量了, 量一下, 量过);
    the noun liàng "amount" takes none."""
    after = _text(text, tagged, k + 1)
    return "liáng" if after in ("了", "过", "一下", "一量", "好", "着") else None


def gong_provide(text: str, tagged: Tagged, k: int) -> str | None:
    """供 gōng "for (someone) to" before an action (供查询, 供参考); gòng (to offer up,
    to confess) takes a thing or is in words (上供, 供认)."""
    return "gōng" if _is_verb(_tag(tagged, k + 1)) and _text(text, tagged, k + 1) not in (
        "在", "着", "了", "出"
    ) else None


def wei_person(text: str, tagged: Tagged, k: int) -> str | None:
    """为 wèi after a personal pronoun, before an action (他为救人受伤, 他们为赶时间):
    the subject does it for a purpose; "to be" (wéi) takes a noun, not a verb."""
    subject = _text(text, tagged, k - 1)
    if subject not in _PERSONS and subject not in ("这些", "那些", "有人", "人们"):
        return None
    verb = _text(text, tagged, k - 2)
    if _is_verb(_tag(tagged, k - 2)) and (len(verb) == 1 or verb in _NAMING):
        return None  # 称他为, 选我为: the pronoun is the object of a verb of naming
    return "wèi" if _is_verb(_tag(tagged, k + 1)) else None


# Verbs of naming and appointing, besides the one-character ones (称, 视, 选, 封, 立).
_NAMING = frozenset(["任命", "推举", "选举", "评选", "册封", "尊称", "称呼", "认定", "视作"])


# Question words after which 还 is hái "still, yet" (为啥还要钱, 怎么还不来).
_WHY = frozenset(["为啥", "为什么", "怎么", "咋", "干嘛", "干吗", "凭什么", "何必", "居然",
                  "竟然", "却", "仍", "仍然", "依然"])


def hai_still(text: str, tagged: Tagged, k: int) -> str | None:
    """还 hái "still" after a question word or an adverb of surprise (为啥还要, 居然还)."""
    return "hái" if _text(text, tagged, k - 1) in _WHY else None


def shu_together(text: str, tagged: Tagged, k: int) -> str | None:
    """数 shǔ after 一起/一块儿 before what is counted (一起数星星: jieba tags 一起 as a
    numeral, which the rule above reads as a count of numbers)."""
    if _text(text, tagged, k - 1) in ("一起", "一块", "一块儿") and _tag(tagged, k + 1)[:1] == "n":
        return "shǔ"
    return None


# Postures and habits whose manner 相 xiàng names (坐相, 站相, 吃相, 睡相).
_POSTURES = frozenset("坐站吃睡")


def xiang_manner(text: str, tagged: Tagged, k: int) -> str | None:
    """相 xiàng "bearing, manner" after a posture (没坐相, 吃相难看)."""
    return "xiàng" if _text(text, tagged, k - 1) in _POSTURES else None


def cheng_say(text: str, tagged: Tagged, k: int) -> str | None:
    """称 chēng "to say, to call, to weigh" on its own (爆料称，, 称他为); chèn "to fit" lives
    in words (相称, 称心, 称职, 匀称)."""
    return None if _text(text, tagged, k + 1)[:1] in ("心", "职") else "chēng"


# What one falls into, escapes or suffers: 难 after them is nàn "disaster" (遇难 and 落难
# are words; 有难同当, 幸免于难).
_DISASTER = frozenset(["有", "遭", "逃", "避", "受", "救", "患", "赴", "殉", "发", "于"])


def nan_hard(text: str, tagged: Tagged, k: int) -> str | None:
    """难 nán "hard", the predicate ending its clause (创业难！, 做人难。); nàn
    "disaster" after a verb of meeting or fleeing it."""
    if _ends_clause(text, tagged, k + 1) and _text(text, tagged, k - 1) not in _DISASTER:
        return "nán"
    return None


def jia_fake(text: str, tagged: Tagged, k: int) -> str | None:
    """假 jiǎ "false, fake" before a noun (假农场, 假证件); jià "holiday" is in words (放假,
    请假, 暑假) or ends its clause after how long (三天假)."""
    if _tag(tagged, k + 1) in ("n", "nz", "vn") and not _counted(text, tagged, k):
        return "jiǎ"
    return None


def zhan_stick(text: str, tagged: Tagged, k: int) -> str | None:
    """粘 zhān "to stick, to glue", the verb before what it catches or joins (粘苍蝇, 粘邮票);
    nián "sticky" is the adjective, also of the words jieba may cut after it (粘膜, 粘性,
    粘液: a noun of two characters or more that does not open with one of those)."""
    after = _text(text, tagged, k + 1)
    if _is_verb(_tag(tagged, k)) and _tag(tagged, k + 1) == "n" and len(after) > 1 \
            and after[0] not in _STICKY:
        return "zhān"
    return None


# What 粘 nián "sticky" makes words with (粘膜, 粘性, 粘液, 粘土, 粘稠).
_STICKY = frozenset("膜性液土度质胶稠米糊")


# One-character verbs whose result 好 hǎo "done properly" is (穿好, 坐好, 收好), whatever
# jieba tags them.
_FINISHED = frozenset("穿戴系扣坐站收放装洗包写记填锁关盖铺摆排")


def hao_done(text: str, tagged: Tagged, k: int) -> str | None:
    """好 hǎo as the result of a one-character verb (穿好鞋子, 坐好, 收好)."""
    return "hǎo" if _text(text, tagged, k - 1) in _FINISHED else None


# Endings of nouns for people: 教 before them is jiāo "to teach" (教学生, 教新学员).
_PEOPLE_ENDS = frozenset("者们生员人友手童")


def jiao_people(text: str, tagged: Tagged, k: int) -> str | None:
    """教 jiāo "to teach" before the people taught (教学员, 教孩子们)."""
    after = _text(text, tagged, k + 1)
    if _is_verb(_tag(tagged, k)) and len(after) > 1 and after[-1] in _PEOPLE_ENDS:
        return "jiāo"
    return None


def chong_towards(text: str, tagged: Tagged, k: int) -> str | None:
    """冲 chòng "at, towards (someone)" before a person (冲他挥手, 冲我们喊)."""
    after = _text(text, tagged, k + 1)
    if after in _PERSONS and not _ends_clause(text, tagged, k + 2):
        return "chòng"
    return None


def hua_row(text: str, tagged: Tagged, k: int) -> str | None:
    """划 huá "to row, to paddle" before what is rowed (划船, 划独木舟, 划桨)."""
    for n in _clause_after(text, tagged, k, limit=2):
        if _text(text, tagged, n)[-1:] in ("船", "艇", "桨", "舟"):
            return "huá"
    return None


def shao_young(text: str, tagged: Tagged, k: int) -> str | None:
    """少 shào "young master" right after a one-character surname (韩少, 杨少: how the
    press calls a rich man's son), before what is said of him."""
    before = _text(text, tagged, k - 1)
    if len(before) == 1 and _tag(tagged, k - 1) in ("nr", "j") and not _is_verb(
        _tag(tagged, k + 1)
    ) and _tag(tagged, k + 1)[:1] != "m":
        return "shào"
    return None


# Dynasties and states whose generals 将 jiàng names before the general's name (明将
# 袁某, 魏将张某, 唐将李某).
_DYNASTIES = frozenset("夏商周秦汉魏蜀吴晋隋唐宋辽金元明清楚齐燕赵韩")


def jiang_general(text: str, tagged: Tagged, k: int) -> str | None:
    """将 jiàng "general" between a dynasty or state and a person's name (明将袁某); jiāng
    "will" or the object marker takes a verb or what it moves, never a bare name after a
    dynasty."""
    before = _text(text, tagged, k - 1)
    if len(before) == 1 and before in _DYNASTIES and _tag(tagged, k + 1).startswith("nr") \
            and not _is_verb(_tag(tagged, k + 2)):
        return "jiàng"
    return None


def dou_measure(text: str, tagged: Tagged, k: int) -> str | None:
    """斗 dǒu, the grain measure, after a number (一斗米, 三斗) unless the verb is doubled
    (斗一斗), and the bracket of 斗栱/斗拱; dòu "to fight" is the verb."""
    if _counted(text, tagged, k) and _text(text, tagged, k - 2) != "斗":
        return "dǒu"
    if _text(text, tagged, k + 1)[:1] in ("栱", "拱"):
        return "dǒu"
    return None


def zhao_morning(text: str, tagged: Tagged, k: int) -> str | None:
    """朝 zhāo "a day" in 一朝 before what happens on it (一朝倒塌, 一朝被蛇咬); cháo
    "dynasty, court" takes a noun (一朝天子)."""
    if _text(text, tagged, k - 1) == "一" and (
        _is_verb(_tag(tagged, k + 1)) or _tag(tagged, k + 1) in ("p", "d", "i", "l")
    ):
        return "zhāo"  # an idiom may be what happens (一朝化为乌有)
    return None


# One-character verbs of hitting or guessing whose result 中 zhòng "to hit the mark" is
# (砸中, 打中, 猜中; 击中 and 射中 are words).
_HITTING = frozenset("砸打踢刺戳撞扎砍咬猜押抽")


def zhong_hit(text: str, tagged: Tagged, k: int) -> str | None:
    """中 zhòng "to hit" after a verb of hitting or guessing (砸中遮阳伞, 猜中了)."""
    return "zhòng" if _text(text, tagged, k - 1) in _HITTING else None


# What 发 fà "hair" makes words with when jieba cuts them (发饰, 发夹, 发髻, 发梢).
_HAIR = frozenset("饰夹髻梢辫丝箍")


def fa_hair(text: str, tagged: Tagged, k: int) -> str | None:
    """发 fà "hair" before what is worn in or made of it, where jieba cut the word (发/饰)."""
    after = _text(text, tagged, k + 1)
    return "fà" if len(after) == 1 and after in _HAIR else None


def _either(*rules: Rule) -> Rule:
    """The first rule's verdict that is not None."""

    def rule(text: str, tagged: Tagged, k: int) -> str | None:
        for one in rules:
            reading = one(text, tagged, k)
            if reading is not None:
                return reading
        return None

    return rule


def chuai_carry(text: str, tagged: Tagged, k: int) -> str | None:
    """揣 chuāi "to carry in one's clothes" after 怀 or before where it is kept (怀揣着,
    揣在兜里, 揣进口袋); chuǎi "to guess" lives in words (揣测, 揣摩)."""
    before, after = _text(text, tagged, k - 1), _text(text, tagged, k + 1)
    if before.endswith("怀") or after in ("着", "在", "进", "到", "入", "好"):
        return "chuāi"
    return None


EVERYDAY_RULES: dict[str, Rule] = {
    "着": zhuo_wear,
    "长": zhang_grow,
    "只": zhi_counted,
    "量": liang_measure,
    "供": gong_provide,
    "为": wei_person,
    "还": hai_still,
    "数": shu_together,
    "相": xiang_manner,
    "称": cheng_say,
    "难": nan_hard,
    "假": jia_fake,
    "粘": zhan_stick,
    "好": hao_done,
    "教": jiao_people,
    "冲": chong_towards,
    "划": hua_row,
    "少": shao_young,
    "将": jiang_general,
    "斗": dou_measure,
    "朝": zhao_morning,
    "中": zhong_hit,
    "发": fa_hair,
    "揣": chuai_carry,
}
for _ch, _rule in EVERYDAY_RULES.items():
    RULES[_ch] = _either(_rule, RULES[_ch]) if _ch in RULES else _rule
