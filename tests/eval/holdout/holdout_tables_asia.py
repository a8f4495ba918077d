"""Country tables for the hold-out set: IN, PK, IR, KR, JP, IL."""

from __future__ import annotations

import random
from typing import Any

from holdout_model import C, Country, F, G, Place, S


def _in_av(rng: random.Random) -> dict[str, Any]:
    b = rng.choice(
        [
            "Sai Krupa Apartments",
            "Green Park Residency",
            "Shanti Niketan Apartments",
            "Lake View Enclave",
            "Sunrise Towers",
            "Brindavan Heights",
        ]
    )
    return {
        "n": str(rng.randint(1, 480)),
        "f": str(rng.randint(1, 14)),
        "d": str(rng.randint(1, 8)),
        "w": rng.choice("ABCD"),
        "b": b,
    }


_IN_TMPL = (
    "Flat {f}0{d}, {w} Block, {b}, {s}, {a}",
    "{f}0{d}, {w}-Block, {b}, {s}, {a}",
    "Flat No. {f}0{d}, Block {w}, {b}, {s}, {a}",
)
_IN_PLAIN = ("#{n}, {s}, {a}", "No. {n}, {s}, {a}", "H.No. {n}, {s}, {a}")


def _in(spec: str, area: str, pcs: str) -> Any:
    return S(spec, area=area, pcs=pcs, tmpl=_IN_TMPL, tmpl_plain=_IN_PLAIN)


IN = Country(
    code="IN",
    male=[
        G("Venkatesh||Venky", "s"),
        G("Srinivas,Shrinivas,Srinivasa||Srini,Seenu", "s"),
        G("Subramanian,Subramaniam||Subbu", "s"),
        G("Karthik,Karthick,Kartik", "s"),
        G("Rajesh||Raju", "nes"),
        G("Abhishek||Abhi", "ne"),
        G("Vikram||Vicky", "nes"),
        G("Siddharth,Siddhartha||Sid", "nes"),
        G("Aditya||Adi", "nes"),
        G("Rahul", "ne"),
        G("Amit", "ne"),
        G("Sandeep", "nes"),
        G("Mohammed,Mohammad,Mohd.", "m"),
        G("Imran", "m"),
    ],
    female=[
        G("Lakshmi,Laxmi", "s"),
        G("Kavitha,Kavita||Kavi", "s"),
        G("Meenakshi||Meenu", "s"),
        G("Priyanka||Priya", "nes"),
        G("Deepika||Deepu", "nes"),
        G("Pooja,Puja", "nes"),
        G("Shreya,Sreya", "nes"),
        G("Swati,Swathi", "nes"),
        G("Sunita", "ne"),
        G("Ananya", "nes"),
        G("Divya", "nes"),
        G("Neha", "ne"),
        G("Ayesha,Aisha", "m"),
        G("Farah", "m"),
    ],
    families=[
        F("Sharma", "n"),
        F("Verma", "n"),
        F("Patel", "n"),
        F("Patil", "n"),
        F("Kumar", "n"),
        F("Singh", "n"),
        F("Gupta", "n"),
        F("Agarwal,Aggarwal,Agrawal", "n"),
        F("Mehta", "n"),
        F("Mehra", "n"),
        F("Joshi", "n"),
        F("Banerjee", "e"),
        F("Mukherjee", "e"),
        F("Das", "e"),
        F("Reddy", "s"),
        F("Iyer", "s"),
        F("Iyengar", "s"),
        F("Nair", "s"),
        F("Rao", "s"),
        F("Menon", "s"),
        F("Ramasamy,Ramaswamy", "s"),
        F("Krishnan", "s"),
        F("Natarajan", "s"),
        F("Khan", "m"),
        F("Qureshi", "m"),
        F("Sheikh,Shaikh", "m"),
    ],
    cities=[
        C(
            "Bengaluru,Bangalore,Bengaluru, Karnataka",
            "",
            (
                _in("100 Feet Road,100 Ft Rd,100ft Road", "Indiranagar", "560038"),
                _in("5th Main Road,5th Main Rd,5th Main", "HSR Layout", "560102"),
                _in("80 Feet Road,80 Ft Road,80ft Rd", "Koramangala 4th Block", "560034"),
                _in("Whitefield Main Road,Whitefield Main Rd", "Whitefield", "560066"),
            ),
        ),
        C(
            "Mumbai,Bombay,Mumbai, Maharashtra",
            "",
            (
                _in("Hill Road,Hill Rd", "Bandra West", "400050"),
                _in("Linking Road,Linking Rd", "Santacruz West", "400054"),
                _in("S.V. Road,SV Road,Swami Vivekanand Road", "Andheri West", "400058"),
            ),
        ),
        C(
            "New Delhi,Delhi",
            "",
            (
                _in("Ring Road,Ring Rd", "Lajpat Nagar IV", "110024"),
                _in("Sri Aurobindo Marg,Aurobindo Marg", "Hauz Khas", "110016"),
            ),
        ),
        C(
            "Chennai,Madras,Chennai, Tamil Nadu",
            "",
            (
                _in("Usman Road,Usman Rd", "T. Nagar", "600017"),
                _in("Anna Salai,Mount Road", "Teynampet", "600018"),
            ),
        ),
        C(
            "Hyderabad,Hyderabad, Telangana",
            "",
            (
                _in("Road No. 12,Rd No 12,Road No 12", "Banjara Hills", "500034"),
                _in("Road No. 36,Rd No 36", "Jubilee Hills", "500033"),
            ),
        ),
    ],
    addr=list(_IN_TMPL),
    addr_plain=list(_IN_PLAIN),
    unit_p=0.6,
    av=_in_av,
    house_keys=("n", "b", "w"),
    mobile=["98", "99", "97", "96", "95", "94", "93", "91", "90", "88", "87", "86", "70", "63"],
    nsn=(10,),
    phone_styles=["nsn", "natd", "intl", "e164", "ccdash", "cc"],
    pc_variants=lambda pc: [pc, pc[:3] + " " + pc[3:]],
    mail=["gmail.com"] * 5 + ["yahoo.co.in", "rediffmail.com", "outlook.com", "hotmail.com"],
    places=[
        Place(
            "Amazon Locker - Phoenix Marketcity, Whitefield Main Road, Mahadevapura",
            "Bengaluru",
            "560048",
            "parcel locker",
        ),
        Place(
            "Blue Dart Counter, Shop 4, Linking Road, Bandra West",
            "Mumbai",
            "400050",
            "pickup point",
        ),
        Place(
            "Infocrest Technologies Pvt. Ltd., 6th Floor, Tower B, Embassy Tech Village, "
            "Outer Ring Road",
            "Bengaluru",
            "560103",
            "office",
            "infocrest.co.in",
        ),
    ],
    alike=[
        ("Sharma", "Verma"),
        ("Mehta", "Mehra"),
        ("Patel", "Patil"),
        ("Iyer", "Iyengar"),
        ("Banerjee", "Mukherjee"),
    ],
    middle="initial_first",
    middles=["Ramasamy", "Krishnan", "Natarajan"],
    spouse_keeps=0.2,
)


_PK_TMPL = (
    "Flat {f}0{d}, {b}, {s}, {a}",
    "Flat # {f}0{d}, {b}, {s}, {a}",
    "Flat No. {f}0{d}, {b}, {s}, {a}",
)
_PK_PLAIN = (
    "House No. {n}, {s}, {a}",
    "H# {n}, {s}, {a}",
    "House {n}, {s}, {a}",
    "H.No. {n}, {s}, {a}",
)


def _pk(spec: str, area: str, pcs: str) -> Any:
    return S(spec, area=area, pcs=pcs, tmpl=_PK_TMPL, tmpl_plain=_PK_PLAIN)


def _pk_av(rng: random.Random) -> dict[str, Any]:
    n = str(rng.randint(1, 420))
    if rng.random() < 0.3:
        n += "-" + rng.choice("ABC")
    b = rng.choice(["Al-Noor Heights", "Saima Towers", "Crystal Residency", "Falak Naz Plaza"])
    return {"n": n, "f": str(rng.randint(1, 9)), "d": str(rng.randint(1, 6)), "b": b}


PK = Country(
    code="PK",
    male=[
        G("Muhammad Usman,Mohammad Usman,M. Usman|محمد عثمان|Usman|عثمان"),
        G("Muhammad Bilal,Mohammad Bilal,M. Bilal|محمد بلال|Bilal|بلال"),
        G("Muhammad Imran,Mohammad Imran,M. Imran|محمد عمران|Imran|عمران"),
        G("Ahmed Raza,Ahmad Raza|احمد رضا"),
        G("Ali Hassan,Ali Hasan|علی حسن"),
        G("Hamza|حمزہ"),
        G("Abdul Rehman,Abdur Rehman,Abdul Rahman|عبدالرحمن"),
        G("Zeeshan,Zishan|ذیشان|Shani|شانی"),
        G("Faisal|فیصل"),
        G("Kashif|کاشف"),
        G("Waqas|وقاص"),
        G("Adnan|عدنان"),
    ],
    female=[
        G("Ayesha,Aisha|عائشہ"),
        G("Fatima,Fatimah|فاطمہ"),
        G("Sana|ثنا"),
        G("Hina|حنا"),
        G("Maryam,Mariam|مریم"),
        G("Sadia|سعدیہ"),
        G("Nida|ندا"),
        G("Rabia|رابعہ"),
        G("Amna|آمنہ"),
        G("Zainab|زینب"),
        G("Mehwish|مہوش"),
        G("Saima|صائمہ"),
    ],
    families=[
        F("Khan|خان"),
        F("Malik|ملک"),
        F("Qureshi|قریشی"),
        F("Siddiqui,Siddiqi|صدیقی"),
        F("Chaudhry,Chaudhary,Ch.|چوہدری"),
        F("Butt|بٹ"),
        F("Sheikh,Shaikh|شیخ"),
        F("Hussain,Hussein|حسین"),
        F("Awan|اعوان"),
        F("Mirza|مرزا"),
        F("Abbasi|عباسی"),
        F("Javed|جاوید"),
        F("Ansari|انصاری"),
        F("Rana|رانا"),
    ],
    cities=[
        C(
            "Islamabad|اسلام آباد",
            "",
            (
                _pk("Street 12,St. 12,St# 12,Gali No. 12", "F-7/2", "44000"),
                _pk("Street 31,St. 31,St# 31,Gali No. 31", "G-9/4", "44090"),
                _pk("Street 5,St. 5,St# 5,Gali No. 5", "E-11/3", "44000"),
            ),
        ),
        C(
            "Lahore|لاہور",
            "",
            (
                _pk("Block C,Blk C,C Block", "Gulberg III", "54660"),
                _pk("Block H,Blk H,H Block", "DHA Phase 5", "54792"),
                _pk("Block J,Blk J,J Block", "Johar Town", "54782"),
            ),
        ),
        C(
            "Karachi|کراچی",
            "",
            (
                _pk("Block 13-D,Blk 13-D,Block 13 D", "Gulshan-e-Iqbal", "75300"),
                _pk("Block 2,Blk 2", "Clifton", "75600"),
            ),
        ),
        C(
            "Rawalpindi,Pindi|راولپنڈی",
            "",
            (_pk("Street 7,St. 7,St# 7", "Satellite Town", "46300"),),
        ),
    ],
    addr=list(_PK_TMPL),
    addr_plain=list(_PK_PLAIN),
    unit_p=0.25,
    av=_pk_av,
    house_keys=("n", "b"),
    mobile=["300", "301", "302", "303", "311", "312", "313", "321", "322", "333", "334", "345"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "intl_dash", "dash", "cc"],
    nat_phone_styles=["fa", "fad"],
    mail=["gmail.com"] * 5 + ["yahoo.com", "hotmail.com", "outlook.com"],
    places=[
        Place("TCS Express Centre, Jinnah Avenue, Blue Area", "Islamabad", "44000", "pickup point"),
        Place("Leopards Courier Office, Main Boulevard Gulberg", "Lahore", "54660", "pickup point"),
        Place(
            "Indus Softworks (Pvt) Ltd, 3rd Floor, Arfa Software Technology Park, Ferozepur Road",
            "Lahore",
            "54600",
            "office",
            "indussoftworks.pk",
        ),
    ],
    alike=[("Qureshi", "Siddiqui")],
    spouse_keeps=0.6,
)


def _ir_fill(rng: random.Random, prefix: str) -> str:
    digits = prefix
    while len(digits) < 5:
        digits += rng.choice("13456789")
    digits += "".join(rng.choice("0123456789") for _ in range(5))
    return digits


def _ir_variants(pc: str) -> list[str]:
    return [pc, pc[:5] + "-" + pc[5:]]


def _ir_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(1, 160)),
        "k": str(rng.randint(1, 40)),
        "f": str(rng.randint(1, 16)),
    }


IR = Country(
    code="IR",
    male=[
        G("Mohammad,Mohammed,Mohamad|محمد|Mamad|ممد"),
        G("Mohammadreza,Mohammad Reza,Mohammad-Reza|محمدرضا|Reza|رضا"),
        G("Alireza,Ali Reza,Ali-Reza|علیرضا"),
        G("Hossein,Hosein,Hussein|حسین"),
        G("Mehdi,Mahdi|مهدی"),
        G("Amirhossein,Amir Hossein,Amir-Hossein|امیرحسین|Amir|امیر"),
        G("Mostafa,Mustafa|مصطفی"),
        G("Saeed,Saeid,Said|سعید"),
        G("Hamid|حمید"),
        G("Behnam|بهنام"),
        G("Kourosh,Kurosh,Kurush|کوروش"),
        G("Mahmoud,Mahmood|محمود"),
    ],
    female=[
        G("Fatemeh,Fateme,Fatima|فاطمه|Fati|فاطی"),
        G("Zahra|زهرا"),
        G("Maryam|مریم"),
        G("Narges|نرگس"),
        G("Shirin|شیرین"),
        G("Leila,Leyla,Laila|لیلا"),
        G("Parisa|پریسا"),
        G("Mahsa|مهسا"),
        G("Nazanin|نازنین|Nazi|نازی"),
        G("Sara,Sarah|سارا"),
        G("Elham|الهام"),
        G("Somayeh,Somaye,Somayyeh|سمیه"),
    ],
    families=[
        F("Hosseini,Hoseini,Husseini|حسینی"),
        F("Mohammadi,Mohamadi|محمدی"),
        F("Ahmadi|احمدی"),
        F("Rezaei,Rezaee,Rezaie|رضایی"),
        F("Moradi|مرادی"),
        F("Karimi|کریمی"),
        F("Rahimi|رحیمی"),
        F("Jafari,Jafary,Ja'fari|جعفری"),
        F("Sadeghi,Sadeqi|صادقی"),
        F("Hashemi|هاشمی"),
        F("Kazemi,Kazemy|کاظمی"),
        F("Ghorbani,Qorbani|قربانی"),
        F("Najafi|نجفی"),
        F("Akbari|اکبری"),
        F("Tehrani|تهرانی"),
    ],
    cities=[
        C(
            "Tehran,Teheran|تهران",
            "1",
            (
                S(
                    "Valiasr St.,Valiasr Street,Vali Asr St,Khiaban-e Valiasr"
                    "|خیابان ولیعصر,خ ولیعصر,ولیعصر"
                ),
                S("Shariati St.,Shariati Street,Khiaban-e Shariati|خیابان شریعتی,خ شریعتی,شریعتی"),
                S("Mirdamad Blvd.,Mirdamad Boulevard,Bolvar-e Mirdamad|بلوار میرداماد,میرداماد"),
                S("Enghelab St.,Enqelab Street|خیابان انقلاب,خ انقلاب"),
            ),
        ),
        C(
            "Isfahan,Esfahan|اصفهان",
            "81",
            (
                S("Chaharbagh-e Abbasi St.,Chahar Bagh Abbasi|خیابان چهارباغ عباسی,چهارباغ عباسی"),
                S("Hakim Nezami St.,Hakim Nezami Street|خیابان حکیم نظامی,خ حکیم نظامی"),
            ),
        ),
        C(
            "Shiraz|شیراز",
            "71",
            (
                S("Zand Blvd.,Zand Boulevard|بلوار زند,خیابان زند"),
                S("Molla Sadra St.,Molasadra St.|خیابان ملاصدرا,ملاصدرا"),
            ),
        ),
        C(
            "Mashhad,Mashad|مشهد",
            "91",
            (
                S("Ahmadabad St.,Ahmad Abad Street|خیابان احمدآباد,احمدآباد"),
                S("Sajjad Blvd.,Sajad Blvd|بلوار سجاد"),
            ),
        ),
        C("Tabriz|تبریز", "51", (S("Imam St.,Emam Street|خیابان امام,خ امام"),)),
    ],
    addr=[
        "{s}, Alley {k}, No. {n}, Unit {f}",
        "{s}, Koocheh {k}, Pelak {n}, Vahed {f}",
        "{s}, Alley {k}, No. {n}, Apt {f}",
    ],
    addr_plain=[
        "{s}, Alley {k}, No. {n}",
        "{s}, Koocheh {k}, Pelak {n}",
        "{s}, Kuche {k}, Plak {n}",
    ],
    addr_nat=[
        "{s}، کوچه {k}، پلاک {n}، واحد {f}",
        "{s}، کوچه {k}، پ {n}، واحد {f}",
        "{s} کوچه {k} پلاک {n} واحد {f}",
    ],
    addr_nat_plain=["{s}، کوچه {k}، پلاک {n}", "{s} کوچه {k} پلاک {n}"],
    unit_p=0.6,
    av=_ir_av,
    house_keys=("n", "k"),
    mobile=["912", "913", "919", "935", "936", "937", "938", "939", "901", "902", "990", "921"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "00"],
    nat_phone_styles=["fa", "fad", "fa"],
    pc_fill=_ir_fill,
    pc_variants=_ir_variants,
    mail=["gmail.com"] * 5 + ["yahoo.com", "yahoo.com", "chmail.ir", "outlook.com"],
    places=[
        Place(
            "Pars Negin Co., Valiasr St., No. 2450, Floor 5",
            "Tehran",
            "1967917711",
            "office",
            "parsnegin.ir",
        ),
        Place(
            "Post Office Pishtaz Counter, Hakim Nezami St., No. 12",
            "Isfahan",
            "8174673111",
            "pickup point",
        ),
    ],
    alike=[("Karimi", "Rahimi"), ("Mohammadi", "Ahmadi"), ("Kazemi", "Hashemi")],
    nat_digits="persian",
    spouse_keeps=1.0,
)


def _kr_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(1, 420)),
        "dong": str(rng.randint(101, 115)),
        "ho": str(rng.randint(1, 25) * 100 + rng.randint(1, 6)),
    }


KR = Country(
    code="KR",
    names="eastern",
    latin_order="fg",
    male=[
        G("Min-jun,Minjun,Min Jun|민준"),
        G("Seo-jun,Seojun,Seo Jun|서준"),
        G("Ji-hoon,Jihoon,Ji Hoon,Jihun|지훈"),
        G("Hyun-woo,Hyunwoo,Hyeon-u|현우"),
        G("Dong-hyun,Donghyun,Dong Hyun|동현"),
        G("Sung-min,Sungmin,Seong-min|성민"),
        G("Jae-won,Jaewon,Jae Won|재원"),
        G("Young-ho,Youngho,Yeong-ho|영호"),
        G("Sang-woo,Sangwoo,Sang-u|상우"),
        G("Jun-ho,Junho,Jun Ho|준호"),
    ],
    female=[
        G("Seo-yeon,Seoyeon,Seo Yeon|서연"),
        G("Ji-woo,Jiwoo,Ji-u|지우"),
        G("Min-seo,Minseo,Min Seo|민서"),
        G("Ha-eun,Haeun,Ha Eun|하은"),
        G("Ji-yeon,Jiyeon,Ji Yeon|지연"),
        G("Eun-ji,Eunji,Eun Ji|은지"),
        G("Soo-jin,Soojin,Su-jin|수진"),
        G("Hye-jin,Hyejin,Hye Jin|혜진"),
        G("Yu-na,Yuna,Yoona|유나"),
        G("Mi-kyung,Mikyung,Mi-gyeong|미경"),
    ],
    families=[
        F("Kim,Gim|김"),
        F("Lee,Yi,Rhee|이"),
        F("Park,Pak,Bak|박"),
        F("Choi,Choe|최"),
        F("Cho,Jo|조"),
        F("Jung,Jeong,Chung|정"),
        F("Kang,Gang|강"),
        F("Jang,Chang|장"),
        F("Yoon,Yun|윤"),
        F("Lim,Im|임"),
        F("Han|한"),
        F("Shin,Sin|신"),
        F("Oh|오"),
        F("Seo,Suh|서"),
    ],
    cities=[
        C(
            "Seoul,Seoul-si,Seoul Special City|서울특별시,서울,서울시",
            "",
            (
                S(
                    "Teheran-ro,Teheranno|테헤란로",
                    area=("Gangnam-gu", "강남구"),
                    pcs="06236,06164",
                ),
                S("Dosan-daero,Dosandaero|도산대로", area=("Gangnam-gu", "강남구"), pcs="06040"),
                S("Olympic-ro,Olympicro|올림픽로", area=("Songpa-gu", "송파구"), pcs="05551"),
                S("Mapo-daero,Mapodaero|마포대로", area=("Mapo-gu", "마포구"), pcs="04175"),
            ),
        ),
        C(
            "Busan,Pusan,Busan-si|부산광역시,부산",
            "",
            (
                S("Haeundae-ro,Haeundaero|해운대로", area=("Haeundae-gu", "해운대구"), pcs="48094"),
                S("Jungang-daero,Jungangdaero|중앙대로", area=("Dong-gu", "동구"), pcs="48729"),
            ),
        ),
        C(
            "Incheon,Inchon|인천광역시,인천",
            "",
            (
                S(
                    "Convensia-daero,Convensiadaero|컨벤시아대로",
                    area=("Yeonsu-gu", "연수구"),
                    pcs="21998",
                ),
            ),
        ),
    ],
    addr=[
        "{n} {s}, {a}, {dong}-dong {ho}-ho",
        "{n}, {s}, {a}, Apt. {dong}-{ho}",
        "{a}, {s} {n}, {dong}-{ho}",
    ],
    addr_plain=["{n} {s}, {a}", "{a}, {s} {n}"],
    addr_nat=[
        "{a} {s} {n}, {dong}동 {ho}호",
        "{a} {s} {n} {dong}동 {ho}호",
        "{a} {s} {n} {dong}-{ho}",
    ],
    addr_nat_plain=["{a} {s} {n}"],
    unit_p=0.7,
    av=_kr_av,
    mobile=["102", "103", "104", "105", "106", "107", "108", "109"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "space", "dash"],
    nat_phone_styles=["nat", "natd"],
    mail=["naver.com"] * 3
    + ["gmail.com"] * 3
    + ["daum.net", "hanmail.net", "kakao.com", "nate.com"],
    places=[
        Place("GS25 편의점택배 강남역점, 강남대로 396", "서울특별시", "06232", "pickup point"),
        Place(
            "(주)한빛데이터 12층, 테헤란로 427",
            "서울특별시",
            "06159",
            "office",
            "hanbitdata.co.kr",
        ),
    ],
    alike=[("Cho", "Choi"), ("Kang", "Jang")],
    spouse_keeps=1.0,
)


def _jp_av(rng: random.Random) -> dict[str, Any]:
    bld = rng.choice(
        [
            ("Sun Heights", "サンハイツ"),
            ("Maison Aoyama", "メゾン青山"),
            ("Corpo Sakura", "コーポさくら"),
            ("Grand Palace", "グランドパレス"),
            ("Lions Mansion", "ライオンズマンション"),
        ]
    )
    return {
        "c": str(rng.randint(1, 4)),
        "b": str(rng.randint(1, 28)),
        "g": str(rng.randint(1, 18)),
        "bld": bld,
        "r": str(rng.randint(1, 9) * 100 + rng.randint(1, 8)),
    }


def _jp_variants(pc: str) -> list[str]:
    return [pc, pc.replace("-", ""), "〒" + pc]


JP = Country(
    code="JP",
    names="eastern",
    latin_order="gf",
    male=[
        G("Hiroshi|浩,ヒロシ"),
        G("Takashi|隆,タカシ"),
        G("Kenji|健二,ケンジ"),
        G("Daisuke|大輔,ダイスケ"),
        G("Shota,Shouta,Shōta|翔太,ショウタ"),
        G("Kazuki|和樹,カズキ"),
        G("Takuya|拓也,タクヤ"),
        G("Ryota,Ryouta,Ryōta|亮太,リョウタ"),
        G("Kenta|健太,ケンタ"),
        G("Tetsuya|哲也,テツヤ"),
        G("Makoto|誠,マコト"),
        G("Yusuke,Yuusuke,Yūsuke|雄介,ユウスケ"),
    ],
    female=[
        G("Yuko,Yuuko,Yūko|裕子,ユウコ"),
        G("Akiko|明子,アキコ"),
        G("Keiko|恵子,ケイコ"),
        G("Naomi|直美,ナオミ"),
        G("Yui|結衣,ユイ"),
        G("Haruka|遥,ハルカ"),
        G("Misaki|美咲,ミサキ"),
        G("Ayumi|あゆみ,アユミ"),
        G("Sakura|さくら,サクラ"),
        G("Megumi|恵,メグミ"),
        G("Tomoko|智子,トモコ"),
        G("Mai|舞,マイ"),
    ],
    families=[
        F("Sato,Satou,Satō|佐藤,サトウ"),
        F("Kato,Katou,Katō|加藤,カトウ"),
        F("Suzuki|鈴木,スズキ"),
        F("Takahashi|高橋,タカハシ"),
        F("Tanaka|田中,タナカ"),
        F("Watanabe|渡辺,ワタナベ"),
        F("Ito,Itou,Itō|伊藤,イトウ"),
        F("Yamamoto|山本,ヤマモト"),
        F("Yamada|山田,ヤマダ"),
        F("Nakamura|中村,ナカムラ"),
        F("Kobayashi|小林,コバヤシ"),
        F("Yoshida|吉田,ヨシダ"),
        F("Sasaki|佐々木,ササキ"),
        F("Matsumoto|松本,マツモト"),
    ],
    cities=[
        C(
            "Shibuya-ku, Tokyo,Shibuya, Tokyo,Shibuya-ku|東京都渋谷区,渋谷区",
            "",
            (
                S("Jinnan|神南", pcs="150-0041"),
                S("Ebisu|恵比寿", pcs="150-0013"),
                S("Sasazuka|笹塚", pcs="151-0073"),
            ),
        ),
        C(
            "Setagaya-ku, Tokyo,Setagaya, Tokyo|東京都世田谷区,世田谷区",
            "",
            (S("Sangenjaya|三軒茶屋", pcs="154-0024"), S("Kitazawa|北沢", pcs="155-0031")),
        ),
        C(
            "Shinjuku-ku, Tokyo,Shinjuku, Tokyo|東京都新宿区,新宿区",
            "",
            (S("Nishi-Shinjuku|西新宿", pcs="160-0023"),),
        ),
        C(
            "Kita-ku, Osaka,Osaka-shi Kita-ku|大阪府大阪市北区,大阪市北区",
            "",
            (S("Umeda|梅田", pcs="530-0001"), S("Tenjinbashi|天神橋", pcs="530-0041")),
        ),
        C(
            "Naka-ku, Yokohama,Yokohama|神奈川県横浜市中区,横浜市中区",
            "",
            (S("Yamashita-cho|山下町", pcs="231-0023"),),
        ),
    ],
    addr=["{bld} {r}, {c}-{b}-{g} {s}", "{c}-{b}-{g} {s}, {bld} #{r}", "{c}-{b}-{g}-{r} {s}"],
    addr_plain=["{c}-{b}-{g} {s}", "{s} {c}-{b}-{g}"],
    addr_nat=["{s}{c}-{b}-{g} {bld}{r}号室", "{s}{c}丁目{b}番{g}号 {bld}{r}", "{s}{c}-{b}-{g}-{r}"],
    addr_nat_plain=["{s}{c}-{b}-{g}", "{s}{c}丁目{b}番{g}号"],
    unit_p=0.6,
    av=_jp_av,
    house_keys=("c", "b", "g", "bld"),
    mobile=["90", "80", "70"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "space"],
    nat_phone_styles=["nat", "natd", "fw"],
    pc_variants=_jp_variants,
    mail=["gmail.com"] * 3
    + ["yahoo.co.jp", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "icloud.com"],
    places=[
        Place(
            "ファミリーマート渋谷神南店 店頭受取, 神南1-21-3",
            "東京都渋谷区",
            "150-0041",
            "pickup point",
        ),
        Place(
            "PUDOステーション 新宿駅西口, 西新宿1-1-3", "東京都新宿区", "160-0023", "parcel locker"
        ),
        Place(
            "株式会社アオバ設計 8階, 梅田2-4-9",
            "大阪府大阪市北区",
            "530-0001",
            "office",
            "aoba-sekkei.co.jp",
        ),
    ],
    alike=[("Sato", "Kato"), ("Yamada", "Yamamoto")],
)


def _il_fill(rng: random.Random, prefix: str) -> str:
    return prefix + "".join(rng.choice("0123456789") for _ in range(7 - len(prefix)))


def _il_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 220)), "u": str(rng.randint(1, 32))}


IL = Country(
    code="IL",
    male=[
        G("Yosef,Yossef,Joseph|יוסף|Yossi,Yosi|יוסי"),
        G("Avraham,Abraham|אברהם|Avi|אבי"),
        G("Moshe|משה|Moshik|מושיק"),
        G("Yitzhak,Itzhak,Yitzchak|יצחק|Itzik,Tzachi|איציק,צחי"),
        G("Shmuel|שמואל|Shmulik,Shmuli|שמוליק"),
        G("Michael|מיכאל|Miki|מיקי"),
        G("Daniel|דניאל|Dani|דני"),
        G("David|דוד|Dudi|דודי"),
        G("Eliyahu,Eliahu|אליהו|Eli|אלי"),
        G("Yaakov,Yaacov,Jacob|יעקב|Kobi|קובי"),
        G("Amit|עמית"),
        G("Noam|נועם"),
    ],
    female=[
        G("Rivka,Rivkah,Rebecca|רבקה|Riki|ריקי"),
        G("Sara,Sarah|שרה"),
        G("Michal|מיכל"),
        G("Noa|נועה"),
        G("Tamar|תמר|Tami|תמי"),
        G("Yael|יעל"),
        G("Shira|שירה"),
        G("Efrat|אפרת"),
        G("Orly,Orli|אורלי"),
        G("Hadas|הדס"),
        G("Yehudit,Judith|יהודית|Judy|ג'ודי"),
        G("Ayelet|איילת"),
    ],
    families=[
        F("Cohen,Kohen|כהן"),
        F("Levi,Levy|לוי"),
        F("Mizrahi,Mizrachi|מזרחי"),
        F("Peretz,Perez|פרץ"),
        F("Biton|ביטון"),
        F("Dahan|דהן"),
        F("Friedman|פרידמן"),
        F("Azoulay,Azulay|אזולאי"),
        F("Katz|כץ"),
        F("Shapira,Shapiro|שפירא"),
        F("Ben David,Ben-David|בן דוד"),
        F("Avraham|אברהם"),
        F("Malka|מלכה"),
        F("Ohayon|אוחיון"),
        F("Gabay,Gabai|גבאי"),
        F("Levin|לוין"),
        F("Dayan|דיין"),
    ],
    cities=[
        C(
            "Tel Aviv,Tel Aviv-Yafo,Tel Aviv-Jaffa|תל אביב,תל אביב-יפו,תל אביב יפו",
            "64,63,62",
            (
                S("Dizengoff St,Dizengoff Street,Rehov Dizengoff|רחוב דיזנגוף,רח' דיזנגוף,דיזנגוף"),
                S("Ibn Gvirol St,Ibn Gabirol Street|רחוב אבן גבירול,רח' אבן גבירול,אבן גבירול"),
                S(
                    "Rothschild Blvd,Rothschild Boulevard,Sderot Rothschild"
                    "|שדרות רוטשילד,שד' רוטשילד"
                ),
                S("Ben Yehuda St,Ben Yehuda Street|רחוב בן יהודה,רח' בן יהודה,בן יהודה"),
            ),
        ),
        C(
            "Jerusalem,Yerushalayim|ירושלים,י-ם",
            "94,93,91",
            (
                S("Jaffa Rd,Jaffa Road,Derech Yafo|דרך יפו"),
                S("Emek Refaim St,Emek Refaim|רחוב עמק רפאים,עמק רפאים"),
                S("Azza St,Aza Street|רחוב עזה,רח' עזה,עזה"),
            ),
        ),
        C(
            "Haifa|חיפה",
            "34,33",
            (
                S("Herzl St,Herzl Street,Rehov Herzl|רחוב הרצל,רח' הרצל,הרצל"),
                S("Moriah Blvd,Sderot Moriah|שדרות מוריה,שד' מוריה"),
            ),
        ),
        C(
            "Beersheba,Be'er Sheva,Beer Sheva|באר שבע",
            "84",
            (S("Rager Blvd,Sderot Rager|שדרות רגר,שד' רגר"),),
        ),
    ],
    addr=["{s} {n}, Apt {u}", "{n} {s}, Apt. {u}", "{s} {n}/{u}"],
    addr_plain=["{s} {n}", "{n} {s}"],
    addr_nat=["{s} {n} דירה {u}", "{s} {n}/{u}", "{s} {n}, דירה {u}"],
    addr_nat_plain=["{s} {n}"],
    unit_p=0.7,
    av=_il_av,
    mobile=["50", "52", "53", "54", "55", "58"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "space"],
    nat_phone_styles=["nat", "natd"],
    pc_fill=_il_fill,
    mail=["gmail.com"] * 5 + ["walla.co.il", "hotmail.com", "outlook.com", "bezeqint.net"],
    places=[
        Place(
            "נקודת איסוף - סופר-פארם דיזנגוף סנטר, דיזנגוף 50", "תל אביב", "6433222", "pickup point"
        ),
        Place("Israel Post Parcel Locker, Jaffa Rd 23", "Jerusalem", "9414103", "parcel locker"),
        Place(
            "Mivtach Data Ltd., Derech Menachem Begin 132, 21st floor",
            "Tel Aviv",
            "6701101",
            "office",
            "mivtachdata.co.il",
        ),
    ],
    alike=[("Levi", "Levin"), ("Dahan", "Dayan")],
    spouse_keeps=0.1,
)

COUNTRIES = [IN, PK, IR, KR, JP, IL]
