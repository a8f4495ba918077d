"""Build the hold-out set of labelled customer record pairs (pairs.jsonl).

    .venv/bin/python tests/eval/holdout/build.py            # write pairs.jsonl, print counts
    .venv/bin/python tests/eval/holdout/build.py --check    # build and compare with the file

Deterministic: one seeded random generator drives everything, and the output only
changes when the tables, the kinds or the seed change. Every phone number is checked with
`phonenumbers`, and every pair is checked against the labelling rules (see README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import holdout_tables_americas
import holdout_tables_asia
import holdout_tables_north
import holdout_tables_south
import holdout_tables_west
from holdout_handwritten import HANDWRITTEN
from holdout_model import (
    Country,
    Family,
    Given,
    Look,
    Person,
    ascii_word,
    format_phone,
    mailbox_key,
    make_phone,
    phone_key,
    phone_valid,
    render,
)

SEED = 20_250_611
HERE = Path(__file__).resolve().parent
OUT = HERE / "pairs.jsonl"

COUNTRIES: list[Country] = (
    holdout_tables_americas.COUNTRIES
    + holdout_tables_west.COUNTRIES
    + holdout_tables_north.COUNTRIES
    + holdout_tables_asia.COUNTRIES
    + holdout_tables_south.COUNTRIES
)

# share of orders typed in the local script, where customers commonly do so
NATIVE_P = {
    "GR": 0.5,
    "IR": 0.6,
    "KR": 0.6,
    "JP": 0.6,
    "IL": 0.5,
    "MA": 0.25,
    "DZ": 0.25,
    "PK": 0.15,
}

PATTERNS = [
    "{g}.{f}",
    "{g}{f}",
    "{g}_{f}",
    "{gi}{f}",
    "{gi}.{f}",
    "{f}.{g}",
    "{g}.{f}{yy}",
    "{g}{yyyy}",
    "{f}{gi}{yy}",
    "{g}.{f}{k}",
    "{g}{f}{yy}",
]
FAMILY_BOXES = {
    "US": ["the{f}s", "{f}family", "{f}household"],
    "CA": ["the{f}s", "{f}family", "famille{f}"],
    "IE": ["the{f}s", "{f}family"],
    "AU": ["the{f}s", "{f}family"],
    "ZA": ["the{f}s", "{f}family"],
    "DE": ["familie.{f}", "fam.{f}", "familie{f}"],
    "NL": ["fam.{f}", "familie{f}", "{f}thuis"],
    "FR": ["famille.{f}", "famille{f}"],
    "ES": ["familia.{f}", "familia{f}"],
    "MX": ["familia.{f}", "familia{f}"],
    "PT": ["familia.{f}", "familia{f}"],
    "BR": ["familia.{f}", "familia{f}"],
    "IT": ["famiglia.{f}", "famiglia{f}"],
    "PL": ["{f}.dom", "rodzina.{f}"],
    "SE": ["familjen.{f}", "fam.{f}"],
    "NO": ["familien.{f}", "fam.{f}"],
    "DK": ["familien.{f}", "fam.{f}"],
}
PLACEHOLDERS = ["noemail@noemail.com", "none@none.com", "no@email.com", "nomail@nomail.com"]
PLUS_TAGS = ["shop", "orders", "online", "promo", "store", "deals"]
DOMAIN_TYPOS = {
    "gmail.com": ["gmial.com", "gmail.co", "gmal.com", "gnail.com", "gmail.cm"],
    "hotmail.com": ["hotmial.com", "hotmail.co", "homail.com"],
    "yahoo.com": ["yaho.com", "yahooo.com"],
    "outlook.com": ["outlok.com", "outloo.com"],
    "naver.com": ["naber.com", "navr.com"],
}
NEAR_KEYS = {
    "a": "sq",
    "s": "ad",
    "e": "wr",
    "r": "et",
    "t": "ry",
    "i": "uo",
    "o": "ip",
    "n": "bm",
    "m": "n",
    "l": "k",
    "k": "jl",
    "u": "yi",
    "c": "xv",
    "d": "sf",
    "h": "gj",
    "g": "fh",
    "b": "vn",
    "p": "o",
    "v": "cb",
    "z": "x",
    "y": "tu",
    "w": "qe",
    "j": "hk",
    "f": "dg",
}

Pair = tuple[dict[str, str], dict[str, str], str]


# --- making people --------------------------------------------------------------------


class Ctx:
    """The random generator and the phones and mailboxes given out so far."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.phones: set[str] = set()
        self.mailboxes: set[str] = set()

    def phone(self, c: Country) -> str:
        while True:
            number = make_phone(self.rng, c)
            if number not in self.phones:
                self.phones.add(number)
                return number

    def email(self, p: Person, domain: str | None = None, pattern: str | None = None) -> str:
        rng, c = self.rng, p.c
        mode = rng.choice(c.folds)
        g = ascii_word(p.given.forms[0], mode)
        f = ascii_word(p.family.latin(p.sex)[0], mode)
        values = {
            "g": g,
            "f": f,
            "gi": g[0],
            "yy": str(p.year)[2:],
            "yyyy": str(p.year),
            "k": str(rng.randint(2, 99)),
        }
        local = (pattern or rng.choice(PATTERNS)).format(**values)
        domain = domain or rng.choice(c.mail)
        if domain == "gmail.com":
            local = local.replace("_", ".")
        return self.claim(local, domain)

    def claim(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        while mailbox_key(address) in self.mailboxes:
            local += str(self.rng.randint(0, 9))
            address = f"{local}@{domain}"
        self.mailboxes.add(mailbox_key(address))
        return address

    def address(
        self, c: Country, city: object = None, unit: bool | None = None
    ) -> dict[str, object]:
        rng = self.rng
        city = city or rng.choice(c.cities)
        pool = list(city.streets)  # type: ignore[attr-defined]
        if c.streets and city.pcs:  # type: ignore[attr-defined]
            pool += c.streets
        street = rng.choice(pool)
        base = rng.choice(street.pcs or city.pcs)  # type: ignore[attr-defined]
        return {
            "city": city,
            "street": street,
            "av": c.av(rng),
            "unit": rng.random() < c.unit_p if unit is None else unit,
            "pc": c.pc_fill(rng, base),
        }

    def person(
        self,
        c: Country,
        sex: str | None = None,
        given: Given | None = None,
        family: Family | None = None,
        family2: Family | None = None,
        year: int | None = None,
        where: dict[str, object] | None = None,
        avoid_given: tuple[str, ...] = (),
        avoid_family: tuple[str, ...] = (),
        domain: str | None = None,
        unit: bool | None = None,
        group: str | None = None,
        hyphen: bool | None = None,
    ) -> Person:
        rng = self.rng
        sex = sex or rng.choice("mf")
        if family is None:
            fits = [f for f in c.families if given is None or given.fits(f)]
            if group is not None:
                fits = [f for f in fits if f.grp == group] or fits
            family = rng.choice([f for f in fits if f.key not in avoid_family])
        given = given or pick_given(rng, c, sex, (*avoid_given, family.key), family)
        if c.names in ("iberian", "lusophone") and family2 is None:
            family2 = pick_family(rng, c, (family.key, *avoid_family))
        where = where or self.address(c, unit=unit)
        p = Person(
            c=c,
            sex=sex,
            given=given,
            family=family,
            family2=family2,
            year=year or rng.randint(1952, 2003),
            phone="",
            email="",
            city=where["city"],  # type: ignore[arg-type]
            street=where["street"],  # type: ignore[arg-type]
            av=dict(where["av"]),  # type: ignore[call-overload]
            unit=bool(where["unit"]),
            pc=str(where["pc"]),
        )
        if hyphen is None:
            hyphen = sex == "f" and rng.random() < c.hyphen_p
        if hyphen:
            p.hyphen = pick_family(rng, c, (family.key,))
        p.phone = self.phone(c)
        p.email = self.email(p, domain)
        return p


def pick_given(
    rng: random.Random,
    c: Country,
    sex: str,
    avoid: tuple[str, ...] = (),
    family: Family | None = None,
) -> Given:
    pool = [g for g in (c.male if sex == "m" else c.female) if g.key not in avoid]
    return rng.choice([g for g in pool if family is None or g.fits(family)])


def pick_family(rng: random.Random, c: Country, avoid: tuple[str, ...] = ()) -> Family:
    return rng.choice([f for f in c.families if f.key not in avoid])


def family_by_key(c: Country, key: str) -> Family:
    return next(f for f in c.families if f.key == key)


def where_of(p: Person) -> dict[str, object]:
    return {"city": p.city, "street": p.street, "av": p.av, "unit": p.unit, "pc": p.pc}


def base_look(rng: random.Random, p: Person, script: str | None = None) -> Look:
    c = p.c
    if script is None:
        script = "nat" if rng.random() < NATIVE_P.get(c.code, 0.0) else "lat"
    styles = c.phone_styles
    if script == "nat" and c.nat_phone_styles and rng.random() < 0.6:
        styles = c.nat_phone_styles
    forms = p.street.native if script == "nat" and p.street.native else p.street.forms
    double = "both"
    if c.names == "iberian" and rng.random() < 0.25:
        double = "first"
    elif c.names == "lusophone" and rng.random() < 0.3:
        double = "last"
    order = c.latin_order if c.names == "eastern" else "gf"
    if c.names == "eastern" and rng.random() < 0.3:
        order = "fg" if order == "gf" else "gf"
    return Look(
        script=script,
        phone=rng.choice(styles),
        si=0 if rng.random() < 0.5 else rng.randrange(len(forms)),
        ti=rng.randrange(6),
        ci=0 if rng.random() < 0.7 else rng.randrange(4),
        pi=0 if rng.random() < 0.7 else rng.randrange(3),
        ni=1 if c.code == "JP" and rng.random() < 0.25 else 0,
        gap=rng.random() < (0.5 if c.code == "JP" else 0.15),
        order=order,
        double=double,
    )


# --- changes that keep the person ---------------------------------------------------------

Changed = tuple[Person, Look, str]
Change = Callable[[random.Random, Ctx, Person, Look, Person, Look], Changed | None]


def ch_phone_format(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed:
    styles = list(pb.c.phone_styles)
    if lb.script == "nat":
        styles += pb.c.nat_phone_styles
    before = format_phone(pb.phone, lb.phone)
    options = [s for s in dict.fromkeys(styles) if format_phone(pb.phone, s) != before]
    style = rng.choice(options)
    return pb, lb.with_(phone=style), f"phone '{before}' / '{format_phone(pb.phone, style)}'"


def ch_email_alias(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    local, _, domain = pb.email.partition("@")
    if domain != "gmail.com":
        return None
    ops = rng.sample(["dots", "plus", "googlemail", "case"], rng.choice([1, 1, 2]))
    if "dots" in ops:
        if "." in local:
            local = local.replace(".", "")
        else:
            words = [ascii_word(pb.given.forms[0]), ascii_word(pb.family.latin(pb.sex)[0])]
            cuts = [len(w) for w in words if local.startswith(w) and len(w) < len(local)]
            cuts += [
                i for i in range(2, len(local)) if local[i].isdigit() != local[i - 1].isdigit()
            ]
            if not cuts:
                return None
            i = rng.choice(cuts)
            local = local[:i] + "." + local[i:]
    if "plus" in ops:
        local = f"{local}+{rng.choice(PLUS_TAGS)}"
    if "googlemail" in ops:
        domain = "googlemail.com"
    if "case" in ops:
        local = ".".join(part.capitalize() for part in local.split("."))
        domain = domain.capitalize()
    alias = f"{local}@{domain}"
    if alias == pb.email:
        return None
    return pb, lb.with_(email=alias), f"mailbox '{pb.email}' / '{alias}' ({', '.join(ops)})"


def ch_new_email(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed:
    domain = pb.email.split("@")[1]
    others = [d for d in pb.c.mail if d != domain]
    pb = replace(pb, email=ctx.email(pb, domain=rng.choice(others) if rng.random() < 0.7 else None))
    return pb, lb, f"new mailbox '{pa.email}' / '{pb.email}'"


def ch_new_phone(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed:
    pb = replace(pb, phone=ctx.phone(pb.c))
    return pb, lb, "new phone number"


def ch_moved(rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look) -> Changed:
    c = pb.c
    same_city = rng.random() < 0.5
    others = [x for x in c.cities if x != pb.city]
    for _ in range(20):
        where = ctx.address(c, city=pb.city if same_city else rng.choice(others))
        if where["street"] != pb.street or where["av"] != pb.av:
            break
    pb = replace(pb, **where)  # type: ignore[arg-type]
    return (
        pb,
        lb,
        "moved to " + ("another street in the same town" if same_city else "another town"),
    )


def ch_nickname(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    g = pb.given
    if not g.short:
        return None
    lb = lb.with_(short=rng.randrange(len(g.short)))
    return pb, lb, f"short form '{render(pb, lb)['name']}'"


def ch_order(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    if lb.script == "nat" and pb.c.names == "eastern":
        return None
    options = [o for o in ("gf", "fg", "f,g", "FG") if o != lb.order]
    if pb.c.names == "eastern":
        options = [o for o in ("gf", "fg", "FG") if o != lb.order]
    lb = lb.with_(order=rng.choice(options))
    return pb, lb, "name order"


def ch_abbreviation(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    before = render(pb, lb)
    options: list[Look] = []
    forms = pb.street.native if lb.script == "nat" and pb.street.native else pb.street.forms
    options += [lb.with_(si=i) for i in range(len(forms))]
    options += [lb.with_(ti=i) for i in range(6)]
    options += [lb.with_(si=i, ti=j) for i in range(len(forms)) for j in range(3)]
    options += [lb.with_(ci=i) for i in range(4)]
    options = [o for o in options if render(pb, o)["address"] != before["address"]] or [
        o for o in options if render(pb, o)["city"] != before["city"]
    ]
    if not options:
        return None
    lb = rng.choice(options)
    after = render(pb, lb)
    if after["address"] != before["address"]:
        return pb, lb, f"address '{before['address']}' / '{after['address']}'"
    return pb, lb, f"town '{before['city']}' / '{after['city']}'"


def ch_postcode(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    before = render(pb, lb)["postcode"]
    options = [lb.with_(pi=i) for i in range(4) if render(pb, lb.with_(pi=i))["postcode"] != before]
    if not options:
        return None
    lb = rng.choice(options)
    return pb, lb, f"postcode '{before}' / '{render(pb, lb)['postcode']}'"


def ch_accents(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    if lb.script == "nat":
        return None
    before = render(pb, lb)
    for mode in rng.sample(pb.c.folds, len(pb.c.folds)):
        after = render(pb, lb.with_(fold=mode))
        if after["name"] != before["name"] or after["address"] != before["address"]:
            field = "name" if after["name"] != before["name"] else "address"
            note = f"{field} without diacritics: '{before[field]}' / '{after[field]}'"
            return pb, lb.with_(fold=mode), note
    return None


def ch_typo(
    rng: random.Random,
    ctx: Ctx,
    pa: Person,
    la: Look,
    pb: Person,
    lb: Look,
    fields: tuple[str, ...] = ("name", "address", "email"),
) -> Changed | None:
    if lb.script == "nat":
        return None
    field = rng.choice(fields)
    rec = render(pb, lb)
    if field == "email":
        local, _, domain = pb.email.partition("@")
        typos: list[str] = DOMAIN_TYPOS.get(domain) or [typo_word(rng, domain.split(".")[0]) or ""]
        bad = rng.choice(typos)
        if not bad:
            return None
        if "." not in bad:
            bad = bad + "." + domain.split(".", 1)[1]
        return pb, lb.with_(email=f"{local}@{bad}"), f"typo in the mail domain '{domain}' / '{bad}'"
    words = [w for w in rec[field].replace(",", " ").split() if w.isalpha() and len(w) >= 4]
    if not words:
        return None
    word = rng.choice(words)
    typed = typo_word(rng, word)
    if not typed or typed == word:
        return None
    fix = (*lb.fix, (field, word, typed))
    return pb, lb.with_(fix=fix), f"typo in the {field}: '{word}' / '{typed}'"


def ch_typo_text(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    return ch_typo(rng, ctx, pa, la, pb, lb, fields=("name", "address"))


def typo_word(rng: random.Random, word: str) -> str | None:
    if len(word) < 4:
        return None
    i = rng.randint(1, len(word) - 2)
    op = rng.choice(["swap", "drop", "double", "near"])
    if op == "swap":
        if word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    near = NEAR_KEYS.get(word[i].lower())
    if not near:
        return None
    return word[:i] + rng.choice(near) + word[i + 1 :]


def ch_missing(
    rng: random.Random, ctx: Ctx, pa: Person, la: Look, pb: Person, lb: Look
) -> Changed | None:
    options = [("email",), ("phone",), ("postcode",), ("city", "postcode"), ("phone", "postcode")]
    if pb.email != pa.email or lb.email is not None:
        options = [o for o in options if "phone" not in o]
    if pb.phone != pa.phone:
        options = [o for o in options if "email" not in o]
    drop = rng.choice(options)
    return pb, lb.with_(drop=lb.drop + drop), "no " + " and no ".join(drop) + " on one order"


CHANGES: dict[str, Change] = {
    "phone_format": ch_phone_format,
    "email_alias": ch_email_alias,
    "nickname": ch_nickname,
    "name_order": ch_order,
    "abbreviation": ch_abbreviation,
    "postcode_format": ch_postcode,
    "accents": ch_accents,
    "typo": ch_typo_text,
    "missing_field": ch_missing,
}


# --- same person ------------------------------------------------------------------------------


def finish(pa: Person, la: Look, pb: Person, lb: Look) -> tuple[dict[str, str], dict[str, str]]:
    return render(pa, la), render(pb, lb)


def same(rng: random.Random, ctx: Ctx, c: Country, kind: str) -> Pair | None:
    pa = ctx.person(c)
    if kind == "email_alias":
        pa.email = ctx.email(pa, domain="gmail.com")
    la = base_look(rng, pa)
    if kind in ("accents", "typo"):
        la = la.with_(script="lat", fold="")
    if kind == "nickname" and not pa.given.short_native:
        la = la.with_(script="lat")
    pb, lb = pa, la
    reason = ""
    if kind in CHANGES:
        change = ch_typo if kind == "typo" else CHANGES[kind]
        done = change(rng, ctx, pa, la, pb, lb)
        if done is None:
            return None
        pb, lb, what = done
        if kind == "email_alias" and rng.random() < 0.6:
            extra = rng.choice(["phone missing", "phone format"])
            if extra == "phone missing":
                lb = lb.with_(drop=("phone",))
            else:
                lb = ch_phone_format(rng, ctx, pa, la, pb, lb)[1]
            what += f"; {extra}"
        reason = {
            "phone_format": "one number written two ways",
            "email_alias": "the same gmail mailbox",
            "nickname": "short form of the given name",
            "name_order": "family name first on one order",
            "abbreviation": "abbreviated or differently written address",
            "postcode_format": "postcode written another way",
            "accents": "typed without diacritics",
            "typo": "a typing slip",
            "missing_field": "a field left empty",
        }[kind]
        if kind in ("name_order", "nickname"):
            what = f"'{render(pa, la)['name']}' / '{render(pb, lb)['name']}'"
    elif kind == "email_changed":
        pb, lb, what = ch_new_email(rng, ctx, pa, la, pb, lb)
        reason = "same phone, name and address"
    elif kind == "phone_changed":
        pb, lb, what = ch_new_phone(rng, ctx, pa, la, pb, lb)
        reason = "same mailbox, name and address"
    elif kind == "moved":
        pb, lb, what = ch_moved(rng, ctx, pa, la, pb, lb)
        reason = "same name, phone and mailbox"
    elif kind == "single_link":
        pb, lb, what = ch_moved(rng, ctx, pa, la, pb, lb)
        if rng.random() < 0.5:
            pb, lb, _ = ch_new_email(rng, ctx, pa, la, pb, lb)
            reason = "same full name and phone; moved and changed mailbox"
        else:
            pb, lb, _ = ch_new_phone(rng, ctx, pa, la, pb, lb)
            reason = "same full name and mailbox; moved and changed phone"
        lb = lb.with_(gi=la.gi, fi=la.fi, short=-1, order=la.order, script=la.script)
    elif kind == "transliteration":
        return transliteration(rng, ctx, c, pa)
    elif kind == "spelling":
        return spelling(rng, c, pa, la)
    elif kind == "double_surname":
        return double_surname(rng, ctx, c)
    elif kind == "middle_name":
        return middle_name(rng, ctx, c)
    elif kind == "combined":
        return combined(rng, ctx, c, pa, la)
    else:
        raise ValueError(kind)
    a, b = finish(pa, la, pb, lb)
    return a, b, f"{reason}: {what}"


def transliteration(rng: random.Random, ctx: Ctx, c: Country, pa: Person) -> Pair | None:
    if c.code == "IE":
        if not (pa.given.native and pa.family.native):
            return None
        la = base_look(rng, pa, script="nat")
        lb = base_look(rng, pa, script="lat")
        lb = lb.with_(phone=la.phone, si=la.si, ti=la.ti, ci=la.ci)
        a, b = finish(pa, la, pa, lb)
        return a, b, f"Irish and English forms of one name: '{a['name']}' / '{b['name']}'"
    has_native = bool(pa.given.native)
    latin_variants = len(pa.given.forms) > 1 or len(pa.family.latin(pa.sex)) > 1
    if has_native and (not latin_variants or rng.random() < 0.75):
        la = base_look(rng, pa, script="nat")
        lb = base_look(rng, pa, script="lat")
        lb = lb.with_(
            gi=rng.randrange(len(pa.given.forms)),
            fi=rng.randrange(len(pa.family.latin(pa.sex))),
            ti=la.ti,
        )
        if rng.random() < 0.6:
            lb = lb.with_(phone=c.phone_styles[0] if la.phone in c.nat_phone_styles else la.phone)
        a, b = finish(pa, la, pa, lb)
        return a, b, f"native script and Latin: '{a['name']}' / '{b['name']}'"
    if not latin_variants:
        return None
    la = base_look(rng, pa, script="lat")
    options = [
        la.with_(gi=i, fi=j)
        for i in range(len(pa.given.forms))
        for j in range(len(pa.family.latin(pa.sex)))
        if (i, j) != (la.gi, la.fi)
    ]
    lb = rng.choice(options)
    a, b = finish(pa, la, pa, lb)
    return a, b, f"two romanisations of one name: '{a['name']}' / '{b['name']}'"


def spelling(rng: random.Random, c: Country, pa: Person, la: Look) -> Pair | None:
    forms = pa.family.latin(pa.sex)
    if len(forms) < 2:
        return None
    la = la.with_(script="lat", fi=0)
    lb = la.with_(fi=rng.randrange(1, len(forms)))
    a, b = finish(pa, la, pa, lb)
    return a, b, f"family name written another way: '{a['name']}' / '{b['name']}'"


def double_surname(rng: random.Random, ctx: Ctx, c: Country) -> Pair | None:
    if c.names in ("iberian", "lusophone"):
        pa = ctx.person(c)
    else:
        pa = ctx.person(c, sex="f")
        pa.hyphen = pick_family(rng, c, (pa.family.key,))
    la = base_look(rng, pa).with_(double="both", script="lat")
    if c.names == "iberian":
        lb = la.with_(double="first")
        why = "both family names / the first (paternal) one"
    elif c.names == "lusophone":
        lb = la.with_(double="last")
        why = "both family names / the last one"
    else:
        lb = la.with_(double=rng.choice(["first", "last"]))
        why = "hyphenated married name / one part of it"
    a, b = finish(pa, la, pa, lb)
    return a, b, f"{why}: '{a['name']}' / '{b['name']}'"


def middle_name(rng: random.Random, ctx: Ctx, c: Country) -> Pair | None:
    style = c.middle
    if style == "initial_first":
        fam = family_by_key(c, rng.choice(c.middles))
        pa = ctx.person(c, sex="m", family=fam)
        la = base_look(rng, pa, script="lat").with_(order="gf")
        lb = la.with_(order="Ig")
        a, b = finish(pa, la, pa, lb)
        return a, b, f"father's name as an initial in front: '{a['name']}' / '{b['name']}'"
    pa = ctx.person(c)
    la = base_look(rng, pa)
    if style == "surname":
        pa.middle = rng.choice(c.middles)
        la, lb = la.with_(middle="full"), la.with_(middle="none")
        why = "middle name (mellemnavn) left out"
    elif style == "father":
        males = [g for g in c.male if g.key != pa.given.key]
        pa.middle = rng.choice(males)
        la, lb = la.with_(middle="initial"), la.with_(middle="none")
        why = "father's initial left out"
    elif style == "initials":
        pa.middle = pick_given(rng, c, pa.sex, (pa.given.key,), pa.family)
        la = la.with_(middle="none")
        lb = la.with_(middle="full", initials=True)
        why = "given names as initials"
    elif style in ("initial", "second"):
        pa.middle = pick_given(rng, c, pa.sex, (pa.given.key,), pa.family)
        full = "initial" if style == "initial" else "full"
        la, lb = la.with_(middle=full), la.with_(middle=rng.choice(["none", "none", "initial"]))
        if la == lb:
            lb = la.with_(middle="none")
        why = "middle name or initial left out" if style == "initial" else "second given name"
    else:
        return None
    a, b = finish(pa, la, pa, lb)
    return a, b, f"{why}: '{a['name']}' / '{b['name']}'"


def combined(rng: random.Random, ctx: Ctx, c: Country, pa: Person, la: Look) -> Pair | None:
    names = ["phone_format", "abbreviation", "postcode_format", "nickname", "name_order"]
    names += ["accents", "typo", "missing_field"]
    la = la.with_(script="lat", fold="")
    pb, lb = pa, la
    whats: list[str] = []
    wanted = rng.choice([2, 3])
    order = rng.sample(names, len(names))
    order.sort(key=lambda n: n in ("typo", "missing_field"))
    for name in order:
        if len(whats) == wanted:
            break
        done = CHANGES[name](rng, ctx, pa, la, pb, lb)
        if done is not None:
            pb, lb, what = done
            whats.append(what if name != "name_order" else "name order")
    if rng.random() < 0.3:
        pb, lb, what = ch_moved(rng, ctx, pa, la, pb, lb)
        whats.append(what)
    if len(whats) < 2:
        return None
    a, b = finish(pa, la, pb, lb)
    return a, b, "several differences at once: " + "; ".join(whats)


# --- different people ----------------------------------------------------------------------


def relative(ctx: Ctx, p: Person, rel: str, phone: str | None = None) -> Person:
    """A member of p's household, at p's address."""
    rng, c = ctx.rng, p.c
    where = where_of(p)
    if rel == "flatmate":
        q = ctx.person(c, where=where, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
    elif rel == "spouse":
        sex = "f" if p.sex == "m" else "m"
        year = p.year + rng.randint(-5, 5)
        keeps = rng.random() < c.spouse_keeps or c.names in ("patronymic", "iberian", "lusophone")
        family = None if keeps else p.family
        q = ctx.person(
            c,
            sex=sex,
            year=year,
            where=where,
            family=family,
            group=p.family.grp,
            avoid_family=(p.family.key,),
            hyphen=None if family else False,
        )
    else:
        older = rel == "parent"
        sex = rng.choice("mf")
        year = p.year - rng.randint(22, 34) if older else min(p.year + rng.randint(22, 34), 2005)
        father = (older and sex == "m") or (not older and p.sex == "m")
        family, family2, given = p.family, p.family2, None
        if c.names == "iberian":
            if father:
                family2 = pick_family(rng, c, (p.family.key, p.family2.key if p.family2 else ""))
            elif older:  # p's mother: her first family name is p's second
                family = p.family2 or pick_family(rng, c, (p.family.key,))
                family2 = pick_family(rng, c, (p.family.key, family.key))
            else:  # p's child carries p's first family name second
                family = pick_family(rng, c, (p.family.key,))
                family2 = p.family
        elif c.names == "lusophone":
            family = pick_family(rng, c, (p.family.key,))
        elif c.names == "patronymic":
            if not older and father:
                family = c.families[c.male.index(p.given)]
            elif older and father:
                given = c.male[c.families.index(p.family)]
                family = pick_family(rng, c, (p.family.key,))
            else:
                family = pick_family(rng, c, (p.family.key,))
        q = ctx.person(
            c,
            sex=sex,
            year=year,
            where=where,
            family=family,
            family2=family2,
            given=given,
            avoid_given=(p.given.key,),
            hyphen=False,
        )
    if phone is not None:
        ctx.phones.discard(q.phone)
        q.phone = phone
    return q


def other(rng: random.Random, c: Country, p: Person, kind: str, ctx: Ctx) -> Pair | None:
    la = base_look(rng, p)
    q: Person | None = None
    why = ""
    full_names = False
    if kind.startswith("household"):
        roll = 0.0 if kind == "household_generation" else rng.random()
        kind = "household"
        if c.suffixes[1] and roll < 0.35:
            p = ctx.person(c, sex="m", year=rng.randint(1950, 1965))
            q = ctx.person(
                c,
                sex="m",
                given=p.given,
                family=p.family,
                family2=p.family2,
                year=p.year + rng.randint(24, 32),
                where=where_of(p),
            )
            p.suffix, q.suffix = c.suffixes
            full_names = True
            why = f"father and son with the same name ({c.suffixes[1]}) at one address"
        elif c.names == "iberian" and roll < 0.35:
            p = ctx.person(c, sex="m", year=rng.randint(1950, 1965))
            mother = pick_family(rng, c, (p.family.key, p.family2.key if p.family2 else ""))
            q = ctx.person(
                c,
                sex="m",
                given=p.given,
                family=p.family,
                family2=mother,
                year=p.year + rng.randint(24, 32),
                where=where_of(p),
            )
            full_names = True
            why = "father and son with the same given and first family name, other second name"
        else:
            rel = rng.choice(["spouse", "spouse", "child", "parent", "flatmate"])
            q = relative(ctx, p, rel)
            why = {
                "spouse": "spouses at one address",
                "child": "parent and grown-up child at one address",
                "parent": "grown-up child and parent at one address",
                "flatmate": "flatmates at one address",
            }[rel]
        why += "; own phones and mailboxes"
    elif kind == "sibling":
        p.hyphen = None
        twins = rng.random() < 0.35
        year = p.year if twins else p.year + rng.choice([-1, 1]) * rng.randint(1, 8)
        where = where_of(p) if rng.random() < 0.5 else None
        q = ctx.person(
            c,
            year=year,
            family=p.family,
            family2=p.family2,
            where=where,
            avoid_given=(p.given.key,),
            hyphen=False,
        )
        if twins and rng.random() < 0.6:
            pattern = rng.choice(["{g}.{f}{yy}", "{g}{f}{yy}", "{g}.{f}{yyyy}"])
            domain = p.email.split("@")[1]
            ctx.mailboxes.discard(mailbox_key(p.email))
            ctx.mailboxes.discard(mailbox_key(q.email))
            p.email = ctx.email(p, domain, pattern)
            q.email = ctx.email(q, domain, pattern)
        why = ("twins" if twins else "siblings") + (
            ", one address" if where else ", different addresses"
        )
        why += "; different given names, phones and mailboxes"
    elif kind == "namesake":
        q = ctx.person(
            c,
            sex=p.sex,
            given=p.given,
            family=p.family,
            family2=p.family2,
            where=ctx.address(c, city=p.city),
            hyphen=False,
        )
        q.hyphen = p.hyphen
        if q.street == p.street:
            return None
        la = la.with_(short=-1, double="both")
        why = "same name in the same town; other address, phone and mailbox"
    elif kind == "same_building":
        p.unit = True
        for _ in range(30):
            av = c.av(rng)
            for key in c.house_keys:
                av[key] = p.av[key]
            if av != p.av:
                break
        where = {**where_of(p), "av": av}
        q = ctx.person(c, where=where, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
        why = "neighbours in one building, other flats; different names, phones, mailboxes"
    elif kind == "same_street":
        for _ in range(30):
            av = c.av(rng)
            if all(av[k] != p.av[k] for k in c.house_keys):
                break
        where = {**where_of(p), "av": av, "unit": rng.random() < c.unit_p}
        q = ctx.person(c, where=where, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
        why = "same street, other house; different names, phones, mailboxes"
    elif kind in ("shared_address", "shared_office"):
        places = [x for x in c.places if (x.what == "office") == (kind == "shared_office")]
        place = rng.choice(places or c.places)
        q = ctx.person(c, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
        for x in (p, q):
            x.place = place
            x.place_id = (
                str(rng.randint(10**7, 10**9))
                if "APCN" not in place.addr
                else str(rng.randint(10**9, 10**10 - 1))
            )
            if place.domain and rng.random() < 0.7:
                ctx.mailboxes.discard(mailbox_key(x.email))
                x.email = ctx.email(x, place.domain, rng.choice(["{g}.{f}", "{gi}.{f}", "{gi}{f}"]))
        kind = "shared_address"
        why = f"two customers at one {place.what}; different names, phones and mailboxes"
    elif kind == "shared_phone":
        if rng.random() < 0.7:
            rel = rng.choice(["spouse", "child", "parent"])
            q = relative(ctx, p, rel, phone=p.phone)
            if rng.random() < 0.25:
                q.email = ""
            why = f"family phone: {rel} at the same address orders with the same number"
        else:
            q = ctx.person(c, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
            while q.city == p.city:
                q.city = rng.choice(c.cities)
                where = ctx.address(c, city=q.city)
                q.street, q.av, q.pc = where["street"], where["av"], where["pc"]  # type: ignore[assignment]
            ctx.phones.discard(q.phone)
            q.phone = p.phone
            why = "reassigned number: other name, town and mailbox"
    elif kind == "shared_email":
        roll = rng.random()
        if roll < 0.6:
            rel = rng.choice(["spouse", "spouse", "child", "parent"])
            q = relative(ctx, p, rel)
            ctx.mailboxes.discard(mailbox_key(p.email))
            ctx.mailboxes.discard(mailbox_key(q.email))
            f = ascii_word(p.family.forms[0])
            g1, g2 = ascii_word(p.given.forms[0]), ascii_word(q.given.forms[0])
            options = [f"{g1}{g2}", f"{g1}.{g2}.{f}", f"{g1}.{g2}"]
            options += [x.format(f=f) for x in FAMILY_BOXES.get(c.code, [])]
            local = rng.choice(options)
            domain = p.email.split("@")[1]
            p.email = q.email = ctx.claim(local, domain)
            why = (
                f"family mailbox shared by {rel}s at one address"
                if rel == "spouse"
                else (f"family mailbox: {rel} at the same address uses it too")
            )
        elif roll < 0.85:
            q = ctx.person(c, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
            p.email = q.email = rng.choice(PLACEHOLDERS)
            why = "placeholder mailbox typed for customers without e-mail; nothing else shared"
        else:
            offices = [x for x in c.places if x.what == "office"]
            if not offices:
                return None
            place = offices[0]
            q = ctx.person(c, avoid_family=(p.family.key,), avoid_given=(p.given.key,))
            box = ctx.claim(rng.choice(["info", "orders", "office", "einkauf"]), place.domain)
            for x in (p, q):
                x.place = place
                x.email = box
            why = "colleagues ordering with the office mailbox to the office address"
    elif kind == "phone_near":
        q = ctx.person(
            c,
            avoid_family=(p.family.key,),
            avoid_given=(p.given.key,),
            where=ctx.address(c, city=p.city) if rng.random() < 0.5 else None,
        )
        near = near_number(rng, ctx, p)
        if near is None:
            return None
        ctx.phones.discard(q.phone)
        q.phone = near
        why = "phone numbers one digit apart; different names, addresses and mailboxes"
    elif kind == "email_similar":
        return email_similar(rng, ctx, c, p)
    elif kind == "lookalike":
        return lookalike(rng, ctx, c, p)
    else:
        raise ValueError(kind)
    assert q is not None
    lb = base_look(rng, q)
    if kind in ("namesake",):
        lb = lb.with_(script=la.script, short=-1, double="both")
    if kind == "phone_near":
        lb = lb.with_(phone=la.phone, script=la.script)
    if full_names:
        la = la.with_(order="gf", double="both", short=-1, script="lat")
        lb = lb.with_(order="gf", double="both", short=-1, script="lat")
    a, b = finish(p, la, q, lb)
    return a, b, why


def near_number(rng: random.Random, ctx: Ctx, p: Person) -> str | None:
    for _ in range(50):
        digits = list(p.phone)
        i = len(digits) - rng.randint(1, 4)
        digits[i] = rng.choice([d for d in "0123456789" if d != digits[i]])
        number = "".join(digits)
        if phone_valid(number, p.c.code) and number not in ctx.phones:
            ctx.phones.add(number)
            return number
    return None


def email_similar(rng: random.Random, ctx: Ctx, c: Country, p: Person) -> Pair | None:
    roll = rng.random()
    domain = p.email.split("@")[1]
    if roll < 0.5:
        q = ctx.person(
            c, sex=p.sex, given=p.given, family=p.family, family2=p.family2, hyphen=False
        )
        q.hyphen = p.hyphen
        pattern = rng.choice(["{g}.{f}{yy}", "{g}{f}{yy}", "{gi}{f}{yy}", "{g}.{f}{yyyy}"])
        while q.year == p.year:
            q.year = rng.randint(1952, 2003)
        why = "namesakes in different places; mailboxes differ only in the digits"
    else:
        pairs = [x for x in c.alike if x[0] in (f.key for f in c.families)]
        if not pairs:
            return None
        fa, fb = rng.choice(pairs)
        p = ctx.person(c, sex=p.sex, family=family_by_key(c, fa), hyphen=False)
        given = p.given if rng.random() < 0.6 else None
        q = ctx.person(
            c,
            sex=p.sex,
            family=family_by_key(c, fb),
            given=given,
            hyphen=False,
            avoid_given=() if given else (p.given.key,),
        )
        pattern = rng.choice(["{g}.{f}", "{gi}.{f}", "{gi}{f}", "{f}.{g}"])
        why = "look-alike names and mailboxes at one provider; nothing else shared"
    for x in (p, q):
        ctx.mailboxes.discard(mailbox_key(x.email))
        x.email = ctx.email(x, domain, pattern)
    if mailbox_key(p.email) == mailbox_key(q.email):
        return None
    la, lb = base_look(rng, p), base_look(rng, q)
    lb = lb.with_(script=la.script)
    a, b = finish(p, la, q, lb)
    return a, b, f"{why} ('{p.email}' / '{q.email}')"


def lookalike(rng: random.Random, ctx: Ctx, c: Country, p: Person) -> Pair | None:
    pairs = [x for x in c.alike if x[0] in (f.key for f in c.families)]
    if pairs:
        fa, fb = rng.choice(pairs)
        if rng.random() < 0.5:
            fa, fb = fb, fa
        p = ctx.person(c, sex=p.sex, family=family_by_key(c, fa))
        given = p.given if rng.random() < 0.5 else None
        q = ctx.person(
            c,
            sex=p.sex,
            given=given,
            family=family_by_key(c, fb),
            where=ctx.address(c, city=p.city),
            avoid_given=() if given else (p.given.key,),
        )
        why = "similar family names in one town"
    else:
        q = ctx.person(
            c,
            sex=p.sex,
            family=p.family,
            where=ctx.address(c, city=p.city),
            avoid_given=(p.given.key,),
        )
        why = "same family name, other given name, in one town"
    la, lb = base_look(rng, p), base_look(rng, q)
    lb = lb.with_(script=la.script)
    a, b = finish(p, la, q, lb)
    return a, b, why + "; no phone, mailbox or address in common"


# --- plans --------------------------------------------------------------------------------------

SAME_BASE = [
    "phone_format",
    "email_alias",
    "email_changed",
    "phone_changed",
    "moved",
    "typo",
    "abbreviation",
    "missing_field",
    "combined",
    "single_link",
]
OTHER_BASE = [
    "household",
    "household",
    "sibling",
    "namesake",
    "same_building",
    "same_street",
    "shared_address",
    "shared_office",
    "shared_phone",
    "shared_email",
    "phone_near",
    "email_similar",
    "lookalike",
]
OTHER_EXTRA = {
    "US": "household_generation",
    "BR": "household_generation",
    "ES": "household_generation",
    "MX": "household_generation",
}
SAME_EXTRA = {
    "US": "nickname nickname middle_name postcode_format name_order spelling",
    "CA": "nickname postcode_format accents",
    "MX": "double_surname double_surname nickname nickname accents",
    "BR": "double_surname double_surname nickname nickname accents postcode_format",
    "DE": "accents accents nickname nickname double_surname",
    "FR": "accents accents nickname nickname name_order",
    "ES": "double_surname double_surname nickname nickname accents",
    "PT": "double_surname double_surname nickname accents postcode_format",
    "IT": "nickname nickname name_order spelling",
    "NL": "middle_name name_order postcode_format nickname spelling double_surname",
    "IE": "transliteration transliteration nickname nickname middle_name postcode_format spelling",
    "PL": "accents accents nickname nickname",
    "SE": "nickname nickname accents postcode_format middle_name",
    "NO": "accents accents middle_name nickname",
    "DK": "accents accents middle_name nickname",
    "IS": "accents accents nickname nickname middle_name",
    "GR": "transliteration transliteration transliteration nickname nickname nickname "
    "postcode_format middle_name",
    "IN": "transliteration transliteration middle_name middle_name nickname nickname",
    "PK": "transliteration transliteration transliteration nickname nickname",
    "IR": "transliteration transliteration transliteration transliteration nickname "
    "postcode_format",
    "KR": "transliteration transliteration transliteration transliteration name_order name_order",
    "JP": "transliteration transliteration transliteration transliteration name_order "
    "postcode_format",
    "IL": "transliteration transliteration transliteration transliteration nickname nickname",
    "MA": "transliteration transliteration transliteration name_order nickname accents",
    "DZ": "transliteration transliteration transliteration name_order name_order nickname",
    "ZA": "nickname nickname middle_name spelling",
    "AU": "nickname nickname middle_name abbreviation",
}


# --- checks ---------------------------------------------------------------------------------------


def require(ok: bool, what: str, pair: object) -> None:
    if not ok:
        raise ValueError(f"{what}: {pair}")


def check_pair(pair: dict[str, object]) -> None:
    """The labelling rules of README.md, and a valid phone number in every record."""
    a, b = pair["a"], pair["b"]
    if not isinstance(a, dict) or not isinstance(b, dict):
        raise TypeError(pair)
    require(a != b, "identical records", pair)
    keys = []
    for rec in (a, b):
        fields = ["name", "phone", "email", "address", "city", "postcode", "country"]
        require(list(rec) == fields, "fields", rec)
        if rec["phone"]:
            require(phone_valid(rec["phone"], rec["country"]), "invalid phone", rec)
        keys.append((phone_key(rec["phone"], rec["country"]), mailbox_key(rec["email"])))
    same_phone = bool(keys[0][0]) and keys[0][0] == keys[1][0]
    same_box = bool(keys[0][1]) and keys[0][1] == keys[1][1]
    shared = {"shared_phone": (True, False), "shared_email": (False, True)}
    if pair["same_person"]:
        require(same_phone or same_box, "a positive without a shared phone or mailbox", pair)
    else:
        expected = shared.get(str(pair["kind"]), (False, False))
        require((same_phone, same_box) == expected, "a negative sharing phone or mailbox", pair)
    if not pair["same_person"] and pair["kind"] not in ("namesake", "email_similar", "lookalike"):
        require(a["name"] != b["name"], "a negative with one name", pair)


def build() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    ctx = Ctx(rng)
    pairs: list[dict[str, object]] = []
    seen: set[str] = set()

    def add(a: dict[str, str], b: dict[str, str], same_person: bool, kind: str, note: str) -> bool:
        if rng.random() < 0.5:
            a, b = b, a
        pair: dict[str, object] = {"id": "", "a": a, "b": b, "same_person": same_person}
        pair.update(kind=kind, note=note)
        key = json.dumps(sorted([a, b], key=lambda r: json.dumps(r, ensure_ascii=False)))
        if key in seen or a == b:
            return False
        check_pair(pair)
        seen.add(key)
        pairs.append(pair)
        return True

    for c in COUNTRIES:
        plan = [(k, True) for k in SAME_BASE + SAME_EXTRA.get(c.code, "").split()]
        plan += [(k, False) for k in OTHER_BASE + OTHER_EXTRA.get(c.code, "").split()]
        for kind, same_person in plan:
            for _ in range(60):
                if same_person:
                    got = same(rng, ctx, c, kind)
                else:
                    got = other(rng, c, ctx.person(c), kind, ctx)
                label_kind = {"shared_office": "shared_address"}.get(kind, kind)
                label_kind = label_kind.replace("household_generation", "household")
                if got is not None and add(*got[:2], same_person, label_kind, got[2]):
                    break
            else:
                raise RuntimeError(f"could not make {kind} for {c.code}")
    for a, b, same_person, kind, note in HANDWRITTEN:
        require(add(dict(a), dict(b), same_person, kind, note), "duplicate", note)
    rng.shuffle(pairs)
    for i, pair in enumerate(pairs, 1):
        pair["id"] = f"h{i:04d}"
    return pairs


def dumps(pairs: list[dict[str, object]]) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)


def report(pairs: list[dict[str, object]]) -> None:
    by_country: Counter[tuple[str, bool]] = Counter()
    by_kind: Counter[tuple[str, bool]] = Counter()
    for p in pairs:
        country = p["a"]["country"]  # type: ignore[index]
        by_country[(country, bool(p["same_person"]))] += 1
        by_kind[(str(p["kind"]), bool(p["same_person"]))] += 1
    same_n = sum(1 for p in pairs if p["same_person"])
    print(f"{len(pairs)} pairs: {same_n} same person, {len(pairs) - same_n} different people")
    print("\nper country (same / different):")
    for code in sorted({k for k, _ in by_country}):
        s, d = by_country[(code, True)], by_country[(code, False)]
        print(f"  {code}  {s + d:3d}  ({s}/{d})")
    print("\nper kind:")
    for label, flag in (("same person", True), ("different people", False)):
        print(f"  {label}:")
        for kind in sorted({k for k, f in by_kind if f == flag}, key=lambda k: -by_kind[(k, flag)]):
            print(f"    {kind:18s} {by_kind[(kind, flag)]:3d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if pairs.jsonl is out of date")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the pairs")
    args = parser.parse_args(argv)
    pairs = build()
    text = dumps(pairs)
    if args.check:
        if not args.out.exists() or args.out.read_text(encoding="utf-8") != text:
            print(f"{args.out} is out of date; run build.py", file=sys.stderr)
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    report(pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
