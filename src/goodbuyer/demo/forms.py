"""What one checkout form says about the person that day: "Virtanen Aino" or "aino
virtanen", a name in Arabic or in Latin letters, a Gmail address with dots or a +tag."""

from __future__ import annotations

import random

from goodbuyer.demo.people import Person
from goodbuyer.demo.pools import ascii_fold

_TAGS = ("shop", "orders", "promo", "fashion", "1", "sale")
_DOMAIN_TYPOS = {
    "gmail.com": ("gmial.com", "gmail.co", "gmai.com", "gmail.con"),
    "hotmail.com": ("hotmial.com", "hotmail.co"),
    "yahoo.com": ("yaho.com", "yahoo.co"),
}


def typed_name(person: Person, r: random.Random) -> str:
    if person.fake_name:
        return person.fake_name if r.random() < 0.8 else person.fake_name.upper()
    if person.pool.latin_share and r.random() < person.pool.latin_share:
        first, family = _latin(person, r)
    elif person.pool.latin_share:
        return f"{person.first[0]} {person.family[0]}"
    else:
        first, family = person.first[0], person.family[0]
    if person.country.code == "HU" and r.random() < 0.8:
        name = f"{family} {first}"
    elif r.random() < 0.02:
        name = f"{first[0]}. {family}"
    else:
        name = f"{first} {family}"
    return _case(name, r)


def _latin(person: Person, r: random.Random) -> tuple[str, str]:
    if r.random() < 0.12:  # another transliteration this time
        first, family = person.first[1], person.family[1]
        return r.choice(first), r.choice(family)
    return person.latin()


def _case(name: str, r: random.Random) -> str:
    x = r.random()
    if x < 0.07:
        return ascii_fold(name)
    if x < 0.12:
        return name.lower()
    if x < 0.15:
        return name.upper()
    if x < 0.17:
        return name.split(" ", 1)[0]
    return name


def typed_email(email: str, r: random.Random) -> str:
    if "@" not in email:
        return email
    local, domain = email.rsplit("@", 1)
    x = r.random()
    if domain == "gmail.com" and x < 0.25:
        local, domain = _gmail(local, domain, r)
    elif domain in ("outlook.com", "hotmail.com") and x < 0.04:
        local = f"{local}+{r.choice(_TAGS)}"
    y = r.random()
    if y < 0.08:
        local = ".".join(part[:1].upper() + part[1:] for part in local.split("."))
        domain = domain[:1].upper() + domain[1:]
    elif y < 0.1:
        local, domain = local.upper(), domain.upper()
    elif y < 0.11 and domain in _DOMAIN_TYPOS:
        domain = r.choice(_DOMAIN_TYPOS[domain])
    return f"{local}@{domain}"


def _gmail(local: str, domain: str, r: random.Random) -> tuple[str, str]:
    """Gmail ignores dots and everything after '+'; people use both."""
    x = r.random()
    if x < 0.35 and "." in local:
        return local.replace(".", ""), domain
    if x < 0.6 and len(local) > 3:
        i = r.randint(1, len(local) - 2)
        return f"{local[:i]}.{local[i:]}".replace("..", "."), domain
    if x < 0.88:
        return f"{local}+{r.choice(_TAGS)}", domain
    return local, "googlemail.com"


__all__ = ["typed_email", "typed_name"]
