"""Writes of the partners' part that hold a rule.

- A contact acts for the municipalities they are linked to only (checked in the access helper and again here).
- A toets goes out once per plan, to a municipality with at least one contact, with a deadline not in the past;
  the plan's check status follows (scan.services.plan_check_record): sent, answered.
- An answer comes once, before staff process it: agree (no proposals), or at least one proposal. A proposal adds a
  theme the plan does not name yet, or changes the wording of one it names; one proposal per theme.
- Staff accept or reject each proposal with a reason; an accepted one changes the scan through scan's services
  (origin "added"/"changed", in the history). When no proposal is open, the toets is processed.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import Role, User
from core.errors import deny, refuse
from core.queue import enqueue_on_commit
from scan.models import MunicipalPlan, PlanTheme
from scan.services import plan_check_record, plan_theme_add, plan_theme_update

from .models import REMARK_MAX_LENGTH, CheckProposal, CheckRequest, MunicipalContact


def _check_length(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > REMARK_MAX_LENGTH:
        refuse(gettext("Hoogstens %(max)s tekens.") % {"max": REMARK_MAX_LENGTH}, code="text_too_long", field=field)
    return value


@transaction.atomic
def contact_invite(*, email: str, first_name: str, last_name: str, municipalities, invited_by) -> MunicipalContact:
    """A new municipal contact for ``municipalities`` (at least one), invited by email to set a password.

    The account has no usable password until the contact sets one through the invitation's link (or logs in
    through the organisation's single sign-on, linked by staff)."""
    email = (email or "").strip().lower()
    municipalities = list(municipalities)
    if not municipalities:
        refuse(gettext("Kies ten minste één gemeente."), code="contact_no_municipality", field="municipalities")
    if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
        refuse(gettext("Er is al een gebruiker met dit e-mailadres."), code="contact_exists", field="email")
    user = User(
        username=email,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=Role.MUNICIPAL_CONTACT,
        password=make_password(None),
    )
    user._history_user = invited_by
    user.full_clean(exclude=["password", "calendar_token"])
    user.save()
    contact = MunicipalContact.objects.create(user=user, invited_at=timezone.now())
    contact.municipalities.set(municipalities)
    from .tasks import send_contact_invitation

    enqueue_on_commit(send_contact_invitation, user.pk)
    return contact


@transaction.atomic
def contact_link(*, user: User, municipalities, by) -> MunicipalContact:
    """Make an existing account (one without a role, e.g. made at a first single sign-on) the contact of
    ``municipalities``; an account with one of the four roles stays what it is (refused)."""
    municipalities = list(municipalities)
    if not municipalities:
        refuse(gettext("Kies ten minste één gemeente."), code="contact_no_municipality", field="municipalities")
    if user.role not in ("", Role.MUNICIPAL_CONTACT) or user.is_superuser:
        refuse(
            gettext("%(user)s heeft al een andere rol in VS-portaal.") % {"user": user.get_full_name() or user},
            code="contact_has_role",
        )
    if user.role != Role.MUNICIPAL_CONTACT:
        user.role = Role.MUNICIPAL_CONTACT
        user._history_user = by
        user.save(update_fields=["role"])
    contact, _created = MunicipalContact.objects.get_or_create(user=user)
    if set(contact.municipalities.values_list("pk", flat=True)) != {m.pk for m in municipalities}:
        contact._history_user = by
        contact.municipalities.set(municipalities)
    return contact


@transaction.atomic
def check_request_send(*, plan: MunicipalPlan, deadline: datetime.date, user, today: datetime.date | None = None):
    """Send the plan's ambtelijke toets to its municipality's contacts, with a deadline."""
    today = today or timezone.localdate()
    if plan.pk is not None and CheckRequest.objects.filter(plan=plan).exists():
        refuse(
            gettext("De toets van %(municipality)s is al verstuurd.") % {"municipality": plan.municipality},
            code="check_request_exists",
        )
    if deadline < today:
        refuse(gettext("De uiterste datum ligt in het verleden."), code="check_deadline_past", field="deadline")
    if not MunicipalContact.objects.filter(municipalities=plan.municipality, user__is_active=True).exists():
        refuse(
            gettext("%(municipality)s heeft nog geen contactpersoon; nodig eerst iemand uit.")
            % {"municipality": plan.municipality},
            code="check_no_contact",
        )
    plan._history_user = user
    plan_check_record(plan=plan, status=MunicipalPlan.CheckStatus.SENT, sent_on=today)
    request = CheckRequest(plan=plan, deadline=deadline, sent_on=today)
    request._history_user = user
    request.save()
    return request


@transaction.atomic
def check_answer(
    *, request: CheckRequest, user, agrees: bool, remark: str = "", proposals: list[dict], now=None
) -> CheckRequest:
    """The municipality's answer: ``agrees`` with the scan, or ``proposals`` (dicts with kind, theme, wording,
    remark). Agreeing leaves nothing to process: the toets is processed at once."""
    now = now or timezone.now()
    request = CheckRequest.objects.select_for_update().select_related("plan__municipality").get(pk=request.pk)
    if not user.has_perm("partners.answer_checkrequest", request):
        deny(gettext("U bent geen contactpersoon van deze gemeente."))
    if request.status != CheckRequest.Status.SENT:
        refuse(gettext("Deze toets is al beantwoord."), code="check_already_answered")
    remark = _check_length(remark, "remark")
    if agrees and proposals:
        refuse(gettext("U gaat akkoord én stelt wijzigingen voor; kies één van beide."), code="check_agree_and_propose")
    if not agrees and not proposals:
        refuse(
            gettext("Ga akkoord met de scan of stel ten minste één aanvulling of wijziging voor."),
            code="check_nothing_proposed",
        )
    in_plan = {pt.theme_id: pt for pt in PlanTheme.objects.filter(plan=request.plan)}
    seen = set()
    rows = []
    for index, proposal in enumerate(proposals):
        theme, kind = proposal["theme"], proposal["kind"]
        field = f"proposals.{index}"
        if theme.pk in seen:
            refuse(
                gettext("Over ‘%(theme)s’ staat al een voorstel.") % {"theme": theme},
                code="proposal_theme_twice",
                field=field,
            )
        seen.add(theme.pk)
        if kind == CheckProposal.Kind.ADD and theme.pk in in_plan:
            refuse(
                gettext("‘%(theme)s’ staat al in de scan; stel een andere formulering voor.") % {"theme": theme},
                code="proposal_theme_in_plan",
                field=field,
            )
        if kind == CheckProposal.Kind.CHANGE and theme.pk not in in_plan:
            refuse(
                gettext("‘%(theme)s’ staat niet in de scan; stel voor het toe te voegen.") % {"theme": theme},
                code="proposal_theme_not_in_plan",
                field=field,
            )
        wording = _check_length(proposal.get("wording", ""), field)
        if kind == CheckProposal.Kind.CHANGE and not wording:
            refuse(
                gettext("Geef de formulering die u voorstelt voor ‘%(theme)s’.") % {"theme": theme},
                code="proposal_wording_missing",
                field=field,
            )
        rows.append(
            CheckProposal(
                request=request,
                kind=kind,
                theme=theme,
                plan_theme=in_plan.get(theme.pk),
                wording=wording,
                remark=_check_length(proposal.get("remark", ""), field),
            )
        )
    for row in rows:
        row._history_user = user
        row.save()
    request.agrees = agrees
    request.remark = remark
    request.answered_at, request.answered_by = now, user
    request.status = CheckRequest.Status.PROCESSED if agrees else CheckRequest.Status.ANSWERED
    request.processed_at = now if agrees else None
    request._history_user = user
    request.save()
    plan = request.plan
    plan._history_user = user
    plan_check_record(
        plan=plan, status=MunicipalPlan.CheckStatus.ANSWERED, answered_on=timezone.localdate(now), notes=remark
    )
    return request


@transaction.atomic
def proposal_decide(*, proposal: CheckProposal, accept: bool, reason: str, user, now=None) -> CheckProposal:
    """Accept (the scan changes) or reject a proposal, with a reason; the last decision processes the toets."""
    now = now or timezone.now()
    proposal = (
        CheckProposal.objects.select_for_update(of=("self",))
        .select_related("request__plan__municipality", "theme", "plan_theme")
        .get(pk=proposal.pk)
    )
    if not user.has_perm("partners.change_checkrequest", proposal.request):
        deny()
    if proposal.decision != CheckProposal.Decision.OPEN:
        refuse(gettext("Over dit voorstel is al besloten."), code="proposal_decided")
    reason = _check_length(reason, "reason")
    if not reason:
        refuse(gettext("Geef de reden van uw besluit."), code="proposal_reason_missing", field="reason")
    plan = proposal.request.plan
    if accept and proposal.kind == CheckProposal.Kind.ADD:
        plan._history_user = user
        proposal.plan_theme = plan_theme_add(
            plan=plan, theme=proposal.theme, wording=proposal.wording, origin=PlanTheme.Origin.ADDED
        )
    elif accept:
        plan_theme = proposal.plan_theme or PlanTheme.objects.filter(plan=plan, theme=proposal.theme).first()
        if plan_theme is None:
            refuse(
                gettext("‘%(theme)s’ staat niet meer in de scan.") % {"theme": proposal.theme},
                code="proposal_theme_not_in_plan",
            )
        plan_theme._history_user = user
        plan_theme_update(plan_theme=plan_theme, wording=proposal.wording, origin=PlanTheme.Origin.CHANGED)
    proposal.decision = CheckProposal.Decision.ACCEPTED if accept else CheckProposal.Decision.REJECTED
    proposal.decision_reason, proposal.decided_at, proposal.decided_by = reason, now, user
    proposal._history_user = user
    proposal.save()
    request = proposal.request
    if not request.proposals.filter(decision=CheckProposal.Decision.OPEN).exists():
        request.status, request.processed_at = CheckRequest.Status.PROCESSED, now
        request._history_user = user
        request.save(update_fields=["status", "processed_at"])
    return proposal
