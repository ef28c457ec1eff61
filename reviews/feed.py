"""The next cycle: what the previous period's adopted reviews and progress reports give the new process's scan.

When a process is copied for the next period (planning.services.process_copy calls planning.hooks.PROCESS_COPIED),
and when a review or a progress report (monitoring.hooks.REPORT_ADOPTED) is adopted while a next process exists,
every adopted review and every adopted progress report of the previous process becomes a source of the next
process's scan: not confidential (they were adopted by the Bestuurscollege: public), linked to the themes of the
priorities its goals work out, found again by its reference (the page it comes from) so that nothing is added
twice. Through scan.services.source_add.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dates import format_date
from core.limits import TEXT_MAX_LENGTH
from monitoring.models import ProgressReport
from monitoring.selectors import monitored_goals
from planning.models import StrategyProcess
from scan.models import Source, Theme
from scan.services import source_add
from sitesettings.selectors import site_settings

from .models import Review, ReviewGoal


def _owner() -> str:
    return site_settings().network_name


def _review_notes(review: Review, rows: list[ReviewGoal]) -> str:
    lines = [
        _("%(kind)s van de %(process)s, vastgesteld op %(date)s. Aanbevelingen voor de volgende strategie:")
        % {
            "kind": review.kind_display.capitalize(),
            "process": review.process.short_name,
            "date": format_date(review.adopted_on),
        }
    ]
    for row in rows:
        if row.recommendation:
            lines.append(f"- {row.goal.title}: {row.get_recommendation_display()} – {row.reason}")
    return "\n".join(lines)[:TEXT_MAX_LENGTH]


def feed_next_scan(*, source: StrategyProcess, process: StrategyProcess, user=None) -> list[Source]:
    """Make ``source``'s adopted reviews and progress reports sources of ``process``'s scan (see the module); the
    sources made now (those already there are left as they are)."""
    made = []
    reviews = list(Review.objects.filter(process=source, status=Review.Status.ADOPTED).order_by("adopted_on", "pk"))
    rows = {}
    for row in (
        ReviewGoal.objects.filter(review__in=reviews)
        .select_related("goal__priority")
        .prefetch_related("goal__priority__themes")
        .order_by("goal__position", "pk")
    ):
        rows.setdefault(row.review_id, []).append(row)
    for review in reviews:
        review_rows = rows.get(review.pk, [])
        themes = {theme.pk: theme for row in review_rows for theme in row.goal.priority.themes.all()}
        item, created = source_add(
            process=process,
            title=review.title,
            kind=Source.Kind.REVIEW,
            reference=review.get_absolute_url(),
            confidentiality=Source.Confidentiality.PUBLIC,
            owner=_owner(),
            published_on=review.adopted_on,
            themes=list(themes.values()),
            notes=_review_notes(review, review_rows),
            user=user,
        )
        if created:
            made.append(item)
    reports = list(ProgressReport.objects.filter(process=source, status=ProgressReport.Status.ADOPTED).order_by("year"))
    if reports:
        goals = monitored_goals(source)
        themes = list(Theme.objects.filter(priorities__goals__in=goals).distinct())
        for report in reports:
            item, created = source_add(
                process=process,
                title=_("Voortgangsrapportage %(year)s %(process)s")
                % {"year": report.year, "process": source.short_name},
                kind=Source.Kind.PROGRESS,
                reference=reverse("monitoring:report", kwargs={"slug": source.slug, "year": report.year}),
                confidentiality=Source.Confidentiality.PUBLIC,
                owner=_owner(),
                published_on=report.adopted_on,
                themes=themes,
                notes=_("Voortgangsrapportage over %(year)s van de %(process)s, vastgesteld op %(date)s.")
                % {"year": report.year, "process": source.short_name, "date": format_date(report.adopted_on)},
                user=user,
            )
            if created:
                made.append(item)
    return made


def feed_successors(*, process: StrategyProcess, user=None) -> list[Source]:
    """After an adoption in ``process``: feed the scan of every process that follows it."""
    made = []
    for successor in StrategyProcess.objects.filter(predecessor=process).order_by("pk"):
        made += feed_next_scan(source=process, process=successor, user=user)
    return made


def on_process_copied(*, source: StrategyProcess, process: StrategyProcess) -> None:
    """planning.hooks.PROCESS_COPIED: the copy's scan starts with the source's adopted reviews and reports."""
    feed_next_scan(source=source, process=process)


def on_report_adopted(*, report: ProgressReport, user=None) -> None:
    """monitoring.hooks.REPORT_ADOPTED: a report adopted after the copy still feeds the next process's scan."""
    feed_successors(process=report.process, user=user)
