"""How a value of a unit reads: '1.234', '12,5%', 'ja', '€ 50.000,00' (Dutch notation)."""

from decimal import Decimal

from django.utils.translation import gettext as _


def format_value(value: Decimal | None, unit: str) -> str:
    """A value as people read it: '1.234', '12,5%', 'ja', '€ 50.000,00'."""
    if value is None:
        return "–"
    if unit == "yes_no":
        return _("ja") if value == 1 else _("nee")
    quantized = value.quantize(Decimal("0.01"))
    if unit == "euros":
        decimals = 2
    elif quantized == quantized.to_integral_value():
        decimals = 0
    else:
        decimals = 1 if quantized * 10 == (quantized * 10).to_integral_value() else 2
    text = f"{quantized:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    if unit == "percentage":
        return f"{text}%"
    if unit == "euros":
        return f"€ {text}"
    return text


def input_text(value: Decimal | None, unit: str) -> str:
    """A value as a form field shows it again: Dutch notation without the unit's sign."""
    if value is None:
        return ""
    return format_value(value, unit).removeprefix("€ ").removesuffix("%")
