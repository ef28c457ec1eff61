"""The VS/MJB document as .docx (python-docx), for those who edit in Word.

The same content as the PDF: a title block, the sections as numbered headings, their HTML converted to Word
paragraphs, lists and tables (a small converter for the safe subset: p, br, strong/b, em/i, a, ul/ol/li, h3/h4,
table with caption/thead/tbody/tfoot/tr/th/td), and the goals and capacity as tables when a generated section
carries data but no HTML. Concept versions say CONCEPT in the page header.
"""

import io
import re

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import html as lxml_html

from core.dates import format_date
from documents.content import DocumentContent

from .pdf import capacity_row, goal_row

# HTML headings inside a section sit below the section's own heading (level 1).
HEADING_LEVELS = {"h1": 2, "h2": 2, "h3": 2, "h4": 3, "h5": 4, "h6": 4}
WHITESPACE = re.compile(r"\s+")
BLOCK_TAGS = {"p", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "blockquote"}


def render_docx(content: DocumentContent) -> bytes:
    with translation.override(content.language):
        document = _build(content)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _build(content: DocumentContent):
    document = Document()
    set_language(document, content.language)
    properties = document.core_properties
    properties.title = content.document_title
    properties.subject = content.process_title
    properties.language = content.language
    properties.revision = 1
    properties.version = content.version_label

    header_and_footer(document, content)

    document.add_paragraph(content.document_title, style="Title")
    document.add_paragraph(content.process_title, style="Subtitle")
    for label, value in [
        (_("Versie"), content.version_label),
        (_("Status"), content.status_label),
        (_("Datum"), format_date(content.date)),
    ]:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    for number, section in enumerate(content.sections, start=1):
        document.add_heading(f"{number}. {section.title}", level=1)
        if section.html.strip():
            HtmlConverter(document).convert(section.html)
        elif section.generated:
            _data_section(document, content, section.key)
    return document


def header_and_footer(document, content: DocumentContent) -> None:
    """The running header (CONCEPT until adopted, the title and version) and "pagina x van y" in the footer; also
    for the progress report (monitoring), whose content has the same three fields."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    title = f"{content.document_title} – {_('Versie')} {content.version_label}"
    if not content.is_adopted:
        header.add_run(_("CONCEPT")).bold = True
        header.add_run(" – ")
    header.add_run(title)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{_('pagina')} ")
    _field(footer, "PAGE")
    footer.add_run(f" {_('van')} ")
    _field(footer, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, placeholder, end):
        run._r.append(element)


def set_language(document, language: str) -> None:
    """Proofing language of the Normal style (Word's spelling check), e.g. nl-NL."""
    tag = {"nl": "nl-NL", "en": "en-GB"}.get(language, language)
    run_properties = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    run_properties.append(lang)


def _data_section(document, content: DocumentContent, key: str) -> None:
    if key == "priorities":
        for item in content.priorities:
            paragraph = document.add_paragraph(style="List Number")
            paragraph.add_run(item.title).bold = True
            if item.ambition:
                paragraph.add_run(f" – {item.ambition}")
            if item.urgency:
                paragraph.add_run(f" ({item.urgency})")
    elif key == "goals":
        rows = [goal_row(goal) for goal in content.goals]
        data_table(
            document,
            [_("Nr."), _("Doelstelling"), _("Indicator"), _("Nulmeting"), _("Streefwaarde"), _("Uiterlijk")],
            [
                [str(row["position"]), row["title"], row["indicator"], row["baseline"], row["target"], row["deadline"]]
                for row in rows
            ],
        )
        for row in rows:
            if row["owner"] or row["partner_roles"]:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{row['title']}: ").bold = True
                paragraph.add_run("; ".join(filter(None, [row["owner"], *row["partner_roles"]])))
    elif key == "capacity":
        rows = [capacity_row(row) for row in content.capacity]
        data_table(
            document,
            [_("District"), _("Gemeente"), _("Inwoners"), _("Norm"), _("Gepland"), _("Tekort")],
            [
                [row["district"], row["municipality"], row["population"], row["norm"], row["planned"], row["shortfall"]]
                for row in rows
            ],
        )


def data_table(document, header: list[str], rows: list[list[str]]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_as_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = str(text)
    return table


def _repeat_as_header(row) -> None:
    """Word repeats this row at the top of every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


class HtmlConverter:
    """Sanitised HTML (the safe subset) to python-docx paragraphs, lists and tables. Unknown tags give their text."""

    def __init__(self, document):
        self.document = document

    def convert(self, html: str) -> None:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
        self._blocks(root)

    def _blocks(self, element, list_depth: int = 0) -> None:
        """The children of ``element`` as blocks; loose text and inline runs gather into a paragraph."""
        paragraph = None
        if element.text and element.text.strip():
            paragraph = self.document.add_paragraph()
            self._add_text(paragraph, element.text, {})
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in BLOCK_TAGS:
                paragraph = None
                self._block(child, list_depth)
            elif tag:
                if paragraph is None:
                    paragraph = self.document.add_paragraph()
                self._inline(paragraph, child, {})
            if child.tail and child.tail.strip():
                if paragraph is None:
                    paragraph = self.document.add_paragraph()
                self._add_text(paragraph, child.tail, {})

    def _block(self, element, list_depth: int) -> None:
        tag = element.tag
        if tag == "p":
            self._paragraph(element)
        elif tag in HEADING_LEVELS:
            heading = self.document.add_heading(level=HEADING_LEVELS[tag])
            self._runs(heading, element, {})
        elif tag in ("ul", "ol"):
            self._list(element, numbered=tag == "ol", depth=list_depth + 1)
        elif tag == "table":
            self._table(element)
        else:  # div, section, blockquote: their contents
            self._blocks(element, list_depth)

    def _paragraph(self, element, style: str | None = None):
        paragraph = self.document.add_paragraph(style=style)
        self._runs(paragraph, element, {})
        return paragraph

    def _list(self, element, *, numbered: bool, depth: int) -> None:
        base = "List Number" if numbered else "List Bullet"
        style = base if depth == 1 else f"{base} {min(depth, 3)}"
        for item in element:
            if item.tag != "li":
                continue
            paragraph = self.document.add_paragraph(style=style)
            nested = []
            if item.text:
                self._add_text(paragraph, item.text, {})
            for child in item:
                if child.tag in ("ul", "ol"):
                    nested.append(child)
                elif child.tag in ("p", "h3", "h4"):
                    if paragraph.runs:
                        paragraph.add_run().add_break()
                    self._runs(paragraph, child, {"bold": child.tag != "p"})
                else:
                    self._inline(paragraph, child, {})
                if child.tail and child.tail.strip():
                    self._add_text(paragraph, child.tail, {})
            for child in nested:
                self._list(child, numbered=child.tag == "ol", depth=depth + 1)

    def _table(self, element) -> None:
        caption = element.find("caption")
        if caption is not None:
            self._paragraph(caption, style="Caption")
        rows = element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        header_rows = set(element.xpath("./thead/tr"))
        width = max((sum(int(cell.get("colspan", "1") or 1) for cell in row) for row in rows), default=0)
        if not rows or not width:
            return
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for row in rows:
            docx_row = table.add_row()
            if row in header_rows:
                _repeat_as_header(docx_row)
            column = 0
            for cell in row:
                if cell.tag not in ("th", "td"):
                    continue
                span = max(1, min(int(cell.get("colspan", "1") or 1), width - column))
                target = docx_row.cells[column]
                if span > 1:
                    target = target.merge(docx_row.cells[column + span - 1])
                paragraph = target.paragraphs[0]
                self._cell(paragraph, cell, bold=cell.tag == "th")
                column += span
                if column >= width:
                    break

    def _cell(self, paragraph, cell, *, bold: bool) -> None:
        """A cell's contents in one paragraph; list items and paragraphs on lines of their own."""
        style = {"bold": True} if bold else {}
        if cell.text:
            self._add_text(paragraph, cell.text, style)
        for child in cell:
            if child.tag in ("ul", "ol"):
                for item in child.iter("li"):
                    if paragraph.runs:
                        paragraph.add_run().add_break()
                    paragraph.add_run("• ")
                    self._runs(paragraph, item, style)
            elif child.tag == "p":
                if paragraph.runs:
                    paragraph.add_run().add_break()
                self._runs(paragraph, child, style)
            else:
                self._inline(paragraph, child, style)
            if child.tail and child.tail.strip():
                self._add_text(paragraph, child.tail, style)

    def _runs(self, paragraph, element, style: dict) -> None:
        if element.text:
            self._add_text(paragraph, element.text, style)
        for child in element:
            self._inline(paragraph, child, style)
            if child.tail:
                self._add_text(paragraph, child.tail, style)

    def _inline(self, paragraph, element, style: dict) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            return
        style = dict(style)
        if tag in ("strong", "b", "th"):
            style["bold"] = True
        elif tag in ("em", "i"):
            style["italic"] = True
        self._runs(paragraph, element, style)
        if tag == "a" and element.get("href", "").startswith(("http://", "https://")):
            href = element.get("href")
            if href != (element.text_content() or "").strip():
                self._add_text(paragraph, f" ({href})", {})

    @staticmethod
    def _add_text(paragraph, text: str, style: dict) -> None:
        text = WHITESPACE.sub(" ", text)
        if not paragraph.runs:
            text = text.lstrip()
        if not text:
            return
        run = paragraph.add_run(text)
        if style.get("bold"):
            run.bold = True
        if style.get("italic"):
            run.italic = True
