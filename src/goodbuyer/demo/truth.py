"""The ground truth: each true customer's archetype and facts, for evaluation only; the one
place the archetype leaves the generator (import-linter forbids importing it elsewhere)."""

from __future__ import annotations

import csv
from array import array
from pathlib import Path

from goodbuyer.demo.columns import TRUTH, TRUTH_FILE
from goodbuyer.demo.countries import money
from goodbuyer.demo.people import Person
from goodbuyer.demo.phones import e164
from goodbuyer.demo.run import Tally

_SLOTS = "\x00"  # stands for the order ids until the merge has given them


def truth_row(person: Person, first_slot: int, count: int, tally: Tally) -> str:
    """One customer's line in the chunk's truth part: first slot, count, then the columns."""
    country, currency = person.country, person.country.currency
    phones = person.phones if person.ghost else [e164(country.code, p) for p in person.phones]
    household = f"K{person.household + 1:07d}" if person.household >= 0 else ""
    changes = len(person.emails) + len(person.phones) - 2
    counts = (tally.delivered, tally.refused, tally.returned_to_origin, tally.cancelled,
              tally.returned_lines, tally.refunds, tally.chargebacks, tally.tickets,
              tally.threats, tally.abusive)  # fmt: skip
    net = max(tally.spend - tally.refunded, 0)
    fields = [
        str(first_slot), person.key, person.archetype.value, country.code, person.language,
        household, str(count), _SLOTS, " ".join(person.accounts), " ".join(person.emails),
        " ".join(phones), "true" if person.ghost else "false", str(changes),
        *map(str, counts), currency, money(tally.spend, currency), money(net, currency),
    ]  # fmt: skip
    return "\t".join(fields) + "\n"


def write_truth(parts: list[Path], out_dir: Path, order_ids: array[int]) -> int:
    """Write ground_truth.csv from the chunks' truth parts; returns the number of rows."""
    written = 0
    with open(out_dir / TRUTH_FILE, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(TRUTH)
        for part in parts:
            with open(part, encoding="utf-8", newline="\n") as f:
                for line in f:
                    first, *fields = line.rstrip("\n").split("\t")
                    start, count = int(first), int(fields[5])
                    ids = " ".join(str(order_ids[s]) for s in range(start, start + count))
                    fields[6] = ids
                    writer.writerow(fields)
                    written += 1
    return written


__all__ = ["truth_row", "write_truth"]
