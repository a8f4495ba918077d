"""Size and colour of a product variant, from named options or a title like "M / Black".

Named options win ("Size" = "M"); a bare title is split on " / " and each value is
recognised by its look (a size such as "XL", "42", "W32/L34") or by elimination.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SIZE_NAMES = frozenset(
    "size taille größe grösse talla taglia maat rozmiar velikost mărime méret beden "
    "koko storlek størrelse مقاس المقاس الحجم".split()
)
_COLOUR_NAMES = frozenset(
    "color colour couleur farbe colore kleur kolor barva culoare szín szin renk "
    "väri färg farge اللون لون".split()
)
_SIZE_WORDS = frozenset(
    "xxs xs s m l xl xxl xxxl 2xl 3xl 4xl 5xl small medium large one-size onesize "
    "petite regular tall".split()
)
_SIZE_PATTERN = re.compile(
    r"^(\d{1,3}([.,]\d)?|(eu|uk|us|fr|it)\s?\d{1,3}([.,]\d)?|w\d{2}(\s?/\s?l\d{2})?"
    r"|\d{1,3}\s?(ml|l|g|kg|cm|mm)|one size|x{0,3}[sl]|\d?x{1,3}l)$",
    re.IGNORECASE,
)
_COLOUR_WORDS = frozenset(
    "black white grey gray red blue green yellow orange pink purple brown beige navy "
    "fekete fehér szürke piros kék zöld sárga narancs rózsaszín lila barna "
    "schwarz weiß weiss grau rot blau grün gelb noir blanc gris rouge bleu vert "
    "أسود أبيض رمادي أحمر أزرق أخضر أصفر وردي بني".split()
)
_NOT_A_VARIANT = frozenset({"default title", "default"})


def option_kind(name: str) -> str | None:
    """'size', 'colour' or None for an option name ('Size', 'pa_color', 'Méret')."""
    key = name.strip().casefold().removeprefix("pa_").removeprefix("attribute_pa_")
    key = key.removeprefix("attribute_").replace("-", " ").replace("_", " ").strip()
    if key in _SIZE_NAMES or key.endswith(" size"):
        return "size"
    if key in _COLOUR_NAMES or key.endswith(" colour") or key.endswith(" color"):
        return "colour"
    return None


def looks_like_size(value: str) -> bool:
    folded = value.strip().casefold()
    return folded in _SIZE_WORDS or bool(_SIZE_PATTERN.match(folded))


def from_options(options: Iterable[tuple[str, str]]) -> tuple[str | None, str | None]:
    """(size, colour) from (option name, value) pairs; unknown option names are skipped."""
    size = colour = None
    for name, value in options:
        kind, value = option_kind(name), value.strip()
        if not value:
            continue
        if kind == "size" and size is None:
            size = value
        elif kind == "colour" and colour is None:
            colour = value
    return size, colour


def from_title(title: str | None) -> tuple[str | None, str | None]:
    """(size, colour) from a variant title such as "M / Black", "Black / 42" or "XL"."""
    if not title or title.strip().casefold() in _NOT_A_VARIANT:
        return None, None
    values = [v.strip() for v in title.split(" / ") if v.strip()]
    sizes = [v for v in values if looks_like_size(v)]
    others = [v for v in values if not looks_like_size(v)]
    size = sizes[0] if sizes else None
    colour = None
    if len(values) == 2 and len(sizes) == 1:
        colour = others[0]  # "M / Black": the value beside a size
    elif len(values) == 1 and others and others[0].casefold() in _COLOUR_WORDS:
        colour = others[0]  # a lone value only when it is a known colour ("Cotton" is not)
    return size, colour


__all__ = ["from_options", "from_title", "looks_like_size", "option_kind"]
