"""The safe rich-text subset of the document's prose, enforced with nh3 on save AND on render.

Allowed: p, br, strong, em, ul, ol, li, h3, h4, a (href with http, https or mailto only), and simple tables.
Everything else goes: script and style with their content, images (no remote fetches from a rendering), inline
styles, event handlers, javascript: and data: links, relative links.

The rich-text editor (core.prose) wraps the text of every list item and table cell in a paragraph; a lone paragraph
there is unwrapped again, so that prose written before the editor and saved through it stays as it was stored
(no change in the version compare) and the PDF and .docx see one form.
"""

import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "a",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_ALLOWED_PREFIXES = ("http://", "https://", "mailto:")
_SCOPES = {"col", "row"}
# <li><p>text</p></li> -> <li>text</li> (also td and th); the paragraph's text holds no other paragraph.
_LONE_PARAGRAPH = re.compile(r"<(li|td|th)((?: [^>]*)?)><p>((?:(?!</?p[ >]).)*?)</p></\1>", re.DOTALL)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        # Absolute http(s)/mailto only: a relative link means nothing in a PDF and could reach the app itself.
        return value if value.strip().lower().startswith(_ALLOWED_PREFIXES) else None
    if tag == "th" and attribute == "scope":
        return value if value in _SCOPES else None
    return value


def sanitize_html(html: str | None) -> str:
    """The prose reduced to the safe subset. Idempotent: sanitising twice gives the same text."""
    if not html:
        return ""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=ALLOWED_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    ).strip()
    return _LONE_PARAGRAPH.sub(r"<\1\2>\3</\1>", clean)


# What the document's generated sections add to the prose subset (documents/sections/*.html): captions, table
# footers and the class of a generated table or list, from this fixed set only. For HTML that comes from outside
# and should be generated (a version's snapshot in an imported export): no style, no other class, no script.
GENERATED_TAGS = ALLOWED_TAGS | {"caption", "tfoot"}
GENERATED_CLASSES = {"capacity", "goal", "preconditions", "priorities", "roles"}


def allow_generated_classes(*names: str) -> None:
    """A higher app whose generated chapter (documents.hooks.DOCUMENT_CHAPTERS) marks its tables with classes of its
    own adds them here, in its AppConfig.ready(), so that a snapshot holding the chapter survives an import."""
    GENERATED_CLASSES.update(names)


_GENERATED_ATTRIBUTES = {
    **ALLOWED_ATTRIBUTES,
    "table": {"class"},
    "ol": {"class"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def _filter_generated_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "class":
        return value if value in GENERATED_CLASSES else None
    if attribute in ("colspan", "rowspan"):
        return value if value.isdigit() and len(value) <= 3 else None
    return _filter_attribute(tag, attribute, value)


def sanitize_generated_html(html: str | None) -> str:
    """A generated section (prose with its generated tables) reduced to what the generator writes. Idempotent."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=GENERATED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_GENERATED_ATTRIBUTES,
        attribute_filter=_filter_generated_attribute,
        url_schemes=ALLOWED_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    ).strip()
