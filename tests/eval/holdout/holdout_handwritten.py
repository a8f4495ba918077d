"""Hand-written pairs: Cyrillic names of customers living in Poland and Germany.

Ukrainian and Russian-speaking customers of Polish and German shops type their name in
Cyrillic on one order and in a Latin spelling (English, Polish or German style) on
another, while the address stays in the local Latin form.
"""

from __future__ import annotations

Record = dict[str, str]


def R(name: str, phone: str, email: str, address: str, city: str, pc: str, cc: str) -> Record:
    return {
        "name": name,
        "phone": phone,
        "email": email,
        "address": address,
        "city": city,
        "postcode": pc,
        "country": cc,
    }


HANDWRITTEN: list[tuple[Record, Record, bool, str, str]] = [
    (
        R(
            "Олександр Коваленко",
            "+48 512 387 604",
            "o.kovalenko@gmail.com",
            "ul. Ogrodowa 14/7",
            "Warszawa",
            "00-896",
            "PL",
        ),
        R(
            "Oleksandr Kovalenko",
            "512387604",
            "o.kovalenko@gmail.com",
            "ul. Ogrodowa 14 m. 7",
            "Warszawa",
            "00-896",
            "PL",
        ),
        True,
        "transliteration",
        "Ukrainian name in Cyrillic and in Latin; same phone, mailbox and flat",
    ),
    (
        R(
            "Ірина Шевченко",
            "731 204 558",
            "iryna.shevchenko88@ukr.net",
            "ul. Kościuszki 3 m. 12",
            "Wrocław",
            "50-038",
            "PL",
        ),
        R(
            "Iryna Szewczenko",
            "+48 731 204 558",
            "iryna.shevchenko88@ukr.net",
            "Kościuszki 3/12",
            "Wroclaw",
            "50-038",
            "PL",
        ),
        True,
        "transliteration",
        "Cyrillic and Polish-style spelling (Sz-, -czenko); same phone, mailbox and flat",
    ),
    (
        R(
            "Олена Бондаренко",
            "695 118 273",
            "olena.bondarenko@gmail.com",
            "ul. Piotrkowska 201/4",
            "Łódź",
            "90-451",
            "PL",
        ),
        R(
            "Оксана Бондаренко",
            "784 562 019",
            "oksana.bond@ukr.net",
            "ul. Piotrkowska 201/4",
            "Łódź",
            "90-451",
            "PL",
        ),
        False,
        "sibling",
        "sisters Olena and Oksana in one flat; own phones and mailboxes",
    ),
    (
        R(
            "Дмитро Мельник",
            "+48 533 917 402",
            "dmytro.melnyk@ukr.net",
            "ul. Długa 5/2",
            "Gdańsk",
            "80-827",
            "PL",
        ),
        R("Dmytro Melnyk", "0048 533 917 402", "", "Długa 5 m. 2", "Gdansk", "80-827", "PL"),
        True,
        "transliteration",
        "Cyrillic and Latin; same phone (00 prefix), no e-mail on the second order",
    ),
    (
        R(
            "Андрій Ткаченко",
            "601 448 207",
            "andrii.tkachenko@gmail.com",
            "ul. Polna 22/9",
            "Kraków",
            "31-153",
            "PL",
        ),
        R(
            "Andrzej Tkaczenko",
            "889 203 641",
            "a.tkaczenko@wp.pl",
            "os. Tysiąclecia 41/56",
            "Kraków",
            "31-609",
            "PL",
        ),
        False,
        "lookalike",
        "Andrij and the Polish Andrzej Tkaczenko: similar names in one town, nothing else shared",
    ),
    (
        R(
            "Наталья Кузнецова",
            "0176 23984417",
            "natalja.kusnezowa@web.de",
            "Kantstraße 41",
            "Berlin",
            "10625",
            "DE",
        ),
        R(
            "Natalja Kusnezowa",
            "+49 176 23984417",
            "natalja.kusnezowa@web.de",
            "Kantstr. 41",
            "Berlin",
            "10625",
            "DE",
        ),
        True,
        "transliteration",
        "Russian name in Cyrillic and in German spelling (-sch-, -owa); same phone and mailbox",
    ),
    (
        R(
            "Юлия Шмидт",
            "01575 4412309",
            "julia.schmidt.ks@gmx.de",
            "Wilhelmshöher Allee 188",
            "Kassel",
            "34119",
            "DE",
        ),
        R(
            "Julia Schmidt",
            "015754412309",
            "julia.schmidt.ks@gmx.de",
            "Wilhelmshöher Allee 188",
            "Kassel",
            "34119",
            "DE",
        ),
        True,
        "transliteration",
        "German family name written in Cyrillic on one order; same phone, mailbox and address",
    ),
    (
        R(
            "Сергей Иванов",
            "0160 93317428",
            "s.iwanow@gmx.de",
            "Marzahner Promenade 12",
            "Berlin",
            "12679",
            "DE",
        ),
        R(
            "Sergej Iwanow",
            "0152 28841376",
            "sergej.iwanow77@web.de",
            "Lister Meile 30",
            "Hannover",
            "30161",
            "DE",
        ),
        False,
        "namesake",
        "a very common Russian name in two scripts and two cities; nothing else shared",
    ),
    (
        R(
            "Світлана Гнатюк",
            "507 226 183",
            "svitlana.hnatiuk@gmail.com",
            "ul. Marszałkowska 84/15",
            "Warszawa",
            "00-514",
            "PL",
        ),
        R(
            "Swietłana Hnatiuk",
            "+48507226183",
            "svitlana.hnatiuk+zakupy@gmail.com",
            "Marszałkowska 84 m. 15",
            "Warszawa",
            "00514",
            "PL",
        ),
        True,
        "transliteration",
        "Cyrillic and Polish spelling; same number, same gmail mailbox with a +tag, same flat",
    ),
]
