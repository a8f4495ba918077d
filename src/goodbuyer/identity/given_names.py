"""Short forms of given names: "Bob" is Robert, "Honza" is Jan, "Gosia" is Małgorzata (pure).

English comes from the `nicknames` package (a hand-curated list of English names and their
nicknames); the other languages of the shops' markets from the table below: the common
diminutives a customer writes on an order instead of the name on their card. All forms are
folded (no accents, Latin letters) as `normalize.fold` gives them.
"""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer

# Each line: the full name(s), then the short forms that stand for them.
_GROUPS = """
hu: janos jani jancsi | istvan pista isti | laszlo laci | jozsef jozsi | ferenc feri
hu: gyorgy gyuri | sandor sanyi | zoltan zoli | attila atti | gabor gabi | peter peti
hu: andras andris bandi | tamas tomi | mihaly misi | erzsebet erzsi zsoka bozsi | katalin kati kata
hu: maria mari marika | ilona ica ili | eva evi | zsuzsanna zsuzsa zsuzsi | agnes agi
hu: julianna juli | margit manci | anna panni anci | krisztina kriszti | erika eri
cs: jan honza jenik | josef pepa pepik | jiri jirka | petr peta | pavel pavlik
cs: tomas tom tomik | martin mara | frantisek franta | vaclav vasek | jaroslav jarda
cs: miroslav mirek | zdenek zdenda | ladislav laca | stanislav standa | karel karlik
cs: katerina katka | marie marenka majka | lucie lucka | tereza terka | veronika verca
cs: jana janicka | eva evicka | alena alenka | michaela misa | barbora bara
pl: malgorzata gosia malgosia | katarzyna kasia | agnieszka aga agusia | aleksandra ola
pl: magdalena magda | joanna asia | barbara basia | elzbieta ela | dorota dorotka
pl: krzysztof krzys | wojciech wojtek | grzegorz grzes | tomasz tomek | piotr piotrek
pl: pawel pawelek | jakub kuba | lukasz lukaszek | michal michas | andrzej jedrek | jan janek
de: johannes hans hannes | wolfgang wolf | friedrich fritz | wilhelm willi | heinrich heinz
de: josef sepp | elisabeth lisa liese | margarete grete gretchen | katharina kathi | susanne susi
de: alexander alex | christian chris | sebastian basti | stefanie steffi | gabriele gabi
fi: johannes juha jussi | matti masa | antti antsa | kristiina kiti | katariina katri kati
fi: elisabet liisa | helena leena | margareeta reetta | aleksanteri santeri aleksi
fr: jean-pierre jp | jean-charles jc | jean-baptiste jb | marie-christine mc | francois fanfan
fr: frederic fred | nicolas nico | alexandre alex | christophe chris | dominique dom
fr: catherine cathy | isabelle isa | veronique vero | stephanie steph | elisabeth babette
es: jose pepe | francisco paco pancho | manuel manolo | ignacio nacho | guillermo memo
es: dolores lola | concepcion concha | consuelo chelo | rosario charo | mercedes merche
es: maria mari ma | enrique quique | jesus chus chuy
it: antonio toto tonino | giuseppe peppe beppe pino | giovanni gianni vanni
it: francesco ciccio checco
it: salvatore toto | alessandro sandro ale | roberto berto | vincenzo enzo | domenico mimmo
it: elisabetta betta | margherita rita | caterina rina | giuseppina pina | francesca franci
pt: jose ze | antonio toni | francisco chico | manuel manel | joao joaozinho | maria mimi
nl: johannes jan hans | cornelis kees | hendrik henk | jacobus koos | wilhelmina mien
nl: johanna anneke | catharina trijntje | gerardus gerard gert
tr: mehmet memo | mustafa musti | ibrahim ibo | abdullah apo | huseyin huso
ru: aleksandr sasha shura sanya | ekaterina katya katia | elena lena | mikhail misha
ru: dmitriy dima | vladimir volodya vova | nikolay kolya | sergey seryozha | ivan vanya
ru: anastasiya nastya | tatyana tanya | natalya natasha | mariya masha | olga olya
ru: yevgeniy zhenya | pavel pasha | anna anya | svetlana sveta | lyudmila lyuda
uk: oleksandr sashko | mykola kolya | volodymyr volodia | kateryna katia katya | oleksiy lesha
he: yosef yossi yossef | avraham avi | binyamin beni | yitzhak itzik | menachem meni
he: elisheva eli | shoshana shoshi | yehuda yudi | moshe moishe
ar: mohammed mohamed muhammad hamada | abdullah abdo | abdulrahman abood | ahmed hamada
ar: fatima fatma | khadija khadijah
"""


def _table() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for line in _GROUPS.strip().splitlines():
        for group in line.split(":", 1)[1].split("|"):
            words = set(group.replace("-", "").split())
            for word in words:
                groups.setdefault(word, set()).update(words)
    return {word: frozenset(found) for word, found in groups.items()}


_TABLE = _table()
_ENGLISH = NickNamer()


@lru_cache(maxsize=65536)
def forms_of(name: str) -> frozenset[str]:
    """The name and every name it may stand for or be written as."""
    found = {name} | set(_TABLE.get(name, ()))
    found |= _ENGLISH.nicknames_of(name) | _ENGLISH.canonicals_of(name)
    return frozenset(found)


def same_given_name(a: str, b: str) -> bool:
    return b in forms_of(a) or a in forms_of(b)


__all__ = ["forms_of", "same_given_name"]
