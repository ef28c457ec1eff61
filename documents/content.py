"""The content of one version of the combined VS/MJB document, as plain data.

This is the contract between the document's data (documents/selectors.py builds it from the models) and its
renderings (HTML preview, PDF, .docx in documents/rendering/). Renderers take only these objects, so they can be
tested without a database and cached by ``DocumentContent.fingerprint()``.
"""

import datetime
import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Section:
    """A section of the document. ``html`` is sanitised HTML (a small safe subset) for prose sections, or HTML
    produced by our own templates for sections generated from data."""

    key: str  # intro, principles, priorities, goals, roles, preconditions, mjb_local, mjb_national, mjb_om, capacity
    title: str
    html: str
    generated: bool = False


@dataclass(frozen=True)
class PriorityItem:
    position: int
    title: str
    ambition: str
    urgency: str  # "urgent" / "gewenst", in words


@dataclass(frozen=True)
class GoalItem:
    position: int
    priority_title: str
    title: str
    description: str
    indicator: str
    baseline: str  # value and date in words, e.g. "312 meldingen (1 januari 2018)"
    target: str  # value and date in words
    deadline: datetime.date | None
    owner: str
    partner_roles: list[str] = field(default_factory=list)
    urgency: str = ""
    status: str = ""


@dataclass(frozen=True)
class CapacityRow:
    """Community officers (wijkagenten) of one municipality against the norm of art. 38a Politiewet."""

    district: str
    municipality: str
    population: int | None  # None: unknown, never guessed
    norm: int | None  # at least one per 5,000 inhabitants, rounded up; None when the population is unknown
    planned: int | None  # officers in the plan; None when not yet entered
    shortfall: int | None  # norm - planned when positive, else 0; None when either is unknown


@dataclass(frozen=True)
class DocumentContent:
    process_title: str  # "Veiligheidsstrategie 2019-2022"
    document_title: str  # "Veiligheidsstrategie en Meerjarenbeleidsplan 2019-2022"
    version_label: str  # "0.3", "1.0"
    status_label: str  # "concept", "vastgesteld", ...
    is_adopted: bool  # False: every page carries the CONCEPT watermark
    date: datetime.date
    sections: list[Section]
    priorities: list[PriorityItem]
    goals: list[GoalItem]
    capacity: list[CapacityRow]
    letter_html: str  # the accompanying letter (begeleidende brief), sanitised HTML
    language: str = "nl"

    def fingerprint(self) -> str:
        """A hash of everything that ends up in a rendering: equal content, equal file."""

        def default(value):
            if isinstance(value, datetime.date | Decimal):
                return str(value)
            raise TypeError(type(value))

        payload = json.dumps(asdict(self), sort_keys=True, default=default)
        return hashlib.sha256(payload.encode()).hexdigest()
