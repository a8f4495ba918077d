"""The demo shop's catalogue (clothing, shoes, accessories) and the baskets people fill:
clothing, because return abuse needs sizes (bracketing) and occasion wear (wardrobing)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import NamedTuple

from goodbuyer.demo.countries import Country, local_price, money
from goodbuyer.demo.writer import cell

APPAREL = ("XS", "S", "M", "L", "XL", "XXL")
SHOES = ("36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46")
WAIST = ("28", "29", "30", "31", "32", "33", "34", "36")
BELT = ("80", "85", "90", "95", "100")
SOCK = ("36-38", "39-42", "43-46")
ONE = ("",)
COLOURS = {
    "black": "BLK", "white": "WHT", "navy": "NVY", "grey": "GRY", "beige": "BGE",
    "red": "RED", "green": "GRN", "blue": "BLU", "pink": "PNK", "brown": "BRN",
    "olive": "OLV", "burgundy": "BUR", "gold": "GLD", "cream": "CRM",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Product:
    code: str
    name: str
    kind: str  # basic, occasion, outerwear, shoes, accessory, subscription
    price: int  # euro cents, the list price
    cost: float  # share of the price the shop paid
    sizes: tuple[str, ...]
    colours: tuple[str, ...]


def _p(
    code: str, name: str, kind: str, price: int, sizes: tuple[str, ...], colours: str
) -> Product:
    cost = {"basic": 0.38, "occasion": 0.33, "outerwear": 0.4, "shoes": 0.42}.get(kind, 0.35)
    return Product(code, name, kind, price, cost, sizes, tuple(colours.split()))


PRODUCTS: tuple[Product, ...] = (
    _p("TEE", "Organic cotton T-shirt", "basic", 1990, APPAREL, "black white navy grey olive"),
    _p("TNK", "Ribbed tank top", "basic", 1490, APPAREL, "black white beige"),
    _p("HOOD", "Hoodie", "basic", 4990, APPAREL, "black grey navy green"),
    _p("SWT", "Merino sweater", "basic", 7990, APPAREL, "grey navy cream burgundy"),
    _p("JNS", "Slim jeans", "basic", 6990, WAIST, "blue black grey"),
    _p("CHN", "Chino trousers", "basic", 5990, WAIST, "beige navy olive"),
    _p("SHR", "Linen shirt", "basic", 4990, APPAREL, "white blue beige"),
    _p("DRS", "Summer dress", "basic", 5990, APPAREL, "blue red green cream"),
    _p("SKT", "Pleated skirt", "basic", 4990, APPAREL, "black navy beige"),
    _p("SWM", "Swimsuit", "basic", 4990, APPAREL, "black red blue"),
    _p("PYJ", "Pyjama set", "basic", 5990, APPAREL, "navy pink grey"),
    _p("GYM", "Sports leggings", "basic", 4490, APPAREL, "black grey navy"),
    _p("SCK", "Socks 3-pack", "basic", 1290, SOCK, "black white grey"),
    _p("BLS", "Silk blouse", "occasion", 8990, APPAREL, "cream black pink"),
    _p("EVD", "Evening dress", "occasion", 18990, APPAREL, "black burgundy navy green gold"),
    _p("CKT", "Cocktail dress", "occasion", 12990, APPAREL, "black red navy"),
    _p("JMP", "Jumpsuit", "occasion", 9990, APPAREL, "black green beige"),
    _p("BLZ", "Tailored blazer", "occasion", 14990, APPAREL, "black navy beige"),
    _p("SUI", "Wool suit", "occasion", 29990, APPAREL, "black navy grey"),
    _p("HEL", "Heeled sandals", "occasion", 10990, SHOES, "black gold beige"),
    _p("CLT", "Clutch bag", "occasion", 7990, ONE, "black gold cream"),
    _p("COA", "Wool coat", "outerwear", 24990, APPAREL, "black beige navy"),
    _p("PUF", "Puffer jacket", "outerwear", 15990, APPAREL, "black olive navy"),
    _p("RAI", "Rain jacket", "outerwear", 8990, APPAREL, "navy green red"),
    _p("SNK", "Leather sneakers", "shoes", 9990, SHOES, "white black"),
    _p("BOT", "Chelsea boots", "shoes", 14990, SHOES, "black brown"),
    _p("LOF", "Loafers", "shoes", 11990, SHOES, "black brown burgundy"),
    _p("SCF", "Cashmere scarf", "accessory", 6990, ONE, "grey beige burgundy navy"),
    _p("BAG", "Leather tote bag", "accessory", 15990, ONE, "black brown beige"),
    _p("BLT", "Leather belt", "accessory", 3990, BELT, "black brown"),
    _p("CAP", "Baseball cap", "accessory", 2490, ONE, "black navy beige"),
    _p("SUN", "Sunglasses", "accessory", 8990, ONE, "black brown"),
    _p("WAT", "Minimalist watch", "accessory", 19990, ONE, "black gold"),
    _p("KNT", "Knitted beanie", "accessory", 2490, ONE, "grey black red"),
    _p("SUB", "Sock club subscription (monthly)", "subscription", 990, SOCK, "black"),
)
_SHOPPABLE = tuple(p for p in PRODUCTS if p.kind != "subscription")
_OCCASION = tuple(p for p in PRODUCTS if p.kind == "occasion")
_SIZED = tuple(p for p in _SHOPPABLE if len(p.sizes) > 3)
_PREMIUM = tuple(p for p in _SHOPPABLE if p.price >= 8990)
SUBSCRIPTION = PRODUCTS[-1]
_PRICES: dict[tuple[str, str], tuple[int, int]] = {}
_LINES: dict[tuple[str, str, str, int, str], Line] = {}


class Line(NamedTuple):
    sku: str
    product: str
    size: str
    colour: str
    quantity: int
    unit_price: int  # minor units
    unit_cost: int  # minor units
    kind: str
    tail: str  # the line's columns of an orders.csv row


@dataclass(frozen=True, slots=True)
class Fit:
    """A customer's sizes: the same person orders the same sizes every time."""

    apparel: int  # index into APPAREL
    shoes: int  # index into SHOES
    waist: int  # index into WAIST


def prices(product: Product, country: Country) -> tuple[int, int]:
    """(price, cost) in the country's minor units."""
    key = (product.code, country.code)
    found = _PRICES.get(key)
    if found is None:
        price = local_price(product.price, country)
        cost = round(product.price * product.cost * country.rate / 100) * 100
        found = _PRICES[key] = (price, min(cost, price))
    return found


def own_size(product: Product, fit: Fit, shift: int = 0) -> str:
    sizes = product.sizes
    if len(sizes) == 1:
        return sizes[0]
    if sizes is APPAREL:
        index = fit.apparel
    elif sizes is SHOES:
        index = fit.shoes
    elif sizes is WAIST:
        index = fit.waist
    else:
        index = len(sizes) // 2
    return sizes[max(0, min(len(sizes) - 1, index + shift))]


def line(product: Product, size: str, colour: str, quantity: int, country: Country) -> Line:
    key = (product.code, size, colour, quantity, country.code)
    found = _LINES.get(key)
    if found is None:
        price, cost = prices(product, country)
        code = COLOURS[colour]
        sku = f"{product.code}-{size}-{code}" if size else f"{product.code}-{code}"
        currency = country.currency
        amounts = f"{money(price, currency)},{money(cost, currency)}"
        tail = f"{sku},{cell(product.name)},{size},{colour},{quantity},{amounts}"
        found = _LINES[key] = Line(
            sku, product.name, size, colour, quantity, price, cost, product.kind, tail
        )
    return found


def _pick(products: tuple[Product, ...], r: random.Random) -> Product:
    return products[int(r.random() * len(products))]


def _simple(product: Product, fit: Fit, country: Country, r: random.Random) -> Line:
    colour = product.colours[int(r.random() * len(product.colours))]
    quantity = 2 if product.kind == "basic" and r.random() < 0.12 else 1
    return line(product, own_size(product, fit), colour, quantity, country)


def _distinct(pool: tuple[Product, ...], count: int, r: random.Random) -> list[Product]:
    if count == 1:
        return [_pick(pool, r)]
    return r.sample(pool, min(count, len(pool)))


def basket(style: str, fit: Fit, country: Country, r: random.Random) -> list[Line]:
    """The lines of one order for a shopper of `style` (see `Behaviour.basket`)."""
    if style == "bracket" and r.random() < 0.85:
        return _bracket(fit, country, r)
    if style == "premium":
        chosen = _distinct(_PREMIUM, r.randint(2, 5), r)
    elif style == "bulk":
        chosen = _distinct(_SHOPPABLE, r.randint(4, 9), r)
    elif style == "occasion":
        chosen = [_pick(_OCCASION, r), *_distinct(_SHOPPABLE, int(r.random() < 0.3), r)]
    else:
        count = 1 if r.random() < 0.6 else (2 if r.random() < 0.7 else 3)
        chosen = _distinct(_SHOPPABLE, count, r)
    return [_simple(p, fit, country, r) for p in chosen]


def _bracket(fit: Fit, country: Country, r: random.Random) -> list[Line]:
    """One product in neighbouring sizes (or in several colours): try all, keep one."""
    product = _pick(_SIZED, r)
    colours = product.colours
    if r.random() < 0.7:
        colour = colours[int(r.random() * len(colours))]
        shifts = (-1, 0, 1) if r.random() < 0.6 else (0, 1)
        sizes = list(dict.fromkeys(own_size(product, fit, s) for s in shifts))
        lines = [line(product, size, colour, 1, country) for size in sizes]
        if len(lines) > 1:
            return lines
    picked = r.sample(colours, min(len(colours), r.randint(2, 3)))
    return [line(product, own_size(product, fit), c, 1, country) for c in picked]


def subscription(fit: Fit, country: Country) -> Line:
    return line(SUBSCRIPTION, own_size(SUBSCRIPTION, fit), "black", 1, country)


__all__ = [
    "APPAREL",
    "PRODUCTS",
    "SHOES",
    "SUBSCRIPTION",
    "WAIST",
    "Fit",
    "Line",
    "Product",
    "basket",
    "line",
    "own_size",
    "prices",
    "subscription",
]
