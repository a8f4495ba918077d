"""E-mail addresses as people make them, at their country's providers, and the fake ones
ghosts type; each customer owns a local part nobody else has, so mailboxes never mix."""

from __future__ import annotations

import random

from goodbuyer.demo.pools import ascii_fold


def _weighted(text: str) -> tuple[str, ...]:
    """'gmail.com*3 web.de' -> three gmail.com and one web.de."""
    found: list[str] = []
    for word in text.split():
        name, _, times = word.partition("*")
        found += [name] * int(times or 1)
    return tuple(found)


DOMAINS: dict[str, tuple[str, ...]] = {
    code: _weighted(text)
    for code, text in {
        "FI": "gmail.com*5 hotmail.com outlook.com luukku.com elisanet.fi kolumbus.fi",
        "HU": "gmail.com*5 freemail.hu*2 citromail.hu t-online.hu yahoo.com",
        "CZ": "seznam.cz*4 gmail.com*2 email.cz centrum.cz post.cz",
        "IL": "gmail.com*6 walla.co.il walla.com hotmail.com yahoo.com",
        "EG": "gmail.com*6 yahoo.com*2 hotmail.com outlook.com",
        "SA": "gmail.com*5 hotmail.com*2 outlook.sa icloud.com yahoo.com",
        "AE": "gmail.com*5 hotmail.com yahoo.com outlook.com icloud.com",
        "MA": "gmail.com*5 hotmail.fr hotmail.com yahoo.fr outlook.fr",
        "DE": "gmx.de*2 web.de*2 gmail.com*2 t-online.de gmx.net outlook.de",
        "ES": "gmail.com*5 hotmail.es hotmail.com yahoo.es outlook.es telefonica.net",
        "FR": "gmail.com*4 orange.fr*2 free.fr laposte.net hotmail.fr sfr.fr",
        "US": "gmail.com*5 yahoo.com outlook.com icloud.com aol.com hotmail.com",
        "GB": "gmail.com*4 hotmail.co.uk outlook.com btinternet.com yahoo.co.uk icloud.com",
        "IN": "gmail.com*7 yahoo.co.in rediffmail.com outlook.com",
    }.items()
}
_WORDS = "sunny happy star lucky blue queen king angel tiger moon pro cool".split()
GHOST_NAMES = ("asdf", "test test", "xxx", "aaa bbb", "qwerty", "a", "sdfsdf", "test",
               "no name", "jkjk", ".", "abc abc")  # fmt: skip
GHOST_EMAILS = ("test@test.com", "asdf@asdf.com", "a@a.com", "no@no.com", "aaa@gmail.com",
                "x@x", "test@test", "noemail", "123@123.com", "asdf@gmail.con")  # fmt: skip
DISPOSABLE = ("mailinator.com", "yopmail.com", "10minutemail.com", "guerrillamail.com",
              "tempmail.net", "trashmail.de")  # fmt: skip


def slug(text: str) -> str:
    """'Zoë-Anne' -> 'zoeanne'."""
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


# Uniqueness: every real customer owns a local part (Gmail's ignored dots included) that no
# one else has; their later addresses are that local part at another provider, or with "_"
# and a number, which no one else's local part ends with. So mailboxes never mix.
def local_part(first: str, family: str, r: random.Random, taken: set[str]) -> str:
    """A local part made from a name the way people do; never one already in `taken`."""
    year = f"{(60 + int(r.random() * 46)) % 100:02d}"
    x = r.random()
    if x < 0.3:
        local = f"{first}.{family}"
    elif x < 0.45:
        local = f"{first}{family}"
    elif x < 0.55:
        local = f"{first[:1]}{family}"
    elif x < 0.65:
        local = f"{first}_{family}{year}"
    elif x < 0.8:
        local = f"{first}{family}{year}"
    elif x < 0.9:
        local = f"{family}.{first}{1 + int(r.random() * 99)}"
    else:
        local = f"{_WORDS[int(r.random() * len(_WORDS))]}{first[:4]}{1 + int(r.random() * 999)}"
    # Gmail ignores dots, so "a.b" and "ab" would be one mailbox: keep them apart.
    while local.replace(".", "") in taken:
        local = f"{local}{1 + int(r.random() * 99)}"
    taken.add(local.replace(".", ""))
    return local


def domain(country: str, r: random.Random) -> str:
    domains = DOMAINS[country]
    return domains[int(r.random() * len(domains))]


def another_address(local: str, country: str, r: random.Random) -> str:
    """A new address of the owner of `local`: at another provider, or with a number."""
    if r.random() < 0.5:
        return f"{local}@{domain(country, r)}"
    others = [d for d in DOMAINS[country] if d != "gmail.com"]
    return f"{local}_{10 + int(r.random() * 9990)}@{others[int(r.random() * len(others))]}"


def ghost_address(r: random.Random, obvious: bool) -> str:
    """test@test.com and friends, or a throwaway mailbox."""
    if obvious:
        return GHOST_EMAILS[int(r.random() * len(GHOST_EMAILS))]
    local = "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(9))
    return f"{local}@{DISPOSABLE[int(r.random() * len(DISPOSABLE))]}"


__all__ = [
    "DISPOSABLE",
    "DOMAINS",
    "GHOST_EMAILS",
    "GHOST_NAMES",
    "another_address",
    "domain",
    "ghost_address",
    "local_part",
    "slug",
]
