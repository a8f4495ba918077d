"""Hungarian (magyar)."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Jó napot!
Üdv,
Kedves Ügyfélszolgálat!
[signoff]
Köszönöm,\n{first}
Üdvözlettel:\n{first}
Előre is köszi\n{first}
[agent_greeting]
Kedves {first}!
[agent_signoff]
Üdvözlettel:\n{agent}\n{shop} ügyfélszolgálat
[where_is_order]
Hol van a {order} számú rendelésem? {days} napja rendeltem, és a nyomkövetés nem mozdul.
Van valami hír a {order} rendelésről? Már meg kellett volna érkeznie.
Sziasztok, mikor jön a csomagom ({order})? Még mindig várok rá.
[not_received]
A nyomkövetés szerint a {order} rendelést kézbesítették, de én nem kaptam meg. A szomszédoknál sincs.
A {order} csomag kézbesítettként szerepel, de semmit nem kaptam! Küldjék újra, vagy adják vissza a pénzt.
Még mindig nem érkezett meg a {order} rendelés, pedig elvileg már itt kellene lennie.
[return]
Szeretném visszaküldeni a(z) {item} terméket a {order} rendelésből, nem jó a méret. Hogyan tudom?
Kaphatnék visszaküldési címkét a {order} rendeléshez? A(z) {item} nem olyan, mint amire számítottam.
Néhány terméket visszaküldenék a {order} rendelésből. Mennyi idő alatt jön vissza a pénz?
[cancel]
Kérem, töröljék a {order} rendelésemet, tévedésből adtam le.
Le tudják mondani a {order} rendelést? Ha már úton van, mit csináljak?
[change_address]
Rossz címet adtam meg a {order} rendelésnél! Még lehet módosítani?
Elköltöztem, kérem, írják át a {order} szállítási címét.
[wrong_item]
Rossz terméket kaptam a {order} rendelésben. {item}-t rendeltem, de mást küldtek.
Rossz méretet küldtek a {order} rendelésben.
[damaged]
A(z) {item} sérülten érkezett ({order}), el van szakadva. Csatolom a képeket.
A {order} csomag összenyomva jött, és a(z) {item} tönkrement. Mit tudnak tenni?
[discount_request]
Van esetleg kuponkód? Hármat rendelnék, ha kapnék 20% kedvezményt.
Ha kettőt veszek, tudnak jobb árat adni? Vagy legalább ingyenes szállítást?
[subscription]
Miért vontak le újra pénzt? Csak egy doboz zoknit akartam, nem előfizetést.
Nem tudtam, hogy a zokniklub minden hónapban megújul. Kérem, állítsák le, és adják vissza az utolsó terhelést.
[general]
A(z) {item} kisebbre szabott? Általában {size} méretet hordok.
Szállítanak vidékre is csomagautomatába? Mennyi a szállítási idő?
[resend]
Még mindig nincs meg a {order}. Küldjenek egy újat.
Kérem, küldjék újra a {order} rendelést, a héten kellene.
[unrealistic]
A {order} rendelés {days} napig jött. Elfogadhatatlan, máshol másnap megkapom.
A(z) {item} színe kicsit más, mint a képen. A teljes árat kérem vissza, és megtartom a terméket.
Miért kell szállítási díjat fizetni? Kérem vissza a szállítási díjat a {order} rendelésből.
[followup]
Van már valami fejlemény?
Halló? Még mindig válaszra várok.
[threat_review]
Ha ma nem oldják meg, mindenhol egycsillagos értékelést írok, és szólok az ismerőseimnek is.
Ha nem intézik el, kiírom a boltot minden Facebook-csoportba.
[threat_legal]
Ügyvédhez fordulok, és feljelentést teszek a fogyasztóvédelemnél.
Ez az utolsó esély, mielőtt a békéltető testülethez fordulok.
[threat_chargeback]
Ha péntekig nem kapom vissza a pénzem, a bankomnál visszaterhelést kérek.
Visszahívatom a kártyás fizetést a bankkal, ha nem válaszolnak.
[abusive]
Maguk teljesen hülyék.
Micsoda szánalmas bohócbolt, van ott egyáltalán valaki normális?
Válaszoljanak már, ti barmok!
[subject_where_is_order]
Hol a rendelésem? {order}
Rendelés állapota {order}
[subject_not_received]
Nem kaptam meg a {order} rendelést
[subject_return]
Visszaküldés {order}
[subject_cancel]
Rendelés lemondása {order}
[subject_change_address]
Rossz cím {order}
[subject_wrong_item]
Rossz terméket kaptam
[subject_damaged]
Sérült termék
[subject_discount_request]
Kedvezmény?
[subject_subscription]
Előfizetés terhelés
[subject_general]
Kérdés
[subject_resend]
Újraküldés {order}
[subject_unrealistic]
Panasz {order}
[agent_where_is_order]
A {order} rendelés úton van, a(z) {carrier} szállítja. Itt tudja követni: {url}
[agent_not_received]
Sajnáljuk! A(z) {carrier} szerint a {order} csomagot kézbesítették, ezért vizsgálatot indítottunk. Addig kérjük, nézzen körül a szomszédoknál és a postaládában.
[agent_return]
Természetesen. Csatoltuk az ingyenes visszaküldési címkét; amint megérkezik hozzánk a csomag, 5 napon belül visszautaljuk a(z) {amount} összeget.
[agent_cancel]
A {order} rendelést töröltük. Ha már elindult, nyugodtan utasítsa vissza, vagy küldje vissza a címkével.
[agent_change_address]
Kértük a(z) {carrier} szolgáltatót, hogy irányítsa át a csomagot. Ha nem sikerül, visszajön hozzánk, és újraküldjük.
[agent_wrong_item]
Elnézést kérünk a tévedésért! Még ma küldjük a jó terméket és egy ingyenes visszaküldési címkét, köszönetképp pedig egy 15%-os kuponkódot.
[agent_damaged]
Köszönjük a képeket, és elnézést! A terméket megtarthatja, és visszautaljuk a(z) {amount} összeget, vagy küldünk újat, ahogy szeretné.
[agent_discount_request]
Az árainkon nem alkudunk, de az ingyenes szállítási határ feletti rendeléseket díjmentesen küldjük.
[agent_subscription]
Leállítottam a zokniklub előfizetést, több terhelés nem lesz. A feltételek a visszaigazolásban szerepeltek, de ezúttal az utolsó dobozt visszatérítjük.
[agent_general]
Köszönjük az üzenetet! A mérettáblázat minden termékoldalon megtalálható, a szállítás általában 1–3 munkanap.
[agent_resend]
A {order} rendelésre visszaterhelési eljárás van folyamatban a banknál. Amíg a bank dönt, nem tudunk új csomagot küldeni.
[agent_unrealistic]
Megértjük a bosszúságát. A {order} rendelés a vállalt határidőn belül érkezett; 30 napig ingyenesen visszaküldheti.
[agent_threat]
Szeretnénk rendesen megoldani a problémát, és ugyanazt tesszük, amit bármelyik vásárlónk esetén hasonló helyzetben. Kérjük, a további egyeztetést ebben a levélváltásban folytassuk.
[agent_abusive]
Szívesen segítünk, de a munkatársainkat ért sértéseket nem fogadjuk el. Ez figyelmeztetés: ha a sértegetés folytatódik, lezárjuk a beszélgetést.
[reason_size]
túl kicsi
Nagy a váll
[reason_changed_mind]
Meggondoltam magam
már nincs rá szükségem
[reason_not_as_described]
Más, mint a képen
Olcsónak tűnik az anyaga
[reason_damaged]
Szakadt a varrás
[reason_wrong_item]
Más színt kaptam
[reason_late]
Későn érkezett
[survey_positive]
Gyors szállítás, szuper minőség, köszönöm!
Nagyon elégedett vagyok, még rendelek.
[survey_neutral]
Rendben volt, de a szállítás lehetne gyorsabb.
Kicsit kicsik a méretek.
[survey_negative]
Borzalmas kiszolgálás, soha többet.
Egy örökkévalóság volt, és senki nem válaszolt.
"""
