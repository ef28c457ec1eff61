"""Writes of the reviews, each holding a rule.

- A process has at most one midterm and one endterm review ("light" is a flag on either); a review looks back on
  the adopted goals of its own process at a measurement moment of that process. Without adopted goals there is
  nothing to review.
- Per goal staff write what worked and what not (sanitised prose, core.prose) and recommend for the next strategy:
  continue, adjust or stop, always with a reason.
- The workflow mirrors the VS/MJB document's (documents.services.document_transition): concept -> to the RVO ->
  for adoption by the Bestuurscollege -> adopted; from the RVO or the board back to concept with a reason. Each
  step has its meeting's date, not before the previous step's nor the review's moment, and stores a frozen
  version (0.1, 0.2, ...; 1.0 on adoption). It goes to the RVO, and is adopted, only with a recommendation for
  every goal. An adopted review is frozen, and becomes a source of the scan of every next process
  (reviews.feed).

Refusals are core.errors ``refuse`` (a stable code and a Dutch message) and ``deny`` (403). Every write records
the user in the history.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from core.dates import format_date
from core.errors import deny, refuse
from core.prose import clean_prose
from documents.models import Goal
from monitoring.models import MeasurementMoment
from planning.models import StrategyProcess

from .feed import feed_successors
from .models import REASON_MAX_LENGTH, Recommendation, Review, ReviewGoal, ReviewTransition, ReviewVersion
from .selectors import goal_rows, live_content, next_version_label

Status = Review.Status
TITLE_MAX_LENGTH = 200


def _save_as(obj, user, **kwargs) -> None:
    obj._history_user = user
    obj.save(**kwargs)


def _require(user) -> None:
    if user is None or not user.has_perm("reviews.change_review"):
        deny(_("U hebt geen toestemming voor deze handeling."))


def _lock(review: Review) -> Review:
    return Review.objects.select_for_update(of=("self",)).select_related("process", "moment").get(pk=review.pk)


def _ensure_open(review: Review) -> None:
    if review.is_frozen:
        refuse(
            _("Deze review is op %(date)s vastgesteld en kan niet meer worden gewijzigd.")
            % {"date": format_date(review.adopted_on)},
            code="review_frozen",
        )


def _check_moment(process: StrategyProcess, moment: MeasurementMoment | None) -> None:
    if moment is not None and moment.process_id != process.pk:
        refuse(_("Dit meetmoment hoort bij een ander proces."), code="review_moment_other_process", field="moment")


def _title(title: str) -> str:
    title = (title or "").strip()
    if len(title) > TITLE_MAX_LENGTH:
        refuse(
            _("Ten hoogste %(limit)s tekens (nu %(count)s).") % {"limit": TITLE_MAX_LENGTH, "count": len(title)},
            code="max_length",
            field="title",
        )
    return title


def default_title(process: StrategyProcess, kind: str, light: bool) -> str:
    label = "Midterm review" if kind == Review.Kind.MIDTERM else "Endterm review"
    return f"{label}{' light' if light else ''} {process.short_name}"[:TITLE_MAX_LENGTH]


@transaction.atomic
def review_create(
    *,
    process: StrategyProcess,
    user,
    kind: str,
    light: bool = False,
    moment: MeasurementMoment | None = None,
    title: str = "",
    summary_html: str = "",
) -> Review:
    """Start the process's midterm or endterm review at ``moment``, with a row for every adopted goal.

    Refused: an unknown kind (``review_kind_unknown``), a second review of the same kind (``review_exists``), a
    moment of another process (``review_moment_other_process``), a process without adopted goals
    (``review_no_goals``)."""
    _require(user)
    if kind not in Review.Kind.values:
        refuse(_("Kies midterm of endterm review."), code="review_kind_unknown", field="kind")
    StrategyProcess.objects.select_for_update().filter(pk=process.pk).first()
    if Review.objects.filter(process=process, kind=kind).exists():
        refuse(
            _("Dit proces heeft al een %(kind)s.") % {"kind": Review.Kind(kind).label},
            code="review_exists",
            field="kind",
        )
    _check_moment(process, moment)
    goals = list(Goal.objects.filter(process=process, status=Goal.Status.ADOPTED).order_by("position", "pk"))
    if not goals:
        refuse(
            _("Dit proces heeft nog geen vastgestelde doelstellingen; een review kijkt terug op vastgestelde doelen."),
            code="review_no_goals",
        )
    review = Review(
        process=process,
        kind=kind,
        light=bool(light),
        moment=moment,
        title=_title(title) or default_title(process, kind, bool(light)),
        summary_html=clean_prose(summary_html),
    )
    review.full_clean(exclude=["process", "moment"])
    _save_as(review, user)
    for goal in goals:
        _save_as(ReviewGoal(review=review, goal=goal), user)
    return review


@transaction.atomic
def review_update(
    *,
    review: Review,
    user,
    title: str,
    light: bool,
    moment: MeasurementMoment | None,
    summary_html: str,
) -> Review:
    """Change the review's title, light flag, moment and summary; refused once adopted (``review_frozen``)."""
    _require(user)
    review = _lock(review)
    _ensure_open(review)
    _check_moment(review.process, moment)
    review.title = _title(title) or default_title(review.process, review.kind, bool(light))
    review.light = bool(light)
    review.moment = moment
    review.summary_html = clean_prose(summary_html)
    review.full_clean(exclude=["process", "moment"])
    _save_as(review, user)
    return review


@transaction.atomic
def review_goal_save(
    *,
    item: ReviewGoal,
    user,
    worked_html: str,
    not_worked_html: str,
    recommendation: str,
    reason: str,
) -> ReviewGoal:
    """One goal of a review: what worked, what not, and the recommendation (continue / adjust / stop) with its
    reason. Refused: an adopted review (``review_frozen``), an unknown recommendation
    (``review_recommendation_unknown``), a recommendation without a reason (``review_reason_missing``)."""
    _require(user)
    review = _lock(item.review)
    _ensure_open(review)
    item = ReviewGoal.objects.select_for_update().select_related("goal").get(pk=item.pk)
    recommendation = recommendation or ""
    if recommendation and recommendation not in Recommendation.values:
        refuse(
            _("Kies voortzetten, bijstellen of stoppen."), code="review_recommendation_unknown", field="recommendation"
        )
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        refuse(
            _("Ten hoogste %(limit)s tekens (nu %(count)s).") % {"limit": REASON_MAX_LENGTH, "count": len(reason)},
            code="max_length",
            field="reason",
        )
    if recommendation and not reason:
        refuse(_("Geef een reden bij de aanbeveling."), code="review_reason_missing", field="reason")
    item.worked_html = clean_prose(worked_html)
    item.not_worked_html = clean_prose(not_worked_html)
    item.recommendation = recommendation
    item.reason = reason
    item.full_clean(exclude=["review", "goal"])
    _save_as(item, user)
    return item


def _make_version(review: Review, user, *, major: int, minor: int, note: str = "") -> ReviewVersion:
    version = ReviewVersion(
        review=review,
        major=major,
        minor=minor,
        status=review.status,
        snapshot=live_content(review),
        note=note,
        created_by=user,
    )
    version.full_clean(exclude=["review", "created_by"])
    _save_as(version, user)
    return version


def _next_minor(review: Review) -> tuple[int, int]:
    major, minor = (int(part) for part in next_version_label(review).split("."))
    return major, minor


@transaction.atomic
def review_version_create(*, review: Review, user, note: str = "") -> ReviewVersion:
    """Freeze the review as it is now as the next version (0.1, 0.2, ...); refused once adopted."""
    _require(user)
    review = _lock(review)
    _ensure_open(review)
    major, minor = _next_minor(review)
    return _make_version(review, user, major=major, minor=minor, note=(note or "").strip()[:10_000])


# Which step may follow which, and the date field each step fills (as the VS/MJB document).
TRANSITIONS = {
    Status.CONCEPT: (Status.SENT_TO_RVO,),
    Status.SENT_TO_RVO: (Status.FOR_ADOPTION, Status.CONCEPT),
    Status.FOR_ADOPTION: (Status.ADOPTED, Status.CONCEPT),
    Status.ADOPTED: (),
}
DATE_FIELDS = {
    Status.SENT_TO_RVO: "sent_to_rvo_on",
    Status.FOR_ADOPTION: "for_adoption_on",
    Status.ADOPTED: "adopted_on",
}
PREVIOUS_DATE = {
    Status.FOR_ADOPTION: "sent_to_rvo_on",
    Status.ADOPTED: "for_adoption_on",
}


def allowed_transitions(review: Review) -> tuple[str, ...]:
    return TRANSITIONS.get(Status(review.status), ())


def _check_recommendations(review: Review) -> None:
    rows = goal_rows(live_content(review))
    if not rows:
        refuse(_("Deze review heeft geen doelstellingen."), code="review_no_goals")
    missing = [row["title"] for row in rows if not row["recommendation"]]
    if missing:
        refuse(
            _("Geef eerst bij elke doelstelling een aanbeveling voor de volgende strategie: %(goals)s.")
            % {"goals": ", ".join(missing)},
            code="review_recommendation_missing",
        )


@transaction.atomic
def review_transition(
    *, review: Review, user, to_status: str, meeting_date: datetime.date | None = None, note: str = ""
) -> ReviewTransition:
    """Move the review one step in its workflow (see the module) and record who, when, the meeting's date and a
    note; each step stores a version, adoption version 1.0 and feeds the next processes' scans.

    Refused: a step the workflow does not allow (``review_transition_not_allowed``), back to concept without a
    reason (``review_concept_reason_missing``), a step without its meeting's date (``review_meeting_date_missing``)
    or dated before the previous step (``review_date_before_previous_step``) or before the review's moment
    (``review_date_before_moment``), to the RVO or adopted without a recommendation for every goal
    (``review_recommendation_missing``)."""
    _require(user)
    review = _lock(review)
    from_status = review.status
    if to_status not in allowed_transitions(review):
        refuse(
            _("Van ‘%(from)s’ kan de review niet naar ‘%(to)s’.")
            % {"from": review.get_status_display(), "to": dict(Status.choices).get(to_status, to_status)},
            code="review_transition_not_allowed",
            field="to_status",
        )
    note = (note or "").strip()
    if to_status == Status.CONCEPT and not note:
        refuse(
            _("Geef een reden om de review terug te zetten naar concept."),
            code="review_concept_reason_missing",
            field="note",
        )
    date_field = DATE_FIELDS.get(to_status)
    if date_field and not isinstance(meeting_date, datetime.date):
        refuse(_("Vul de datum van de vergadering in."), code="review_meeting_date_missing", field="meeting_date")
    previous_field = PREVIOUS_DATE.get(to_status)
    previous = getattr(review, previous_field) if previous_field else None
    if previous and meeting_date and meeting_date < previous:
        refuse(
            _("Deze datum ligt vóór de vorige stap (%(date)s).") % {"date": format_date(previous)},
            code="review_date_before_previous_step",
            field="meeting_date",
        )
    if date_field and review.moment_id and meeting_date < review.moment.measured_on:
        refuse(
            _("De review kijkt terug op de stand van %(date)s; deze datum ligt daarvoor.")
            % {"date": format_date(review.moment.measured_on)},
            code="review_date_before_moment",
            field="meeting_date",
        )
    if to_status in (Status.SENT_TO_RVO, Status.ADOPTED):
        _check_recommendations(review)

    review.status = to_status
    update_fields = ["status", "updated_at"]
    if date_field:
        setattr(review, date_field, meeting_date)
        update_fields.append(date_field)
    _save_as(review, user, update_fields=update_fields)

    if to_status == Status.ADOPTED:
        version = _make_version(review, user, major=1, minor=0, note=note)
    else:
        major, minor = _next_minor(review)
        version = _make_version(review, user, major=major, minor=minor, note=note)
    transition = ReviewTransition(
        review=review,
        from_status=from_status,
        to_status=to_status,
        meeting_date=meeting_date,
        note=note[:10_000],
        version=version,
        by=user,
    )
    _save_as(transition, user)
    if to_status == Status.ADOPTED:
        feed_successors(process=review.process, user=user)
    return transition
