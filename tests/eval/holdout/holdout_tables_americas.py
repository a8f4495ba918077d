"""Country tables for the hold-out set: US, CA, MX, BR."""

from __future__ import annotations

import random
from typing import Any

from holdout_model import C, Country, F, G, Place, S


def _us_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(12, 4980)), "f": str(rng.randint(1, 4)), "d": rng.choice("ABCD")}


def _zip4(rng: random.Random, base: str) -> str:
    return base if rng.random() < 0.4 else f"{base}-{rng.randint(1000, 9899)}"


def _zip_variants(pc: str) -> list[str]:
    return [pc, pc.split("-")[0]] if "-" in pc else [pc]


US = Country(
    code="US",
    male=[
        G("William||Bill,Will,Billy"),
        G("Robert||Bob,Rob,Bobby"),
        G("James||Jim,Jimmy"),
        G("Richard||Rick,Rich,Dick"),
        G("Michael||Mike"),
        G("Christopher||Chris"),
        G("Thomas||Tom,Tommy"),
        G("Joseph||Joe,Joey"),
        G("Daniel||Dan,Danny"),
        G("Anthony||Tony"),
        G("Charles||Chuck,Charlie"),
        G("Edward||Ed,Eddie,Ted"),
        G("Kevin"),
        G("Brian"),
    ],
    female=[
        G("Elizabeth||Liz,Beth,Betsy"),
        G("Margaret||Peggy,Maggie,Meg"),
        G("Katherine||Kathy,Kate,Katie"),
        G("Jennifer||Jen,Jenny"),
        G("Patricia||Pat,Patty,Trish"),
        G("Susan||Sue,Susie"),
        G("Deborah||Debbie,Deb"),
        G("Rebecca||Becky"),
        G("Jessica||Jess"),
        G("Victoria||Vicky,Tori"),
        G("Kimberly||Kim"),
        G("Ashley"),
        G("Megan"),
    ],
    families=[
        F("Smith"),
        F("Smyth"),
        F("Johnson"),
        F("Johnston"),
        F("Williams"),
        F("Brown"),
        F("Miller"),
        F("Davis"),
        F("Rodriguez"),
        F("Martinez"),
        F("Wilson"),
        F("Anderson"),
        F("Taylor"),
        F("Moore"),
        F("Jackson"),
        F("O'Connor,OConnor,O Connor"),
        F("McDonald,Mc Donald"),
        F("Nguyen"),
        F("Thompson"),
        F("Thomson"),
    ],
    streets=[
        S("Maple Avenue,Maple Ave,Maple Ave."),
        S("Oak Street,Oak St,Oak St."),
        S("Washington Boulevard,Washington Blvd,Washington Blvd."),
        S("Lincoln Road,Lincoln Rd"),
        S("Sunset Drive,Sunset Dr"),
        S("North Main Street,N Main St,N. Main St."),
        S("Cedar Lane,Cedar Ln"),
        S("Park Place,Park Pl"),
        S("Elm Court,Elm Ct"),
        S("West Third Street,W 3rd St,W. Third St."),
        S("Highland Parkway,Highland Pkwy"),
    ],
    cities=[
        C("Austin,Austin TX,Austin, TX", "78701,78704,78745,78759"),
        C("Columbus,Columbus OH,Columbus, OH", "43201,43215,43206"),
        C("Portland,Portland OR,Portland, OR", "97201,97214,97232"),
        C("Charlotte,Charlotte NC,Charlotte, NC", "28202,28205,28210"),
        C("Denver,Denver CO,Denver, CO", "80202,80206,80220"),
    ],
    addr=["{n} {s} Apt {f}{d}", "{n} {s}, Apt. {f}{d}", "{n} {s} #{f}{d}", "{n} {s} Unit {f}{d}"],
    addr_plain=["{n} {s}"],
    unit_p=0.4,
    av=_us_av,
    mobile=["512", "737", "614", "503", "971", "704", "980", "303", "720"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "dash", "dot", "us1"],
    pc_fill=_zip4,
    pc_variants=_zip_variants,
    mail=["gmail.com"] * 4 + ["yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"],
    places=[
        Place("Amazon Hub Locker - Lamar, 525 N Lamar Blvd", "Austin", "78703", "parcel locker"),
        Place("UPS Access Point, 1000 E 41st St", "Austin", "78751", "pickup point"),
        Place(
            "Brightline Logistics Inc., 1200 Congress Ave, Suite 400",
            "Austin",
            "78701",
            "office",
            "brightlinelogistics.com",
        ),
        Place(
            "Harbor Medical Group, 2400 E Arizona Ave, Suite 210",
            "Denver",
            "80210",
            "office",
            "harbormedical.org",
        ),
    ],
    alike=[("Smith", "Smyth"), ("Johnson", "Johnston"), ("Thompson", "Thomson")],
    middle="initial",
    suffixes=("Sr.", "Jr."),
    hyphen_p=0.05,
)


def _ca_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(10, 3900)),
        "u": str(rng.randint(1, 24) * 100 + rng.randint(1, 12)),
    }


def _ca_variants(pc: str) -> list[str]:
    return [pc, pc.replace(" ", ""), pc.lower()]


CA = Country(
    code="CA",
    male=[
        G("Jean-François||JF", "f"),
        G("Marc-André", "f"),
        G("Alexandre||Alex", "f"),
        G("Mathieu", "f"),
        G("Étienne", "f"),
        G("François", "f"),
        G("Robert||Bob,Rob", "e"),
        G("William||Bill,Will", "e"),
        G("Michael||Mike", "e"),
        G("Christopher||Chris", "e"),
        G("Ryan", "e"),
        G("Gabriel||Gab"),
    ],
    female=[
        G("Marie-Ève", "f"),
        G("Marie-Chantal", "f"),
        G("Geneviève||Gen", "f"),
        G("Stéphanie||Steph", "f"),
        G("Émilie", "f"),
        G("Chloé", "f"),
        G("Nathalie", "f"),
        G("Jennifer||Jen", "e"),
        G("Elizabeth||Liz,Beth", "e"),
        G("Isabelle||Isa"),
        G("Catherine||Cathy"),
        G("Sarah"),
    ],
    families=[
        F("Tremblay", "f"),
        F("Gagnon", "f"),
        F("Gagné", "f"),
        F("Roy", "f"),
        F("Côté", "f"),
        F("Bouchard", "f"),
        F("Gauthier", "f"),
        F("Morin", "f"),
        F("Moreau", "f"),
        F("Lavoie", "f"),
        F("Fortin", "f"),
        F("Fortier", "f"),
        F("Pelletier", "f"),
        F("Leblanc", "f"),
        F("Bélanger", "f"),
        F("Lévesque", "f"),
        F("Smith", "e"),
        F("MacDonald", "e"),
        F("Campbell", "e"),
        F("Wilson", "e"),
        F("Thompson", "e"),
    ],
    cities=[
        C(
            "Toronto,Toronto ON,Toronto, ON",
            "M5V 2T6,M4W 1A8,M6G 1L5,M5S 1W5",
            (
                S("King Street West,King St W,King St. W."),
                S("Yonge Street,Yonge St"),
                S("Bloor Street East,Bloor St E,Bloor St. E."),
                S("Queen Street West,Queen St W"),
            ),
        ),
        C(
            "Montréal,Montreal,Montréal QC,Montreal, QC",
            "H2X 1Y4,H2T 2S6,H3B 4W8,H3T 1C5",
            (
                S("rue Sainte-Catherine Ouest,rue Ste-Catherine O,Rue Ste-Catherine O."),
                S("boulevard Saint-Laurent,boul. Saint-Laurent,boul. St-Laurent,Blvd St-Laurent"),
                S("avenue du Mont-Royal Est,av. du Mont-Royal E,Av. Mont-Royal Est"),
                S("chemin de la Côte-des-Neiges,ch. de la Côte-des-Neiges,ch. Côte-des-Neiges"),
            ),
        ),
        C(
            "Vancouver,Vancouver BC,Vancouver, BC",
            "V6B 1A1,V5N 4A8,V6H 3N9",
            (
                S("West Broadway,W Broadway,W. Broadway"),
                S("Granville Street,Granville St"),
                S("Commercial Drive,Commercial Dr"),
            ),
        ),
        C(
            "Ottawa,Ottawa ON,Ottawa, ON",
            "K1P 5G4,K1N 7A2,K2P 0B1",
            (S("Bank Street,Bank St"), S("Rideau Street,Rideau St"), S("Elgin Street,Elgin St")),
        ),
    ],
    addr=[
        "{u}-{n} {s}",
        "{n} {s}, Apt {u}",
        "{n} {s} #{u}",
        "{n} {s}, Unit {u}",
        "{n}, {s}, app. {u}",
    ],
    addr_plain=["{n} {s}", "{n}, {s}"],
    unit_p=0.5,
    av=_ca_av,
    mobile=["416", "647", "437", "514", "438", "604", "778", "613", "343"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "dash", "dot", "us1"],
    pc_variants=_ca_variants,
    mail=["gmail.com"] * 4
    + ["hotmail.com", "outlook.com", "yahoo.ca", "videotron.ca", "sympatico.ca", "rogers.com"],
    places=[
        Place(
            "Canada Post Parcel Locker, 1 Dundas St W", "Toronto, ON", "M5G 1Z3", "parcel locker"
        ),
        Place(
            "Point de retrait Purolator, 1250 rue University",
            "Montréal, QC",
            "H3B 3B0",
            "pickup point",
        ),
        Place(
            "Norsyn Software Inc., 100 King St W, Suite 5600",
            "Toronto, ON",
            "M5X 1C9",
            "office",
            "norsyn.ca",
        ),
    ],
    alike=[("Gagnon", "Gagné"), ("Fortin", "Fortier"), ("Morin", "Moreau")],
    folds=["strip"],
    middle="initial",
)


def _mx_av(rng: random.Random) -> dict[str, Any]:
    return {"n": str(rng.randint(2, 480)), "f": str(rng.randint(1, 12)), "d": rng.choice("ABC")}


_MX_TMPL = (
    "{s} {n} Int. {f}, Col. {a}",
    "{s} #{n} Depto. {f}, Col. {a}",
    "{s} {n}-{f}, Colonia {a}",
    "{s} {n} int {f} col. {a}",
)
_MX_PLAIN = ("{s} {n}, Col. {a}", "{s} #{n}, Colonia {a}", "{s} {n} col. {a}")


def _mx(spec: str, area: str, pcs: str) -> Any:
    return S(spec, area=area, pcs=pcs, tmpl=_MX_TMPL, tmpl_plain=_MX_PLAIN)


MX = Country(
    code="MX",
    names="iberian",
    male=[
        G("José||Pepe"),
        G("Francisco||Paco,Pancho"),
        G("Jesús||Chucho"),
        G("Ignacio||Nacho"),
        G("Alejandro||Alex"),
        G("Eduardo||Lalo"),
        G("Enrique||Quique"),
        G("Roberto||Beto"),
        G("Rodolfo||Fito"),
        G("Miguel Ángel"),
        G("Luis Fernando"),
        G("Juan Carlos"),
    ],
    female=[
        G("María Guadalupe||Lupita,Lupe,Ma. Guadalupe"),
        G("María del Carmen||Mari Carmen,Ma. del Carmen"),
        G("María José||Majo"),
        G("Dolores||Lola"),
        G("Concepción||Conchita,Concha"),
        G("Rosario||Chayo"),
        G("Alejandra||Ale"),
        G("Fernanda||Fer"),
        G("Daniela||Dani"),
        G("Verónica||Vero"),
        G("Gabriela||Gaby"),
        G("Ximena"),
    ],
    families=[
        F("García"),
        F("Hernández"),
        F("Martínez"),
        F("López"),
        F("González"),
        F("Rodríguez"),
        F("Pérez"),
        F("Sánchez"),
        F("Ramírez"),
        F("Flores"),
        F("Gómez"),
        F("Torres"),
        F("Díaz"),
        F("Vázquez"),
        F("Velázquez"),
        F("Cruz"),
        F("Morales"),
        F("Reyes"),
        F("Jiménez"),
        F("Méndez"),
        F("Mendoza"),
    ],
    cities=[
        C(
            "Ciudad de México,CDMX,Cd. de México,México, D.F.",
            "",
            (
                _mx("Calle Durango,C. Durango,Durango", "Roma Norte", "06700"),
                _mx(
                    "Avenida Insurgentes Sur,Av. Insurgentes Sur,Av Insurgentes Sur",
                    "Del Valle Centro",
                    "03100",
                ),
                _mx("Calle Ámsterdam,C. Ámsterdam,Ámsterdam", "Hipódromo Condesa", "06170"),
                _mx("Calle Pitágoras,C. Pitágoras,Pitágoras", "Narvarte Poniente", "03020"),
                _mx("Avenida Homero,Av. Homero,Homero", "Polanco V Sección", "11560"),
            ),
        ),
        C(
            "Guadalajara,Guadalajara, Jal.,Guadalajara, Jalisco,Gdl",
            "",
            (
                _mx("Avenida Chapultepec,Av. Chapultepec,Av Chapultepec", "Americana", "44160"),
                _mx("Calle Colomos,C. Colomos,Colomos", "Providencia", "44630"),
                _mx("Avenida México,Av. México", "Ladrón de Guevara", "44600"),
            ),
        ),
        C(
            "Monterrey,Monterrey, N.L.,Monterrey, Nuevo León,Mty",
            "",
            (
                _mx("Calle Padre Mier,C. Padre Mier,Padre Mier", "Centro", "64000"),
                _mx("Avenida Hidalgo,Av. Hidalgo,Av Hidalgo", "Obispado", "64060"),
                _mx("Calle Tepeyac,C. Tepeyac", "Mitras Centro", "64460"),
            ),
        ),
    ],
    addr=list(_MX_TMPL),
    addr_plain=list(_MX_PLAIN),
    unit_p=0.45,
    av=_mx_av,
    mobile=["55", "56", "33", "81"],
    nsn=(10,),
    phone_styles=["nat", "natd", "intl", "e164", "dash", "00"],
    mail=["gmail.com"] * 4 + ["hotmail.com", "outlook.com", "yahoo.com.mx", "prodigy.net.mx"],
    places=[
        Place(
            "Amazon Hub Counter OXXO Álvaro Obregón 120, Col. Roma Norte",
            "Ciudad de México",
            "06700",
            "pickup point",
        ),
        Place(
            "DHL Service Point, Av. Chapultepec 480, Col. Americana",
            "Guadalajara",
            "44160",
            "pickup point",
        ),
        Place(
            "Grupo Textil Arcoíris S.A. de C.V., Av. Insurgentes Sur 1605 Piso 9, "
            "Col. San José Insurgentes",
            "Ciudad de México",
            "03900",
            "office",
            "textilarcoiris.com.mx",
        ),
    ],
    alike=[("Vázquez", "Velázquez"), ("Méndez", "Mendoza")],
    spouse_keeps=1.0,
)


def _br_av(rng: random.Random) -> dict[str, Any]:
    return {
        "n": str(rng.randint(10, 2900)),
        "f": str(rng.randint(1, 18)),
        "d": str(rng.randint(1, 4)),
    }


def _br_variants(pc: str) -> list[str]:
    return [pc, pc.replace("-", "")]


_BR_TMPL = (
    "{s}, {n}, apto {f}{d} - {a}",
    "{s} {n} ap {f}{d}, {a}",
    "{s}, nº {n}, apartamento {f}{d}, {a}",
    "{s}, {n} - Apto. {f}{d} - {a}",
)
_BR_PLAIN = ("{s}, {n} - {a}", "{s} {n}, {a}", "{s}, nº {n} - {a}")


def _br(spec: str, area: str, pcs: str) -> Any:
    return S(spec, area=area, pcs=pcs, tmpl=_BR_TMPL, tmpl_plain=_BR_PLAIN)


BR = Country(
    code="BR",
    names="lusophone",
    male=[
        G("José||Zé"),
        G("Francisco||Chico"),
        G("Antônio||Toninho,Tonho"),
        G("Eduardo||Edu,Dudu"),
        G("Guilherme||Gui"),
        G("Rafael||Rafa"),
        G("Fernando||Nando"),
        G("Gabriel||Biel"),
        G("Luiz Carlos"),
        G("Lucas"),
        G("Thiago"),
        G("Marcelo"),
    ],
    female=[
        G("Maria Eduarda||Duda"),
        G("Fernanda||Nanda"),
        G("Gabriela||Gabi"),
        G("Beatriz||Bia"),
        G("Juliana||Ju"),
        G("Ana Carolina||Carol"),
        G("Mariana||Mari"),
        G("Patrícia||Paty"),
        G("Adriana||Dri"),
        G("Isabela||Isa"),
        G("Larissa"),
        G("Camila"),
    ],
    families=[
        F("Silva"),
        F("Silveira"),
        F("Santos"),
        F("Santana"),
        F("Oliveira"),
        F("Souza"),
        F("Rodrigues"),
        F("Ferreira"),
        F("Alves"),
        F("Pereira"),
        F("Lima"),
        F("Lemos"),
        F("Gomes"),
        F("Costa"),
        F("Ribeiro"),
        F("Martins"),
        F("Carvalho"),
        F("Almeida"),
        F("Araújo"),
        F("Nascimento"),
    ],
    cities=[
        C(
            "São Paulo,São Paulo - SP,São Paulo/SP",
            "",
            (
                _br(
                    "Avenida Paulista,Av. Paulista,Av Paulista", "Bela Vista", "01310-100,01311-200"
                ),
                _br("Rua Augusta,R. Augusta", "Consolação", "01305-000,01304-001"),
                _br("Rua Oscar Freire,R. Oscar Freire", "Jardim Paulista", "01426-001"),
                _br("Rua Teodoro Sampaio,R. Teodoro Sampaio", "Pinheiros", "05405-000,05406-050"),
                _br("Alameda Santos,Al. Santos", "Cerqueira César", "01419-002"),
            ),
        ),
        C(
            "Rio de Janeiro,Rio de Janeiro - RJ,Rio de Janeiro/RJ",
            "",
            (
                _br("Rua Voluntários da Pátria,R. Voluntários da Pátria", "Botafogo", "22270-010"),
                _br(
                    "Avenida Nossa Senhora de Copacabana,Av. N. Sra. de Copacabana,"
                    "Av. Nossa Sra. de Copacabana",
                    "Copacabana",
                    "22020-001,22050-002",
                ),
                _br("Rua Barata Ribeiro,R. Barata Ribeiro", "Copacabana", "22011-001"),
            ),
        ),
        C(
            "Belo Horizonte,Belo Horizonte - MG,BH",
            "",
            (
                _br("Avenida Afonso Pena,Av. Afonso Pena", "Centro", "30130-001"),
                _br("Rua da Bahia,R. da Bahia", "Lourdes", "30160-011"),
                _br("Rua Padre Rolim,R. Pe. Rolim,Rua Pe. Rolim", "Santa Efigênia", "30130-090"),
            ),
        ),
    ],
    addr=list(_BR_TMPL),
    addr_plain=list(_BR_PLAIN),
    unit_p=0.55,
    av=_br_av,
    mobile=["119", "219", "319"],
    nsn=(11,),
    phone_styles=["nat", "natd", "intl", "e164", "space", "dash"],
    pc_variants=_br_variants,
    mail=["gmail.com"] * 4
    + ["hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "bol.com.br"],
    places=[
        Place(
            "Agência dos Correios Paulista, Av. Paulista, 1000 - Bela Vista",
            "São Paulo",
            "01310-100",
            "pickup point",
        ),
        Place(
            "Amazon Hub Locker - Shopping Rio Sul, Rua Lauro Müller, 116 - Botafogo",
            "Rio de Janeiro",
            "22290-160",
            "parcel locker",
        ),
        Place(
            "Vértice Engenharia Ltda., Av. Brig. Faria Lima, 3477, 14º andar - Itaim Bibi",
            "São Paulo",
            "04538-133",
            "office",
            "verticeeng.com.br",
        ),
    ],
    alike=[("Silva", "Silveira"), ("Santos", "Santana"), ("Lima", "Lemos")],
    suffixes=("", "Filho"),
    spouse_keeps=0.5,
    middle="",
)

COUNTRIES = [US, CA, MX, BR]
