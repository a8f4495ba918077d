"""Hand-written tables of names, streets, towns and phone ranges: central and northern Europe."""

from __future__ import annotations

from identity_model import City, Country, Pickup, Street, StreetType, names, surnames

HU = Country(
    code="HU",
    script="latin",
    male=names("Péter László István József János Zoltán Gábor Attila Tamás Balázs Ferenc Gergő"),
    female=names(
        "Katalin Erzsébet Éva Anna Zsófia Ildikó Krisztina Andrea Judit Eszter Réka Ágnes"
    ),
    surnames=surnames(
        "Kovács Nagy Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács "
        "Juhász Lakatos Mészáros Oláh Rácz Fekete Szűcs Bíró Lukács Gulyás Vörös"
    ),
    cities=(
        City("Budapest", "Budapest", ("1052", "1061", "1075", "1117", "1136", "1146", "1024")),
        City("Debrecen", "Debrecen", ("4024", "4025", "4032")),
        City("Szeged", "Szeged", ("6720", "6722", "6723")),
        City("Pécs", "Pécs", ("7621", "7624")),
        City("Győr", "Győr", ("9021", "9022", "9024")),
        City("Miskolc", "Miskolc", ("3525", "3530")),
        City("Kecskemét", "Kecskemét", ("6000",)),
        City("Székesfehérvár", "Székesfehérvár", ("8000",)),
    ),
    streets=(
        Street("Petőfi Sándor", "utca", alts=("Petőfi S.", "Petőfi")),
        Street("Kossuth Lajos", "utca", alts=("Kossuth L.", "Kossuth")),
        Street("Rákóczi", "út"),
        Street("Bartók Béla", "út", alts=("Bartók B.",)),
        Street("Dózsa György", "út", alts=("Dózsa Gy.",)),
        Street("Jókai Mór", "utca", alts=("Jókai",)),
        Street("Arany János", "utca", alts=("Arany J.",)),
        Street("Ady Endre", "utca"),
        Street("Bem József", "utca"),
        Street("Szent István", "körút"),
        Street("Baross", "utca"),
        Street("Széchenyi", "tér"),
        Street("Hunyadi János", "utca", alts=("Hunyadi J.",)),
        Street("Vörösmarty", "utca"),
    ),
    types={
        "utca": StreetType(("utca", "u.", "u"), before=False),
        "út": StreetType(("út",), before=False),
        "körút": StreetType(("körút", "krt."), before=False),
        "tér": StreetType(("tér",), before=False),
    },
    lines=("{street} {house}.{unit}", "{street} {house}{unit}", "{street} {house}. sz.{unit}"),
    units=(
        " {floor}. em. {door}.",
        " {roman}/{door}",
        " {floor}/{door}",
        " {roman}. emelet {door}. ajtó",
        " {floor}. emelet {door}. ajtó",
        " {floor}.em. {door}",
    ),
    unit_share=0.5,
    mobile=("20", "30", "31", "50", "70"),
    nsn_len=(9,),
    domains=("gmail.com",) * 5 + ("freemail.hu", "freemail.hu", "citromail.hu", "t-online.hu"),
    pickups=(
        Pickup(
            "Foxpost automata – Spar, Petőfi Sándor utca 45.", "Szeged", "6722", "parcel locker"
        ),
        Pickup("MPL csomagautomata, Bartók Béla út 105.", "Budapest", "1117", "parcel locker"),
        Pickup(
            "GLS csomagpont – Trafik, Kossuth Lajos utca 12.", "Debrecen", "4024", "pickup point"
        ),
        Pickup("Halász és Fia Kft., Váci út 76. 4. em.", "Budapest", "1136", "office"),
    ),
    family_word="csalad",
    family_first=0.75,
    nicknames={
        "Katalin": ("Kati", "Kata"),
        "Erzsébet": ("Erzsi", "Böbe"),
        "László": ("Laci",),
        "Ferenc": ("Feri",),
        "József": ("Józsi",),
        "István": ("Pisti", "Pista"),
        "Zsófia": ("Zsófi",),
        "Gábor": ("Gabi",),
        "Krisztina": ("Kriszti",),
    },
    landline={
        "Budapest": "1",
        "Debrecen": "52",
        "Szeged": "62",
        "Pécs": "72",
        "Győr": "96",
        "Miskolc": "46",
    },
)

CZ = Country(
    code="CZ",
    script="latin",
    male=names(
        "Jiří Jan Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Lukáš Ondřej Jakub"
    ),
    female=names("Jana Marie Eva Hana Anna Lenka Kateřina Lucie Věra Alena Petra Tereza Markéta"),
    surnames=surnames(
        "Novák/Nováková Svoboda/Svobodová Novotný/Novotná Dvořák/Dvořáková Černý/Černá "
        "Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková Němec/Němcová "
        "Pokorný/Pokorná Marek/Marková Růžička/Růžičková Beneš/Benešová Fiala/Fialová"
    ),
    cities=(
        City("Praha", "Praha", ("110 00", "120 00", "130 00", "140 00", "160 00"), ("Prague",)),
        City("Brno", "Brno", ("602 00", "612 00", "615 00")),
        City("Ostrava", "Ostrava", ("702 00", "709 00")),
        City("Plzeň", "Plzeň", ("301 00", "326 00")),
        City("Olomouc", "Olomouc", ("779 00",)),
        City("Liberec", "Liberec", ("460 01",)),
        City("České Budějovice", "České Budějovice", ("370 01",), ("Budějovice",)),
        City("Hradec Králové", "Hradec Králové", ("500 02",)),
    ),
    streets=(
        Street("Husova", "ulice"),
        Street("Palackého", "ulice"),
        Street("Masarykova", "ulice"),
        Street("Komenského", "ulice"),
        Street("Jiráskova", "ulice"),
        Street("Nádražní", "ulice"),
        Street("Smetanova", "ulice"),
        Street("Havlíčkova", "ulice"),
        Street("Žižkova", "ulice"),
        Street("Míru", "náměstí"),
        Street("Svobody", "náměstí"),
        Street("Tomáše Bati", "třída", alts=("T. Bati",)),
        Street("Karla IV.", "třída"),
    ),
    types={
        "ulice": StreetType(("", "ul.", "ulice")),
        "náměstí": StreetType(("náměstí", "nám.")),
        "třída": StreetType(("třída", "tř.")),
    },
    lines=("{street} {house}{unit}", "{street} č. {house}{unit}"),
    units=(", byt {door}", ", byt č. {door}", " / byt {door}"),
    unit_share=0.1,
    mobile=(
        *("603", "604", "605", "606", "607", "608", "720", "721", "724", "728", "731", "732"),
        *("736", "737", "739", "774", "775", "776", "777"),
    ),
    nsn_len=(9,),
    domains=("seznam.cz",) * 4 + ("gmail.com",) * 3 + ("email.cz", "centrum.cz", "post.cz"),
    pickups=(
        Pickup("Z-BOX Zásilkovna, Vinohradská 150", "Praha", "130 00", "parcel locker"),
        Pickup("AlzaBox – Albert, Masarykova 31", "Brno", "602 00", "parcel locker"),
        Pickup("Výdejní místo PPL – Trafika, Nádražní 12", "Ostrava", "702 00", "pickup point"),
        Pickup("Dvořák & Partneři s.r.o., Palackého 740/1", "Praha", "110 00", "office"),
    ),
    family_word="rodina",
    family_first=0.1,
    nicknames={
        "Jan": ("Honza",),
        "Kateřina": ("Katka", "Káťa"),
        "Jiří": ("Jirka",),
        "Josef": ("Pepa",),
        "Lucie": ("Lucka",),
        "Tereza": ("Terka",),
        "Tomáš": ("Tom",),
    },
    house="cz",
    landline={"Praha": "2"},
)

FI = Country(
    code="FI",
    script="latin",
    male=names("Mikko Juha Matti Timo Jari Antti Janne Pekka Ville Sami Jussi Heikki Eero Olli"),
    female=names(
        "Anna Maria Tiina Sari Päivi Johanna Laura Minna Hanna Satu Katja Riikka Aino Emmi"
    ),
    surnames=surnames(
        "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen "
        "Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Kinnunen Salonen"
    ),
    cities=(
        City(
            "Helsinki", "Helsinki", ("00100", "00120", "00180", "00530", "00550"), ("Helsingfors",)
        ),
        City("Espoo", "Espoo", ("02100", "02230"), ("Esbo",)),
        City("Tampere", "Tampere", ("33100", "33200", "33500"), ("Tammerfors",)),
        City("Turku", "Turku", ("20100", "20500"), ("Åbo",)),
        City("Oulu", "Oulu", ("90100", "90130")),
        City("Jyväskylä", "Jyväskylä", ("40100",)),
        City("Lahti", "Lahti", ("15100",)),
        City("Kuopio", "Kuopio", ("70100",)),
    ),
    streets=(
        Street("Hämeen", "katu"),
        Street("Aleksanterin", "katu"),
        Street("Mannerheimin", "tie"),
        Street("Kauppa", "katu"),
        Street("Rauhan", "katu"),
        Street("Koulu", "katu"),
        Street("Puisto", "katu"),
        Street("Kirkko", "katu"),
        Street("Linnan", "katu"),
        Street("Satama", "tie"),
        Street("Koivu", "kuja"),
        Street("Rinne", "tie"),
        Street("Kalevan", "katu"),
        Street("Itäinen Pitkä", "katu"),
    ),
    types={
        "katu": StreetType(("katu", "k."), joined=True),
        "tie": StreetType(("tie", "t."), joined=True),
        "kuja": StreetType(("kuja", "kj."), joined=True),
    },
    lines=("{street} {house}{unit}",),
    units=(" {stair} {door}", " {stair}{door}", " {stair} as. {door}", " {stair_l} {door}"),
    unit_share=0.6,
    mobile=("40", "41", "44", "45", "46", "50"),
    nsn_len=(9,),
    domains=("gmail.com",) * 4
    + ("hotmail.com", "outlook.com", "luukku.com", "kolumbus.fi", "elisanet.fi"),
    pickups=(
        Pickup(
            "Posti pakettiautomaatti, K-Market Hämeenkatu 15", "Tampere", "33100", "parcel locker"
        ),
        Pickup(
            "Matkahuolto Lähellä-piste, R-kioski Kauppakatu 4", "Kuopio", "70100", "pickup point"
        ),
        Pickup("Posti Pakettipiste, Aleksanterinkatu 21", "Helsinki", "00100", "pickup point"),
        Pickup("Korhonen & Laine Oy, Satamatie 3 B", "Oulu", "90100", "office"),
    ),
    family_word="perhe",
    landline={"Helsinki": "9", "Espoo": "9", "Tampere": "3", "Turku": "2"},
    nicknames={"Johanna": ("Jonna",)},
)

DE = Country(
    code="DE",
    script="latin",
    male=names(
        "Thomas Michael Andreas Stefan Christian Markus Jan Lukas Tobias Florian Alexander Jürgen"
    ),
    female=names(
        "Sabine Julia Anna Katharina Laura Lena Sandra Stefanie Claudia Nicole Jana Sophie"
    ),
    surnames=surnames(
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
        "Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
        "Hartmann Lange Köhler Weiß"
    ),
    cities=(
        City("Berlin", "Berlin", ("10115", "10245", "10437", "10827", "12043", "13353")),
        City("München", "München", ("80331", "80469", "80802", "81369"), ("Munich",)),
        City("Hamburg", "Hamburg", ("20095", "20357", "22765")),
        City("Köln", "Köln", ("50667", "50733", "50937"), ("Koeln", "Cologne")),
        City(
            "Frankfurt am Main",
            "Frankfurt am Main",
            ("60311", "60316", "60594"),
            ("Frankfurt a. M.", "Frankfurt/Main", "Frankfurt"),
        ),
        City("Leipzig", "Leipzig", ("04109", "04275")),
        City("Stuttgart", "Stuttgart", ("70173", "70199")),
        City("Dresden", "Dresden", ("01067", "01099")),
        City("Nürnberg", "Nürnberg", ("90402", "90429"), ("Nuernberg",)),
    ),
    streets=(
        Street("Haupt", "strj"),
        Street("Bahnhof", "strj"),
        Street("Goethe", "strj"),
        Street("Schiller", "strj"),
        Street("Garten", "strj"),
        Street("Linden", "strj"),
        Street("Mozart", "strj"),
        Street("Friedrich", "strj"),
        Street("Berliner", "strs"),
        Street("Leipziger", "strs"),
        Street("Kirch", "weg"),
        Street("Wald", "weg"),
        Street("Markt", "platz"),
        Street("Kastanien", "allee"),
        Street("Am Sonnenhang", "none"),
    ),
    types={
        "strj": StreetType(("straße", "str.", "strasse"), joined=True),
        "strs": StreetType(("Straße", "Str.", "Strasse", "str."), before=False),
        "weg": StreetType(("weg",), joined=True),
        "platz": StreetType(("platz", "pl."), joined=True),
        "allee": StreetType(("allee",), joined=True),
        "none": StreetType(("",)),
    },
    lines=("{street} {house}{unit}",),
    units=(", {floor}. OG", ", {floor}. Stock", " ({floor}. OG)"),
    unit_share=0.12,
    mobile=(
        *("151", "152", "157", "160", "162", "163", "170", "171", "172", "173", "174", "175"),
        *("176", "177", "178", "179"),
    ),
    nsn_len=(10, 11),
    domains=("gmx.de",) * 3 + ("web.de",) * 3 + ("gmail.com",) * 3 + ("t-online.de", "posteo.de"),
    pickups=(
        Pickup("Packstation 165", "Berlin", "10437", "DHL Packstation"),
        Pickup("Packstation 112", "München", "80469", "DHL Packstation"),
        Pickup(
            "Hermes PaketShop – Kiosk Sommer, Leipziger Straße 40",
            "Leipzig",
            "04109",
            "pickup point",
        ),
        Pickup("c/o Becker & Lange Steuerberatung, Schillerstraße 12", "Köln", "50667", "office"),
    ),
    family_word="familie",
    nicknames={
        "Alexander": ("Alex",),
        "Katharina": ("Kathi", "Katja"),
        "Stefanie": ("Steffi",),
        "Michael": ("Micha",),
        "Christian": ("Chris",),
        "Tobias": ("Tobi",),
        "Sabine": ("Bine",),
    },
    house="letter",
    landline={
        "Berlin": "30",
        "München": "89",
        "Hamburg": "40",
        "Köln": "221",
        "Frankfurt am Main": "69",
        "Leipzig": "341",
        "Stuttgart": "711",
        "Dresden": "351",
        "Nürnberg": "911",
    },
)

PL = Country(
    code="PL",
    script="latin",
    male=names(
        "Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Kamil Łukasz Mateusz Wojciech"
    ),
    female=names(
        "Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Aleksandra "
        "Monika Zofia"
    ),
    surnames=surnames(
        "Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk Kamiński/Kamińska "
        "Lewandowski/Lewandowska Zieliński/Zielińska Szymański/Szymańska Woźniak "
        "Dąbrowski/Dąbrowska Kozłowski/Kozłowska Jankowski/Jankowska Mazur Krawczyk"
    ),
    cities=(
        City("Warszawa", "Warszawa", ("00-697", "02-516", "01-864", "03-901"), ("Warsaw",)),
        City("Kraków", "Kraków", ("31-042", "30-552", "31-564"), ("Krakow", "Cracow")),
        City("Wrocław", "Wrocław", ("50-079", "53-332", "51-162")),
        City("Gdańsk", "Gdańsk", ("80-831", "80-309")),
        City("Poznań", "Poznań", ("61-772", "60-681")),
        City("Łódź", "Łódź", ("90-136", "93-008")),
        City("Katowice", "Katowice", ("40-093",)),
        City("Lublin", "Lublin", ("20-076",)),
    ),
    streets=(
        Street("Marszałkowska", "ulica"),
        Street("Mickiewicza", "ulica"),
        Street("Słowackiego", "ulica"),
        Street("Kościuszki", "ulica"),
        Street("Piłsudskiego", "ulica"),
        Street("Długa", "ulica"),
        Street("Polna", "ulica"),
        Street("Ogrodowa", "ulica"),
        Street("Sienkiewicza", "ulica"),
        Street("Lipowa", "ulica"),
        Street("Kwiatowa", "ulica"),
        Street("Jana Pawła II", "aleja"),
        Street("Grunwaldzki", "plac"),
        Street("Tysiąclecia", "osiedle"),
    ),
    types={
        "ulica": StreetType(("ul.", "", "ulica", "ul")),
        "aleja": StreetType(("al.", "Al.", "aleja", "Aleja")),
        "plac": StreetType(("pl.", "plac")),
        "osiedle": StreetType(("os.", "osiedle")),
    },
    lines=("{street} {house}{unit}",),
    units=("/{door}", " m. {door}", " lok. {door}", " m {door}", " / {door}"),
    unit_share=0.6,
    mobile=("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"),
    nsn_len=(9,),
    domains=("gmail.com",) * 3 + ("wp.pl",) * 2 + ("o2.pl", "onet.pl", "interia.pl", "op.pl"),
    pickups=(
        Pickup("Paczkomat WAW123M, ul. Puławska 12", "Warszawa", "02-516", "InPost parcel locker"),
        Pickup("Paczkomat KRA08N, ul. Długa 41", "Kraków", "31-042", "InPost parcel locker"),
        Pickup("Punkt Orlen Paczka – Żabka, ul. Polna 3", "Poznań", "60-681", "pickup point"),
        Pickup(
            "Biuro Rachunkowe Nowak Sp. z o.o., ul. Mickiewicza 8/2", "Gdańsk", "80-831", "office"
        ),
    ),
    family_word="rodzina",
    nicknames={
        "Katarzyna": ("Kasia",),
        "Małgorzata": ("Gosia", "Małgosia"),
        "Aleksandra": ("Ola",),
        "Magdalena": ("Magda",),
        "Joanna": ("Asia",),
        "Tomasz": ("Tomek",),
        "Krzysztof": ("Krzysiek",),
        "Wojciech": ("Wojtek",),
        "Jakub": ("Kuba",),
    },
)

NL = Country(
    code="NL",
    script="latin",
    male=names("Daan Sem Thomas Bram Lars Ruben Jeroen Martijn Sander Bas Kees Wouter Joost Niels"),
    female=names(
        "Anne Emma Sanne Lisa Femke Eva Fleur Iris Marloes Anouk Esther Ingrid Lotte Maaike"
    ),
    surnames=surnames(
        "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer "
        "Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra "
        "van_der_Meer"
    ),
    cities=(
        City("Amsterdam", "Amsterdam", ("1012 AB", "1053 KL", "1072 NX", "1092 AD")),
        City("Rotterdam", "Rotterdam", ("3011 GH", "3021 EB", "3072 AP")),
        City("Utrecht", "Utrecht", ("3511 KJ", "3572 CV")),
        City("Den Haag", "Den Haag", ("2511 BT", "2562 AL"), ("'s-Gravenhage", "The Hague")),
        City("Eindhoven", "Eindhoven", ("5611 EM", "5622 AB")),
        City("Groningen", "Groningen", ("9711 LM", "9717 GD")),
        City("Haarlem", "Haarlem", ("2011 KL",)),
        City("Nijmegen", "Nijmegen", ("6511 PA",)),
    ),
    streets=(
        Street("Kerk", "straat"),
        Street("Dorps", "straat"),
        Street("Hoofd", "straat"),
        Street("Molen", "weg"),
        Street("Stations", "weg"),
        Street("Juliana", "straat"),
        Street("Wilhelmina", "straat"),
        Street("Beatrix", "laan"),
        Street("Prinsen", "gracht"),
        Street("School", "straat"),
        Street("Eerste Jan Steen", "straat", alts=("1e Jan Steen",)),
        Street("Burgemeester de With", "straat", alts=("Burg. de With",)),
        Street("Sint Jans", "straat", alts=("St. Jans", "St.-Jans")),
        Street("Van Gogh", "straat", alts=("van Gogh",)),
    ),
    types={
        "straat": StreetType(("straat", "str."), joined=True),
        "weg": StreetType(("weg",), joined=True),
        "laan": StreetType(("laan",), joined=True),
        "gracht": StreetType(("gracht",), joined=True),
    },
    lines=("{street} {house}{unit}",),
    units=("-{roman}", " {floor} hoog", " {floor}hg", "-{floor}hg"),
    unit_share=0.25,
    mobile=("6",),
    nsn_len=(9,),
    domains=("gmail.com",) * 3
    + ("hotmail.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "outlook.com"),
    pickups=(
        Pickup("PostNL-punt Albert Heijn, Kerkstraat 10", "Haarlem", "2011 KL", "pickup point"),
        Pickup(
            "DHL ServicePoint – Primera, Hoofdstraat 55", "Eindhoven", "5611 EM", "pickup point"
        ),
        Pickup("Pakketautomaat Amazon Hub, Stationsweg 2", "Utrecht", "3511 KJ", "parcel locker"),
        Pickup("De Vries & Mulder B.V., Prinsengracht 400", "Amsterdam", "1012 AB", "office"),
    ),
    family_word="familie",
    house="letter",
)

CENTRAL = (HU, CZ, FI, DE, PL, NL)
