from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planning.reference_import import ReferenceDataError, parse_reference_csv, reference_data_import


class Command(BaseCommand):
    help = (
        "Leest de referentiegegevens van een regionale eenheid uit CSV: districten (met hun DVO), gemeenten en "
        "inwonertallen met bron en jaar. Alles of niets; een fout noemt regel en kolom. / Imports a unit's districts, "
        "municipalities and population from CSV, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="het CSV-bestand")
        parser.add_argument("--source", default="", help="bron van de inwonertallen, bijv. 'CBS, tabel 70748ned'")
        parser.add_argument("--year", type=int, help="jaar van de inwonertallen, als het bestand het niet noemt")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="verwijder districten en gemeenten die niet in het bestand staan (voor een nieuwe installatie)",
        )

    def handle(self, *args, file, source, year, replace, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Het bestand is niet te lezen (UTF-8 verwacht): {exc}") from exc
        try:
            rows = parse_reference_csv(text, source=source, year=year)
            result = reference_data_import(rows=rows, replace=replace)
        except ReferenceDataError as error:
            raise CommandError("Niets ingelezen:\n" + "\n".join(error.errors)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.districts} districten en {result.municipalities} gemeenten ingelezen"
                + (f"; verwijderd: {', '.join(result.removed)}" if result.removed else "")
                + "."
            )
        )
