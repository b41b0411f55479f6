"""HTML fragments (feed summaries, content:encoded) to plain text, and article pages to main text."""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml import html as lxml_html

from etl.text.arabic import collapse_spaces

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "blockquote", "section", "article", "figure", "figcaption", "table", "pre", "hr"}
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(fragment: str | None) -> str:
    """Visible text of an HTML fragment with paragraph breaks kept as newlines."""
    if not fragment:
        return ""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    etree.strip_elements(root, "script", "style", "noscript", etree.Comment, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = (collapse_spaces(line) for line in text.replace("\r", "\n").split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()


def extract_main_text(page_html: str | bytes, url: str | None = None) -> str | None:
    """The article's main text from a whole page (trafilatura); None when nothing is found."""
    import trafilatura  # imported here: it is slow to import and only live page fetching needs it

    text = trafilatura.extract(page_html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    return _tidy(text) if text else None
