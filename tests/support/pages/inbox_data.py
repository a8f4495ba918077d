"""Tickets as the support pipeline leaves them: messages taken in through the real
service, then the analysis rows the pipeline writes (realistic values, 6 languages)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from goodbuyer.db import transaction
from goodbuyer.store.statuses import Source
from goodbuyer.support.models import MessageAnalysis, Ticket, TicketMessage
from goodbuyer.support.schemas import MessageIn
from goodbuyer.support.service import ingest_message
from goodbuyer.support.statuses import AuthorKind, Channel, Direction, TicketStatus
from goodbuyer.web.deps import Services
from tests.factories import auth, order_payload

EARLY = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)  # before the test clock's START
MODEL = "triage-3f9a1c07be42"


@dataclass(frozen=True)
class Seeded:
    tickets: dict[str, uuid.UUID]  # by ticket external id
    order_id: str


def sign_in(client: TestClient, key: str) -> None:
    response = client.post("/login", data={"api_key": key}, follow_redirects=False)
    assert response.status_code == 303


def take_in(
    services: Services, shop_id: uuid.UUID, ticket: str, message: str, body: str, minute: int,
    **extra: Any,
) -> uuid.UUID:  # fmt: skip
    """One message through the real intake, `minute` minutes after EARLY; the message id."""
    at = EARLY + timedelta(minutes=minute)
    data = MessageIn(
        ticket_external_id=ticket, external_id=message, body=body, sent_at=at,
        channel=extra.pop("channel", Channel.EMAIL), **extra,
    )  # fmt: skip
    with transaction(services.sessions) as session:
        return ingest_message(session, shop_id, Source.API, data, at, "test", read=False).id


def facts(**overrides: Any) -> dict[str, Any]:
    """decision 8's TicketFacts as stored with an analysis."""
    base: dict[str, Any] = {
        "has_order": True, "order_number": "#1001", "order_status": "shipped",
        "payment_method": "cod", "shipped": True, "delivered_scan": False, "days_late": 3,
        "days_since_delivery": None, "fault": "carrier", "first_name": "Aino",
        "carrier": "Posti", "tracking_number": "JJFI64512300001234567",
        "tracking_url": "https://track.example/JJFI64512300001234567",
        "order_total": 5870, "currency": "EUR", "net_value": 23480, "vip": False,
        "segments": ["loyal"], "open_dispute": None, "blocked": False,
    }  # fmt: skip
    return base | overrides


def resolution(kind: str, entry: str, reason: str, **amounts: Any) -> dict[str, Any]:
    return {
        "kind": kind, "entry": entry, "goodwill": amounts.pop("goodwill", False),
        "refund_amount": amounts.get("refund_amount"),
        "credit_amount": amounts.get("credit_amount"), "fee_amount": amounts.get("fee_amount"),
        "reason": reason,
    }  # fmt: skip


def analysed(
    services: Services, message_id: uuid.UUID, *, lang: str, intent: str, minute: int,
    **values: Any,
) -> uuid.UUID:  # fmt: skip
    """The analysis row of one customer message; the ticket then stands on it."""
    confidence = {"lang": 0.99, "intent": 0.91, "angry": 0.84}
    confidence |= dict.fromkeys(values.get("flags", ()), 0.88)
    with transaction(services.sessions) as session:
        message = session.get(TicketMessage, message_id)
        assert message is not None
        row = MessageAnalysis(
            shop_id=message.shop_id, ticket_id=message.ticket_id, message_id=message.id,
            lang=lang, intent=intent, flags=values.pop("flags", []),
            angry=values.pop("angry", 0), confidence=values.pop("confidence", confidence),
            route=values.pop("route", "auto"), vip=values.pop("vip", False),
            facts=values.pop("facts", facts()), resolution=values.pop("resolution", None),
            dispute=values.pop("dispute", None), routes=values.pop("routes", []),
            abuse_step=values.pop("abuse_step", "none"), draft=values.pop("draft", None),
            draft_problem=values.pop("draft_problem", None), model_version=MODEL,
            analysed_at=EARLY + timedelta(minutes=minute, seconds=1),
        )  # fmt: skip
        assert not values, f"unknown analysis values {sorted(values)}"
        session.add(row)
        session.flush()
        ticket = session.get(Ticket, message.ticket_id)
        assert ticket is not None
        ticket.intent, ticket.vip, ticket.route = row.intent, row.vip, row.route
        ticket.analysis_id = row.id
        return row.id


def ticket_id(services: Services, message_id: uuid.UUID) -> uuid.UUID:
    with services.sessions() as session:
        message = session.get(TicketMessage, message_id)
        assert message is not None
        return message.ticket_id


def set_status(services: Services, ticket: uuid.UUID, status: TicketStatus) -> None:
    with transaction(services.sessions) as session:
        found = session.get(Ticket, ticket)
        assert found is not None
        found.status = status


ARABIC_REPLY = (
    "مرحباً فاطمة،\n\nنأسف لأن طلبك #1001 لم يصلك رغم أن شركة الشحن سجّلته كمُسلَّم. "
    "فتحنا مطالبة لدى شركة Aramex وسنوافيك بالنتيجة خلال ثلاثة أيام عمل.\n\n"
    "بخصوص ما ذكرته عن الإجراءات القانونية: يسعدنا أن نتابع الموضوع معك كتابياً عبر "
    "support@kauppa.example، وهي قناتنا الرسمية لمثل هذه الطلبات.\n\nمع التحية،\nفريق Kauppa"
)
HEBREW_REPLY = (
    "שלום נועה,\n\nאנחנו מצטערים שהמעיל בהזמנה #1003 הגיע קרוע. נשלח לך מעיל חדש עוד היום, "
    "ללא עלות.\n\nנבקש לשמור על שפה מכבדת כלפי הצוות שלנו: פנייה פוגענית נוספת תועבר "
    "לערוצים הרשמיים בלבד.\n\nבברכה,\nצוות Kauppa"
)


def seed_inbox(client: TestClient, key: str, services: Services, shop_id: uuid.UUID) -> Seeded:
    """Eight tickets: Finnish, Arabic, Hebrew, English (social, VIP), German (chargeback, no
    draft), Turkish (blocked), Spanish (not read yet) and a solved Dutch one."""
    order = client.post("/api/v1/orders", json=order_payload(), headers=auth(key))
    assert order.status_code == 201, order.text
    ids: dict[str, uuid.UUID] = {}

    fi = take_in(services, shop_id, "T-fi", "M-fi-1",
                 "Hei! Missä tilaukseni #1001 on? Tilasin sen viikko sitten eikä sitä ole vielä "
                 "kuulunut.", 10, order_external_id="1001", author_name="Aino Virtanen",
                 language="fi", subject="Tilaus #1001")  # fmt: skip
    analysed(services, fi, lang="fi", intent="where_is_order", minute=10,
             resolution=resolution("send_tracking", "where_is_order.shipped.late",
                                   "shipped 5 days ago with Posti, 3 days past the promise"),
             draft={"lang": "fi", "subject": "Re: Tilaus #1001", "public_reply": None,
                    "template_key": "where_is_order/send_tracking/fi",
                    "body": "Hei Aino,\n\ntilauksesi #1001 on matkalla Postin kuljettamana. "
                            "Voit seurata sitä täältä: https://track.example/JJFI64512300001234567"
                            "\n\nYstävällisin terveisin\nKauppa"})  # fmt: skip
    take_in(
        services,
        shop_id,
        "T-fi",
        "M-fi-2",
        "Lähetin seurantalinkin, katso yllä.",
        12,
        direction=Direction.OUTBOUND,
        author_kind=AuthorKind.AGENT,
        author_name="Mikko",
    )
    take_in(
        services,
        shop_id,
        "T-fi",
        "M-fi-3",
        "Asiakas soitti myös, sama asia.",
        13,
        direction=Direction.INTERNAL,
        author_kind=AuthorKind.AGENT,
        author_name="Mikko",
    )
    ids["T-fi"] = ticket_id(services, fi)

    ar = take_in(services, shop_id, "T-ar", "M-ar-1",
                 "تقول شركة الشحن إن الطلب #1001 تم تسليمه، لكنه لم يصلني أبداً. إذا لم تعيدوا "
                 "لي المبلغ فسأرفع الأمر إلى محامٍ وإلى جمعية حماية المستهلك.", 20,
                 author_name="فاطمة الزهراء", author_email="fatima@example.ae")  # fmt: skip
    analysed(services, ar, lang="ar", intent="not_received", minute=20, angry=1,
             flags=["threat_legal"], route="human", routes=["legal"],
             facts=facts(delivered_scan=True, days_since_delivery=4, days_late=0,
                         carrier="Aramex", first_name="فاطمة"),
             resolution=resolution("open_carrier_claim", "not_received.delivered_scan",
                                   "delivered scan 4 days ago; the carrier is asked first"),
             draft={"lang": "ar", "subject": "بخصوص طلبك #1001", "public_reply": None,
                    "template_key": "not_received/open_carrier_claim/ar",
                    "body": ARABIC_REPLY})  # fmt: skip
    ids["T-ar"] = ticket_id(services, ar)

    he = take_in(services, shop_id, "T-he", "M-he-1",
                 "המעיל הגיע קרוע לגמרי. אתם חבורה של נוכלים מטומטמים.", 30,
                 author_name="נועה כהן", channel=Channel.CHAT)  # fmt: skip
    analysed(services, he, lang="he", intent="damaged_item", minute=30, angry=2,
             flags=["abusive"], abuse_step="warned",
             facts=facts(order_number="#1003", fault="store", delivered_scan=True),
             resolution=resolution("reship", "damaged_item.delivered", "arrived damaged"),
             draft={"lang": "he", "subject": None, "public_reply": None,
                    "template_key": "damaged_item/reship/he", "body": HEBREW_REPLY})  # fmt: skip
    ids["T-he"] = ticket_id(services, he)

    en = take_in(services, shop_id, "T-en", "M-en-1",
                 "@kauppa three weeks and still no parcel. Sort it out or I'm posting a 1-star "
                 "review everywhere.", 40, channel=Channel.SOCIAL,
                 author_name="Jamie Lee")  # fmt: skip
    analysed(services, en, lang="en", intent="where_is_order", minute=40, angry=1,
             flags=["threat_review"], vip=True, routes=["communications"],
             facts=facts(vip=True, net_value=182000, days_late=14, first_name="Jamie"),
             resolution=resolution("reship", "where_is_order.lost.vip",
                                   "14 days late, VIP: reship now", goodwill=True),
             draft={"lang": "en", "subject": None, "template_key": "where_is_order/reship/en",
                    "public_reply": "Sorry about the wait, Jamie. We've sent you a private "
                                    "message to put this right.",
                    "body": "Hi Jamie,\n\nyour order #1001 is 14 days late. We're sending a "
                            "replacement today.\n\nKauppa"})  # fmt: skip
    ids["T-en"] = ticket_id(services, en)

    de = take_in(services, shop_id, "T-de", "M-de-1",
                 "Ich habe die Zahlung bei meiner Bank zurückbuchen lassen. Schicken Sie mir das "
                 "Paket trotzdem noch einmal.", 50, author_name="Jonas Weber")  # fmt: skip
    analysed(services, de, lang="de", intent="not_received", minute=50,
             flags=["threat_chargeback"], routes=["payments"], route="human",
             dispute="chargeback of 58.70 EUR on #1001 opened 2026-02-27: item not received",
             facts=facts(open_dispute={"order_number": "#1001", "amount": 5870,
                                       "currency": "EUR", "reason": "item not received",
                                       "opened_at": "2026-02-27T10:00:00+00:00"}),
             resolution=resolution("escalate", "dispute.open", "an open chargeback: a person "
                                   "decides"),
             draft_problem="no template for not_received × escalate in German")  # fmt: skip
    ids["T-de"] = ticket_id(services, de)

    tr = take_in(services, shop_id, "T-tr", "M-tr-1",
                 "Siz tam bir dolandırıcısınız, aptal herifler!", 60,
                 author_name="Emre Yılmaz")  # fmt: skip
    analysed(services, tr, lang="tr", intent="general_question", minute=60, angry=2,
             flags=["abusive"], abuse_step="blocked", route="human",
             resolution=resolution("polite_decline", "general.blocked", "blocked: official "
                                   "channels only"),
             draft={"lang": "tr", "subject": None, "public_reply": None,
                    "template_key": "abuse/blocked/tr",
                    "body": "Merhaba Emre,\n\nbu kanaldan artık yanıt veremiyoruz. Lütfen "
                            "destek@kauppa.example adresine yazın.\n\nKauppa"})  # fmt: skip
    ids["T-tr"] = ticket_id(services, tr)

    es = take_in(services, shop_id, "T-es", "M-es-1", "¿Hacéis envíos a Canarias?", 70,
                 author_name="Lucía Gómez", language="es")  # fmt: skip
    ids["T-es"] = ticket_id(services, es)

    nl = take_in(services, shop_id, "T-nl", "M-nl-1", "Bedankt, het pakket is binnen!", 5,
                 author_name="Sanne de Vries")  # fmt: skip
    analysed(services, nl, lang="nl", intent="general_question", minute=5)
    ids["T-nl"] = ticket_id(services, nl)
    set_status(services, ids["T-nl"], TicketStatus.SOLVED)
    return Seeded(ids, order.json()["id"])
