"""The proposal as a document: its content as a documents.content.DocumentContent, so that the nota's renderers
(documents/rendering: the PDF in the house style with cover, contents, "pagina x van y" and PDF/UA-1, and the
.docx) and their content-keyed cache serve it unchanged.

The chapters: the introduction, one per goal (the organisation, the cost items and the funding per source per
year, the coverage check with its warnings), the totals per year, the cost-sharing key per municipality (with what
was done about each municipality without a known population) and who has decided what. Every chapter is HTML from
our own templates (the values escaped) or prose through the sanitiser; a version stores it as its snapshot.
"""

import datetime

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.dates import format_date
from core.sanitize import sanitize_html
from documents.content import DocumentContent, Section
from documents.selectors import content_from_snapshot

from .models import Proposal, ProposalVersion
from .selectors import coverage, decisions_overview, key_result, period_years, plans_of, totals_per_year

LANGUAGE = "nl"  # the proposal is written in Dutch, whatever the language of the page that freezes it


def proposal_content(
    proposal: Proposal, *, version_label: str, status_label: str, is_adopted: bool, date: datetime.date
) -> DocumentContent:
    """The proposal as it reads now. A fixed number of queries (the plans, the key, the decisions)."""
    process = proposal.process
    with translation.override(LANGUAGE):
        years = period_years(proposal)
        coverages = [coverage(plan, years) for plan in plans_of(proposal)]
        result = key_result(proposal)
        dvos, colleges = decisions_overview(proposal)
        sections = [
            Section(
                key="intro",
                title=_("Inleiding"),
                html=sanitize_html(proposal.introduction)
                or render_to_string("proposal/sections/intro.html", {"proposal": proposal, "process": process}),
            )
        ]
        for number, check in enumerate(coverages, start=1):
            plan = check.plan
            sections.append(
                Section(
                    key=f"goal-{number}",
                    title=_("Doelstelling %(number)s: %(title)s") % {"number": number, "title": plan.goal.title},
                    html=render_to_string(
                        "proposal/sections/goal.html",
                        {
                            "plan": plan,
                            "check": check,
                            "roles": list(plan.goal.roles.all()),
                            "partner_roles_html": sanitize_html(plan.partner_roles),
                        },
                    ),
                    generated=True,
                )
            )
        sections += [
            Section(
                key="totals",
                title=_("Begroting in totaal"),
                html=render_to_string(
                    "proposal/sections/totals.html",
                    {"years": totals_per_year(coverages, years), "coverages": coverages},
                ),
                generated=True,
            ),
            Section(
                key="key",
                title=_("Verdeelsleutel van het aandeel van de gemeenten"),
                html=render_to_string(
                    "proposal/sections/key.html",
                    {"proposal": proposal, "result": result, "years": years, "rows": _key_rows(result, years)},
                ),
                generated=True,
            ),
            Section(
                key="decisions",
                title=_("Besluitvorming"),
                html=render_to_string(
                    "proposal/sections/decisions.html",
                    {
                        "proposal": proposal,
                        "offered_on": format_date(proposal.offered_on) if proposal.offered_on else "",
                        "rvo_on": format_date(proposal.rvo_on) if proposal.rvo_on else "",
                        "board_adopted_on": format_date(proposal.board_adopted_on) if proposal.board_adopted_on else "",
                        "dvos": [(district, _decision_row(decision)) for district, decision in dvos],
                        "colleges": [(m, _decision_row(d)) for m, d in colleges if d],
                        "colleges_missing": [m.name for m, d in colleges if not d],
                    },
                ),
                generated=True,
            ),
        ]
    return DocumentContent(
        process_title=process.title,
        document_title=proposal.title,
        version_label=version_label,
        status_label=status_label,
        is_adopted=is_adopted,
        date=date,
        sections=sections,
        priorities=[],
        goals=[],
        capacity=[],
        letter_html="",
        language=LANGUAGE,
    )


def _key_rows(result, years: list[int]) -> list[dict]:
    return [
        {
            "name": row.municipality.name,
            "population": row.population,
            "shares": [row.shares.get(year) for year in years],
            "total": row.total,
        }
        for row in result.rows
    ]


def _decision_row(decision) -> dict | None:
    if decision is None:
        return None
    return {
        "outcome": decision.get_outcome_display(),
        "date": format_date(decision.decided_on),
        "conditions": decision.conditions,
    }


def version_content(version: ProposalVersion) -> DocumentContent:
    """The content of a version exactly as it was frozen."""
    return content_from_snapshot(version.snapshot)
