"""Ghost signals on one order's contact data: each signal fires on what a ghost types and
stays silent on real people, their numbers, mailboxes, names and homes in many countries."""

from __future__ import annotations

from dataclasses import replace

import pytest

from goodbuyer.identity.ghost_words import keyboard_run
from goodbuyer.identity.ghosts import (
    WEIGHTS,
    ContactData,
    GhostSignal,
    ghost_score,
    ghost_signals,
)

ANNA = ContactData(
    name="Kovács Anna",
    phone="+36 30 491 8372",
    email="anna.kovacs@gmail.com",
    address="Petőfi Sándor utca 12.",
    city="Budapest",
    postcode="1052",
    country="HU",
)


def contact(**changes: str) -> ContactData:
    return replace(ANNA, **changes)


def codes(data: ContactData) -> list[str]:
    return [signal.code for signal in ghost_signals(data)]


# Real customers ------------------------------------------------------------------

CLEAN = {
    "hu": ANNA,
    "cz": ContactData("Jana Nováková", "+420 603 482 917", "jana.novakova@seznam.cz",
                      "Vinohradská 1234/12", "Praha", "120 00", "CZ"),
    "de": ContactData("Hans Müller", "0151 23948571", "hans.mueller@web.de",
                      "Hauptstraße 5", "Berlin", "10115", "DE"),
    "de-triple-letter-street": ContactData("Uwe Schwarzkopf", "0151 23948571", "",
                                           "Brennnesselweg 7", "Kassel", "D-34117", "DE"),
    "fr": ContactData("Élodie Lefèvre", "06 48 39 27 15", "elodie.lefevre@orange.fr",
                      "12 rue de la Paix", "Paris", "75002", "FR"),
    "es": ContactData("José García Márquez", "612 48 39 27", "jose.garcia@gmail.com",
                      "Calle Mayor 5, 3º B", "Madrid", "28013", "ES"),
    "il-hebrew": ContactData("שני דהן", "052-381-4726", "shani.dahan@gmail.com",
                             "רחוב הרצל 12", "תל אביב", "6100000", "IL"),
    "il-numbered-street": ContactData("משה כהן", "+972 52-381-4726", "", "רח 14 3",
                                      "מודיעין", "7170000", "IL"),
    "eg-arabic-digits": ContactData("محمد علي", "٠١٠٠٤٨٦٧٩٣١", "", "شارع التحرير، الدقي",
                                    "القاهرة", "١٢٦١١", "EG"),
    "sa-persian-digits": ContactData("عبدالرحمن الشهري", "۰۵۰۴۸۶۷۹۳۱",
                                     "aal.shehri@gmail.com", "حي النخيل، بجوار مسجد الراجحي",
                                     "الرياض", "12382", "SA"),
    "ae-descriptive": ContactData("Fatima Al Mansouri", "+971 50 384 2917",
                                  "fatima.mansouri@gmail.com",
                                  "Near Mall of the Emirates, Al Barsha", "Dubai", "", "AE"),
    "us": ContactData("Mary O'Brien", "(646) 483-9271", "mary.obrien@yahoo.com",
                      "350 Fifth Avenue, Apt 4B", "New York", "10118-0110", "US"),
    "gb-house-name": ContactData("Sean Doherty", "07912 483927", "sean.doherty@btinternet.com",
                                 "Rose Cottage, Church Lane", "Little Snoring", "NR21 0AA",
                                 "GB"),
    "in": ContactData("Rahul Sharma", "+91 98450 38271", "rahul.sharma@gmail.com",
                      "House No. 12, MG Road, Near SBI Bank", "Bengaluru", "560001", "IN"),
    "fi": ContactData("Aino Virtanen", "040 739 2841", "aino.virtanen@luukku.com",
                      "Mannerheimintie 12 B 7", "Helsinki", "00100", "FI"),
    "pl": ContactData("Łukasz Żółć", "601 483 927", "lukasz.zolc@wp.pl",
                      "ul. Marszałkowska 10/12", "Warszawa", "00-950", "PL"),
    "nl": ContactData("Sanne de Vries", "06 48392715", "sanne.devries@gmail.com",
                      "Keizersgracht 123", "Amsterdam", "1015 CJ", "NL"),
    "pt": ContactData("João Conceição", "912 483 927", "joao.conceicao@sapo.pt",
                      "Rua Augusta 100", "Lisboa", "1100-048", "PT"),
    "tr": ContactData("Çağla Yıldız", "0532 481 39 27", "cagla.yildiz@gmail.com",
                      "Atatürk Cad. No:5 D:3", "İstanbul", "34000", "TR"),
    "ro": ContactData("Andrei Popescu", "0721 483 927", "andrei.popescu@yahoo.com",
                      "Strada Lipscani 12", "București", "030031", "RO"),
    "ca": ContactData("Émilie Tremblay", "+1 613 483 9271", "emilie.tremblay@videotron.ca",
                      "24 Sussex Drive", "Ottawa", "K1M 1M4", "CA"),
    "ma": ContactData("Youssef Benali", "06 61 48 39 27", "youssef.benali@gmail.com",
                      "Rue Ibn Batouta, près de la mosquée", "Casablanca", "20250", "MA"),
    "vn": ContactData("Nguyễn Văn An", "+84 912 483 927", "nguyen.an@gmail.com",
                      "12 Lê Lợi, Quận 1", "Hồ Chí Minh", "700000", "VN"),
    "cn": ContactData("李伟", "+86 139 4839 2715", "wei.li@163.com", "中山路5号", "上海",
                      "200000", "CN"),
}  # fmt: skip


@pytest.mark.parametrize("data", CLEAN.values(), ids=CLEAN.keys())
def test_real_customers_carry_no_signal(data: ContactData) -> None:
    assert ghost_signals(data) == []


REAL_NAMES = [
    # hu
    "Kovács Anna", "Nagy Péter", "Szőke Ottó", "Gyöngyösi Zsófia", "Hajdú Ödön", "Lili Kiss",
    # cs
    "Jana Nováková", "Jiří Vlk", "Petr Smrk", "Karel Chrt", "Milan Srb",
    "Mgr. Jana Dvořáková", "Zdeněk Hrdlička",
    # fi
    "Aino Virtanen", "Jukka Kääriäinen", "Aaro Liimatainen", "Päivi Äijälä", "Åsa Öberg",
    "Tuuli Haapanen",
    # de
    "Hans Müller", "Klaus Hertz", "Anja Wertz", "Max Ewert", "Sabine Werther",
    "Jürgen Großsteinbeck", "Günther Straßburger",
    # he
    "שני דהן", "משה כהן", "חיים ויס", "נועה פרידמן", "יוסי אוחיון",
    # ar
    "محمد علي", "فاطمة الزهراء", "عبد الله عبد الله", "أحمد حسن", "ليلى شحاتة",
    # tr
    "Şükrü Öztürk", "Çağla Yıldız", "İsmail Kılıç", "Emre Örnek",
    # pl
    "Łukasz Żółć", "Grzegorz Brzęczyszczykiewicz", "Agnieszka Szczepańska",
    # es, pt, it
    "José García Márquez", "María del Carmen Núñez", "Íñigo Etxeberria", "João Conceição",
    "Maria da Graça Sousa", "Giuseppe D'Angelo", "Chiara Testa",
    # nl, fr
    "Jan van der Aa", "Sanne de Vries", "Pieter van 't Hof", "Élodie Lefèvre",
    "Jean-Luc Azer", "Reza Tehrani", "Nana Mensah", "Coco Chanel",
    # en
    "Mary O'Brien", "Sean Doherty", "Tom Trewin", "Kate Flaherty", "Joe Sample", "Ann Lee",
    "Bo Li", "Oz Perkins", "Ng Li", "Abdullah Abdullah",
    # vi, zh, ko, ja and others
    "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Ngô Bảo Châu", "李伟", "王芳", "Zhang Wei",
    "Wu Yi", "김민준", "山田太郎", "Γιώργος Παπαδόπουλος", "Пётр Иванов", "राहुल शर्मा",
    "ธนนนท์ เดชวา", "Saša Hribar", "Zaza Pachulia",
]  # fmt: skip


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_names_carry_no_signal(name: str) -> None:
    assert ghost_signals(contact(name=name, email="")) == []


def test_the_real_names_span_many_cultures() -> None:
    assert len(REAL_NAMES) >= 60


@pytest.mark.parametrize("name", ["Ng", "Li", "Bo", "Oz", "Aa", "Lili", "Madonna", "李"])
def test_a_short_real_name_alone_is_only_one_word(name: str) -> None:
    assert codes(contact(name=name, email="")) == ["name_single_token"]


# Phone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "country"),
    [
        pytest.param("+36 30 491 8372", "HU", id="plus"),
        pytest.param("0036 30 491 8372", "HU", id="double-zero"),
        pytest.param("06 30 491 8372", "HU", id="national"),
        pytest.param("06-30-491-8372", "HU", id="dashes"),
        pytest.param("(06 30) 491 8372", "HU", id="parentheses"),
        pytest.param("06/30/491-8372", "HU", id="slashes"),
        pytest.param("٠١٠٠٤٨٦٧٩٣١", "EG", id="arabic-indic-digits"),
        pytest.param("۰۵۰۴۸۶۷۹۳۱", "SA", id="persian-digits"),
        pytest.param("٠٠٩٧١ ٥٠ ٣٨٤ ٢٩١٧", "AE", id="arabic-indic-double-zero"),
        pytest.param("+1 646 483 9271", "CA", id="us-number-canadian-parcel"),
        pytest.param("+44 7797 123987", "GB", id="jersey-number-british-parcel"),
        pytest.param("+36 30 491 8372", "", id="no-country-international"),
        pytest.param("06 30 491 8372", "", id="no-country-national"),
    ],
)
def test_a_mobile_in_any_format_is_fine(phone: str, country: str) -> None:
    assert codes(contact(phone=phone, country=country, postcode="")) == []


@pytest.mark.parametrize(
    ("phone", "country", "expected"),
    [
        pytest.param("", "HU", ["phone_missing"], id="missing"),
        pytest.param("   ", "HU", ["phone_missing"], id="blank"),
        pytest.param("asdf", "HU", ["phone_unparseable"], id="letters"),
        pytest.param("call me", "HU", ["phone_unparseable"], id="words"),
        pytest.param("-", "HU", ["phone_unparseable"], id="dash"),
        pytest.param("+36 30 491 TEST", "HU", ["phone_unparseable"], id="vanity-letters"),
        pytest.param("06 30 12", "HU", ["phone_invalid"], id="too-short"),
        pytest.param("+44 7700 900461", "HU", ["phone_invalid"], id="tv-drama-range"),
        pytest.param("0000000", "HU", ["phone_invalid", "phone_pattern"], id="zeros"),
        pytest.param("+36 30 123 4567", "HU", ["phone_pattern"], id="sequential"),
        pytest.param("06 30 121 2121", "HU", ["phone_pattern"], id="repeated-pair"),
        pytest.param("+36 30 000 0000", "HU", ["phone_pattern"], id="repeated-zero"),
        pytest.param("9876543210", "", ["phone_pattern"], id="descending-no-country"),
        pytest.param("+36 1 486 3920", "HU", ["phone_not_mobile"], id="landline"),
        pytest.param("+36 80 473 912", "HU", ["phone_service"], id="toll-free"),
        pytest.param("+36 90 473 912", "HU", ["phone_service"], id="premium-rate"),
        pytest.param("+49 1520 3947561", "HU", ["phone_foreign"], id="german-mobile"),
        pytest.param("٠٠٩٧١ ٥٠ ٣٨٤ ٢٩١٧", "US", ["phone_foreign"], id="emirati-arabic-digits"),
    ],
)
def test_phone_signals(phone: str, country: str, expected: list[str]) -> None:
    assert codes(contact(phone=phone, country=country, postcode="")) == expected


def test_an_invalid_phone_names_the_number_and_the_country() -> None:
    assert ghost_signals(contact(phone="06 30 12")) == [
        GhostSignal(
            code="phone_invalid",
            field="phone",
            weight=0.6,
            reason="Phone '06 30 12' is not a valid number for HU",
        )
    ]


@pytest.mark.parametrize(
    ("phone", "reason"),
    [
        pytest.param("+44 7700 900461", "Phone '+44 7700 900461' is not a valid number for GB",
                     id="own-country"),
        pytest.param("+800 12", "Phone '+800 12' is not a valid number for any country",
                     id="international-range"),
    ],
)  # fmt: skip
def test_an_invalid_foreign_phone_names_its_own_country(phone: str, reason: str) -> None:
    [signal] = ghost_signals(contact(phone=phone))
    assert signal.reason == reason


def test_an_international_freephone_is_a_service_from_no_country() -> None:
    reasons = [signal.reason for signal in ghost_signals(contact(phone="+800 4839 2715"))]
    assert reasons == [
        "Phone '+800 4839 2715' is a toll-free number",
        "Phone '+800 4839 2715' is from an international range; the order ships to HU",
    ]


# E-mail ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "email",
    [
        "anna.kovacs@gmail.com", "kovacs.anna78@freemail.hu", "ak1990@citromail.hu",
        "akovacs@t-online.hu", "a.kovacs@gmail.com", "anna.kovacs+shop@gmail.com",
        "info@kovacsanna.hu", "mail@kovacsanna.hu", "anna@ymail.com", "anna@mail.com",
        "anna@email.cz", "anna@yahoo.de", "anna@hotmail.fr", "anna@hotmail.co.uk",
        "36301234567@gmail.com", "kata.kovacs@gmail.com", "contest2024@gmail.com",
        "Anna.Kovacs@GMAIL.COM", "",
    ],
)  # fmt: skip
def test_real_mailboxes_are_fine(email: str) -> None:
    assert codes(contact(email=email)) == []


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        pytest.param("noemail", ["email_malformed"], id="no-at"),
        pytest.param("x@x", ["email_malformed"], id="no-dot"),
        pytest.param("test@test", ["email_malformed"], id="test-at-test"),
        pytest.param("anna..kovacs@gmail.com", ["email_malformed"], id="two-dots"),
        pytest.param("anna@", ["email_malformed"], id="no-domain"),
        pytest.param("q7h2k9x@mailinator.com", ["email_disposable"], id="mailinator"),
        pytest.param("anna.kovacs@yopmail.com", ["email_disposable"], id="yopmail"),
        pytest.param("anna@box.mailinator.com", ["email_disposable"], id="subdomain"),
        pytest.param("test@test.com", ["email_test"], id="test-test"),
        pytest.param("asdf@gmail.com", ["email_test"], id="asdf"),
        pytest.param("aaa@gmail.com", ["email_test"], id="aaa"),
        pytest.param("noemail@gmail.com", ["email_test"], id="noemail"),
        pytest.param("no-reply@gmail.com", ["email_test"], id="no-reply"),
        pytest.param("fake@gmail.com", ["email_test"], id="fake"),
        pytest.param("xxx@gmail.com", ["email_test"], id="xxx"),
        pytest.param("test123@gmail.com", ["email_test"], id="test-digits"),
        pytest.param("a@gmail.com", ["email_test"], id="one-letter"),
        pytest.param("123@gmail.com", ["email_test"], id="sequential-digits"),
        pytest.param("anna.kovacs@example.com", ["email_test"], id="example-com"),
        pytest.param("anna.kovacs@test.co.uk", ["email_test"], id="test-co-uk"),
        pytest.param("anna.kovacs@asdf.hu", ["email_test"], id="asdf-domain"),
        pytest.param("anna.kovacs@gmial.com", ["email_domain_typo"], id="gmial"),
        pytest.param("anna.kovacs@gmail.con", ["email_domain_typo"], id="dot-con"),
        pytest.param("anna.kovacs@hotmial.com", ["email_domain_typo"], id="hotmial"),
        pytest.param("peter.nagy@gmail.com", ["email_other_name"], id="other-name"),
    ],
)
def test_email_signals(email: str, expected: list[str]) -> None:
    assert codes(contact(email=email)) == expected


def test_a_malformed_email_says_why() -> None:
    [signal] = ghost_signals(contact(email="x@x"))
    assert signal.reason.startswith("E-mail 'x@x' is malformed: The part after the @-sign")


@pytest.mark.parametrize(
    ("name", "email"),
    [
        pytest.param("Kovács Anna", "kovacs.anna78@gmail.com", id="digits"),
        pytest.param("Kovács Anna", "ak1990@gmail.com", id="initials-year"),
        pytest.param("Kovács Anna", "info@gmail.com", id="info"),
        pytest.param("Kovács Anna", "akovacs@gmail.com", id="initial-surname"),
        pytest.param("Kovács Anna", "anna.nagy@gmail.com", id="shares-given-name"),
        pytest.param("Kovács Katalin", "kata.kovacs@gmail.com", id="shortened"),
        pytest.param("Mohammed Ali", "mohamed.aly@gmail.com", id="spelt-otherwise"),
        pytest.param("Hanan Mansour", "hananman.sour@gmail.com", id="gmail-dots"),
        pytest.param("Kovács Anna", "ko.vacsanna@gmail.com", id="gmail-dots-inside-a-name"),
        pytest.param("M. Dupont", "marcel.dupont@orange.fr", id="initial"),
        pytest.param("Kovács Anna", "sunny.star@gmail.com", id="not-name-words"),
        pytest.param("שני דהן", "peter.nagy@gmail.com", id="hebrew-not-compared"),
        pytest.param("محمد علي", "peter.nagy@gmail.com", id="arabic-not-compared"),
        pytest.param("李伟", "wei.li@gmail.com", id="han"),
        pytest.param("Пётр Иванов", "petr.ivanov@mail.ru", id="cyrillic"),
        pytest.param("Nguyễn Văn An", "nguyen.van.an@gmail.com", id="vietnamese"),
    ],
)
def test_a_mailbox_of_the_same_person_or_no_name_is_not_another_person(
    name: str, email: str
) -> None:
    assert "email_other_name" not in codes(contact(name=name, email=email))


@pytest.mark.parametrize(
    ("name", "email"),
    [
        pytest.param("Kovács Anna", "peter.nagy@gmail.com", id="hungarian"),
        pytest.param("John Smith", "maria.garcia@gmail.com", id="english-spanish"),
        pytest.param("Jana Nováková", "tomas_dvorak@seznam.cz", id="czech-underscore"),
    ],
)
def test_a_mailbox_with_another_full_name_is_a_weak_signal(name: str, email: str) -> None:
    [signal] = ghost_signals(contact(name=name, email=email))
    assert (signal.code, signal.weight) == ("email_other_name", 0.15)
    assert signal.reason == f"E-mail '{email}' is another person's name than '{name}'"


# Name -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("", "name_missing", id="missing"),
        pytest.param("test test", "name_test", id="test-test"),
        pytest.param("Teszt Elek", "name_test", id="hungarian-teszt"),
        pytest.param("Prueba Cliente", "name_test", id="spanish"),
        pytest.param("Max Mustermann", "name_test", id="german-placeholder"),
        pytest.param("no name", "name_test", id="no-name"),
        pytest.param("asdf", "name_test", id="asdf"),
        pytest.param("qwerty", "name_test", id="qwerty"),
        pytest.param("Qwertz Hans", "name_test", id="qwertz"),
        pytest.param("azerty azerty", "name_test", id="azerty"),
        pytest.param("aaa bbb", "name_test", id="aaa"),
        pytest.param("xxx", "name_test", id="xxx"),
        pytest.param("abc abc", "name_test", id="abc"),
        pytest.param("טסט טסט", "name_test", id="hebrew-test"),
        pytest.param("تجربة", "name_test", id="arabic-test"),
        pytest.param("测试", "name_test", id="chinese-test"),
        pytest.param("asdfgh jkl", "name_mash", id="keyboard-row"),
        pytest.param("Anna Sdfghj", "name_mash", id="home-row"),
        pytest.param("Yxcvb Anna", "name_mash", id="german-bottom-row"),
        pytest.param("Wxcvbn Anna", "name_mash", id="french-bottom-row"),
        pytest.param("Hjkl Anna", "name_mash", id="hjkl"),
        pytest.param("Aaaaa Bela", "name_mash", id="repeated-letter"),
        pytest.param("Annna Kiss", "name_mash", id="three-letters"),
        pytest.param("jkjk jkjk", "name_mash", id="repeated-piece"),
        pytest.param("sdfsdf", "name_mash", id="repeated-keys"),
        pytest.param("Xbcvt Anna", "name_mash", id="no-vowels"),
        pytest.param("אאאא בבבב", "name_mash", id="hebrew-repeated"),
        pytest.param("ههههه", "name_mash", id="arabic-repeated"),
        pytest.param("a", "name_initials", id="one-letter"),
        pytest.param("A. B.", "name_initials", id="initials"),
        pytest.param("123", "name_no_letters", id="digits-only"),
        pytest.param(".", "name_no_letters", id="dot"),
        pytest.param("Anna2 Kovacs", "name_digits", id="digit-in-name"),
        pytest.param("Anna www.kovacs.hu", "name_contact", id="web-address"),
        pytest.param("Anna http://x.hu", "name_contact", id="url"),
        pytest.param("anna@gmail.com", "name_contact", id="email"),
        pytest.param("Anna 06301234567", "name_contact", id="phone"),
        pytest.param("Kovacsanna", "name_single_token", id="one-word"),
    ],
)
def test_name_signals(name: str, expected: str) -> None:
    assert codes(contact(name=name, email="")) == [expected]


def test_a_name_signal_names_the_word() -> None:
    [signal] = ghost_signals(contact(name="Anna Sdfghj", email=""))
    assert signal.reason == "Name 'Anna Sdfghj' contains the keyboard run 'sdfg'"


@pytest.mark.parametrize(
    "word", ["asdf", "qwerty", "qwertz", "azerty", "yxcv", "wxcv", "qsdf", "hjkl", "lkjh",
             "zxcvbn", "qwer", "xasdfx"],
)  # fmt: skip
def test_keyboard_runs_on_three_layouts(word: str) -> None:
    assert keyboard_run(word)


@pytest.mark.parametrize(
    "word", ["doherty", "hertz", "reza", "azer", "trewin", "werther", "wertz", "ewert",
             "flaherty", "liberty", "artyukh", "lazerson", "asd", "anna", "uwe"],
)  # fmt: skip
def test_names_with_a_few_keys_in_a_row_are_not_keyboard_runs(word: str) -> None:
    assert keyboard_run(word) == ""


# Address --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "country", "expected"),
    [
        pytest.param("", "HU", ["address_missing"], id="missing"),
        pytest.param("asdf 1", "HU", ["address_test"], id="asdf"),
        pytest.param("test street 1", "HU", ["address_test"], id="test-street"),
        pytest.param("Teszt utca 5", "HU", ["address_test"], id="teszt"),
        pytest.param("no address", "GB", ["address_test"], id="no-address"),
        pytest.param("Adresse 1", "DE", ["address_test"], id="field-label"),
        pytest.param("aaaa 12", "HU", ["address_mash"], id="aaaa"),
        pytest.param("Sdfghj utca 5", "HU", ["address_mash"], id="keyboard"),
        pytest.param("Hauptstraße", "DE", ["address_no_number"], id="de-no-number"),
        pytest.param("Herzl Street", "IL", ["address_no_number"], id="il-no-number"),
        pytest.param("Main Street", "US", ["address_no_number"], id="us-no-number"),
        pytest.param("a 1", "HU", ["address_short"], id="one-letter"),
        pytest.param("12", "HU", ["address_short"], id="digits-only"),
        pytest.param(".", "AE", ["address_short"], id="dot-ae"),
        pytest.param("Budapest", "AE", ["address_copied"], id="the-city"),
        pytest.param("Kovacs, Anna", "AE", ["address_copied"], id="the-name"),
    ],
)
def test_address_signals(address: str, country: str, expected: list[str]) -> None:
    data = contact(address=address, country=country, postcode="", phone="")
    assert codes(data)[1:] == expected  # after phone_missing


def test_the_city_again_is_copied_whatever_the_case() -> None:
    assert "address_copied" in codes(contact(address="BUDAPEST", city="Budapest"))


def test_a_village_without_streets_is_its_name_and_a_number() -> None:
    lhota = contact(address="Lhota 123", city="Lhota", postcode="394 51", country="CZ",
                    phone="+420 603 482 917")  # fmt: skip
    assert codes(lhota) == []


@pytest.mark.parametrize(
    ("address", "country"),
    [
        pytest.param("Fő u. 1", "HU", id="three-letters"),
        pytest.param("Brennnesselweg 7", "DE", id="triple-letter-compound"),
        pytest.param("Schifffahrtsweg 4", "DE", id="triple-f"),
        pytest.param("Rose Cottage, Church Lane", "GB", id="house-name"),
        pytest.param("Near Mall of the Emirates, Al Barsha", "AE", id="descriptive-ae"),
        pytest.param("حي النخيل، بجوار مسجد الراجحي", "SA", id="descriptive-sa"),
        pytest.param("شارع الهرم، بجوار المترو", "EG", id="descriptive-eg"),
        pytest.param("רח 14 3", "IL", id="numbered-street-he"),
        pytest.param("Kotikatu 5 A 3", "FI", id="finnish-flat"),
        pytest.param("Blvd Haussmann 40", "FR", id="vowel-less-abbreviation"),
        pytest.param("Doherty Road 4", "GB", id="keyboardish-name"),
        pytest.param("中山路5号", "CN", id="han"),
        pytest.param("Calle Real s/n", "ES", id="sin-numero"),
        pytest.param("Alameda Maria José Moura, S/N", "PT", id="sem-numero"),
        pytest.param("Località Poggio snc", "IT", id="senza-numero-civico"),
        pytest.param("Lieu-dit Les Granges", "FR", id="lieu-dit"),
    ],
)
def test_real_addresses_are_fine(address: str, country: str) -> None:
    assert codes(contact(address=address, country=country, postcode="", phone="")) == [
        "phone_missing"
    ]


# Postcode -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "postcode"),
    [
        ("HU", "1052"), ("CZ", "120 00"), ("CZ", "12000"), ("SK", "811 01"), ("DE", "10115"),
        ("DE", "D-10115"), ("HU", "H-1052"), ("GR", "ΤΚ 104 31"), ("CZ", "CZ 120 00"),
        ("FR", "75002"), ("ES", "28013"), ("IT", "00184"), ("FI", "00100"),
        ("PL", "00-950"), ("NL", "1015 CJ"), ("NL", "1015cj"), ("PT", "1100-048"),
        ("GB", "SW1A 1AA"), ("GB", "M1 1AE"), ("GB", "ec1a1bb"), ("US", "10118"),
        ("US", "10118-0110"), ("IL", "6100000"), ("RO", "030031"), ("TR", "34000"),
        ("SA", "12382"), ("SA", "١٢٣٨٢"), ("CA", "K1M 1M4"), ("CA", "k1m1m4"),
        ("AE", "00000"), ("AE", "anything"), ("VN", "700000"), ("", "1234"), ("HU", ""),
    ],
    ids=lambda value: value or "empty",
)  # fmt: skip
def test_postcodes_in_the_country_form_are_fine(country: str, postcode: str) -> None:
    assert "postcode_malformed" not in codes(contact(country=country, postcode=postcode))


@pytest.mark.parametrize(
    ("country", "postcode"),
    [
        ("HU", "105"), ("HU", "10520"), ("CZ", "1200"), ("DE", "1011"), ("FR", "7500"),
        ("PL", "0-950"), ("NL", "1015"), ("PT", "1100"), ("GB", "12345"), ("US", "1011"),
        ("IL", "61000"), ("RO", "03003"), ("TR", "3400"), ("SA", "1238"), ("CA", "12345"),
        ("HU", "abcd"),
    ],
    ids=lambda value: value,
)  # fmt: skip
def test_postcodes_out_of_the_country_form_are_malformed(country: str, postcode: str) -> None:
    signals = [s for s in ghost_signals(contact(country=country, postcode=postcode))
               if s.field == "postcode"]  # fmt: skip
    assert [s.code for s in signals] == ["postcode_malformed"]
    assert signals[0].reason.startswith(
        f"Postcode '{postcode}' is not in the form used in {country} ("
    )


# Score and contract ---------------------------------------------------------------

GHOSTS = {
    "seed-004": ContactData("test test", "0000000", "test@test.com", "asdf", "asdf", "", "HU"),
    "throwaway": ContactData("Anna Kovács", "06 30 12", "q7h2k9x@mailinator.com", "",
                             "Budapest", "1052", "HU"),
    "mash": ContactData("sdfsdf", "123", "x@x", "aaaa", "aaaa", "1", "DE"),
}  # fmt: skip


@pytest.mark.parametrize("data", GHOSTS.values(), ids=GHOSTS.keys())
def test_an_obvious_ghost_scores_high(data: ContactData) -> None:
    assert ghost_score(ghost_signals(data)) >= 0.85


def test_the_score_combines_weights_as_independent_evidence() -> None:
    half = GhostSignal("phone_pattern", "phone", 0.5, "")
    fifth = GhostSignal("name_test", "name", 0.2, "")
    assert ghost_score([]) == 0.0
    assert ghost_score([half]) == 0.5
    assert ghost_score([half, half]) == pytest.approx(0.75)
    assert ghost_score([half, fifth]) == pytest.approx(0.6)


def test_every_weight_is_between_zero_and_one() -> None:
    assert all(0.0 < weight <= 1.0 for weight in WEIGHTS.values())


def test_each_signal_carries_its_codes_weight_and_names_the_value() -> None:
    for data in GHOSTS.values():
        for signal in ghost_signals(data):
            assert signal.weight == WEIGHTS[signal.code]
            value = getattr(data, signal.field)
            assert f"'{value}'" in signal.reason or not value


ONE_OF_EACH = {
    "phone_missing": {"phone": ""},
    "phone_unparseable": {"phone": "asdf"},
    "phone_invalid": {"phone": "06 30 12"},
    "phone_pattern": {"phone": "+36 30 123 4567"},
    "phone_service": {"phone": "+36 80 473 912"},
    "phone_not_mobile": {"phone": "+36 1 486 3920"},
    "phone_foreign": {"phone": "+49 1520 3947561"},
    "email_malformed": {"email": "x@x"},
    "email_disposable": {"email": "anna@yopmail.com"},
    "email_test": {"email": "test@test.com"},
    "email_domain_typo": {"email": "anna.kovacs@gmial.com"},
    "email_other_name": {"email": "peter.nagy@gmail.com"},
    "name_missing": {"name": ""},
    "name_no_letters": {"name": "123"},
    "name_contact": {"name": "anna@gmail.com"},
    "name_test": {"name": "test test"},
    "name_mash": {"name": "jkjk"},
    "name_digits": {"name": "Anna2 Kovacs"},
    "name_initials": {"name": "A. K."},
    "name_single_token": {"name": "Kovacsanna"},
    "address_missing": {"address": ""},
    "address_test": {"address": "test street 1"},
    "address_mash": {"address": "aaaa 1"},
    "address_no_number": {"address": "Petőfi Sándor utca"},
    "address_short": {"address": "a 1"},
    "address_copied": {"city": "Petőfi Sándor utca 12."},
    "postcode_malformed": {"postcode": "105"},
}


@pytest.mark.parametrize(("code", "changes"), ONE_OF_EACH.items(), ids=ONE_OF_EACH.keys())
def test_every_code_has_an_example(code: str, changes: dict[str, str]) -> None:
    [signal] = ghost_signals(contact(**changes))
    assert (signal.code, signal.weight) == (code, WEIGHTS[code])


def test_the_examples_cover_every_code() -> None:
    assert ONE_OF_EACH.keys() == WEIGHTS.keys()
