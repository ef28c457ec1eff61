"""Compare two versions of the document: per section the text of both, paragraph by paragraph, and within a
changed paragraph word by word (difflib). A table is compared as a table: row by row, and within a changed row
cell by cell. The page shows the old version beside the new one; additions and removals are marked by colour and
with <ins>/<del> plus the words "toegevoegd"/"verwijderd" for screen readers
(templates/documents/includes/diff_segments.html).
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


class _BlockExtractor(HTMLParser):
    """The section as blocks: a line of text per paragraph, heading or list item, and each table as rows of cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str | list[list[str]]] = []
        self._text: list[str] = []
        self._table: list[list[str]] | None = None
        self._depth = 0  # tables inside tables are read as text of their cell
        self._cell: list[str] | None = None
        self._skip = 0

    def _flush_text(self):
        line = " ".join("".join(self._text).split())
        if line:
            self.blocks.append(line)
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._flush_text()
                self._table = []
        elif self._table is not None and self._depth == 1 and tag == "tr":
            self._table.append([])
        elif self._table is not None and self._depth == 1 and tag in _CELL_TAGS:
            self._cell = []
        elif self._table is None and tag in _BLOCK_TAGS:
            self._flush_text()
        elif self._cell is not None and tag in _BLOCK_TAGS:
            self._cell.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag == "table" and self._depth:
            self._depth -= 1
            if self._depth == 0 and self._table is not None:
                rows = [row for row in self._table if row]
                if rows:
                    self.blocks.append(rows)
                self._table = None
        elif self._table is not None and self._depth == 1 and tag in _CELL_TAGS and self._cell is not None:
            if not self._table:
                self._table.append([])
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif self._table is None and tag in _BLOCK_TAGS:
            self._flush_text()

    def handle_data(self, data):
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._table is None:
            self._text.append(data)

    def close(self):
        super().close()
        self._flush_text()


def html_to_blocks(html: str) -> list[str | list[list[str]]]:
    """The section's lines of text and its tables (each a list of rows of cell texts), in order."""
    parser = _BlockExtractor()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


@dataclass
class Segment:
    kind: str  # "equal", "insert", "delete"
    text: str


@dataclass
class DiffLine:
    kind: str  # "equal", "insert", "delete", "change"; a table's line: "table"
    segments: list[Segment]
    rows: list["DiffRow"] = field(default_factory=list)  # a table's rows

    @property
    def changed(self) -> bool:
        if self.kind == "table":
            return any(row.kind != "equal" for row in self.rows)
        return self.kind != "equal"

    @property
    def old_segments(self) -> list[Segment]:
        """What the old version had: the equal and the removed text (its column of the side-by-side view)."""
        return [segment for segment in self.segments if segment.kind != "insert"]

    @property
    def new_segments(self) -> list[Segment]:
        return [segment for segment in self.segments if segment.kind != "delete"]

    @property
    def in_old(self) -> bool:
        return self.kind != "insert" and (self.kind != "table" or any(row.kind != "insert" for row in self.rows))

    @property
    def in_new(self) -> bool:
        return self.kind != "delete" and (self.kind != "table" or any(row.kind != "delete" for row in self.rows))

    @property
    def all_segments(self) -> list[Segment]:
        if self.kind != "table":
            return self.segments
        return [segment for row in self.rows for cell in row.cells for segment in cell.segments]


@dataclass
class DiffCell:
    segments: list[Segment]

    @property
    def old_segments(self) -> list[Segment]:
        return [segment for segment in self.segments if segment.kind != "insert"]

    @property
    def new_segments(self) -> list[Segment]:
        return [segment for segment in self.segments if segment.kind != "delete"]


@dataclass
class DiffRow:
    kind: str  # "equal", "insert", "delete", "change"
    cells: list[DiffCell]


@dataclass
class SectionDiff:
    key: str
    title: str
    lines: list[DiffLine] = field(default_factory=list)
    only_in: str = ""  # "a" or "b" when the section exists in one version only

    @property
    def changed(self) -> bool:
        return bool(self.only_in) or any(line.changed for line in self.lines)

    @property
    def additions(self) -> int:
        return sum(1 for line in self.lines for s in line.all_segments if s.kind == "insert")

    @property
    def removals(self) -> int:
        return sum(1 for line in self.lines for s in line.all_segments if s.kind == "delete")


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


def _whole(kind: str, text: str) -> list[Segment]:
    return [Segment(kind, text)] if text else []


def _row_diff(old: list[str] | None, new: list[str] | None) -> DiffRow:
    if old is None:
        return DiffRow("insert", [DiffCell(_whole("insert", cell)) for cell in new])
    if new is None:
        return DiffRow("delete", [DiffCell(_whole("delete", cell)) for cell in old])
    if old == new:
        return DiffRow("equal", [DiffCell(_whole("equal", cell)) for cell in old])
    cells = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else ""
        after = new[index] if index < len(new) else ""
        cells.append(DiffCell(_word_diff(before, after) if before and after else _changed_cell(before, after)))
    return DiffRow("change", cells)


def _changed_cell(before: str, after: str) -> list[Segment]:
    return _whole("delete", before) + _whole("insert", after)


def diff_table(old: list[list[str]], new: list[list[str]]) -> DiffLine:
    """Row by row (rows matched by their text), within a changed row cell by cell and word by word."""
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=[tuple(r) for r in old], b=[tuple(r) for r in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(_row_diff(row, row) for row in old[i1:i2])
        elif tag == "delete":
            rows.extend(_row_diff(row, None) for row in old[i1:i2])
        elif tag == "insert":
            rows.extend(_row_diff(None, row) for row in new[j1:j2])
        else:
            olds, news = old[i1:i2], new[j1:j2]
            for index in range(max(len(olds), len(news))):
                rows.append(
                    _row_diff(olds[index] if index < len(olds) else None, news[index] if index < len(news) else None)
                )
    return DiffLine("table", [], rows)


def _key(block: str | list[list[str]]) -> str:
    if isinstance(block, str):
        return block
    return "\x00table\x00" + "\x00".join("\x01".join(row) for row in block)


def diff_blocks(old: list, new: list) -> list[DiffLine]:
    """Lines of text as diff_text does; a table against a table as a table, otherwise removed and added."""
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=[_key(b) for b in old], b=[_key(b) for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = []
        if tag == "equal":
            pairs = [(block, block) for block in old[i1:i2]]
        elif tag == "delete":
            pairs = [(block, None) for block in old[i1:i2]]
        elif tag == "insert":
            pairs = [(None, block) for block in new[j1:j2]]
        else:
            olds, news = old[i1:i2], new[j1:j2]
            texts_old = [block for block in olds if isinstance(block, str)]
            texts_new = [block for block in news if isinstance(block, str)]
            tables_old = [block for block in olds if not isinstance(block, str)]
            tables_new = [block for block in news if not isinstance(block, str)]
            if texts_old or texts_new:
                result.extend(diff_text("\n".join(texts_old), "\n".join(texts_new)))
            for index in range(max(len(tables_old), len(tables_new))):
                pairs.append(
                    (
                        tables_old[index] if index < len(tables_old) else None,
                        tables_new[index] if index < len(tables_new) else None,
                    )
                )
        for before, after in pairs:
            block = before if before is not None else after
            if isinstance(block, str):
                kind = (
                    "equal" if before is not None and after is not None else ("delete" if after is None else "insert")
                )
                result.append(DiffLine(kind, [Segment(kind, block)]))
            else:
                result.append(diff_table(before or [], after or []))
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
            lines=diff_blocks(
                html_to_blocks(section_a.html) if section_a else [], html_to_blocks(section_b.html) if section_b else []
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
            lines=diff_blocks(html_to_blocks(a.letter_html), html_to_blocks(b.letter_html)),
        )
    )
    return result
