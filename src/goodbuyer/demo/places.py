"""Addresses Faker cannot make: Egypt, Saudi Arabia, the Emirates and Morocco, in Arabic
script and in the Latin spelling people type just as often."""
# ruff: noqa: E501

from __future__ import annotations

import random
from dataclasses import dataclass

Bi = tuple[str, str]  # (Arabic script, Latin spelling)


@dataclass(frozen=True, slots=True)
class City:
    name: Bi
    postcode: str  # "" where postcodes are not used
    region: Bi
    districts: tuple[Bi, ...]


# city=Latin | postcode | region=Latin | district=Latin, district=Latin
_EG = """القاهرة=Cairo|11511|القاهرة=Cairo|مدينة نصر=Nasr City,المعادي=Maadi,مصر الجديدة=Heliopolis,الزمالك=Zamalek,شبرا=Shubra,التجمع الخامس=Fifth Settlement
الجيزة=Giza|12511|الجيزة=Giza|الدقي=Dokki,المهندسين=Mohandessin,الهرم=Haram,فيصل=Faisal,الشيخ زايد=Sheikh Zayed,6 أكتوبر=6th of October
الإسكندرية=Alexandria|21500|الإسكندرية=Alexandria|سموحة=Smouha,سيدي جابر=Sidi Gaber,المنتزه=Montaza,العجمي=Agami
المنصورة=Mansoura|35511|الدقهلية=Dakahlia|
طنطا=Tanta|31511|الغربية=Gharbia|
أسيوط=Asyut|71511|أسيوط=Asyut|
الزقازيق=Zagazig|44511|الشرقية=Sharqia|
بورسعيد=Port Said|42511|بورسعيد=Port Said|
الإسماعيلية=Ismailia|41511|الإسماعيلية=Ismailia|
الأقصر=Luxor|85511|الأقصر=Luxor|
سوهاج=Sohag|82511|سوهاج=Sohag|
المنيا=Minya|61511|المنيا=Minya|"""
_SA = """الرياض=Riyadh|12211|منطقة الرياض=Riyadh Region|حي النرجس=Al Narjis,حي الملقا=Al Malqa,حي الياسمين=Al Yasmin,حي السليمانية=Al Sulimaniyah,حي العليا=Al Olaya
جدة=Jeddah|23511|منطقة مكة المكرمة=Makkah Region|حي الروضة=Al Rawdah,حي الصفا=Al Safa,حي الشاطئ=Al Shati,حي السلامة=Al Salamah
الدمام=Dammam|32241|المنطقة الشرقية=Eastern Province|حي الفيصلية=Al Faisaliyah,حي الشاطئ=Al Shati
الخبر=Khobar|34428|المنطقة الشرقية=Eastern Province|
مكة المكرمة=Makkah|24231|منطقة مكة المكرمة=Makkah Region|
المدينة المنورة=Madinah|42311|منطقة المدينة المنورة=Madinah Region|
الطائف=Taif|26513|منطقة مكة المكرمة=Makkah Region|
تبوك=Tabuk|47911|منطقة تبوك=Tabuk Region|
بريدة=Buraydah|52361|منطقة القصيم=Qassim Region|
أبها=Abha|62521|منطقة عسير=Asir Region|
خميس مشيط=Khamis Mushait|62461|منطقة عسير=Asir Region|"""
_AE = """دبي=Dubai||دبي=Dubai|دبي مارينا=Dubai Marina,أبراج بحيرات جميرا=JLT,ديرة=Deira,بر دبي=Bur Dubai,البرشاء=Al Barsha,الخليج التجاري=Business Bay,القصيص=Al Qusais
أبوظبي=Abu Dhabi||أبوظبي=Abu Dhabi|مدينة خليفة=Khalifa City,الخالدية=Al Khalidiyah,جزيرة الريم=Al Reem Island,المشرف=Al Mushrif
الشارقة=Sharjah||الشارقة=Sharjah|النهدة=Al Nahda,التعاون=Al Taawun,المجاز=Al Majaz
عجمان=Ajman||عجمان=Ajman|
العين=Al Ain||أبوظبي=Abu Dhabi|
رأس الخيمة=Ras Al Khaimah||رأس الخيمة=Ras Al Khaimah|
الفجيرة=Fujairah||الفجيرة=Fujairah|"""
_MA = """الدار البيضاء=Casablanca|20250|الدار البيضاء سطات=Casablanca-Settat|المعاريف=Maârif,غوتيي=Gauthier,عين السبع=Aïn Sebaâ,الحي المحمدي=Hay Mohammadi,سيدي معروف=Sidi Maârouf,بوركون=Bourgogne
الرباط=Rabat|10000|الرباط سلا القنيطرة=Rabat-Salé-Kénitra|أكدال=Agdal,حي الرياض=Hay Riad,حسان=Hassan
مراكش=Marrakech|40000|مراكش آسفي=Marrakech-Safi|جليز=Guéliz,الحي الشتوي=Hivernage,المحاميد=Mhamid
فاس=Fès|30000|فاس مكناس=Fès-Meknès|
طنجة=Tanger|90000|طنجة تطوان الحسيمة=Tanger-Tétouan-Al Hoceïma|
أكادير=Agadir|80000|سوس ماسة=Souss-Massa|
مكناس=Meknès|50000|فاس مكناس=Fès-Meknès|
وجدة=Oujda|60000|الشرق=Oriental|
القنيطرة=Kénitra|14000|الرباط سلا القنيطرة=Rabat-Salé-Kénitra|
تطوان=Tétouan|93000|طنجة تطوان الحسيمة=Tanger-Tétouan-Al Hoceïma|
سلا=Salé|11000|الرباط سلا القنيطرة=Rabat-Salé-Kénitra|
المحمدية=Mohammedia|28800|الدار البيضاء سطات=Casablanca-Settat|"""

_EG_STREETS = """شارع التحرير=Tahrir St; شارع عباس العقاد=Abbas El Akkad St; شارع مكرم عبيد=Makram Ebeid St;
شارع جامعة الدول العربية=Gameat El Dewal El Arabeya St; شارع الهرم=El Haram St; شارع فيصل=Faisal St;
شارع الثورة=El Thawra St; شارع رمسيس=Ramses St; شارع صلاح سالم=Salah Salem St;
طريق الكورنيش=Corniche Rd; شارع سعد زغلول=Saad Zaghloul St; شارع الجمهورية=El Gomhoreya St;
شارع مصطفى النحاس=Mostafa El Nahas St; شارع النصر=El Nasr St; شارع 9=Street 9;
شارع الملك فيصل=King Faisal St; شارع أحمد عرابي=Ahmed Orabi St; شارع البحر=El Bahr St"""
_SA_STREETS = """طريق الملك فهد=King Fahd Rd; طريق الملك عبدالعزيز=King Abdulaziz Rd;
شارع الأمير سلطان=Prince Sultan St; شارع التحلية=Tahlia St; شارع العليا=Olaya St;
طريق الأمير محمد بن سلمان=Prince Mohammed Bin Salman Rd; شارع الستين=Al Sitteen St;
طريق المدينة=Madinah Rd; شارع فلسطين=Palestine St; شارع الأمير ماجد=Prince Majid St;
شارع التخصصي=Takhassusi St; طريق أنس بن مالك=Anas Bin Malik Rd; شارع الظهران=Dhahran St"""
_AE_STREETS = """شارع الشيخ زايد=Sheikh Zayed Rd; شارع الوصل=Al Wasl Rd; شارع الخليج=Al Khaleej Rd;
شارع الرقة=Al Rigga St; شارع المطار=Airport Rd; شارع حمدان=Hamdan St; شارع الكورنيش=Corniche St;
شارع الاتحاد=Al Ittihad Rd; شارع الجامعة=University St; شارع الثنية=Al Thanya St;
شارع دمشق=Damascus St; شارع الصفوح=Al Sufouh Rd"""
_MA_STREETS = """زنقة ابن بطوطة=Rue Ibn Batouta; شارع محمد الخامس=Avenue Mohammed V;
شارع الزرقطوني=Boulevard Zerktouni; زنقة علال بن عبد الله=Rue Allal Ben Abdellah;
شارع الحسن الثاني=Avenue Hassan II; شارع أنفا=Boulevard d'Anfa; زنقة مولاي يوسف=Rue Moulay Youssef;
شارع القوات المسلحة الملكية=Avenue des FAR; زنقة فاس=Rue de Fès; شارع عبد المومن=Boulevard Abdelmoumen;
زنقة طارق بن زياد=Rue Tarik Ibn Ziad; شارع الجيش الملكي=Avenue de l'Armée Royale;
درب السلطان=Derb Sultan; زنقة المامونية=Rue de la Mamounia; شارع إبراهيم الروداني=Boulevard Brahim Roudani"""

_LANDMARKS = """بجوار مسجد النور=near Al Nour Mosque; أمام صيدلية العزبي=opposite El Ezaby Pharmacy;
خلف مدرسة الشهيد=behind El Shaheed School; بجوار بنك مصر=next to Banque Misr;
أمام كارفور=opposite Carrefour; بجوار محطة المترو=near the metro station"""


def _bi(entry: str) -> Bi:
    native, latin = entry.strip().split("=")
    return (native, latin)


def _cities(text: str) -> tuple[City, ...]:
    cities = []
    for line in text.strip().splitlines():
        name, postcode, region, districts = line.split("|")
        found = tuple(_bi(d) for d in districts.split(",") if d)
        cities.append(City(_bi(name), postcode, _bi(region), found))
    return tuple(cities)


def _list(text: str) -> tuple[Bi, ...]:
    return tuple(_bi(e) for e in text.replace("\n", " ").split(";"))


CITIES: dict[str, tuple[City, ...]] = {
    "EG": _cities(_EG),
    "SA": _cities(_SA),
    "AE": _cities(_AE),
    "MA": _cities(_MA),
}
STREETS: dict[str, tuple[Bi, ...]] = {
    "EG": _list(_EG_STREETS),
    "SA": _list(_SA_STREETS),
    "AE": _list(_AE_STREETS),
    "MA": _list(_MA_STREETS),
}
LANDMARKS: tuple[Bi, ...] = _list(_LANDMARKS)

_TOWERS = ("Marina Heights", "Al Fattan Tower", "Emirates Crown", "Lake View Tower",
           "Al Noor Building", "Silicon Gates", "Al Manara Tower", "Golden Sands 3")  # fmt: skip
_SCRIPT = {"EG": 0.55, "SA": 0.5, "AE": 0.2, "MA": 0.2}  # share written in Arabic script
_POSTCODES = {"EG": 0.3, "SA": 0.6, "AE": 0.0, "MA": 0.7}  # share that write the postcode


def arab_address(code: str, n: int, r: random.Random) -> tuple[str, str, str, str, str]:
    """(line1, line2, city, postcode, region) of a home in Egypt, Saudi Arabia, the
    Emirates or Morocco, in Arabic script or in Latin letters."""
    side = 0 if r.random() < _SCRIPT[code] else 1
    cities = CITIES[code]
    city = cities[min(int(r.paretovariate(1.0)) - 1, len(cities) - 1)]  # big cities first
    street = STREETS[code][int(r.random() * len(STREETS[code]))][side]
    district = city.districts[int(r.random() * len(city.districts))][side] if city.districts else ""
    line1, line2 = _lines(code, side == 0, street, district, n, r)
    if district and code != "SA":
        line2 = f"{line2}, {district}" if line2 else district
    postcode = city.postcode if city.postcode and r.random() < _POSTCODES[code] else ""
    region = city.region[side] if code in ("EG", "SA", "AE") and r.random() < 0.5 else ""
    return line1, line2, city.name[side], postcode, region


def _lines(
    code: str, native: bool, street: str, district: str, n: int, r: random.Random
) -> tuple[str, str]:
    floor, flat = r.randint(1, 12), r.randint(1, 30)
    if code == "EG":  # the floor, the flat, and often a landmark to find it by
        line2 = f"الدور {floor} شقة {flat}" if native else f"Floor {floor}, Apartment {flat}"
        if r.random() < 0.35:
            line2 += ("، " if native else ", ") + LANDMARKS[int(r.random() * len(LANDMARKS))][
                not native
            ]
        return f"{n} {street}", line2
    if code == "SA":  # the national address: building number and additional number
        extra = r.randint(1000, 9999)
        if native:
            line1 = f"{street}، {district}" if district else f"{n} {street}"
            return line1, f"مبنى {n}، الرقم الإضافي {extra}"
        return f"{n} {street}", f"Bldg {n}, Add. No. {extra}"
    if code == "AE":  # no street numbers: the flat and the tower
        tower = r.choice(_TOWERS)
        unit = f"{floor}0{flat % 10}"
        return (f"شقة {unit}، {tower}" if native else f"Apartment {unit}, {tower}"), street
    if native:
        return f"{n} {street}", ""
    return f"{n}, {street}", f"Appartement {flat}, Immeuble {floor}" if r.random() < 0.3 else ""


__all__ = ["CITIES", "LANDMARKS", "STREETS", "Bi", "City", "arab_address"]
