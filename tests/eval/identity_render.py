"""How one customer shows up on one order: name order, phone style, e-mail, address line."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import phonenumbers
from anyascii import anyascii
from identity_model import City, Country, Name, Street
from phonenumbers import PhoneNumber, PhoneNumberFormat

Record = dict[str, str]
FIELDS = ("name", "phone", "email", "address", "city", "postcode", "country")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")
_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


@dataclass(frozen=True)
class Home:
    street: Street
    house: str
    unit: dict[str, str] | None
    city: City
    postcode: str


@dataclass(frozen=True)
class Person:
    country: Country
    female: bool
    given: Name
    surname: Name
    middle: Name
    phone: PhoneNumber
    email: str
    home: Home
    year: int  # of birth; people keep it in every mailbox name they pick


@dataclass(frozen=True)
class View:
    """The choices one order makes when it spells a person; every field has a plain default."""

    phone: str
    script: str = "native"  # native | latin
    order: str = "given"  # given | family | comma | upper
    middle: str = ""  # "" | full | initial
    given: str | None = None
    surname: str | None = None
    email: str | None = None
    street_form: int = 0
    street_alt: int = 0  # 0: the name itself, k: alts[k - 1]
    hood_form: int = 0
    line: int = 0
    unit: int = 0
    house: str | None = None
    fold: str = ""  # "" | ascii | digraph (ü -> ue)
    arabic_digits: bool = False
    city: str | None = None
    postcode: str | None = None
    latin_alt: int = 0  # 0: the main Latin spelling, k: the k-th other spelling


def fold(text: str, style: str) -> str:
    """Text as typed without the local keyboard: plain ASCII, ü as ue, or old cedilla ş/ţ."""
    if not style:
        return text
    if style == "cedilla":
        return text.translate(_CEDILLA)
    if style == "digraph":
        text = text.translate(_GERMAN)
    return anyascii(text)


def email_word(text: str, country: Country) -> str:
    if country.code == "DE":
        text = text.translate(_GERMAN)
    return re.sub(r"[^a-z0-9]", "", anyascii(text).lower())


def latin_spelling(country: Country, word: str, k: int) -> str:
    others = country.alt_latin.get(word, ())
    return others[(k - 1) % len(others)] if k and others else word


def person_name(p: Person, v: View) -> str:
    latin = v.script == "latin"
    given = p.given[1] if latin else p.given[0]
    surname = p.surname[1] if latin else p.surname[0]
    middle = p.middle[1] if latin else p.middle[0]
    if latin and v.latin_alt:
        given = latin_spelling(p.country, given, v.latin_alt)
        surname = latin_spelling(p.country, surname, v.latin_alt)
    given = v.given if v.given is not None else given
    surname = v.surname if v.surname is not None else surname
    middle = {"": "", "full": middle, "initial": middle[:1] + "."}[v.middle]
    parts = {
        "given": (given, middle, surname),
        "family": (surname, given, middle),
        "comma": _sorted_form(surname, given, middle),
        "upper": (surname.upper(), given, middle),
    }[v.order]
    return " ".join(part for part in parts if part)


def _sorted_form(surname: str, given: str, middle: str) -> tuple[str, ...]:
    """'Smith, John'; Dutch prefixes move behind the given name: 'Berg, Sanne van den'."""
    words = surname.split()
    cut = next((i for i, word in enumerate(words) if not word.islower()), 0)
    prefix = " ".join(words[:cut])
    return (" ".join(words[cut:]) + ",", given, middle, prefix)


def street_text(p: Person, v: View) -> str:
    c, street = p.country, p.home.street
    latin = v.script == "latin" and not c.latin_script
    kind = c.types[street.kind]
    forms = kind.latin if latin else kind.forms
    before = kind.latin_before if latin else kind.before
    form = forms[v.street_form % len(forms)]
    name = street.latin if latin else street.name
    if v.street_alt and street.alts and not latin:
        name = street.alts[(v.street_alt - 1) % len(street.alts)]
    if kind.joined:
        return name + form
    if not form:
        return name
    return f"{form} {name}" if before else f"{name} {form}"


def hood_text(p: Person, v: View) -> str:
    c, hood = p.country, p.home.street.hood
    if hood is None:
        return ""
    latin = v.script == "latin" and not c.latin_script
    name = hood[1] if latin else hood[0]
    if c.hood_type is None:
        return name
    forms = c.hood_type.latin if latin else c.hood_type.forms
    form = forms[v.hood_form % len(forms)] if forms else ""
    if not form:
        return name
    before = c.hood_type.latin_before if latin else c.hood_type.before
    return f"{form} {name}" if before else f"{name} {form}"


def address_line(p: Person, v: View) -> str:
    c, home = p.country, p.home
    latin = v.script == "latin" and not c.latin_script
    lines = c.latin_lines if latin and c.latin_lines else c.lines
    units = c.latin_units if latin and c.latin_units else c.units
    unit = units[v.unit % len(units)].format(**home.unit) if home.unit else ""
    line = lines[v.line % len(lines)].format(
        street=street_text(p, v),
        house=v.house if v.house is not None else home.house,
        unit=unit,
        hood=hood_text(p, v),
    )
    line = re.sub(r"\s+", " ", line).strip().strip(",،").strip()
    return line.translate(ARABIC_INDIC) if v.arabic_digits else line


def city_name(p: Person, v: View) -> str:
    if v.city is not None:
        return v.city
    city = p.home.city
    return city.latin if v.script == "latin" else city.name


def render(p: Person, v: View) -> Record:
    record = {
        "name": person_name(p, v),
        "phone": v.phone,
        "email": p.email if v.email is None else v.email,
        "address": address_line(p, v),
        "city": city_name(p, v),
        "postcode": p.home.postcode if v.postcode is None else v.postcode,
        "country": p.country.code,
    }
    if v.fold:
        for key in ("name", "address", "city"):
            record[key] = fold(record[key], v.fold)
    return record


# --- phone numbers -------------------------------------------------------------------


def _split(nsn: str, num: PhoneNumber) -> tuple[str, str]:
    """Area or mobile prefix and subscriber part, the way people group them when typing."""
    if num.country_code == 49 and nsn.startswith("1"):
        size = 3  # German mobiles are written 0151 2345678, not 01512 345678
    else:
        size = phonenumbers.length_of_national_destination_code(num) or 3
    return nsn[:size], nsn[size:]


def _chunks(text: str, *sizes: int) -> list[str]:
    out, i = [], 0
    for size in sizes:
        out.append(text[i : i + size])
        i += size
    if i < len(text):
        out.append(text[i:])
    return [chunk for chunk in out if chunk]


def _local_styles(region: str, nsn: str, ndc: str, sub: str) -> dict[str, str]:
    c = _chunks
    styles = {
        "HU": {
            "06-30/123-4567": f"06-{ndc}/{'-'.join(c(sub, 3))}",
            "+36 (30) 123-4567": f"+36 ({ndc}) {'-'.join(c(sub, 3))}",
            "+36-30-123-4567": f"+36-{ndc}-{'-'.join(c(sub, 3))}",
            "30/123-4567": f"{ndc}/{'-'.join(c(sub, 3))}",
        },
        "DE": {
            "0151/2345678": f"0{ndc}/{sub}",
            "(0151) 2345678": f"(0{ndc}) {sub}",
            "0151-2345678": f"0{ndc}-{sub}",
            "+49 (0)151 2345678": f"+49 (0){ndc} {sub}",
            "0049 151 2345678": f"0049 {ndc} {sub}",
            "0151 2345678": f"0{ndc} {sub}",
            "+49 151 2345678": f"+49 {ndc} {sub}",
        },
        "FR": {
            "06.12.34.56.78": ".".join(c("0" + nsn, 2, 2, 2, 2)),
            "+33 (0)6 12 34 56 78": "+33 (0)" + " ".join(c(nsn, 1, 2, 2, 2)),
            "06-12-34-56-78": "-".join(c("0" + nsn, 2, 2, 2, 2)),
        },
        "GB": {
            "+44 (0)7700 900123": f"+44 (0){nsn[:4]} {nsn[4:]}",
            "07700-900-123": f"0{nsn[:4]}-{nsn[4:7]}-{nsn[7:]}",
        },
        "US": {
            "212-555-0123": f"{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            "212.555.0123": f"{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}",
            "1-212-555-0123": f"1-{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            "+1 (212) 555-0123": f"+1 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}",
        },
        "NL": {
            "06-12345678": f"0{nsn[:1]}-{nsn[1:]}",
            "+31 (0)6 12345678": f"+31 (0){nsn[:1]} {nsn[1:]}",
            "06 1234 5678": f"0{nsn[:1]} {nsn[1:5]} {nsn[5:]}",
        },
        "IT": {
            "347/1234567": f"{nsn[:3]}/{nsn[3:]}",
            "347-1234567": f"{nsn[:3]}-{nsn[3:]}",
            "+39 347 1234567": f"+39 {nsn[:3]} {nsn[3:]}",
            "0039 347 1234567": f"0039 {nsn[:3]} {nsn[3:]}",
        },
        "ES": {"612 345 678": " ".join(c(nsn, 3, 3)), "+34 612345678": f"+34 {nsn}"},
        "PT": {"912 345 678": " ".join(c(nsn, 3, 3)), "00351 912345678": f"00351 {nsn}"},
        "PL": {
            "512-345-678": "-".join(c(nsn, 3, 3)),
            "+48 512-345-678": "+48 " + "-".join(c(nsn, 3, 3)),
            "(+48) 512 345 678": "(+48) " + " ".join(c(nsn, 3, 3)),
        },
        "CZ": {"603 123 456": " ".join(c(nsn, 3, 3)), "+420603123456": f"+420{nsn}"},
        "FI": {
            "040 123 4567": f"0{nsn[:2]} {nsn[2:5]} {nsn[5:]}",
            "040-1234567": f"0{nsn[:2]}-{nsn[2:]}",
            "+358 40 123 4567": f"+358 {nsn[:2]} {nsn[2:5]} {nsn[5:]}",
        },
        "TR": {
            "0532 123 4567": f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "0 (532) 123 45 67": f"0 ({nsn[:3]}) {nsn[3:6]} {nsn[6:8]} {nsn[8:]}",
            "+90 (532) 123-4567": f"+90 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:]}",
            "532 123 45 67": f"{nsn[:3]} {nsn[3:6]} {nsn[6:8]} {nsn[8:]}",
        },
        "RO": {
            "0722.123.456": f"0{nsn[:3]}.{nsn[3:6]}.{nsn[6:]}",
            "0722-123-456": f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}",
            "+40 (722) 123 456": f"+40 ({nsn[:3]}) {nsn[3:6]} {nsn[6:]}",
        },
        "IL": {
            "050-1234567": f"0{nsn[:2]}-{nsn[2:]}",
            "+972-50-1234567": f"+972-{nsn[:2]}-{nsn[2:]}",
            "+972 50 123 4567": f"+972 {nsn[:2]} {nsn[2:5]} {nsn[5:]}",
        },
        "SA": {"+966 50 123 4567": f"+966 {nsn[:2]} {nsn[2:5]} {nsn[5:]}"},
        "AE": {"+971 50 123 4567": f"+971 {nsn[:2]} {nsn[2:5]} {nsn[5:]}"},
        "EG": {
            "010 1234 5678": f"0{nsn[:2]} {nsn[2:6]} {nsn[6:]}",
            "+20 10 1234 5678": f"+20 {nsn[:2]} {nsn[2:6]} {nsn[6:]}",
        },
        "UA": {
            "067-123-45-67": f"0{nsn[:2]}-{nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
            "(067) 123-45-67": f"(0{nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
            "+380 (67) 123-45-67": f"+380 ({nsn[:2]}) {nsn[2:5]}-{nsn[5:7]}-{nsn[7:]}",
            "+38 067 123 45 67": f"+38 0{nsn[:2]} {nsn[2:5]} {nsn[5:7]} {nsn[7:]}",
        },
        "BG": {
            "0887 123 456": f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}",
            "+359 887 123 456": f"+359 {nsn[:3]} {nsn[3:6]} {nsn[6:]}",
        },
        "RU": {
            "+7 (912) 345-67-89": f"+7 ({nsn[:3]}) {nsn[3:6]}-{nsn[6:8]}-{nsn[8:]}",
            "8-912-345-67-89": f"8-{nsn[:3]}-{nsn[3:6]}-{nsn[6:8]}-{nsn[8:]}",
            "8 912 345 67 89": f"8 {nsn[:3]} {nsn[3:6]} {nsn[6:8]} {nsn[8:]}",
            "+7 912 3456789": f"+7 {nsn[:3]} {nsn[3:]}",
        },
    }
    return styles.get(region, {})


_PREFIX = re.compile(
    r"^(\+\d{1,3} \(0\)|\+38 0|\+\d{1,3}|00\d{1,3}|\(\+\d{1,3}\)|06(?=\D)|\(0|0 \(|0|8|1-)"
)


def _shape(example: str) -> str:
    """'06-30/123-4567' -> '06-xx/xxx-xxxx': the pattern of a style, without example digits."""
    match = _PREFIX.match(example)
    cut = match.end() if match else 0
    return example[:cut] + re.sub(r"\d", "x", example[cut:])


def phone_styles(num: PhoneNumber, region: str) -> dict[str, str]:
    """Every way a customer of `region` may type `num`, each checked to parse back to it."""
    nsn = phonenumbers.national_significant_number(num)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    compact = re.sub(r"\D", "", national)
    ndc, sub = _split(nsn, num)
    styles = {
        "international": intl,
        "E.164": e164,
        "00 prefix": "00" + e164[1:],
        "00 prefix, spaced": "00" + intl[1:],
        "national": national,
        "national, no spaces": compact,
        "without trunk prefix": nsn,
        "+cc then number": f"+{num.country_code} {nsn}",
    }
    if "(" not in national:
        styles["national, dashes"] = national.replace(" ", "-")
    mobile = phonenumbers.number_type(num) != phonenumbers.PhoneNumberType.FIXED_LINE
    if mobile or region in ("HU", "DE", "FR", "US"):  # the others' local groupings fit mobiles only
        styles.update(
            {
                _shape(example): text
                for example, text in _local_styles(region, nsn, ndc, sub).items()
            }
        )
    if region in ("SA", "EG", "AE"):
        styles["Arabic-Indic digits"] = compact.translate(ARABIC_INDIC)
        styles["Arabic-Indic, international"] = e164.translate(ARABIC_INDIC)
    if compact == nsn:  # no trunk prefix in this country (IT, US): keep one entry
        del styles["without trunk prefix"]
    return {name: text for name, text in styles.items() if same_number(text, region, num)}


def same_number(text: str, region: str, num: PhoneNumber) -> bool:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed) and parsed == num


def valid_phone(text: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(text, region))
    except phonenumbers.NumberParseException:
        return False


# --- typing slips ---------------------------------------------------------------------

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbour(ch: str, rng: random.Random) -> str:
    for row in _ROWS:
        i = row.find(ch.lower())
        if i >= 0:
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            pick = rng.choice(near)
            return pick.upper() if ch.isupper() else pick
    return ch


def typo(word: str, rng: random.Random) -> tuple[str, str]:
    """One slip a person makes while typing `word` (never its first letter)."""
    if len(word) < 4:
        return word + word[-1], "doubled letter"
    i = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("swapped letters", "missing letter", "doubled letter", "neighbouring key"))
    if slip == "swapped letters" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :], slip
    if slip == "missing letter":
        return word[:i] + word[i + 1 :], slip
    if slip == "neighbouring key" and word[i].isascii() and word[i].isalpha():
        new = _neighbour(word[i], rng)
        if new != word[i]:
            return word[:i] + new + word[i + 1 :], slip
    return word[: i + 1] + word[i] + word[i + 1 :], "doubled letter"
