"""Czech (čeština)."""
# ruff: noqa: E501

TEXT = r"""
[greeting]
Dobrý den,
Zdravím,
Ahoj,
[signoff]
Děkuji,\n{first}
S pozdravem\n{first}
Díky\n{first}
[agent_greeting]
Dobrý den, {first},
[agent_signoff]
S pozdravem\n{agent}\nzákaznická podpora {shop}
[where_is_order]
Kde je moje objednávka {order}? Objednala jsem před {days} dny a sledování se nehýbe.
Máte nějaké info k objednávce {order}? Už tu měla dávno být.
Kdy dorazí balík {order}? Pořád čekám.
[not_received]
Podle sledování byla objednávka {order} doručena, ale nic jsem nedostal. Ani u sousedů nic není.
Zásilka {order} je vedená jako doručená, ale já ji NEMÁM. Pošlete ji znovu, nebo vraťte peníze.
Objednávka {order} pořád nedorazila, i když už tu měla být.
[return]
Chtěla bych vrátit {item} z objednávky {order}, nesedí mi velikost. Jak to mám poslat?
Můžete mi poslat štítek na vrácení k objednávce {order}? {item} není podle mých představ.
Vracím část objednávky {order}. Jak rychle dostanu peníze zpět?
[cancel]
Prosím o zrušení objednávky {order}, objednal jsem omylem.
Můžete stornovat {order}? Už to nepotřebuji. Pokud je to odeslané, co mám dělat?
[change_address]
Zadal jsem špatnou adresu u objednávky {order}! Dá se to ještě změnit?
Přestěhovala jsem se, můžete prosím u {order} změnit doručovací adresu?
[wrong_item]
V objednávce {order} mi přišlo něco jiného. Objednala jsem {item} a dostala jsem jiné zboží.
U objednávky {order} přišla špatná velikost.
[damaged]
{item} z objednávky {order} přišlo poškozené, je tam díra. Fotky přikládám.
Balík {order} byl zmačkaný a {item} je rozbité. Co s tím uděláte?
[discount_request]
Nemáte nějaký slevový kód? Objednal bych tři kusy, kdybych dostal 20 % slevu.
Dáte lepší cenu, když vezmu dva? Nebo aspoň dopravu zdarma?
[subscription]
Proč mi zase strhli peníze? Chtěla jsem jen jednu krabičku ponožek, ne předplatné.
Nevěděl jsem, že se ponožkový klub každý měsíc obnovuje. Zrušte to prosím a vraťte poslední platbu.
[general]
Je {item} menší? Normálně nosím {size}.
Posíláte i na Zásilkovnu na Slovensko? Jak dlouho trvá doručení?
[resend]
Objednávka {order} pořád nepřišla. Pošlete mi novou.
Pošlete prosím {order} znovu, potřebuju to tento týden.
[unrealistic]
Objednávka {order} šla {days} dní. To je nepřijatelné, jinde to mám druhý den.
Odstín {item} je trochu jiný než na fotce. Chci vrátit celou částku a zboží si nechat.
Proč se platí doprava? Chci vrátit poštovné za {order}.
[followup]
Je k tomu něco nového?
Haló? Pořád čekám na odpověď.
[threat_review]
Jestli to dnes nevyřešíte, dám vám všude jednu hvězdu na Heurece a řeknu to všem známým.
Opravte to, nebo o vašem obchodě napíšu na sociálních sítích.
[threat_legal]
Obrátím se na právníka a na Českou obchodní inspekci.
Tohle je poslední šance, než to předám právníkovi.
[threat_chargeback]
Pokud do pátku nedostanu peníze, podám v bance reklamaci platby.
Nechám platbu kartou zrušit přes banku, když nebudete odpovídat.
[abusive]
Jste úplní idioti.
To je ale ubohý krám, myslí tam vůbec někdo?
Odpovězte konečně, vy blbci!
[subject_where_is_order]
Kde je objednávka {order}?
Stav objednávky {order}
[subject_not_received]
Nedoručená objednávka {order}
[subject_return]
Vrácení zboží {order}
[subject_cancel]
Storno objednávky {order}
[subject_change_address]
Špatná adresa {order}
[subject_wrong_item]
Přišlo špatné zboží
[subject_damaged]
Poškozené zboží
[subject_discount_request]
Sleva?
[subject_subscription]
Platba za předplatné
[subject_general]
Dotaz
[subject_resend]
Znovu poslat {order}
[subject_unrealistic]
Reklamace {order}
[agent_where_is_order]
Vaše objednávka {order} je na cestě s dopravcem {carrier}. Sledovat ji můžete zde: {url}
[agent_not_received]
To nás mrzí. Dopravce {carrier} uvádí zásilku {order} jako doručenou, proto jsme zahájili šetření. Mezitím se prosím podívejte k sousedům a do schránky.
[agent_return]
Samozřejmě. Posíláme štítek pro bezplatné vrácení; jakmile balík dorazí, vrátíme {amount} do 5 dnů.
[agent_cancel]
Objednávka {order} je stornovaná. Pokud už odešla, zásilku prostě nepřevezměte nebo ji vraťte se štítkem.
[agent_change_address]
Požádali jsme dopravce {carrier} o přesměrování. Pokud to nepůjde, zásilka se vrátí k nám a pošleme ji znovu.
[agent_wrong_item]
Omlouváme se za záměnu! Ještě dnes posíláme správné zboží a štítek na bezplatné vrácení, k tomu slevový kód 15 % jako poděkování.
[agent_damaged]
Děkujeme za fotky a omlouváme se. Zboží si můžete nechat a vrátíme vám {amount}, nebo pošleme nové – jak budete chtít.
[agent_discount_request]
O cenách nesmlouváme, ale objednávky nad hranicí dopravy zdarma posíláme bez poštovného.
[agent_subscription]
Předplatné ponožkového klubu jsem zrušila, další platby už nebudou. Podmínky byly v potvrzení objednávky, ale tentokrát poslední krabičku vracíme.
[agent_general]
Děkujeme za zprávu! Tabulku velikostí najdete u každého produktu, doručení trvá obvykle 1–3 pracovní dny.
[agent_resend]
K objednávce {order} je v bance otevřená reklamace platby. Dokud ji banka neuzavře, nemůžeme poslat náhradu.
[agent_unrealistic]
Chápeme, že vás to mrzí. Objednávka {order} dorazila v uvedené lhůtě; do 30 dnů ji můžete vrátit zdarma.
[agent_threat]
Chceme to vyřešit pořádně a postupujeme stejně jako u každého zákazníka ve stejné situaci. Další komunikaci prosím veďme v tomto vlákně.
[agent_abusive]
Rádi pomůžeme, ale urážky našeho týmu nepřijímáme. Toto je varování: pokud budou urážky pokračovat, konverzaci ukončíme.
[reason_size]
malé
Velké v ramenou
[reason_changed_mind]
Rozmyslela jsem si to
už nepotřebuji
[reason_not_as_described]
Vypadá jinak než na fotce
Látka působí levně
[reason_damaged]
Roztržený šev
[reason_wrong_item]
Přišla jiná barva
[reason_late]
Přišlo pozdě
[survey_positive]
Rychlé doručení a skvělá kvalita, díky!
Moc spokojená, objednám znovu.
[survey_neutral]
V pohodě, ale doprava by mohla být rychlejší.
Velikosti jsou trochu menší.
[survey_negative]
Hrozná služba, už nikdy.
Trvalo to věčnost a nikdo neodpověděl.
"""
