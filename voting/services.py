"""Writes of the DVO choice, each holding a rule of the domain.

- A round runs over the process's FROZEN long list (approved by the BBG and sent to the partners): the ten the DVOs
  choose from cannot change under them.
- Each DVO has a deadline, by default the end of the day of its own meeting in the planning.
- Each DVO submits EXACTLY ``round.choices_required`` (seven) DISTINCT priorities of that list, once per round; it
  may replace its choice until its deadline or until staff close the round. Staff may enter or correct a choice on
  a DVO's behalf until the round is closed, always with a reason, and the ballot records that.
- A DVO secretary acts for their own DVO only.

Errors are django.core.exceptions.ValidationError with a Dutch message (pages show it on the form, the API answers
400 with it) or PermissionDenied. A refused write stores nothing: every service is one transaction.

Services that record a moment take ``now`` (default: the current time), so that the demo can build the round of
2018 through them; the moment is also the date of the history records they write.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import format_date
from core.errors import refuse
from core.queue import enqueue_on_commit
from planning import services as planning_services
from planning.models import Body, District, Milestone, StrategyProcess
from priorities.models import LongList, Priority

from .hooks import ROUND_REOPEN_REFUSALS, ROUND_RESET
from .models import Ballot, BallotChoice, Round, RoundDeadline

# A deadline taken from a meeting day is the end of that day, in the Netherlands.
DEADLINE_TIME = datetime.time(23, 59)
REMARK_MAX_LENGTH = BallotChoice._meta.get_field("remark").max_length


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """23:59 Europe/Amsterdam on ``day``."""
    return datetime.datetime.combine(day, DEADLINE_TIME, tzinfo=local_zone())


def format_moment(moment: datetime.datetime) -> str:
    """'4 april 2018 23:59' in Dutch local time."""
    local = timezone.localtime(moment, local_zone())
    return f"{format_date(local.date())} {local:%H:%M}"


def _require_staff(user) -> None:
    if not (user is not None and user.has_perm("voting.change_round")):
        raise PermissionDenied


def _set_history(obj, user, now: datetime.datetime | None) -> None:
    """Record ``user`` (and, when given, the moment ``now``) in the history of the next save or delete."""
    obj._history_user = user
    if now is not None:
        obj._history_date = now


def _lock_round(round: Round) -> Round:
    """The round's row, locked until the end of the transaction: ballots of one round are written one at a time."""
    return Round.objects.select_for_update().select_related("process").get(pk=round.pk)


def _long_list(process: StrategyProcess) -> LongList | None:
    return LongList.objects.filter(process=process).first()


# --- The round ------------------------------------------------------------------------------------------------


def dvo_meeting_for(process: StrategyProcess, district: District) -> Milestone | None:
    """The DVO's meeting in the planning at which it chooses: the first meeting of that DVO's body on or after the
    day the long list went out (or was approved); without such a date, its first meeting. Cancelled ones do not
    count."""
    meetings = Milestone.objects.filter(process=process, body__kind=Body.Kind.DVO, body__district=district).exclude(
        status=Milestone.Status.CANCELLED
    )
    long_list = _long_list(process)
    since = long_list and (long_list.sent_on or long_list.approved_on)
    if since:
        after = meetings.filter(ends_on__gte=since).order_by("starts_on", "pk").first()
        if after is not None:
            return after
    return meetings.order_by("starts_on", "pk").first()


@transaction.atomic
def round_create(*, process: StrategyProcess, user=None, now: datetime.datetime | None = None) -> Round:
    """Create the process's round (in preparation) over its frozen long list.

    Rules: one round per process; the long list is frozen (approved by the BBG, or sent to the partners). Each DVO
    gets a deadline at 23:59 on the day of its meeting in the planning (the milestone whose body is that
    district's DVO); a DVO without a meeting gets none, and staff must set it before the round opens.
    """
    if user is not None:
        _require_staff(user)
    long_list = _long_list(process)
    if long_list is None or not long_list.is_frozen:
        raise ValidationError(
            _("De lange lijst is nog niet door de BBG vastgesteld; een keuzeronde kan pas daarna beginnen."),
            code="longlist_not_frozen",
        )
    if Round.objects.filter(process=process).exists():
        raise ValidationError(_("Dit proces heeft al een keuzeronde."), code="round_exists")
    round = Round(process=process)
    _set_history(round, user, now)
    round.save()
    for district in District.objects.order_by("order", "code"):
        meeting = dvo_meeting_for(process, district)
        if meeting is None:
            continue
        deadline = RoundDeadline(round=round, district=district, meeting=meeting, deadline=end_of_day(meeting.ends_on))
        _set_history(deadline, user, now)
        deadline.save()
    return round


def missing_deadlines(round: Round) -> list[District]:
    return list(District.objects.exclude(round_deadlines__round=round).order_by("order", "code"))


@transaction.atomic
def round_open(*, round: Round, user, now: datetime.datetime | None = None) -> Round:
    """Open the round so that the DVOs can choose.

    Rules: programme staff only; the long list is still frozen; every DVO has a deadline. A closed round is
    reopened only when no app built on its result refuses (voting.hooks.ROUND_REOPEN_REFUSALS: the BBG's decision
    is not confirmed); reopening withdraws a released result.
    """
    _require_staff(user)
    round = _lock_round(round)
    if round.is_open:
        raise ValidationError(_("De keuzeronde is al open."), code="round_already_open")
    long_list = _long_list(round.process)
    if long_list is None or not long_list.is_frozen:
        raise ValidationError(
            _("De lange lijst is heropend; stel hem opnieuw vast voordat de ronde opengaat."),
            code="longlist_not_frozen",
        )
    missing = missing_deadlines(round)
    if missing:
        raise ValidationError(
            _("Stel eerst een termijn in voor: %(districts)s.")
            % {"districts": ", ".join(district.code for district in missing)},
            code="round_deadline_missing",
        )
    if round.is_closed:
        # The apps built on the result say whether it may still change (decisions: not once the top five is
        # confirmed).
        for refusal in ROUND_REOPEN_REFUSALS.call(round=round):
            if refusal is not None:
                raise refusal
    now = now or timezone.now()
    round.status = Round.Status.OPEN
    round.opened_at = now
    round.closed_at = None
    round.results_released_at = None
    _set_history(round, user, now)
    round.save(update_fields=["status", "opened_at", "closed_at", "results_released_at"])
    return round


@transaction.atomic
def round_close(*, round: Round, user, now: datetime.datetime | None = None) -> Round:
    """Close the round: from now on every choice is locked, also for staff, and the result is visible to all.

    Rule: programme staff only; only an open round is closed.
    """
    _require_staff(user)
    round = _lock_round(round)
    if not round.is_open:
        raise ValidationError(_("Alleen een open keuzeronde kan worden gesloten."), code="round_not_open")
    now = now or timezone.now()
    round.status = Round.Status.CLOSED
    round.closed_at = now
    _set_history(round, user, now)
    round.save(update_fields=["status", "closed_at"])
    return round


@transaction.atomic
def round_release_results(*, round: Round, user) -> Round:
    """Release the result to BBG members and secretaries before closing.

    Rules: programme staff only; only when every DVO has chosen (a partial count would reveal how DVOs chose);
    not twice.
    """
    _require_staff(user)
    round = _lock_round(round)
    if round.status == Round.Status.DRAFT:
        raise ValidationError(_("De keuzeronde is nog niet geopend."), code="round_not_opened")
    if round.results_released_at is not None:
        raise ValidationError(
            _("De uitslag is al vrijgegeven op %(when)s.") % {"when": format_moment(round.results_released_at)},
            code="round_result_already_released",
        )
    chosen = Ballot.objects.filter(round=round).count()
    total = District.objects.count()
    if chosen < total:
        raise ValidationError(
            _("Pas als alle DVO's gekozen hebben kan de uitslag worden vrijgegeven (%(chosen)s van %(total)s).")
            % {"chosen": chosen, "total": total},
            code="round_result_incomplete",
        )
    round.results_released_at = timezone.now()
    round._history_user = user
    round.save(update_fields=["results_released_at"])
    return round


@transaction.atomic
def round_reset(*, round: Round, user, reason: str, new_deadline: datetime.date | None = None) -> Round:
    """Start the round afresh (a "fresh try", e.g. in the demo): every ballot, and what the apps built on the result
    made of it (voting.hooks.ROUND_RESET: the BBG's decision), is deleted (their history keeps them) and the round
    is open again with the result hidden; the DVO meetings that the choices completed are planned again.

    Rules: programme staff only; a reason is required and kept in the round's history. With ``new_deadline`` every
    DVO's deadline moves to 23:59 on that day (useful when the old deadlines have passed).
    """
    _require_staff(user)
    reason = (reason or "").strip()
    if not reason:
        refuse(
            _("Geef een reden op om de keuzeronde opnieuw te beginnen."),
            code="round_reset_reason_missing",
            field="reason",
        )
    round = _lock_round(round)
    now = timezone.now()
    if new_deadline is not None and end_of_day(new_deadline) < now:
        refuse(_("De nieuwe termijn ligt in het verleden."), code="round_deadline_in_past", field="new_deadline")
    for ballot in Ballot.objects.filter(round=round).prefetch_related("choices"):
        for choice in ballot.choices.all():
            choice._history_user = user
            choice._history_date = now
            choice.delete()
        ballot._history_user = user
        ballot._history_date = now
        ballot._change_reason = reason
        ballot.delete()
    planning_services.milestones_reopen(
        process=round.process, fact=Milestone.CompletedBy.DVO_CHOICE, by=user, when=now, reason=reason
    )
    ROUND_RESET.call(round=round, user=user, reason=reason, now=now)
    if new_deadline is not None:
        for deadline in RoundDeadline.objects.filter(round=round):
            deadline.deadline = end_of_day(new_deadline)
            deadline._history_user = user
            deadline._change_reason = reason
            deadline.save(update_fields=["deadline"])
    round.status = Round.Status.OPEN
    round.opened_at = now
    round.closed_at = None
    round.results_released_at = None
    round._history_user = user
    round._change_reason = reason
    round.save(update_fields=["status", "opened_at", "closed_at", "results_released_at"])
    return round


@transaction.atomic
def deadline_update(
    *, round: Round, district: District, deadline: datetime.datetime, user, meeting: Milestone | None = None
) -> RoundDeadline:
    """Set a DVO's deadline (and optionally the meeting it belongs to).

    Rules: programme staff only; not once the round is closed; the meeting, if given, is that DVO's meeting in this
    process. A deadline in the past locks the DVO's choice for its secretary at once.
    """
    _require_staff(user)
    round = _lock_round(round)
    if round.is_closed:
        raise ValidationError(_("De keuzeronde is gesloten; termijnen liggen vast."), code="round_closed")
    if meeting is not None and (
        meeting.process_id != round.process_id or meeting.body is None or meeting.body.district_id != district.pk
    ):
        refuse(
            _("Kies een vergadering van DVO %(code)s in dit proces.") % {"code": district.code},
            code="deadline_meeting_invalid",
            field="meeting",
        )
    row = RoundDeadline.objects.filter(round=round, district=district).first()
    if row is None:
        row = RoundDeadline(round=round, district=district)
    row.deadline = deadline
    if meeting is not None:
        row.meeting = meeting
    row._history_user = user
    row.save()
    return row


# --- The ballot -----------------------------------------------------------------------------------------------


def ballot_lock(round: Round, deadline: RoundDeadline | None, *, staff: bool, now=None) -> tuple[str, str] | None:
    """Why a DVO's choice cannot be submitted or changed now, as (code, message); None when it can.

    Shared by the page (read-only with this message) and ballot_submit (refusal with this code and message). Staff
    may still correct after a DVO's deadline, until the round is closed.
    """
    now = now or timezone.now()
    if round.status == Round.Status.DRAFT:
        return "round_not_opened", _("De keuzeronde is nog niet geopend.")
    if round.is_closed:
        if round.closed_at:
            return "round_closed", _("De keuzeronde is op %(when)s gesloten; de keuze ligt vast.") % {
                "when": format_moment(round.closed_at)
            }
        return "round_closed", _("De keuzeronde is gesloten; de keuze ligt vast.")
    if deadline is None:
        if staff:
            return None
        return "deadline_missing", _(
            "Voor uw DVO is nog geen termijn vastgesteld; neem contact op met de programmastaf."
        )
    if deadline.has_passed(now) and not staff:
        return "deadline_passed", _("De termijn van uw DVO is verstreken op %(when)s; de keuze ligt vast.") % {
            "when": format_moment(deadline.deadline)
        }
    return None


def lock_reason(round: Round, deadline: RoundDeadline | None, *, staff: bool, now=None) -> str:
    """The message of ballot_lock, or empty when the choice can be submitted or changed now."""
    lock = ballot_lock(round, deadline, staff=staff, now=now)
    return lock[1] if lock else ""


def _as_int(value) -> int:
    if isinstance(value, bool):
        raise ValueError
    return int(value)


def _parse_ids(priority_ids) -> list[int]:
    try:
        return [_as_int(value) for value in priority_ids or []]
    except (TypeError, ValueError):
        raise ValidationError(
            _("Een gekozen prioriteit is onbekend. Laad de pagina opnieuw en kies opnieuw."),
            code="ballot_priority_unknown",
        ) from None


def _check_priorities(round: Round, ids: list[int]) -> dict[int, Priority]:
    required = round.choices_required
    if len(ids) != len(set(ids)):
        raise ValidationError(
            _("U hebt een prioriteit meer dan eens gekozen; elke prioriteit telt maar één keer."),
            code="ballot_priority_twice",
        )
    if len(ids) != required:
        raise ValidationError(
            _("Kies precies %(required)s prioriteiten; u hebt er %(count)s gekozen.")
            % {"required": required, "count": len(ids)},
            code="ballot_wrong_count",
        )
    priorities = Priority.objects.in_bulk(ids)
    foreign = [pk for pk in ids if pk not in priorities or priorities[pk].process_id != round.process_id]
    if foreign:
        raise ValidationError(
            _("Een gekozen prioriteit staat niet op de lange lijst van %(process)s. Laad de pagina opnieuw.")
            % {"process": round.process.short_name},
            code="ballot_priority_not_on_longlist",
        )
    return priorities


def _check_preferences(ids: list[int], preferences: dict | None, required: int, priorities: dict) -> dict[int, int]:
    """Either no order at all or every chosen priority a distinct place 1..required; a refusal names the
    priorities at fault (``priorities``: the chosen ones by id)."""

    def names(pks) -> str:
        return ", ".join(f"“{priorities[pk].title}”" for pk in sorted(pks, key=lambda pk: priorities[pk].position))

    given = {}
    for key, value in (preferences or {}).items():
        if value in (None, ""):
            continue
        try:
            pk, place = _as_int(key), _as_int(value)
        except (TypeError, ValueError):
            raise ValidationError(
                _("Een plaats in de volgorde is geen getal."), code="ballot_preference_not_a_number"
            ) from None
        if pk not in ids:
            raise ValidationError(
                _("U gaf een plaats in de volgorde aan een prioriteit die u niet hebt gekozen."),
                code="ballot_preference_not_chosen",
            )
        if not 1 <= place <= required:
            raise ValidationError(
                _("Een plaats in de volgorde ligt tussen 1 en %(required)s (bij %(priority)s).")
                % {"required": required, "priority": names([pk])},
                code="ballot_preference_out_of_range",
            )
        given[pk] = place
    if not given:
        return {}
    by_place = {}
    for pk, place in given.items():
        by_place.setdefault(place, []).append(pk)
    for place, pks in sorted(by_place.items()):
        if len(pks) > 1:
            raise ValidationError(
                _("Elke plaats in de volgorde mag maar één keer voorkomen: plaats %(place)s staat bij %(priorities)s.")
                % {"place": place, "priorities": names(pks)},
                code="ballot_preference_twice",
            )
    if len(given) != len(ids):
        missing = [pk for pk in ids if pk not in given]
        raise ValidationError(
            _(
                "Geef alle %(required)s gekozen prioriteiten een plaats in de volgorde, of geen enkele. Nog zonder "
                "plaats: %(priorities)s."
            )
            % {"required": required, "priorities": names(missing)},
            code="ballot_preferences_incomplete",
        )
    return given


def _check_remarks(ids: list[int], remarks: dict | None) -> dict[int, str]:
    cleaned = {}
    for key, value in (remarks or {}).items():
        try:
            pk = _as_int(key)
        except (TypeError, ValueError):
            continue
        text = (value or "").strip()
        if pk not in ids or not text:
            continue  # a remark on a priority that is not chosen is not kept
        if len(text) > REMARK_MAX_LENGTH:
            raise ValidationError(
                _("Een opmerking bij een keuze is hoogstens %(max)s tekens.") % {"max": REMARK_MAX_LENGTH},
                code="ballot_remark_too_long",
            )
        cleaned[pk] = text
    return cleaned


def _replace_choices(ballot: Ballot, priorities: dict[int, Priority], preferences, remarks, *, user, now) -> None:
    """Make the ballot's choices exactly these: unchanged choices keep their row (and history).

    Every history record of one submission carries the same date as the ballot's, so the history page can tell
    which choices belonged to which version. Old rows are removed first, so that a freed place in the order can
    be taken by another priority without touching the constraint.
    """
    existing = {choice.priority_id: choice for choice in ballot.choices.all()}
    for pk, choice in list(existing.items()):
        if pk not in priorities or (choice.preference is not None and choice.preference != preferences.get(pk)):
            choice._history_user = user
            choice._history_date = now
            choice.delete()
            del existing[pk]
    for pk, priority in priorities.items():
        choice = existing.get(pk)
        preference, remark = preferences.get(pk), remarks.get(pk, "")
        if choice is None:
            choice = BallotChoice(ballot=ballot, priority=priority, preference=preference, remark=remark)
        elif (choice.preference, choice.remark) == (preference, remark):
            continue
        else:
            choice.preference, choice.remark = preference, remark
        choice._history_user = user
        choice._history_date = now
        choice.save()


@transaction.atomic
def ballot_submit(
    *,
    round: Round,
    district: District,
    user,
    priority_ids: list[int],
    preferences: dict | None = None,
    remarks: dict | None = None,
    remark: str = "",
    council_involvement: str = Ballot.CouncilInvolvement.UNKNOWN,
    council_note: str = "",
    on_behalf_reason: str | None = None,
    now: datetime.datetime | None = None,
    send_receipt: bool = True,
) -> Ballot:
    """Submit or replace a DVO's choice in the round.

    Rules: the user is that DVO's own secretary, or programme staff entering on its behalf with a reason (recorded
    as such); the round is open and the long list still frozen; a secretary submits before the DVO's deadline, staff
    may correct until the round is closed; EXACTLY ``round.choices_required`` DISTINCT priorities, all from this
    process's long list; an order of preference, if given, places every chosen priority at a distinct place
    1..required. One ballot per DVO per round: the round's row is locked first, so two submissions at once are
    written one after the other and the second replaces the first; the unique constraint is the backstop. Nothing is
    stored unless everything holds. The DVO's meeting milestone (``completed_by`` the DVO's choice) is done from now
    on (planning.services.milestones_complete). The receipt is emailed after the commit (not for a choice of the
    past that the demo records: ``send_receipt=False``).
    """
    if not user.has_perm("voting.submit_ballot", district):
        raise PermissionDenied
    staff = bool(user.is_programme_staff)
    reason = (on_behalf_reason or "").strip()
    if staff and not reason:
        refuse(
            _("Geef een reden op als u als staf namens de DVO invoert."),
            code="ballot_staff_reason_missing",
            field="on_behalf_reason",
        )

    now = now or timezone.now()
    round = _lock_round(round)
    deadline = RoundDeadline.objects.filter(round=round, district=district).first()
    lock = ballot_lock(round, deadline, staff=staff, now=now)
    if lock:
        code, message = lock
        raise ValidationError(message, code=code)
    long_list = _long_list(round.process)
    if long_list is None or not long_list.is_frozen:
        raise ValidationError(
            _("De lange lijst is heropend; er kan pas weer gekozen worden als de BBG hem opnieuw heeft vastgesteld."),
            code="longlist_not_frozen",
        )

    ids = _parse_ids(priority_ids)
    priorities = _check_priorities(round, ids)
    chosen = {pk: priorities[pk] for pk in ids}
    preferences = _check_preferences(ids, preferences, round.choices_required, chosen)
    remarks = _check_remarks(ids, remarks)
    if council_involvement not in Ballot.CouncilInvolvement.values:
        refuse(
            _("Kies hoe de gemeenteraden betrokken of geïnformeerd zijn."),
            code="ballot_council_involvement_invalid",
            field="council_involvement",
        )

    ballot = Ballot.objects.filter(round=round, district=district).first() or Ballot(round=round, district=district)
    ballot.submitted_by = user
    ballot.submitted_at = now
    ballot.entered_by_staff = staff
    ballot.staff_reason = reason if staff else ""
    ballot.remark = (remark or "").strip()
    ballot.council_involvement = council_involvement
    ballot.council_note = (council_note or "").strip()
    ballot._history_user = user
    ballot._history_date = now
    if staff:
        ballot._change_reason = reason
    try:
        with transaction.atomic():
            ballot.save()
    except IntegrityError:
        # Only reachable where the row lock does not serialise (SQLite): the other submission won.
        raise ValidationError(
            _("De keuze van deze DVO werd tegelijk door iemand anders ingediend. Laad de pagina opnieuw."),
            code="ballot_submitted_concurrently",
        ) from None
    _replace_choices(ballot, chosen, preferences, remarks, user=user, now=now)
    # The DVO's meeting in the planning at which it chooses is done now that its choice is in.
    planning_services.milestones_complete(
        process=round.process,
        fact=Milestone.CompletedBy.DVO_CHOICE,
        by=user,
        when=now,
        district=district,
        reason=_("Keuze van DVO %(code)s ingediend") % {"code": district.code},
    )

    if send_receipt:
        from .tasks import send_ballot_receipt

        enqueue_on_commit(send_ballot_receipt, ballot.pk)
    return ballot
