"""The rows of the timeline (its chart and its table) and of the milestone list as HTML, written in Python.

The template language spends a few tenths of a millisecond per row on an ``{% include %}``, its lookups, filters
and ``{% url %}``; the pages have a row per milestone (about a hundred in the demo, ten times that at 10x), so
the rows are built here with ``format_html`` (every value through ``conditional_escape``) and joined once. The
markup is the one the templates wrote: the same classes, data attributes for static/js/timeline.js, scope
attributes and visually hidden words for screen readers. The pages (``planning/timeline.html``,
``planning/milestone_list.html``) wrap them and cache the result per version of the planning's data
(``planning.views``, ``core.fragments``).
"""

from collections.abc import Callable, Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from core.urls import reverse_for_ids

from .conflicts import Conflict
from .models import Milestone
from .selectors import TimelineBar, TimelineGroup

Status = Milestone.Status


def milestone_url(slug: str) -> Callable[[int], str]:
    """The milestone page's URL for a pk: one ``reverse()`` for the pattern, the pk put in per row."""
    return reverse_for_ids("planning:milestone_detail", slug=slug)


def _labels(choices) -> dict[str, str]:
    """A choices class's labels in the active language, once per rendering (``get_FOO_display()`` builds its
    lookup afresh on every call, a fifth of the timeline's time)."""
    return {value: str(label) for value, label in choices.choices}


def _join(parts: Iterable[str]) -> SafeString:
    return mark_safe("".join(parts))  # noqa: S308 - every part is format_html's output


def _conflict_count(conflicts: list[Conflict]) -> str:
    count = len(conflicts)
    return ngettext("%(counter)s knelpunt", "%(counter)s knelpunten", count) % {"counter": count}


def status_badge(milestone: Milestone, labels: dict[str, str]) -> SafeString:
    """The milestone's status as a badge with a marker (planning/includes/milestone_status.html); ``labels`` are
    the statuses' labels (``_labels(Milestone.Status)``)."""
    status = milestone.status
    if status == Status.TENTATIVE:
        return format_html(
            '<span class="badge badge-tentative"><span aria-hidden="true">?</span> {}</span>',
            gettext("onder voorbehoud"),
        )
    label = labels.get(status, status)
    if status == Status.DONE:
        return format_html('<span class="badge text-bg-success"><span aria-hidden="true">✓</span> {}</span>', label)
    if status == Status.CANCELLED:
        return format_html('<span class="badge text-bg-secondary"><s>{}</s></span>', label)
    if status == Status.MOVED:
        return format_html('<span class="badge text-bg-warning"><span aria-hidden="true">→</span> {}</span>', label)
    return format_html('<span class="badge text-bg-light border">{}</span>', label)


# --- The timeline ---------------------------------------------------------------------------------------------


def _bar_label(bar: TimelineBar, url: str, when: str, status_label: str) -> SafeString:
    """The label beside a bar: the link, when, the status, the conflicts with their reasons, the dependencies."""
    milestone = bar.milestone
    status = milestone.status
    parts = [
        format_html(
            '<a href="{}"{}>{}</a>\n<span class="timeline-when">{}</span>\n',
            url,
            mark_safe(' class="text-decoration-line-through"') if status == Status.CANCELLED else "",
            milestone.title,
            when,
        )
    ]
    if status != Status.PLANNED:
        if bar.is_tentative:
            badge = "badge-tentative"
        elif status == Status.DONE:
            badge = "text-bg-success"
        else:
            badge = "text-bg-secondary"
        parts.append(
            format_html(
                '<span class="badge {}">{}{}</span>\n',
                badge,
                mark_safe('<span aria-hidden="true">✓ </span>') if status == Status.DONE else "",
                status_label,
            )
        )
    if bar.conflicts:
        parts.append(
            format_html(
                '<span class="timeline-conflict-mark" title="{}"><span aria-hidden="true">⚠</span> {}: {}</span>\n'
                '<details class="timeline-conflict-details small"><summary>{}</summary>'
                '<ul class="mb-0 ps-3">{}</ul></details>\n',
                "".join(f"{conflict.message} " for conflict in bar.conflicts),
                _conflict_count(bar.conflicts),
                bar.conflict_reasons,
                gettext("Waarom?"),
                format_html_join("", "<li>{}</li>", ((conflict.message,) for conflict in bar.conflicts)),
            )
        )
    if bar.depends_on:
        parts.append(
            format_html(
                '<span class="timeline-depends small">{} {}</span>\n',
                gettext("Hangt af van:"),
                "; ".join(other.title for other in bar.depends_on),
            )
        )
    return _join(parts)


def timeline_chart_rows(group: TimelineGroup, slug: str) -> SafeString:
    """A phase's rows of the chart: per milestone its label and its bar on the axis."""
    url = milestone_url(slug)
    statuses = _labels(Status)
    rows = []
    for bar in group.bars:
        milestone = bar.milestone
        when = milestone.when_display
        conflict = bool(bar.conflicts)
        depends_on, late = bar.depends_on_ids, bar.late_dependency_ids
        rows.append(
            format_html(
                '<li class="timeline-row{}" data-milestone="{}"{}{}>\n'
                '<div class="timeline-label">{}</div>\n'
                '<div class="timeline-track">\n'
                '<span data-bar class="timeline-bar timeline-bar--{}{}{}" style="left: {}%; width: {}%">'
                '<span class="visually-hidden">{}</span></span>\n'
                "</div>\n</li>\n",
                " timeline-row--conflict" if conflict else "",
                milestone.pk,
                format_html(' data-depends-on="{}"', depends_on) if depends_on else "",
                format_html(' data-late="{}"', late) if late else "",
                _bar_label(bar, url(milestone.pk), when, statuses.get(milestone.status, milestone.status)),
                milestone.status,
                " timeline-bar--point" if bar.is_point else "",
                " timeline-bar--conflict" if conflict else "",
                bar.left,
                bar.width,
                when,
            )
        )
    return _join(rows)


def timeline_table_rows(groups: list[TimelineGroup], slug: str) -> SafeString:
    """The table version of the timeline: per milestone its phase, link, when, status, dependencies, conflicts."""
    url = milestone_url(slug)
    statuses = _labels(Status)
    none = gettext("geen")
    rows = []
    for group in groups:
        for bar in group.bars:
            milestone = bar.milestone
            depends_on = (
                format_html_join(
                    "", '<span class="d-block">{} ({})</span>', ((o.title, o.when_display) for o in bar.depends_on)
                )
                if bar.depends_on
                else "-"
            )
            conflicts = (
                format_html_join(
                    "",
                    '<span class="d-block"><span aria-hidden="true">⚠</span> {}</span>',
                    ((conflict.message,) for conflict in bar.conflicts),
                )
                if bar.conflicts
                else none
            )
            rows.append(
                format_html(
                    '<tr>\n<td>{}</td>\n<th scope="row" class="fw-normal"><a href="{}">{}</a></th>\n'
                    '<td class="text-nowrap">{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n</tr>\n',
                    group.name,
                    url(milestone.pk),
                    milestone.title,
                    milestone.when_display,
                    statuses.get(milestone.status, milestone.status),
                    depends_on,
                    conflicts,
                )
            )
    return _join(rows)


# --- The milestone list ---------------------------------------------------------------------------------------


def milestone_list_rows(milestones: list[Milestone], slug: str) -> SafeString:
    """A phase's rows of the milestone list: when, the link, kind, body, status and the conflicts in words.
    Each milestone carries its ``conflicts`` (planning.views.milestones)."""
    url = milestone_url(slug)
    statuses, kinds = _labels(Status), _labels(Milestone.Kind)
    no_conflict = format_html(
        '<span class="visually-hidden">{}</span><span aria-hidden="true">—</span>', gettext("geen")
    )
    rows = []
    for milestone in milestones:
        conflicts = milestone.conflicts
        if conflicts:
            conflict_cell = format_html(
                '<span class="badge text-bg-danger"><span aria-hidden="true">⚠</span> {}</span>\n'
                '<ul class="list-unstyled small mb-0">{}</ul>',
                _conflict_count(conflicts),
                format_html_join(
                    "", "<li>{}: {}</li>", ((conflict.kind_label, conflict.message) for conflict in conflicts)
                ),
            )
        else:
            conflict_cell = no_conflict
        body = milestone.body
        rows.append(
            format_html(
                '<tr{}>\n<td class="text-nowrap">{}</td>\n<th scope="row"><a href="{}">{}</a></th>\n'
                "<td>{}</td>\n<td>{}</td>\n<td>{}</td>\n<td>\n{}\n</td>\n</tr>\n",
                mark_safe(' class="conflict"') if conflicts else "",
                milestone.when_display,
                url(milestone.pk),
                milestone.title,
                kinds.get(milestone.kind, milestone.kind),
                format_html('<abbr title="{}">{}</abbr>', body.name, body.short_name) if body else "—",
                status_badge(milestone, statuses),
                conflict_cell,
            )
        )
    return _join(rows)
