"""Country tables for the hold-out set: PL, SE, NO, DK, IS, GR."""

from __future__ import annotations

import random
from typing import Any

from holdout_model import C, Country, F, G, Place, S


def _pl_av(rng: random.Random) -> dict[str, Any]:
    n = str(rng.randint(1, 120))
    if rng.random() < 0.15:
        n += rng.choice("ab")
    return {"n": n, "u": str(rng.randint(1, 90))}


PL = Country(
    code="PL",
    male=[
        G("Krzysztof||Krzysiek"),
        G("Wojciech||Wojtek"),
        G("Grzegorz||Grzesiek"),
        G("Tomasz||Tomek"),
        G("Piotr||Piotrek"),
        G("Jakub||Kuba"),
        G("Aleksander||Olek"),
        G("Stanisław||Staszek"),
        G("Andrzej||Jędrek"),
        G("Mateusz||Mati"),
        G("Marcin"),
        G("Łukasz"),
        G("Paweł"),
    ],
    female=[
        G("Małgorzata||Gosia,Małgosia"),
        G("Katarzyna||Kasia"),
        G("Agnieszka||Aga"),
        G("Aleksandra||Ola"),
        G("Magdalena||Magda"),
        G("Joanna||Asia"),
        G("Barbara||Basia"),
        G("Elżbieta||Ela"),
        G("Zofia||Zosia"),
        G("Anna||Ania"),
        G("Monika"),
        G("Justyna"),
    ],
    families=[
        F("Kowalski||Kowalska"),
        F("Kowalczyk"),
        F("Nowak"),
        F("Nowacki||Nowacka"),
        F("Wiśniewski||Wiśniewska"),
        F("Wójcik"),
        F("Kamiński||Kamińska"),
        F("Lewandowski||Lewandowska"),
        F("Zieliński||Zielińska"),
        F("Szymański||Szymańska"),
        F("Woźniak"),
        F("Dąbrowski||Dąbrowska"),
        F("Kozłowski||Kozłowska"),
        F("Jankowski||Jankowska"),
        F("Mazur"),
        F("Krawczyk"),
        F("Grabowski||Grabowska"),
        F("Wojciechowski||Wojciechowska"),
    ],
    streets=[
        S("ul. Adama Mickiewicza,ul. Mickiewicza,Mickiewicza,ul. A. Mickiewicza"),
        S("ul. Henryka Sienkiewicza,ul. Sienkiewicza,Sienkiewicza,ul. H. Sienkiewicza"),
        S("ul. Tadeusza Kościuszki,ul. Kościuszki,Kościuszki,ul. T. Kościuszki"),
        S("ul. Polna,Polna,ulica Polna"),
        S("ul. Ogrodowa,Ogrodowa,ulica Ogrodowa"),
        S("al. Jana Pawła II,al. JP II,Aleja Jana Pawła II"),
    ],
    cities=[
        C(
            "Warszawa,Warsaw",
            "00-511,02-495,03-984,01-234,00-695",
            (S("ul. Marszałkowska,Marszałkowska,ulica Marszałkowska"),),
        ),
        C(
            "Kraków,Krakow",
            "30-001,31-042,31-864",
            (S("os. Tysiąclecia,osiedle Tysiąclecia,Os. Tysiąclecia"),),
        ),
        C("Wrocław,Wroclaw", "50-001,53-611,51-128", (S("pl. Grunwaldzki,plac Grunwaldzki"),)),
        C("Łódź,Lodz", "90-001,91-011,93-121", (S("ul. Piotrkowska,Piotrkowska"),)),
        C("Gdańsk,Gdansk", "80-001,80-831,80-180", (S("ul. Długa,Długa"),)),
    ],
    addr=["{s} {n}/{u}", "{s} {n} m. {u}", "{s} {n} lok. {u}", "{s} {n} m {u}"],
    addr_plain=["{s} {n}"],
    unit_p=0.6,
    av=_pl_av,
    mobile=["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    pc_variants=lambda pc: [pc, pc.replace("-", "")],
    mail=["gmail.com"] * 3 + ["wp.pl", "wp.pl", "o2.pl", "o2.pl", "onet.pl", "interia.pl", "op.pl"],
    places=[
        Place("Paczkomat WAW21M, ul. Marszałkowska 104", "Warszawa", "00-017", "parcel locker"),
        Place("Paczkomat KRA01N, ul. Długa 7", "Kraków", "31-147", "parcel locker"),
        Place("Żabka - punkt odbioru, ul. Piotrkowska 120", "Łódź", "90-006", "pickup point"),
        Place(
            "Baltis Logistyka Sp. z o.o., ul. Grzybowska 62, piętro 7",
            "Warszawa",
            "00-844",
            "office",
            "baltis.pl",
        ),
    ],
    alike=[("Nowak", "Nowacki"), ("Kowalski", "Kowalczyk")],
)


def _se_av(rng: random.Random) -> dict[str, Any]:
    n = str(rng.randint(1, 90))
    if rng.random() < 0.15:
        n += rng.choice("AB")
    return {"n": n, "u": str(1000 + rng.randint(1, 7) * 100 + rng.randint(1, 4))}


def _se_variants(pc: str) -> list[str]:
    return [pc, pc.replace(" ", ""), "SE-" + pc]


SE = Country(
    code="SE",
    male=[
        G("Karl||Kalle"),
        G("Lars||Lasse"),
        G("Mikael||Micke"),
        G("Joakim||Jocke"),
        G("Fredrik||Fredde"),
        G("Per||Pelle"),
        G("Gustav||Gurra"),
        G("Per-Olof||P-O"),
        G("Anders"),
        G("Johan"),
        G("Erik"),
        G("Magnus"),
        G("Oskar"),
    ],
    female=[
        G("Kristina||Stina,Kicki"),
        G("Margareta||Maggan"),
        G("Elisabeth||Lisa,Lisbeth"),
        G("Katarina||Kajsa,Kattis"),
        G("Birgitta||Gittan"),
        G("Anna-Karin"),
        G("Ingrid"),
        G("Linnéa"),
        G("Ebba"),
        G("Sofia"),
        G("Maria"),
        G("Åsa"),
    ],
    families=[
        F("Andersson"),
        F("Johansson"),
        F("Karlsson"),
        F("Carlsson"),
        F("Nilsson"),
        F("Eriksson"),
        F("Larsson"),
        F("Olsson"),
        F("Persson"),
        F("Pettersson"),
        F("Svensson"),
        F("Gustafsson"),
        F("Lindberg"),
        F("Lindström"),
        F("Bergström"),
        F("Lundqvist"),
        F("Söderberg"),
        F("Åberg"),
    ],
    streets=[
        S("Storgatan,Storg."),
        S("Drottninggatan,Drottningg."),
        S("Kungsgatan,Kungsg."),
        S("Vasagatan,Vasag."),
        S("Järnvägsgatan,Järnvägsg."),
        S("Skolgatan,Skolg."),
        S("Linnégatan,Linnég."),
        S("Östra Långgatan,Ö. Långgatan,Östra Långg."),
    ],
    cities=[
        C("Stockholm", "114 55,113 51,118 25,116 21", (S("Sveavägen,Sveav."), S("Götgatan,Götg."))),
        C("Göteborg,Gothenburg", "411 05,413 01,414 63"),
        C("Malmö", "211 20,214 21,212 12"),
        C("Uppsala", "753 20,752 28"),
    ],
    addr=["{s} {n}, lgh {u}", "{s} {n} lgh {u}", "{s} {n} LGH {u}", "{s} {n}, lägenhet {u}"],
    addr_plain=["{s} {n}"],
    unit_p=0.55,
    av=_se_av,
    mobile=["70", "72", "73", "76", "79"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "space"],
    pc_variants=_se_variants,
    mail=["gmail.com"] * 4 + ["hotmail.com", "outlook.com", "telia.com", "live.se", "icloud.com"],
    places=[
        Place("PostNord Ombud - Pressbyrån, Götgatan 25", "Stockholm", "116 46", "pickup point"),
        Place(
            "Instabox - ICA Nära Hornstull, Långholmsgatan 21",
            "Stockholm",
            "117 33",
            "parcel locker",
        ),
        Place(
            "Nordlys Konsult AB, Kungsgatan 37, 5 tr",
            "Stockholm",
            "111 56",
            "office",
            "nordlyskonsult.se",
        ),
    ],
    alike=[("Karlsson", "Carlsson"), ("Lindberg", "Lindström"), ("Persson", "Pettersson")],
    middle="second",
)


def _no_av(rng: random.Random) -> dict[str, Any]:
    n = str(rng.randint(1, 90))
    if rng.random() < 0.15:
        n += rng.choice("ABC")
    return {"n": n, "u": f"H0{rng.randint(1, 6)}0{rng.randint(1, 4)}"}


NO = Country(
    code="NO",
    male=[
        G("Ole"),
        G("Knut"),
        G("Bjørn"),
        G("Øyvind"),
        G("Jan Erik||Jan-Erik"),
        G("Hans Petter||Hans-Petter,HP"),
        G("Kristoffer||Kris"),
        G("Alexander||Alex"),
        G("Thomas||Tommy"),
        G("Magnus"),
        G("Sindre"),
        G("Eirik"),
        G("Håkon"),
    ],
    female=[
        G("Ingrid"),
        G("Kari"),
        G("Solveig"),
        G("Ragnhild"),
        G("Kjersti"),
        G("Marte"),
        G("Silje"),
        G("Hanne"),
        G("Tone"),
        G("Anne Marit||Anne-Marit"),
        G("Elisabeth||Lise"),
        G("Gro"),
        G("Åse"),
    ],
    families=[
        F("Hansen"),
        F("Johansen"),
        F("Johnsen"),
        F("Olsen"),
        F("Larsen"),
        F("Andersen"),
        F("Pedersen"),
        F("Pettersen"),
        F("Nilsen"),
        F("Kristiansen"),
        F("Jensen"),
        F("Karlsen"),
        F("Berg"),
        F("Haugen"),
        F("Hagen"),
        F("Bakken"),
        F("Dahl"),
        F("Lie"),
        F("Solberg"),
        F("Strand"),
        F("Sætre"),
        F("Ødegård"),
    ],
    cities=[
        C(
            "Oslo",
            "0150,0355,0552,0262,0458",
            (
                S("Storgata,Storgt.,Storgt"),
                S("Bogstadveien,Bogstadv.,Bogstadvn."),
                S("Thorvald Meyers gate,Thorvald Meyers gt.,Th. Meyers gate"),
                S("Kirkeveien,Kirkevn.,Kirkev."),
                S("Markveien,Markv."),
            ),
        ),
        C(
            "Bergen",
            "5003,5015,5020",
            (S("Nygårdsgaten,Nygårdsgt."), S("Kong Oscars gate,Kong Oscars gt.")),
        ),
        C(
            "Trondheim",
            "7011,7013,7030",
            (
                S("Olav Tryggvasons gate,Olav Tryggvasons gt.,Ol. Tryggvasons gt."),
                S("Innherredsveien,Innherredsv."),
            ),
        ),
    ],
    addr=["{s} {n}, {u}", "{s} {n} {u}", "{s} {n}, leil. {u}", "{s} {n}, leilighet {u}"],
    addr_plain=["{s} {n}"],
    unit_p=0.5,
    av=_no_av,
    mobile=["4", "9"],
    nsn=(8,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "space"],
    mail=["gmail.com"] * 4 + ["hotmail.com", "online.no", "outlook.com", "live.no", "icloud.com"],
    places=[
        Place(
            "Post i Butikk - Kiwi Grünerløkka, Thorvald Meyers gate 30",
            "Oslo",
            "0555",
            "pickup point",
        ),
        Place(
            "Posten Pakkeboks - Coop Extra Storo, Vitaminveien 7", "Oslo", "0485", "parcel locker"
        ),
        Place(
            "Fjellnett AS, Karenslyst allé 9, 4. etasje", "Oslo", "0278", "office", "fjellnett.no"
        ),
    ],
    alike=[("Haugen", "Hagen"), ("Johansen", "Johnsen"), ("Pettersen", "Pedersen")],
    folds=["nordic", "strip"],
    middle="second",
)


def _dk_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(1, 220)),
        "f": str(rng.randint(1, 5)),
        "d": rng.choice(["tv", "th", "mf"]),
    }


DK = Country(
    code="DK",
    male=[
        G("Søren"),
        G("Jens"),
        G("Rasmus"),
        G("Mikkel"),
        G("Henrik"),
        G("Christian||Chris"),
        G("Thomas||Tom"),
        G("Niels"),
        G("Frederik||Frede"),
        G("Kasper"),
        G("Jørgen"),
        G("Morten"),
    ],
    female=[
        G("Mette"),
        G("Louise"),
        G("Camilla"),
        G("Pernille"),
        G("Signe"),
        G("Helle"),
        G("Birgitte||Gitte"),
        G("Katrine"),
        G("Kirsten"),
        G("Charlotte||Lotte"),
        G("Susanne||Sanne"),
        G("Maja"),
    ],
    families=[
        F("Nielsen"),
        F("Jensen"),
        F("Hansen"),
        F("Pedersen"),
        F("Petersen"),
        F("Andersen"),
        F("Christensen"),
        F("Kristensen"),
        F("Larsen"),
        F("Sørensen"),
        F("Rasmussen"),
        F("Jørgensen"),
        F("Madsen"),
        F("Olsen"),
        F("Thomsen"),
        F("Møller"),
        F("Poulsen"),
    ],
    cities=[
        C(
            "København N,Kbh N,Copenhagen N",
            "2200",
            (S("Nørrebrogade,Nørrebrog."), S("Jagtvej,Jagtv.")),
        ),
        C(
            "København Ø,Kbh Ø,Copenhagen Ø",
            "2100",
            (S("Østerbrogade,Østerbrog."), S("Classensgade,Classensg.")),
        ),
        C("København V,Kbh V", "1620", (S("Vesterbrogade,Vesterbrog."), S("Istedgade,Istedg."))),
        C(
            "Frederiksberg,Frederiksberg C",
            "2000",
            (S("Gammel Kongevej,Gl. Kongevej"), S("Falkoner Allé,Falkoner Alle")),
        ),
        C(
            "Aarhus C,Århus C",
            "8000",
            (S("Jægergårdsgade,Jægergårdsg."), S("Frederiks Allé,Frederiks Alle")),
        ),
        C("Odense C", "5000", (S("Vestergade,Vesterg."), S("Kongensgade,Kongensg."))),
    ],
    addr=["{s} {n}, {f}. {d}.", "{s} {n}, {f} {d}", "{s} {n} {f}.{d}", "{s} {n}, {f}. sal {d}."],
    addr_plain=["{s} {n}"],
    unit_p=0.6,
    av=_dk_av,
    mobile=[
        "20",
        "21",
        "22",
        "23",
        "24",
        "25",
        "26",
        "27",
        "28",
        "29",
        "30",
        "31",
        "40",
        "41",
        "42",
        "50",
        "51",
        "52",
        "53",
        "60",
        "61",
        "71",
        "81",
        "91",
        "93",
    ],
    nsn=(8,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "00d"],
    mail=["gmail.com"] * 4 + ["hotmail.com", "outlook.dk", "live.dk", "mail.dk", "jubii.dk"],
    places=[
        Place("GLS PakkeShop - Netto, Nørrebrogade 180", "København N", "2200", "pickup point"),
        Place(
            "PostNord Pakkeboks - Rema 1000, Jagtvej 111", "København N", "2200", "parcel locker"
        ),
        Place(
            "Havnegade Rådgivning ApS, Havnegade 39, 3. sal",
            "København K",
            "1058",
            "office",
            "havnegaderaad.dk",
        ),
    ],
    alike=[("Petersen", "Pedersen"), ("Christensen", "Kristensen")],
    folds=["nordic", "strip"],
    middle="surname",
    middles=["Kjær", "Holm", "Skov", "Lund", "Bach", "Vestergaard", "Dahl", "Krogh"],
)


def _is_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 110)), "u": f"0{rng.randint(1, 4)}0{rng.randint(1, 6)}"}


IS = Country(
    code="IS",
    names="patronymic",
    male=[
        G("Jón||Nonni"),
        G("Sigurður||Siggi"),
        G("Guðmundur||Gummi"),
        G("Gunnar"),
        G("Ólafur||Óli"),
        G("Einar"),
        G("Kristján||Stjáni"),
        G("Magnús||Maggi"),
        G("Stefán||Stebbi"),
        G("Björn||Bjössi"),
        G("Þórður||Doddi"),
        G("Halldór||Dóri"),
    ],
    female=[
        G("Guðrún||Gunna"),
        G("Anna"),
        G("Kristín||Stína"),
        G("Sigríður||Sigga,Sirrý"),
        G("Margrét||Magga"),
        G("Helga"),
        G("Ingibjörg||Inga"),
        G("Sólveig||Sólla"),
        G("Jóhanna||Hanna"),
        G("Ragnheiður||Ragga"),
        G("Þórunn||Tóta"),
        G("Katrín||Kata"),
    ],
    # in the order of the male names: the patronymic formed from each of them
    families=[
        F("Jónsson||Jónsdóttir"),
        F("Sigurðsson||Sigurðardóttir"),
        F("Guðmundsson||Guðmundsdóttir"),
        F("Gunnarsson||Gunnarsdóttir"),
        F("Ólafsson||Ólafsdóttir"),
        F("Einarsson||Einarsdóttir"),
        F("Kristjánsson||Kristjánsdóttir"),
        F("Magnússon||Magnúsdóttir"),
        F("Stefánsson||Stefánsdóttir"),
        F("Björnsson||Björnsdóttir"),
        F("Þórðarson||Þórðardóttir"),
        F("Halldórsson||Halldórsdóttir"),
    ],
    cities=[
        C(
            "Reykjavík,Reykjavik,Rvk",
            "101,105,107",
            (
                S("Laugavegur,Laugavegi,Laugav."),
                S("Hverfisgata,Hverfisgötu"),
                S("Skólavörðustígur,Skólavörðustíg"),
                S("Hringbraut"),
                S("Suðurgata,Suðurgötu"),
            ),
        ),
        C("Kópavogur", "200,201", (S("Hamraborg"), S("Digranesvegur,Digranesvegi"))),
        C(
            "Hafnarfjörður",
            "220",
            (S("Strandgata,Strandgötu"), S("Reykjavíkurvegur,Reykjavíkurvegi")),
        ),
        C("Akureyri", "600", (S("Hafnarstræti"), S("Glerárgata,Glerárgötu"))),
    ],
    addr=["{s} {n}, íbúð {u}", "{s} {n}, íb. {u}", "{s} {n} íbúð {u}"],
    addr_plain=["{s} {n}"],
    unit_p=0.45,
    av=_is_av,
    mobile=["6", "7", "8"],
    nsn=(7,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    mail=["gmail.com"] * 4 + ["simnet.is", "internet.is", "hotmail.com", "visir.is"],
    places=[
        Place("Dropp afhendingarstaður - N1 Hringbraut", "Reykjavík", "101", "pickup point"),
        Place("Póstbox - Kringlan", "Reykjavík", "103", "parcel locker"),
        Place(
            "Norðurljós hugbúnaður ehf., Borgartún 25, 4. hæð",
            "Reykjavík",
            "105",
            "office",
            "nordurljos.is",
        ),
    ],
    folds=["strip"],
    middle="second",
    spouse_keeps=1.0,
)


def _gr_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 190)), "f": str(rng.randint(1, 6))}


def _gr_variants(pc: str) -> list[str]:
    return [pc, pc.replace(" ", "")]


GR = Country(
    code="GR",
    male=[
        G("Georgios|Γεώργιος|Giorgos,Yiorgos,George|Γιώργος"),
        G("Konstantinos,Constantinos|Κωνσταντίνος|Kostas,Costas,Dinos|Κώστας,Ντίνος"),
        G("Dimitrios,Demetrios|Δημήτριος|Dimitris,Mitsos,Jimmy|Δημήτρης,Μήτσος"),
        G("Ioannis|Ιωάννης|Giannis,Yannis,John|Γιάννης"),
        G("Nikolaos|Νικόλαος|Nikos,Nick|Νίκος"),
        G("Panagiotis,Panayiotis|Παναγιώτης|Panos,Takis|Πάνος,Τάκης"),
        G("Vasileios,Vasilios|Βασίλειος|Vasilis,Vassilis,Bill|Βασίλης"),
        G("Charalampos,Charalambos,Haralambos|Χαράλαμπος|Babis,Harris|Μπάμπης"),
        G("Evangelos|Ευάγγελος|Vangelis|Βαγγέλης"),
        G("Athanasios|Αθανάσιος|Thanasis,Thanos|Θανάσης"),
        G("Christos|Χρήστος|Chris"),
        G("Spyridon,Spiridon|Σπυρίδων|Spyros,Spiros|Σπύρος"),
    ],
    female=[
        G("Aikaterini,Ekaterini|Αικατερίνη|Katerina,Kate|Κατερίνα"),
        G("Eleni|Ελένη|Lena,Helen|Λένα"),
        G("Anastasia|Αναστασία|Natasa,Tasoula|Νατάσα,Τασούλα"),
        G("Vasiliki|Βασιλική|Vicky,Vasso|Βίκυ,Βάσω"),
        G("Stavroula|Σταυρούλα|Voula|Βούλα"),
        G("Paraskevi|Παρασκευή|Evi|Εύη"),
        G("Konstantina|Κωνσταντίνα|Dina,Nantia|Ντίνα"),
        G("Angeliki|Αγγελική|Angela,Kiki|Αγγέλα,Κική"),
        G("Maria|Μαρία"),
        G("Sofia,Sophia|Σοφία"),
        G("Ioanna|Ιωάννα|Joanna"),
        G("Christina|Χριστίνα"),
    ],
    families=[
        F("Papadopoulos|Παπαδόπουλος|Papadopoulou|Παπαδοπούλου"),
        F("Papadakis|Παπαδάκης|Papadaki|Παπαδάκη"),
        F("Georgiou|Γεωργίου"),
        F("Nikolaou|Νικολάου"),
        F("Pappas|Παππάς|Pappa|Παππά"),
        F("Oikonomou,Ikonomou,Economou|Οικονόμου"),
        F("Vlachos|Βλάχος|Vlachou|Βλάχου"),
        F("Karagiannis,Karayannis|Καραγιάννης|Karagianni,Karayanni|Καραγιάννη"),
        F("Dimitriou|Δημητρίου"),
        F("Antoniou|Αντωνίου"),
        F("Alexiou|Αλεξίου"),
        F("Makris|Μακρής|Makri|Μακρή"),
        F("Konstantinidis,Konstantinides|Κωνσταντινίδης|Konstantinidou|Κωνσταντινίδου"),
        F("Ioannidis,Ioannides|Ιωαννίδης|Ioannidou|Ιωαννίδου"),
        F("Christodoulou|Χριστοδούλου"),
    ],
    cities=[
        C(
            "Athina,Athens,Athina Attikis|Αθήνα",
            "105 63,106 82,106 77,115 21,114 72",
            (
                S("Ermou,Ermou St.,Odos Ermou|Ερμού,Οδός Ερμού"),
                S(
                    "Leoforos Alexandras,Leof. Alexandras,Alexandras Ave."
                    "|Λεωφόρος Αλεξάνδρας,Λεωφ. Αλεξάνδρας,Λ. Αλεξάνδρας"
                ),
                S("Patision,Patission|Πατησίων"),
                S("Ippokratous,Ippokratous St.|Ιπποκράτους"),
                S("Solonos,Solonos St.|Σόλωνος"),
            ),
        ),
        C(
            "Thessaloniki,Salonica,Thessaloniki Greece|Θεσσαλονίκη",
            "546 24,546 22,546 23",
            (
                S("Egnatias,Egnatia,Egnatia St.|Εγνατίας,Εγνατία"),
                S("Tsimiski,Tsimiski St.|Τσιμισκή"),
                S("Agias Sofias,Ag. Sofias|Αγίας Σοφίας,Αγ. Σοφίας"),
            ),
        ),
        C(
            "Patra,Patras|Πάτρα",
            "262 21,262 22,262 23",
            (S("Maizonos,Maizonos St.|Μαιζώνος"), S("Korinthou,Korinthou St.|Κορίνθου")),
        ),
    ],
    addr=["{s} {n}, floor {f}", "{s} {n}, {f}os orofos", "{s} {n}, Fl. {f}"],
    addr_plain=["{s} {n}", "{n} {s}"],
    addr_nat=["{s} {n}, {f}ος όροφος", "{s} {n}, όροφος {f}", "{s} {n} ({f}ος)"],
    addr_nat_plain=["{s} {n}"],
    unit_p=0.35,
    av=_gr_av,
    mobile=["690", "693", "694", "695", "697", "698", "699"],
    nsn=(10,),
    phone_styles=["nat", "intl", "e164", "00", "dash"],
    pc_variants=_gr_variants,
    mail=["gmail.com"] * 4 + ["yahoo.gr", "yahoo.gr", "hotmail.com", "otenet.gr", "hotmail.gr"],
    places=[
        Place(
            "BOX NOW locker - AB Vasilopoulos, Leof. Alexandras 120",
            "Athina",
            "114 73",
            "parcel locker",
        ),
        Place("ACS Point - Periptero, Egnatias 98", "Thessaloniki", "546 23", "pickup point"),
        Place(
            "Aigaion Software S.A., Leof. Kifisias 124, 5th floor",
            "Athina",
            "115 26",
            "office",
            "aigaion-soft.gr",
        ),
    ],
    alike=[("Papadopoulos", "Papadakis"), ("Antoniou", "Alexiou")],
    middle="father",
)

COUNTRIES = [PL, SE, NO, DK, IS, GR]
