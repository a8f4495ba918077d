"""Language id restricted to the candidate languages."""

from __future__ import annotations

import pytest

from goodbuyer.support.triage.language import identify_language

CLEAR = {
    "en": "Where is my parcel? I ordered it two weeks ago and nothing has arrived yet.",
    "fi": "Missä minun pakettini on? Tilasin sen kaksi viikkoa sitten, eikä mitään ole tullut.",
    "hu": "Hol van a csomagom? Két hete rendeltem, és még mindig nem érkezett meg.",
    "cs": "Kde je můj balík? Objednal jsem ho před dvěma týdny a pořád nepřišel.",
    "he": "איפה החבילה שלי? הזמנתי לפני שבועיים ועדיין לא הגיע כלום.",
    "ar": "أين طردي؟ طلبته قبل أسبوعين ولم يصل أي شيء حتى الآن.",
    "de": "Wo ist mein Paket? Ich habe vor zwei Wochen bestellt und es ist noch nichts da.",
    "es": "¿Dónde está mi paquete? Lo pedí hace dos semanas y todavía no ha llegado nada.",
    "fr": "Où est mon colis ? Je l'ai commandé il y a deux semaines et rien n'est arrivé.",
    "pt": "Onde está a minha encomenda? Fiz o pedido há duas semanas e ainda não chegou nada.",
    "pl": "Gdzie jest moja paczka? Zamówiłem ją dwa tygodnie temu i nadal nic nie przyszło.",
    "it": "Dov'è il mio pacco? L'ho ordinato due settimane fa e non è ancora arrivato niente.",
    "nl": "Waar is mijn pakket? Ik heb het twee weken geleden besteld en er is nog niets.",
    "tr": "Kargom nerede? İki hafta önce sipariş verdim ve hâlâ hiçbir şey gelmedi.",
}


@pytest.mark.parametrize(("lang", "text"), CLEAR.items(), ids=list(CLEAR))
def test_a_clear_sentence_is_in_its_language(lang: str, text: str) -> None:
    guess = identify_language(text)

    assert guess.lang == lang
    assert guess.confidence >= 0.9


def test_a_short_hebrew_word_is_decided_by_its_script() -> None:
    assert identify_language("תודה").lang == "he"


def test_candidates_narrow_the_answer() -> None:
    guess = identify_language("ok", candidates=["fi"])

    assert (guess.lang, guess.confidence) == ("fi", 1.0)


def test_a_slovak_looking_czech_sentence_stays_czech_among_the_shops_languages() -> None:
    assert identify_language("Dobrý den, kde je moje objednávka?", ["cs", "de"]).lang == "cs"
