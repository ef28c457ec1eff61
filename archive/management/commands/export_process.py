from django.core.management.base import BaseCommand, CommandError

from archive.exporting import export_process
from archive.parts import BackupError
from audit.models import AuditEvent
from audit.services import audit_record
from planning.models import StrategyProcess


class Command(BaseCommand):
    help = (
        "Schrijft één heel proces naar één zip-bestand (data.json plus de geüploade documenten in files/): planning, "
        "mensen, bronnen, plannen, lange lijst, keuzeronde, besluit, doelstellingen, document met versies. Terug te "
        "zetten met import_process. / Writes one whole process to a single zip file."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="adresnaam van het proces, bijv. vs-2019-2022")
        parser.add_argument("-o", "--output", help="doelbestand (standaard <slug>.zip)")

    def handle(self, *args, slug, output, **options):
        process = StrategyProcess.objects.filter(slug=slug).first()
        if process is None:
            raise CommandError(f"Geen proces met adresnaam '{slug}'. / No process with slug '{slug}'.")
        output = output or f"{slug}.zip"
        try:
            result = export_process(process, output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        audit_record(
            kind=AuditEvent.Kind.PROCESS_EXPORT,
            username="manage.py",
            obj=process,
            details={"file": str(output), "rows": sum(result.counts.values()), "files": result.files},
        )
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        rows = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{process.short_name} geëxporteerd naar {output}: {rows} rijen, {result.files} bestanden."
            )
        )
