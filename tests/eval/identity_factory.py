"""Fictitious customers drawn from the country tables, each with the habits of one shopper."""

from __future__ import annotations

import random
from dataclasses import replace
from difflib import SequenceMatcher

import phonenumbers
from identity_model import City, Country, Name, Street
from identity_render import ROMAN, Home, Person, View, email_word, phone_styles, same_number
from phonenumbers import PhoneNumber, PhoneNumberType

_MOBILE = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_PATTERNS = (
    "{g}.{s}",
    "{g}{s}",
    "{g0}.{s}",
    "{s}.{g}",
    "{g}.{s}{yy}",
    "{g}{s}{yy}",
    "{g0}{s}",
    "{s}{g0}{yy}",
    "{g}_{s}",
    "{g}{yyyy}",
    "{s}.{g}{yyyy}",
    "{g}.{s0}",
)
_EVERYDAY = ("national", "national, no spaces", "international", "E.164")


class Factory:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.phones: set[str] = set()
        self.emails: set[str] = set()

    # --- contact details ---------------------------------------------------------------

    def phone(self, c: Country, *, landline_city: str = "") -> PhoneNumber:
        code = phonenumbers.country_code_for_region(c.code)
        area = c.landline.get(landline_city, "")
        for _ in range(5000):
            prefix = area or self.rng.choice(c.mobile)
            size = self.rng.choice((8, 9, 10)) if area else self.rng.choice(c.nsn_len)
            nsn = prefix + "".join(self.rng.choice("0123456789") for _ in range(size - len(prefix)))
            if c.code == "US" and (nsn[3] in "01" or nsn[3:6] == "555"):
                continue
            num = phonenumbers.parse(f"+{code}{nsn}")
            wanted = (PhoneNumberType.FIXED_LINE,) if area else _MOBILE
            if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in wanted:
                key = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                if key not in self.phones:
                    self.phones.add(key)
                    return num
        raise RuntimeError(f"no phone number for {c.code}")

    def near_phone(self, num: PhoneNumber, region: str) -> PhoneNumber:
        """A valid number of the same range that differs only in its last one or two digits."""
        nsn = phonenumbers.national_significant_number(num)
        for _ in range(500):
            cut = self.rng.choice((1, 1, 2))
            tail = "".join(self.rng.choice("0123456789") for _ in range(cut))
            if cut == 2 and self.rng.random() < 0.5:
                tail = nsn[-1] + nsn[-2]  # two last digits swapped
            other = phonenumbers.parse(f"+{num.country_code}{nsn[:-cut]}{tail}")
            key = phonenumbers.format_number(other, phonenumbers.PhoneNumberFormat.E164)
            if key not in self.phones and phonenumbers.is_valid_number(other):
                self.phones.add(key)
                return other
        raise RuntimeError(f"no near number for {nsn} in {region}")

    def email(
        self,
        c: Country,
        given: str,
        surname: str,
        *,
        year: int,
        domain: str = "",
        pattern: str = "",
    ) -> str:
        g, s = email_word(given, c), email_word(surname, c)
        patterns = [pattern] if pattern else self.rng.sample(_PATTERNS, k=len(_PATTERNS))
        domain = domain or self.rng.choice(c.domains)
        for attempt in range(len(patterns) + 30):
            text = patterns[attempt % len(patterns)].format(
                g=g, s=s, g0=g[:1], s0=s[:1], yy=f"{year % 100:02d}", yyyy=str(year)
            )
            if attempt >= len(
                patterns
            ):  # every spelling taken: a number, as mail providers suggest
                text += str(self.rng.randint(2, 99))
            address = f"{text}@{domain}"
            if address not in self.emails:
                self.emails.add(address)
                return address
        raise RuntimeError(f"no e-mail for {given} {surname}")

    # --- places ----------------------------------------------------------------------------

    def city(self, c: Country, *, other_than: City | None = None) -> City:
        return self.rng.choice([city for city in c.cities if city != other_than])

    def streets(self, c: Country, city: City) -> tuple[Street, ...]:
        return city.streets or c.streets

    def house(self, c: Country) -> str:
        r, number = self.rng, str(self.rng.randint(1, 140))
        if c.house == "cz":
            return f"{r.randint(120, 2900)}/{r.randint(1, 90)}"
        if c.house == "sa":
            return str(r.randint(2100, 8990))
        if c.house == "none":
            return ""
        if c.house == "letter" and r.random() < 0.2:
            return number + r.choice("ab" if c.code == "DE" else "AB")
        if c.house == "fr" and r.random() < 0.12:
            return number + r.choice((" bis", " ter"))
        return number

    def unit(self, c: Country, *, floor: int = 0) -> dict[str, str]:
        r = self.rng
        floor = floor or r.randint(1, 8)
        door = str(r.randint(1, 48))
        if c.door == "us":
            door = r.choice((f"{floor}{r.choice('ABCD')}", f"{floor}{r.randint(1, 12):02d}", door))
        if c.door == "tower":
            door = f"{r.randint(2, 44)}{r.randint(1, 12):02d}"
        side, stair = r.choice(("Esq", "Dto")), r.choice("ABCD")
        return {
            "floor": str(floor),
            "roman": ROMAN[floor],
            "door": door,
            "letter": r.choice("ABCDEF"),
            "stair": stair,
            "stair_l": stair.lower(),
            "block": r.choice(("A3", "B2", "C1", "M4", "12", "G7", "F3", "P14")),
            "side": side,
            "side_full": {"Esq": "Esquerdo", "Dto": "Direito"}[side],
        }

    def home(
        self,
        c: Country,
        *,
        city: City | None = None,
        street: Street | None = None,
        flat: bool | None = None,
    ) -> Home:
        city = city or self.city(c)
        street = street or self.rng.choice(self.streets(c, city))
        flat = self.rng.random() < c.unit_share if flat is None else flat
        return Home(
            street=street,
            house=self.house(c),
            unit=self.unit(c) if flat else None,
            city=city,
            postcode=self.rng.choice(city.postcodes),
        )

    # --- people ----------------------------------------------------------------------------

    def person(
        self,
        c: Country,
        *,
        female: bool | None = None,
        given: Name | None = None,
        surname: int | None = None,
        home: Home | None = None,
        phone: PhoneNumber | None = None,
        email: str | None = None,
        domain: str = "",
        pattern: str = "",
        native_name: bool = False,
    ) -> Person:
        r = self.rng
        female = r.random() < 0.5 if female is None else female
        pool = c.female if female else c.male
        if native_name:
            pool = tuple(name for name in pool if name[0] != name[1]) or pool
        if surname is not None and given is None:
            pool = tuple(name for name in pool if fits(c, name, surname)) or pool
        given = given or r.choice(pool)
        if surname is None:
            surname = r.choice([i for i in range(len(c.surnames)) if fits(c, given, i)])
        row = c.surnames[surname]
        family = (row[1], row[3]) if female else (row[0], row[2])
        year = r.randint(1962, 2005)
        home = home or self.home(c)
        if phone is None and home.city.name in c.landline and r.random() < 0.07:
            phone = self.phone(c, landline_city=home.city.name)  # some still give the home phone
        return Person(
            country=c,
            female=female,
            given=given,
            surname=family,
            middle=self.middle(c, female, given),
            phone=phone or self.phone(c),
            email=email
            if email is not None
            else self.email(c, given[1], family[1], year=year, domain=domain, pattern=pattern),
            home=home,
            year=year,
        )

    def middle(self, c: Country, female: bool, given: Name) -> Name:
        if c.patronymics:
            row = self.rng.choice(c.patronymics)
            return (row[1], row[3]) if female else (row[0], row[2])
        if c.code in ("SA", "EG", "AE"):  # the father's given name
            return self.rng.choice([name for name in c.male if name[0] != name[1]])
        pool = [name for name in (c.female if female else c.male) if name != given]
        return self.rng.choice(pool)

    def relative(
        self, p: Person, *, female: bool | None = None, same_surname: bool = True
    ) -> Person:
        """Someone else of the same household: another given name, own phone and e-mail."""
        c = p.country
        female = self.rng.random() < 0.5 if female is None else female
        row = surname_row(p)
        if not same_surname:
            row = self.rng.choice(
                [i for i in range(len(c.surnames)) if i != row and fits(c, p.given, i)]
            )
        pool = [
            name
            for name in (c.female if female else c.male)
            if name != p.given and fits(c, name, row)
        ]
        return self.person(c, female=female, given=self.rng.choice(pool), surname=row, home=p.home)

    def similar_given(self, p: Person, *, any_gender: bool = True) -> Name:
        """Another given name that looks like p's (Jan/Jana, Péter/Petra, Anna/Hanna)."""
        c, row = p.country, surname_row(p)
        pool = [*c.male, *c.female] if any_gender else list(c.female if p.female else c.male)
        pool = [name for name in pool if name != p.given and fits(c, name, row)]
        best = max(pool, key=lambda name: (_likeness(name[1], p.given[1]), self.rng.random()))
        if _likeness(best[1], p.given[1]) < 0.6:
            raise LookupError(f"no given name like {p.given[1]}")
        return best

    def similar_surname(self, p: Person) -> int:
        c, own = p.country, surname_row(p)
        rows = [i for i in range(len(c.surnames)) if i != own and fits(c, p.given, i)]
        best = max(
            rows, key=lambda i: (_likeness(c.surnames[i][2], c.surnames[own][2]), self.rng.random())
        )
        if _likeness(c.surnames[best][2], c.surnames[own][2]) < 0.6:
            raise LookupError(f"no family name like {p.surname[1]}")
        return best

    def gender_of(self, c: Country, given: Name) -> bool:
        return given in c.female

    # --- habits ----------------------------------------------------------------------------

    def habit(self, p: Person) -> View:
        """How this person usually fills in the checkout form."""
        r, c = self.rng, p.country
        styles = phone_styles(p.phone, c.code)
        plain = [name for name in styles if "Arabic" not in name]
        style = r.choice([name for name in plain if name in _EVERYDAY] * 2 + plain)
        script = "latin" if not c.latin_script and r.random() < 0.1 else "native"
        arabic = script == "native" and r.random() < c.arabic_digits
        if arabic and r.random() < 0.7:
            style = "Arabic-Indic digits"
        kind = c.types[p.home.street.kind]
        return View(
            phone=styles[style],
            script=script,
            order="family" if r.random() < c.family_first else "given",
            street_form=r.randrange(min(2, len(kind.forms))),
            hood_form=r.randrange(2),
            line=0 if r.random() < 0.7 else r.randrange(len(c.lines)),
            unit=r.randrange(len(c.units)),
            arabic_digits=arabic,
        )

    def other_style(
        self, p: Person, view: View, *, digits_differ: bool = True
    ) -> tuple[str, str, str]:
        """Another way to type p's phone: (old style name, new style name, new text)."""
        styles = phone_styles(p.phone, p.country.code)
        old = next((name for name, text in styles.items() if text == view.phone), "as typed")
        choices = [
            name
            for name, text in styles.items()
            if text != view.phone and (not digits_differ or _digits(text) != _digits(view.phone))
        ]
        if not choices:
            choices = [name for name, text in styles.items() if text != view.phone]
        new = self.rng.choice(choices)
        assert same_number(styles[new], p.country.code, p.phone)
        return old, new, styles[new]


def fits(c: Country, given: Name, row: int) -> bool:
    """Arabic given names go with Arabic family names, expatriates' Latin ones with Latin ones."""
    surname = c.surnames[row]
    return c.latin_script or (given[0] == given[1]) == (surname[0] == surname[2])


def surname_row(p: Person) -> int:
    return next(i for i, row in enumerate(p.country.surnames) if p.surname[0] in (row[0], row[1]))


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def with_phone(view: View, phone: PhoneNumber, p: Person, rng: random.Random) -> View:
    """The same habits, with a different number typed in a style of the same country."""
    styles = phone_styles(phone, p.country.code)
    plain = [name for name in styles if "Arabic" not in name]
    return replace(view, phone=styles[rng.choice(plain)])
