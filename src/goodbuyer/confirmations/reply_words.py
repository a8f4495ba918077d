"""The words a customer answers a confirmation message with, in the 14 languages, as
`replies.normalize` leaves them (case-folded, no diacritics, no apostrophes)."""

from __future__ import annotations

YES = frozenset(
    """
    yes yeah yea yep yup ya y sure confirm confirmed confirming correct ok okay okey oki k
    kk alright absolutely definitely yess yesss
    kylla joo juu jep jees vahvistan vahvista vahvistetaan selva sopii
    igen ja jah persze rendben megerositem megerosit oke jo ige
    ano jo potvrzuji potvrzuju potvrdit potvrzeno souhlasim jasne
    כן כמובן מאשר מאשרת אישור בטח בסדר
    نعم ايوه ايوا ايه اه اكيد تمام موافق اوكي اؤكد مؤكد
    jawohl jup klar bestatige bestatigen bestatigt passt gerne freilich genau richtig
    si claro vale dale confirmo confirmado correcto perfecto
    oui ouais ouaip daccord confirme confirmer parfait
    sim confirmo confirmado certo pode beleza
    tak potwierdzam potwierdzam potwierdzone jasne dobrze zgoda oczywiscie
    certo confermo confermato confermare esatto vabene
    jazeker jawel bevestig bevestigd bevestigen akkoord prima klopt zeker
    evet onayliyorum onayla onaylarim onay tamam olur tabi tabii
    1 yes_mark
    """.split()
)

NO = frozenset(
    """
    no nope nah nay n cancel cancelled canceled cancelling stop unsubscribe refuse decline
    ei peruuta peru peruutan peruutus
    nem torol torolje torolni lemondom lemond megsem
    ne nechci zrusit zruste zrusim zruseno storno
    לא בטל בטלו ביטול
    لا الغاء الغي الغوا ﻻ
    nein storniere stornieren storniert abbrechen nicht
    cancelar cancela cancelado anular
    non annuler annule annulez
    nao cancelar cancele
    nie anuluj anulowac anuluje rezygnuje rezygnuje
    annulla annullare annullato disdico
    nee annuleren annuleer annuleert
    hayir iptal istemiyorum vazgectim
    2 no_mark
    """.split()
)

# Words that turn a following "yes" word into a no ("not yes", "don't confirm").
NEGATIONS = frozenset(
    """
    not dont doesnt didnt never cant wont
    ei en ala nem ne ani לא لا ما nicht kein keine keinen niet geen non pas
    nao nie degil
    """.split()
)

# Phrases read as one word before the words are looked at.
PHRASES: dict[str, str] = {
    "no problem": "yes", "no worries": "yes", "of course": "yes", "go ahead": "yes",
    "kein problem": "yes", "bien sur": "yes", "por supuesto": "yes", "por favor": "please",
    "va bene": "vabene", "ei hataa": "yes", "ei ongelmaa": "yes", "nema problema": "yes",
    "nincs problema": "yes", "zadny problem": "yes", "sem problema": "yes",
    "nessun problema": "yes", "geen probleem": "yes", "sorun yok": "yes", "ok ok": "ok",
    "changed my mind": "no", "do not want": "no", "dont want": "no", "no thanks": "no",
    "no thank you": "no", "nein danke": "no", "non merci": "no", "no gracias": "no",
    "nao obrigado": "no", "nie dziekuje": "no", "no grazie": "no", "nee dank": "no",
    "ei kiitos": "no", "nem kerem": "no", "ne dekuji": "no", "hayir tesekkurler": "no",
}  # fmt: skip

# Words that neither answer nor make a reply long (politeness, "my order").
FILLER = frozenset(
    """
    please pls plz thanks thank you thx ty i it my the order a this that is please
    kiitos tilaus tilauksen tilaukseni kiitti
    koszonom koszi kerem a rendeles rendelest
    dekuji dik prosim objednavku objednavka
    תודה בבקשה ההזמנה
    شكرا من فضلك الطلب
    danke bitte ich die bestellung
    gracias porfavor please el pedido mi lo
    merci sil vous plait commande la je
    obrigado obrigada pedido o meu
    dziekuje prosze zamowienie
    grazie prego ordine il
    dank bedankt alsjeblieft bestelling de
    tesekkurler tesekkur ederim lutfen siparis siparisimi
    """.split()
)

# Words that mean something else in one language: not answers when the reply's language
# is known to be that one ("ne" is Turkish for "what", "si" French for "if").
NOT_IN_LANGUAGE: dict[str, frozenset[str]] = {
    "tr": frozenset({"ne"}),
    "fr": frozenset({"si"}),
    "es": frozenset({"y"}),
    "pl": frozenset({"ja"}),
    "cs": frozenset({"ja", "tak"}),
}
# Words that answer only in one language ("en", Finnish "I don't", is Spanish "in").
ONLY_IN_LANGUAGE: dict[str, dict[str, str]] = {
    "fi": {"en": "no"},
}

EMOJI: dict[str, str] = {
    "👍": " yes_mark ", "👌": " yes_mark ", "✅": " yes_mark ", "✔": " yes_mark ",
    "🆗": " yes_mark ", "☑": " yes_mark ",
    "👎": " no_mark ", "❌": " no_mark ", "✖": " no_mark ", "🚫": " no_mark ",
}  # fmt: skip

__all__ = [
    "EMOJI", "FILLER", "NEGATIONS", "NO", "NOT_IN_LANGUAGE", "ONLY_IN_LANGUAGE", "PHRASES", "YES",
]  # fmt: skip
