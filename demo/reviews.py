"""The demo of the reviews (issue 14): the endterm review light of VS 2015-2018 and the midterm and endterm reviews
of VS 2019-2022.

VS 2015-2018 was adopted before the portal: its five goals (one per priority the demo already has) are recorded
as adopted by the Bestuurscollege of 30 October 2014 (documents.services.goal_record_adopted), with one indicator
each and the values of the endterm moment (30 September 2018). The endterm review light runs from November to
December 2018, as in the planning note: to the RVO on 5 December, adopted on 20 December 2018; adopting it makes
it a source of the VS 2019-2022 scan (reviews.feed). VS 2019-2022 gets a midterm review in 2020 (the state of 31
December 2019, adopted 29 October 2020) and the endterm review in 2022 (the state of 31 December 2021, adopted
24 November 2022). The current cycle (demo/today.py) is copied from VS 2019-2022 after this step, so its scan
starts with those reviews and the adopted progress reports, and its long list shows how each goal did.

Everything through the public services of documents, monitoring and reviews, by the demo's entry user. Idempotent:
a goal is found by its title, a moment by its date, an indicator by its name, a review by its kind; a review
that has gone further than the demo would take it is left alone.
"""

import datetime

from django.db import transaction

from documents import services as document_services
from documents.models import Goal
from monitoring import services as monitoring_services
from monitoring.models import MeasurementMoment, Unit
from planning.models import StrategyProcess
from priorities.models import Priority
from reviews import services
from reviews.models import Recommendation, Review

from .planning import PREDECESSOR
from .voting import entry_user

PREVIOUS_ADOPTED_ON = datetime.date(2014, 10, 30)
PREVIOUS_MOMENT = datetime.date(2018, 9, 30)
CONTINUE, ADJUST, STOP = Recommendation.CONTINUE, Recommendation.ADJUST, Recommendation.STOP

# Per priority of VS 2015-2018 (demo/priorities.py): the goal, its indicator, and the endterm review's verdict.
PREVIOUS_GOALS = {
    "Aanpak ondermijnende criminaliteit": {
        "title": "Integrale aanpak ondermijning in elk district",
        "description": "In elk district een integrale aanpak van ondermijning met gemeenten, politie, OM en RIEC.",
        "indicator": ("Districten met een integraal ondermijningsoverleg", Unit.NUMBER, "1", "5", "5"),
        "owner": "riec",
        "roles": [("municipalities", "Nemen deel aan het districtsoverleg"), ("police", "Levert informatie")],
        "worked": "<p>Het districtsoverleg bracht signalen samen; de bestuurlijke aanpak (Bibob) kwam op gang.</p>",
        "not_worked": "<p>Kleine gemeenten missen capaciteit voor een eigen ondermijningsbeeld.</p>",
        "recommendation": (CONTINUE, "Ondermijning blijft urgent; naar een beeld en plan van aanpak per gemeente."),
    },
    "High impact crimes": {
        "title": "Minder woninginbraken",
        "description": "Het aantal woninginbraken in Oost-Nederland daalt met een kwart.",
        "indicator": ("Aangiften woninginbraak", Unit.NUMBER, "9800", "7350", "6900"),
        "owner": "police",
        "roles": [("municipalities", "Preventie en buurtpreventie"), ("prosecution", "Snelle afdoening")],
        "worked": "<p>Preventie (het Politiekeurmerk) en de aanpak van veelplegers werkten.</p>",
        "not_worked": "<p>Straatroof en overvallen daalden minder dan woninginbraak.</p>",
        "recommendation": (ADJUST, "De daling vasthouden, met de nadruk op geweld en de persoonsgerichte aanpak."),
    },
    "Problematische jeugdgroepen": {
        "title": "Problematische jeugdgroepen in beeld",
        "description": "Alle problematische jeugdgroepen zijn in beeld en hebben een groepsaanpak.",
        "indicator": ("Problematische jeugdgroepen met een groepsaanpak", Unit.PERCENTAGE, "60", "100", "95"),
        "owner": "municipalities",
        "roles": [("police", "Brengt de groepen in beeld (shortlist)"), ("care", "Jeugdhulp in de aanpak")],
        "worked": "<p>De shortlistmethodiek is in alle districten ingevoerd.</p>",
        "not_worked": "<p>De aansluiting op de jeugdhulp bleef lastig.</p>",
        "recommendation": (STOP, "Is regulier werk geworden in de districten; geen regionale prioriteit meer."),
    },
    "Huiselijk geweld": {
        "title": "Huiselijk geweld eerder gestopt",
        "description": "Meldingen van huiselijk geweld worden binnen vijf dagen opgepakt door Veilig Thuis.",
        "indicator": ("Meldingen binnen vijf dagen opgepakt", Unit.PERCENTAGE, "55", "90", "70"),
        "owner": "care",
        "roles": [("police", "Meldt en deelt informatie"), ("municipalities", "Financieren Veilig Thuis")],
        "worked": "<p>De samenwerking in de Zorg- en Veiligheidshuizen verbeterde.</p>",
        "not_worked": "<p>De wachtlijsten bij Veilig Thuis liepen op.</p>",
        "recommendation": (ADJUST, "Voortzetten binnen de lokale aanpak, met een regionale kwaliteitsnorm."),
    },
    "Cybercrime": {
        "title": "Weerbaar tegen cybercrime",
        "description": "Inwoners en ondernemers weten hoe zij zich tegen cybercrime beschermen.",
        "indicator": ("Gemeenten met een bewustwordingscampagne cybercrime", Unit.NUMBER, "5", "40", "22"),
        "owner": "police",
        "roles": [("municipalities", "Voeren de campagne lokaal"), ("prosecution", "Afdoening van aangiften")],
        "worked": "<p>De campagnes bereikten veel ondernemers.</p>",
        "not_worked": "<p>De opsporing hield geen gelijke tred met de groei van de aangiften.</p>",
        "recommendation": (CONTINUE, "Cybercrime groeit; voortzetten met de nadruk op opsporing en afdoening."),
    },
}

PREVIOUS_REVIEW = {
    "kind": Review.Kind.ENDTERM,
    "light": True,
    "summary": "<p>De korte evaluatie van de VS 2015-2018: ondermijning en cybercrime blijven urgent, de aanpak "
    "van jeugdgroepen is regulier werk geworden. De aanbevelingen zijn een bron voor de scan van de VS "
    "2019-2022.</p>",
    "steps": [
        (Review.Status.SENT_TO_RVO, datetime.date(2018, 12, 5)),
        (Review.Status.FOR_ADOPTION, datetime.date(2018, 12, 6)),
        (Review.Status.ADOPTED, datetime.date(2018, 12, 20)),
    ],
}

# VS 2019-2022: by a word in the priority's title (as demo/monitoring.py), else the general verdict.
VERDICTS = [
    ("ondermijn", (CONTINUE, "Op koers; de beelden per gemeente bijhouden en de aanpak verdiepen.")),
    ("cyber", (ADJUST, "Blijft achter; meer digitale opsporing en een regionale aangiftestraat.")),
    ("verward", (ADJUST, "Verbetering, maar de zorgketen moet 24 uur bereikbaar zijn in alle districten.")),
]
GENERAL_VERDICT = (CONTINUE, "De regionale aanpak werkt; voortzetten en verbreden.")
CURRENT_REVIEWS = [
    {
        "kind": Review.Kind.MIDTERM,
        "light": False,
        "moment": datetime.date(2019, 12, 31),
        "summary": "<p>Halverwege de VS 2019-2022: de meeste doelstellingen liggen op koers; cybercrime en "
        "verward gedrag vragen om bijsturing.</p>",
        "worked": "<p>De samenwerking in de expertteams en de vaste contactpersonen per district.</p>",
        "not_worked": "<p>De capaciteit van de partners is beperkt; corona vertraagde een deel van de acties.</p>",
        "steps": [
            (Review.Status.SENT_TO_RVO, datetime.date(2020, 9, 9)),
            (Review.Status.FOR_ADOPTION, datetime.date(2020, 9, 10)),
            (Review.Status.ADOPTED, datetime.date(2020, 10, 29)),
        ],
    },
    {
        "kind": Review.Kind.ENDTERM,
        "light": False,
        "moment": datetime.date(2021, 12, 31),
        "summary": "<p>De eindevaluatie van de VS 2019-2022, met de aanbevelingen voor de volgende "
        "Veiligheidsstrategie.</p>",
        "worked": "<p>Gezamenlijke producten op de schaal van Oost-Nederland: beelden, handreikingen, controles.</p>",
        "not_worked": "<p>De doorwerking in kleine gemeenten en de financiering na de looptijd.</p>",
        "steps": [
            (Review.Status.SENT_TO_RVO, datetime.date(2022, 10, 12)),
            (Review.Status.FOR_ADOPTION, datetime.date(2022, 10, 13)),
            (Review.Status.ADOPTED, datetime.date(2022, 11, 24)),
        ],
    },
]


def _verdict(goal: Goal) -> tuple[str, str]:
    lowered = goal.priority.title.lower()
    return next((verdict for word, verdict in VERDICTS if word in lowered), GENERAL_VERDICT)


@transaction.atomic
def load_review_demo(result, process: StrategyProcess) -> int:
    """The reviews of VS 2015-2018 and VS 2019-2022 (see the module); the number of reviews made."""
    user = entry_user(result)
    made = 0
    previous = StrategyProcess.objects.filter(slug=PREDECESSOR["slug"]).first()
    if previous is not None:
        made += _previous_review(previous, user)
    moments = {moment.measured_on: moment for moment in MeasurementMoment.objects.filter(process=process)}
    for data in CURRENT_REVIEWS:
        moment = moments.get(data["moment"])
        if moment is None or not Goal.objects.filter(process=process, status=Goal.Status.ADOPTED).exists():
            continue
        review = Review.objects.filter(process=process, kind=data["kind"]).first()
        if review is None:
            review = services.review_create(
                process=process, user=user, kind=data["kind"], light=data["light"], moment=moment,
                summary_html=data["summary"],
            )  # fmt: skip
            made += 1
        verdicts = {}
        for item in review.goals.select_related("goal__priority"):
            verdicts[item.pk] = (data["worked"], data["not_worked"], *_verdict(item.goal))
        _fill_and_adopt(review, user, verdicts, data["steps"])
    for _ in range(made):
        result.count("reviews", True)
    return made


def _previous_review(previous: StrategyProcess, user) -> int:
    priorities = {priority.title: priority for priority in Priority.objects.filter(process=previous)}
    goals = {goal.title: goal for goal in Goal.objects.filter(process=previous)}
    moment = MeasurementMoment.objects.filter(process=previous, measured_on=PREVIOUS_MOMENT).first()
    if moment is None:
        moment = monitoring_services.moment_create(
            process=previous, user=user, measured_on=PREVIOUS_MOMENT, label="Peildatum endterm review"
        )
    for title, data in PREVIOUS_GOALS.items():
        priority = priorities.get(title)
        if priority is None:
            continue
        goal = goals.get(data["title"])
        if goal is None:
            goal = document_services.goal_record_adopted(
                process=previous,
                user=user,
                data=document_services.GoalData(
                    priority=priority,
                    title=data["title"],
                    description=data["description"],
                    indicator=data["indicator"][0],
                    baseline_value=data["indicator"][2],
                    baseline_date=datetime.date(2014, 12, 31),
                    target_value=data["indicator"][3],
                    target_date=datetime.date(2018, 12, 31),
                    deadline=datetime.date(2018, 12, 31),
                    owner=data["owner"],
                    urgency=priority.urgency,
                ),
                roles=[document_services.RoleData(partner=partner, role=role) for partner, role in data["roles"]],
                adopted_on=PREVIOUS_ADOPTED_ON,
                note="Vastgesteld door het Bestuurscollege op 30 oktober 2014 (VS 2015-2018), vóór het portaal.",
            )
        name, unit, baseline, target, value = data["indicator"]
        indicator = goal.indicators.filter(name=name).first() or monitoring_services.indicator_create(
            goal=goal,
            user=user,
            data=monitoring_services.IndicatorData(name=name, unit=unit, baseline=baseline, target=target),
        )
        monitoring_services.values_save(
            goal=goal,
            moment=moment,
            user=user,
            values=[monitoring_services.ValueData(indicator=indicator, value=value, source="Eindmeting VS 2015-2018")],
        )
    review = Review.objects.filter(process=previous, kind=PREVIOUS_REVIEW["kind"]).first()
    made = 0
    if review is None:
        review = services.review_create(
            process=previous, user=user, kind=PREVIOUS_REVIEW["kind"], light=PREVIOUS_REVIEW["light"],
            moment=moment, summary_html=PREVIOUS_REVIEW["summary"],
        )  # fmt: skip
        made = 1
    by_title = {data["title"]: data for data in PREVIOUS_GOALS.values()}
    verdicts = {}
    for item in review.goals.select_related("goal"):
        data = by_title.get(item.goal.title)
        if data:
            verdicts[item.pk] = (data["worked"], data["not_worked"], *data["recommendation"])
    _fill_and_adopt(review, user, verdicts, PREVIOUS_REVIEW["steps"])
    return made


def _fill_and_adopt(review: Review, user, verdicts: dict, steps) -> None:
    """Each goal's texts and recommendation where it has none yet, then the workflow's steps still to take."""
    if review.is_frozen:
        return
    for item in review.goals.all():
        if item.pk not in verdicts or item.recommendation:
            continue
        worked, not_worked, recommendation, reason = verdicts[item.pk]
        services.review_goal_save(
            item=item, user=user, worked_html=worked, not_worked_html=not_worked, recommendation=recommendation,
            reason=reason,
        )  # fmt: skip
    order = [status for status, _ in steps]
    for status, day in steps:
        review.refresh_from_db()
        done = review.status in order and order.index(review.status) >= order.index(status)
        if done or status not in services.allowed_transitions(review):
            continue
        services.review_transition(review=review, user=user, to_status=status, meeting_date=day)
