"""Scale: the tally and the reminder pass at 100 processes with 50 DVOs each.

    .venv/bin/python bench/scale.py [--processes 100] [--dvos 50]

Builds, in bulk, in the scratch database (bench/data.py): the DVOs up to --dvos (new districts with eight
municipalities each, one with an unknown population, and one active DVO secretary each), and --processes processes
each with a sent long list of ten, an open round with a deadline per DVO over the coming two weeks, a ballot of
seven ordered choices from four in five DVOs (the rest have not chosen yet: reminders), twenty milestones on days
around today (BBG meetings with members who log in, and deliverables with a responsible person) and ten open
actions due around today.

Then it times, and counts the queries of:
- the tally: voting.selectors.round_result (which calls voting.tally.tally) for every round;
- the reminder pass: notifications.services.reminders_plan, what the beat's plan_reminders task runs before it
  enqueues the sends; once on an empty Reminder table (it inserts them all) and once more (it inserts nothing).
  Nothing is enqueued or sent here: sending is one task per reminder, not part of the pass.
"""

import data  # noqa: I001  (first: points Django at the scratch database)

import argparse
import datetime
import sys
import time


def build(n_processes: int, n_dvos: int) -> dict[str, int]:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Role, User
    from planning.models import Body, District, Membership, Milestone, Municipality, Person, StrategyProcess
    from priorities.models import LongList, Priority
    from voting.models import Ballot, BallotChoice, Round, RoundDeadline

    now = timezone.now()
    today = timezone.localdate(now)
    password = make_password(None)  # unusable: nobody logs in as these users
    with transaction.atomic():
        start = District.objects.count()
        new = [District(code=f"B{i:03d}", name=f"Bench-district {i}", order=100 + i) for i in range(start, n_dvos)]
        District.objects.bulk_create(new)
        municipalities = []
        for district in District.objects.filter(code__startswith="B"):
            for m in range(8):
                municipalities.append(
                    Municipality(
                        district=district,
                        name=f"{district.name} gemeente {m}",
                        cbs_code=f"B{district.pk % 1000:03d}{m:02d}"[:6],
                        population=None if m == 7 else 10_000 + 1_000 * m,
                    )
                )
        Municipality.objects.bulk_create(municipalities)
        districts = list(District.objects.order_by("order", "code")[:n_dvos])

        User.objects.bulk_create(
            [
                User(
                    username=f"bench-secretaris-{d.code.lower()}",
                    role=Role.DVO_SECRETARY,
                    district=d,
                    email=f"bench-{d.code.lower()}@example.org",
                    password=password,
                    is_active=True,
                )
                for d in districts
            ]
        )
        members = User.objects.bulk_create(
            [
                User(
                    username=f"bench-bbg-{i}",
                    role=Role.BBG_MEMBER,
                    email=f"bench-bbg-{i}@example.org",
                    password=password,
                    is_active=True,
                )
                for i in range(10)
            ]
        )
        people = Person.objects.bulk_create(
            [Person(name=f"Bench-lid {i}", user=user) for i, user in enumerate(members)]
        )
        bbg = Body.objects.get(short_name="BBG")
        Membership.objects.bulk_create([Membership(person=person, body=bbg) for person in people])

        processes = StrategyProcess.objects.bulk_create(
            [
                StrategyProcess(
                    title=f"Bench-proces {i}",
                    short_name=f"Bench {i}",
                    slug=f"bench-{i:03d}",
                    period_start_year=2030 + i,
                    period_end_year=2033 + i,
                )
                for i in range(n_processes)
            ]
        )
        LongList.objects.bulk_create(
            [LongList(process=p, status=LongList.Status.SENT, approved_on=today, sent_on=today) for p in processes]
        )
        Priority.objects.bulk_create(
            [Priority(process=p, title=f"Prioriteit {k + 1}", position=k + 1) for p in processes for k in range(10)]
        )
        priorities: dict[int, list[int]] = {}
        for pk, process_id in (
            Priority.objects.filter(process__in=processes).order_by("position").values_list("pk", "process_id")
        ):
            priorities.setdefault(process_id, []).append(pk)
        rounds = Round.objects.bulk_create(
            [Round(process=p, status=Round.Status.OPEN, opened_at=now - datetime.timedelta(days=7)) for p in processes]
        )
        RoundDeadline.objects.bulk_create(
            [
                RoundDeadline(round=r, district=d, deadline=now + datetime.timedelta(days=1 + (i % 14), hours=1))
                for r in rounds
                for i, d in enumerate(districts)
            ],
            batch_size=2000,
        )
        submitter = members[0]
        ballots = []
        for r_index, r in enumerate(rounds):
            for d_index, d in enumerate(districts):
                if (d_index + r_index) % 5 == 4:
                    continue  # one in five has not chosen yet
                ballots.append(Ballot(round=r, district=d, submitted_by=submitter, submitted_at=now))
        Ballot.objects.bulk_create(ballots, batch_size=2000)
        choices = []
        for ballot in ballots:
            ids = priorities[ballot.round.process_id]
            offset = (ballot.district_id * 3 + ballot.round_id) % 10
            picked = [ids[(offset + k) % 10] for k in range(7)]
            choices += [BallotChoice(ballot=ballot, priority_id=pk, preference=k + 1) for k, pk in enumerate(picked)]
        BallotChoice.objects.bulk_create(choices, batch_size=5000)

        milestones = []
        for p_index, p in enumerate(processes):
            for k in range(20):
                day = today + datetime.timedelta(days=(k + p_index) % 21 - 5)
                meeting = k % 2 == 0
                milestones.append(
                    Milestone(
                        process=p,
                        title=f"Mijlpaal {k + 1}",
                        kind=Milestone.Kind.MEETING if meeting else Milestone.Kind.DELIVERABLE,
                        starts_on=day,
                        ends_on=day,
                        body=bbg,
                        responsible_person=people[k % len(people)],
                    )
                )
        Milestone.objects.bulk_create(milestones, batch_size=2000)
        from planning.models import Action

        Action.objects.bulk_create(
            [
                Action(
                    process=p,
                    title=f"Actie {k + 1}",
                    owner=people[(k + p_index) % len(people)],
                    due_on=today + datetime.timedelta(days=(k * 2 + p_index) % 17 - 4),
                )
                for p_index, p in enumerate(processes)
                for k in range(10)
            ],
            batch_size=2000,
        )
    return {
        "processes": len(processes),
        "DVOs": len(districts),
        "municipalities": Municipality.objects.count(),
        "ballots": len(ballots),
        "choices": len(choices),
        "deadlines": RoundDeadline.objects.count(),
        "milestones": len(milestones),
        "actions": n_processes * 10,
    }


def timed(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        value = fn()
        seconds = time.perf_counter() - started
    return value, seconds, len(ctx.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=100)
    parser.add_argument("--dvos", type=int, default=50)
    args = parser.parse_args()

    data.setup_django()
    data.fresh_database()
    from notifications.models import Reminder
    from notifications.services import reminders_plan
    from voting.models import Round
    from voting.selectors import round_result

    started = time.perf_counter()
    sizes = build(args.processes, args.dvos)
    print(f"Built in {time.perf_counter() - started:.1f} s: " + ", ".join(f"{v} {k}" for k, v in sizes.items()))

    rounds = list(Round.objects.select_related("process").order_by("pk"))

    def tally_all():
        return [round_result(r) for r in rounds]

    results, seconds, queries = timed(tally_all)
    assert all(len(r.tally.districts) == args.dvos for r in results)
    assert all(len(r.tally.results) == 10 for r in results)
    print(
        f"tally: {len(rounds)} rounds x {args.dvos} DVOs in {seconds:.2f} s "
        f"({seconds / len(rounds) * 1000:.1f} ms per round), {queries} queries ({queries / len(rounds):.0f} per round)"
    )

    failed = False
    for label in ("first run", "second run"):
        ids, seconds, queries = timed(reminders_plan)
        print(
            f"reminder pass ({label}): {Reminder.objects.count()} reminders in the table, {len(ids)} ids to enqueue "
            f"(one batch of at most 1000), "
            f"{seconds:.2f} s, {queries} queries"
        )
        if label == "first run" and not ids:
            print("FAIL: the reminder pass found nothing due; the bench data is wrong.")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
