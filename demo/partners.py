"""The demo's municipal contacts and their ambtelijke toets in the portal (issue 16), in VS 2019-2022 with the dates
of 2018: the contact of Nijkerk has the toets sent on 14 February 2018 still to answer (log in as
``gemeente-nijkerk`` and answer it); the contact of Epe answered on 1 March with a changed wording and an added
theme, and staff took over the change and not the addition on 12 March, so Epe's toets is processed.

Contacts get known passwords, so they exist only with the demo users (DEBUG on). Everything through
partners.services; run again, it finds the toetsen and changes nothing.
"""

import datetime

from accounts.models import User
from partners import services
from partners.models import CheckProposal, CheckRequest
from planning.models import Municipality, StrategyProcess
from scan.models import MunicipalPlan, PlanTheme, Theme

from .scan import CHECK_SENT_ON

CONTACTS = {"gemeente-nijkerk": "Nijkerk", "gemeente-epe": "Epe"}
CHECK_DEADLINE = datetime.date(2018, 3, 9)
EPE_ANSWERED = datetime.datetime(2018, 3, 1, 10, 30, tzinfo=datetime.UTC)
EPE_DECIDED = datetime.datetime(2018, 3, 12, 14, 0, tzinfo=datetime.UTC)
EPE_REMARK = "Twee punten uit het uitvoeringsprogramma 2018 van Epe."
EPE_CHANGE = (
    "Ondermijning",
    "Ondermijning op recreatieparken en in leegstaande agrarische gebouwen; samen met Heerde en Hattem.",
    "Ons plan legt het accent op de recreatieparken.",
)
EPE_ADDITION = ("Milieucriminaliteit", "Drugsafval in de bossen van de Veluwe.")
EPE_ACCEPT_REASON = "Overgenomen: de formulering sluit beter aan bij het plan van Epe."
EPE_REJECT_REASON = "Niet overgenomen: het plan van Epe noemt drugsafval niet; het valt onder ondermijning."


def load_partners_demo(result, process: StrategyProcess, staff: User) -> None:
    """The contacts (existing demo users) linked to their municipality, and the toetsen; see the module."""
    municipalities = {m.name: m for m in Municipality.objects.filter(name__in=CONTACTS.values())}
    for username, name in CONTACTS.items():
        user = User.objects.filter(username=username).first()
        if user is None or name not in municipalities:
            return
        services.contact_link(user=user, municipalities=[municipalities[name]], by=staff)
    plans = {plan.municipality.name: plan for plan in MunicipalPlan.objects.filter(
        process=process, municipality__name__in=CONTACTS.values()).select_related("municipality")}  # fmt: skip
    for name, plan in plans.items():
        if CheckRequest.objects.filter(plan=plan).exists():
            continue
        check = services.check_request_send(plan=plan, deadline=CHECK_DEADLINE, user=staff, today=CHECK_SENT_ON)
        result.count("toetsen in het portaal", created=True)
        if name == "Epe":
            _epe_answers(check, staff)


def _epe_answers(check: CheckRequest, staff: User) -> None:
    contact = User.objects.get(username="gemeente-epe")
    themes = {theme.name: theme for theme in Theme.objects.filter(name__in=[EPE_CHANGE[0], EPE_ADDITION[0]])}
    named = set(PlanTheme.objects.filter(plan=check.plan).values_list("theme__name", flat=True))
    proposals = []
    if EPE_CHANGE[0] in named:
        proposals.append({"kind": CheckProposal.Kind.CHANGE, "theme": themes[EPE_CHANGE[0]],
                          "wording": EPE_CHANGE[1], "remark": EPE_CHANGE[2]})  # fmt: skip
    if EPE_ADDITION[0] in themes and EPE_ADDITION[0] not in named:
        proposals.append({"kind": CheckProposal.Kind.ADD, "theme": themes[EPE_ADDITION[0]],
                          "remark": EPE_ADDITION[1]})  # fmt: skip
    services.check_answer(
        request=check, user=contact, agrees=not proposals, remark=EPE_REMARK, proposals=proposals, now=EPE_ANSWERED
    )
    for proposal in CheckProposal.objects.filter(request=check).select_related("theme"):
        accept = proposal.kind == CheckProposal.Kind.CHANGE
        services.proposal_decide(
            proposal=proposal,
            accept=accept,
            reason=EPE_ACCEPT_REASON if accept else EPE_REJECT_REASON,
            user=staff,
            now=EPE_DECIDED,
        )


def portal_checked_municipalities(process: StrategyProcess) -> set[int]:
    """The municipalities whose toets was answered in the portal: the portal's answer, not the demo scan's
    script, then says how their plan reads (demo/scan.py leaves those plans alone on a later run)."""
    return set(
        CheckRequest.objects.filter(plan__process=process)
        .exclude(status=CheckRequest.Status.SENT)
        .values_list("plan__municipality_id", flat=True)
    )
