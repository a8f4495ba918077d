"""Pairs of orders placed by one person who typed their details differently."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from identity_factory import Factory, with_phone
from identity_model import Country
from identity_render import (
    Person,
    Record,
    View,
    email_word,
    phone_styles,
    render,
    street_text,
    typo,
)

Pair = tuple[Record, Record, str]  # two orders and a note; label and kind come from the caller
SCRIPT_NAMES = {"hebrew": "Hebrew", "arabic": "Arabic", "cyrillic": "Cyrillic"}
PLUS_TAGS = ("shop", "orders", "online", "promo", "2024", "web", "buy", "deals", "news")
PLUS_DOMAINS = ("gmail.com", "outlook.com", "hotmail.com", "icloud.com")
DOMAIN_SLIPS = {"gmail.com": ("gmial.com", "gmail.co", "gmal.com", "gmail.con", "gamil.com")}


def _start(f: Factory, c: Country, **kw: Any) -> tuple[Person, View]:
    p = f.person(c, **kw)
    return p, f.habit(p)


def _maybe_restyle(f: Factory, p: Person, v: View, chance: float) -> View:
    if f.rng.random() < chance:
        return replace(v, phone=f.other_style(p, v, digits_differ=False)[2])
    return v


def phone_format(f: Factory, c: Country) -> Pair:
    if c.landline and f.rng.random() < 0.3:  # a home landline: short numbers in some countries
        city = f.rng.choice([city for city in c.cities if city.name in c.landline])
        home = f.home(c, city=city)
        p, v = _start(f, c, home=home, phone=f.phone(c, landline_city=city.name))
    else:
        p, v = _start(f, c)
    old, new, text = f.other_style(p, v)
    if "Arabic" not in old + new and c.code in ("SA", "EG", "AE") and f.rng.random() < 0.6:
        styles = {k: t for k, t in _styles(p).items() if "Arabic" in k}
        new = f.rng.choice(sorted(styles))
        text = styles[new]
    b = replace(v, phone=text)
    tail = "same name, e-mail and address"
    roll = f.rng.random()
    if roll < 0.25:
        b, tail = replace(b, email=""), "same name and address, no e-mail on one order"
    elif roll < 0.4:
        new_mail = f.email(c, p.given[1], p.surname[1], year=p.year)
        b, tail = replace(b, email=new_mail), "same name and address, new e-mail"
    return render(p, v), render(p, b), f"phone typed as {old} vs {new}; {tail}"


def _styles(p: Person) -> dict[str, str]:
    return phone_styles(p.phone, p.country.code)


def _alias(email: str, variant: str, rng: random.Random, given: str) -> str:
    local, domain = email.split("@")
    if "dots" in variant:
        if "." in local:
            local = local.replace(".", "")
        else:
            cut = (
                len(given)
                if local.startswith(given) and 0 < len(given) < len(local)
                else len(local) // 2
            )
            local = local[:cut] + "." + local[cut:]
    if "plus" in variant:
        local = f"{local}+{rng.choice(PLUS_TAGS)}"
    if "googlemail" in variant:
        domain = "googlemail.com"
    if "case" in variant:
        local = ".".join(part.capitalize() for part in local.split("."))
        domain = domain.upper() if rng.random() < 0.4 else domain.capitalize()
    return f"{local}@{domain}"


def email_alias(f: Factory, c: Country) -> Pair:
    r = f.rng
    variant = r.choice(
        ("case", "dots", "plus", "googlemail", "dots+case", "plus+dots", "googlemail+case")
    )
    domain = "gmail.com" if "dots" in variant or "googlemail" in variant else ""
    if variant == "plus":
        domain = r.choice(PLUS_DOMAINS)
    pattern = r.choice(("{g}.{s}", "{s}.{g}", "{g}{s}", "{g}.{s}{yy}")) if "dots" in variant else ""
    p, v = _start(f, c, domain=domain, pattern=pattern)
    b = replace(v, email=_alias(p.email, variant, r, email_word(p.given[1], c)))
    roll = r.random()
    if roll < 0.45:
        b, tail = _maybe_restyle(f, p, b, 0.3), "same phone, name and address"
    elif roll < 0.75:
        b, tail = replace(b, phone=""), "no phone on one order; same name and address"
    else:
        b, tail = with_phone(b, f.phone(c), p, r), "new phone; same name and address"
    what = (
        variant.replace("+", " and ").replace("case", "letter case").replace("dots", "gmail dots")
    )
    what = what.replace("plus", "+tag")
    return render(p, v), render(p, b), f"same mailbox, {what} differ; {tail}"


def email_changed(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c)
    new = f.email(c, p.given[1], p.surname[1], year=p.year)
    b = _maybe_restyle(f, p, replace(v, email=new), 0.4)
    old_domain, new_domain = p.email.split("@")[1], new.split("@")[1]
    change = (
        "another mailbox at the same provider"
        if old_domain == new_domain
        else "new e-mail provider"
    )
    return render(p, v), render(p, b), f"{change}; same phone, name and address"


def phone_changed(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c)
    b = with_phone(v, f.phone(c), p, f.rng)
    tail = "same e-mail, name and address"
    if f.rng.random() < 0.3:
        b = replace(b, street_form=v.street_form + 1)
        tail = "same e-mail and name, same address spelled a little differently"
    return render(p, v), render(p, b), f"new phone number; {tail}"


def moved(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c)
    same_town = f.rng.random() < 0.4
    city = p.home.city if same_town else f.city(c, other_than=p.home.city)
    streets = [st for st in f.streets(c, city) if st != p.home.street]
    q = replace(p, home=f.home(c, city=city, street=f.rng.choice(streets)))
    b = _maybe_restyle(f, p, v, 0.3)
    a_rec, b_rec = render(p, v), render(q, b)
    where = f"within {a_rec['city']}" if same_town else f"from {a_rec['city']} to {b_rec['city']}"
    return a_rec, b_rec, f"moved {where}; same name, phone and e-mail"


def transliteration(f: Factory, c: Country) -> Pair:
    r = f.rng
    p, v = _start(f, c, native_name=True)
    v = replace(v, script="native")
    b = replace(v, script="latin", arabic_digits=False, latin_alt=r.choice((0, 0, 1, 2)))
    styles = _styles(p)
    b = replace(b, phone=r.choice([t for k, t in styles.items() if "Arabic" not in k]))
    a_rec, b_rec = render(p, v), render(p, b)
    if r.random() < 0.35:
        b_rec["address"], b_rec["city"] = a_rec["address"], a_rec["city"]
    tail = "same phone and e-mail"
    if r.random() < 0.2:
        b_rec["email"], tail = "", "same phone, no e-mail on one order"
    script = SCRIPT_NAMES[c.script]
    return a_rec, b_rec, f"{script} vs Latin spelling of the name ({b_rec['name']}); {tail}"


def accents(f: Factory, c: Country) -> Pair:
    r = f.rng
    for _ in range(40):
        p, v = _start(f, c)
        style = "digraph" if c.code == "DE" and r.random() < 0.6 else "ascii"
        if c.code == "RO" and r.random() < 0.4:
            style = "cedilla"
        a_rec, b_rec = render(p, v), render(p, replace(v, fold=style))
        if a_rec["name"] != b_rec["name"]:
            how = {
                "ascii": "no diacritics",
                "digraph": "umlauts as ae/oe/ue",
                "cedilla": "ş/ţ with cedilla",
            }
            return (
                a_rec,
                b_rec,
                f"{how[style]} in the second order ({b_rec['name']}); same phone and e-mail",
            )
    raise RuntimeError(f"no accented name in {c.code}")


def name_order(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c)
    first = {"FR": "upper", "TR": "upper", "GB": "comma", "US": "comma", "NL": "comma"}.get(
        c.code, "family"
    )
    a = replace(v, order=first, middle="full" if c.patronymics else "")
    b = replace(v, order="given", middle="")
    what = {
        "upper": "family name first in capitals",
        "comma": "'Family, Given'",
        "family": "family name first",
    }[first]
    if c.patronymics:
        what = "full name with patronymic, family name first"
    a_rec, b_rec = render(p, a), render(p, b)
    if f.rng.random() < 0.5:
        a_rec, b_rec = b_rec, a_rec
    return a_rec, b_rec, f"{what} vs given name first; same phone and e-mail"


def typo_pair(f: Factory, c: Country) -> Pair:
    r = f.rng
    what = r.choice(
        ("given name", "family name", "family name", "street", "street", "e-mail domain", "e-mail")
    )
    p, v = _start(f, c, domain="gmail.com" if what == "e-mail domain" else "")
    a_rec = render(p, v)
    b_rec = dict(a_rec)
    if what == "given name":
        new, slip = typo(p.given[0], r)
        b_rec = render(p, replace(v, given=new))
    elif what == "family name":
        new, slip = typo(p.surname[0], r)
        b_rec = render(p, replace(v, surname=new))
    elif what == "street":
        word = max(p.home.street.name.split(), key=len)
        new, slip = typo(word, r)
        b_rec["address"] = a_rec["address"].replace(word, new, 1)
    elif what == "e-mail domain":
        local, domain = p.email.split("@")
        new, slip = f"{local}@{r.choice(DOMAIN_SLIPS[domain])}", "misspelt domain"
        b_rec["email"] = new
    else:
        local, domain = p.email.split("@")
        new_local, slip = typo(local, r)
        b_rec["email"] = new = f"{new_local}@{domain}"
    keep = "same phone and e-mail" if "e-mail" not in what else "same name, phone and address"
    return a_rec, b_rec, f"{slip} in the {what} ({new}); {keep}"


def abbreviation(f: Factory, c: Country) -> Pair:
    r = f.rng
    for _ in range(60):
        p, v = _start(f, c)
        kind = c.types[p.home.street.kind]
        forms = kind.forms if v.script == "native" or c.latin_script else kind.latin
        choices = [("form", i) for i in range(len(forms)) if i != v.street_form % len(forms)]
        choices += [("alt", k) for k in range(1, len(p.home.street.alts) + 1)]
        if choices:
            how, k = r.choice(choices)
            b = replace(v, street_form=k) if how == "form" else replace(v, street_alt=k)
            sa, sb = street_text(p, v), street_text(p, b)
            if sa != sb:
                return (
                    render(p, v),
                    render(p, b),
                    f"street written '{sa}' vs '{sb}'; same name, phone, e-mail",
                )
    raise RuntimeError(f"no abbreviation in {c.code}")


def apartment_format(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c, home=f.home(c, flat=True))
    units = c.latin_units if v.script == "latin" and c.latin_units else c.units
    others = [i for i in range(len(units)) if units[i] != units[v.unit % len(units)]]
    b = replace(v, unit=f.rng.choice(others))
    a_rec, b_rec = render(p, v), render(p, b)
    ua = units[v.unit % len(units)].format(**p.home.unit).strip(" ,،")
    ub = units[b.unit % len(units)].format(**p.home.unit).strip(" ,،")
    return a_rec, b_rec, f"flat written '{ua}' vs '{ub}'; same name, phone, e-mail"


def missing_field(f: Factory, c: Country) -> Pair:
    r = f.rng
    p, v = _start(f, c)
    a_rec, b_rec = render(p, v), render(p, v)
    gap = r.choice(
        ("email", "phone", "postcode", "city", "address", "email+postcode", "phone+city")
    )
    if gap == "address":  # a download order: no delivery address at all
        b_rec.update(address="", city="", postcode="")
        note = "one order has no delivery address (digital goods); same name, phone, e-mail"
    elif gap == "email+postcode":
        a_rec["postcode"], b_rec["email"] = "", ""
        note = "one order lacks the postcode, the other the e-mail; same name, phone, address"
    elif gap == "phone+city":
        b_rec.update(phone="", city="")
        note = "one order lacks phone and town; same name, e-mail, street and postcode"
    else:
        b_rec[gap] = ""
        keep = "same name, e-mail and address" if gap == "phone" else "same name and phone"
        if gap in ("postcode", "city"):
            keep = "same name, phone, e-mail and street"
        note = f"one order has no {gap.replace('email', 'e-mail')}; {keep}"
    if r.random() < 0.5:
        a_rec, b_rec = b_rec, a_rec
    return a_rec, b_rec, note


def nickname(f: Factory, c: Country) -> Pair:
    r = f.rng
    for _ in range(200):
        p, v = _start(f, c)
        given = p.given[1] if v.script == "latin" else p.given[0]
        if given in c.nicknames:
            short = r.choice(c.nicknames[given])
            b = replace(v, given=short)
            a_rec, b_rec = render(p, v), render(p, b)
            tail = "same phone and e-mail"
            if r.random() < 0.3:
                b_rec["email"], tail = "", "same phone and address, no e-mail on one order"
            return a_rec, b_rec, f"'{given}' and the short form '{short}'; {tail}"
    raise RuntimeError(f"no nickname in {c.code}")


def double_surname(f: Factory, c: Country) -> Pair:
    r = f.rng
    p, v = _start(f, c, female=c.code in ("HU", "DE", "PL", "NL", "FR", "GB"))
    own = p.surname[0]
    row = r.choice([row for row in c.surnames if own not in row])
    other = row[1] if p.female else row[0]
    if c.code == "ES":
        full, short = f"{own} {other}", r.choice((own, f"{own}-{other}", f"{own} {other[0]}."))
        what = "both Spanish surnames vs fewer"
    elif c.code == "PT":
        full, short = f"{other} {own}", r.choice((own, f"{other[0]}. {own}"))
        what = "both Portuguese surnames vs the last one"
    elif c.code == "HU":
        full, short = f"{other}né {own}", own
        what = "married form with husband's name vs maiden name"
    elif c.code == "NL":
        full, short = f"{other}-{own}", own
        what = "partner's name joined to her own vs her own only"
    else:
        full, short = f"{own}-{other}", r.choice((own, other))
        what = "double-barrelled surname vs one part of it"
    a_rec, b_rec = render(p, replace(v, surname=full)), render(p, replace(v, surname=short))
    return a_rec, b_rec, f"{what} ({a_rec['name']}); same phone and e-mail"


def middle_name(f: Factory, c: Country) -> Pair:
    p, v = _start(f, c)
    how = "initial" if c.code == "US" and f.rng.random() < 0.7 else "full"
    a_rec, b_rec = render(p, replace(v, middle=how)), render(p, replace(v, middle=""))
    what = {"RU": "patronymic", "UA": "patronymic", "SA": "father's name", "EG": "father's name"}
    label = what.get(c.code, "middle initial" if how == "initial" else "middle name")
    tail = "same phone and e-mail"
    if f.rng.random() < 0.3:
        b_rec["phone"], tail = "", "same e-mail and address, no phone on one order"
    return a_rec, b_rec, f"{label} on one order only; {tail}"


def combined(f: Factory, c: Country) -> Pair:
    r = f.rng
    p, v = _start(f, c, home=f.home(c, flat=r.random() < 0.6))
    b = replace(v, phone=f.other_style(p, v)[2])
    done = ["phone format"]
    options = ["street", "line", "email case", "city", "postcode", "unit", "fold", "order"]
    for change in r.sample(options, k=len(options)):
        if len(done) >= 3:
            break
        new = _combine(f, p, b, change)
        if new is not None and render(p, new) != render(p, b):
            b, done = new, [*done, change]
    a_rec, b_rec = render(p, v), render(p, b)
    if "postcode" in done:
        b_rec["postcode"] = _postcode_variant(c, a_rec["postcode"], r)
    if "email case" in done:
        b_rec["email"] = _alias(p.email, "case", r, "")
    return a_rec, b_rec, "several at once: " + ", ".join(done) + "; same person"


def _combine(f: Factory, p: Person, b: View, change: str) -> View | None:
    c, r = p.country, f.rng
    if change == "street":
        return replace(b, street_form=b.street_form + 1)
    if change == "line" and len(c.lines) > 1:
        return replace(b, line=b.line + 1)
    if change == "unit" and p.home.unit:
        return replace(b, unit=b.unit + 1)
    if change == "city" and p.home.city.aliases and b.script == "native":
        return replace(b, city=r.choice(p.home.city.aliases))
    if change == "fold" and c.latin_script:
        return replace(b, fold="ascii")
    if change == "order" and c.code in ("HU", "IT", "CZ"):
        return replace(b, order="given" if b.order == "family" else "family")
    if change in ("email case", "postcode"):
        return b if change == "email case" or _postcode_variant(c, p.home.postcode, r) else None
    return None


def _postcode_variant(c: Country, code: str, rng: random.Random) -> str:
    if not code:
        return ""
    if c.code in ("NL", "GB", "CZ"):
        return code.replace(" ", "") if rng.random() < 0.6 else code.lower()
    if c.code == "PL":
        return code.replace("-", "")
    if c.code == "PT":
        return code.replace("-", " ")
    if c.code in ("US", "SA"):
        return f"{code}-{rng.randint(1000, 9899)}"
    return ""


def single_link(f: Factory, c: Country) -> Pair:
    r = f.rng
    p, v = _start(f, c)
    q = replace(p, home=f.home(c, city=f.city(c, other_than=p.home.city)))
    if r.random() < 0.5:
        b = with_phone(v, f.phone(c), p, r)
        note = "only the e-mail and full name match: new phone and moved town; same person"
    else:
        b = replace(v, email=f.email(c, p.given[1], p.surname[1], year=p.year))
        note = "only the phone and full name match: new e-mail and moved town; same person"
    return render(p, v), render(q, b), note


def postcode_variant(c: Country, code: str, rng: random.Random) -> str:
    return _postcode_variant(c, code, rng)
