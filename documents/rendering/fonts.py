"""The fonts shipped with the project (static/fonts/), so that a rendering never depends on the fonts a server
happens to have. The PDF stylesheet declares them with @font-face under FONT_FAMILY.

DejaVu Sans: the Bitstream Vera licence (permissive; static/fonts/LICENSE-DejaVu.txt).
"""

from weasyprint.text.fonts import FontConfiguration

from core.pdf import static_path

FONT_FAMILY = "VS Sans"
SHIPPED_FONTS = [
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/DejaVuSans-Oblique.ttf",
    "fonts/DejaVuSans-BoldOblique.ttf",
]
LICENCE = "fonts/LICENSE-DejaVu.txt"


def font_configuration() -> FontConfiguration:
    """A fresh font configuration for one rendering: WeasyPrint keeps the @font-face fonts it fetched in it."""
    return FontConfiguration()


def missing_fonts() -> list[str]:
    """The shipped fonts that cannot be found among the static files (empty when all is well)."""
    missing = []
    for relative in SHIPPED_FONTS:
        try:
            static_path(relative)
        except ValueError:
            missing.append(relative)
    return missing
