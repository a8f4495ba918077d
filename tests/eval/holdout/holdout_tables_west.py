"""Country tables for the hold-out set: DE, FR, ES, PT, IT, NL, IE."""

from __future__ import annotations

import random
from typing import Any

from holdout_model import C, Country, F, G, Place, S


def _de_av(rng: random.Random) -> dict[str, Any]:
    side = rng.choice([("links", "li."), ("rechts", "re."), ("Mitte", "Mi.")])
    return {"n": str(rng.randint(1, 140)), "f": str(rng.randint(1, 5)), "d": side[0], "dd": side[1]}


DE = Country(
    code="DE",
    male=[
        G("Alexander||Alex"),
        G("Johannes||Hannes"),
        G("Wolfgang||Wolfi"),
        G("Michael||Micha"),
        G("Christian||Chris"),
        G("Maximilian||Max"),
        G("Andreas||Andi"),
        G("Matthias||Matze"),
        G("Sebastian||Basti"),
        G("Tobias||Tobi"),
        G("Jürgen"),
        G("Uwe"),
        G("Klaus-Dieter"),
    ],
    female=[
        G("Katharina||Kathi"),
        G("Stefanie||Steffi"),
        G("Elisabeth||Lisa,Elli"),
        G("Susanne||Susi"),
        G("Barbara||Babsi"),
        G("Franziska||Franzi"),
        G("Gabriele||Gabi"),
        G("Ursula||Uschi"),
        G("Sabine||Bine"),
        G("Jana"),
        G("Anna-Lena"),
        G("Petra"),
    ],
    families=[
        F("Müller"),
        F("Schmidt"),
        F("Schmitt"),
        F("Schneider"),
        F("Fischer"),
        F("Weber"),
        F("Meyer"),
        F("Meier"),
        F("Wagner"),
        F("Becker"),
        F("Schulz"),
        F("Schulze"),
        F("Hoffmann"),
        F("Hofmann"),
        F("Schäfer"),
        F("Koch"),
        F("Bauer"),
        F("Richter"),
        F("Klein"),
        F("Schröder"),
        F("Neumann"),
        F("Zimmermann"),
        F("Krüger"),
        F("Weiß"),
    ],
    streets=[
        S("Hauptstraße,Hauptstr.,Hauptstrasse"),
        S("Bahnhofstraße,Bahnhofstr.,Bahnhofstrasse"),
        S("Gartenstraße,Gartenstr.,Gartenstrasse"),
        S("Schillerstraße,Schillerstr."),
        S("Goethestraße,Goethestr."),
        S("Friedrich-Ebert-Straße,Friedrich-Ebert-Str.,Friedrich Ebert Str."),
        S("Berliner Straße,Berliner Str."),
        S("Am Marktplatz,Am Marktpl."),
        S("Lindenallee"),
        S("Kirchweg"),
        S("Dorfstraße,Dorfstr."),
        S("Mühlenweg"),
    ],
    cities=[
        C("Berlin", "10115,10245,10437,12043,10999"),
        C("München,Muenchen,Munich", "80331,80469,80796,81541"),
        C("Köln,Koeln,Cologne", "50667,50674,50823"),
        C("Hamburg", "20095,20357,22765"),
        C("Leipzig", "04103,04275,04177"),
        C("Frankfurt am Main,Frankfurt/Main,Frankfurt a.M.", "60311,60316,60486"),
    ],
    addr=[
        "{s} {n}, {f}. OG {d}",
        "{s} {n}, {f}. Stock {d}",
        "{s} {n} ({f}. OG {dd})",
        "{s} {n}, {f}.OG {dd}",
    ],
    addr_plain=["{s} {n}"],
    unit_p=0.3,
    av=_de_av,
    mobile=["151", "152", "157", "159", "160", "162", "170", "171", "172", "173", "175", "176"],
    nsn=(11, 10),
    phone_styles=["nat", "natd", "intl", "e164", "00", "paren0", "slash", "dash"],
    mail=["gmail.com"] * 3
    + ["web.de", "web.de", "gmx.de", "gmx.de", "t-online.de", "gmx.net", "outlook.de", "posteo.de"],
    places=[
        Place("Packstation 112, Postnummer {id}", "Berlin", "10117", "Packstation"),
        Place("Packstation 205, Postnummer {id}", "München", "80335", "Packstation"),
        Place("DHL Paketshop, Kiosk am Markt, Hauptstr. 14", "Leipzig", "04109", "pickup point"),
        Place(
            "Nordwerk Software GmbH, Friedrichstraße 68, 4. OG",
            "Berlin",
            "10117",
            "office",
            "nordwerk-software.de",
        ),
    ],
    alike=[
        ("Meyer", "Meier"),
        ("Hoffmann", "Hofmann"),
        ("Schmidt", "Schmitt"),
        ("Schulz", "Schulze"),
    ],
    folds=["de", "strip"],
    middle="second",
    hyphen_p=0.15,
)


def _fr_av(rng: random.Random) -> dict[str, Any]:
    n = str(rng.randint(1, 160))
    if rng.random() < 0.1:
        n += " bis"
    return {"n": n, "d": rng.choice("ABCDE"), "u": str(rng.randint(1, 48))}


FR = Country(
    code="FR",
    male=[
        G("Jean-Baptiste||JB"),
        G("Jean-Pierre||JP"),
        G("Frédéric||Fred"),
        G("Nicolas||Nico"),
        G("Sébastien||Seb"),
        G("Maxime||Max"),
        G("Philippe||Phil"),
        G("Alexandre||Alex"),
        G("Julien"),
        G("Antoine"),
        G("Thomas"),
        G("Benoît"),
    ],
    female=[
        G("Catherine||Cathy"),
        G("Stéphanie||Steph"),
        G("Isabelle||Isa"),
        G("Véronique||Véro"),
        G("Marie-Christine"),
        G("Marie-Hélène"),
        G("Nathalie"),
        G("Élodie"),
        G("Sophie"),
        G("Aurélie"),
        G("Christelle"),
        G("Margaux"),
    ],
    families=[
        F("Martin"),
        F("Bernard"),
        F("Bertrand"),
        F("Dubois"),
        F("Thomas"),
        F("Robert"),
        F("Richard"),
        F("Petit"),
        F("Durand"),
        F("Leroy"),
        F("Leroux"),
        F("Moreau"),
        F("Morel"),
        F("Simon"),
        F("Laurent"),
        F("Lefèvre"),
        F("Lefebvre"),
        F("Michel"),
        F("Fontaine"),
        F("Girard"),
        F("Mercier"),
        F("Leclerc"),
    ],
    streets=[
        S("rue de la République,r. de la République,Rue de la Republique"),
        S("avenue Jean Jaurès,av. Jean Jaurès,Av. J. Jaurès,avenue Jean-Jaurès"),
        S("boulevard Voltaire,bd Voltaire,Bd Voltaire,boul. Voltaire"),
        S("rue Victor Hugo,r. Victor-Hugo,rue V. Hugo"),
        S("place de la Mairie,pl. de la Mairie"),
        S("allée des Tilleuls,all. des Tilleuls"),
        S("chemin des Vignes,ch. des Vignes,chem. des Vignes"),
        S("impasse des Lilas,imp. des Lilas"),
        S("rue du Général Leclerc,rue du Gal Leclerc,r. du Gén. Leclerc"),
        S("avenue Foch,av. Foch,Av Foch"),
        S("rue Pasteur,r. Pasteur"),
    ],
    cities=[
        C("Paris,PARIS", "75011,75015,75018,75020"),
        C("Lyon,LYON", "69003,69007,69006"),
        C("Marseille,MARSEILLE", "13001,13008,13005"),
        C("Toulouse,TOULOUSE", "31000,31400,31500"),
        C("Bordeaux,BORDEAUX", "33000,33800"),
        C("Nantes,NANTES", "44000,44100"),
    ],
    addr=[
        "{n} {s}, Bât. {d}, Apt {u}",
        "{n}, {s} - Bâtiment {d} - Appartement {u}",
        "{n} {s} Bat {d} appt {u}",
        "{n} {s}, Apt {u} Bât {d}",
    ],
    addr_plain=["{n} {s}", "{n}, {s}"],
    unit_p=0.4,
    av=_fr_av,
    mobile=["6", "7"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dot", "paren0"],
    mail=["gmail.com"] * 3
    + ["orange.fr", "orange.fr", "free.fr", "sfr.fr", "laposte.net", "hotmail.fr", "wanadoo.fr"],
    places=[
        Place(
            "Point Relais Mondial Relay - Tabac Le Diplomate, 45 bd Voltaire",
            "Paris",
            "75011",
            "pickup point",
        ),
        Place(
            "Amazon Locker - Monoprix Oberkampf, 105 rue Oberkampf",
            "Paris",
            "75011",
            "parcel locker",
        ),
        Place("Relais Pickup - Presse du Centre, 12 rue Pasteur", "Lyon", "69007", "pickup point"),
        Place(
            "Société Arvel Conseil, 18 rue de la République, 3e étage",
            "Lyon",
            "69002",
            "office",
            "arvel-conseil.fr",
        ),
    ],
    alike=[
        ("Lefèvre", "Lefebvre"),
        ("Leroy", "Leroux"),
        ("Bernard", "Bertrand"),
        ("Moreau", "Morel"),
    ],
    hyphen_p=0.05,
)


def _es_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(1, 180)), "f": str(rng.randint(1, 9)), "d": rng.choice("ABCD")}


ES = Country(
    code="ES",
    names="iberian",
    male=[
        G("Francisco||Paco,Fran"),
        G("Javier||Javi"),
        G("José Luis||Joselu"),
        G("José María||Chema"),
        G("Manuel||Manolo,Manu"),
        G("Antonio||Toni"),
        G("Jesús||Chus"),
        G("Ignacio||Nacho"),
        G("Enrique||Quique"),
        G("Alejandro||Álex"),
        G("Sergio"),
        G("Pablo"),
        G("David"),
    ],
    female=[
        G("María Dolores||Lola,Loli,Mª Dolores"),
        G("María del Carmen||Mari Carmen,Mª del Carmen"),
        G("María José||Marijose,Mª José"),
        G("Concepción||Concha,Conchi"),
        G("Rosario||Charo"),
        G("Mercedes||Merche"),
        G("Pilar||Pili"),
        G("Cristina||Cris"),
        G("Beatriz||Bea"),
        G("Montserrat||Montse"),
        G("Lucía"),
        G("Elena"),
    ],
    families=[
        F("García"),
        F("Fernández"),
        F("González"),
        F("Rodríguez"),
        F("López"),
        F("Martínez"),
        F("Sánchez"),
        F("Pérez"),
        F("Gómez"),
        F("Martín"),
        F("Jiménez"),
        F("Giménez"),
        F("Ruiz"),
        F("Hernández"),
        F("Díaz"),
        F("Moreno"),
        F("Álvarez"),
        F("Romero"),
        F("Navarro"),
        F("Torres"),
        F("Domínguez"),
    ],
    streets=[
        S("Calle Mayor,C/ Mayor,C. Mayor"),
        S("Avenida de la Constitución,Avda. de la Constitución,Av. Constitución"),
        S("Plaza de España,Pza. de España,Plaza España"),
        S("Calle Real,C/ Real"),
    ],
    cities=[
        C(
            "Madrid",
            "28013,28014,28009",
            (
                S("Paseo de la Castellana,P.º de la Castellana,Pº Castellana", pcs="28046"),
                S("Calle de Alcalá,C/ Alcalá,Calle Alcalá", pcs="28009,28028"),
                S("Gran Vía,Gran Via,C/ Gran Vía", pcs="28013"),
                S("Calle de Toledo,C/ Toledo", pcs="28005"),
            ),
        ),
        C(
            "Barcelona",
            "",
            (
                S("Carrer de Mallorca,C/ Mallorca,Carrer Mallorca", pcs="08036,08008"),
                S("Avinguda Diagonal,Av. Diagonal,Avda. Diagonal", pcs="08019,08008"),
                S("Carrer de Sants,C/ Sants", pcs="08014"),
            ),
        ),
        C("Sevilla,Seville", "41004,41001,41010"),
        C("Valencia,València", "46004,46002,46010"),
    ],
    addr=[
        "{s} {n}, {f}º {d}",
        "{s}, {n}, {f}º{d}",
        "{s} nº {n} {f}{d}",
        "{s} {n}, {f}-{d}",
        "{s}, {n} - {f}.º {d}",
    ],
    addr_plain=["{s} {n}", "{s}, {n}", "{s} nº {n}"],
    unit_p=0.75,
    av=_es_av,
    mobile=["6", "71", "72", "73", "74"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    mail=["gmail.com"] * 4
    + ["hotmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"],
    places=[
        Place("Correos Citypaq - Mercadona, C/ Alcalá 212", "Madrid", "28028", "parcel locker"),
        Place("Punto Pack - Estanco nº 23, Calle Real 8", "Sevilla", "41001", "pickup point"),
        Place(
            "Ibercalia Servicios S.L., Paseo de la Castellana 95, planta 12",
            "Madrid",
            "28046",
            "office",
            "ibercalia.es",
        ),
    ],
    alike=[("Martín", "Martínez"), ("Jiménez", "Giménez"), ("Fernández", "Hernández")],
    spouse_keeps=1.0,
)


def _pt_av(rng: random.Random) -> dict[str, Any]:
    side = rng.choice([("Esq", "esquerdo"), ("Dto", "direito"), ("Frt", "frente")])
    return {"n": str(rng.randint(1, 260)), "f": str(rng.randint(1, 8)), "d": side[0], "dd": side[1]}


PT = Country(
    code="PT",
    names="lusophone",
    male=[
        G("José||Zé"),
        G("Francisco||Chico,Kiko"),
        G("António||Tó,Toni"),
        G("Manuel||Manel"),
        G("João Pedro"),
        G("Rui"),
        G("Tiago"),
        G("Nuno"),
        G("Duarte"),
        G("Gonçalo"),
        G("Luís"),
        G("Bernardo"),
    ],
    female=[
        G("Maria João"),
        G("Ana Rita"),
        G("Inês"),
        G("Beatriz||Bia"),
        G("Margarida||Guida"),
        G("Catarina||Cati"),
        G("Filipa||Pipa"),
        G("Teresa||Teté"),
        G("Isabel||Bela"),
        G("Mariana"),
        G("Joana"),
        G("Sofia"),
    ],
    families=[
        F("Silva"),
        F("Santos"),
        F("Ferreira"),
        F("Pereira"),
        F("Oliveira"),
        F("Costa"),
        F("Rodrigues"),
        F("Martins"),
        F("Sousa"),
        F("Fernandes"),
        F("Gonçalves"),
        F("Gomes"),
        F("Lopes"),
        F("Marques"),
        F("Alves"),
        F("Almeida"),
        F("Ribeiro"),
        F("Pinto"),
        F("Pires"),
        F("Carvalho"),
        F("Teixeira"),
    ],
    streets=[
        S("Rua do Comércio,R. do Comércio"),
        S("Travessa do Carmo,Tv. do Carmo,Trav. do Carmo"),
    ],
    cities=[
        C(
            "Lisboa,Lisbon",
            "",
            (
                S("Rua Augusta,R. Augusta", pcs="1100-053,1100-048"),
                S("Avenida da Liberdade,Av. da Liberdade,Av. Liberdade", pcs="1250-096,1250-142"),
                S("Largo do Rato,Lg. do Rato", pcs="1250-185"),
                S(
                    "Avenida Almirante Reis,Av. Almirante Reis,Av. Alm. Reis",
                    pcs="1150-017,1000-047",
                ),
            ),
        ),
        C(
            "Porto,Oporto",
            "",
            (
                S("Rua de Santa Catarina,R. de Santa Catarina,R. Sta. Catarina", pcs="4000-447"),
                S("Avenida da Boavista,Av. da Boavista,Av. Boavista", pcs="4100-130,4050-115"),
                S("Rua de Cedofeita,R. de Cedofeita,R. Cedofeita", pcs="4050-174"),
            ),
        ),
        C("Coimbra", "3000-179,3000-150"),
        C("Braga", "4700-307,4710-228"),
    ],
    addr=["{s}, {n}, {f}º {d}", "{s} {n} {f} {d}", "{s}, n.º {n}, {f}.º {dd}", "{s} {n} - {f}º{d}"],
    addr_plain=["{s}, {n}", "{s} {n}", "{s}, n.º {n}"],
    unit_p=0.6,
    av=_pt_av,
    mobile=["91", "92", "93", "96"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash"],
    pc_variants=lambda pc: [pc, pc.replace("-", " ")],
    mail=["gmail.com"] * 4 + ["sapo.pt", "sapo.pt", "hotmail.com", "outlook.pt", "netcabo.pt"],
    places=[
        Place(
            "Ponto CTT - Papelaria Central, Rua Morais Soares 52",
            "Lisboa",
            "1900-345",
            "pickup point",
        ),
        Place("Cacifo CTT Locker - Estação do Oriente", "Lisboa", "1990-233", "parcel locker"),
        Place(
            "Atlântico Digital, Lda., Avenida da Boavista 1837, 6º piso",
            "Porto",
            "4100-133",
            "office",
            "atlanticodigital.pt",
        ),
    ],
    alike=[("Pereira", "Ferreira"), ("Pinto", "Pires")],
    spouse_keeps=0.5,
)


IT = Country(
    code="IT",
    male=[
        G("Giuseppe||Beppe,Peppe,Pino"),
        G("Francesco||Checco"),
        G("Giovanni||Gianni"),
        G("Salvatore||Totò,Turi"),
        G("Alessandro||Ale,Sandro"),
        G("Antonio||Tonino,Nino"),
        G("Vincenzo||Enzo"),
        G("Massimo||Max"),
        G("Roberto||Robi"),
        G("Luca"),
        G("Matteo"),
        G("Andrea"),
        G("Gianluca"),
    ],
    female=[
        G("Elisabetta||Betta"),
        G("Maria Grazia||Mariagrazia,Grazia"),
        G("Francesca||Franci,Chicca"),
        G("Giuseppina||Pina,Giusy"),
        G("Alessandra||Sandra"),
        G("Caterina||Cate"),
        G("Federica||Fede"),
        G("Valentina||Vale"),
        G("Chiara"),
        G("Giulia"),
        G("Martina"),
        G("Anna Maria||Annamaria"),
    ],
    families=[
        F("Rossi"),
        F("Russo"),
        F("Ferrari"),
        F("Esposito"),
        F("Bianchi"),
        F("Romano"),
        F("Colombo"),
        F("Ricci"),
        F("Rizzo"),
        F("Marino"),
        F("Greco"),
        F("Bruno"),
        F("Gallo"),
        F("Conti"),
        F("De Luca,DeLuca,Deluca"),
        F("Mancini"),
        F("Costa"),
        F("Giordano"),
        F("Lombardi"),
        F("Moretti"),
        F("Barbieri"),
    ],
    streets=[
        S("Via Roma,V. Roma"),
        S("Via Giuseppe Garibaldi,Via Garibaldi,V. Garibaldi,Via G. Garibaldi"),
        S(
            "Corso Vittorio Emanuele II,C.so Vittorio Emanuele II,Corso V. Emanuele,"
            "C.so V. Emanuele II"
        ),
        S("Viale dei Mille,V.le dei Mille"),
        S("Piazza della Repubblica,P.zza della Repubblica,P.za Repubblica,Piazza Repubblica"),
        S("Via Giuseppe Mazzini,Via Mazzini,V. Mazzini"),
        S("Via Dante Alighieri,Via Dante,V. Dante"),
        S("Via Cavour,V. Cavour"),
        S("Largo Garibaldi,L.go Garibaldi"),
    ],
    cities=[
        C("Milano,Milan,Milano (MI),Milano MI", "20121,20123,20135,20144"),
        C("Roma,Rome,Roma (RM),Roma RM", "00184,00185,00153,00197"),
        C("Napoli,Naples,Napoli (NA)", "80134,80121,80129"),
        C("Torino,Turin,Torino (TO)", "10123,10138,10128"),
        C("Bologna,Bologna (BO),Bologna BO", "40121,40126"),
        C("Palermo,Palermo (PA)", "90133,90141"),
    ],
    addr=["{s} {n}, int. {u}", "{s}, {n} - int. {u}", "{s} n. {n} interno {u}", "{s} {n} int {u}"],
    addr_plain=["{s} {n}", "{s}, {n}", "{s} n. {n}"],
    unit_p=0.45,
    mobile=[
        "320",
        "328",
        "329",
        "333",
        "334",
        "335",
        "338",
        "339",
        "340",
        "347",
        "348",
        "349",
        "380",
        "392",
        "393",
    ],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "dash", "slash", "dot"],
    mail=["gmail.com"] * 3
    + ["libero.it", "libero.it", "hotmail.it", "yahoo.it", "virgilio.it", "alice.it", "tiscali.it"],
    places=[
        Place(
            "BRT Fermopoint - Tabaccheria n. 12, Via Toledo 256", "Napoli", "80134", "pickup point"
        ),
        Place("Amazon Locker - Carrefour Express, Via Po 14", "Torino", "10123", "parcel locker"),
        Place(
            "Ferretti & Galli S.r.l., Viale dei Mille 40, 3° piano",
            "Milano",
            "20129",
            "office",
            "ferrettigalli.it",
        ),
    ],
    alike=[("Rossi", "Russo"), ("Ricci", "Rizzo")],
    middle="second",
)


def _nl_av(rng: random.Random) -> dict[str, Any]:
    floor = rng.randint(1, 4)
    return {
        "n": str(rng.randint(1, 320)),
        "f": str(floor),
        "fr": ["I", "II", "III", "IV"][floor - 1],
    }


def _nl_variants(pc: str) -> list[str]:
    return [pc, pc.replace(" ", ""), pc.lower()]


NL = Country(
    code="NL",
    male=[
        G("Johannes||Hans,Joop"),
        G("Cornelis||Kees,Cor"),
        G("Hendrik||Henk"),
        G("Jacobus||Jaap,Koos"),
        G("Pieter||Piet"),
        G("Willem||Wim"),
        G("Gerrit||Gert"),
        G("Adrianus||Ad,Adrie"),
        G("Daan"),
        G("Bram"),
        G("Thijs"),
        G("Ruud"),
    ],
    female=[
        G("Johanna||Hanneke,Jo"),
        G("Wilhelmina||Mien,Wilma"),
        G("Geertruida||Truus"),
        G("Cornelia||Corrie,Nel"),
        G("Maria||Marieke,Mieke"),
        G("Elisabeth||Els,Lies"),
        G("Femke"),
        G("Sanne"),
        G("Lotte"),
        G("Fleur"),
        G("Inge"),
        G("Anouk"),
    ],
    families=[
        F("de Jong,De Jong"),
        F("Jansen"),
        F("Janssen"),
        F("de Vries,De Vries"),
        F("van den Berg,Van den Berg,v.d. Berg,vd Berg"),
        F("van Dijk,Van Dijk,v. Dijk"),
        F("Bakker"),
        F("Visser"),
        F("Smit"),
        F("Smits"),
        F("Meijer"),
        F("de Boer,De Boer"),
        F("Mulder"),
        F("de Groot,De Groot"),
        F("Bos"),
        F("Vos"),
        F("Peters"),
        F("Hendriks"),
        F("van Leeuwen,Van Leeuwen"),
        F("Dekker"),
        F("Brouwer"),
    ],
    streets=[
        S("Kerkstraat,Kerkstr."),
        S("Stationsweg,Stationsw."),
        S("Dorpsstraat,Dorpsstr."),
        S("Molenweg"),
        S("Burgemeester de Withstraat,Burg. de Withstraat,Burgem. de Withstraat"),
        S("Wilhelminastraat,Wilhelminastr."),
    ],
    cities=[
        C(
            "Amsterdam",
            "1012 AB,1016 GV,1073 KC,1091 AB,1055 XK",
            (
                S("Prinsengracht,Prinsengr."),
                S("Van Woustraat,van Woustraat,Van Woustr."),
                S("Kinkerstraat,Kinkerstr."),
                S("Eerste Oosterparkstraat,1e Oosterparkstraat,1e Oosterparkstr."),
            ),
        ),
        C(
            "Rotterdam",
            "3011 AA,3014 GE,3021 BK",
            (
                S("Nieuwe Binnenweg,Nw. Binnenweg,Nieuwe Binnenwg."),
                S("Witte de Withstraat,Witte de Withstr."),
            ),
        ),
        C(
            "Utrecht",
            "3511 AB,3512 JC,3581 KP",
            (S("Oudegracht,Oudegr."), S("Biltstraat,Biltstr.")),
        ),
        C(
            "Den Haag,'s-Gravenhage,The Hague",
            "2517 AA,2564 AZ,2582 BD",
            (
                S("Laan van Meerdervoort,Ln van Meerdervoort"),
                S("Frederik Hendriklaan,Fred. Hendriklaan"),
            ),
        ),
        C("Eindhoven", "5611 AA,5612 AB,5615 CE"),
    ],
    addr=["{s} {n}-{fr}", "{s} {n} {fr}", "{s} {n}-{f}", "{s} {n}, {f}e verdieping"],
    addr_plain=["{s} {n}"],
    unit_p=0.35,
    av=_nl_av,
    mobile=["6"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "paren0", "dash"],
    pc_variants=_nl_variants,
    mail=["gmail.com"] * 3
    + [
        "hotmail.com",
        "hotmail.com",
        "ziggo.nl",
        "kpnmail.nl",
        "outlook.com",
        "live.nl",
        "xs4all.nl",
    ],
    places=[
        Place(
            "PostNL Pakketpunt - Albert Heijn, Van Woustraat 148",
            "Amsterdam",
            "1073 LV",
            "pickup point",
        ),
        Place("DHL ServicePoint - Primera, Kerkstraat 21", "Utrecht", "3511 EW", "pickup point"),
        Place(
            "Tulpdata B.V., Herengracht 420, 3e verdieping",
            "Amsterdam",
            "1017 BZ",
            "office",
            "tulpdata.nl",
        ),
    ],
    alike=[("Jansen", "Janssen"), ("Bos", "Vos"), ("Smit", "Smits")],
    middle="initials",
    hyphen_p=0.25,
)


def _ie_av(rng: random.Random) -> dict[str, Any]:
    b = rng.choice(
        ["The Maltings", "Grand Canal Wharf", "Belmont Court", "The Elms", "Riverside Hall"]
    )
    return {"n": str(rng.randint(1, 140)), "u": str(rng.randint(1, 48)), "b": b}


_EIRCODE_CHARS = "0123456789ACDEFHKNPRTVWXY"


def _eircode(rng: random.Random, key: str) -> str:
    letter = rng.choice("ACDEFHKNPRTVWXY")
    return f"{key} {letter}" + "".join(rng.choice(_EIRCODE_CHARS) for _ in range(3))


def _ie_variants(pc: str) -> list[str]:
    return [pc, pc.replace(" ", ""), pc.lower()]


IE = Country(
    code="IE",
    male=[
        G("Patrick|Pádraig|Paddy,Pat"),
        G("Michael|Mícheál|Mick,Mike"),
        G("Seán"),
        G("Ciarán"),
        G("Declan"),
        G("Eoin"),
        G("Liam"),
        G("Cathal"),
        G("Thomas|Tomás|Tom,Tommy"),
        G("James|Séamus|Jim,Jimmy"),
        G("Dónal"),
        G("Colm"),
        G("Brendan"),
    ],
    female=[
        G("Siobhán"),
        G("Aoife"),
        G("Niamh"),
        G("Caoimhe"),
        G("Margaret|Mairéad|Peggy,Maggie"),
        G("Catherine|Caitríona|Kate,Cathy"),
        G("Elizabeth|Eilís|Liz,Lizzie"),
        G("Bridget|Bríd|Bridie"),
        G("Sinéad"),
        G("Orla"),
        G("Mary|Máire"),
        G("Gráinne"),
        G("Róisín"),
    ],
    families=[
        F("Murphy|Ó Murchú"),
        F("Murray|Ó Muirí"),
        F("Kelly|Ó Ceallaigh"),
        F("O'Sullivan,OSullivan,O Sullivan|Ó Súilleabháin"),
        F("Walsh|Breathnach"),
        F("O'Brien,OBrien,O Brien|Ó Briain"),
        F("Byrne|Ó Broin"),
        F("Ryan|Ó Riain"),
        F("O'Connor,OConnor,O Connor|Ó Conchúir"),
        F("O'Neill,ONeill,O Neill|Ó Néill"),
        F("Doyle|Ó Dúill"),
        F("McCarthy,Mc Carthy,MacCarthy|Mac Cárthaigh"),
        F("Gallagher|Ó Gallchóir"),
        F("Kennedy|Ó Cinnéide"),
        F("Lynch|Ó Loingsigh"),
        F("Quinn|Ó Cuinn"),
        F("Kelleher|Ó Céileachair"),
        F("Fitzgerald|Mac Gearailt"),
    ],
    streets=[
        S("Main Street,Main St"),
        S("Church Road,Church Rd"),
        S("Bridge Street,Bridge St"),
        S("Castle Street,Castle St"),
        S("Green Lane,Green Ln"),
    ],
    cities=[
        C(
            "Dublin 8,Dublin,Dublin 8, Co. Dublin",
            "D08",
            (S("Thomas Street,Thomas St"), S("South Circular Road,South Circular Rd,SCR")),
        ),
        C(
            "Dublin 6,Dublin,Dublin 6, Co. Dublin",
            "D06",
            (S("Ranelagh Road,Ranelagh Rd"), S("Rathmines Road Lower,Rathmines Rd Lower")),
        ),
        C("Cork,Cork City,Co. Cork", "T12,T23", (S("Oliver Plunkett Street,Oliver Plunkett St"),)),
        C(
            "Galway,Galway City,Co. Galway",
            "H91",
            (S("Shop Street,Shop St"), S("Dominick Street,Dominick St")),
        ),
        C("Limerick,Co. Limerick", "V94", (S("O'Connell Street,O'Connell St,OConnell St"),)),
        C("Ennis,Ennis, Co. Clare", "V95"),
    ],
    addr=["Apt {u}, {b}, {s}", "Apartment {u}, {b}, {s}", "{u} {b}, {s}", "Apt. {u} {b}, {s}"],
    addr_plain=["{n} {s}", "{n}, {s}"],
    unit_p=0.35,
    av=_ie_av,
    house_keys=("n", "b"),
    mobile=["83", "85", "86", "87", "89"],
    nsn=(9,),
    phone_styles=["nat", "natd", "intl", "e164", "00", "paren0", "dash"],
    pc_fill=_eircode,
    pc_variants=_ie_variants,
    mail=["gmail.com"] * 4 + ["eircom.net", "hotmail.com", "yahoo.ie", "outlook.ie", "icloud.com"],
    places=[
        Place(
            "Parcel Motel, Applegreen Service Station, Naas Road",
            "Dublin 12",
            "D12 Y6C1",
            "parcel locker",
        ),
        Place(
            "An Post Parcel Locker, Dundrum Town Centre", "Dublin 16", "D16 A0A0", "parcel locker"
        ),
        Place(
            "Corrib Analytics Ltd, Block C, Galway Technology Park",
            "Galway",
            "H91 E2K5",
            "office",
            "corribanalytics.ie",
        ),
    ],
    alike=[("Murphy", "Murray"), ("Kelly", "Kelleher")],
    middle="initial",
)

COUNTRIES = [DE, FR, ES, PT, IT, NL, IE]
