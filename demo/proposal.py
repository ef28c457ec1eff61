"""The demo's organisational and financial proposal (April 2019) for the five goals of VS 2019-2022: the goals
adopted by the Bestuurscollege on 31 October 2018, an organisation and a budget per goal (fictional amounts), the
key by population with the three municipalities that merged into West Betuwe handled explicitly, offered by the
BBG and decided by the five DVOs. Through documents.services and proposal.services; idempotent."""

import datetime
from decimal import Decimal

from planning.models import District, Municipality
from proposal import services
from proposal.models import Funding, Proposal

from .documents import adopt_demo_goals
from .voting import entry_user

OFFERED = datetime.date(2019, 4, 11)

# The merged municipalities: their 2018 population from before the merger, entered with its source.
MERGED_POPULATIONS = {"Geldermalsen": 26_790, "Lingewaal": 11_165, "Neerijnen": 12_311}
MERGED_SOURCE = "CBS, 1 januari 2018, opgave van de gemeente West Betuwe (fusie per 1 januari 2019)"

TEAMS = [
    "Een programmamanager (0,8 fte) en een adviseur per district",
    "Een projectleider (0,6 fte) vanuit het RIEC en een analist",
    "Een regionale trekker (0,5 fte) en de Werkgroep Expertteams VNONL",
    "Een projectleider (0,5 fte) en een communicatieadviseur",
    "Een kwartiermaker (0,4 fte) en een werkgroep van de partners",
]
DVO_DECISIONS = [
    ("GLM", "agreed", datetime.date(2019, 4, 18), ""),
    ("GLZ", "conditions", datetime.date(2019, 4, 25), "Akkoord, mits de bijdrage in 2021 wordt geëvalueerd."),
    ("TWN", "agreed", datetime.date(2019, 5, 7), ""),
    ("IJSS", "agreed", datetime.date(2019, 5, 16), ""),
    ("NOG", "conditions", datetime.date(2019, 5, 23), "Akkoord, onder voorwaarde van een jaarlijkse verantwoording."),
]


def load_proposal_demo(result, process) -> Proposal | None:
    existing = Proposal.objects.filter(process=process).first()
    if existing is not None:
        return existing
    user = entry_user(result)
    if not adopt_demo_goals(process, user):
        return None
    proposal = services.proposal_create(process=process, user=user)
    result.count("voorstellen", True)
    services.proposal_update(
        proposal=proposal,
        user=user,
        title=proposal.title,
        key_method=Proposal.KeyMethod.POPULATION,
        introduction="<p>Dit voorstel werkt de vijf doelstellingen van de Veiligheidsstrategie uit tot een "
        "organisatie en een begroting per jaar. Het aandeel van de gemeenten wordt verdeeld naar inwonertal.</p>",
    )
    years = range(process.period_start_year, process.period_end_year + 1)
    for index, plan in enumerate(proposal.plans.select_related("goal").order_by("goal__position")):
        services.plan_update(
            plan=plan,
            user=user,
            lead_partner=plan.goal.owner or "police",
            lead_partner_other=plan.goal.owner_other,
            programme_team=TEAMS[index % len(TEAMS)],
        )
        base = Decimal(60_000 + 10_000 * index)
        for offset, year in enumerate(years):
            services.cost_item_add(plan=plan, user=user, year=year, description="Programmamanagement", amount=base)
            services.cost_item_add(
                plan=plan,
                user=user,
                year=year,
                description="Activiteiten en communicatie",
                amount=Decimal(25_000 + 5_000 * offset),
            )
            municipalities = base * Decimal("0.6") + Decimal(25_000 + 5_000 * offset)
            lines = [
                (Funding.Source.POLICE, base * Decimal("0.25")),
                (Funding.Source.OM, base * Decimal("0.15")),
                (Funding.Source.MUNICIPALITIES, municipalities),
            ]
            if index == 4 and year == process.period_end_year:
                lines[-1] = (Funding.Source.MUNICIPALITIES, municipalities - Decimal(15_000))  # not yet covered
            for source, amount in lines:
                services.funding_add(
                    plan=plan, user=user, year=year, source=source, amount=amount.quantize(Decimal("0.01"))
                )
    for name, population in MERGED_POPULATIONS.items():
        municipality = Municipality.objects.filter(name=name, population__isnull=True).first()
        if municipality is not None:
            services.key_population_enter(
                proposal=proposal, user=user, municipality=municipality, population=population, source=MERGED_SOURCE
            )
    proposal = services.proposal_offer(proposal=proposal, user=user, offered_on=OFFERED)
    districts = {district.code: district for district in District.objects.all()}
    for code, outcome, day, conditions in DVO_DECISIONS:
        if code in districts:
            services.proposal_decision_record(
                proposal=proposal,
                user=user,
                district=districts[code],
                outcome=outcome,
                decided_on=day,
                conditions=conditions,
            )
    # The offer froze version 0.1; this one holds the five DVOs' decisions.
    services.proposal_version_create(
        proposal=proposal, user=user, note="Met de besluiten van de vijf DVO's.", today=DVO_DECISIONS[-1][2]
    )
    return proposal
