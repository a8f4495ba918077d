"""Pairs of orders placed by two different people whose details overlap."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from identity_factory import Factory, fits, surname_row, with_phone
from identity_kinds_same import Pair
from identity_model import Country
from identity_render import Person, View, email_word, phone_styles, render


def _two(
    f: Factory, p: Person, q: Person, *, namesakes: bool = False, mailbox: bool = False
) -> tuple[View, View]:
    """Habits of two different people: no shared full name or user name unless that is the point."""
    if not namesakes and (p.given == q.given and p.surname == q.surname):
        raise LookupError("two people drawn with one name")
    if not mailbox and _plain(p.email.split("@")[0]) == _plain(q.email.split("@")[0]):
        raise LookupError("one user name at two providers reads as one person")
    return f.habit(p), f.habit(q)


def _unrelated(p: Person, q: Person) -> None:
    """Strangers sharing a locker or an office: a shared family name would hint at kin."""
    if p.surname[1] == q.surname[1] or p.given == q.given:
        raise LookupError("drawn strangers look related")


def household(f: Factory, c: Country) -> Pair:
    r = f.rng
    p = f.person(c, home=f.home(c, flat=r.random() < c.unit_share))
    relation = r.choice(("spouse", "spouse", "child", "parent", "flatmate", "partner"))
    if relation == "spouse":
        q = f.relative(p, female=not p.female, same_surname=r.random() < 0.7)
    elif relation in ("child", "parent"):
        q = f.relative(p, same_surname=True)
    else:
        q = f.relative(p, same_surname=False)
    vp, vq = _two(f, p, q)
    a_rec, b_rec = render(p, vp), render(q, vq)
    return a_rec, b_rec, f"{relation} at the same address; different given name, phone and e-mail"


def namesake(f: Factory, c: Country) -> Pair:
    r = f.rng
    female = r.random() < 0.5
    pool = (c.female if female else c.male)[:4]
    given, row = r.choice(pool), r.randrange(min(4, len(c.surnames)))
    p = f.person(c, female=female, given=given, surname=row)
    same_town = r.random() < 0.25
    city = p.home.city if same_town else f.city(c, other_than=p.home.city)
    q = f.person(c, female=female, given=given, surname=row, home=f.home(c, city=city))
    vp, vq = _two(f, p, q, namesakes=True)
    vq = replace(vq, script=vp.script, order=vp.order)
    where = "same town, other street" if same_town else "different towns"
    return render(p, vp), render(q, vq), f"common name, {where}; no shared phone or e-mail"


def phone_near(f: Factory, c: Country) -> Pair:
    r = f.rng
    p = f.person(c)
    city = p.home.city if r.random() < 0.5 else None
    near = f.near_phone(p.phone, c.code)
    row = r.choice(
        [i for i in range(len(c.surnames)) if i != surname_row(p) and fits(c, p.given, i)]
    )
    q = f.person(c, surname=row, phone=near, home=f.home(c, city=city))
    vp, vq = _two(f, p, q)
    styles_p, styles_q = phone_styles(p.phone, c.code), phone_styles(near, c.code)
    style = next((k for k, t in styles_p.items() if t == vp.phone), "national")
    vq = replace(vq, phone=styles_q.get(style, vq.phone))
    a_rec, b_rec = render(p, vp), render(q, vq)
    return a_rec, b_rec, "phones differ only in the last digit(s); different name, e-mail, address"


def same_building(f: Factory, c: Country) -> Pair:
    p = f.person(c, home=f.home(c, flat=True))
    unit = f.unit(c)
    while unit["door"] == p.home.unit["door"]:
        unit = f.unit(c)
    q = f.person(
        c,
        surname=f.similar_surname(p) if f.rng.random() < 0.2 else None,
        home=replace(p.home, unit=unit),
    )
    _unrelated(p, q)
    vp, vq = _two(f, p, q)
    vq = replace(vq, line=vp.line, unit=vp.unit, street_form=vp.street_form, script=vp.script)
    return (
        render(p, vp),
        render(q, vq),
        "same building, different flat; different people and contacts",
    )


def same_street(f: Factory, c: Country) -> Pair:
    p = f.person(c)
    home = f.home(c, city=p.home.city, street=p.home.street)
    while home.house == p.home.house:
        home = f.home(c, city=p.home.city, street=p.home.street)
    q = f.person(c, home=replace(home, postcode=p.home.postcode))
    _unrelated(p, q)
    vp, vq = _two(f, p, q)
    vq = replace(vq, script=vp.script)
    return (
        render(p, vp),
        render(q, vq),
        "same street, different house number; different people and contacts",
    )


def email_similar(f: Factory, c: Country) -> Pair:
    """Two people whose mailbox names differ by a letter or two: j.smith / j.smyth, anna / hanna."""
    r = f.rng
    domain = r.choice(c.domains)
    pattern = r.choice(
        ("{g}.{s}", "{s}.{g}", "{g}{s}", "{g0}.{s}", "{g}_{s}", "{g0}{s}", "{s}{g0}")
    )
    p = f.person(c, domain=domain, pattern=pattern)
    mine = p.email.split("@")[0]
    best: tuple[float, float, bool, tuple[str, str], int] | None = None
    for female, pool in ((False, c.male), (True, c.female)):
        for given in pool:
            for row, forms in enumerate(c.surnames):
                surname = forms[3] if female else forms[2]
                if given == p.given or not fits(c, given, row):
                    continue
                local = _local(pattern, given[1], surname, c)
                score = SequenceMatcher(None, local, mine).ratio()
                if (
                    local != mine
                    and _plain(local) != _plain(mine)
                    and (best is None or score > best[0])
                ):
                    best = (score, r.random(), female, given, row)
    if best is None or best[0] < 0.75:
        raise LookupError(f"no look-alike of {mine}")
    _, _, female, given, row = best
    q = f.person(c, female=female, given=given, surname=row, domain=domain, pattern=pattern)
    if q.email.split("@")[0] != _local(pattern, q.given[1], q.surname[1], c):
        raise LookupError("mailbox taken")
    q = replace(q, home=f.home(c, city=f.city(c, other_than=p.home.city)))
    vp, vq = _two(f, p, q)
    note = "look-alike mailboxes at one provider; different name, phone and town"
    return render(p, vp), render(q, vq), note


def _local(pattern: str, given: str, surname: str, c: Country) -> str:
    g, s = email_word(given, c), email_word(surname, c)
    return pattern.format(g=g, s=s, g0=g[:1], s0=s[:1], yy="", yyyy="")


def _plain(local: str) -> str:
    return local.lower().replace(".", "").replace("_", "")


def sibling(f: Factory, c: Country) -> Pair:
    r = f.rng
    p = f.person(c)
    given = f.similar_given(p) if r.random() < 0.6 else None
    female = f.gender_of(c, given) if given else r.random() < 0.5
    row = next(i for i, row in enumerate(c.surnames) if p.surname[0] in (row[0], row[1]))
    at_home = r.random() < 0.7
    home = p.home if at_home else f.home(c, city=p.home.city)
    q = f.person(c, female=female, given=given, surname=row, home=home)
    if q.given == p.given:
        raise LookupError("same given name")
    vp, vq = _two(f, p, q)
    vq = replace(vq, script=vp.script, order=vp.order)
    where = "same family address" if at_home else "same town, own flat"
    who = "twins" if given else "siblings"
    return render(p, vp), render(q, vq), f"{who}: same family name, {where}; own phone and e-mail"


def shared_address(f: Factory, c: Country) -> Pair:
    r = f.rng
    spot = r.choice(c.pickups)
    p = f.person(c)
    q = f.person(c, surname=f.similar_surname(p) if r.random() < 0.2 else None)
    _unrelated(p, q)
    vp, vq = _two(f, p, q)
    recs = []
    for person, view in ((p, vp), (q, vq)):
        rec = render(person, view)
        line = spot.line
        if "Packstation" in line:
            line = f"{line}, Postnummer {r.randint(10_000_000, 99_999_999)}"
        if "UPS Store" in line:
            line = f"{line} PMB {r.randint(100, 999)}"
        rec.update(address=line, city=spot.city, postcode=spot.postcode)
        recs.append(rec)
    return recs[0], recs[1], f"same {spot.what} address; different names, phones and e-mails"


def shared_phone(f: Factory, c: Country) -> Pair:
    r = f.rng
    p = f.person(c)
    how = r.choice(
        ("family", "family", "reassigned", "office")
        if c.landline
        else ("family", "family", "reassigned")
    )
    if how == "family":
        q = replace(f.relative(p, female=r.random() < 0.5), phone=p.phone)
        note = "family member's phone: same phone and address, different given name and e-mail"
    elif how == "reassigned":
        q = f.person(c, phone=p.phone, home=f.home(c, city=f.city(c, other_than=p.home.city)))
        _unrelated(p, q)
        note = "same phone, years apart: different name, e-mail and town (reassigned number)"
    else:
        city = r.choice([city for city in c.cities if city.name in c.landline])
        office = f.phone(c, landline_city=city.name)
        p = f.person(c, phone=office, home=f.home(c, city=city))
        q = f.person(c, phone=office, home=p.home)
        _unrelated(p, q)
        note = (
            "colleagues giving the office landline and office address; different names and e-mails"
        )
    if q.given == p.given:
        raise LookupError("same given name")
    vp, vq = _two(f, p, q)
    vq = with_phone(vq, q.phone, q, r)
    return render(p, vp), render(q, vq), note


PLACEHOLDERS = {
    "HU": "nincs@nincs.hu",
    "DE": "keine@email.de",
    "PL": "brak@brak.pl",
    "CZ": "nema@email.cz",
    "FR": "pas.de.mail@gmail.com",
    "ES": "sincorreo@gmail.com",
    "IT": "nessuna@email.it",
    "RO": "nu.are@email.ro",
    "TR": "yok@yok.com",
}
OFFICE_MAIL = {
    "HU": "iroda@halaszesfia.hu",
    "CZ": "kancelar@dvorak-partneri.cz",
    "FI": "toimisto@korhonenlaine.fi",
    "DE": "info@becker-lange-stb.de",
    "PL": "biuro@rachunki-nowak.pl",
    "NL": "info@devriesmulder.nl",
    "FR": "contact@moreau-associes.fr",
    "ES": "info@romeroytorres.es",
    "GB": "office@hughesclarke.co.uk",
    "US": "frontdesk@nguyenpateldental.com",
    "IT": "segreteria@studiocontigreco.it",
    "PT": "geral@almeidapinto.pt",
    "RO": "office@ionescu-asociatii.ro",
    "TR": "info@demirhukuk.com.tr",
    "IL": "office@cohen-levi.co.il",
    "SA": "info@alzahrani-contracting.sa",
    "AE": "admin@infofort-tower.ae",
    "EG": "info@elnaggar-import.com.eg",
    "UA": "office@bondarenko-partners.com.ua",
    "BG": "office@atanasov-sin.bg",
    "RU": "office@morozov-partners.ru",
}


def shared_email(f: Factory, c: Country) -> Pair:
    r = f.rng
    how = r.choice(
        ("family", "family", "office", "placeholder" if c.code in PLACEHOLDERS else "family")
    )
    if how == "office":
        office = next(spot for spot in c.pickups if spot.what == "office")
        p, q = f.person(c, email=OFFICE_MAIL[c.code]), f.person(c, email=OFFICE_MAIL[c.code])
        _unrelated(p, q)
        vp, vq = _two(f, p, q, mailbox=True)
        recs = [render(p, vp), render(q, vq)]
        for rec in recs:
            rec.update(address=office.line, city=office.city, postcode=office.postcode)
        return (
            recs[0],
            recs[1],
            "colleagues ordering with the office mailbox to the office; different names, phones",
        )
    if how == "placeholder":
        p = f.person(c, email=PLACEHOLDERS[c.code])
        q = f.person(
            c, email=PLACEHOLDERS[c.code], home=f.home(c, city=f.city(c, other_than=p.home.city))
        )
        _unrelated(p, q)
        vp, vq = _two(f, p, q, mailbox=True)
        return (
            render(p, vp),
            render(q, vq),
            "same 'no e-mail' placeholder typed on phone orders; nothing else shared",
        )
    p = f.person(c)
    q = f.relative(p, female=not p.female)
    word = email_word(p.surname[1], c)
    local = r.choice(
        (f"{c.family_word}.{word}", f"{word}.{c.family_word}", f"{word}{c.family_word}")
    )
    if c.code in ("GB", "US"):
        local = r.choice(
            (
                f"the{word}s",
                f"{word}family",
                f"{email_word(p.given[1], c)}and{email_word(q.given[1], c)}",
            )
        )
    mailbox = f.email(c, "", "", year=p.year, pattern=local, domain=r.choice(c.domains))
    p, q = replace(p, email=mailbox), replace(q, email=mailbox)
    vp, vq = _two(f, p, q, mailbox=True)
    return (
        render(p, vp),
        render(q, vq),
        "shared family mailbox; different given names and phones, same address",
    )


def lookalike(f: Factory, c: Country) -> Pair:
    r = f.rng
    p = f.person(c)
    if r.random() < 0.5:
        q = f.person(
            c,
            female=p.female,
            given=p.given,
            surname=f.similar_surname(p),
            home=f.home(c, city=p.home.city),
        )
        what = "same given name, similar family name"
    else:
        given = f.similar_given(p, any_gender=False)
        row = next(i for i, row in enumerate(c.surnames) if p.surname[0] in (row[0], row[1]))
        q = f.person(c, female=p.female, given=given, surname=row, home=f.home(c, city=p.home.city))
        what = "similar given name, same family name"
    vp, vq = _two(f, p, q)
    vq = replace(vq, script=vp.script, order=vp.order)
    return render(p, vp), render(q, vq), f"{what}, same town; no shared phone, e-mail or address"
