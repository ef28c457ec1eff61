"""A short piece of a hit's text around the first matched word, with the matched words marked."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 180


def stem_prefix(term: str) -> str:
    """The part of a word that its inflections share, roughly ("wijkagenten" - "wijkagen" finds "wijkagent"):
    the full-text search matches on stems, the snippet has to find the same words without them."""
    return term if len(term) <= 5 else term[: max(5, len(term) - 3)]


def _pattern(terms: list[str]) -> re.Pattern:
    prefixes = sorted({stem_prefix(term) for term in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")\w*", re.IGNORECASE)


def snippet_html(texts: dict[str, str], terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """From the first text (after the title, weight A) with a match, about ``length`` characters around the first
    match; else the start of the main text. Escaped, with ``<mark>`` around the matched words."""
    pattern = _pattern(terms) if terms else None
    body = [" ".join(text.split()) for weight, text in texts.items() if weight != "A"]
    chosen, start = next(
        ((text, match.start()) for text in body if pattern is not None and (match := pattern.search(text)) is not None),
        (next((text for text in body if text), ""), 0),
    )
    if not chosen:
        return mark_safe("")
    begin = max(0, start - length // 3)
    if begin:
        # Start at a word.
        space = chosen.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    piece = chosen[begin : begin + length]
    if begin + length < len(chosen):
        piece = piece.rsplit(" ", 1)[0] if " " in piece else piece
    html = _mark(piece, pattern)
    # Safe: _mark escapes every piece of the text; only its own <mark> tags are HTML.
    html = ("… " if begin else "") + html + (" …" if begin + len(piece) < len(chosen) else "")
    return mark_safe(html)  # noqa: S308


def _mark(text: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
