"""Words in contact data and what gives them away as made up: test words, keyboard runs,
repeated letters; a mailbox read as a name; per-country address formats (pure)."""

from __future__ import annotations

import re
from itertools import pairwise

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

# Words typed by people who do not mean to give their data, folded to ASCII ("teszt",
# "prueba", "deneme"), and a few in their own script. Real surnames are left out even
# when they look like one ("Sample", "Gast", "Testa", "Foo", "Bar", "Nil", "Na", "No").
TEST_WORDS = frozenset(
    """
    test tests testing teszt testi teste testowy testovaci deneme prueba proba probna
    zkouska kokeilu essai prova proef dummy fake fakename noname nobody unknown anonymous
    anonym anonim none null undefined lorem ipsum blah bla blabla asdf asd sdf dfg jkl
    qwe qwer qwerty qwertz azerty yxc zxc xcv aaa bbb xxx xx abc abcd abcde xyz
    mustermann musterfrau fulano
    טסט בדיקה ניסיון تجربة اختبار تست 测试
    """.split()
)
# What the form's fields are called, typed into them ("Name", "Adresse", "Vásárló").
PLACEHOLDERS = frozenset(
    """
    name firstname lastname surname vorname nachname prenom nombre apellido nome cognome
    sobrenome achternaam imie nazwisko isim soyisim soyad jmeno prijmeni etunimi sukunimi
    nincs beispiel exemple ejemplo esempio exemplo voorbeeld przyklad pelda priklad
    customer client cliente klient klant musteri asiakas zakaznik vevo vasarlo address
    adresse adres adresa direccion indirizzo endereco osoite cim
    """.split()
)

# Mailbox names that are not a person's name (the name/e-mail mismatch check skips them).
NOT_NAMES = frozenset(
    """
    info contact kontakt office shop mail email hello hi hey team the my me mr mrs ms dr
    web news order orders billing post home work private privat family familie official
    real best love cool super mega king queen happy sunny lucky star blue angel tiger moon
    pro baby boy girl lady man online store account accounts finance booking company
    firma iroda ugyfel rendeles objednavky tilaus bestellung commande pedidos ordini
    zamowienia siparis invoice invoices fatura faktura szamla rechnung factures mobile
    phone tel gsm iphone android gamer music photo design travel sport fitness auto admin
    sales support service noreply
    """.split()
)

# Local parts nobody reads: "noemail@gmail.com", "no-reply@...".
TEST_MAILBOXES = frozenset("no noemail nomail noreply donotreply nospam a x".split())

# Second-level domains that are not a mail provider ("test.com", "example.org").
TEST_DOMAINS = frozenset("example examples invalid localhost domain noemail nomail".split())

# Mail providers whose misspellings are common ("gmial.com"); short names ("web", "gmx",
# "aol", "me") are left out: one letter off them is too often another real domain.
MAIL_PROVIDERS = frozenset(
    """
    gmail googlemail yahoo hotmail outlook icloud freemail citromail seznam centrum
    wanadoo laposte orange btinternet yandex protonmail rediffmail rocketmail t-online
    """.split()
)
# Real providers one letter away from those above ("ymail" is Yahoo's, "email" Seznam's).
KNOWN_PROVIDERS = MAIL_PROVIDERS | frozenset("ymail email mail gmx web aol msn live".split())
# What ".com" becomes under hurried fingers.
COM_TYPOS = frozenset("con cm om co comm cpm vom xom ocm cim coom cmo".split())

_VOWELS = frozenset("aeiouy")
# Syllabic r and l carry Czech names ("Smrk", "Chrt", "Vlk"), w carries Welsh ones.
_VOWEL_LIKE = _VOWELS | frozenset("wrl")

_HOME_AND_BOTTOM_ROWS = ("asdfghjkl", "zxcvbnm", "qsdfghjklm", "wxcvbn", "yxcvbnm")
_TOP_ROWS = ("qwertyuiop", "qwertzuiop", "azertyuiop")


def _grams(rows: tuple[str, ...], size: int) -> set[str]:
    found = {row[i : i + size] for row in rows for i in range(len(row) - size + 1)}
    return found | {gram[::-1] for gram in found}


# The top rows interleave vowels, so four keys of them spell names ("Doherty", "Hertz",
# "Reza"): there only six keys, or the first five ("qwert", "azert"), or "qwer" count.
KEYBOARD_RUNS = frozenset(
    _grams(_HOME_AND_BOTTOM_ROWS, 4)
    | _grams(_TOP_ROWS, 6)
    | {row[:5] for row in _TOP_ROWS}
    | {"qwer"}
)
_ADJACENT = frozenset(_grams((*_HOME_AND_BOTTOM_ROWS, *_TOP_ROWS), 2))

# Arabic-Indic, Persian, Devanagari and full-width digits, read as ASCII ones.
ASCII_DIGITS = {start + i: str(i) for start in (0x0660, 0x06F0, 0x0966, 0xFF10) for i in range(10)}

_TOKEN_BREAKS = re.compile(r"[\s.,;:'’\"`´()\-_/&+]+")
_NOT_LETTERS = re.compile(r"[^a-z]+")
# Scripts written without spaces between names: Thai, Myanmar, Khmer, Han, kana, Hangul.
UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
# Hebrew and Arabic write few vowels, Han signs read differently by language: transliterated,
# such a name is too loose a key to call a mailbox someone else's.
_LOOSE_SCRIPTS = re.compile(f"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff{UNSPACED.pattern[1:-1]}]")


def tokens(text: str) -> list[str]:
    """Words, split at spaces, punctuation and hyphens."""
    return [token for token in _TOKEN_BREAKS.split(text) if token]


def fold(word: str) -> str:
    """Lower-case ASCII letters only: "Nguyễn" -> "nguyen", "Øberg" -> "oberg"."""
    return _NOT_LETTERS.sub("", anyascii(word).lower())


def is_latin(word: str) -> bool:
    return word.isascii() or all(
        ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in word if c.isalpha()
    )


def keyboard_run(word: str) -> str:
    """The first run of adjacent keys in `word` (lower-case ASCII), or ""."""
    for start in range(len(word) - 3):
        for size in (6, 5, 4):
            gram = word[start : start + size]
            if len(gram) == size and gram in KEYBOARD_RUNS:
                return gram
    return ""


def letter_run(word: str, length: int) -> str:
    """The first letter repeated `length` times in a row in `word` ("aaaa"), or ""."""
    run = 1
    for before, letter in pairwise(word):
        run = run + 1 if letter == before and letter.isalpha() else 1
        if run >= length:
            return letter
    return ""


def repeated_chunk(word: str) -> str:
    """The keyboard-typed piece a word repeats ("jkjk", "sdfsdf", "asdasd"), or "".
    Two letters with a vowel make names ("Lili", "Nana", "Saša", "Zaza") even where the
    keys sit side by side, so only a piece with no vowel or of three keys in a row counts."""
    for size in range(2, len(word) // 2 + 1):
        chunk = word[:size]
        if len(word) % size or chunk * (len(word) // size) != word:
            continue
        in_a_row = size >= 3 and all(pair in _ADJACENT for pair in map("".join, pairwise(chunk)))
        if in_a_row or not _VOWELS & set(chunk):
            return chunk
    return ""


def mash(word: str, run: int, vowelless: int) -> str:
    """What gives one word away as keys hit at random, or "": a letter `run` times over
    (four in other scripts: Thai names triple a letter); in Latin letters also a keyboard
    run, a repeated piece, or `vowelless` letters and no vowel (a transliteration of
    Hebrew or Arabic has none, so other scripts skip those)."""
    latin = is_latin(word)
    if found := letter_run(word.lower(), run if latin else max(run, 4)):
        return f"the repeated letter '{found}'"
    if not latin:
        return ""
    folded = fold(word)
    if found := keyboard_run(folded):
        return f"the keyboard run '{found}'"
    if found := repeated_chunk(folded):
        return f"the repeated piece '{found}'"
    if len(folded) >= vowelless and not _VOWEL_LIKE & set(folded):
        return f"the vowel-less word '{folded}'"
    return ""


def is_test_word(word: str) -> bool:
    """A test word or a field's label; only a Latin word is folded ("Próba"), so no
    transliteration of another script spells one by chance."""
    key = fold(word) if is_latin(word) else word.casefold()
    return key in TEST_WORDS or key in PLACEHOLDERS


def is_test_mailbox(text: str, extra: frozenset[str]) -> bool:
    """A local part or domain name typed not to be used: "test", "a", "123", "asdf99"."""
    compact = re.sub(r"[^a-z0-9]", "", text)
    if len(compact) <= 1 or compact in extra or compact in TEST_WORDS:
        return True
    if compact.isdigit():  # "123@123.com"; a phone number as a mailbox is real
        return len(set(compact)) == 1 or compact in "0123456789" or compact in "9876543210"
    # Four letters in a row, as a mailbox joins names ("raijaaalto", "mitchelllamb").
    return any(t in TEST_WORDS or mash(t, 4, 99) for t in _NOT_LETTERS.split(text) if t)


def repeated_digits(digits: str, last: int = 7) -> bool:
    """The `last` digits (at least six) repeat one digit or a pair ("0000000", "1212121")."""
    tail = digits[-last:]
    return len(tail) >= 6 and any(tail == (tail[:p] * len(tail))[: len(tail)] for p in (1, 2))


def sequential_digits(digits: str, length: int = 6) -> bool:
    """Somewhere `length` digits count up or down by one ("1234567", "9876543")."""
    up = down = 1
    for before, digit in pairwise(digits):
        step = (int(digit) - int(before)) % 10
        up = up + 1 if step == 1 else 1
        down = down + 1 if step == 9 else 1
        if max(up, down) >= length:
            return True
    return False


def someone_else(parts: list[str], name: str) -> bool:
    """Mailbox words that are clearly another person's name than `name`: two or three
    name-like words, none of them the name's. Unsure (initials, digits, "info", a name in
    Hebrew, Arabic or Han) counts as not someone else."""
    keys = [fold(t) for t in tokens(name) if not is_test_word(t) and not mash(t, 3, 4)]
    keys = [key for key in keys if key]
    if not keys or _LOOSE_SCRIPTS.search(name) or not 2 <= len(parts) <= 3:
        return False
    return all(map(_name_like, parts)) and not _same_person(parts, keys)


def _name_like(word: str) -> bool:
    return (
        word.isascii()
        and word.isalpha()
        and 2 <= len(word) <= 20
        and bool(_VOWELS & set(word))
        and not is_test_mailbox(word, NOT_NAMES)
    )


def _same_person(parts: list[str], keys: list[str]) -> bool:
    """A mailbox word matches a name word, or a name word hides in the mailbox's letters
    (Gmail ignores dots, so "ko.vacsanna" is Kovács Anna's)."""
    joined = "".join(parts)
    if any(len(key) >= 3 and key in joined for key in keys):
        return True
    return any(_same_name(part, key) for part in parts for key in keys)


def _same_name(a: str, b: str) -> bool:
    """Equal, an initial ("m" for "marcel"), one shortens the other ("kata", "katalin"),
    close ("mohamed", "mohammed"), or the same consonants ("dahan", "dhn")."""
    if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return Levenshtein.normalized_similarity(a, b) >= 0.75 or _skeleton(a) == _skeleton(b) != ""


_SKELETON = str.maketrans("cqv", "kkb", "aeiouyhw")


def _skeleton(word: str) -> str:
    letters = word.translate(_SKELETON)
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


def _postcodes(table: dict[str, tuple[str, str]]) -> dict[str, tuple[re.Pattern[str], str]]:
    return {
        country: (re.compile(pattern), example)
        for countries, (pattern, example) in table.items()
        for country in countries.split()
    }


# Postcode forms, upper-cased with single spaces: (pattern, example). A missing country
# (AE has no postcodes, most others are not listed) gives no postcode signal at all.
POSTCODES = _postcodes(
    {
        "HU AT CH BE DK NO LU BG SI AU": (r"\d{4}", "1234"),
        "DE FR ES IT FI TR SA EG MA HR EE MX UA": (r"\d{5}", "12345"),
        "CZ SK SE GR": (r"\d{3} ?\d{2}", "123 45"),
        "PL": (r"\d{2}-?\d{3}", "12-345"),
        "NL": (r"\d{4} ?[A-Z]{2}", "1234 AB"),
        "PT": (r"\d{4}[- ]?\d{3}", "1234-567"),
        "GB": (r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", "SW1A 1AA"),
        "US": (r"\d{5}(-\d{4})?", "12345 or 12345-6789"),
        "IL": (r"\d{7}", "1234567"),
        "RO IN RU CN": (r"\d{6}", "123456"),
        "CA": (r"[A-Z]\d[A-Z] ?\d[A-Z]\d", "A1A 1A1"),
        "BR": (r"\d{5}-?\d{3}", "12345-678"),
        "JP": (r"\d{3}-?\d{4}", "123-4567"),
    }
)

# Where street addresses carry a house number: most of Europe, IL, TR, North America,
# Australia. Not required in GB and IE (houses with names, rural Ireland), in the Gulf,
# Egypt, Morocco or India, where an address is often a description ("behind the mosque").
HOUSE_NUMBERS = frozenset(
    """
    AT BE BG CH CZ DE DK EE ES FI FR GR HR HU IT LT LU LV NL NO PL PT RO SE SI SK
    IL TR US CA AU
    """.split()
)

# Said instead of a number: "s/n" (sin número, sem número), "snc" (senza numero civico),
# a French "lieu-dit" or an Italian "località" (a rural place without street numbers).
NO_NUMBER = re.compile(r"\bs/ ?n\b|\bsnc\b|\blieu[- ]dit\b|\blocalit[aà]\b", re.IGNORECASE)

# Fewest letters a street address has ("Fő u. 1" has three). Han, kana and Hangul pack a
# street into two signs, Hebrew writes no vowels ("רח 14 3": street 14, number 3); where
# addresses go without numbers the words must say more.
MIN_ADDRESS_LETTERS = {
    **dict.fromkeys("CN JP KR TW HK IL".split(), 2),
    **dict.fromkeys("AE SA QA KW BH OM".split(), 4),
}
DEFAULT_MIN_ADDRESS_LETTERS = 3

__all__ = [
    "ASCII_DIGITS",
    "COM_TYPOS",
    "DEFAULT_MIN_ADDRESS_LETTERS",
    "HOUSE_NUMBERS",
    "KEYBOARD_RUNS",
    "KNOWN_PROVIDERS",
    "MAIL_PROVIDERS",
    "MIN_ADDRESS_LETTERS",
    "NOT_NAMES",
    "NO_NUMBER",
    "PLACEHOLDERS",
    "POSTCODES",
    "TEST_DOMAINS",
    "TEST_MAILBOXES",
    "TEST_WORDS",
    "UNSPACED",
    "fold",
    "is_latin",
    "is_test_mailbox",
    "is_test_word",
    "keyboard_run",
    "letter_run",
    "mash",
    "repeated_chunk",
    "repeated_digits",
    "sequential_digits",
    "someone_else",
    "tokens",
]
