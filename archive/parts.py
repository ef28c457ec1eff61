"""The archive of one whole strategy process: its format, and what is exported of each model (PARTS).

Export one whole strategy process to a single .zip file, and import it into another database.

The file is a zip archive with ``data.json`` (every row of the process, readable as text) and ``files/`` (the
uploaded documents of its sources and municipal plans, byte for byte, with their SHA-256 in data.json).

Rows that belong to the process carry their id in the source database only as a key inside the file: references
between them use those keys, and the import gives every row a new primary key. Reference data (districts,
municipalities, bodies, themes) and users are referred to by their natural key (code, cbs_code, short_name, name,
username); the file also holds their fields, so that a row missing in the target database can be created.

Not exported: the change history (django-simple-history; the import starts a new history), reminders and
in-app notifications (operational state, rebuilt by the reminder pass), passwords and other login data. A user
missing in the target database is created inactive, with an unusable password: an administrator activates the
account and the user sets a password through the reset link.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q

from decisions.models import BbgDecision, DecisionPriority, PassedOver
from documents.models import CommunityOfficerPlan, Document, DocumentTransition, DocumentVersion, Goal, GoalPartnerRole
from notifications.models import ReminderSettings
from planning.models import (
    Absence,
    Action,
    Body,
    District,
    Membership,
    Milestone,
    Municipality,
    Person,
    Phase,
    StrategyProcess,
)
from priorities.models import CriterionAssessment, LongList, PartnerRole, Priority
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from voting.models import Ballot, BallotChoice, Round, RoundDeadline

User = get_user_model()

FORMAT = "vs-portaal-proces"
FORMAT_VERSION = 1
DATA_NAME = "data.json"
FILES_DIR = "files"

# Apps whose models are either exported or deliberately left out (checked by tests/archive/test_round_trip.py).
APPS = ("accounts", "planning", "scan", "priorities", "voting", "decisions", "documents", "notifications")
NOT_EXPORTED = {
    "notifications.NotificationPreference": "a user's own setting, not part of a process",
    "notifications.Reminder": "operational state of the reminder pass, which plans it again",
    "notifications.Digest": "operational state of the daily digest",
    "notifications.Notification": "a user's in-app messages, not part of a process",
}


class BackupError(Exception):
    """An export or import that cannot go on; the message is meant for the person running the command."""


# --- What is exported ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """How a relation is written: to a row of this export by its key in the file (``local``), to reference data
    or a user by natural key (``natural``), to the process being exported (``process``), to another process by
    slug (``process_slug``), to a priority of any process by slug and title (``priority``), or not at all
    (``skip``: a many-to-many whose through rows are exported as their own part)."""

    kind: str
    part: str = ""


LOCAL = lambda part: Ref("local", part)  # noqa: E731
NATURAL = lambda part: Ref("natural", part)  # noqa: E731
PROCESS = Ref("process")
SKIP = Ref("skip")


@dataclass(frozen=True)
class Part:
    """One model's rows in the export.

    ``rows`` selects them for a process; reference data and users have none: they are exported because rows
    refer to them, and are keyed by ``natural_key``. ``match`` names the fields by which an existing row in the
    target database is reused rather than created again (people, their seats and absences may already be there).
    ``fields`` limits what is written (users: no password, no login data).
    """

    name: str
    model: type[models.Model]
    refs: dict[str, Ref] = field(default_factory=dict)
    rows: Callable[[StrategyProcess], models.QuerySet] | None = None
    natural_key: str = ""
    match: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


def _people(process):
    """The people the planning names, and everyone with a seat in a body that meets or decides in it (their
    absences are what the planning's conflict check reads)."""
    bodies = Body.objects.filter(milestones__process=process)
    return Person.objects.filter(
        Q(milestones__process=process) | Q(actions__process=process) | Q(memberships__body__in=bodies)
    ).distinct()


# In import order: every part comes after the parts it refers to.
PARTS = [
    Part("districts", District, natural_key="code", match=("code",)),
    Part(
        "municipalities", Municipality, {"district": NATURAL("districts")}, natural_key="cbs_code", match=("cbs_code",)
    ),
    Part("bodies", Body, {"district": NATURAL("districts")}, natural_key="short_name", match=("short_name",)),
    Part("themes", Theme, natural_key="name", match=("name",)),
    Part(
        "users",
        User,
        {"district": NATURAL("districts")},
        natural_key="username",
        match=("username",),
        fields=("username", "first_name", "last_name", "email", "role", "district"),
    ),
    Part(
        "people",
        Person,
        {"user": NATURAL("users"), "bodies": SKIP},
        rows=_people,
        match=("name", "function", "organisation", "email"),
    ),
    Part(
        "memberships",
        Membership,
        {"person": LOCAL("people"), "body": NATURAL("bodies")},
        rows=lambda process: Membership.objects.filter(person__in=_people(process)),
        match=("person", "body"),
    ),
    Part(
        "absences",
        Absence,
        {"person": LOCAL("people")},
        rows=lambda process: Absence.objects.filter(person__in=_people(process)),
        match=("person", "starts_on", "ends_on", "reason"),
    ),
    Part(
        "process",
        StrategyProcess,
        {"predecessor": Ref("process_slug")},
        rows=lambda process: StrategyProcess.objects.filter(pk=process.pk),
    ),
    Part("phases", Phase, {"process": PROCESS}, rows=lambda process: process.phases.all()),
    Part(
        "milestones",
        Milestone,
        {
            "process": PROCESS,
            "phase": LOCAL("phases"),
            "body": NATURAL("bodies"),
            "responsible_person": LOCAL("people"),
            "depends_on": LOCAL("milestones"),
        },
        rows=lambda process: process.milestones.all(),
    ),
    Part(
        "actions",
        Action,
        {"process": PROCESS, "milestone": LOCAL("milestones"), "owner": LOCAL("people")},
        rows=lambda process: process.actions.all(),
    ),
    Part(
        "sources",
        Source,
        {"process": PROCESS, "themes": NATURAL("themes")},
        rows=lambda process: process.sources.all(),
    ),
    Part(
        "municipal_plans",
        MunicipalPlan,
        {"process": PROCESS, "municipality": NATURAL("municipalities"), "themes": SKIP},
        rows=lambda process: process.municipal_plans.select_related("municipality"),
    ),
    Part(
        "plan_themes",
        PlanTheme,
        {"plan": LOCAL("municipal_plans"), "theme": NATURAL("themes")},
        rows=lambda process: PlanTheme.objects.filter(plan__process=process).select_related("theme"),
    ),
    Part(
        "long_list",
        LongList,
        {"process": PROCESS, "approved_at_meeting": LOCAL("milestones")},
        rows=lambda process: LongList.objects.filter(process=process),
    ),
    Part(
        "priorities",
        Priority,
        {
            "process": PROCESS,
            "themes": NATURAL("themes"),
            "sources": LOCAL("sources"),
            "continues": Ref("priority"),
        },
        rows=lambda process: process.priorities.all(),
    ),
    Part(
        "partner_roles",
        PartnerRole,
        {"priority": LOCAL("priorities")},
        rows=lambda process: PartnerRole.objects.filter(priority__process=process),
    ),
    Part(
        "criterion_assessments",
        CriterionAssessment,
        {"priority": LOCAL("priorities")},
        rows=lambda process: CriterionAssessment.objects.filter(priority__process=process),
    ),
    Part("round", Round, {"process": PROCESS}, rows=lambda process: Round.objects.filter(process=process)),
    Part(
        "round_deadlines",
        RoundDeadline,
        {"round": LOCAL("round"), "district": NATURAL("districts"), "meeting": LOCAL("milestones")},
        rows=lambda process: RoundDeadline.objects.filter(round__process=process).select_related("district"),
    ),
    Part(
        "ballots",
        Ballot,
        {"round": LOCAL("round"), "district": NATURAL("districts"), "submitted_by": NATURAL("users")},
        rows=lambda process: Ballot.objects.filter(round__process=process).select_related("district", "submitted_by"),
    ),
    Part(
        "ballot_choices",
        BallotChoice,
        {"ballot": LOCAL("ballots"), "priority": LOCAL("priorities")},
        rows=lambda process: BallotChoice.objects.filter(ballot__round__process=process),
    ),
    Part(
        "bbg_decision",
        BbgDecision,
        {"round": LOCAL("round"), "meeting": LOCAL("milestones"), "confirmed_by": NATURAL("users")},
        rows=lambda process: BbgDecision.objects.filter(round__process=process),
    ),
    Part(
        "decision_priorities",
        DecisionPriority,
        {"decision": LOCAL("bbg_decision"), "priority": LOCAL("priorities")},
        rows=lambda process: DecisionPriority.objects.filter(decision__round__process=process),
    ),
    Part(
        "passed_over",
        PassedOver,
        {"decision": LOCAL("bbg_decision"), "priority": LOCAL("priorities")},
        rows=lambda process: PassedOver.objects.filter(decision__round__process=process),
    ),
    Part(
        "goals",
        Goal,
        {"process": PROCESS, "priority": LOCAL("priorities")},
        rows=lambda process: process.goals.all(),
    ),
    Part(
        "goal_roles",
        GoalPartnerRole,
        {"goal": LOCAL("goals")},
        rows=lambda process: GoalPartnerRole.objects.filter(goal__process=process),
    ),
    Part("document", Document, {"process": PROCESS}, rows=lambda process: Document.objects.filter(process=process)),
    Part(
        "document_versions",
        DocumentVersion,
        {"document": LOCAL("document"), "created_by": NATURAL("users")},
        rows=lambda process: DocumentVersion.objects.filter(document__process=process).select_related("created_by"),
    ),
    Part(
        "document_transitions",
        DocumentTransition,
        {"document": LOCAL("document"), "version": LOCAL("document_versions"), "by": NATURAL("users")},
        rows=lambda process: DocumentTransition.objects.filter(document__process=process).select_related("by"),
    ),
    Part(
        "community_officer_plans",
        CommunityOfficerPlan,
        {"process": PROCESS, "municipality": NATURAL("municipalities")},
        rows=lambda process: process.community_officer_plans.select_related("municipality"),
    ),
    Part(
        "reminder_settings",
        ReminderSettings,
        {"process": PROCESS},
        rows=lambda process: ReminderSettings.objects.filter(process=process),
    ),
]
PARTS_BY_NAME = {part.name: part for part in PARTS}


def unexported_models() -> list[str]:
    """Models of the project that are neither exported nor knowingly left out: a new model must choose."""
    exported = {part.model._meta.label for part in PARTS}
    return sorted(
        model._meta.label
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label not in exported
        and model._meta.label not in NOT_EXPORTED
        and not model.__name__.startswith("Historical")
    )


def part_fields(part: Part) -> list[models.Field]:
    """The fields written for a part: every concrete and many-to-many field but the primary key."""
    meta = part.model._meta
    chosen = [f for f in [*meta.concrete_fields, *meta.many_to_many] if not f.primary_key]
    if part.fields:
        chosen = [f for f in chosen if f.name in part.fields]
    unknown = [f.name for f in chosen if f.is_relation and f.name not in part.refs]
    if unknown:
        # A relation added to a model must say how it is exported; never guess.
        raise BackupError(f"{meta.label}: no export rule for {', '.join(unknown)}")
    return chosen
