"""`zhreader stats ARTICLE`: how much of an article you can read, from the command line."""

from __future__ import annotations

import argparse
import json

from app.core.analysis.stats import ArticleStats


def add_stats_parser(sub: argparse._SubParsersAction) -> None:
    stats = sub.add_parser(
        "stats",
        help="print %% known, new words and the HSK profile of an article",
        description="Counted against your word states; names, numbers and ignored words "
        "are left out, learning words are not known yet.",
    )
    stats.add_argument("article", help="a .txt/.html file, or a built-in article's title/slug")
    stats.add_argument("--json", action="store_true", help="print JSON")


def run_stats(args: argparse.Namespace) -> int:
    from app.cli import say, terminal_safe
    from app.core.analysis.analyzer import default_analyzer
    from app.core.analysis.stats import article_stats
    from app.core.text.articles import load_named_article
    from app.core.user.vocab import VocabStore

    analyzer = default_analyzer()
    article = load_named_article(args.article, words=analyzer.is_headword)
    with VocabStore() as store:
        if store.notice:
            say("note", store.notice)
        states = store.states()
    stats = article_stats(analyzer, article, states)
    if args.json:
        print(json.dumps(stats.to_json(), ensure_ascii=False))
        return 0
    print(terminal_safe(article.title))
    for line in describe(stats):
        print(line)
    return 0


def describe(stats: ArticleStats) -> list[str]:
    from app.core.language.hsk import TOP_BAND, band_label

    profile = stats.hsk_profile
    bands = "  ".join(f"{band_label(band)}: {profile.share(band):.0%}"
                      for band in range(1, TOP_BAND + 1))
    return [
        f"known: {stats.known_share:.0%} of {stats.words:,} words, "
        f"{stats.known_distinct_share:.0%} of {stats.distinct_words:,} distinct words",
        f"new words: {stats.new_words:,}",
        f"HSK 3.0 bands: {bands}  not in HSK: {profile.share(0):.0%}",
    ]
