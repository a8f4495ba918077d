"""Names Faker has no good pool for: Arabic (Egypt, the Gulf), Moroccan and Hebrew names,
each with its Latin spellings, because customers type both and no two spell alike."""

from __future__ import annotations

# "native=Latin/Other Latin spelling", separated by ";". The first Latin form is the usual one.
_ARABIC_MALE = """محمد=Mohamed/Mohammed/Muhammad; أحمد=Ahmed/Ahmad; محمود=Mahmoud/Mahmud;
مصطفى=Mostafa/Mustafa; عمر=Omar/Umar; علي=Ali; حسن=Hassan/Hasan; حسين=Hussein/Hussain;
خالد=Khaled/Khalid; يوسف=Youssef/Yousef/Yusuf; إبراهيم=Ibrahim/Ebrahim;
عبدالله=Abdullah/Abdallah; عبدالرحمن=Abdelrahman/Abdulrahman; طارق=Tarek/Tariq;
كريم=Karim/Kareem; سامي=Sami/Samy; عادل=Adel/Adil; وليد=Walid/Waleed; أيمن=Ayman;
شريف=Sherif/Sharif; هاني=Hany/Hani; زياد=Ziad/Ziyad; سعيد=Saeed/Said; منصور=Mansour;
هشام=Hisham/Hesham; ياسر=Yasser/Yasir; عمرو=Amr; إسلام=Islam; مينا=Mina; بيتر=Peter"""
_ARABIC_FEMALE = """فاطمة=Fatma/Fatima; مريم=Mariam/Maryam; نور=Nour/Noor; سارة=Sara/Sarah;
آية=Aya/Ayah; منى=Mona/Muna; هدى=Hoda/Huda; ياسمين=Yasmin/Yasmine; سلمى=Salma;
ريم=Reem/Rim; نورة=Noura/Norah; هند=Hind/Hend; لينا=Lina/Leena; دينا=Dina/Deena;
رنا=Rana; إيمان=Eman/Iman; أسماء=Asmaa/Asma; زينب=Zeinab/Zainab; شيماء=Shaimaa/Shaima;
عائشة=Aisha/Aysha; حنان=Hanan; دعاء=Doaa/Duaa; ندى=Nada; مروة=Marwa; رحاب=Rehab"""
_EGYPT_FAMILY = """عبد الفتاح=Abdel Fattah/Abdelfattah; السيد=El Sayed/Elsayed; إبراهيم=Ibrahim;
محمود=Mahmoud; مصطفى=Mostafa; عبد العزيز=Abdelaziz/Abdel Aziz; الشافعي=El Shafei;
النجار=El Naggar/Elnaggar; سليمان=Soliman/Suleiman; عثمان=Osman; فرج=Farag;
رمضان=Ramadan; شحاتة=Shehata; منصور=Mansour; جمال=Gamal; عبد الحميد=Abdelhamid;
الشريف=El Sherif; حسني=Hosny; فوزي=Fawzy; زكي=Zaki; صبري=Sabry; توفيق=Tawfik;
حلمي=Helmy; يوسف=Youssef; عزت=Ezzat; كامل=Kamel; رزق=Rizk; عوض=Awad; شاكر=Shaker"""
_GULF_FAMILY = """العتيبي=Al-Otaibi/Alotaibi; القحطاني=Al-Qahtani/Alqahtani;
الغامدي=Al-Ghamdi/Alghamdi; الشمري=Al-Shammari/Alshammari; الدوسري=Al-Dosari/Aldossary;
الحربي=Al-Harbi/Alharbi; المطيري=Al-Mutairi/Almutairi; الزهراني=Al-Zahrani/Alzahrani;
العنزي=Al-Anazi/Alenezi; السبيعي=Al-Subaie/Alsubaie; الشهري=Al-Shehri/Alshehri;
المالكي=Al-Malki/Almalki; العمري=Al-Omari/Alomari; السهلي=Al-Sahli; البلوي=Al-Balawi;
المنصوري=Al Mansoori/Almansoori; الكعبي=Al Kaabi/Alkaabi; المهيري=Al Muhairi;
الظاهري=Al Dhaheri/Aldhaheri; الشامسي=Al Shamsi/Alshamsi; النعيمي=Al Nuaimi/Alnuaimi;
الفلاسي=Al Falasi; المري=Al Marri; الهاشمي=Al Hashemi/Alhashmi; البلوشي=Al Balushi"""
_MOROCCO_MALE = """محمد=Mohamed/Mohammed; يوسف=Youssef/Youcef; هشام=Hicham/Hisham;
رشيد=Rachid/Rashid; سعيد=Said; مصطفى=Mustapha/Moustapha; عبد القادر=Abdelkader;
عمر=Omar; كريم=Karim; نبيل=Nabil; أمين=Amine/Amin; مهدي=Mehdi/Mahdi; حمزة=Hamza;
أيوب=Ayoub/Ayoube; إلياس=Ilyas/Ilias; عثمان=Othmane/Otmane; إدريس=Driss/Idriss;
عبد الإله=Abdelilah; ياسين=Yassine/Yacine; زكرياء=Zakaria/Zakariae"""
_MOROCCO_FEMALE = """فاطمة الزهراء=Fatima Zahra/Fatima-Zahra/Fatimazahra; خديجة=Khadija;
سلمى=Salma; إيمان=Imane/Iman; هاجر=Hajar; زينب=Zineb/Zainab; مريم=Meryem/Maryem;
كوثر=Kaoutar/Kawtar; سناء=Sanae/Sanaa; نادية=Nadia; هدى=Houda; سهام=Siham;
وفاء=Wafae/Wafaa; غيثة=Ghita; لمياء=Lamiae/Lamia; أسماء=Asmae/Asmaa; حنان=Hanane"""
_MOROCCO_FAMILY = """العلوي=Alaoui/El Alaoui; بناني=Bennani; العمراني=El Amrani/Amrani;
الإدريسي=Idrissi/El Idrissi; التازي=Tazi; برادة=Berrada; بنجلون=Benjelloun;
الشرايبي=Chraibi; الفاسي=El Fassi/Fassi; الوزاني=Ouazzani/Ouazani; لحلو=Lahlou;
بنعلي=Benali/Ben Ali; بوزيد=Bouzid; الخطيب=El Khatib/Khatib; الناصري=Naciri/Nassiri;
الطاهري=Tahiri; الكتاني=Kettani/Kattani; آيت علي=Ait Ali/Aït Ali; الصقلي=Sqalli/Skalli;
بنكيران=Benkirane; الزياني=Zyani/Ziani; أمزيان=Amziane/Amzian; بلحاج=Belhaj"""
_HEBREW_MALE = """יוסי=Yossi/Yosi; דוד=David/Dovid; משה=Moshe; אבי=Avi; יעקב=Yaakov/Jacob;
אורי=Uri/Ori; נועם=Noam; איתי=Itai/Itay; עומר=Omer; דניאל=Daniel; יונתן=Yonatan/Jonathan;
אריאל=Ariel; רון=Ron; אלון=Alon; גיא=Guy; עידו=Ido/Iddo; אמיר=Amir; ניר=Nir;
שי=Shai/Shay; תומר=Tomer; ארז=Erez; אייל=Eyal/Eial; אליהו=Eliyahu/Eli; שמעון=Shimon"""
_HEBREW_FEMALE = """נועה=Noa/Noah; מיכל=Michal; שירה=Shira; תמר=Tamar; יעל=Yael/Yaeli;
מאיה=Maya/Maia; רונית=Ronit; אורית=Orit; שרה=Sara/Sarah; רחל=Rachel/Rahel;
הילה=Hila; ליאת=Liat; עדי=Adi; מורן=Moran; שני=Shani; טל=Tal; אסתר=Esther/Ester;
דנה=Dana; ענבל=Inbal; קרן=Keren; אביגיל=Avigail/Abigail; רותם=Rotem"""
_HEBREW_FAMILY = """כהן=Cohen/Kohen/Cohn; לוי=Levi/Levy; מזרחי=Mizrahi/Mizrachi;
פרץ=Peretz/Perez; ביטון=Biton/Bitton; דהן=Dahan; אברהם=Avraham/Abraham;
פרידמן=Friedman/Fridman; אזולאי=Azoulay/Azulai; מלכה=Malka; חדד=Hadad/Haddad;
גבאי=Gabay/Gabbai; שפירא=Shapira/Shapiro; קליין=Klein; אוחיון=Ohayon;
בן דוד=Ben David/Ben-David; רוזנברג=Rosenberg; גולדשטיין=Goldstein; אשכנזי=Ashkenazi;
יוסף=Yosef/Yossef; סגל=Segal; ברק=Barak; שלום=Shalom; וקנין=Vaknin/Vaknine;
עמר=Amar; אלמוג=Almog; נחום=Nachum/Nahum; זילברמן=Zilberman/Silberman"""

Name = tuple[str, tuple[str, ...]]


def _parse(text: str) -> tuple[Name, ...]:
    names = []
    for entry in text.replace("\n", " ").split(";"):
        native, latin = entry.strip().split("=")
        names.append((native, tuple(latin.split("/"))))
    return tuple(names)


ARABIC_MALE = _parse(_ARABIC_MALE)
ARABIC_FEMALE = _parse(_ARABIC_FEMALE)
EGYPT_FAMILY = _parse(_EGYPT_FAMILY)
GULF_FAMILY = _parse(_GULF_FAMILY)
MOROCCO_MALE = _parse(_MOROCCO_MALE)
MOROCCO_FEMALE = _parse(_MOROCCO_FEMALE)
MOROCCO_FAMILY = _parse(_MOROCCO_FAMILY)
HEBREW_MALE = _parse(_HEBREW_MALE)
HEBREW_FEMALE = _parse(_HEBREW_FEMALE)
HEBREW_FAMILY = _parse(_HEBREW_FAMILY)

__all__ = [
    "ARABIC_FEMALE",
    "ARABIC_MALE",
    "EGYPT_FAMILY",
    "GULF_FAMILY",
    "HEBREW_FAMILY",
    "HEBREW_FEMALE",
    "HEBREW_MALE",
    "MOROCCO_FAMILY",
    "MOROCCO_FEMALE",
    "MOROCCO_MALE",
    "Name",
]
