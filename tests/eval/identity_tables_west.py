"""Hand-written tables of names, streets, towns and phone ranges: western and southern Europe."""

from __future__ import annotations

from identity_model import City, Country, Pickup, Street, StreetType, names, surnames

FR = Country(
    code="FR",
    script="latin",
    male=names(
        "Jean Pierre Nicolas Thomas Julien Antoine Mathieu Lucas Hugo Louis Philippe Sébastien"
    )
    + names("François Jean-Pierre Jérôme"),
    female=names(
        "Marie Sophie Camille Julie Léa Manon Chloé Émilie Céline Nathalie Isabelle Aurélie"
    )
    + names("Hélène Anne-Sophie Marie-Claire"),
    surnames=surnames(
        "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
        "Lefèvre Michel Garcia Bertrand Roux Vincent Fournier Girard Bonnet Dupont Lambert "
        "Fontaine Mercier Rousseau"
    ),
    cities=(
        City("Paris", "Paris", ("75011", "75015", "75018", "75020", "75005")),
        City("Lyon", "Lyon", ("69003", "69007", "69001")),
        City("Marseille", "Marseille", ("13001", "13006", "13008")),
        City("Toulouse", "Toulouse", ("31000", "31400")),
        City("Bordeaux", "Bordeaux", ("33000", "33800")),
        City("Nantes", "Nantes", ("44000", "44300")),
        City("Lille", "Lille", ("59000", "59800")),
        City("Saint-Étienne", "Saint-Étienne", ("42000", "42100"), ("St-Etienne", "St Étienne")),
        City("Montpellier", "Montpellier", ("34000",)),
    ),
    streets=(
        Street("de la République", "rue"),
        Street("Victor Hugo", "rue"),
        Street("Pasteur", "rue"),
        Street("de la Paix", "rue"),
        Street("Émile Zola", "rue"),
        Street("de la Gare", "rue"),
        Street("Jean Jaurès", "avenue"),
        Street("du Général de Gaulle", "avenue", alts=("du Gal de Gaulle", "Général de Gaulle")),
        Street("Gambetta", "boulevard"),
        Street("Voltaire", "boulevard"),
        Street("des Lilas", "allée"),
        Street("du Château", "place"),
        Street("des Vignes", "chemin"),
        Street("des Tilleuls", "impasse"),
    ),
    types={
        "rue": StreetType(("rue", "Rue", "r.")),
        "avenue": StreetType(("avenue", "av.", "Avenue", "ave")),
        "boulevard": StreetType(("boulevard", "bd", "Bd", "boul.")),
        "allée": StreetType(("allée", "all.")),
        "place": StreetType(("place", "pl.")),
        "chemin": StreetType(("chemin", "ch.")),
        "impasse": StreetType(("impasse", "imp.")),
    },
    lines=("{house} {street}{unit}", "{house}, {street}{unit}"),
    units=(
        ", Bât. {stair}, Apt {door}",
        ", Bâtiment {stair} appartement {door}",
        " bat {stair} apt {door}",
        ", bât {stair} app. {door}",
    ),
    unit_share=0.3,
    mobile=("6", "7"),
    nsn_len=(9,),
    domains=("gmail.com",) * 3
    + ("orange.fr", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr"),
    pickups=(
        Pickup(
            "Relais Mondial Relay – Tabac de la Gare, 3 rue de la Gare",
            "Nantes",
            "44000",
            "pickup point",
        ),
        Pickup(
            "Point Relais Colissimo – Pressing Voltaire, 45 bd Voltaire",
            "Paris",
            "75011",
            "pickup point",
        ),
        Pickup("Consigne Pickup Station, 2 place du Château", "Lille", "59800", "parcel locker"),
        Pickup("Cabinet Moreau & Associés, 18 avenue Jean Jaurès", "Lyon", "69007", "office"),
    ),
    family_word="famille",
    nicknames={
        "Jean-Pierre": ("JP",),
        "Nathalie": ("Nath",),
        "Sébastien": ("Seb",),
        "Aurélie": ("Aurel",),
        "Philippe": ("Phil",),
    },
    house="fr",
    landline={"Paris": "1", "Lyon": "4"},
)

ES = Country(
    code="ES",
    script="latin",
    male=names(
        "Antonio José Manuel Francisco David Juan Javier Daniel Carlos Jesús Alejandro Miguel"
    )
    + names("Pablo Sergio"),
    female=names("María Carmen Ana Laura Isabel Lucía Cristina Marta Elena Paula Sara Raquel Pilar")
    + names("Rocío"),
    surnames=surnames(
        "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez "
        "Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Navarro Torres"
    ),
    cities=(
        City("Madrid", "Madrid", ("28013", "28004", "28015", "28045")),
        City("Barcelona", "Barcelona", ("08001", "08012", "08029")),
        City("Valencia", "Valencia", ("46001", "46005"), ("València",)),
        City("Sevilla", "Sevilla", ("41001", "41004"), ("Seville",)),
        City("Málaga", "Málaga", ("29001", "29016")),
        City("Zaragoza", "Zaragoza", ("50001", "50004")),
        City("Bilbao", "Bilbao", ("48001",), ("Bilbo",)),
        City("Palma", "Palma", ("07001", "07003"), ("Palma de Mallorca",)),
        City("Murcia", "Murcia", ("30001",)),
    ),
    streets=(
        Street("Mayor", "calle"),
        Street("de Alcalá", "calle"),
        Street("Real", "calle"),
        Street("San Juan", "calle"),
        Street("de Cervantes", "calle"),
        Street("Nueva", "calle"),
        Street("de la Paz", "calle"),
        Street("del Sol", "calle"),
        Street("de la Constitución", "avenida"),
        Street("de Andalucía", "avenida"),
        Street("del Prado", "paseo"),
        Street("de España", "plaza"),
        Street("de Valencia", "ronda"),
    ),
    types={
        "calle": StreetType(("Calle", "C/", "c/", "Cl.", "calle")),
        "avenida": StreetType(("Avenida", "Avda.", "Av.", "avda")),
        "paseo": StreetType(("Paseo", "Pº", "P.º")),
        "plaza": StreetType(("Plaza", "Pza.", "Pl.")),
        "ronda": StreetType(("Ronda", "Rda.")),
    },
    lines=("{street}, {house}{unit}", "{street} {house}{unit}", "{street}, nº {house}{unit}"),
    units=(
        ", {floor}º {letter}",
        " {floor}{letter}",
        ", piso {floor} puerta {letter}",
        ", {floor}º-{letter}",
        " {floor}-{letter}",
    ),
    unit_share=0.7,
    mobile=("6", "71", "72", "73", "74"),
    nsn_len=(9,),
    domains=("gmail.com",) * 4
    + ("hotmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"),
    pickups=(
        Pickup("Punto Pack – Papelería Sol, C/ Mayor 15", "Madrid", "28013", "pickup point"),
        Pickup(
            "Citypaq Correos, Avenida de la Constitución 20", "Sevilla", "41001", "parcel locker"
        ),
        Pickup("Locker InPost – Mercadona, Calle Nueva 7", "Málaga", "29001", "parcel locker"),
        Pickup(
            "Asesoría Romero y Torres S.L., Paseo del Prado 12, 4º", "Madrid", "28014", "office"
        ),
    ),
    family_word="familia",
    nicknames={
        "Francisco": ("Paco", "Fran"),
        "José": ("Pepe",),
        "Manuel": ("Manolo",),
        "Jesús": ("Chus",),
        "Alejandro": ("Álex",),
        "Cristina": ("Cris",),
        "Pilar": ("Pili",),
    },
    landline={"Madrid": "91", "Barcelona": "93"},
)

GB = Country(
    code="GB",
    script="latin",
    male=names(
        "James John David Michael Daniel Thomas Oliver George Harry William Robert Christopher"
    )
    + names("Andrew Matthew"),
    female=names("Sarah Emma Charlotte Emily Sophie Olivia Lucy Hannah Rebecca Laura Katherine")
    + names("Elizabeth Victoria Jessica"),
    surnames=surnames(
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
        "Walker White Roberts Green Hall Wood Jackson Clarke O'Brien McDonald Hughes Edwards"
    ),
    cities=(
        City(
            "London", "London", ("SW11 4NJ", "E8 3RL", "N1 9GU", "SE15 5DQ", "NW5 2HX", "W12 8QT")
        ),
        City("Manchester", "Manchester", ("M14 5RB", "M20 2RN", "M4 1HN")),
        City("Birmingham", "Birmingham", ("B13 9RA", "B15 2TT", "B29 6BD")),
        City("Leeds", "Leeds", ("LS6 3HN", "LS8 2EF")),
        City("Bristol", "Bristol", ("BS6 5QA", "BS3 1DS")),
        City("Edinburgh", "Edinburgh", ("EH6 5JB", "EH10 4BF")),
        City("Glasgow", "Glasgow", ("G12 8QQ", "G41 2BT")),
        City("Cardiff", "Cardiff", ("CF24 4HQ", "CF11 9LJ"), ("Caerdydd",)),
        City("Nottingham", "Nottingham", ("NG7 1FB",)),
    ),
    streets=(
        Street("High", "Street"),
        Street("Station", "Road"),
        Street("Church", "Lane"),
        Street("Victoria", "Road"),
        Street("Park", "Avenue"),
        Street("Mill", "Lane"),
        Street("King", "Street"),
        Street("Queen's", "Road", alts=("Queens",)),
        Street("Manor", "Close"),
        Street("Green", "Lane"),
        Street("London", "Road"),
        Street("Albert", "Road"),
        Street("Grange", "Drive"),
        Street("St Mary's", "Crescent", alts=("Saint Mary's", "St. Marys")),
        Street("Belmont", "Gardens"),
    ),
    types={
        "Street": StreetType(("Street", "St", "St."), before=False),
        "Road": StreetType(("Road", "Rd", "Rd."), before=False),
        "Avenue": StreetType(("Avenue", "Ave"), before=False),
        "Lane": StreetType(("Lane", "Ln"), before=False),
        "Close": StreetType(("Close", "Cl"), before=False),
        "Drive": StreetType(("Drive", "Dr"), before=False),
        "Crescent": StreetType(("Crescent", "Cres"), before=False),
        "Gardens": StreetType(("Gardens", "Gdns"), before=False),
    },
    lines=("{unit}{house} {street}",),
    units=("Flat {door}, ", "Flat {door} ", "Apartment {door}, ", "Apt {door}, "),
    unit_share=0.3,
    mobile=("71", "73", "74", "75", "77", "78", "79"),
    nsn_len=(10,),
    domains=("gmail.com",) * 4
    + ("hotmail.co.uk", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com"),
    pickups=(
        Pickup(
            "Amazon Locker - Hazel, Co-op, 12 Station Road",
            "Manchester",
            "M20 2RN",
            "parcel locker",
        ),
        Pickup(
            "InPost Locker, Tesco Express, 45 High Street", "Bristol", "BS6 5QA", "parcel locker"
        ),
        Pickup("Evri ParcelShop - Londis, 3 Church Lane", "Leeds", "LS6 3HN", "pickup point"),
        Pickup(
            "Hughes & Clarke Solicitors, 2nd Floor, 10 King Street", "London", "N1 9GU", "office"
        ),
    ),
    family_word="family",
    nicknames={
        "William": ("Bill", "Will"),
        "Robert": ("Rob", "Bob"),
        "Elizabeth": ("Liz", "Beth"),
        "Katherine": ("Kate", "Katie"),
        "Christopher": ("Chris",),
        "Andrew": ("Andy",),
        "Matthew": ("Matt",),
        "Daniel": ("Dan",),
        "Michael": ("Mike",),
        "Thomas": ("Tom",),
        "Rebecca": ("Becky",),
        "Victoria": ("Vicky",),
        "Jessica": ("Jess",),
    },
    house="letter",
    landline={"London": "20", "Manchester": "161", "Birmingham": "121", "Edinburgh": "131"},
)

US = Country(
    code="US",
    script="latin",
    male=names("Michael James John Robert David William Christopher Joseph Daniel Matthew Anthony")
    + names("Joshua Andrew Kevin Jose"),
    female=names("Jennifer Jessica Ashley Sarah Amanda Elizabeth Emily Megan Lauren Nicole")
    + names("Stephanie Rachel Samantha Katherine Maria"),
    surnames=surnames(
        "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
        "Lopez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Nguyen Kim Patel "
        "Thompson White"
    ),
    cities=(
        City("New York", "New York", ("10001", "10011", "10025"), ("NYC", "New York City")),
        City("Brooklyn", "Brooklyn", ("11201", "11215", "11238")),
        City("Chicago", "Chicago", ("60614", "60622", "60657")),
        City("Los Angeles", "Los Angeles", ("90026", "90034", "90042"), ("LA",)),
        City("San Francisco", "San Francisco", ("94110", "94117"), ("SF",)),
        City("Houston", "Houston", ("77006", "77019")),
        City("Austin", "Austin", ("78704", "78751")),
        City("Seattle", "Seattle", ("98103", "98115")),
        City("Boston", "Boston", ("02130", "02116")),
        City("Denver", "Denver", ("80205", "80218")),
        City("Atlanta", "Atlanta", ("30306", "30318")),
    ),
    streets=(
        Street("Main", "Street"),
        Street("Oak", "Avenue"),
        Street("Maple", "Street"),
        Street("Washington", "Boulevard"),
        Street("Park", "Avenue"),
        Street("Elm", "Street"),
        Street("Cedar", "Lane"),
        Street("Lake", "Drive"),
        Street("Pine", "Street"),
        Street("Hillside", "Road"),
        Street("Lincoln", "Avenue"),
        Street("2nd", "Street", alts=("Second",)),
        Street("N Main", "Street", alts=("North Main",)),
        Street("Willow", "Court"),
        Street("Sunset", "Boulevard"),
    ),
    types={
        "Street": StreetType(("Street", "St", "St."), before=False),
        "Avenue": StreetType(("Avenue", "Ave", "Ave.", "Av"), before=False),
        "Boulevard": StreetType(("Boulevard", "Blvd", "Blvd."), before=False),
        "Lane": StreetType(("Lane", "Ln"), before=False),
        "Drive": StreetType(("Drive", "Dr", "Dr."), before=False),
        "Road": StreetType(("Road", "Rd"), before=False),
        "Court": StreetType(("Court", "Ct"), before=False),
    },
    lines=("{house} {street}{unit}",),
    units=(" Apt {door}", " Apt. {door}", " #{door}", ", Apt {door}", " Unit {door}"),
    unit_share=0.4,
    mobile=(
        "212",
        "646",
        "917",
        "718",
        "347",
        "312",
        "773",
        "213",
        "323",
        "310",
        "415",
        "628",
        "713",
        "832",
        "512",
        "737",
        "206",
        "617",
        "857",
        "303",
        "720",
        "404",
        "678",
    ),
    nsn_len=(10,),
    domains=("gmail.com",) * 5
    + ("yahoo.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com"),
    pickups=(
        Pickup("The UPS Store, 1455 Main St Ste 100", "Austin", "78704", "mailbox store"),
        Pickup("Amazon Hub Locker - Ruby, 210 Elm St", "Boston", "02116", "parcel locker"),
        Pickup("FedEx Office Hold at Location, 820 Park Ave", "Chicago", "60614", "pickup point"),
        Pickup(
            "Nguyen Patel Dental Group, 77 Washington Blvd Suite 300",
            "Los Angeles",
            "90034",
            "office",
        ),
    ),
    family_word="family",
    nicknames={
        "William": ("Bill", "Will", "Billy"),
        "Robert": ("Bob", "Rob", "Bobby"),
        "Elizabeth": ("Liz", "Beth", "Betsy"),
        "Katherine": ("Kate", "Katie", "Kathy"),
        "Christopher": ("Chris",),
        "Joseph": ("Joe",),
        "Michael": ("Mike",),
        "Anthony": ("Tony",),
        "Joshua": ("Josh",),
        "Samantha": ("Sam",),
        "Jennifer": ("Jen", "Jenny"),
        "Stephanie": ("Steph",),
    },
    door="us",
)

IT = Country(
    code="IT",
    script="latin",
    male=names("Giuseppe Giovanni Antonio Mario Luigi Francesco Alessandro Andrea Marco Matteo")
    + names("Lorenzo Stefano Davide Luca"),
    female=names("Maria Anna Giulia Francesca Chiara Sara Martina Elena Laura Valentina Alessia")
    + names("Federica Silvia Paola"),
    surnames=surnames(
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
        "Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti D'Angelo"
    ),
    cities=(
        City("Roma", "Roma", ("00184", "00153", "00162", "00199"), ("Rome",)),
        City("Milano", "Milano", ("20121", "20135", "20144", "20159"), ("Milano (MI)", "Milan")),
        City("Napoli", "Napoli", ("80133", "80127", "80142"), ("Napoli (NA)", "Naples")),
        City("Torino", "Torino", ("10121", "10138", "10153"), ("Torino (TO)", "Turin")),
        City("Firenze", "Firenze", ("50123", "50136"), ("Firenze (FI)", "Florence")),
        City("Bologna", "Bologna", ("40121", "40137"), ("Bologna (BO)",)),
        City("Palermo", "Palermo", ("90133", "90141")),
        City("Genova", "Genova", ("16121", "16145"), ("Genoa",)),
        City("Bari", "Bari", ("70121", "70124")),
    ),
    streets=(
        Street("Roma", "via"),
        Street("Garibaldi", "via"),
        Street("Mazzini", "via"),
        Street("Dante Alighieri", "via", alts=("Dante",)),
        Street("Cavour", "via"),
        Street("Marconi", "via"),
        Street("Verdi", "via"),
        Street("Matteotti", "via", alts=("G. Matteotti", "Giacomo Matteotti")),
        Street("XX Settembre", "via", alts=("Venti Settembre",)),
        Street("della Repubblica", "viale"),
        Street("Europa", "viale"),
        Street("del Popolo", "piazza"),
        Street("Vittorio Emanuele II", "corso", alts=("Vitt. Emanuele II", "Vittorio Emanuele")),
        Street("Umberto I", "corso"),
    ),
    types={
        "via": StreetType(("Via", "via", "V.")),
        "viale": StreetType(("Viale", "V.le", "viale")),
        "piazza": StreetType(("Piazza", "P.za", "P.zza")),
        "corso": StreetType(("Corso", "C.so")),
    },
    lines=("{street} {house}{unit}", "{street}, {house}{unit}", "{street} n. {house}{unit}"),
    units=(
        ", scala {stair}, int. {door}",
        " sc. {stair} int. {door}",
        ", scala {stair} interno {door}",
        " - sc. {stair}, int {door}",
    ),
    unit_share=0.35,
    mobile=(
        "320",
        "328",
        "329",
        "331",
        "333",
        "334",
        "335",
        "338",
        "339",
        "340",
        "345",
        "347",
        "348",
        "349",
        "351",
        "366",
        "380",
        "388",
        "392",
        "393",
    ),
    nsn_len=(10,),
    domains=("gmail.com",) * 4
    + ("libero.it", "libero.it", "virgilio.it", "tiscali.it", "hotmail.it", "alice.it"),
    pickups=(
        Pickup("Locker InPost – Carrefour Express, Via Roma 3", "Torino", "10121", "parcel locker"),
        Pickup("Punto Poste – Tabaccheria Verdi, Via Verdi 18", "Bologna", "40121", "pickup point"),
        Pickup(
            "Fermoposta, Ufficio Postale Milano 12, Via Cavour 5", "Milano", "20121", "post office"
        ),
        Pickup("Studio Legale Conti & Greco, Corso Umberto I 120", "Napoli", "80133", "office"),
    ),
    family_word="famiglia",
    family_first=0.0,
    nicknames={
        "Giuseppe": ("Beppe", "Peppe"),
        "Giovanni": ("Gianni",),
        "Alessandro": ("Sandro", "Alex"),
        "Valentina": ("Vale",),
        "Federica": ("Fede",),
        "Francesca": ("Franci",),
        "Antonio": ("Totò", "Tonino"),
    },
    landline={"Roma": "06", "Milano": "02"},
)

PT = Country(
    code="PT",
    script="latin",
    male=names(
        "João José António Manuel Francisco Pedro Rui Miguel Tiago Nuno Luís Carlos Ricardo"
    ),
    female=names(
        "Maria Ana Joana Sofia Inês Catarina Beatriz Rita Marta Sara Mariana Teresa Filipa"
    ),
    surnames=surnames(
        "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes "
        "Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira"
    ),
    cities=(
        City("Lisboa", "Lisboa", ("1100-048", "1250-096", "1700-097", "1000-138"), ("Lisbon",)),
        City("Porto", "Porto", ("4000-322", "4050-262", "4150-014"), ("Oporto",)),
        City("Coimbra", "Coimbra", ("3000-150",)),
        City("Braga", "Braga", ("4700-424",)),
        City("Faro", "Faro", ("8000-138",)),
        City("Aveiro", "Aveiro", ("3810-199",)),
        City("Setúbal", "Setúbal", ("2900-317",)),
        City("Funchal", "Funchal", ("9000-060",)),
    ),
    streets=(
        Street("Augusta", "rua"),
        Street("de Santa Catarina", "rua", alts=("Santa Catarina",)),
        Street("Garrett", "rua"),
        Street("da Prata", "rua"),
        Street("de Cedofeita", "rua"),
        Street("Dr. António José de Almeida", "rua", alts=("Doutor António José de Almeida",)),
        Street("da Liberdade", "avenida"),
        Street("dos Aliados", "avenida"),
        Street("da Boavista", "avenida"),
        Street("25 de Abril", "avenida"),
        Street("Almirante Reis", "avenida", alts=("Alm. Reis",)),
        Street("do Comércio", "praça"),
        Street("do Carmo", "travessa"),
    ),
    types={
        "rua": StreetType(("Rua", "R.", "rua")),
        "avenida": StreetType(("Avenida", "Av.", "Avª")),
        "praça": StreetType(("Praça", "Pç.", "Pr.")),
        "travessa": StreetType(("Travessa", "Tv.", "Trav.")),
    },
    lines=("{street}, {house}{unit}", "{street} nº {house}{unit}", "{street} n.º {house}{unit}"),
    units=(
        ", {floor}º {side}",
        " {floor}º {side}",
        ", {floor}.º {side_full}",
        " {floor} {side_full}",
    ),
    unit_share=0.6,
    mobile=("91", "92", "93", "96"),
    nsn_len=(9,),
    domains=("gmail.com",) * 4 + ("sapo.pt", "sapo.pt", "hotmail.com", "outlook.pt", "iol.pt"),
    pickups=(
        Pickup(
            "Ponto CTT – Papelaria Central, Rua Augusta 80", "Lisboa", "1100-048", "pickup point"
        ),
        Pickup(
            "Cacifo Locky – Continente Bom Dia, Avenida da Boavista 1200",
            "Porto",
            "4150-014",
            "parcel locker",
        ),
        Pickup(
            "Ponto Pickme – Café Aliados, Avenida dos Aliados 40",
            "Porto",
            "4000-322",
            "pickup point",
        ),
        Pickup(
            "Almeida & Pinto Advogados, Avenida da Liberdade 190, 5º",
            "Lisboa",
            "1250-096",
            "office",
        ),
    ),
    family_word="familia",
    nicknames={"Francisco": ("Chico",), "José": ("Zé",), "António": ("Tó", "Toni")},
)

RO = Country(
    code="RO",
    script="latin",
    male=names(
        "Andrei Alexandru Mihai Ion Gabriel Ștefan Florin Adrian Bogdan Cristian Vlad Ionuț Răzvan"
    ),
    female=names(
        "Maria Elena Ioana Andreea Alexandra Mihaela Ana Cristina Gabriela Alina Roxana Diana "
        "Ștefania"
    ),
    surnames=surnames(
        "Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin "
        "Munteanu Marin Rusu Lungu Tănase Dinu Moldovan Nistor Șerban Ștefănescu Păun"
    ),
    cities=(
        City(
            "București",
            "București",
            ("010011", "020335", "030167", "040103", "050663", "060274"),
            ("Bucuresti", "Bucharest", "Municipiul București"),
        ),
        City("Cluj-Napoca", "Cluj-Napoca", ("400001", "400114"), ("Cluj",)),
        City("Iași", "Iași", ("700001", "700259"), ("Iasi",)),
        City("Timișoara", "Timișoara", ("300001", "300222"), ("Timisoara",)),
        City("Constanța", "Constanța", ("900001", "900178"), ("Constanta",)),
        City("Brașov", "Brașov", ("500001", "500035"), ("Brasov",)),
        City("Craiova", "Craiova", ("200001",)),
        City("Sibiu", "Sibiu", ("550001",)),
    ),
    streets=(
        Street("Victoriei", "calea"),
        Street("Dorobanților", "calea"),
        Street("Unirii", "bulevardul"),
        Street("Independenței", "bulevardul"),
        Street("Eroilor", "bulevardul"),
        Street("Ștefan cel Mare", "bulevardul"),
        Street("Mihai Eminescu", "strada"),
        Street("Republicii", "strada"),
        Street("Memorandumului", "strada"),
        Street("Lalelelor", "strada"),
        Street("Florilor", "strada"),
        Street("Mihai Viteazu", "strada", alts=("Mihai Viteazul",)),
        Street("Trandafirilor", "aleea"),
    ),
    types={
        "strada": StreetType(("Strada", "Str.", "str.", "Str")),
        "bulevardul": StreetType(("Bulevardul", "Bd.", "Bdul", "B-dul")),
        "calea": StreetType(("Calea", "Cal.")),
        "aleea": StreetType(("Aleea", "Al.")),
    },
    lines=("{street} nr. {house}{unit}", "{street} {house}{unit}", "{street}, nr. {house}{unit}"),
    units=(
        ", bl. {block}, sc. {stair}, ap. {door}",
        " bl. {block} sc. {stair} ap. {door}",
        ", bloc {block}, scara {stair}, apartament {door}",
        " Bl {block} Sc {stair} Ap {door}",
    ),
    unit_share=0.55,
    mobile=("72", "73", "74", "75", "76", "77", "78"),
    nsn_len=(9,),
    domains=("gmail.com",) * 4 + ("yahoo.com", "yahoo.com", "yahoo.ro", "hotmail.com"),
    pickups=(
        Pickup("easybox Kaufland Unirii, Bd. Unirii 69", "București", "030167", "parcel locker"),
        Pickup(
            "easybox Lidl Mănăștur, Str. Memorandumului 28",
            "Cluj-Napoca",
            "400114",
            "parcel locker",
        ),
        Pickup(
            "Punct Fan Courier – Papetăria Elena, Str. Florilor 3", "Iași", "700259", "pickup point"
        ),
        Pickup(
            "Ionescu & Asociații SRL, Calea Victoriei 155, et. 4", "București", "010011", "office"
        ),
    ),
    family_word="familia",
    nicknames={
        "Alexandru": ("Alex",),
        "Gabriela": ("Gabi",),
        "Cristian": ("Cristi",),
        "Ionuț": ("Nuțu",),
    },
)

TR = Country(
    code="TR",
    script="latin",
    male=names("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Oğuz Serkan Yusuf"),
    female=names("Ayşe Fatma Emine Hatice Zeynep Elif Merve Büşra Esra Özlem Gül Derya Selin Ebru"),
    surnames=surnames(
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan "
        "Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek"
    ),
    cities=(
        City(
            "İstanbul",
            "İstanbul",
            ("34710", "34365", "34387", "34730"),
            ("Istanbul", "Kadıköy/İstanbul"),
            streets=(
                Street("Moda", "cadde", hood=("Caferağa", "Caferağa")),
                Street("Bağdat", "cadde", hood=("Fenerbahçe", "Fenerbahçe")),
                Street("Halaskargazi", "cadde", hood=("Harbiye", "Harbiye")),
                Street("Gül", "sokak", hood=("Caferağa", "Caferağa")),
                Street("Lale", "sokak", hood=("Teşvikiye", "Teşvikiye")),
                Street("Barbaros", "bulvar", hood=("Balmumcu", "Balmumcu")),
            ),
        ),
        City(
            "Ankara",
            "Ankara",
            ("06690", "06420"),
            ("Çankaya/Ankara",),
            streets=(
                Street("Atatürk", "bulvar", hood=("Kızılay", "Kızılay")),
                Street("Tunalı Hilmi", "cadde", hood=("Kavaklıdere", "Kavaklıdere")),
                Street("Menekşe", "sokak", hood=("Bahçelievler", "Bahçelievler")),
                Street("İnönü", "cadde", hood=("Kızılay", "Kızılay")),
            ),
        ),
        City(
            "İzmir",
            "İzmir",
            ("35220", "35250"),
            ("Izmir", "Konak/İzmir"),
            streets=(
                Street("Kıbrıs Şehitleri", "cadde", hood=("Alsancak", "Alsancak")),
                Street("Cumhuriyet", "bulvar", hood=("Alsancak", "Alsancak")),
                Street("Fevzi Çakmak", "sokak", hood=("Konak", "Konak")),
            ),
        ),
        City(
            "Bursa",
            "Bursa",
            ("16110",),
            ("Nilüfer/Bursa",),
            streets=(
                Street("Fatih Sultan Mehmet", "bulvar", hood=("Beşevler", "Beşevler")),
                Street("Papatya", "sokak", hood=("Ataevler", "Ataevler")),
            ),
        ),
        City(
            "Antalya",
            "Antalya",
            ("07100",),
            ("Muratpaşa/Antalya",),
            streets=(
                Street("Işıklar", "cadde", hood=("Elmalı", "Elmalı")),
                Street("Akdeniz", "bulvar", hood=("Sarısu", "Sarısu")),
            ),
        ),
    ),
    streets=(),
    types={
        "cadde": StreetType(("Caddesi", "Cad.", "Cd."), before=False),
        "sokak": StreetType(("Sokak", "Sok.", "Sk."), before=False),
        "bulvar": StreetType(("Bulvarı", "Bulv.", "Blv."), before=False),
    },
    hood_type=StreetType(("Mahallesi", "Mah.", "Mh."), before=False),
    lines=(
        "{hood} {street} No: {house}{unit}",
        "{hood}, {street} No:{house}{unit}",
        "{hood} {street} No {house}{unit}",
    ),
    units=(" D: {door}", " Daire: {door}", "/{door}", " D.{door}", " Daire {door}"),
    unit_share=0.8,
    mobile=(
        "501",
        "505",
        "530",
        "531",
        "532",
        "533",
        "535",
        "536",
        "537",
        "538",
        "539",
        "541",
        "542",
        "543",
        "544",
        "545",
        "546",
        "551",
        "552",
        "553",
        "554",
        "555",
    ),
    nsn_len=(10,),
    domains=("gmail.com",) * 5
    + ("hotmail.com", "hotmail.com", "outlook.com", "yandex.com", "icloud.com"),
    pickups=(
        Pickup(
            "Trendyol Teslimat Noktası – Kırtasiye Ekin, Moda Cad. No: 44",
            "İstanbul",
            "34710",
            "pickup point",
        ),
        Pickup(
            "HepsiJET Kargo Dolabı, Atatürk Bulvarı No: 120", "Ankara", "06420", "parcel locker"
        ),
        Pickup(
            "Aras Kargo Alsancak Şubesi, Kıbrıs Şehitleri Cad. No: 90",
            "İzmir",
            "35220",
            "pickup point",
        ),
        Pickup(
            "Demir Hukuk Bürosu, Halaskargazi Cad. No: 210 Kat: 5", "İstanbul", "34365", "office"
        ),
    ),
    family_word="ailesi",
    nicknames={},
)

WEST = (FR, ES, GB, US, IT, PT, RO, TR)
