"""Country tables for the hold-out set: MA, DZ, ZA, AU."""

from __future__ import annotations

import random
from typing import Any

from holdout_model import C, Country, F, G, Place, S, Street


def _ma_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 320)), "f": str(rng.randint(1, 24))}


MA = Country(
    code="MA",
    male=[
        G("Mohamed,Mohammed,Mohamad|محمد|Simo|سيمو"),
        G("Youssef,Yousef,Youssouf|يوسف"),
        G("Abdellah,Abdallah,Abdelah|عبد الله|Abdou"),
        G("Hamza|حمزة"),
        G("Omar,Oumar|عمر"),
        G("Rachid,Rashid|رشيد"),
        G("Abderrahim,Abderahim,Abdel Rahim|عبد الرحيم|Rahim"),
        G("Khalid,Khaled|خالد"),
        G("Mehdi,Mahdi|مهدي"),
        G("Anas|أنس"),
        G("Ayoub,Ayyoub|أيوب"),
        G("Hicham,Hisham|هشام"),
    ],
    female=[
        G("Fatima Zahra,Fatima-Zahra,Fatimazahra,Fatim Zahra|فاطمة الزهراء|Fati|فاطي"),
        G("Khadija,Khadidja|خديجة"),
        G("Salma|سلمى"),
        G("Meryem,Maryam,Meriem|مريم"),
        G("Nadia|نادية"),
        G("Houda,Huda|هدى"),
        G("Imane,Iman|إيمان"),
        G("Samira|سميرة"),
        G("Loubna,Lubna|لبنى"),
        G("Hajar|هاجر"),
        G("Kawtar,Kaoutar,Kawthar|كوثر"),
        G("Siham|سهام"),
    ],
    families=[
        F("El Amrani,Elamrani,Amrani|العمراني"),
        F("Benali,Ben Ali|بنعلي"),
        F("Alaoui,El Alaoui|العلوي"),
        F("Bennani|بناني"),
        F("Bennis|بنيس"),
        F("Tazi|التازي"),
        F("El Idrissi,Idrissi,Drissi|الإدريسي"),
        F("Berrada|برادة"),
        F("Chraibi|الشرايبي"),
        F("Benjelloun,Ben Jelloun|بنجلون"),
        F("Ouazzani,El Ouazzani|الوزاني"),
        F("Lahlou|لحلو"),
        F("El Fassi,Fassi|الفاسي"),
        F("Ziani|الزياني"),
        F("Tahiri,Ettahiri|الطاهري"),
    ],
    streets=[
        S("Boulevard Mohammed V,Bd Mohammed V,Bd. Mohamed 5,Boulevard Mohamed V|شارع محمد الخامس"),
        S("Avenue Hassan II,Av. Hassan II,Av Hassan 2|شارع الحسن الثاني"),
        S("Rue Ibn Batouta,Rue Ibn Battuta,R. Ibn Batouta|زنقة ابن بطوطة"),
        S("Rue Allal Ben Abdellah,Rue Allal Ben Abdallah|زنقة علال بن عبد الله"),
        S(
            "Avenue des FAR,Av. des FAR,Avenue des Forces Armées Royales"
            "|شارع القوات المسلحة الملكية"
        ),
    ],
    cities=[
        C(
            "Casablanca,Casa|الدار البيضاء",
            "20000,20250,20330,20100",
            (S("Boulevard Zerktouni,Bd Zerktouni,Bd. Zerktouni|شارع الزرقطوني"),),
        ),
        C("Rabat|الرباط", "10000,10020,10100"),
        C("Marrakech,Marrakesh|مراكش", "40000,40020"),
        C("Fès,Fes,Fez|فاس", "30000,30050"),
        C("Tanger,Tangier|طنجة", "90000,90060"),
        C("Agadir|أكادير", "80000,80060"),
    ],
    addr=["{n}, {s}, Appt {f}", "{s}, N° {n}, Appt {f}", "{s} n°{n} appt {f}", "{n} {s}, App. {f}"],
    addr_plain=["{n}, {s}", "{s}, N° {n}", "{n} {s}"],
    addr_nat=["{s}، رقم {n}، شقة {f}", "{s} رقم {n} الشقة {f}"],
    addr_nat_plain=["{s}، رقم {n}", "{n} {s}"],
    unit_p=0.5,
    av=_ma_av,
    mobile=["61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "77", "78"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00d", "dash"],
    nat_phone_styles=["nat", "natd"],
    mail=["gmail.com"] * 4 + ["hotmail.fr", "hotmail.fr", "yahoo.fr", "outlook.fr", "menara.ma"],
    places=[
        Place(
            "Point Relais Amana, Agence Maârif, Bd Bir Anzarane",
            "Casablanca",
            "20330",
            "pickup point",
        ),
        Place(
            "Chronopost Point Relais, Av. Mohammed V, Guéliz", "Marrakech", "40000", "pickup point"
        ),
        Place(
            "Atlas Digital SARL, Technopark, Route de Nouaceur, Bureau 214",
            "Casablanca",
            "20150",
            "office",
            "atlasdigital.ma",
        ),
    ],
    alike=[("Bennani", "Bennis"), ("Tazi", "Tahiri")],
    spouse_keeps=1.0,
)


def _dz_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(1, 140)),
        "f": str(rng.randint(1, 30)),
        "b": str(rng.randint(1, 40)),
    }


def _cite(spec: str) -> Street:
    """A housing estate (cité): buildings and flats instead of house numbers."""
    return S(
        spec,
        tmpl=("{s}, Bt {b}, Apt {f}", "{s} Bâtiment {b} Appartement {f}", "{s} Bloc {b} N° {f}"),
        tmpl_plain=("{s}, Bt {b}", "{s} Bâtiment {b}"),
        tmpl_nat=("{s} عمارة {b} شقة {f}", "{s}، عمارة {b}، شقة رقم {f}"),
        tmpl_nat_plain=("{s} عمارة {b}",),
    )


DZ = Country(
    code="DZ",
    male=[
        G("Mohamed,Mohammed|محمد|Moh"),
        G("Youcef,Youssef|يوسف"),
        G("Abdelkader,Abdelkadir,Abd El Kader|عبد القادر|Kader|قادر"),
        G("Amine|أمين"),
        G("Sofiane,Soufiane|سفيان"),
        G("Karim|كريم"),
        G("Rachid|رشيد"),
        G("Samir|سمير"),
        G("Abdelaziz,Abd El Aziz|عبد العزيز|Aziz|عزيز"),
        G("Nassim|نسيم"),
        G("Walid|وليد"),
        G("Mourad|مراد"),
    ],
    female=[
        G("Khadidja,Khadija|خديجة"),
        G("Nadia|نادية"),
        G("Amel,Amal|أمال"),
        G("Meriem,Meryem|مريم"),
        G("Lynda,Linda|ليندة"),
        G("Yasmine,Yasmina|ياسمين"),
        G("Nassima|نسيمة"),
        G("Fatiha|فتيحة"),
        G("Samia|سامية"),
        G("Sabrina|صبرينة"),
        G("Lamia|لمياء"),
        G("Wafa|وفاء"),
    ],
    families=[
        F("Benali|بن علي"),
        F("Benaissa,Ben Aissa|بن عيسى"),
        F("Bouzid|بوزيد"),
        F("Belkacem|بلقاسم"),
        F("Khelifi|خليفي"),
        F("Mansouri|منصوري"),
        F("Saadi|سعدي"),
        F("Saidi|سعيدي"),
        F("Haddad|حداد"),
        F("Brahimi|براهيمي"),
        F("Rahmani|رحماني"),
        F("Hamidi|حميدي"),
        F("Boudiaf|بوضياف"),
        F("Cherif,Chérif|شريف"),
        F("Ait Ahmed,Aït Ahmed|آيت أحمد"),
        F("Meziane|مزيان"),
        F("Boukhalfa|بوخالفة"),
    ],
    streets=[
        S("Rue Larbi Ben M'hidi,Rue Ben M'hidi,Rue Larbi Ben Mhidi|شارع العربي بن مهيدي"),
        S("Boulevard Mohamed V,Bd Mohamed V|شارع محمد الخامس"),
        _cite("Cité 1200 Logements,Cité 1200 Lgts,Cite 1200 logts|حي 1200 مسكن"),
        _cite("Cité des 500 Logements,Cité 500 Lgts|حي 500 مسكن"),
    ],
    cities=[
        C(
            "Alger,Algiers,Alger Centre|الجزائر",
            "16000,16004,16035,16028",
            (
                S("Rue Didouche Mourad,R. Didouche Mourad|شارع ديدوش مراد"),
                S("Boulevard Krim Belkacem,Bd Krim Belkacem|شارع كريم بلقاسم"),
                _cite("Cité AADL Bab Ezzouar,Cité AADL Bab-Ezzouar|حي عدل باب الزوار"),
            ),
        ),
        C("Oran,Wahran|وهران", "31000,31003,31025"),
        C("Constantine|قسنطينة", "25000,25016"),
        C("Annaba|عنابة", "23000"),
        C("Blida|البليدة", "09000"),
        C("Tizi Ouzou,Tizi-Ouzou|تيزي وزو", "15000"),
    ],
    addr=["{n}, {s}, Appt {f}", "{n} {s} App {f}", "{s} N°{n} Apt {f}"],
    addr_plain=["{n}, {s}", "{n} {s}", "{s} N°{n}"],
    addr_nat=["{s}، رقم {n}، شقة {f}", "{n} {s} شقة {f}"],
    addr_nat_plain=["{s}، رقم {n}", "{n} {s}"],
    unit_p=0.55,
    av=_dz_av,
    house_keys=("n", "b"),
    mobile=["55", "56", "54", "66", "67", "69", "65", "77", "79"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    nat_phone_styles=["nat", "natd"],
    mail=["gmail.com"] * 4 + ["yahoo.fr", "yahoo.fr", "hotmail.com", "hotmail.fr", "outlook.fr"],
    places=[
        Place("Yalidine Stop Desk Bab Ezzouar, Cité 5 Juillet", "Alger", "16024", "pickup point"),
        Place("Yalidine Stop Desk Oran Est, Bd Millénium", "Oran", "31000", "pickup point"),
        Place(
            "Sarl Numidia Services, Lotissement El Bina, Villa 12, Dely Brahim",
            "Alger",
            "16047",
            "office",
            "numidia-services.dz",
        ),
    ],
    alike=[("Saadi", "Saidi"), ("Benali", "Benaissa")],
    spouse_keeps=1.0,
)


def _za_av(rng: random.Random) -> dict[str, Any]:
    b = rng.choice(
        ["Sunset Villas", "Riverside Estate", "Eden Gardens", "Protea Court", "Kloof Mansions"]
    )
    return {"n": str(rng.randint(1, 260)), "u": str(rng.randint(1, 60)), "b": b}


ZA = Country(
    code="ZA",
    male=[
        G("Johannes||Hannes", "a"),
        G("Petrus||Piet", "a"),
        G("Jacobus||Kobus", "a"),
        G("Cornelius||Neels", "a"),
        G("Hendrik||Hennie", "a"),
        G("Gerhardus||Gerhard,Gert", "a"),
        G("Michael||Mike", "ai"),
        G("Thabo", "b"),
        G("Sipho", "b"),
        G("Themba", "b"),
        G("Bongani", "b"),
        G("Pravin", "i"),
        G("Kuben", "i"),
    ],
    female=[
        G("Susanna||Sannie", "a"),
        G("Maria||Ria", "a"),
        G("Johanna||Hanna", "a"),
        G("Elizabeth||Liesl,Elsie", "a"),
        G("Chantelle", "a"),
        G("Thandiwe||Thandi", "b"),
        G("Nomvula", "b"),
        G("Lerato", "b"),
        G("Zanele", "b"),
        G("Precious", "b"),
        G("Priya", "i"),
        G("Kamini", "i"),
        G("Charlene", "ai"),
    ],
    families=[
        F("van der Merwe,Van der Merwe,vd Merwe,V.d. Merwe", "a"),
        F("Botha", "a"),
        F("Pretorius", "a"),
        F("van Wyk,Van Wyk", "a"),
        F("van Zyl,Van Zyl", "a"),
        F("Nel", "a"),
        F("du Plessis,Du Plessis", "a"),
        F("Steyn", "a"),
        F("Venter", "a"),
        F("Nkosi", "b"),
        F("Dlamini", "b"),
        F("Ndlovu", "b"),
        F("Khumalo", "b"),
        F("Mokoena", "b"),
        F("Mahlangu", "b"),
        F("Mthembu", "b"),
        F("Naidoo", "i"),
        F("Naicker", "i"),
        F("Pillay", "i"),
        F("Govender", "i"),
    ],
    cities=[
        C(
            "Cape Town,Kaapstad,Cape Town, Western Cape",
            "",
            (
                S("Kloof Street,Kloof St", area="Gardens", pcs="8001"),
                S("Main Road,Main Rd", area="Sea Point", pcs="8005"),
                S("Long Street,Long St", area="City Centre", pcs="8001"),
                S("Lower Main Road,Lower Main Rd", area="Observatory", pcs="7925"),
            ),
        ),
        C(
            "Johannesburg,Joburg,Johannesburg, Gauteng",
            "",
            (
                S("Jan Smuts Avenue,Jan Smuts Ave", area="Parktown North", pcs="2193"),
                S("7th Street,7th St", area="Melville", pcs="2092"),
                S("Rivonia Road,Rivonia Rd", area="Sandton", pcs="2196"),
            ),
        ),
        C(
            "Durban,eThekwini",
            "",
            (
                S("Florida Road,Florida Rd", area="Morningside", pcs="4001"),
                S("Musgrave Road,Musgrave Rd", area="Berea", pcs="4001"),
            ),
        ),
        C(
            "Pretoria,Tshwane",
            "",
            (S("Church Street,Church St,Kerkstraat", area="Hatfield", pcs="0083"),),
        ),
    ],
    addr=[
        "Unit {u} {b}, {n} {s}, {a}",
        "{u} {b}, {n} {s}, {a}",
        "Unit {u}, {b}, {n} {s}, {a}",
        "Flat {u} {b}, {n} {s}, {a}",
    ],
    addr_plain=["{n} {s}, {a}", "{n} {s} {a}"],
    unit_p=0.45,
    av=_za_av,
    house_keys=("n", "b"),
    mobile=[
        "60",
        "61",
        "62",
        "63",
        "64",
        "65",
        "66",
        "71",
        "72",
        "73",
        "74",
        "76",
        "78",
        "79",
        "81",
        "82",
        "83",
        "84",
    ],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    mail=["gmail.com"] * 4
    + ["webmail.co.za", "mweb.co.za", "telkomsa.net", "outlook.com", "icloud.com"],
    places=[
        Place(
            "Pargo Point - Clicks Sea Point, 150 Main Rd, Sea Point",
            "Cape Town",
            "8005",
            "pickup point",
        ),
        Place(
            "PUDO Locker - Engen Kloof Street, 88 Kloof St, Gardens",
            "Cape Town",
            "8001",
            "parcel locker",
        ),
        Place(
            "Karoo Analytics (Pty) Ltd, 3rd Floor, 140 West Street, Sandown",
            "Sandton",
            "2196",
            "office",
            "karooanalytics.co.za",
        ),
    ],
    alike=[("Naidoo", "Naicker"), ("van Wyk", "van Zyl")],
    middle="second",
)


def _au_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 420)), "u": str(rng.randint(1, 24))}


AU = Country(
    code="AU",
    male=[
        G("Matthew||Matt"),
        G("Christopher||Chris"),
        G("Daniel||Dan,Danny"),
        G("Robert||Rob,Bob"),
        G("Andrew||Andy,Drew"),
        G("Benjamin||Ben"),
        G("Jonathan||Jono,Jon"),
        G("Thomas||Tom"),
        G("Joshua||Josh"),
        G("Nicholas||Nick"),
        G("Stephen||Steve"),
        G("Lachlan||Lachie"),
    ],
    female=[
        G("Katherine||Kate,Katie"),
        G("Elizabeth||Liz,Lizzie"),
        G("Jessica||Jess"),
        G("Rebecca||Bec,Becky"),
        G("Alexandra||Alex,Lexi"),
        G("Charlotte||Charlie"),
        G("Emily||Em"),
        G("Georgia||Georgie"),
        G("Michelle||Shell"),
        G("Olivia||Liv"),
        G("Stephanie||Steph"),
        G("Sarah"),
    ],
    families=[
        F("Smith"),
        F("Jones"),
        F("Williams"),
        F("Brown"),
        F("Wilson"),
        F("Taylor"),
        F("Nguyen"),
        F("Martin"),
        F("White"),
        F("Anderson"),
        F("Walker"),
        F("Thompson"),
        F("Thomson"),
        F("Ryan"),
        F("Kelly"),
        F("Harris"),
        F("Harrison"),
        F("Chen"),
        F("Wright"),
        F("Papadopoulos"),
    ],
    cities=[
        C(
            "Fitzroy,Fitzroy VIC,FITZROY",
            "3065",
            (S("Brunswick Street,Brunswick St"), S("Smith Street,Smith St")),
        ),
        C(
            "Brunswick,Brunswick VIC,BRUNSWICK",
            "3056",
            (S("Sydney Road,Sydney Rd"), S("Lygon Street,Lygon St")),
        ),
        C(
            "Surry Hills,Surry Hills NSW,SURRY HILLS",
            "2010",
            (S("Crown Street,Crown St"), S("Bourke Street,Bourke St")),
        ),
        C(
            "Kensington,Kensington NSW",
            "2033",
            (S("Anzac Parade,Anzac Pde"), S("Todman Avenue,Todman Ave")),
        ),
        C(
            "Paddington,Paddington QLD",
            "4064",
            (S("Given Terrace,Given Tce"), S("Latrobe Terrace,Latrobe Tce")),
        ),
        C(
            "Fremantle,Fremantle WA",
            "6160",
            (S("Marine Terrace,Marine Tce"), S("High Street,High St")),
        ),
    ],
    addr=[
        "{u}/{n} {s}",
        "Unit {u}, {n} {s}",
        "Unit {u} {n} {s}",
        "U{u}/{n} {s}",
        "Apt {u}, {n} {s}",
    ],
    addr_plain=["{n} {s}"],
    unit_p=0.5,
    av=_au_av,
    mobile=["4"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "paren0", "space"],
    mail=["gmail.com"] * 4
    + ["bigpond.com", "bigpond.com", "outlook.com", "hotmail.com", "optusnet.com.au", "icloud.com"],
    places=[
        Place(
            "Parcel Locker 10193 (APCN {id}), 290 Smith St", "Fitzroy VIC", "3065", "parcel locker"
        ),
        Place(
            "Parcel Collect - Crown St Newsagency, 480 Crown St",
            "Surry Hills NSW",
            "2010",
            "pickup point",
        ),
        Place(
            "Wattle Analytics Pty Ltd, Level 12, 123 Pitt Street",
            "Sydney NSW",
            "2000",
            "office",
            "wattleanalytics.com.au",
        ),
    ],
    alike=[("Thompson", "Thomson"), ("Harris", "Harrison")],
    middle="initial",
)

COUNTRIES = [MA, DZ, ZA, AU]
