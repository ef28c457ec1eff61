"""Writes of the scan that hold a rule of the domain.

- The ambtelijke toets: a check that has gone out has the day it went out; an answer cannot come before it.
- A theme the municipality added to its plan, or whose wording it changed, is recorded with that origin; once
  the check has gone out, such a theme marks the check as amended ("aangevuld of gewijzigd").
- A replaced or removed document is deleted from the private storage (core.storage) once the change is
  committed; a refused upload never reaches it (see core.uploads).
- A source made by another app (the next cycle's feed of adopted reviews and progress reports) goes through
  ``source_add``: validated as the form validates it, with its themes, once per reference within a process.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from .models import MunicipalPlan, PlanTheme, Source, Theme

AMENDING_ORIGINS = (PlanTheme.Origin.ADDED, PlanTheme.Origin.CHANGED)


def plan_check_errors(
    *, status: str, sent_on: datetime.date | None, answered_on: datetime.date | None
) -> dict[str, str]:
    """The problems with a plan's check status and dates, by field name (empty when they hold)."""
    errors = {}
    if status != MunicipalPlan.CheckStatus.NOT_SENT and sent_on is None:
        errors["check_sent_on"] = gettext("Vul in wanneer de ambtelijke toets naar de gemeente is verstuurd.")
    if status == MunicipalPlan.CheckStatus.NOT_SENT and answered_on is not None:
        errors["check_status"] = gettext("Een toets die niet is verstuurd, kan niet zijn beantwoord.")
    if sent_on and answered_on and answered_on < sent_on:
        errors["check_answered_on"] = gettext("De toets kan niet zijn beantwoord vóór hij is verstuurd.")
    return errors


def _mark_amended(plan: MunicipalPlan, origins) -> None:
    """A municipality's addition or change, after the check went out, makes the check 'amended'."""
    if plan.check_status in (MunicipalPlan.CheckStatus.SENT, MunicipalPlan.CheckStatus.ANSWERED) and any(
        origin in AMENDING_ORIGINS for origin in origins
    ):
        plan.check_status = MunicipalPlan.CheckStatus.AMENDED
        plan.save(update_fields=["check_status"])


def _delete_file_on_commit(storage, old_name: str, new_name: str) -> None:
    if old_name and old_name != new_name:
        transaction.on_commit(lambda: storage.delete(old_name))


@transaction.atomic
def plan_theme_add(*, plan: MunicipalPlan, theme: Theme, wording: str = "", origin: str = PlanTheme.Origin.SCAN):
    """Record that ``plan`` names ``theme`` (in the plan's own words). Creates the plan if it was not scanned yet.

    A theme already in the plan is refused (change it on the plan's page); an addition or change by the
    municipality marks a check that has gone out as amended.
    """
    if plan.pk is None:
        plan.save()
    elif PlanTheme.objects.filter(plan=plan, theme=theme).exists():
        raise ValidationError(
            gettext("Het plan van %(municipality)s noemt '%(theme)s' al; wijzig het op de pagina van het plan.")
            % {"municipality": plan.municipality, "theme": theme},
            code="plan_theme_twice",
        )
    plan_theme = PlanTheme.objects.create(plan=plan, theme=theme, wording=wording, origin=origin)
    _mark_amended(plan, [origin])
    return plan_theme


@transaction.atomic
def plan_theme_update(*, plan_theme: PlanTheme, wording: str, origin: str) -> PlanTheme:
    """Change a theme's wording or origin; a change by the municipality marks a check that went out as amended."""
    plan_theme.wording = wording
    plan_theme.origin = origin
    plan_theme.save(update_fields=["wording", "origin"])
    _mark_amended(plan_theme.plan, [origin])
    return plan_theme


@transaction.atomic
def plan_save(*, form, formset) -> MunicipalPlan:
    """Save a plan's form and its themes together (or nothing), then apply the amendment rule."""
    old_document = form.initial.get("document")
    old_name = getattr(old_document, "name", "") or ""
    plan = form.save()
    formset.instance = plan
    formset.save()
    changed_origins = [
        subform.cleaned_data.get("origin")
        for subform in formset.forms
        if subform.has_changed() and not subform.cleaned_data.get("DELETE")
    ]
    _mark_amended(plan, changed_origins)
    _delete_file_on_commit(plan.document.storage, old_name, plan.document.name if plan.document else "")
    return plan


@transaction.atomic
def source_save(*, form) -> Source:
    """Save a source from its form; a replaced or removed document is deleted after the commit."""
    old_document = form.initial.get("document")
    old_name = getattr(old_document, "name", "") or ""
    source = form.save()
    _delete_file_on_commit(source.document.storage, old_name, source.document.name if source.document else "")
    return source


@transaction.atomic
def plan_check_record(
    *,
    plan: MunicipalPlan,
    status: str,
    sent_on: datetime.date | None = None,
    answered_on: datetime.date | None = None,
    notes: str | None = None,
) -> MunicipalPlan:
    """Record where the plan's ambtelijke toets stands (for the toets in the portal, partners.services): the same
    rules as the plan's form (plan_check_errors). A check already amended stays amended."""
    if plan.pk is None:
        plan.save()
    sent_on = sent_on if sent_on is not None else plan.check_sent_on
    answered_on = answered_on if answered_on is not None else plan.check_answered_on
    if plan.check_status == MunicipalPlan.CheckStatus.AMENDED and status == MunicipalPlan.CheckStatus.ANSWERED:
        status = MunicipalPlan.CheckStatus.AMENDED
    errors = plan_check_errors(status=status, sent_on=sent_on, answered_on=answered_on)
    if errors:
        raise ValidationError(errors, code="plan_check_dates")
    plan.check_status, plan.check_sent_on, plan.check_answered_on = status, sent_on, answered_on
    fields = ["check_status", "check_sent_on", "check_answered_on"]
    if notes is not None:
        plan.check_notes = notes
        fields.append("check_notes")
    plan.save(update_fields=fields)
    return plan


@transaction.atomic
def source_add(
    *,
    process,
    title: str,
    kind: str,
    reference: str,
    confidentiality: str = Source.Confidentiality.INTERNAL,
    owner: str = "",
    published_on: datetime.date | None = None,
    themes=(),
    notes: str = "",
    user=None,
) -> tuple[Source, bool]:
    """A source of ``process``'s scan that another app adds (e.g. an adopted review of the previous period), with
    its themes. Rule: one source per ``reference`` within the process, so adding again changes nothing (answers
    the existing one and False); the fields hold the model's limits (``full_clean``). History records ``user``."""
    existing = Source.objects.filter(process=process, reference=reference).first() if reference else None
    if existing is not None:
        return existing, False
    source = Source(
        process=process,
        title=title[:200],
        kind=kind,
        reference=reference,
        confidentiality=confidentiality,
        owner=owner[:200],
        published_on=published_on,
        notes=notes,
    )
    source.full_clean()
    source._history_user = user
    source.save()
    source.themes.set(themes)
    return source, True
