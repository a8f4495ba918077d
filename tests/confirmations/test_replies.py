"""Real-looking replies to a confirmation message, in the 14 languages."""

from __future__ import annotations

import pytest

from goodbuyer.confirmations.replies import Reply, classify, normalize

Y, N, U = Reply.YES, Reply.NO, Reply.UNKNOWN

REPLIES: list[tuple[str, Reply]] = [
    # English
    ("YES", Y), ("yes", Y), ("Yes.", Y), ("yes please", Y), ("Yes please!", Y), ("Yeah", Y),
    ("yep", Y), ("Y", Y), ("ok", Y), ("OK", Y), ("Okay thanks", Y), ("sure", Y),
    ("Confirm", Y), ("I confirm", Y), ("yes, confirm my order", Y), ("Yes no problem", Y),
    ("of course", Y), ("1", Y), (" 1 ", Y), ("1.", Y), ("yes?", Y),
    ("NO", N), ("no", N), ("No.", N), ("no thanks", N), ("No thank you", N), ("nope", N),
    ("Cancel", N), ("cancel it", N), ("please cancel", N), ("STOP", N), ("2", N),
    ("not yes", N), ("don't confirm", N), ("I do not confirm", N), ("changed my mind", N),
    ("maybe", U), ("who is this?", U), ("yes no", U), ("1 2", U), ("hello", U), ("", U),
    ("yes but can you deliver on monday instead please", U), ("3", U), ("12", U),
    ("Yes, cancel it", U), ("what order?", U), ("call me", U),
    # Finnish
    ("Kyllä", Y), ("kylla", Y), ("KYLLÄ", Y), ("joo", Y), ("Joo kiitos", Y), ("juu", Y),
    ("Vahvistan", Y), ("kyllä kiitos!", Y), ("ok kiitos", Y),
    ("ei", N), ("Ei kiitos", N), ("EI", N), ("peruuta", N), ("Peruutan tilauksen", N),
    ("en vahvista", N), ("ei, peruuta", N), ("kuka tämä on?", U),
    # Hungarian
    ("igen", Y), ("Igen!", Y), ("Igen, köszönöm", Y), ("persze", Y), ("rendben", Y),
    ("Megerősítem", Y), ("oké", Y),
    ("nem", N), ("Nem", N), ("nem kérem", N), ("Nem, köszönöm", N), ("Lemondom", N),
    ("mégsem", N), ("nem igen", N), ("igen nem", U),
    # Czech
    ("ano", Y), ("Ano, děkuji", Y), ("jo", Y), ("Potvrzuji", Y), ("souhlasím", Y),
    ("ne", N), ("Ne, děkuji", N), ("nechci", N), ("zrušit", N), ("Zrušte to prosím", N),
    ("nepotvrzuji to, kdo jste?", U),
    # Hebrew
    ("כן", Y), ("כן תודה", Y), ("מאשר", Y), ("מאשרת", Y), ("בטח", Y), ("בסדר", Y),
    ("לא", N), ("לא תודה", N), ("בטל", N), ("ביטול", N), ("לא מאשר", N),
    # Arabic
    ("نعم", Y), ("نعم شكرا", Y), ("ايوه", Y), ("أيوه", Y), ("ایوه", Y), ("تمام", Y),
    ("موافق", Y), ("اكيد", Y), ("١", Y), ("۱", Y),
    ("لا", N), ("لا شكرا", N), ("إلغاء", N), ("الغاء", N), ("٢", N), ("۲", N),
    ("لا موافق", N),
    # German
    ("Ja", Y), ("ja bitte", Y), ("Ja, danke!", Y), ("klar", Y), ("Bestätige", Y),
    ("passt", Y), ("Kein Problem", Y),
    ("Nein", N), ("nein danke", N), ("Stornieren", N), ("nicht bestätigen", N), ("nö", N),
    ("Ja nein", U),
    # Spanish
    ("sí", Y), ("si", Y), ("Sí, gracias", Y), ("Confirmo", Y), ("vale", Y), ("claro", Y),
    ("por supuesto", Y),
    ("no", N), ("No gracias", N), ("cancelar", N), ("no confirmo", N), ("Cancela el pedido", N),
    # French
    ("oui", Y), ("Oui merci", Y), ("OUI", Y), ("ouais", Y), ("d'accord", Y),
    ("Oui, je confirme", Y), ("bien sûr", Y),
    ("non", N), ("Non merci", N), ("annuler", N), ("je ne confirme pas", N),
    ("si je peux?", U),
    # Portuguese
    ("sim", Y), ("Sim, obrigado", Y), ("Confirmo", Y), ("claro", Y), ("pode", Y),
    ("não", N), ("nao", N), ("Não obrigada", N), ("cancelar", N), ("não confirmo", N),
    # Polish
    ("tak", Y), ("Tak, dziękuję", Y), ("potwierdzam", Y), ("jasne", Y), ("dobrze", Y),
    ("nie", N), ("Nie dziękuję", N), ("anuluj", N), ("nie potwierdzam", N), ("Rezygnuję", N),
    # Italian
    ("sì", Y), ("Si grazie", Y), ("Confermo", Y), ("certo", Y), ("va bene", Y),
    ("no", N), ("No grazie", N), ("annulla", N), ("non confermo", N),
    # Dutch
    ("ja", Y), ("Ja graag", Y), ("jazeker", Y), ("bevestig", Y), ("akkoord", Y), ("prima", Y),
    ("nee", N), ("Nee dank je", N), ("annuleren", N), ("niet bevestigen", N),
    # Turkish
    ("evet", Y), ("Evet teşekkürler", Y), ("EVET", Y), ("onaylıyorum", Y), ("tamam", Y),
    ("hayır", N), ("Hayir", N), ("HAYIR", N), ("iptal", N), ("İptal", N), ("istemiyorum", N),
    ("onaylamıyorum değil mi?", U),
    # Emoji and mixtures
    ("👍", Y), ("👍🏽", Y), ("👌", Y), ("✅", Y), ("ok 👍", Y), ("👎", N), ("❌", N),
    ("👍👎", U), ("🙂", U), ("yes 👎", U),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REPLIES, ids=[t or "(empty)" for t, _ in REPLIES])
def test_a_reply_is_read_as_the_customer_meant_it(text: str, expected: Reply) -> None:
    assert classify(text) is expected


def test_the_table_is_large_enough() -> None:
    assert len(REPLIES) >= 150


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Ne zaman gelir", "tr", U), ("ne", "cs", N), ("ne", None, N), ("en", "fi", N),
     ("en", "es", U), ("si", "fr", U), ("si", "it", Y), ("ja", "pl", U), ("ja", "de", Y),
     ("tak", "cs", U), ("tak", "pl", Y)],
)  # fmt: skip
def test_the_language_settles_words_that_mean_something_else(
    text: str, language: str | None, expected: Reply
) -> None:
    assert classify(text, language) is expected


def test_normalize_drops_case_diacritics_and_maps_digits() -> None:
    assert normalize("KYLLÄ!! ١٢ Hayır, İptal") == "kylla 12 hayir iptal"
