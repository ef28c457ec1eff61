"""Numbers and amounts in the reader's language (core.numbers, the filters, the amount field)."""

from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from core.forms import AmountField
from core.numbers import format_amount, format_number, format_percent, parse_amount


def test_dutch_numbers_and_amounts():
    with translation.override("nl"):
        assert format_number(10000) == "10.000"
        assert format_number(668) == "668"
        assert format_amount(Decimal("50000")) == "€ 50.000,00"
        assert format_amount(Decimal("250000.5")) == "€ 250.000,50"
        assert format_percent(Decimal("66.666")) == "66,7%"
        assert format_percent(100) == "100%"


def test_english_numbers_and_amounts():
    with translation.override("en"):
        assert format_number(10000) == "10,000"
        assert format_amount(Decimal("50000")) == "€50,000.00"
        assert format_percent(Decimal("66.666")) == "66.7%"


def test_the_filters_format_in_the_active_language():
    template = Template("{% load numbers %}{{ a|amount }} | {{ n|number }} | {{ none|amount }}")
    context = Context({"a": Decimal("50000"), "n": 1234567, "none": None})
    with translation.override("nl"):
        assert template.render(context) == "€ 50.000,00 | 1.234.567 | "
    with translation.override("en"):
        assert template.render(context) == "€50,000.00 | 1,234,567 | "


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("50.000,00", Decimal("50000.00")),
        ("€ 50.000", Decimal("50000")),
        ("50000", Decimal("50000")),
        ("1.250,5", Decimal("1250.5")),
        ("12.5", Decimal("12.5")),
        ("1.000.000", Decimal("1000000")),
    ],
)
def test_amounts_typed_the_dutch_way(typed, amount):
    with translation.override("nl"):
        assert parse_amount(typed) == amount


def test_amounts_typed_the_english_way():
    with translation.override("en"):
        assert parse_amount("50,000.00") == Decimal("50000.00")


class AmountForm(forms.Form):
    amount = AmountField(label="Bedrag", required=False)


def test_the_amount_field_reads_and_shows_dutch_and_refuses_nonsense_in_dutch():
    with translation.override("nl"):
        form = AmountForm(data={"amount": "€ 50.000,00"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["amount"] == Decimal("50000.00")
        assert 'value="50.000,00"' in str(AmountForm(initial={"amount": Decimal("50000")})["amount"])
        for nonsense in ("veel", "1e400", "NaN", "-5"):
            form = AmountForm(data={"amount": nonsense})
            assert not form.is_valid()
        assert AmountForm(data={"amount": "veel"}).errors["amount"] == [
            "Vul een bedrag in euro's in, bijvoorbeeld 50.000,00."
        ]
        assert not AmountForm(data={"amount": "10000000000000"}).is_valid()  # past max_digits
