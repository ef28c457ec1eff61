"""Factories and helpers for the scan's tests: themes, plans, plan themes, extra municipalities, documents, and a
private storage in a temporary directory."""

import io
import zipfile

import factory
import pytest
from django.core.files.storage import FileSystemStorage

from planning.models import District, Municipality
from scan.models import MunicipalPlan, PlanTheme, Source, Theme
from tests.planning.factories import StrategyProcessFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testthema {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    district = factory.LazyFunction(lambda: District.objects.order_by("order", "code").first())
    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"X{n:05d}")
    population = 10_000


class MunicipalPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MunicipalPlan

    municipality = factory.LazyFunction(lambda: Municipality.objects.order_by("name").first())
    title = factory.LazyAttribute(lambda plan: f"Integraal Veiligheidsplan {plan.municipality.name}")
    period_start_year = 2019
    period_end_year = 2022


class PlanThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanTheme

    plan = factory.SubFactory(MunicipalPlanFactory)
    theme = factory.SubFactory(ThemeFactory)
    wording = factory.LazyAttribute(lambda pt: f"Aanpak van {pt.theme.name.lower()}")
    origin = PlanTheme.Origin.SCAN


def name_theme(process, municipality, theme, *, wording="", origin=PlanTheme.Origin.SCAN) -> PlanTheme:
    """Make the municipality's plan for the process name the theme."""
    plan, _ = MunicipalPlan.objects.get_or_create(process=process, municipality=municipality)
    return PlanTheme.objects.create(plan=plan, theme=theme, wording=wording, origin=origin)


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def stored_files(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture(name="private_media")
def private_media_fixture(tmp_path, settings, monkeypatch):
    """The private storage in a temporary directory, for the pages and for the models' file fields."""
    root = tmp_path / "private"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    storage = FileSystemStorage(location=root)
    monkeypatch.setattr(MunicipalPlan._meta.get_field("document"), "storage", storage)
    monkeypatch.setattr(Source._meta.get_field("document"), "storage", storage)
    return root


@pytest.fixture(name="fast_passwords", autouse=False)
def fast_passwords_fixture(settings):
    """The role users' passwords hashed cheaply: these tests are about the scan, not about hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    process = factory.SubFactory(StrategyProcessFactory)
    title = factory.Sequence(lambda n: f"Bron {n}")
