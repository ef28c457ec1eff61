from django.core.management.base import BaseCommand, CommandError

from archive.importing import import_process
from archive.parts import BackupError
from audit.models import AuditEvent
from audit.services import audit_record


class Command(BaseCommand):
    help = (
        "Zet een met export_process gemaakt bestand terug in deze database, alles of niets. Weigert als het proces "
        "(de adresnaam) al bestaat. Ontbrekende gebruikers worden inactief en zonder bruikbaar wachtwoord "
        "aangemaakt. / Imports a file made by export_process, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="het exportbestand (.zip)")
        parser.add_argument(
            "--allow-elevated-roles",
            action="store_true",
            help="maak ook gebruikers aan met de rol programmastaf of beheerder (standaard geweigerd)",
        )

    def handle(self, *args, file, allow_elevated_roles=False, **options):
        try:
            result = import_process(file, allow_elevated_roles=allow_elevated_roles)
        except BackupError as error:
            raise CommandError(str(error)) from error
        audit_record(
            kind=AuditEvent.Kind.PROCESS_IMPORT,
            username="manage.py",
            obj=result.process,
            details={
                "file": str(file),
                "rows": sum(result.counts.values()),
                "users_created": sorted(result.users_created),
            },
        )
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        rows = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.process.short_name} geïmporteerd: {rows} rijen nieuw, {sum(result.reused.values())} "
                f"bestaande hergebruikt, {result.files} bestanden."
            )
        )
        if result.users_created:
            self.stdout.write(
                self.style.WARNING(
                    "Inactief aangemaakt, zonder wachtwoord (activeer in het beheer; de gebruiker kiest een "
                    f"wachtwoord via 'wachtwoord vergeten'): {', '.join(sorted(result.users_created))}."
                )
            )
