"""Data model of the hold-out set: country tables, people and how a record is typed.

The country tables (holdout_tables_*.py) are written with the small constructors below
(`G`, `F`, `S`, `C`): alternatives are separated by commas and the parts of a spec by
'|'. A person is drawn from a country's tables; a `Look` says how one order spells that
person (script, name form and order, phone format, street abbreviation, unit notation,
postcode format, dropped fields), and `render` turns the two into a record.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import phonenumbers as pn


def alts(text: str) -> tuple[str, ...]:
    """'Portland,Portland OR,Portland, OR': a comma followed by a space belongs to the text."""
    return tuple(x.strip() for x in re.split(r",(?! )", text) if x.strip())


def _parts(spec: str, n: int) -> list[str]:
    parts = spec.split("|")
    return parts + [""] * (n - len(parts))


@dataclass(frozen=True)
class Given:
    """A given name: Latin spellings (first is the usual), native script, short forms."""

    forms: tuple[str, ...]
    native: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    short_native: tuple[str, ...] = ()
    grp: str = ""  # the naming traditions (family-name groups) it belongs to; '' for any

    @property
    def key(self) -> str:
        return self.forms[0]

    def fits(self, family: Family) -> bool:
        return not self.grp or not family.grp or family.grp in self.grp


def G(spec: str, grp: str = "") -> Given:
    forms, native, short, short_native = _parts(spec, 4)
    return Given(alts(forms), alts(native), alts(short), alts(short_native), grp)


@dataclass(frozen=True)
class Family:
    """A family name: Latin spellings and native script, with female forms where they differ."""

    forms: tuple[str, ...]
    native: tuple[str, ...] = ()
    f_forms: tuple[str, ...] = ()
    f_native: tuple[str, ...] = ()
    grp: str = ""  # naming tradition, for countries with several (IN, ZA, CA)

    @property
    def key(self) -> str:
        return self.forms[0]

    def latin(self, sex: str) -> tuple[str, ...]:
        return self.f_forms if sex == "f" and self.f_forms else self.forms

    def script(self, sex: str) -> tuple[str, ...]:
        return self.f_native if sex == "f" and self.f_native else self.native


def F(spec: str, grp: str = "") -> Family:
    forms, native, f_forms, f_native = _parts(spec, 4)
    return Family(alts(forms), alts(native), alts(f_forms), alts(f_native), grp)


@dataclass(frozen=True)
class Street:
    """A street: spellings (first is the full one, then abbreviations) and native script.

    `area` is a district written into the address (colonia, bairro, suburb, sector, gu),
    as (Latin, native). `pcs` are the postcodes of the street when it has its own.
    `tmpl*` replace the country's address templates for this street.
    """

    forms: tuple[str, ...]
    native: tuple[str, ...] = ()
    area: tuple[str, str] | None = None
    pcs: tuple[str, ...] = ()
    tmpl: tuple[str, ...] = ()
    tmpl_plain: tuple[str, ...] = ()
    tmpl_nat: tuple[str, ...] = ()
    tmpl_nat_plain: tuple[str, ...] = ()


def S(
    spec: str,
    area: str | tuple[str, str] | None = None,
    pcs: str = "",
    tmpl: tuple[str, ...] = (),
    tmpl_plain: tuple[str, ...] = (),
    tmpl_nat: tuple[str, ...] = (),
    tmpl_nat_plain: tuple[str, ...] = (),
) -> Street:
    forms, native = _parts(spec, 2)
    if isinstance(area, str):
        area = (area, area)
    return Street(
        alts(forms), alts(native), area, alts(pcs), tmpl, tmpl_plain, tmpl_nat, tmpl_nat_plain
    )


@dataclass(frozen=True)
class City:
    names: tuple[str, ...]
    native: tuple[str, ...] = ()
    pcs: tuple[str, ...] = ()
    streets: tuple[Street, ...] = ()


def C(spec: str, pcs: str = "", streets: tuple[Street, ...] = ()) -> City:
    names, native = _parts(spec, 2)
    return City(alts(names), alts(native), alts(pcs), streets)


@dataclass(frozen=True)
class Place:
    """A shared address: a parcel locker, pickup point or office. `{id}` is per customer."""

    addr: str
    city: str
    pc: str
    what: str
    domain: str = ""


def default_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(1, 120)),
        "f": str(rng.randint(1, 6)),
        "d": rng.choice("ABCD"),
        "u": str(rng.randint(1, 40)),
    }


@dataclass
class Country:
    code: str
    male: list[Given]
    female: list[Given]
    families: list[Family]
    cities: list[City]
    addr: list[str]
    addr_plain: list[str]
    mobile: list[str]
    nsn: tuple[int, ...]
    mail: list[str]
    places: list[Place]
    streets: list[Street] = field(default_factory=list)
    addr_nat: list[str] = field(default_factory=list)
    addr_nat_plain: list[str] = field(default_factory=list)
    unit_p: float = 0.5
    av: Callable[[random.Random], dict[str, Any]] = default_av
    house_keys: tuple[str, ...] = ("n",)
    phone_styles: list[str] = field(default_factory=lambda: ["nat", "natd", "intl", "e164", "00"])
    nat_phone_styles: list[str] = field(default_factory=list)
    pc_fill: Callable[[random.Random, str], str] = lambda rng, pc: pc
    pc_variants: Callable[[str], list[str]] = lambda pc: [pc]
    names: str = "western"  # western | eastern | iberian | lusophone | patronymic
    spouse_keeps: float = 0.2  # chance that a wife keeps her own family name
    alike: list[tuple[str, str]] = field(default_factory=list)
    folds: list[str] = field(default_factory=lambda: ["strip"])
    middle: str = ""  # initial | second | initials | surname | father | ""
    middles: list[str] = field(default_factory=list)
    nat_digits: str = ""  # persian: Persian digits in native-script addresses
    suffixes: tuple[str, str] = ("", "")  # father / son, as in Sr. / Jr.
    hyphen_p: float = 0.0  # chance that a married woman has a hyphenated family name
    latin_order: str = "gf"  # usual order of a romanised eastern name


# --- text helpers -------------------------------------------------------------------

_SPECIAL = {
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "Ð": "D",
    "ı": "i",
}
_GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
_NORDIC = {"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa", "æ": "ae", "Æ": "Ae"}


def strip_marks(text: str) -> str:
    text = "".join(_SPECIAL.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def fold(text: str, mode: str) -> str:
    if mode == "de":
        text = "".join(_GERMAN.get(ch, ch) for ch in text)
    elif mode == "nordic":
        text = "".join(_NORDIC.get(ch, ch) for ch in text)
    return strip_marks(text) if mode else text


def ascii_word(text: str, mode: str = "strip") -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text, mode or "strip").lower())


PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


# --- phones ---------------------------------------------------------------------------


def make_phone(rng: random.Random, c: Country, prefixes: list[str] | None = None) -> str:
    """A valid mobile number of the country, as E.164."""
    for _ in range(1000):
        prefix = rng.choice(prefixes or c.mobile)
        length = rng.choice(c.nsn)
        nsn = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        num = pn.parse("+" + str(pn.country_code_for_region(c.code)) + nsn)
        kind = pn.number_type(num)
        if pn.is_valid_number_for_region(num, c.code) and kind in (
            pn.PhoneNumberType.MOBILE,
            pn.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ):
            return pn.format_number(num, pn.PhoneNumberFormat.E164)
    raise ValueError(f"no valid mobile number for {c.code} from {prefixes or c.mobile}")


def phone_valid(e164: str, region: str) -> bool:
    try:
        num = pn.parse(e164, region)
    except pn.NumberParseException:
        return False
    return pn.is_valid_number_for_region(num, region)


def _groups(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def format_phone(e164: str, style: str) -> str:
    num = pn.parse(e164)
    nat = pn.format_number(num, pn.PhoneNumberFormat.NATIONAL)
    intl = pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL)
    nsn = pn.national_significant_number(num)
    cc = str(num.country_code)
    natd = "".join(_groups(nat))
    groups = _groups(nat)
    rest = intl.split(" ", 1)[1]
    styles = {
        "nat": nat,
        "natd": natd,
        "intl": intl,
        "e164": "+" + cc + nsn,
        "00": "00" + intl[1:],
        "00d": "00" + cc + nsn,
        "dash": "-".join(groups),
        "dot": ".".join(groups),
        "space": " ".join(groups),
        "intl_dash": "+" + cc + "-" + "-".join(_groups(rest)),
        "cc": cc + " " + nsn,
        "ccdash": "+" + cc + "-" + nsn,
        "paren0": "+" + cc + " (0)" + rest,
        "nsn": nsn,
        "slash": groups[0] + "/" + "".join(groups[1:]),
        "us1": "1-" + "-".join(groups),
        "fa": nat.translate(PERSIAN),
        "fad": natd.translate(PERSIAN),
        "fw": nat.translate(FULLWIDTH),
    }
    return styles[style]


def phone_key(text: str, region: str) -> str:
    """The number behind a typed phone, as E.164 ('' when empty)."""
    if not text:
        return ""
    return pn.format_number(pn.parse(text, region), pn.PhoneNumberFormat.E164)


def mailbox_key(email: str) -> str:
    """The mailbox behind an address: case, gmail dots, +tags and googlemail folded."""
    if not email:
        return ""
    local, _, domain = email.lower().partition("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        domain = "gmail.com"
        local = local.replace(".", "")
    return local + "@" + domain


# --- people and their records -----------------------------------------------------------


@dataclass
class Person:
    c: Country
    sex: str
    given: Given
    family: Family
    year: int
    phone: str
    email: str
    city: City
    street: Street
    av: dict[str, Any]
    unit: bool
    pc: str
    family2: Family | None = None
    middle: Given | str | None = None
    suffix: str = ""
    place: Place | None = None
    place_id: str = ""
    hyphen: Family | None = None  # a second family name joined with '-'


@dataclass(frozen=True)
class Look:
    script: str = "lat"  # lat | nat
    gi: int = 0  # which spelling of the given name
    fi: int = 0  # which spelling of the family name
    ni: int = 0  # which native form (JP: kanji 0, katakana 1)
    short: int = -1  # a short form of the given name, when >= 0
    order: str = "gf"  # gf | fg | f,g | FG | GF | Ig
    gap: bool = True  # eastern native names: a space between family and given name
    double: str = "both"  # both | first | last (two family names, or a hyphenated one)
    middle: str = "none"  # none | full | initial
    initials: bool = False  # given names as initials (P.J. de Vries)
    phone: str = "nat"
    si: int = 0  # street spelling
    ti: int = 0  # address template
    ci: int = 0  # city spelling
    pi: int = 0  # postcode spelling
    fold: str = ""  # '', strip, de, nordic
    case: str = ""  # '', upper, lower
    email: str | None = None  # a different spelling of the person's mailbox
    fw: bool = False  # full-width digits in a Japanese address
    drop: tuple[str, ...] = ()
    fix: tuple[tuple[str, str, str], ...] = ()  # (field, text, typed instead): typing slips

    def with_(self, **kw: Any) -> Look:
        return replace(self, **kw)


def _pick(options: tuple[str, ...], i: int) -> str:
    return options[i % len(options)]


def family_text(p: Person, lk: Look, nat: bool) -> str:
    def one(fam: Family) -> str:
        if nat and fam.script(p.sex):
            return _pick(fam.script(p.sex), lk.ni if p.c.names == "eastern" else 0)
        return _pick(fam.latin(p.sex), lk.fi)

    first = one(p.family)
    if p.family2 is not None:
        second = one(p.family2)
        return {"both": f"{first} {second}", "first": first, "last": second}[lk.double]
    if p.hyphen is not None:
        second = one(p.hyphen)
        return {"both": f"{first}-{second}", "first": first, "last": second}[lk.double]
    return first


def given_text(p: Person, lk: Look, nat: bool) -> str:
    g = p.given
    if lk.short >= 0:
        if nat and g.short_native:
            return _pick(g.short_native, lk.short)
        return _pick(g.short, lk.short)
    if nat and g.native:
        return _pick(g.native, lk.ni if p.c.names == "eastern" else 0)
    return _pick(g.forms, lk.gi)


def middle_text(p: Person, lk: Look, nat: bool) -> str:
    if lk.middle == "none" or p.middle is None:
        return ""
    m = p.middle
    text = m if isinstance(m, str) else (m.native[0] if nat and m.native else m.forms[0])
    return text[0] + "." if lk.middle == "initial" else text


def initials_of(text: str) -> str:
    return "".join(part[0] + "." for part in re.split(r"[\s-]+", text) if part)


def render_name(p: Person, lk: Look) -> str:
    nat = lk.script == "nat" and bool(p.given.native)
    g = given_text(p, lk, nat)
    f = family_text(p, lk, nat)
    m = middle_text(p, lk, nat)
    if lk.initials:
        g = initials_of(g + (" " + m if m else ""))
        m = ""
    if nat and p.c.names == "eastern":
        return f + (" " if lk.gap else "") + g
    gm = f"{g} {m}" if m else g
    if lk.initials:
        gm = g
    if lk.order == "gf":
        name = f"{gm} {f}"
    elif lk.order == "fg":
        name = f"{f} {gm}"
    elif lk.order == "f,g":
        name = f"{f}, {gm}"
    elif lk.order == "FG":
        name = f"{f.upper()} {gm}"
    elif lk.order == "Ig":  # South Indian: the father's name as an initial in front
        name = f"{f[0]}. {gm}"
    else:
        name = f"{gm} {f.upper()}"
    if p.suffix:
        name = f"{name} {p.suffix}"
    if lk.fold and not nat:
        name = fold(name, lk.fold)
    if lk.case == "upper":
        name = name.upper()
    elif lk.case == "lower":
        name = name.lower()
    return name


def render_address(p: Person, lk: Look) -> str:
    if p.place is not None:
        return p.place.addr.format(id=p.place_id)
    c, st = p.c, p.street
    nat = lk.script == "nat" and bool(st.native) and bool(c.addr_nat or st.tmpl_nat)
    if nat:
        tmpls = (st.tmpl_nat or c.addr_nat) if p.unit else (st.tmpl_nat_plain or c.addr_nat_plain)
        s = _pick(st.native, lk.si)
    else:
        tmpls = (st.tmpl or c.addr) if p.unit else (st.tmpl_plain or c.addr_plain)
        s = _pick(st.forms, lk.si)
    values = {k: (v[1] if nat else v[0]) if isinstance(v, tuple) else v for k, v in p.av.items()}
    if st.area is not None:
        values["a"] = st.area[1] if nat else st.area[0]
    line = tmpls[lk.ti % len(tmpls)].format(s=s, **values)
    if nat and c.nat_digits == "persian":
        line = line.translate(PERSIAN)
    if lk.fw:
        line = line.translate(FULLWIDTH)
    if lk.fold and not nat:
        line = fold(line, lk.fold)
    return line


def render_city(p: Person, lk: Look) -> str:
    if p.place is not None:
        return p.place.city
    nat = lk.script == "nat" and bool(p.city.native)
    text = _pick(p.city.native if nat else p.city.names, lk.ci)
    return fold(text, lk.fold) if lk.fold and not nat else text


def render_postcode(p: Person, lk: Look) -> str:
    if p.place is not None:
        return p.place.pc
    text = _pick(tuple(p.c.pc_variants(p.pc)), lk.pi)
    if lk.script == "nat" and p.c.nat_digits == "persian":
        text = text.translate(PERSIAN)
    return text


def render(p: Person, lk: Look) -> dict[str, str]:
    rec = {
        "name": render_name(p, lk),
        "phone": format_phone(p.phone, lk.phone) if p.phone else "",
        "email": lk.email if lk.email is not None else p.email,
        "address": render_address(p, lk),
        "city": render_city(p, lk),
        "postcode": render_postcode(p, lk),
        "country": p.c.code,
    }
    for key, text, typed in lk.fix:
        rec[key] = rec[key].replace(text, typed, 1)
    for key in lk.drop:
        rec[key] = ""
    return rec
