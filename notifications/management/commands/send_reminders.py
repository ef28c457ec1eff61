"""Plan and send the due reminders now, in this process: for deployments that use cron instead of Celery beat,
and for development. Safe to run while a worker and beat are running too: every reminder is claimed once."""

from django.core.management.base import BaseCommand

from notifications import services


class Command(BaseCommand):
    help = "Plant de herinneringen die nu aan de beurt zijn en verstuurt ze meteen (zonder Celery)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--digests", action="store_true", help="Verstuur ook de dagelijkse overzichten (eenmaal per dag)."
        )

    def handle(self, *args, **options):
        outcomes: dict[str, int] = {}
        for reminder_id in services.reminders_plan():
            try:
                outcome = services.reminder_send(reminder_id=reminder_id)
            except services.ReminderSendError as exc:
                self.stderr.write(f"Herinnering {reminder_id} niet verstuurd: {exc}")
                outcome = "error"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items())) or "niets te doen"
        self.stdout.write(f"Herinneringen: {summary}")
        if options["digests"]:
            sent = [services.digest_send(digest_id=pk) for pk in services.digests_plan()]
            self.stdout.write(f"Dagelijkse overzichten: {sent.count('sent')} verstuurd")
