"""Saved web pages become the article's text: no code, no markup, no comments."""

from __future__ import annotations

from app.core.text.html_text import html_to_text

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>杨格退出 xAI 日常事务 &amp; 转任顾问</title>
<style>.x { color: red } 样式文字</style>
<script>document.write("脚本文字")</script>
</head><body>
<nav>首页 | 科技 | 导航文字</nav>
<!-- 注释文字 -->
<article>
<h1>知名华人AI研究员杨格退居二线</h1>
<p>杨格是知名的数学家和AI研究员。在xAI和微软研究院工作期间,
他一直致力于数学基础与深度学习理论方面的研究。</p>
<p>代码示例:&lt;b&gt;粗体&lt;/b&gt;<br>第二行</p>
<iframe src="https://example.com">框架文字</iframe>
<noscript>请启用 JavaScript</noscript>
<ul><li>第一项</li><li>第二项</li></ul>
</article>
<footer>页脚文字</footer>
</body></html>"""


def test_title_comes_from_the_title_element() -> None:
    title, _ = html_to_text(PAGE)
    assert title == "杨格退出 xAI 日常事务 & 转任顾问"


def test_code_comments_and_embeds_are_dropped() -> None:
    _, text = html_to_text(PAGE)
    for hidden in ("脚本文字", "样式文字", "color", "注释文字", "框架文字", "JavaScript"):
        assert hidden not in text


def test_article_element_is_preferred_over_page_furniture() -> None:
    _, text = html_to_text(PAGE)
    assert "导航文字" not in text and "页脚文字" not in text
    assert text.splitlines()[0] == "知名华人AI研究员杨格退居二线"


def test_an_xml_doctype_with_entity_definitions_shows_none_of_them() -> None:
    page = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "啊啊"><!ENTITY b "&a;&a;">]>'
            "<html><body><p>&b;正文</p></body></html>")
    title, text = html_to_text(page)
    assert title is None
    assert text == "&b;正文"  # defined entities are not expanded (no entity bombs)


def test_entities_become_literal_text() -> None:
    _, text = html_to_text(PAGE)
    assert "代码示例:<b>粗体</b>" in text


def test_blocks_become_lines_and_source_wrapping_does_not_split_sentences() -> None:
    _, text = html_to_text(PAGE)
    lines = text.splitlines()
    assert (
        "杨格是知名的数学家和AI研究员。在xAI和微软研究院工作期间,"
        "他一直致力于数学基础与深度学习理论方面的研究。"
    ) in lines
    assert "第二行" in lines and "第一项" in lines and "第二项" in lines


def test_page_without_title_or_article() -> None:
    title, text = html_to_text("<div>第一段。</div><div>第二段。<script>x()</script></div>")
    assert title is None
    assert text == "第一段。\n第二段。"


def test_head_without_end_tag_does_not_hide_the_body() -> None:
    title, text = html_to_text("<html><head><title>标题</title><p>正文在这里。")
    assert (title, text) == ("标题", "正文在这里。")


def test_unclosed_script_hides_the_rest_rather_than_showing_code() -> None:
    _, text = html_to_text("<p>正文。</p><script>var a = '<p>';")
    assert text == "正文。"


def test_broken_marked_section_keeps_the_page_readable() -> None:
    """`<![` not followed by CDATA/if/endif made Python 3.11's parser raise."""
    _, text = html_to_text("<p>第一段。</p><![A <p>第二段。</p><![")
    assert "第一段。" in text and "第二段。" in text
