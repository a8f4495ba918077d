"""Write identity_pairs.jsonl: labelled pairs of shop customer records, same person or not.

    .venv/bin/python tests/eval/build_identity_pairs.py

The output is fixed by SEED; rerunning gives the same file byte for byte.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import identity_kinds_other as other
import identity_kinds_same as same
import phonenumbers
from identity_factory import Factory
from identity_handwritten import HANDWRITTEN
from identity_model import Country
from identity_render import FIELDS, Record, valid_phone
from identity_tables_central import CENTRAL
from identity_tables_scripts import SCRIPTS
from identity_tables_west import WEST

SEED = 20260302
OUT = Path(__file__).resolve().parent / "identity_pairs.jsonl"
ALL = CENTRAL + WEST + SCRIPTS
BY_CODE = {c.code: c for c in ALL}
PLUS_PROVIDERS = ("outlook.com", "hotmail.com", "icloud.com")
Maker = Callable[[Factory, Country], same.Pair]


def _codes(text: str) -> tuple[Country, ...]:
    return tuple(BY_CODE[code] for code in text.split())


LATIN = tuple(c for c in ALL if c.latin_script)
# kind, same person?, how many, maker, countries it is drawn from
PLAN: tuple[tuple[str, bool, int, Maker, tuple[Country, ...]], ...] = (
    ("phone_format", True, 26, same.phone_format, ALL),
    ("email_alias", True, 22, same.email_alias, ALL),
    ("email_changed", True, 14, same.email_changed, ALL),
    ("phone_changed", True, 14, same.phone_changed, ALL),
    ("moved", True, 14, same.moved, ALL),
    ("transliteration", True, 24, same.transliteration, SCRIPTS),
    ("accents", True, 18, same.accents, _codes("HU CZ FI DE PL FR ES PT RO TR")),
    ("name_order", True, 12, same.name_order, _codes("HU IT CZ FR TR GB US RU UA HU BG NL")),
    ("typo", True, 18, same.typo_pair, LATIN),
    ("abbreviation", True, 18, same.abbreviation, ALL),
    ("apartment_format", True, 14, same.apartment_format, ALL),
    ("missing_field", True, 14, same.missing_field, ALL),
    ("nickname", True, 10, same.nickname, _codes("HU CZ DE PL FR ES GB US IT PT RO IL UA BG RU")),
    ("double_surname", True, 10, same.double_surname, _codes("ES PT DE GB FR PL NL HU")),
    ("middle_name", True, 8, same.middle_name, _codes("US GB PT RU UA SA EG")),
    ("combined", True, 16, same.combined, ALL),
    ("single_link", True, 8, same.single_link, ALL),
    ("household", False, 34, other.household, ALL),
    ("namesake", False, 28, other.namesake, ALL),
    ("phone_near", False, 24, other.phone_near, ALL),
    ("same_building", False, 26, other.same_building, ALL),
    ("same_street", False, 20, other.same_street, tuple(c for c in ALL if c.house != "none")),
    ("email_similar", False, 22, other.email_similar, ALL),
    ("sibling", False, 24, other.sibling, ALL),
    ("shared_address", False, 28, other.shared_address, ALL),
    ("shared_phone", False, 16, other.shared_phone, ALL),
    ("shared_email", False, 16, other.shared_email, ALL),
    ("lookalike", False, 20, other.lookalike, ALL),
)


def build(seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed)
    factory = Factory(rng)
    for _, _, _, a, b in HANDWRITTEN:  # generated numbers never reuse a hand-written one
        for rec in (a, b):
            if rec[1]:
                factory.phones.add(canonical_phone(rec[1], rec[6]))
    pairs = [_hand(kind, label, note, a, b) for kind, label, note, a, b in HANDWRITTEN]
    for kind, label, count, maker, countries in PLAN:
        order = rng.sample(countries, k=len(countries))
        for i in range(count):
            a, b, note = _make(factory, maker, order[i % len(order)])
            pairs.append({"a": a, "b": b, "same_person": label, "kind": kind, "note": note})
    rng.shuffle(pairs)
    return [{"id": f"p{i:04d}", **pair} for i, pair in enumerate(pairs, start=1)]


def _make(factory: Factory, maker: Maker, c: Country) -> same.Pair:
    for _ in range(50):
        try:
            return maker(factory, c)
        except (
            LookupError
        ):  # this draw did not fit the kind (say, twins given one name); draw again
            continue
    raise RuntimeError(f"{maker.__name__} found nothing for {c.code}")


def _hand(
    kind: str, label: bool, note: str, a: tuple[str, ...], b: tuple[str, ...]
) -> dict[str, object]:
    return {
        "a": dict(zip(FIELDS, a, strict=True)),
        "b": dict(zip(FIELDS, b, strict=True)),
        "same_person": label,
        "kind": kind,
        "note": note,
    }


def canonical_phone(text: str, region: str) -> str:
    if not text:
        return ""
    num = phonenumbers.parse(text, region)
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def canonical_email(text: str) -> str:
    if not text:
        return ""
    local, domain = text.strip().lower().split("@")
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.split("+")[0].replace(".", ""), "gmail.com"
    elif domain in PLUS_PROVIDERS:
        local = local.split("+")[0]
    return f"{local}@{domain}"


def _shared(a: Record, b: Record) -> tuple[bool, bool]:
    pa, pb = canonical_phone(a["phone"], a["country"]), canonical_phone(b["phone"], b["country"])
    ea, eb = canonical_email(a["email"]), canonical_email(b["email"])
    return bool(pa) and pa == pb, bool(ea) and ea == eb


def check(pairs: list[dict[str, object]]) -> None:
    """The promises the README makes about the file; any break stops the build."""
    seen: set[str] = set()
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        assert isinstance(a, dict)
        assert isinstance(b, dict)
        where = f"{pair['id']} ({pair['kind']})"
        for rec in (a, b):
            assert tuple(rec) == FIELDS, where
            assert rec["country"] in BY_CODE, where
            assert not rec["phone"] or valid_phone(rec["phone"], rec["country"]), (
                f"{where}: {rec['phone']}"
            )
            assert rec["name"], where
        assert a != b, f"{where}: identical records"
        key = json.dumps([a, b], sort_keys=True, ensure_ascii=False)
        assert key not in seen, f"{where}: duplicate pair"
        seen.add(key)
        phone, email = _shared(a, b)
        if pair["same_person"]:
            assert phone or email, f"{where}: a match must keep a phone or a mailbox"
        else:
            assert a["name"].casefold() != b["name"].casefold() or pair["kind"] == "namesake", where
            assert a["name"] != b["name"] or a["address"] != b["address"], where
            assert not phone or pair["kind"] == "shared_phone", f"{where}: shares a phone"
            assert not email or pair["kind"] == "shared_email", f"{where}: shares a mailbox"


def write(pairs: Iterable[dict[str, object]], path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for pair in pairs:
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")


def report(pairs: list[dict[str, object]]) -> str:
    kinds: Counter[tuple[str, bool]] = Counter(
        (str(p["kind"]), bool(p["same_person"])) for p in pairs
    )
    countries = Counter(str(p["a"]["country"]) for p in pairs)  # type: ignore[index]
    positives = sum(1 for p in pairs if p["same_person"])
    lines = [
        f"{len(pairs)} pairs: {positives} same person, {len(pairs) - positives} different people"
    ]
    lines.append("by country: " + ", ".join(f"{code} {n}" for code, n in sorted(countries.items())))
    lines.append("by kind:")
    for (kind, label), n in sorted(kinds.items(), key=lambda item: (not item[0][1], item[0][0])):
        lines.append(f"  {kind:<18} {'same' if label else 'different':<9} {n:>4}")
    return "\n".join(lines)


def main() -> None:
    pairs = build()
    check(pairs)
    write(pairs)
    print(report(pairs))
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
