"""How often does loading decode a text exactly, whatever encoding it was saved in?

Generates seeded samples of readout- and wire-style text in English, Spanish, French and German
(fictional names and events, one to six sentences, with the accented letters, currency signs,
curly quotes and dashes each language uses), encodes each in UTF-8, Windows-1252, Latin-1 (only
characters Latin-1 has) and UTF-16 with a byte-order mark, and counts the samples that
``load.decode`` gives back character for character. Two damaged cases are counted apart: UTF-8
cut in the middle of its last character, and UTF-8 with one stray Windows-1252 byte.

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
DATES = {
    "en": ["January 31", "February 12", "March 3"],
    "es": ["31 de enero", "12 de febrero", "3 de marzo"],
    "fr": ["31 janvier", "12 février", "3 mars"],
    "de": ["31. Januar", "12. Februar", "3. März"],
}
ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16")
# Latin-1 has no curly quotes, dashes, ellipsis or euro sign: its samples use the old forms.
LATIN1_FORMS = str.maketrans({"“": '"', "”": '"', "„": '"', "’": "'", "—": "-", "–": "-",
                              "…": "...", "€": "EUR"})


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
    for encoding in ENCODINGS:
        for n in range(args.samples):
            text, data = encoded(sample(rng, langs[n % len(langs)]), encoding)
            rows.append((encoding, text, data))
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
    for group, items in (("clean", rows), ("damaged", damaged)):
        counts: dict[str, list[int]] = {}
        wrong: dict[str, Counter] = {}
        for encoding, text, data in items:
            got, how = attempt(data)
            ok = _exact(got, text, encoding)
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


def _exact(got: str | None, text: str, encoding: str) -> bool:
    if got is None:
        return False
    if encoding == "utf-8 cut mid-character":
        return got.rstrip("\ufffd") == text.rstrip("\ufffd") and "Ã" not in got
    if encoding == "utf-8 one stray byte":
        # The stray byte may come back as the apostrophe it meant or as U+FFFD; the rest exact.
        return got.replace("\ufffd", "\x92").replace("’", "\x92") == text.replace("’", "\x92")
    return got == text


if __name__ == "__main__":
    main()
