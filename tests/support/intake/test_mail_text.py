"""E-mail text: quoted replies taken out in the 14 languages, MIME decoded, HTML to text."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from goodbuyer.support.intake.html_text import html_to_text
from goodbuyer.support.intake.mail import parse_rfc822
from goodbuyer.support.intake.quotes import strip_quoted

SHOP = "Kauppa <info@kauppa.fi>"
ATTRIBUTIONS = {
    "en": f"On Mon, 2 Mar 2026 at 10:00, {SHOP} wrote:",
    "fi": f"ma 2.3.2026 klo 10.00 {SHOP} kirjoitti:",
    "hu": f"{SHOP} ezt írta (időpont: 2026. márc. 2., H, 10:00):",
    "cs": f"Dne po 2. 3. 2026 v 10:00 odesílatel {SHOP} napsal:",
    "he": f"בתאריך יום ב׳, 2 במרץ 2026 ב-10:00 מאת {SHOP}:",
    "ar": f"في الاثنين، 2 مارس 2026 في 10:00 ص، كتب {SHOP}:",
    "de": f"Am Mo., 2. März 2026 um 10:00 Uhr schrieb {SHOP}:",
    "es": "El lun, 2 mar 2026 a las 10:00, Kauppa (<info@kauppa.fi>) escribió:",
    "fr": f"Le lun. 2 mars 2026 à 10:00, {SHOP} a écrit :",
    "pt": f"Em seg., 2 de mar. de 2026 às 10:00, {SHOP} escreveu:",
    "pl": f"pon., 2 mar 2026 o 10:00 {SHOP} napisał(a):",
    "it": f"Il giorno lun 2 mar 2026 alle ore 10:00 {SHOP} ha scritto:",
    "nl": f"Op ma 2 mrt 2026 om 10:00 schreef {SHOP}:",
    "tr": f"{SHOP}, 2 Mar 2026 Pzt, 10:00 tarihinde şunu yazdı:",
}


@pytest.mark.parametrize("lang", sorted(ATTRIBUTIONS))
def test_the_quoted_conversation_is_taken_out(lang: str) -> None:
    reply = f"New words ({lang}).\nSecond line."
    mail = f"{reply}\n\n{ATTRIBUTIONS[lang]}\n> Thank you for your order #1042.\n> Kauppa"

    assert strip_quoted(mail) == reply


@pytest.mark.parametrize(
    "separator",
    ["-----Original Message-----", "-----Ursprüngliche Nachricht-----",
     "-----Alkuperäinen viesti-----", "-----הודעה מקורית-----", "-- "],
)  # fmt: skip
def test_separators_and_signatures_end_the_reply(separator: str) -> None:
    assert strip_quoted(f"Where is it?\r\n{separator}\r\nFrom: shop\r\nold") == "Where is it?"


def test_outlook_rule_with_a_from_header_ends_the_reply() -> None:
    mail = "Wo bleibt es?\n\n________________________________\nVon: Kauppa\nGesendet: heute"

    assert strip_quoted(mail) == "Wo bleibt es?"


def test_words_like_wrote_in_the_customers_own_text_are_kept() -> None:
    mail = "My friend wrote: great shop!\nBut my parcel is late."

    assert strip_quoted(mail) == mail


def test_html_only_text_keeps_blocks_and_drops_quotes_and_styles() -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Hei&nbsp;Kauppa,</p><div>tilaus #1042<br>puuttuu</div>"
        '<div class="gmail_quote"><p>vanha viesti</p></div>'
        "<blockquote><p>vanhempi</p></blockquote></body></html>"
    )

    assert html_to_text(html) == "Hei Kauppa,\n\ntilaus #1042\npuuttuu"


def _mime() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Aino Virtanen <aino@example.fi>"
    message["Subject"] = "Tilaus #1042"
    message["Message-ID"] = "<abc@mail.example.fi>"
    message["In-Reply-To"] = "<shop-1@kauppa.fi>"
    message["References"] = "<root@kauppa.fi> <shop-1@kauppa.fi>"
    message["Date"] = "Thu, 05 Mar 2026 11:00:00 +0200"
    return message


def test_multipart_quoted_printable_latin1_is_decoded() -> None:
    message = _mime()
    message.set_content(
        "Hyvää päivää, missä on tilaus?", charset="iso-8859-1", cte="quoted-printable"
    )
    message.add_alternative("<p>Hyvää päivää</p>", subtype="html")

    parsed = parse_rfc822(message.as_bytes())

    assert parsed.text == "Hyvää päivää, missä on tilaus?"
    assert (parsed.message_id, parsed.in_reply_to) == ("abc@mail.example.fi", ("shop-1@kauppa.fi",))
    assert parsed.references == ("root@kauppa.fi", "shop-1@kauppa.fi")
    assert (parsed.sender, parsed.sender_name) == ("aino@example.fi", "Aino Virtanen")
    assert parsed.sent_at == datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


def test_html_only_mail_becomes_text() -> None:
    message = _mime()
    message.set_content("<div dir='rtl'>איפה ההזמנה שלי?</div>", subtype="html", charset="utf-8")

    assert parse_rfc822(message.as_bytes()).text == "איפה ההזמנה שלי?"


def test_mail_without_message_id_gets_a_stable_one() -> None:
    raw = b"From: a@example.fi\r\nSubject: x\r\n\r\nHello\r\n"

    assert parse_rfc822(raw).message_id == parse_rfc822(raw).message_id
    assert parse_rfc822(raw).message_id.startswith("sha256:")


def test_mail_without_sender_is_refused() -> None:
    with pytest.raises(ValueError, match="no From address"):
        parse_rfc822(b"Subject: x\r\n\r\nHello\r\n")
