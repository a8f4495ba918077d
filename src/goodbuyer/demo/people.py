"""The shop's customers as people: names, e-mails, phones and homes (shared or not), and
the new e-mails and phones they come back with."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import NamedTuple

from goodbuyer.demo import emails, phones
from goodbuyer.demo.addresses import Address, new_address
from goodbuyer.demo.archetypes import BEHAVIOURS, Archetype, Behaviour
from goodbuyer.demo.catalog import Fit
from goodbuyer.demo.countries import Country
from goodbuyer.demo.names import Name
from goodbuyer.demo.pools import NAME_POOLS, NamePool, name_pool

_PRIME = 2_147_483_647  # customer ids are a bijection modulo this prime


@dataclass(slots=True)
class Person:
    index: int
    archetype: Archetype
    behaviour: Behaviour
    country: Country
    language: str
    pool: NamePool
    male: bool
    first: Name
    family: Name
    spelling: int  # which Latin spelling of a native-script name this person uses
    fit: Fit
    ghost: bool
    local: str  # the local part of their e-mail addresses
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # national digits, or junk for ghosts
    addresses: list[Address] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    household: int = -1  # the index of the first person of the household
    fake_name: str = ""
    autofill: str = ""  # what the browser fills the checkout form in with (CSV cells)

    @property
    def key(self) -> str:
        return f"K{self.index + 1:07d}"

    def latin(self) -> tuple[str, str]:
        first, family = self.first[1], self.family[1]
        spelling = self.spelling
        return first[min(spelling, len(first) - 1)], family[min(spelling, len(family) - 1)]


class Identity(NamedTuple):
    """Who a customer is, drawn up front for all customers so that e-mail addresses can be
    kept unique across the chunks that are later simulated apart."""

    language: str
    male: bool
    first: int  # index into the name pool
    family: int
    spelling: int
    local: str  # the local part of their e-mail addresses, unique to them


def _pick_language(country: Country, r: random.Random) -> str:
    x = r.random()
    for language, share in country.languages:
        x -= share
        if x < 0:
            return language
    return country.languages[0][0]


def _names(pool: NamePool, male: bool) -> tuple[tuple[Name, ...], tuple[Name, ...]]:
    return (pool.male, pool.family_male) if male else (pool.female, pool.family_female)


def _spelt(name: Name, spelling: int) -> str:
    return emails.slug(name[1][min(spelling, len(name[1]) - 1)])


def plan_identity(country: Country, r: random.Random, taken: set[str]) -> Identity:
    language = _pick_language(country, r)
    male = r.random() < 0.45
    firsts, families = _names(name_pool(NAME_POOLS[(country.code, language)]), male)
    first, family = int(r.random() * len(firsts)), int(r.random() * len(families))
    spelling = 0 if r.random() < 0.6 else 1 + int(r.random() * 2)
    names = (_spelt(firsts[first], spelling), _spelt(families[family], spelling))
    return Identity(language, male, first, family, spelling, emails.local_part(*names, r, taken))


def new_person(
    index: int, archetype: Archetype, country: Country, who: Identity, seed: int, r: random.Random
) -> Person:
    pool = name_pool(NAME_POOLS[(country.code, who.language)])
    firsts, families = _names(pool, who.male)
    shoes = r.randint(3, 9) if who.male else r.randint(0, 5)
    fit = Fit(r.choice((1, 1, 2, 2, 2, 3, 3, 4)), shoes, r.randint(1, 6))
    ghost = archetype == Archetype.GHOST
    person = Person(
        index, archetype, BEHAVIOURS[archetype], country, who.language, pool, who.male,
        firsts[who.first], families[who.family], who.spelling, fit, ghost, who.local,
    )  # fmt: skip
    person.addresses.append(new_address(country, r, ghost))
    if ghost:
        obvious = r.random() < 0.6  # seed 004's ghost: obviously fake, or almost plausible
        if obvious:
            person.fake_name = emails.GHOST_NAMES[int(r.random() * len(emails.GHOST_NAMES))]
        person.emails.append(emails.ghost_address(r, obvious))
        person.phones.append(phones.invalid_number(country.code, r))
    else:
        person.phones.append(phone_number(person, seed))
        person.emails.append(f"{who.local}@{emails.domain(country.code, r)}")
    return person


def phone_number(person: Person, seed: int) -> str:
    """The person's next mobile number; no one else ever has it."""
    n = person.index * 8 + min(len(person.phones), 7)
    return phones.unique_number(person.country.code, n, seed)


def new_email(person: Person, r: random.Random) -> str:
    if person.ghost:
        return emails.ghost_address(r, r.random() < 0.5)
    return emails.another_address(person.local, person.country.code, r)


def account_id(person: Person, seed: int) -> str:
    """A shop customer id: random-looking, but unique (a bijection of the index)."""
    x = person.index * 16 + min(len(person.accounts), 15)
    return f"C-{(x * 48271 + seed * 7919 + 1_000_003) % _PRIME}"


def join_household(person: Person, host: Person, family: bool) -> None:
    """Move `person` in with `host`: the same address, and for a family the same name
    (unless the language inflects family names by gender, as Czech does)."""
    person.addresses[0] = host.addresses[0]
    person.household = host.index if host.household < 0 else host.household
    host.household = person.household
    inflected = person.pool.family_male is not person.pool.family_female
    if family and person.pool is host.pool and not (inflected and person.male != host.male):
        person.family = host.family
        person.spelling = host.spelling


__all__ = [
    "Identity",
    "Person",
    "account_id",
    "join_household",
    "new_email",
    "new_person",
    "phone_number",
    "plan_identity",
]
