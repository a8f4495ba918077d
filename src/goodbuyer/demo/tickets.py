"""Support conversations: the customer's message in their language and channel, the agent's
reply, perhaps a follow-up, and staff notes on threats and abuse (seeds 000, 001, 003)."""

from __future__ import annotations

from dataclasses import dataclass

from goodbuyer.demo import phones
from goodbuyer.demo.countries import money
from goodbuyer.demo.forms import typed_name
from goodbuyer.demo.messages import (
    LONG_FORM,
    NOTES,
    Facts,
    agent_message,
    agent_name,
    customer_message,
    text,
)
from goodbuyer.demo.orders import Order
from goodbuyer.demo.people import Person
from goodbuyer.demo.run import SHOP, Run
from goodbuyer.demo.surveys import csat_after_ticket
from goodbuyer.demo.timeline import DAY, HOUR, MINUTE, iso_local, iso_utc
from goodbuyer.demo.writer import ORDER, OWN, row

_COD_CHANNELS = (
    ("whatsapp", 0.4),
    ("email", 0.2),
    ("chat", 0.15),
    ("phone", 0.1),
    ("social", 0.1),
    ("sms", 0.05),
)
_CHANNELS = (
    ("email", 0.5),
    ("chat", 0.25),
    ("web", 0.1),
    ("social", 0.07),
    ("phone", 0.05),
    ("helpdesk", 0.03),
)
_THREATS = ("threat_review", "threat_legal", "threat_chargeback")


@dataclass(slots=True)
class _Message:
    at: int
    direction: str  # inbound, outbound, internal
    kind: str  # customer, agent
    author: tuple[str, str, str]  # name, e-mail, phone
    subject: str
    body: str
    threat: bool = False
    abusive: bool = False


def _channel(person: Person, threat: bool, run: Run) -> str:
    r = run.r
    if threat and r.random() < 0.3:
        return "social"
    x = r.random()
    table = _COD_CHANNELS if person.country.cod > 0.3 else _CHANNELS
    for channel, share in table:
        x -= share
        if x < 0:
            return channel
    return table[0][0]


def _facts(person: Person, order: Order | None, at: int, run: Run) -> Facts:
    native = person.language in ("he", "ar") or not person.pool.latin_share
    facts = Facts(first=person.first[0] if native else person.latin()[0], shop=SHOP)
    facts["agent"] = agent_name(person.language, run.r)
    if order is None:
        facts.update(item="Merino sweater", size="M")
        return facts
    line, currency = order.lines[0], person.country.currency
    facts |= {"order": f"#{ORDER}", "item": line.product, "size": line.size or "M"}
    facts |= {"days": str(max(1, (at - order.placed) // DAY)), "carrier": order.carrier}
    facts |= {"url": order.url, "amount": f"{money(order.total, currency)} {currency}"}
    return facts


def _flags(person: Person, run: Run) -> tuple[str, ...]:
    r, tone = run.r, person.behaviour.tone
    if tone == "threat" and r.random() < 0.9:
        i = int(r.random() * 3)
        return (_THREATS[i],) if r.random() < 0.7 else (_THREATS[i], _THREATS[(i + 1) % 3])
    if tone == "abusive" and r.random() < 0.9:
        return ("abusive",)
    return ()


def open_ticket(run: Run, person: Person, order: Order | None, intent: str, at: int) -> None:
    """A conversation about `intent` that starts at `at`, written up to the end."""
    if at > run.end:
        return
    r, language = run.r, person.language
    flags = _flags(person, run)
    threat, abusive = bool(flags) and flags[0] != "abusive", flags == ("abusive",)
    channel = _channel(person, threat, run)
    facts = _facts(person, order, at, run)
    author = _author(person, channel, run)
    subject, body = customer_message(language, intent, channel, facts, r, flags)
    messages = [_Message(at, "inbound", "customer", author, subject, body, threat, abusive)]
    _note(messages, flags, intent, at + int((5 + r.random() * 25) * MINUTE), facts)
    # The answer is the one the playbook gives anyway (R4.5); abuse gets a warning first.
    keys = ("abusive", intent) if abusive else ((intent, "threat") if threat else (intent,))
    reply_at = at + int((0.3 + r.random() * 20) * HOUR)
    reply = agent_message(language, keys, channel, facts, r)
    staff = (facts["agent"], "", "")
    messages.append(_Message(reply_at, "outbound", "agent", staff, _re(subject), reply))
    if r.random() < (0.6 if abusive else 0.3):
        _follow_up(messages, abusive, language, reply_at, author, run)
    _write(run, person, order, channel, messages)


def _re(subject: str) -> str:
    return f"Re: {subject}" if subject else ""


def _author(person: Person, channel: str, run: Run) -> tuple[str, str, str]:
    r = run.r
    wants_email = channel in LONG_FORM or (channel == "chat" and r.random() < 0.5)
    email = person.emails[-1] if person.emails and wants_email else ""
    phone = ""
    if channel in ("whatsapp", "sms", "phone") and not person.ghost:
        phone = phones.typed(person.country.code, person.phones[-1], r)
    return typed_name(person, r), email, phone


def _note(
    messages: list[_Message], flags: tuple[str, ...], intent: str, at: int, facts: Facts
) -> None:
    """The staff's internal note: threats are routed, abuse is warned, disputes flagged."""
    if flags and flags[0] != "abusive":
        note = NOTES["threat"].format(kinds=", ".join(f.removeprefix("threat_") for f in flags))
    elif flags:
        note = NOTES["warning"]
    elif intent == "resend":
        note = NOTES["chargeback"]
    else:
        return
    messages.append(_Message(at, "internal", "agent", (facts["agent"], "", ""), "", note))


def _follow_up(
    messages: list[_Message],
    abusive: bool,
    language: str,
    after: int,
    author: tuple[str, str, str],
    run: Run,
) -> None:
    r = run.r
    at = after + int((1 + r.random() * 30) * HOUR)
    if not abusive:
        messages.append(
            _Message(at, "inbound", "customer", author, "", text(language, "followup", r))
        )
        return
    insult = text(language, "abusive", r)
    messages.append(_Message(at, "inbound", "customer", author, "", insult, abusive=True))
    blocked = at + int((10 + r.random() * 50) * MINUTE)
    messages.append(_Message(blocked, "internal", "agent", ("", "", ""), "", NOTES["blocked"]))


def _write(
    run: Run, person: Person, order: Order | None, channel: str, messages: list[_Message]
) -> None:
    zone, language = person.country.timezone, person.language
    messages.sort(key=lambda m: m.at)
    kept = [m for m in messages if m.at <= run.end]
    order_id, source, slot = (ORDER, "csv", order.slot) if order else ("", "", -1)
    rows = []
    for k, m in enumerate(kept, 1):
        sent = iso_local(m.at, zone) if m.kind == "customer" else iso_utc(m.at)
        rows.append(row(["T-" + OWN, f"T-{OWN}-{k}", channel, m.direction, m.kind, *m.author,
                         m.subject, m.body, language, sent, order_id, source]))  # fmt: skip
    ticket = run.sink.add("tickets", kept[0].at, rows, order=slot)
    tally = run.tally
    tally.tickets += 1
    tally.threats += any(m.threat for m in kept)
    tally.abusive += sum(m.abusive for m in kept)
    replies = [m.at for m in kept if m.direction == "outbound"]
    if replies:
        csat_after_ticket(run, person, order, ticket, replies[-1])


__all__ = ["open_ticket"]
