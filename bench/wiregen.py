"""A second generator of readout/account pairs, independent of MSRP and STS-B: fictional
government readouts and wire-style accounts built from templates with random officials,
countries, topics, dates and figures.

Each account sentence copies a readout sentence (15%), restates one in other words (15%: a
reporting verb from another rung, a synonym for the topic, the clause order turned round), or
is its own claim (the rest) in the same vocabulary, so that candidates share words without
sharing claims. Seeded, so every run builds the same documents.
"""

from __future__ import annotations

import random

FIRST = ["Ingrid", "Chidi", "Mariana", "Tomasz", "Aiko", "Rafael", "Leila", "Sven", "Amara",
         "Dmitri", "Lucía", "Kwame", "Hana", "Pieter", "Nadia", "Owen", "Farah", "Mateus"]
LAST = ["Halvorsen", "Okafor", "Quiroga", "Wiśniewski", "Tanaka", "Benítez", "Haddad", "Lund",
        "Mensah", "Volkov", "Serrano", "Boateng", "Novak", "de Vries", "Karimi", "Price"]
ROLES = ["Minister of Trade", "Foreign Minister", "Defense Minister", "Secretary of State",
         "Minister of Energy", "Interior Minister", "Minister of Agriculture", "Deputy Minister"]
COUNTRIES = ["Norway", "Nigeria", "Chile", "Poland", "Japan", "Peru", "Lebanon", "Denmark",
             "Ghana", "Kazakhstan", "Uruguay", "Kenya", "Vietnam", "Portugal", "Jordan",
             "Canada", "Morocco", "Finland", "Colombia", "Indonesia"]
TOPICS = [("port inspections", "checks at the port"), ("fertilizer exports", "fertilizer sales abroad"),
          ("grid interconnection", "linking the power grids"), ("border security", "security at the border"),
          ("visa processing", "handling of visas"), ("fishing quotas", "catch limits"),
          ("rail freight", "goods trains"), ("vaccine supply", "deliveries of vaccines"),
          ("customs data", "customs records"), ("wheat shipments", "grain cargoes"),
          ("cyber defense", "defense against hacking"), ("student exchanges", "exchanges of students"),
          ("water rights", "access to water"), ("mining licenses", "permits for mines"),
          ("air traffic", "flights between the countries"), ("refugee returns", "the return of refugees")]
VERBS = [("emphasized", "stressed"), ("underscored", "highlighted"), ("noted", "said"),
         ("welcomed", "praised"), ("discussed", "talked about"), ("reaffirmed", "restated")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
          "October", "November"]


def _official(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return name, f"{rng.choice(ROLES)} {name}"


def _readout_sentence(rng: random.Random) -> dict:
    name, full = _official(rng)
    other = rng.choice(COUNTRIES)
    topic = rng.choice(TOPICS)
    verb = rng.choice(VERBS)
    n = rng.randint(2, 95)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    kind = rng.randrange(4)
    if kind == 0:
        text = (f"{full} {verb[0]} the importance of cooperation with {other} on {topic[0]} "
                f"during talks on {month} {day}.")
        para = (f"During talks on {month} {day}, {name} {verb[1]} that cooperation with {other} "
                f"on {topic[1]} mattered, officials said.")
    elif kind == 1:
        text = (f"The two sides agreed to expand {topic[0]} by {n} percent before the end of "
                f"{month}, {full} said.")
        para = (f"{name} said both sides would increase {topic[1]} by {n}% by late {month}.")
    elif kind == 2:
        text = (f"{full} and the delegation from {other} committed to a joint working group on "
                f"{topic[0]} that will meet every {rng.choice(['month', 'quarter', 'year'])}.")
        para = (f"A joint working group on {topic[1]} will be set up with {other}, "
                f"{name} told reporters.")
    else:
        text = (f"{full} {verb[0]} that {other} will receive {n} million dollars for {topic[0]} "
                f"under the new agreement.")
        para = (f"Under the agreement {other} is to get ${n} million for {topic[1]}, according to "
                f"{name}.")
    return {"text": text, "para": para}


def _own_claim(rng: random.Random) -> str:
    name, full = _official(rng)
    topic = rng.choice(TOPICS)
    other = rng.choice(COUNTRIES)
    n = rng.randint(2, 95)
    return rng.choice([
        f"Analysts said {topic[0]} between {other} and its neighbours had fallen by {n} percent.",
        f"{full} did not respond to a request for comment on {topic[0]}.",
        f"Critics in {other} said the talks on {topic[1]} achieved little.",
        f"The opposition in {other} called the plan for {topic[0]} a giveaway worth {n} million.",
        f"Two officials familiar with the talks said {name} had threatened to walk out.",
        f"Trade between the two countries reached {n} billion dollars last year.",
    ])


def make_wire_pair(n_readout: int, n_account: int, *, seed: int = 0) -> tuple[str, str]:
    """(readout text, account text) of the requested numbers of sentences."""
    rng = random.Random(seed)
    readout = [_readout_sentence(rng) for _ in range(n_readout)]
    account = []
    for _ in range(n_account):
        roll = rng.random()
        if roll < 0.15:
            account.append(rng.choice(readout)["text"])
        elif roll < 0.30:
            account.append(rng.choice(readout)["para"])
        else:
            account.append(_own_claim(rng))
    return _paragraphs([r["text"] for r in readout], rng), _paragraphs(account, rng)


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    out, i = [], 0
    while i < len(sentences):
        k = rng.randint(1, 4)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return "\n\n".join(out) + "\n"
