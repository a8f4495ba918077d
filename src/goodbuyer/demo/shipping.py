"""Parcels on their way: carrier, tracking number, promised date and the carrier's scans up
to the end of the history (later ones are left out, as in a real export taken that day)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from goodbuyer.demo.countries import Carrier, Country
from goodbuyer.demo.timeline import DAY, HOUR, at_local_hour, iso_local
from goodbuyer.demo.writer import ORDER, cell

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_SAID = {
    "label_created": ("Shipment information received", "Label created, awaiting pickup"),
    "in_transit": ("Parcel received at sorting centre", "In transit", "Departed from facility"),
    "arrived": ("Arrived at delivery depot", "Sorted for delivery"),
    "out_for_delivery": ("Out for delivery", "With courier for delivery"),
    "failed_attempt": (
        "Delivery attempt failed: recipient not available",
        "Recipient could not be reached by phone",
        "Address incomplete or not found",
    ),
    "delivered": (
        "Delivered",
        "Delivered to parcel locker",
        "Delivered to neighbour",
        "Delivered, signed by recipient",
    ),
    "refused": ("Delivery refused by recipient", "Recipient refused to pay cash on delivery"),
    "returned_to_origin": ("Returned to sender", "Return to sender: undeliverable"),
    "lost": ("Parcel could not be located; investigation closed",),
    "damaged": ("Parcel damaged in transit",),
}
_WORDS = {key: tuple(cell(w) for w in said) for key, said in _SAID.items()}  # as CSV cells


def tracking_number(carrier: Carrier, r: random.Random) -> str:
    """The carrier's format; a UPU S10 number (with its check digit) for national posts."""
    digits = f"{r.getrandbits(64) % 10**carrier.digits:0{carrier.digits}d}"
    if not carrier.suffix:
        return carrier.prefix + digits
    check = 11 - sum(int(d) * w for d, w in zip(digits, _S10_WEIGHTS, strict=True)) % 11
    check = {10: 0, 11: 5}.get(check, check)
    return f"{carrier.prefix}{digits}{check}{carrier.suffix}"


def journey(
    outcome: str, ship_at: int, country: Country, late: bool, r: random.Random
) -> tuple[list[tuple[int, str, str]], int]:
    """The scans (time, status, word key) from pickup to `outcome`, and the promised time."""
    zone = country.timezone
    low, high = country.transit
    promised = at_local_hour(ship_at + high * DAY, zone, 20)
    scans = [(ship_at, "label_created", "label_created")]
    pickup = at_local_hour(ship_at + 2 * HOUR, zone, 17 + r.random() * 4)
    scans.append((pickup, "in_transit", "in_transit"))
    if outcome == "lost":
        scans.append((pickup + int((1 + r.random()) * DAY), "in_transit", "in_transit"))
        return [*scans, (pickup + int(12 + r.random() * 14) * DAY, "lost", "lost")], promised
    if outcome == "damaged":
        hit = pickup + int((0.5 + r.random()) * DAY)
        scans += [
            (hit, "damaged", "damaged"),
            (hit + int(3 + r.random() * 5) * DAY, "returned_to_origin", "returned_to_origin"),
        ]
        return scans, promised
    days = low + int(r.random() * (high - low + 1)) + (int(1 + r.random() * 6) if late else 0)
    van = at_local_hour(pickup + (days - 1) * DAY, zone, 7 + r.random() * 3)
    scans.append((van - int((2 + r.random() * 8) * HOUR), "in_transit", "arrived"))
    scans.append((van, "out_for_delivery", "out_for_delivery"))
    return scans + _ending(outcome, van, zone, r), promised


def _ending(outcome: str, van: int, zone: str, r: random.Random) -> list[tuple[int, str, str]]:
    at = van + int((1 + r.random() * 8) * HOUR)
    if outcome == "refused":
        back = at + int(3 + r.random() * 6) * DAY
        return [(at, "refused", "refused"), (back, "returned_to_origin", "returned_to_origin")]
    if outcome == "returned_to_origin":
        tries = [(at, "failed_attempt", "failed_attempt")]
        for day in range(1, 2 + (r.random() < 0.5)):
            again = at_local_hour(at + day * DAY - 4 * HOUR, zone, 8 + r.random() * 2)
            tries += [
                (again, "out_for_delivery", "out_for_delivery"),
                (again + 3 * HOUR, "failed_attempt", "failed_attempt"),
            ]
        back = tries[-1][0] + int(4 + r.random() * 6) * DAY
        return [*tries, (back, "returned_to_origin", "returned_to_origin")]
    if r.random() < 0.05:  # nobody home the first time
        again = at_local_hour(at + 20 * HOUR, zone, 8 + r.random() * 2)
        first = [
            (at, "failed_attempt", "failed_attempt"),
            (again, "out_for_delivery", "out_for_delivery"),
        ]
        return [*first, (again + int((1 + r.random() * 6) * HOUR), "delivered", "delivered")]
    return [(at, "delivered", "delivered")]


@dataclass(slots=True)
class Parcel:
    number: int  # 1 for an order's first shipment, 2 for a resend
    carrier: Carrier
    tracking: str
    promised: int  # when the shop promised it would arrive
    scans: list[tuple[int, str, str]]  # (time, status, word key)

    @property
    def url(self) -> str:
        return self.carrier.url.format(n=self.tracking)


def send(
    number: int, outcome: str, at: int, country: Country, late: bool, r: random.Random
) -> Parcel:
    """A parcel handed to one of the country's carriers (mostly the first) at `at`."""
    carriers = country.carriers
    carrier = carriers[0] if r.random() < 0.6 else carriers[int(r.random() * len(carriers))]
    tracking = tracking_number(carrier, r)
    scans, promised = journey(outcome, at, country, late, r)
    return Parcel(number, carrier, tracking, promised, scans)


def shipment_rows(
    parcel: Parcel, zone: str, city: str, end: int, r: random.Random, bare: bool = False
) -> list[str]:
    """The shipment's CSV rows: one per scan up to `end`, or one bare row without scans."""
    scans = [scan for scan in parcel.scans if scan[0] <= end]
    kept = [(at, status, word, iso_local(at, zone)) for at, status, word in scans]
    delivered = next((iso for _, status, _, iso in kept if status == "delivered"), "")
    carrier = parcel.carrier
    head = ",".join([f"S-{ORDER}-{parcel.number}", ORDER, "csv", cell(carrier.name),
                     parcel.tracking, cell(parcel.url), iso_local(parcel.promised, zone),
                     kept[0][3], delivered])  # fmt: skip
    if bare:
        return [head + ",,,,"]
    hub, town = cell(carrier.hub), cell(city)
    rows = []
    for i, (_, status, word, iso) in enumerate(kept):
        place = hub if i < 2 or status in ("lost", "damaged") else town
        words = _WORDS[word]
        rows.append(f"{head},{status},{iso},{place},{words[int(r.random() * len(words))]}")
    return rows


__all__ = ["Parcel", "journey", "send", "shipment_rows", "tracking_number"]
