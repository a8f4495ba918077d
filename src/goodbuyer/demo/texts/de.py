"""German (Deutsch)."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Hallo,
Guten Tag,
Sehr geehrte Damen und Herren,
[signoff]
Danke\n{first}
Viele Grüße\n{first}
Mit freundlichen Grüßen\n{first}
[agent_greeting]
Hallo {first},
[agent_signoff]
Viele Grüße\n{agent}\nKundenservice {shop}
[where_is_order]
Wo bleibt meine Bestellung {order}? Ich habe vor {days} Tagen bestellt und die Sendungsverfolgung tut sich nicht.
Gibt es Neuigkeiten zu Bestellung {order}? Sie hätte längst da sein sollen.
Hi, wann kommt mein Paket {order}? Warte immer noch.
[not_received]
Laut Sendungsverfolgung wurde {order} zugestellt, aber ich habe nichts bekommen. Bei den Nachbarn ist auch nichts.
Paket {order} steht auf zugestellt, ist aber NICHT angekommen. Bitte neu schicken oder Geld zurück.
Meine Bestellung {order} ist immer noch nicht da, obwohl sie längst hätte ankommen müssen.
[return]
Ich möchte {item} aus Bestellung {order} zurückschicken, die Größe passt nicht. Wie funktioniert die Retoure?
Können Sie mir ein Retourenlabel für {order} schicken? {item} entspricht nicht meinen Erwartungen.
Ich schicke einen Teil von {order} zurück. Wie schnell bekomme ich mein Geld?
[cancel]
Bitte stornieren Sie meine Bestellung {order}, ich habe mich verklickt.
Kann ich {order} noch stornieren? Brauche es nicht mehr. Falls schon unterwegs, was mache ich dann?
[change_address]
Ich habe bei Bestellung {order} die falsche Adresse angegeben! Kann man das noch ändern?
Bin umgezogen, bitte die Lieferadresse für {order} ändern.
[wrong_item]
In Bestellung {order} war der falsche Artikel. Bestellt hatte ich {item}, bekommen habe ich etwas anderes.
Bei {order} wurde die falsche Größe geliefert.
[damaged]
{item} aus Bestellung {order} kam beschädigt an, da ist ein Riss drin. Fotos anbei.
Paket {order} war eingedrückt und {item} ist kaputt. Was können Sie tun?
[discount_request]
Gibt es einen Gutscheincode? Ich würde drei Teile bestellen, wenn ich 20 % Rabatt bekomme.
Geht beim Kauf von zwei Stück was am Preis? Oder wenigstens versandkostenfrei?
[subscription]
Warum wurde schon wieder abgebucht? Ich wollte nur eine Box Socken, kein Abo.
Mir war nicht klar, dass sich der Sockenclub jeden Monat verlängert. Bitte kündigen und letzte Abbuchung erstatten.
[general]
Fällt {item} klein aus? Ich trage normalerweise {size}.
Liefern Sie auch an Packstationen? Wie lange dauert der Versand?
[resend]
Bestellung {order} ist immer noch nicht da. Schicken Sie mir bitte eine neue.
Bitte {order} nochmal versenden, ich brauche es diese Woche.
[unrealistic]
Bestellung {order} hat {days} Tage gebraucht. Das ist inakzeptabel, bei Amazon kommt alles am nächsten Tag.
Die Farbe von {item} weicht etwas vom Foto ab. Ich will den vollen Preis zurück und behalte den Artikel.
Warum kostet der Versand was? Ich verlange die Versandkosten für {order} zurück.
[followup]
Gibt es hier schon was Neues?
Hallo?? Warte immer noch auf eine Antwort.
[threat_review]
Wenn das heute nicht geklärt ist, gibt es überall eine 1-Stern-Bewertung und ich erzähle es allen.
Regeln Sie das, sonst schreibe ich bei Trustpilot und Instagram über Ihren Laden.
[threat_legal]
Ich schalte meinen Anwalt und die Verbraucherzentrale ein.
Das ist Ihre letzte Chance, bevor ich rechtliche Schritte einleite.
[threat_chargeback]
Wenn ich mein Geld bis Freitag nicht habe, lasse ich die Zahlung über meine Bank zurückbuchen.
Dann buche ich eben über PayPal zurück, wenn Sie mich weiter ignorieren.
[abusive]
Ihr seid doch komplette Vollidioten.
Was für ein erbärmlicher Saftladen, denkt da überhaupt jemand mit?
Antwortet endlich, ihr Deppen!
[subject_where_is_order]
Wo ist meine Bestellung {order}?
Status Bestellung {order}
[subject_not_received]
Bestellung {order} nicht erhalten
[subject_return]
Retoure {order}
[subject_cancel]
Stornierung {order}
[subject_change_address]
Falsche Adresse bei {order}
[subject_wrong_item]
Falscher Artikel geliefert
[subject_damaged]
Beschädigter Artikel
[subject_discount_request]
Rabatt?
[subject_subscription]
Abbuchung Abo
[subject_general]
Frage
[subject_resend]
Neuversand {order}
[subject_unrealistic]
Beschwerde zu {order}
[agent_where_is_order]
Ihre Bestellung {order} ist mit {carrier} unterwegs. Hier können Sie sie verfolgen: {url}
[agent_not_received]
Das tut uns leid. Bei {carrier} ist {order} als zugestellt vermerkt, daher haben wir einen Nachforschungsauftrag gestellt. Schauen Sie bitte solange bei den Nachbarn und im Briefkasten nach.
[agent_return]
Selbstverständlich. Anbei Ihr kostenloses Retourenlabel; sobald das Paket bei uns ist, erstatten wir {amount} innerhalb von 5 Tagen.
[agent_cancel]
Bestellung {order} ist storniert. Falls sie schon unterwegs ist, verweigern Sie einfach die Annahme oder schicken Sie sie mit dem Label zurück.
[agent_change_address]
Wir haben {carrier} um Umleitung gebeten. Klappt das nicht, kommt das Paket zu uns zurück und wir versenden es neu.
[agent_wrong_item]
Entschuldigen Sie die Verwechslung! Wir schicken heute den richtigen Artikel und ein kostenloses Retourenlabel, dazu einen 15-%-Gutschein als Dankeschön.
[agent_damaged]
Danke für die Fotos, das tut uns leid! Sie können den Artikel behalten, wir erstatten {amount} oder senden Ersatz, ganz wie Sie möchten.
[agent_discount_request]
Wir verhandeln nicht über Preise, aber ab dem Mindestbestellwert ist der Versand kostenlos.
[agent_subscription]
Ich habe das Sockenclub-Abo gekündigt, es wird nichts mehr abgebucht. Die Bedingungen standen in der Bestellbestätigung, aber die letzte Box erstatten wir diesmal.
[agent_general]
Danke für Ihre Nachricht! Die Größentabelle finden Sie auf jeder Produktseite, die Lieferung dauert meist 1–3 Werktage.
[agent_resend]
Zu Bestellung {order} läuft eine Rückbuchung bei Ihrer Bank. Solange diese offen ist, können wir keinen Ersatz schicken.
[agent_unrealistic]
Ich verstehe Ihren Ärger. Bestellung {order} kam innerhalb der angegebenen Lieferzeit an; Sie können sie 30 Tage lang kostenlos zurückschicken.
[agent_threat]
Wir möchten das ordentlich lösen und gehen so vor wie bei jedem Kunden in derselben Lage. Bitte lassen Sie uns den weiteren Austausch in diesem Verlauf führen.
[agent_abusive]
Wir helfen gern, aber Beleidigungen gegenüber unserem Team akzeptieren wir nicht. Dies ist eine Verwarnung: Bei weiteren beleidigenden Nachrichten beenden wir das Gespräch.
[reason_size]
zu klein
Zu weit an den Schultern
[reason_changed_mind]
Gefällt mir doch nicht
brauche ich nicht mehr
[reason_not_as_described]
Sieht anders aus als auf dem Foto
Stoff wirkt billig
[reason_damaged]
Naht gerissen
[reason_wrong_item]
Falsche Farbe geliefert
[reason_late]
Kam zu spät
[survey_positive]
Schnelle Lieferung, super Qualität, danke!
Sehr zufrieden, bestelle wieder.
[survey_neutral]
Passt, aber der Versand könnte schneller sein.
Die Größen fallen etwas klein aus.
[survey_negative]
Schlechter Service, nie wieder.
Hat ewig gedauert und niemand hat geantwortet.
"""
