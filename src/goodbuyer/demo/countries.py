"""The shop's fourteen markets: currency, languages, time zone, carriers and payment habits
(cash on delivery the default in Egypt, Morocco, India and the Gulf, rare in the North)."""
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Carrier:
    name: str
    prefix: str  # tracking number: prefix + digits + suffix
    digits: int
    suffix: str  # a two-letter country suffix makes it a UPU S10 number with a check digit
    url: str  # "{n}" is the tracking number
    hub: str  # where its sorting scans happen


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    currency: str  # ISO 4217
    languages: tuple[tuple[str, float], ...]  # (language, share of customers)
    timezone: str
    share: float  # share of the shop's customers
    cod: float  # share of orders paid cash on delivery
    prepaid: tuple[tuple[str, float], ...]  # the other payment methods and their shares
    carriers: tuple[Carrier, ...]
    transit: tuple[int, int]  # promised days from shipping to delivery
    late: float  # share of parcels delivered after the promised date
    rate: float  # local currency per euro
    ending: int  # prices end in this many minor units below a round step (charm pricing)
    step: int  # round prices to this many minor units
    fee: int  # shipping fee in minor units
    free_over: int  # free shipping from this subtotal, in minor units
    tax: float = 0.0  # sales tax added on top (prices elsewhere include VAT)


def _c(name: str, prefix: str, digits: int, suffix: str, url: str, hub: str) -> Carrier:
    return Carrier(name, prefix, digits, suffix, url, hub)


_DHL = _c(
    "DHL",
    "00340434",
    12,
    "",
    "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode={n}",
    "Leipzig",
)
_ARAMEX = "https://www.aramex.com/track/results?ShipmentNumber={n}"

COUNTRIES: tuple[Country, ...] = (
    Country("FI", "EUR", (("fi", 0.93), ("en", 0.07)), "Europe/Helsinki", 0.05, 0.02,
            (("card", 0.45), ("wallet", 0.25), ("bank_transfer", 0.25), ("other", 0.05)),
            (_c("Posti", "JJFI", 16, "", "https://www.posti.fi/fi/seuranta#/lahetys/{n}", "Vantaa"),
             _c("Matkahuolto", "MH", 10, "", "https://www.matkahuolto.fi/seuranta?parcelNumber={n}", "Tampere")),
            (2, 4), 0.06, 1.0, 10, 100, 590, 5000),
    Country("HU", "HUF", (("hu", 1.0),), "Europe/Budapest", 0.05, 0.35,
            (("card", 0.5), ("wallet", 0.2), ("bank_transfer", 0.25), ("other", 0.05)),
            (_c("MPL", "CE", 8, "HU", "https://www.posta.hu/nyomkovetes/nyitooldal?searchvalue={n}", "Budapest"),
             _c("GLS", "", 11, "", "https://gls-group.com/HU/hu/csomagkovetes?match={n}", "Budaörs"),
             _c("Foxpost", "CLFOX", 10, "", "https://foxpost.hu/csomagkovetes/?code={n}", "Budapest")),
            (1, 3), 0.08, 400.0, 1000, 100000, 149000, 2000000),
    Country("CZ", "CZK", (("cs", 1.0),), "Europe/Prague", 0.05, 0.30,
            (("card", 0.45), ("wallet", 0.15), ("bank_transfer", 0.35), ("other", 0.05)),
            (_c("Zásilkovna", "Z", 10, "", "https://tracking.packeta.com/cs/?id={n}", "Praha"),
             _c("PPL", "", 11, "", "https://www.ppl.cz/vyhledat-zasilku?shipmentId={n}", "Jažlovice"),
             _c("Česká pošta", "DR", 8, "CZ", "https://www.postaonline.cz/trackandtrace/-/zasilka/cislo?parcelNumbers={n}", "Praha")),
            (1, 3), 0.07, 25.0, 100, 1000, 8900, 150000),
    Country("IL", "ILS", (("he", 0.85), ("ar", 0.1), ("en", 0.05)), "Asia/Jerusalem", 0.05,
            0.05, (("card", 0.8), ("wallet", 0.2)),
            (_c("Israel Post", "RR", 8, "IL", "https://mypost.israelpost.co.il/itemtrace?itemcode={n}", "Modi'in"),
             _c("HFD", "", 9, "", "https://www.hfd.co.il/tracking/?id={n}", "Rishon LeZion")),
            (3, 7), 0.15, 4.0, 10, 100, 2990, 39900),
    Country("EG", "EGP", (("ar", 1.0),), "Africa/Cairo", 0.07, 0.75,
            (("card", 0.6), ("wallet", 0.4)),
            (_c("Bosta", "", 8, "", "https://bosta.co/tracking-shipments?shipment-number={n}", "Cairo"),
             _c("Aramex", "", 11, "", _ARAMEX, "Cairo"),
             _c("Egypt Post", "EE", 8, "EG", "https://egyptpost.gov.eg/track?code={n}", "Cairo")),
            (2, 6), 0.18, 52.0, 100, 1000, 7500, 250000),
    Country("SA", "SAR", (("ar", 0.95), ("en", 0.05)), "Asia/Riyadh", 0.07, 0.55,
            (("card", 0.5), ("wallet", 0.5)),
            (_c("SMSA", "", 12, "", "https://www.smsaexpress.com/trackingdetails?tracknumbers={n}", "Riyadh"),
             _c("Aramex", "", 11, "", _ARAMEX, "Riyadh"),
             _c("SPL", "RS", 8, "SA", "https://splonline.com.sa/en/shipmentdetailsstatic/?tid={n}", "Riyadh")),
            (2, 5), 0.12, 4.05, 100, 100, 2500, 30000),
    Country("AE", "AED", (("ar", 0.5), ("en", 0.5)), "Asia/Dubai", 0.05, 0.45,
            (("card", 0.6), ("wallet", 0.4)),
            (_c("Aramex", "", 11, "", _ARAMEX, "Dubai"),
             _c("Emirates Post", "RA", 8, "AE", "https://www.epg.gov.ae/track?trackingNumber={n}", "Dubai")),
            (1, 3), 0.08, 3.95, 100, 100, 2000, 25000),
    Country("MA", "MAD", (("fr", 0.6), ("ar", 0.4)), "Africa/Casablanca", 0.05, 0.80,
            (("card", 0.9), ("wallet", 0.1)),
            (_c("Amana", "CP", 8, "MA", "https://www.poste.ma/suivi-envois?code={n}", "Casablanca"),
             _c("CTM Messagerie", "CTM", 9, "", "https://www.ctm.ma/suivi?code={n}", "Casablanca")),
            (2, 6), 0.16, 10.8, 100, 1000, 3500, 50000),
    Country("DE", "EUR", (("de", 0.95), ("en", 0.05)), "Europe/Berlin", 0.14, 0.03,
            (("card", 0.2), ("wallet", 0.45), ("bank_transfer", 0.1), ("other", 0.25)),
            (_DHL,
             _c("Hermes", "H10", 17, "", "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{n}", "Haldensleben"),
             _c("DPD", "0", 13, "", "https://tracking.dpd.de/status/de_DE/parcel/{n}", "Aschaffenburg")),
            (1, 3), 0.06, 1.0, 5, 100, 495, 4900),
    Country("ES", "EUR", (("es", 1.0),), "Europe/Madrid", 0.08, 0.08,
            (("card", 0.6), ("wallet", 0.3), ("bank_transfer", 0.1)),
            (_c("Correos", "PQ", 8, "ES", "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={n}", "Madrid"),
             _c("SEUR", "", 14, "", "https://www.seur.com/livetracking/?segOnlineIdentificador={n}", "Coslada")),
            (2, 4), 0.09, 1.0, 5, 100, 495, 5000),
    Country("FR", "EUR", (("fr", 1.0),), "Europe/Paris", 0.10, 0.02,
            (("card", 0.75), ("wallet", 0.25)),
            (_c("Colissimo", "6A", 11, "", "https://www.laposte.fr/outils/suivre-vos-envois?code={n}", "Gonesse"),
             _c("Chronopost", "XY", 8, "FR", "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={n}", "Chilly-Mazarin"),
             _c("Mondial Relay", "", 8, "", "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={n}", "Lille")),
            (2, 4), 0.08, 1.0, 10, 100, 490, 5000),
    Country("US", "USD", (("en", 0.9), ("es", 0.1)), "America/New_York", 0.09, 0.005,
            (("card", 0.7), ("wallet", 0.3)),
            (_c("USPS", "9400", 18, "", "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}", "Jersey City"),
             _c("UPS", "1Z", 16, "", "https://www.ups.com/track?tracknum={n}", "Louisville"),
             _c("FedEx", "", 12, "", "https://www.fedex.com/fedextrack/?trknbr={n}", "Memphis")),
            (3, 6), 0.1, 1.08, 1, 100, 699, 7500, 0.07),
    Country("GB", "GBP", (("en", 1.0),), "Europe/London", 0.09, 0.005,
            (("card", 0.65), ("wallet", 0.35)),
            (_c("Royal Mail", "QF", 8, "GB", "https://www.royalmail.com/track-your-item#/tracking-results/{n}", "Daventry"),
             _c("Evri", "H0", 14, "", "https://www.evri.com/track/parcel/{n}", "Barnsley"),
             _c("DPD", "15", 12, "", "https://track.dpd.co.uk/parcels/{n}", "Hinckley")),
            (1, 3), 0.09, 0.85, 1, 100, 399, 5000),
    Country("IN", "INR", (("en", 1.0),), "Asia/Kolkata", 0.06, 0.60,
            (("card", 0.25), ("wallet", 0.65), ("bank_transfer", 0.1)),
            (_c("Delhivery", "", 13, "", "https://www.delhivery.com/track/package/{n}", "Gurugram"),
             _c("Blue Dart", "", 11, "", "https://www.bluedart.com/tracking?awb={n}", "Mumbai"),
             _c("India Post", "EE", 8, "IN", "https://www.indiapost.gov.in/track?consignment={n}", "New Delhi")),
            (3, 7), 0.2, 90.0, 100, 1000, 9900, 99900),
)  # fmt: skip

BY_CODE: dict[str, Country] = {c.code: c for c in COUNTRIES}


def money(minor: int, currency: str) -> str:
    """Minor units as the CSV writes them: '19.90', and whole forints as '12990'."""
    if not minor:
        return "0" if currency == "HUF" else "0.00"
    major, cents = divmod(minor, 100)
    if currency == "HUF" and not cents:
        return str(major)
    return f"{major}.{cents:02d}"


def local_price(eur_cents: int, country: Country) -> int:
    """A euro list price in the country's currency, rounded the way shops there price."""
    raw = eur_cents * country.rate
    steps = max(1, round(raw / country.step))
    return steps * country.step - country.ending


__all__ = [
    "BY_CODE",
    "COUNTRIES",
    "Carrier",
    "Country",
    "local_price",
    "money",
]
