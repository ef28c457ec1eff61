"""The adoption workflow that a document of the process follows: the VS/MJB document (documents.services) and the
annual progress report (monitoring.services) go through the same steps: concept -> to the RVO -> for adoption by
the Bestuurscollege -> adopted, and back to concept (with a reason) from the RVO or the board.

A ``Workflow`` says which step may follow which and the date field each step fills; ``check_step`` holds the
rules every step shares, with codes that start with the workflow's prefix (``document_...``, ``report_...``):

- a step that is not allowed from the current status: ``<prefix>_transition_not_allowed``;
- back to concept without a reason: ``<prefix>_concept_reason_missing``;
- a step that fills a date without the meeting's date: ``<prefix>_meeting_date_missing``;
- a date before the previous step's: ``<prefix>_date_before_previous_step``.

What differs per document (the goals of the VS/MJB, the summary of a report, the versions' content) stays in its
own service.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.dates import format_date
from core.errors import refuse


@dataclass(frozen=True)
class Workflow:
    prefix: str  # the refusal codes' first word
    labels: Mapping[str, str]  # status -> its label (the model's choices)
    transitions: Mapping[str, tuple[str, ...]]
    date_fields: Mapping[str, str]  # status -> the field with the date of the step that led to it
    previous_date: Mapping[str, str]  # status -> the field with the date its step may not come before
    not_allowed_message: str  # with %(from)s and %(to)s
    concept_reason_message: str

    def allowed(self, status: str) -> tuple[str, ...]:
        return tuple(self.transitions.get(status, ()))

    def check_step(self, obj, *, to_status: str, meeting_date: datetime.date | None, note: str) -> str:
        """Refuse a step of ``obj`` (which has a ``status`` and the date fields) that breaks a shared rule; returns
        the note, stripped."""
        if to_status not in self.allowed(obj.status):
            refuse(
                str(self.not_allowed_message)
                % {"from": self.labels.get(obj.status, obj.status), "to": self.labels.get(to_status, to_status)},
                code=f"{self.prefix}_transition_not_allowed",
            )
        note = (note or "").strip()
        if to_status == "concept" and not note:
            refuse(str(self.concept_reason_message), code=f"{self.prefix}_concept_reason_missing", field="note")
        if to_status in self.date_fields and meeting_date is None:
            refuse(
                _("Vul de datum van de vergadering in."),
                code=f"{self.prefix}_meeting_date_missing",
                field="meeting_date",
            )
        previous_field = self.previous_date.get(to_status)
        previous = getattr(obj, previous_field) if previous_field else None
        if previous and meeting_date and meeting_date < previous:
            refuse(
                _("Deze datum ligt vóór de vorige stap (%(date)s).") % {"date": format_date(previous)},
                code=f"{self.prefix}_date_before_previous_step",
                field="meeting_date",
            )
        return note
