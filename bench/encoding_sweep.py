"""How often does loading decode a text exactly, whatever encoding it was saved in?

Generates seeded samples of readout- and wire-style text in English, Spanish, French and German
(fictional names and events, one to six sentences, with the accented letters, currency signs,
curly quotes and dashes each language uses), and in Icelandic, Danish, Norwegian, Swedish,
Finnish, Portuguese, Italian, Dutch and Catalan (four templates each), encodes each in UTF-8,
Windows-1252, Latin-1 (only characters Latin-1 has) and UTF-16 with a byte-order mark, and
counts the samples that
``load.decode`` gives back character for character; short lines of each language (two or three
words) in Windows-1252 and Latin-1 too. Three damaged cases are counted apart: UTF-8 cut in the
middle of its last character, UTF-8 with one stray Windows-1252 byte, and UTF-8 with 9 to 20.

    python bench/encoding_sweep.py [--samples 400] [--errors]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import decode

PEOPLE = {
    "en": ["Ángeles Morales", "Zoë Hartley", "Renée Okafor", "Seán Whitcombe", "Chloé Barnard",
           "Tomás Reilly", "Niamh O’Brien", "André Fulton"],
    "es": ["Ángeles Morales", "Begoña Ibáñez", "Joaquín Peña", "Inés Castañeda", "Óscar Núñez",
           "María José Gutiérrez", "Raúl Domínguez", "Lucía Cortés"],
    "fr": ["Hélène Lefèvre", "François Bézier", "Amélie Côté", "Jérôme Thévenin",
           "Noël Guérin", "Geneviève Maréchal", "Loïc Benoît", "Éloïse Garçon"],
    "de": ["Jürgen Schäfer", "Käthe Größler", "Björn Müller", "Dörte Weiß", "Günther Kühn",
           "Annegret Höß", "Sören Brückner", "Lüder Krämer"],
}
PLACES = {
    "en": ["São Tomé", "Zürich", "Malmö", "Bogotá", "Reykjavík", "Curaçao"],
    "es": ["Bogotá", "Cádiz", "Mérida", "Asunción", "Córdoba", "León"],
    "fr": ["Genève", "Besançon", "Orléans", "Nîmes", "Québec", "Béziers"],
    "de": ["München", "Düsseldorf", "Köln", "Görlitz", "Lübeck", "Saarbrücken"],
}
TEMPLATES = {
    "en": [
        "{p} spoke on {d} with officials in {c} about the £{n}bn package.",
        "The minister “underscored the importance” of cooperation — officials said.",
        "{p} said the talks in {c} were “constructive” and would resume in {d}.",
        "Both sides agreed on a €{n}m fund for the border crossing near {c}.",
        "“We will not accept delays,” {p} told reporters after the meeting.",
        "A spokesperson for {p} declined to comment on the {n}% figure.",
        "Officials in {c} said the plan costs about £{n}m – less than expected.",
        "The statement noted progress on tariffs… but gave no date.",
    ],
    "es": [
        "{p} conversó el {d} con autoridades de {c} sobre el acuerdo de €{n} millones.",
        "La secretaria subrayó la importancia de la cooperación en la frontera.",
        "“No aceptaremos más retrasos”, dijo {p} tras la reunión en {c}.",
        "Ambas partes acordaron reforzar la vigilancia en {c} a partir del {d}.",
        "{p} señaló que el diálogo continuará el próximo año, según el comunicado.",
        "El Gobierno destinará {n} millones de euros — informó el ministerio.",
        "¿Habrá acuerdo? {p} no quiso adelantar ninguna cifra.",
        "La reunión de {c} concluyó con un compromiso común, añadió {p}.",
    ],
    "fr": [
        "{p} s’est entretenu le {d} avec les autorités de {c} au sujet du fonds de {n} M€.",
        "La ministre a souligné l’importance de la coopération régionale.",
        "« Nous n’accepterons pas de nouveaux retards », a déclaré {p} à {c}.",
        "Les deux parties sont convenues d’une réunion à {c} le {d}.",
        "{p} a précisé que les négociations reprendraient l’année prochaine.",
        "Le gouvernement consacrera {n} millions d’euros à la sécurité — selon l’Élysée.",
        "Interrogé, {p} n’a pas souhaité commenter le chiffre de {n} %.",
        "La déclaration évoque des « progrès » mais ne fixe aucune échéance.",
    ],
    "de": [
        "{p} sprach am {d} mit Vertretern aus {c} über das Paket von {n} Mio. €.",
        "Die Ministerin betonte die Bedeutung der Zusammenarbeit an der Grenze.",
        "„Wir werden keine weiteren Verzögerungen hinnehmen“, sagte {p} in {c}.",
        "Beide Seiten vereinbarten ein Treffen in {c} für den {d}.",
        "{p} erklärte, die Gespräche würden im nächsten Jahr fortgesetzt.",
        "Die Regierung stellt {n} Millionen Euro für die Sicherheit bereit – so das Ministerium.",
        "Auf Nachfrage äußerte sich {p} nicht zu der Zahl von {n} Prozent.",
        "Die Erklärung nennt Fortschritte, aber keinen Zeitplan für Maßnahmen.",
    ],
}
# Nordic and other Western European languages: fictional names, their own letters.
PEOPLE.update({
    "is": ["Þórdís Guðmundsdóttir", "Ásgeir Þórðarson", "Sigríður Ólafsdóttir", "Ævar Héðinsson"],
    "da": ["Søren Kjærgaard", "Åse Mølgaard", "Jørgen Bækgaard", "Birthe Østergård"],
    "no": ["Ørjan Løvås", "Åsne Sæther", "Bjørn Hægeland", "Kåre Rønning"],
    "sv": ["Åsa Löfgren", "Göran Sjöström", "Märta Åkesson", "Björn Ångström"],
    "fi": ["Päivi Häkkinen", "Jyrki Mäkelä", "Sönke Väänänen", "Äijö Kärkkäinen"],
    "pt": ["João Gonçalves", "Conceição Simões", "Inês Magalhães", "Sebastião Antônio"],
    "it": ["Niccolò Pellegrini", "Nicolò Fabbri", "Lucía Mancò", "Mattia Perù"],
    "nl": ["Anoek van Oosterzee", "Maaïke Jansen", "Gijs Hoëtmer", "Daniëlle de Wit"],
    "ca": ["Jordi Puigcercós", "Mercè Solà", "Núria Ferré", "Martí Pagès"],
})
PLACES.update({
    "is": ["Reykjavík", "Þórshöfn", "Akureyri", "Egilsstaðir", "Ísafjörður"],
    "da": ["Århus", "Køge", "Ærøskøbing", "Næstved"],
    "no": ["Tromsø", "Bodø", "Ålesund", "Førde"],
    "sv": ["Malmö", "Göteborg", "Västerås", "Örebro"],
    "fi": ["Hämeenlinna", "Jyväskylä", "Mäntsälä", "Pännäinen"],
    "pt": ["São Paulo", "Brasília", "Maceió", "Évora"],
    "it": ["Forlì", "Cantù", "Santhià", "Città di Castello"],
    "nl": ["Zoëtermeer", "Tilburg", "Leeuwarden", "Eindhoven"],
    "ca": ["Lleida", "Sant Cugat", "Tàrrega", "Olot"],
})
TEMPLATES.update({
    "is": ["{p} ræddi við ráðherra í {c} þann {d} um {n} milljónir króna.",
           "Báðir aðilar voru sammála um að halda viðræðum áfram, sagði {p}.",
           "„Við munum ekki sætta okkur við frekari tafir,“ sagði {p} í {c}.",
           "Ráðuneytið sagði að fundurinn hefði verið gagnlegur og að þörf væri á samstarfi."],
    "da": ["{p} talte den {d} med ministeren i {c} om en pakke på {n} mio. kr.",
           "Begge parter blev enige om at fortsætte drøftelserne, sagde {p}.",
           "»Vi vil ikke acceptere flere forsinkelser,« sagde {p} i {c}.",
           "Ministeriet oplyste, at mødet var nyttigt, og at samarbejdet skal styrkes."],
    "no": ["{p} snakket {d} med ministeren i {c} om en pakke på {n} millioner kroner.",
           "Begge parter ble enige om å fortsette samtalene, sa {p}.",
           "«Vi vil ikke godta flere forsinkelser», sa {p} i {c}.",
           "Departementet opplyste at møtet var nyttig, og at samarbeidet skal styrkes."],
    "sv": ["{p} talade den {d} med ministern i {c} om ett paket på {n} miljoner kronor.",
           "Båda parter kom överens om att fortsätta samtalen, sade {p}.",
           "”Vi kommer inte att godta fler förseningar”, sade {p} i {c}.",
           "Departementet uppgav att mötet var givande och att samarbetet ska stärkas."],
    "fi": ["{p} keskusteli {d} ministerin kanssa {c}ssä {n} miljoonan euron paketista.",
           "Molemmat osapuolet sopivat neuvottelujen jatkamisesta, kertoi {p}.",
           "”Emme hyväksy enää viivästyksiä”, sanoi {p} {c}ssä.",
           "Ministeriön mukaan tapaaminen oli hyödyllinen ja yhteistyötä tiivistetään."],
    "pt": ["{p} conversou em {d} com as autoridades de {c} sobre o pacote de €{n} milhões.",
           "Ambas as partes concordaram em continuar as negociações, disse {p}.",
           "“Não aceitaremos mais atrasos”, afirmou {p} em {c}.",
           "O ministério informou que a reunião foi útil e que a cooperação será reforçada."],
    "it": ["{p} ha parlato il {d} con le autorità di {c} del pacchetto da {n} milioni di €.",
           "Entrambe le parti hanno concordato di proseguire i colloqui, ha detto {p}.",
           "«Non accetteremo più ritardi», ha dichiarato {p} a {c}.",
           "Il ministero ha riferito che l’incontro è stato utile e che la cooperazione sarà più forte."],
    "nl": ["{p} sprak op {d} met de minister in {c} over een pakket van €{n} miljoen.",
           "Beide partijen kwamen overeen de gesprekken voort te zetten, zei {p}.",
           "‘We accepteren geen verdere vertragingen’, zei {p} in {c}.",
           "Het ministerie meldde dat het overleg nuttig was en dat de samenwerking wordt geïntensiveerd."],
    "ca": ["{p} va parlar el {d} amb les autoritats de {c} sobre el paquet de {n} milions d’euros.",
           "Les dues parts van acordar continuar les converses, va dir {p}.",
           "«No acceptarem més retards», va declarar {p} a {c}.",
           "El ministeri va informar que la reunió va ser útil i que la cooperació es reforçarà."],
})
# Short lines, where an encoding has little evidence to go on.
SHORT = {
    "en": ["Café owner’s résumé", "Zoë’s naïve plan"], "es": ["¿Qué pasó aquí?", "Sí, señor"],
    "fr": ["Ça été où ?", "Déjà vu, Noël"], "de": ["Grüße aus Köln", "Schöne Größe"],
    "is": ["Þórshöfn", "Við ætlum", "Góðan daginn"], "da": ["Rødgrød med fløde", "Året går"],
    "no": ["Blåbærsyltetøy", "Søt øl"], "sv": ["Hälsningar från Malmö", "Så här"],
    "fi": ["Hyvää päivää", "Kiitos näkemiin"], "pt": ["Não, obrigado", "Ação já"],
    "it": ["Perché no?", "Città più bella"], "nl": ["Één ideeën", "Geïnteresseerd"],
    "ca": ["Què és això?", "Adéu, Mercè"],
}
DATES = {
    "en": ["January 31", "February 12", "March 3"],
    "es": ["31 de enero", "12 de febrero", "3 de marzo"],
    "fr": ["31 janvier", "12 février", "3 mars"],
    "de": ["31. Januar", "12. Februar", "3. März"],
}
DATES.update({lang: ["14", "3", "27"] for lang in TEMPLATES if lang not in DATES})
ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16")
# Latin-1 has no curly quotes, dashes, ellipsis or euro sign: its samples use the old forms.
LATIN1_FORMS = str.maketrans({"“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "—": "-",
                              "–": "-", "…": "...", "€": "EUR"})


def sample(rng: random.Random, lang: str) -> str:
    sentences = []
    for _ in range(rng.randint(1, 6)):
        sentences.append(rng.choice(TEMPLATES[lang]).format(
            p=rng.choice(PEOPLE[lang]), c=rng.choice(PLACES[lang]), d=rng.choice(DATES[lang]),
            n=rng.randint(2, 900),
        ))
    paragraphs, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + k]))
        i += k
    return "\n\n".join(paragraphs) + "\n"


def encoded(text: str, encoding: str) -> tuple[str, bytes]:
    encoding = encoding.removesuffix(" short line")
    if encoding == "latin-1":
        text = text.translate(LATIN1_FORMS)
    if encoding == "utf-16":
        return text, text.encode("utf-16")  # with its byte-order mark
    return text, text.encode(encoding)


def attempt(data: bytes) -> tuple[str | None, str]:
    try:
        text, encoding = decode(data, name="sample")
    except ReadoutCompareError as exc:
        return None, f"refused: {exc}"
    return text, encoding


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=400, help="samples per encoding")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--errors", action="store_true", help="print each wrong decoding")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    langs = list(TEMPLATES)
    total_ok = total = 0
    print(f"{'encoding':<24} {'exact':>7} {'samples':>8}  wrong decodings")
    rows: list[tuple[str, str, bytes]] = []
    lang_of: list[str] = []
    for encoding in ENCODINGS:
        for n in range(args.samples):
            text, data = encoded(sample(rng, langs[n % len(langs)]), encoding)
            rows.append((encoding, text, data))
            lang_of.append(langs[n % len(langs)])
    for encoding in ("cp1252", "latin-1"):
        for lang, lines in SHORT.items():
            for line in lines:
                text, data = encoded(line, encoding)
                rows.append((f"{encoding} short line", text, data))
                lang_of.append(lang)
    by_lang: dict[str, list[int]] = {}
    damaged: list[tuple[str, str, bytes]] = []
    for n in range(args.samples):
        text = sample(rng, langs[n % len(langs)]).rstrip("\n") + " — fin ’"
        data = text.encode("utf-8")[:-1]  # cut inside the last character
        damaged.append(("utf-8 cut mid-character", text[:-1], data))
        text = sample(rng, langs[n % len(langs)])
        cut = rng.randrange(len(text))
        stray = text[:cut] + "\x92" + text[cut:]  # one Windows-1252 apostrophe byte
        data = text[:cut].encode() + b"\x92" + text[cut:].encode()
        damaged.append(("utf-8 one stray byte", stray, data))
        # Many stray bytes: 9 to 20 Windows-1252 apostrophes and accents among UTF-8.
        text = "".join(sample(rng, langs[n % len(langs)]) for _ in range(3))
        cuts = sorted(rng.sample([k for k, ch in enumerate(text) if ch == " "],
                                 min(rng.randint(9, 20), text.count(" "))))
        pieces, parts, last = [], [], 0
        for k, cut in enumerate(cuts):
            ch = "\x92" if k % 2 else "\xe9"
            pieces.append(text[last:cut] + ch)
            parts.append(text[last:cut].encode() + ch.encode("latin-1"))
            last = cut
        pieces.append(text[last:])
        parts.append(text[last:].encode())
        damaged.append(("utf-8 9+ stray bytes", "".join(pieces), b"".join(parts)))
    for group, items in (("clean", rows), ("damaged", damaged)):
        counts: dict[str, list[int]] = {}
        wrong: dict[str, Counter] = {}
        for k, (encoding, text, data) in enumerate(items):
            got, how = attempt(data)
            ok = _exact(got, text, encoding)
            if group == "clean":
                by_lang.setdefault(lang_of[k], [0, 0])
                by_lang[lang_of[k]][0] += ok
                by_lang[lang_of[k]][1] += 1
            counts.setdefault(encoding, [0, 0])
            counts[encoding][0] += ok
            counts[encoding][1] += 1
            if not ok:
                wrong.setdefault(encoding, Counter())[how] += 1
                if args.errors:
                    print(f"  {encoding}: {how}: {text[:60]!r} -> {(got or '')[:60]!r}")
        for encoding, (ok, n) in counts.items():
            top = ", ".join(f"{k} ×{v}" for k, v in wrong.get(encoding, Counter()).most_common(3))
            print(f"{encoding:<24} {ok / n:>7.3f} {n:>8}  {top}")
            if group == "clean":
                total_ok += ok
                total += n
    print(f"{'all clean samples':<24} {total_ok / total:>7.3f} {total:>8}")
    print("clean samples by language: " + ", ".join(
        f"{lang} {ok / n:.3f} ({n})" for lang, (ok, n) in by_lang.items()))


def _exact(got: str | None, text: str, encoding: str) -> bool:
    if got is None:
        return False
    if encoding == "utf-8 cut mid-character":
        return got.rstrip("\ufffd") == text.rstrip("\ufffd") and "Ã" not in got
    if encoding in ("utf-8 one stray byte", "utf-8 9+ stray bytes"):
        # The stray byte may come back as the apostrophe it meant or as U+FFFD; the rest exact.
        want = text.replace("’", "\x92").replace("\xe9", "é")
        return got.replace("\ufffd", "\x92").replace("’", "\x92") == want
    return got == text


if __name__ == "__main__":
    main()
