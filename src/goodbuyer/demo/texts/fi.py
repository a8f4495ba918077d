"""Finnish (suomi)."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Hei,
Moi!
Hyvää päivää,
[signoff]
Kiitos,\n{first}
Terveisin\n{first}
t. {first}
[agent_greeting]
Hei {first},
[agent_signoff]
Ystävällisin terveisin\n{agent}\n{shop} asiakaspalvelu
[where_is_order]
Missä tilaukseni {order} on? Tilasin sen {days} päivää sitten eikä seuranta ole päivittynyt.
Onko tilauksesta {order} mitään tietoa? Sen piti olla perillä jo.
Moi, milloin paketti {order} tulee? Odottelen vielä.
[not_received]
Seurannan mukaan tilaus {order} on toimitettu, mutta en ole saanut mitään. Naapureillakaan ei ole pakettia.
Paketti {order} merkitty toimitetuksi, mutta postilaatikko ja pakettiautomaatti tyhjiä. Lähettäkää uusi tai palauttakaa rahat.
En ole vieläkään saanut tilausta {order}, vaikka sen pitäisi olla perillä.
[return]
Haluaisin palauttaa tuotteen {item} tilauksesta {order}, koko ei ollut sopiva. Miten palautus tehdään?
Saisinko palautuslapun tilaukselle {order}? {item} ei ollut sellainen kuin odotin.
Palautan osan tilauksesta {order}. Kuinka nopeasti rahat palautetaan?
[cancel]
Voitteko perua tilauksen {order}? Tilasin vahingossa.
Haluan perua tilaukseni {order}. Jos se on jo lähtenyt, miten toimin?
[change_address]
Laitoin väärän osoitteen tilaukseen {order}! Voiko sen vielä korjata?
Muutin juuri, voitteko vaihtaa tilauksen {order} toimitusosoitteen?
[wrong_item]
Sain väärän tuotteen tilauksessa {order}. Tilasin {item}, mutta paketissa oli jotain muuta.
Tilauksessa {order} tuli väärä koko.
[damaged]
{item} tilauksesta {order} tuli rikkinäisenä, saumassa on reikä. Kuvat liitteenä.
Paketti {order} oli ruttuinen ja {item} on vaurioitunut. Mitä voitte tehdä?
[discount_request]
Onko teillä alennuskoodia? Tilaisin kolme tuotetta, jos saisin 20 % alennusta.
Saako kahdesta tuotteesta paremman hinnan tai ainakin ilmaisen toimituksen?
[subscription]
Miksi minulta veloitettiin taas? Halusin vain yhden sukkalaatikon, en tilausta.
En tiennyt, että sukkakerho uusiutuu joka kuukausi. Lopettakaa se ja palauttakaa viimeisin veloitus.
[general]
Onko {item} pieni kokoinen? Käytän yleensä kokoa {size}.
Toimitatteko Ahvenanmaalle ja kauanko toimitus kestää?
[resend]
Tilaus {order} ei ole vieläkään tullut. Lähettäkää uusi.
Lähettäkää {order} uudestaan, tarvitsen sen tällä viikolla.
[unrealistic]
Tilauksella {order} kesti {days} päivää. Ei hyväksyttävää, muualta saa tavarat seuraavana päivänä.
Tuotteen {item} sävy on vähän eri kuin kuvassa. Haluan rahat takaisin ja pitää tuotteen.
Miksi toimituksesta pitää maksaa? Haluan toimitusmaksun takaisin tilauksesta {order}.
[followup]
Onko tähän mitään uutta?
Haloo? Odotan yhä vastausta.
[threat_review]
Jos tätä ei hoideta tänään, kirjoitan yhden tähden arvion joka paikkaan.
Korjatkaa tämä tai kerron kaupastanne Facebookin ryhmissä.
[threat_legal]
Otan yhteyttä kuluttajaneuvontaan ja juristiin.
Tämä on viimeinen mahdollisuus ennen kuin vien asian kuluttajariitalautakuntaan.
[threat_chargeback]
Jos en saa rahoja perjantaihin mennessä, teen pankkiin maksun palautusvaatimuksen.
Peruutan korttimaksun pankin kautta, jos ette vastaa.
[abusive]
Olette täysiä idiootteja.
Mikä surkea pelleputiikki, onko siellä ketään järjissään?
Vastatkaa nyt hyvänen aika, te ääliöt!
[subject_where_is_order]
Missä tilaukseni {order}?
Tilauksen {order} tila
[subject_not_received]
Tilaus {order} ei ole tullut
[subject_return]
Palautus, tilaus {order}
[subject_cancel]
Tilauksen {order} peruminen
[subject_change_address]
Väärä osoite tilauksessa {order}
[subject_wrong_item]
Väärä tuote
[subject_damaged]
Rikkinäinen tuote
[subject_discount_request]
Alennus?
[subject_subscription]
Tilausveloitus
[subject_general]
Kysymys
[subject_resend]
Uusi lähetys tilauksesta {order}
[subject_unrealistic]
Reklamaatio {order}
[agent_where_is_order]
Tilauksesi {order} on matkalla, kuljettajana {carrier}. Voit seurata sitä täällä: {url}
[agent_not_received]
Ikävä kuulla. {carrier} näyttää paketin {order} toimitetuksi, joten avasimme selvityksen. Voisitko sillä välin tarkistaa naapureilta ja postilaatikosta?
[agent_return]
Totta kai. Tässä maksuton palautuslappu; kun paketti on meillä, palautamme {amount} viiden päivän sisällä.
[agent_cancel]
Tilaus {order} on peruttu. Jos paketti on jo lähtenyt, voit jättää sen noutamatta tai palauttaa sen palautuslapulla.
[agent_change_address]
Pyysimme kuljetusyhtiötä {carrier} ohjaamaan paketin uuteen osoitteeseen. Jos se ei onnistu, paketti palaa meille ja lähetämme sen uudelleen.
[agent_wrong_item]
Pahoittelemme sekaannusta! Lähetämme oikean tuotteen tänään ja maksuttoman palautuslapun, sekä 15 % alennuskoodin kiitokseksi.
[agent_damaged]
Kiitos kuvista ja pahoittelut! Voit pitää tuotteen, ja palautamme {amount} tai lähetämme uuden, kumman vain haluat.
[agent_discount_request]
Emme tingi hinnoista, mutta yli ilmaisen toimituksen rajan tilaukset toimitetaan veloituksetta.
[agent_subscription]
Lopetin sukkakerhon tilauksen, eikä uusia veloituksia tule. Ehdot olivat tilausvahvistuksessa, mutta hyvitimme viimeisimmän laatikon tällä kertaa.
[agent_general]
Kiitos viestistä! Kokotaulukko löytyy tuotesivulta, ja toimitus kestää yleensä 2–5 arkipäivää.
[agent_resend]
Tilauksesta {order} on avattu maksukiista pankissa. Emme voi lähettää uutta sillä aikaa, kun pankki käsittelee asiaa.
[agent_unrealistic]
Ymmärrän harmituksen. Tilaus {order} saapui ilmoitetussa toimitusajassa; palautus on maksuton 30 päivän ajan.
[agent_threat]
Haluamme hoitaa asian kunnolla ja toimimme kuten kenen tahansa asiakkaan kohdalla samassa tilanteessa. Jatketaan keskustelua tässä viestiketjussa.
[agent_abusive]
Autamme mielellämme, mutta emme hyväksy tiimiimme kohdistuvia loukkauksia. Tämä on varoitus: jos asiaton kielenkäyttö jatkuu, keskustelu päättyy.
[reason_size]
liian pieni
Liian iso
[reason_changed_mind]
En tarvitse enää
muutin mieleni
[reason_not_as_described]
Erilainen kuin kuvassa
Materiaali tuntuu halvalta
[reason_damaged]
Sauma rikki
[reason_wrong_item]
Väärä väri
[reason_late]
Tuli liian myöhään
[survey_positive]
Nopea toimitus ja laadukkaat tuotteet, kiitos!
Tosi tyytyväinen, tilaan uudestaan.
[survey_neutral]
Ihan ok, toimitus olisi voinut olla nopeampi.
Koot ovat vähän pieniä.
[survey_negative]
Huono palvelu, en tilaa enää.
Kesti ikuisuuden eikä kukaan vastannut.
"""
