"""Ghost-order signals: what one order's own contact data says about whether anyone real
stands behind it (R1.4, seed 004): a phone, e-mail, name or address typed not to be found."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
from anyascii import anyascii
from disposable_email_domains import blocklist
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberType
from rapidfuzz.distance import OSA

from goodbuyer.identity import ghost_words as words

# Each code and how much it alone says "nobody will take this parcel" (0..1).
WEIGHTS: dict[str, float] = {
    "phone_missing": 0.4,  # a real buyer may leave it out where the form allows
    "phone_unparseable": 0.7,
    "phone_invalid": 0.6,
    "phone_pattern": 0.5,  # "0000000", "1234567"
    "phone_service": 0.25,  # toll-free, premium rate, shared cost: not a person's phone
    "phone_not_mobile": 0.1,  # a landline or VoIP number: no SMS, but a real line
    "phone_foreign": 0.15,  # another country's number than the parcel's
    "email_malformed": 0.6,
    "email_disposable": 0.5,
    "email_test": 0.6,  # test@test.com, asdf@gmail.com, anna@example.com
    "email_domain_typo": 0.15,  # gmial.com: the mail will not arrive, the buyer may
    "email_other_name": 0.15,  # peter.nagy@ on Anna Kovács's order: often a spouse
    "name_missing": 0.4,
    "name_no_letters": 0.6,
    "name_contact": 0.5,  # a web address, e-mail or phone number in the name
    "name_test": 0.6,
    "name_mash": 0.5,
    "name_digits": 0.3,
    "name_initials": 0.4,
    "name_single_token": 0.1,
    "address_missing": 0.5,
    "address_test": 0.6,
    "address_mash": 0.5,
    "address_no_number": 0.25,
    "address_short": 0.4,
    "address_copied": 0.4,  # the city or the name again
    "postcode_malformed": 0.3,
}


@dataclass(frozen=True, slots=True)
class ContactData:
    """What one order carries; "" when missing; country is ISO 3166-1 alpha-2."""

    name: str
    phone: str
    email: str
    address: str
    city: str
    postcode: str
    country: str


@dataclass(frozen=True, slots=True)
class GhostSignal:
    code: str  # stable, a key of WEIGHTS
    field: str  # the contact field: "phone", "email", "name", "address" or "postcode"
    weight: float  # 0..1
    reason: str  # English, names the offending value


def ghost_signals(contact: ContactData) -> list[GhostSignal]:
    """Every ghost signal in one order's contact data, phone first."""
    country = contact.country.strip().upper()
    name = " ".join(contact.name.split())
    return [
        *_phone_signals(contact.phone.strip(), country),
        *_email_signals(contact.email.strip(), name),
        *_name_signals(name),
        *_address_signals(contact, country),
        *_postcode_signals(contact.postcode.strip(), country),
    ]


def ghost_score(signals: Iterable[GhostSignal]) -> float:
    """How likely a ghost, taking the signals as independent: 1 - prod(1 - weight)."""
    return 1.0 - math.prod(1.0 - signal.weight for signal in signals)


def _signal(code: str, field: str, reason: str) -> GhostSignal:
    return GhostSignal(code, field, WEIGHTS[code], reason)


# Phone ------------------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]")
_NOT_DIGITS = re.compile(r"\D+")
_SERVICE = {
    PhoneNumberType.TOLL_FREE: "a toll-free number",
    PhoneNumberType.PREMIUM_RATE: "a premium-rate number",
    PhoneNumberType.SHARED_COST: "a shared-cost number",
    PhoneNumberType.UAN: "a company switchboard number",
    PhoneNumberType.VOICEMAIL: "a voicemail number",
    PhoneNumberType.PAGER: "a pager number",
}
_NOT_MOBILE = {
    PhoneNumberType.FIXED_LINE: "a landline",
    PhoneNumberType.VOIP: "an internet (VoIP) number",
    PhoneNumberType.PERSONAL_NUMBER: "a personal forwarding number",
}


def _phone_signals(phone: str, country: str) -> list[GhostSignal]:
    if not phone:
        return [_signal("phone_missing", "phone", "No phone number")]
    text = phone.translate(words.ASCII_DIGITS)
    if text.startswith("00") and text[2:3] != "0":  # no country code starts with 0
        text = "+" + text[2:]
    international = text.startswith("+")
    if not international and country not in phonenumbers.SUPPORTED_REGIONS:
        return _phone_pattern(phone, _NOT_DIGITS.sub("", text))  # no country to read it in
    number = _parse_phone(text, country)
    if number is None:
        reason = f"Phone '{phone}' cannot be read as a phone number"
        return [_signal("phone_unparseable", "phone", reason)]
    digits = phonenumbers.national_significant_number(number)
    return [*_phone_number_signals(phone, number, country), *_phone_pattern(phone, digits)]


def _parse_phone(text: str, country: str) -> PhoneNumber | None:
    if _LETTERS.search(text):  # parse() would read letters as a vanity number
        return None
    try:
        return phonenumbers.parse(text, country or None)
    except NumberParseException:
        return None


def _phone_number_signals(phone: str, number: PhoneNumber, country: str) -> list[GhostSignal]:
    code = number.country_code or 0
    home = code == phonenumbers.country_code_for_region(country)
    if not phonenumbers.is_valid_number(number):
        region = country if home else phonenumbers.region_code_for_country_code(code)
        where = region if region.isalpha() and region != "ZZ" else "any country"
        reason = f"Phone '{phone}' is not a valid number for {where}"
        return [_signal("phone_invalid", "phone", reason)]
    found = _phone_kind(phone, number)
    if not home and country in phonenumbers.SUPPORTED_REGIONS:
        region = phonenumbers.region_code_for_number(number) or ""
        where = region if region.isalpha() else "an international range"  # +800, +882
        reason = f"Phone '{phone}' is from {where}; the order ships to {country}"
        found.append(_signal("phone_foreign", "phone", reason))
    return found


def _phone_kind(phone: str, number: PhoneNumber) -> list[GhostSignal]:
    kind = phonenumbers.number_type(number)
    if kind in _SERVICE:
        return [_signal("phone_service", "phone", f"Phone '{phone}' is {_SERVICE[kind]}")]
    if kind in _NOT_MOBILE:
        reason = f"Phone '{phone}' is {_NOT_MOBILE[kind]}, not a mobile"
        return [_signal("phone_not_mobile", "phone", reason)]
    return []


def _phone_pattern(phone: str, digits: str) -> list[GhostSignal]:
    if words.repeated_digits(digits):
        return [_signal("phone_pattern", "phone", f"Phone '{phone}' repeats the same digits")]
    if words.sequential_digits(digits):
        reason = f"Phone '{phone}' is a run of sequential digits"
        return [_signal("phone_pattern", "phone", reason)]
    return []


# E-mail -----------------------------------------------------------------------------

_SECOND_LEVELS = frozenset("co com net org ac gov edu ne or".split())


def _email_signals(email: str, name: str) -> list[GhostSignal]:
    if not email:
        return []
    try:
        parts = validate_email(email, check_deliverability=False)
    except EmailNotValidError as error:
        return [_signal("email_malformed", "email", f"E-mail '{email}' is malformed: {error}")]
    local, domain = parts.local_part.lower(), parts.ascii_domain.lower()
    # A misspelt provider ("gmial.com") is often on the throwaway list too: say the typo.
    found = [_typo(email, domain) or _disposable(email, domain), _test_mail(email, local, domain)]
    if words.someone_else(re.split(r"[._-]", local.split("+")[0]), name):
        reason = f"E-mail '{email}' is another person's name than '{name}'"
        found.append(_signal("email_other_name", "email", reason))
    return [signal for signal in found if signal]


def _disposable(email: str, domain: str) -> GhostSignal | None:
    labels = domain.split(".")
    if any(".".join(labels[i:]) in blocklist for i in range(len(labels) - 1)):
        return _signal("email_disposable", "email", f"E-mail '{email}' is a throwaway mailbox")
    return None


def _test_mail(email: str, local: str, domain: str) -> GhostSignal | None:
    if words.is_test_mailbox(local.split("+")[0], words.TEST_MAILBOXES):
        return _signal("email_test", "email", f"E-mail '{email}' is a test address")
    if words.is_test_mailbox(_domain_label(domain), words.TEST_DOMAINS):
        return _signal("email_test", "email", f"E-mail '{email}' is at a test domain")
    return None


def _domain_label(domain: str) -> str:
    """The name a domain was registered under: "test" in "test.co.uk" and "test.com"."""
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVELS:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else domain


def _typo(email: str, domain: str) -> GhostSignal | None:
    label, _, rest = domain.partition(".")
    near = [p for p in words.MAIL_PROVIDERS if OSA.distance(label, p, score_cutoff=1) == 1]
    if label in words.KNOWN_PROVIDERS and rest in words.COM_TYPOS:
        near = [label]
    elif label in words.KNOWN_PROVIDERS or not near:
        return None
    reason = f"E-mail '{email}' looks like a misspelt {near[0]} address"
    return _signal("email_domain_typo", "email", reason)


# Name -------------------------------------------------------------------------------

_URL = re.compile(r"https?://|www\.|\w\.(com|net|org|info|biz|io|shop|online)\b", re.IGNORECASE)


def _name_signals(name: str) -> list[GhostSignal]:
    """At most one: the strongest thing wrong with the name."""
    if not name:
        return [_signal("name_missing", "name", "No name")]
    for check in (_name_contact, _name_no_letters, _name_words, _name_digits, _name_shape):
        if found := check(name):
            return [found]
    return []


def _name_contact(name: str) -> GhostSignal | None:
    digits = sum(c.isdigit() for c in name)
    what = "an e-mail" if "@" in name else "a web address" if _URL.search(name) else ""
    what = what or ("a phone number" if digits >= 6 else "")
    if what:
        return _signal("name_contact", "name", f"Name '{name}' contains {what}")
    return None


def _name_no_letters(name: str) -> GhostSignal | None:
    if not any(c.isalpha() for c in name):
        return _signal("name_no_letters", "name", f"Name '{name}' has no letters")
    return None


def _name_words(name: str) -> GhostSignal | None:
    return _made_up_word(name, "name", "Name", run=3, vowelless=4)


def _name_digits(name: str) -> GhostSignal | None:
    if any(c.isdigit() for c in name):
        return _signal("name_digits", "name", f"Name '{name}' contains digits")
    return None


def _name_shape(name: str) -> GhostSignal | None:
    tokens = words.tokens(name)
    if words.UNSPACED.search(name):  # Chinese, Japanese, Korean, Thai names need no spaces
        if len(name.replace(" ", "")) > 1:
            return None
    elif all(len(token) == 1 for token in tokens):
        return _signal("name_initials", "name", f"Name '{name}' is only initials")
    if len(tokens) == 1:
        reason = f"Name '{name}' is one word; a given and a family name are expected"
        return _signal("name_single_token", "name", reason)
    return None


def _made_up_word(
    text: str, field: str, label: str, run: int, vowelless: int
) -> GhostSignal | None:
    for token in words.tokens(text):
        if words.is_test_word(token):
            reason = f"{label} '{text}' contains the test word '{token}'"
            return _signal(f"{field}_test", field, reason)
        if found := words.mash(token, run, vowelless):
            return _signal(f"{field}_mash", field, f"{label} '{text}' contains {found}")
    return None


# Address ----------------------------------------------------------------------------


def _address_signals(contact: ContactData, country: str) -> list[GhostSignal]:
    address = " ".join(contact.address.split())
    if not address:
        return [_signal("address_missing", "address", "No address")]
    checks = (
        _address_words(address),
        _address_number(address, country),
        _address_short(address, country),
        _address_copied(address, contact),
    )
    return [signal for signal in checks if signal]


def _address_words(address: str) -> GhostSignal | None:
    # German streets may triple a letter ("Brennnesselweg"): four count here.
    return _made_up_word(address, "address", "Address", run=4, vowelless=5)


def _address_number(address: str, country: str) -> GhostSignal | None:
    if country not in words.HOUSE_NUMBERS or any(c.isdigit() for c in address):
        return None
    if words.NO_NUMBER.search(address):  # "Calle Real s/n": said there is none
        return None
    return _signal("address_no_number", "address", f"Address '{address}' has no house number")


def _address_short(address: str, country: str) -> GhostSignal | None:
    letters = sum(c.isalpha() for c in address)
    if letters < words.MIN_ADDRESS_LETTERS.get(country, words.DEFAULT_MIN_ADDRESS_LETTERS):
        reason = f"Address '{address}' is too short ({letters} letters)"
        return _signal("address_short", "address", reason)
    return None


def _address_copied(address: str, contact: ContactData) -> GhostSignal | None:
    key = _compact(address)
    for field, value in (("city", contact.city), ("name", contact.name)):
        if key and key == _compact(value):
            reason = f"Address '{address}' only repeats the {field}"
            return _signal("address_copied", "address", reason)
    return None


def _compact(text: str) -> str:
    """Letters and digits, accents and script folded: "Kovács, Anna" -> "kovacsanna"."""
    return _NOT_ALNUM.sub("", anyascii(text).lower())


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# "H-1052", "D-10115", "ΤΚ 104 31": the country or the word "postcode" before the digits.
_PREFIX = re.compile(r"^[^\W\d_]{1,3}[- ]?(?=\d)")


def _postcode_signals(postcode: str, country: str) -> list[GhostSignal]:
    form = words.POSTCODES.get(country)
    if form is None or not postcode:
        return []
    pattern, example = form
    text = " ".join(postcode.translate(words.ASCII_DIGITS).upper().split())
    if pattern.fullmatch(text) or pattern.fullmatch(_PREFIX.sub("", text)):
        return []
    reason = f"Postcode '{postcode}' is not in the form used in {country} ({example})"
    return [_signal("postcode_malformed", "postcode", reason)]


__all__ = ["WEIGHTS", "ContactData", "GhostSignal", "ghost_score", "ghost_signals"]
