"""The generated chapter "Consultatie gemeenteraden" of the VS/MJB document (documents.hooks.DOCUMENT_CHAPTERS):
the latest round's counts per district, a table of the responses with a short summary each and what was done with
them. It is part of the document's content, so the next version holds it as it reads then."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.dates import format_date
from documents.content import Section

from .models import CouncilEntry
from .selectors import latest_round, overview_by_district, totals

CHAPTER_KEY = "consultation"


def consultation_chapter(document) -> list[Section]:
    """The chapter, or nothing while no round has been started. One query without a round, three with one."""
    consultation = latest_round(document.process)
    if consultation is None:
        return []
    rows = overview_by_district(consultation)
    responses = [entry for row in rows for entry in row.entries if entry.status == CouncilEntry.Status.RECEIVED]
    html = render_to_string(
        "consultation/sections/chapter.html",
        {
            "consultation": consultation,
            "sent_on": format_date(consultation.sent_on),
            "deadline": format_date(consultation.deadline),
            "rows": rows,
            "totals": totals(rows),
            "statuses": CouncilEntry.Status.choices,
            "responses": [
                {"entry": entry, "received_on": format_date(entry.received_on) if entry.received_on else ""}
                for entry in responses
            ],
            "also_vs": sum(1 for entry in responses if entry.scope == CouncilEntry.Scope.ALSO_VS),
        },
    )
    return [Section(key=CHAPTER_KEY, title=_("Consultatie gemeenteraden"), html=html, generated=True)]
