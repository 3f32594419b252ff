"""
A static rendering of an archived page, safe to serve from the site.

Takes the page's HTML (text) and the URL it was fetched from; gives its
title and its body as HTML that runs nothing and loads nothing: only the
elements and attributes listed below are kept (an allow-list, not a list of
dangers), scripts, styles, frames, forms, media and embedded objects go with
their content, images become their alternative text, links point to their
absolute http(s) targets only, and the page's landmarks (header, nav,
main...) become plain blocks, so that they do not compete with the site's
own around the copy. The site's Content-Security-Policy stays the backstop.
"""

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

# Kept with their text, as they are.
KEPT = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q cite em strong b i u s small sub sup "
    "mark abbr time code pre kbd samp var br hr a figure figcaption table caption thead tbody "
    "tfoot tr th td span div".split()
)
# Kept as a plain block: the page's own landmarks and sectioning.
AS_BLOCK = frozenset("article section header footer nav main aside address details summary".split())
# Removed with everything inside them.
DROPPED = frozenset(
    "script noscript style link meta base iframe frame frameset object embed applet form input "
    "button select textarea option label fieldset legend svg math template canvas video audio "
    "source track map area portal dialog head title".split()
)
ATTRIBUTES = {
    "a": ("href", "title"),
    "abbr": ("title",),
    "time": ("datetime",),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan", "scope"),
    "ol": ("start", "reversed"),
    "q": ("cite",),
    "blockquote": ("cite",),
}
COMMON_ATTRIBUTES = ("lang", "dir")


@dataclass(frozen=True)
class Rendering:
    title: str
    body: str  # HTML


def render_archived_page(html, *, base_url, heading_offset=0):
    """
    ``html`` as a static, inert rendering; links made absolute against
    ``base_url``; headings moved ``heading_offset`` levels down (the page is
    shown under a heading of the site's).
    """
    try:
        document = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return Rendering("", "")
    title = " ".join((document.findtext(".//title") or "").split())
    body = document.find("body")
    if body is None:
        return Rendering(title, "")
    _clean(body, base_url)
    if heading_offset:
        for heading in body.iter("h1", "h2", "h3", "h4", "h5", "h6"):
            heading.tag = f"h{min(int(heading.tag[1]) + heading_offset, 6)}"
    inner = (body.text and _escape(body.text) or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in body
    )
    return Rendering(title, inner)


def _clean(element, base_url):
    for child in list(element):
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None:  # comments, processing instructions
            _remove_keeping_tail(child)
            continue
        tag = tag.lower()
        if tag in DROPPED:
            _remove_keeping_tail(child)
            continue
        if tag == "img":
            alt = " ".join((child.get("alt") or "").split())
            _replace_with_text(child, f"[Image: {alt}]" if alt else "")
            continue
        _clean(child, base_url)
        if tag in AS_BLOCK:
            child.tag = "div"
        elif tag not in KEPT:
            child.drop_tag()  # an unknown element: its text stays, the element goes
            continue
        _keep_attributes(child, tag, base_url)


def _keep_attributes(element, tag, base_url):
    allowed = ATTRIBUTES.get(tag, ()) + COMMON_ATTRIBUTES
    for name in list(element.attrib):
        if name.lower() not in allowed:
            del element.attrib[name]
    for name in ("href", "cite"):
        if name in element.attrib:
            target = _absolute_http(element.get(name), base_url)
            if target:
                element.set(name, target)
            else:
                del element.attrib[name]
    if tag == "a" and "href" in element.attrib:
        element.set("rel", "nofollow noopener noreferrer external")


def _absolute_http(url, base_url):
    target = urljoin(base_url, (url or "").strip())
    return target if urlsplit(target).scheme in ("http", "https") else ""


def _remove_keeping_tail(element):
    _replace_with_text(element, "")


def _replace_with_text(element, text):
    parent = element.getparent()
    text = text + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
