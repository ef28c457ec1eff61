"""Numbers and amounts as the reader's language writes them, through Django's localisation: '10.000' and
'€ 50.000,00' in Dutch, '10,000' and '€50,000.00' in English. One place for every page, PDF, export and the
money field of a form; templates use the filters of ``{% load numbers %}``."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import get_language


def format_number(value: int | Decimal, decimal_places: int | None = None) -> str:
    """10000 -> '10.000' (Dutch) or '10,000' (English): always grouped, whatever USE_THOUSAND_SEPARATOR says.
    Decimals are rounded half up to ``decimal_places``."""
    if decimal_places is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    return formats.number_format(value, decimal_pos=decimal_places, use_l10n=True, force_grouping=True)


def format_amount(amount: Decimal | int) -> str:
    """Decimal('50000') -> '€ 50.000,00' in Dutch, '€50,000.00' in English (each language's own way)."""
    text = format_number(Decimal(amount), 2)
    if (get_language() or "nl").startswith("en"):
        return f"€{text}" if not text.startswith("-") else f"-€{text[1:]}"
    return f"€ {text}"


def format_percent(value: Decimal | float, places: int = 1) -> str:
    """66.666 -> '66,7%' (Dutch) or '66.7%'; a whole number without decimals: 100 -> '100%'."""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"{format_number(int(value))}%"
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{format_number(rounded, places)}%"


def parse_amount(text: str) -> Decimal:
    """An amount as a user types it in the current language: '€ 50.000,00', '50000', '50.000' or '1.250,5' in
    Dutch; '50,000.00' in English. Raises ValueError when it is not a number."""
    value = "".join(str(text).replace("€", "").split())
    thousands = formats.get_format("THOUSAND_SEPARATOR")
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    if decimal in value:
        whole, _, fraction = value.rpartition(decimal)
        value = whole.replace(thousands, "") + "." + fraction
    elif thousands == "." and value.count(".") == 1 and len(value.rpartition(".")[2]) != 3:
        pass  # '12.5' in Dutch: a decimal point after all, not a thousands separator
    else:
        value = value.replace(thousands, "")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
