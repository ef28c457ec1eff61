import datetime

from documents.content import DocumentContent, Section
from documents.diff import compare_contents, diff_text, html_to_text


def content(label, sections, letter="<p>Brief</p>"):
    return DocumentContent(
        process_title="Veiligheidsstrategie 2019-2022",
        document_title="VS en MJB 2019-2022",
        version_label=label,
        status_label="concept",
        is_adopted=False,
        date=datetime.date(2018, 9, 12),
        sections=[Section(key, key.capitalize(), html) for key, html in sections],
        priorities=[],
        goals=[],
        capacity=[],
        letter_html=letter,
    )


def test_html_to_text_keeps_paragraphs_and_cells():
    text = html_to_text(
        "<p>Een <strong>twee</strong></p><ul><li>drie</li></ul><table><tr><th>a</th><td>b</td></tr></table>"
    )
    assert text.splitlines() == ["Een twee", "drie", "a | b"]


def test_changed_words_are_marked():
    [line] = diff_text("De politie levert informatie.", "De politie en het OM leveren informatie.")
    assert line.kind == "change"
    kinds = {(s.kind, s.text.strip()) for s in line.segments if s.kind != "equal"}
    assert ("delete", "levert") in kinds
    assert ("insert", "en het OM leveren") in kinds


def test_compare_lists_additions_and_removals_per_section():
    a = content("0.1", [("intro", "<p>Oude alinea.</p><p>Blijft staan.</p>"), ("goals", "<p>Gelijk</p>")])
    b = content(
        "0.2", [("intro", "<p>Blijft staan.</p><p>Nieuwe alinea over ondermijning.</p>"), ("goals", "<p>Gelijk</p>")]
    )
    diffs = {d.key: d for d in compare_contents(a, b)}
    assert not diffs["goals"].changed
    assert not diffs["letter"].changed
    intro = diffs["intro"]
    assert intro.changed
    assert intro.additions == 1
    assert intro.removals == 1
    assert [(line.kind, line.segments[0].text) for line in intro.lines] == [
        ("delete", "Oude alinea."),
        ("equal", "Blijft staan."),
        ("insert", "Nieuwe alinea over ondermijning."),
    ]


def test_a_section_only_in_one_version():
    diffs = {d.key: d for d in compare_contents(content("0.1", []), content("0.2", [("om", "<p>OM</p>")]))}
    assert diffs["om"].only_in == "b"
    assert diffs["om"].additions == 1


def test_a_table_is_compared_as_a_table_row_by_row_and_cell_by_cell():
    old = "<p>Inleiding</p><table><tr><th>Gemeente</th><th>Agenten</th></tr><tr><td>Deventer</td><td>20</td></tr>"
    old += "<tr><td>Zwolle</td><td>25</td></tr></table>"
    new = "<p>Inleiding</p><table><tr><th>Gemeente</th><th>Agenten</th></tr><tr><td>Deventer</td><td>22</td></tr>"
    new += "<tr><td>Zwolle</td><td>25</td></tr><tr><td>Kampen</td><td>9</td></tr></table>"
    diffs = {
        d.key: d for d in compare_contents(content("0.1", [("capacity", old)]), content("0.2", [("capacity", new)]))
    }
    capacity = diffs["capacity"]
    assert capacity.changed
    intro, table = capacity.lines
    assert (intro.kind, intro.changed) == ("equal", False)
    assert table.kind == "table"
    assert [row.kind for row in table.rows] == ["equal", "change", "equal", "insert"]
    deventer = table.rows[1]
    assert [[(s.kind, s.text) for s in cell.segments] for cell in deventer.cells] == [
        [("equal", "Deventer")],
        [("delete", "20"), ("insert", "22")],
    ]
    assert [s.text for s in deventer.cells[1].old_segments] == ["20"]
    assert [s.text for s in deventer.cells[1].new_segments] == ["22"]
    assert (table.in_old, table.in_new) == (True, True)
    assert (capacity.additions, capacity.removals) == (3, 1)  # 22, Kampen, 9; 20


def test_an_unchanged_table_is_not_a_change():
    table = "<table><tr><td>a</td><td>b</td></tr></table>"
    diffs = {d.key: d for d in compare_contents(content("0.1", [("x", table)]), content("0.2", [("x", table)]))}
    assert not diffs["x"].changed
