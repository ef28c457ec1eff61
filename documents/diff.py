"""Compare two versions of the document: per section the text of both, paragraph by paragraph, and within a
changed paragraph word by word (difflib). Additions and removals are marked in the page with <ins>/<del> plus the
words "toegevoegd"/"verwijderd" for screen readers (templates/documents/includes/diff_segments.html).
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from .content import DocumentContent

# Tags after which the text continues on a new line (a paragraph of the diff).
_BLOCK_TAGS = {"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "div", "section"}
_CELL_TAGS = {"td", "th"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" | ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text of a section, one paragraph (or list item, or table row) per line."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = " ".join(line.split()).strip(" |").strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


@dataclass
class Segment:
    kind: str  # "equal", "insert", "delete"
    text: str


@dataclass
class DiffLine:
    kind: str  # "equal", "insert", "delete", "change"
    segments: list[Segment]


@dataclass
class SectionDiff:
    key: str
    title: str
    lines: list[DiffLine] = field(default_factory=list)
    only_in: str = ""  # "a" or "b" when the section exists in one version only

    @property
    def changed(self) -> bool:
        return bool(self.only_in) or any(line.kind != "equal" for line in self.lines)

    @property
    def additions(self) -> int:
        return sum(1 for line in self.lines for s in line.segments if s.kind == "insert")

    @property
    def removals(self) -> int:
        return sum(1 for line in self.lines for s in line.segments if s.kind == "delete")


_WORDS = re.compile(r"\S+\s*")


def _word_diff(old: str, new: str) -> list[Segment]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(old_words[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", "".join(old_words[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(new_words[j1:j2])))
    return segments


def diff_text(old: str, new: str) -> list[DiffLine]:
    """Paragraph by paragraph; a paragraph that changed a little is shown once, with its changed words marked."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(DiffLine("equal", [Segment("equal", line)]) for line in old_lines[i1:i2])
        elif tag == "delete":
            result.extend(DiffLine("delete", [Segment("delete", line)]) for line in old_lines[i1:i2])
        elif tag == "insert":
            result.extend(DiffLine("insert", [Segment("insert", line)]) for line in new_lines[j1:j2])
        else:
            olds, news = old_lines[i1:i2], new_lines[j1:j2]
            for index in range(max(len(olds), len(news))):
                before = olds[index] if index < len(olds) else None
                after = news[index] if index < len(news) else None
                if before is None:
                    result.append(DiffLine("insert", [Segment("insert", after)]))
                elif after is None:
                    result.append(DiffLine("delete", [Segment("delete", before)]))
                elif difflib.SequenceMatcher(a=before, b=after, autojunk=False).ratio() >= 0.5:
                    result.append(DiffLine("change", _word_diff(before, after)))
                else:
                    result.append(DiffLine("delete", [Segment("delete", before)]))
                    result.append(DiffLine("insert", [Segment("insert", after)]))
    return result


def compare_contents(a: DocumentContent, b: DocumentContent) -> list[SectionDiff]:
    """Every section of both versions (in b's order, then those only in a), plus the accompanying letter."""
    sections_a = {section.key: section for section in a.sections}
    sections_b = {section.key: section for section in b.sections}
    keys = [section.key for section in b.sections] + [key for key in sections_a if key not in sections_b]
    result = []
    for key in keys:
        section_a, section_b = sections_a.get(key), sections_b.get(key)
        title = (section_b or section_a).title
        diff = SectionDiff(
            key=key,
            title=title,
            lines=diff_text(
                html_to_text(section_a.html) if section_a else "", html_to_text(section_b.html) if section_b else ""
            ),
        )
        if section_a is None:
            diff.only_in = "b"
        elif section_b is None:
            diff.only_in = "a"
        result.append(diff)
    result.append(
        SectionDiff(
            key="letter",
            title=_("Begeleidende brief"),
            lines=diff_text(html_to_text(a.letter_html), html_to_text(b.letter_html)),
        )
    )
    return result
