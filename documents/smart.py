"""The SMART check of a goal: what is missing or wrong, in Dutch, field by field.

A pure function: it reads the goal's own fields, the partner roles and the facts it is given (the strategy's
period and the confirmed top five), and touches no database. A goal may be put forward to the RVO only when the
list is empty (documents/services.py: goal_put_forward).

S: a specific description, linked to a priority of the top five. M: an indicator with a baseline (value, date)
and a target (value, date). A: an owner and the other partners' roles. R: urgent or desired. T: the target
date and the deadline inside the strategy's period, and the target after the baseline.
"""

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.dates import format_date

from .models import Goal, Partner


@dataclass(frozen=True)
class SmartIssue:
    field: str  # the form field to fix, "" when none
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class SmartFacts:
    """What the check needs beyond the goal itself."""

    start_year: int
    end_year: int
    top_five_priority_ids: Collection[int] | None  # None: the BBG has not confirmed its top five yet

    @property
    def period_start(self) -> datetime.date:
        return datetime.date(self.start_year, 1, 1)

    @property
    def period_end(self) -> datetime.date:
        return datetime.date(self.end_year, 12, 31)

    @property
    def period_words(self) -> str:
        return f"{format_date(self.period_start)} – {format_date(self.period_end)}"


def _outside(facts: SmartFacts, date: datetime.date) -> bool:
    return not facts.period_start <= date <= facts.period_end


def smart_check(goal: Goal, *, facts: SmartFacts, roles: Iterable | None = None) -> list[SmartIssue]:
    """Everything that keeps ``goal`` from being SMART; empty when it is.

    ``roles`` are the other partners' roles (objects with ``partner`` and ``role``); by default the goal's own,
    which a caller that checks many goals should prefetch.
    """
    roles = list(goal.roles.all() if roles is None else roles)
    issues: list[SmartIssue] = []

    def issue(field: str, message: str) -> None:
        issues.append(SmartIssue(field, message))

    # Specific
    if not goal.title.strip():
        issue("title", _("Geen titel."))
    if not goal.description.strip():
        issue("description", _("Geen specifieke omschrijving: wat willen we bereiken?"))
    if not goal.priority_id:
        issue("priority", _("Niet gekoppeld aan een prioriteit."))
    elif facts.top_five_priority_ids is None:
        issue("priority", _("De BBG heeft de top vijf nog niet bevestigd."))
    elif goal.priority_id not in facts.top_five_priority_ids:
        issue(
            "priority",
            _("De prioriteit '%(priority)s' hoort niet bij de bevestigde top vijf van de BBG.")
            % {"priority": goal.priority},
        )

    # Measurable
    if not goal.indicator.strip():
        issue("indicator", _("Geen indicator: waaraan meten we het?"))
    if not goal.baseline_value.strip():
        issue("baseline_value", _("Geen nulmeting (waarde)."))
    if goal.baseline_date is None:
        issue("baseline_date", _("Geen datum van de nulmeting."))
    if not goal.target_value.strip():
        issue("target_value", _("Geen streefwaarde."))
    if goal.target_date is None:
        issue("target_date", _("Geen datum voor de streefwaarde."))
    elif _outside(facts, goal.target_date):
        issue(
            "target_date",
            _("De datum van de streefwaarde (%(date)s) ligt buiten de periode van de strategie (%(period)s).")
            % {"date": format_date(goal.target_date), "period": facts.period_words},
        )
    if goal.baseline_date and goal.target_date and goal.target_date <= goal.baseline_date:
        issue(
            "target_date",
            _("De datum van de streefwaarde (%(target)s) ligt niet na de datum van de nulmeting (%(baseline)s).")
            % {"target": format_date(goal.target_date), "baseline": format_date(goal.baseline_date)},
        )

    # Assignable: the owner and the others' roles
    if not goal.owner:
        issue("owner", _("Geen eigenaar: welke partner trekt deze doelstelling?"))
    elif goal.owner == Partner.OTHER and not goal.owner_other.strip():
        issue("owner_other", _("Noem de eigenaar bij 'anders'."))
    if not roles:
        issue("roles", _("De rollen van de andere partners zijn niet beschreven."))
    elif goal.owner and any(
        role.partner == goal.owner and (goal.owner != Partner.OTHER or role.partner_other == goal.owner_other)
        for role in roles
    ):
        issue("roles", _("De eigenaar staat ook bij de andere partners; noem alleen de andere partners."))
    if any(not str(role.role).strip() for role in roles):
        issue("roles", _("Bij een partner ontbreekt de rol."))

    # Relevant: urgent or desired
    if not goal.urgency:
        issue("urgency", _("Niet aangegeven of de doelstelling urgent of gewenst is."))

    # Time-bound
    if goal.deadline is None:
        issue("deadline", _("Geen uiterste datum."))
    elif _outside(facts, goal.deadline):
        issue(
            "deadline",
            _("De uiterste datum (%(date)s) ligt buiten de periode van de strategie (%(period)s).")
            % {"date": format_date(goal.deadline), "period": facts.period_words},
        )
    return issues
