"""The scan matrix's three tables as HTML, written in Python: the shares per theme, the heat map per district and
municipalities x themes.

The template language spends about 0.1 ms per cell (a variable lookup, a filter, an ``{% if %}`` each); the
matrix has municipalities x themes cells (1,716 in the demo, ten times that at 10x), so the tables are built
here with ``escape`` and joined once. The markup is the one the template wrote: the same classes, captions,
scope attributes and the visually hidden text for screen readers. The page (``scan/matrix.html``) wraps them and
caches the result per data version (``scan.views.ScanMatrixView``, ``core.fragments``).
"""

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .models import PlanTheme
from .selectors import ScanMatrix


def shares_table(matrix: ScanMatrix) -> SafeString:
    """Per theme: how many municipalities name it, their share of municipalities and inhabitants, per district."""
    unknown_label = escape(gettext("onbekend"))
    head = "".join(
        f'<th scope="col"><abbr title="{escape(row.district_name)}">{escape(row.district_code)}</abbr></th>'
        for row in matrix.heat_rows
    )
    rows = []
    for theme, share in matrix.columns:
        name = escape(theme.name)
        if share.share_inhabitants is None:
            inhabitants = unknown_label
        else:
            inhabitants = f"{floatformat(share.share_inhabitants, 1)}%"
        if share.unknown_population:
            note = gettext("zonder %(names)s: inwonertal onbekend") % {"names": ", ".join(share.unknown_population)}
            inhabitants += f' <span class="small text-body-secondary">({escape(note)})</span>'
        per_district = "".join(f"<td>{count}</td>" for count in share.per_district.values())
        rows.append(
            f'<tr data-theme="{name}"><th scope="row">{name}</th><td class="count">{share.count}</td>'
            f'<td class="share-municipalities"><span class="bar" style="width: '
            f'{floatformat(share.share_municipalities, 0)}px" aria-hidden="true"></span> '
            f"{floatformat(share.share_municipalities, 1)}%</td>"
            f'<td class="share-inhabitants">{inhabitants}</td>{per_district}</tr>'
        )
    caption = gettext(
        "Per thema: hoeveel gemeenten het noemen, hun aandeel in de gemeenten en de inwoners van de eenheid, en het "
        "aantal per district."
    )
    theme_label, count_label = escape(gettext("Thema")), escape(gettext("Gemeenten"))
    municipalities_label, inhabitants_label = escape(gettext("Aandeel gemeenten")), escape(gettext("Aandeel inwoners"))
    return mark_safe(  # noqa: S308 - every value above is escaped
        '<table class="table table-sm table-bordered align-middle" id="theme-shares">'
        f"<caption>{escape(caption)}</caption><thead><tr>"
        f'<th scope="col">{theme_label}</th><th scope="col">{count_label}</th>'
        f'<th scope="col">{municipalities_label}</th><th scope="col">{inhabitants_label}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _theme_heads(matrix: ScanMatrix) -> str:
    return "".join(f'<th scope="col" class="theme-head">{escape(theme.name)}</th>' for theme in matrix.themes)


def heat_map_table(matrix: ScanMatrix) -> SafeString:
    """Districts x themes: per cell the number of the district's municipalities naming the theme, coloured by its
    share (the classes heat-0 ... heat-4 of the legend)."""
    of, naming = escape(gettext("van")), escape(gettext("gemeenten noemen"))
    rows = []
    for row in matrix.heat_rows:
        cells = "".join(
            f'<td class="heat-{cell.level}" title="{escape(cell.theme.name)}: {cell.count} / {cell.total} '
            f'({floatformat(cell.percent, 0)}%)">{cell.count}<span class="visually-hidden"> {of} {cell.total} '
            f"{naming} {escape(cell.theme.name)}</span></td>"
            for cell in row.cells
        )
        rows.append(
            f'<tr><th scope="row">{escape(row.district_code)} {escape(row.district_name)} '
            f'<span class="small">({row.municipality_count})</span></th>{cells}</tr>'
        )
    caption = gettext("Hittekaart: districten × thema's, aantal gemeenten dat het thema noemt")
    district_label = escape(gettext("District"))
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'<table class="table table-sm table-bordered scan-matrix" id="heat-map"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">{district_label}</th>{_theme_heads(matrix)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def municipalities_table(matrix: ScanMatrix) -> SafeString:
    """Municipalities x themes: a mark where the municipality's plan names the theme (+ added by the
    municipality, * changed by it), its wording in the cell's title and in words for screen readers."""
    names, not_named = escape(gettext("noemt")), escape(gettext("niet genoemd"))
    empty_cell = f'<td><span class="visually-hidden">{not_named}</span></td>'
    origin_mark = {PlanTheme.Origin.ADDED.value: "+", PlanTheme.Origin.CHANGED.value: "*"}
    added, changed = escape(gettext("aangevuld door de gemeente")), escape(gettext("gewijzigd door de gemeente"))
    origin_note = {PlanTheme.Origin.ADDED.value: f" ({added})", PlanTheme.Origin.CHANGED.value: f" ({changed})"}
    theme_names = {theme.pk: escape(theme.name) for theme in matrix.themes}
    # One reverse() for the pattern, the municipality's id put in per row.
    detail_url = reverse("scan:plan_detail", kwargs={"slug": matrix.process.slug, "municipality_pk": 0})
    prefix, suffix = detail_url.rsplit("/0/", 1)
    rows = []
    for row in matrix.rows:
        municipality = escape(row.municipality.name)
        cells = []
        for cell in row.cells:
            plan_theme = cell.plan_theme
            if plan_theme is None:
                cells.append(empty_cell)
                continue
            theme = theme_names[cell.theme.pk]
            wording = escape(plan_theme.wording) if plan_theme.wording else ""
            cells.append(
                f'<td class="named" title="{theme}: {wording or theme}"><span aria-hidden="true">'
                f'{origin_mark.get(plan_theme.origin, "✓")}</span><span class="visually-hidden">{municipality} '
                f"{names} {theme}{': ' + wording if wording else ''}{origin_note.get(plan_theme.origin, '')}"
                "</span></td>"
            )
        rows.append(
            f'<tr><th scope="row"><a href="{prefix}/{row.municipality.pk}/{suffix}">{municipality}</a></th>'
            f"<td>{escape(row.municipality.district.code)}</td>{''.join(cells)}<td>{row.count}</td></tr>"
        )
    totals = "".join(f"<td>{share.count}</td>" for share in matrix.shares)
    caption = gettext("Gemeenten × thema's: welke thema's elk gemeentelijk veiligheidsplan noemt")
    municipality_label, district_label = escape(gettext("Gemeente")), escape(gettext("District"))
    count_label, total_label = escape(gettext("Aantal")), escape(gettext("Aantal gemeenten"))
    return mark_safe(  # noqa: S308 - every value above is escaped
        '<table class="table table-sm table-bordered table-hover scan-matrix" id="scan-matrix">'
        f"<caption>{escape(caption)}</caption><thead><tr>"
        f'<th scope="col">{municipality_label}</th><th scope="col">{district_label}</th>'
        f'{_theme_heads(matrix)}<th scope="col">{count_label}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody><tfoot><tr>"
        f'<th scope="row" colspan="2">{total_label}</th>{totals}<td></td></tr></tfoot>'
        "</table>"
    )
