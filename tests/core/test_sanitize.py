import pytest

from core.sanitize import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Tekst<script>alert(1)</script></p>", "<p>Tekst</p>"),
        ('<p>Een<img src="https://example.org/x.png" alt="x">beeld</p>', "<p>Eenbeeld</p>"),
        ("<style>p { color: red }</style><p>Tekst</p>", "<p>Tekst</p>"),
        ('<p style="color:red" onclick="x()">Tekst</p>', "<p>Tekst</p>"),
        ('<a href="javascript:alert(1)">klik</a>', '<a rel="noopener noreferrer">klik</a>'),
        ('<a href="JavaScript:alert(1)">klik</a>', '<a rel="noopener noreferrer">klik</a>'),
        ('<a href="data:text/html,x">klik</a>', '<a rel="noopener noreferrer">klik</a>'),
        ('<a href="/beheer/">klik</a>', '<a rel="noopener noreferrer">klik</a>'),
        ('<iframe src="https://example.org"></iframe><p>x</p>', "<p>x</p>"),
        ("<div><h1>Kop</h1></div>", "Kop"),
    ],
)
def test_it_strips_what_is_not_in_the_subset(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_it_keeps_the_subset():
    html = (
        "<h3>Kop</h3><h4>Sub</h4><p>Een <strong>vette</strong> en <em>schuine</em> tekst<br></p>"
        "<ul><li>een</li></ul><ol><li>twee</li></ol>"
        '<p><a href="https://wetten.overheid.nl/" rel="noopener noreferrer">wet</a> '
        '<a href="mailto:info@vnonl.nl" rel="noopener noreferrer">mail</a></p>'
        '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    )
    assert sanitize_html(html) == html


def test_it_is_idempotent_and_handles_empty():
    once = sanitize_html('<p onclick="x">a<script>b</script></p><img src=x>')
    assert sanitize_html(once) == once
    assert sanitize_html(None) == ""
    assert sanitize_html("") == ""
