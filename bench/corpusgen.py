"""A corpus of readouts and news articles, all made here, for corpus mode at scale.

    from corpusgen import write_corpus
    truth = write_corpus(folder, readouts=200, articles=20000, seed=0)

Readouts are fictional government readouts of calls and meetings between officials of
fictional countries: an opening sentence, four to seven points from a pool of kinds (a stress on
an issue, an agreement with a deadline, a sum of money, a concern, a visit, an invitation), and
often a closing courtesy. Each point is written twice: as a readout says it, and as a reporter
restates it (another verb, the clause turned round, other words for the thing).

Articles have about 30 sentences. One in ten reports one readout: two to five of its points,
each copied whole, quoted in part inside a longer sentence, restated, or quoted with a word
changed, among background, other sources' claims and analysts' comments. One in ten is a near
miss: the same officials or countries, often the readouts' stock phrases ("the importance of
close cooperation"), but another event and none of the readout's points. The rest are other
news (markets, courts, weather, sport, city hall). Every article has a date (0-3 days after its
readout for reports; any day for the rest) and an outlet, given in a JSON Lines manifest.

``truth`` maps each reporting article's id to its readout's id. Seeded: the same arguments write
the same corpus.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from functools import partial
from pathlib import Path

FIRST = ["Ingrid", "Chidi", "Mariana", "Tomasz", "Aiko", "Rafael", "Leila", "Sven", "Amara",
         "Dmitri", "Lucía", "Kwame", "Hana", "Pieter", "Nadia", "Owen", "Farah", "Mateus",
         "Elif", "Jonas", "Priya", "Bruno", "Yusuf", "Marta", "Keanu", "Oksana", "Tariq", "Greta",
         "Ismael", "Mei", "Anders", "Zainab", "Luca", "Noor", "Emeka", "Sofía", "Ravi", "Ilse",
         "Adaeze", "Björn", "Catalina", "Dawit", "Esra", "Florin", "Gulnara", "Hamid", "Irena",
         "Joaquín", "Katarzyna", "Lars", "Malik", "Nikolai", "Olga", "Paulo", "Rasmus", "Selin",
         "Teodor", "Ulla", "Valentina", "Wanjiru", "Xavier", "Yara", "Zoltan", "Beatriz"]
LAST = ["Halvorsen", "Okafor", "Quiroga", "Wiśniewski", "Tanaka", "Benítez", "Haddad", "Lund",
        "Mensah", "Volkov", "Serrano", "Boateng", "Novak", "de Vries", "Karimi", "Price",
        "Aydın", "Brandt", "Chaudhry", "Duarte", "Eriksen", "Fonseca", "Gallo", "Hoxha",
        "Ilunga", "Jovanović", "Kamau", "Lindqvist", "Moreau", "Nakamura", "Ortega", "Petrov",
        "Rahman", "Sandoval", "Teixeira", "Uddin", "Varga", "Whitlock", "Yilmaz", "Zapata",
        "Abernathy", "Bakshi", "Castellano", "Dragomir", "Egwu", "Falk", "Grigoryan", "Hellström",
        "Iwu", "Jaramillo", "Kowalczyk", "Lemaire", "Mwangi", "Nordin", "Oduya", "Pereira",
        "Quist", "Rosenthal", "Szabó", "Takahashi", "Ulloa", "Vasquez", "Wojcik", "Xu", "Yeboah",
        "Zeller", "Achterberg", "Bianchi", "Cerny", "Dufresne", "Esposito", "Fitzgerald"]
COUNTRIES = [  # name, adjective, capital
    ("Veloria", "Velorian", "Port Anselm"), ("Karthos", "Karthian", "Eskel"),
    ("Miravia", "Miravian", "Sol Carrow"), ("Draskon", "Draskonian", "Tevrin"),
    ("Ostrelia", "Ostrelian", "Nova Linde"), ("Calumbra", "Calumbran", "San Aurel"),
    ("Vestmark", "Vestmarkish", "Holmby"), ("Tarsenia", "Tarsenian", "Ilvara"),
    ("Quarena", "Quarenan", "Bellmouth"), ("Zembara", "Zembaran", "Okundi"),
    ("Lorvania", "Lorvanian", "Kestrel"), ("Amarind", "Amarindian", "Tamsa"),
    ("Peldova", "Peldovan", "Rusk"), ("Sardelle", "Sardellan", "Marivaux"),
    ("Ystria", "Ystrian", "Calder Bay"), ("Norhaven", "Norhavener", "Edda"),
    ("Brivenia", "Brivenian", "Lusk"), ("Costavar", "Costavaran", "Puerto Lindo"),
    ("Helmland", "Helmish", "Grauburg"), ("Ondara", "Ondaran", "Masiwa"),
]
ROLES = ["Foreign Minister", "Defense Minister", "Minister of Trade", "Prime Minister",
         "Minister of Energy", "Interior Minister", "Minister of Agriculture", "President",
         "Minister of Finance", "Health Minister"]
THINGS = [  # (as a readout names it, as a reporter names it)
    ("maritime security", "security at sea"), ("the protection of undersea cables", "keeping seabed cables safe"),
    ("fentanyl precursor trafficking", "the smuggling of chemicals used to make fentanyl"),
    ("grain exports", "grain shipments"), ("the modernization of border crossings", "upgrades to border crossings"),
    ("critical minerals supply chains", "supplies of critical minerals"),
    ("wildfire response", "fighting wildfires"), ("the reconstruction of the dam", "rebuilding the dam"),
    ("cyber intrusions against electricity grids", "hacking of power networks"),
    ("irregular migration", "unauthorized crossings"), ("the exchange of customs data", "sharing customs records"),
    ("joint naval exercises", "joint drills by the two navies"),
    ("vaccine manufacturing", "making vaccines"), ("the planned rail link", "the planned railway"),
    ("fisheries enforcement", "policing fishing"), ("nuclear safety", "safety at the nuclear station"),
    ("the return of displaced families", "bringing displaced families home"),
    ("drought relief for farmers", "help for farmers hit by drought"),
    ("counterterrorism cooperation", "working together against militants"),
    ("the prosecution of arms traffickers", "bringing gun runners to court"),
    ("student visas and academic exchanges", "visas for students and university exchanges"),
    ("offshore wind projects", "planned wind farms at sea"),
    ("the release of detained journalists", "freeing reporters held in custody"),
    ("flood defenses", "protection against floods"), ("port inspections", "checks at the ports"),
    ("the demining of farmland", "clearing mines from fields"),
    ("pharmaceutical supply shortages", "shortages of medicines"),
    ("semiconductor export controls", "limits on chip exports"),
    ("the regulation of cryptocurrency exchanges", "rules for crypto trading platforms"),
    ("election observation", "monitoring of the vote"), ("polio vaccination", "immunizing children against polio"),
    ("the repatriation of foreign fighters", "bringing home foreign fighters"),
    ("anti-money-laundering standards", "rules against dirty money"),
    ("locust control", "fighting locust swarms"), ("hydrogen pipelines", "pipes to carry hydrogen"),
    ("coast guard training", "training for coast guard crews"),
    ("the restoration of mangrove forests", "replanting mangroves"),
    ("satellite launch licensing", "permits for satellite launches"),
    ("the recovery of looted antiquities", "returning stolen artifacts"),
    ("air traffic control upgrades", "modernizing air traffic control"),
]
PLACES = ["the Strait of Orla", "the Black Reef corridor", "the Tavel border region",
          "the northern ranges", "the Arvo basin", "the Selva gap", "the Cerulean Sea",
          "Verno province", "the Ambra valley", "the Sahel belt", "the Gannet shelf",
          "the Kessa lowlands", "the Morrow delta", "the Hollin district", "the southern banks",
          "the Lusk islands", "the Tamsa highlands", "the Rusk estuary", "the Eskel coast",
          "the Marivaux hills", "the Okundi plateau", "the Edda fjords", "the Calder gulf",
          "the Masiwa lakes", "the Grauburg pass", "the Duneholt coast", "the Varrick plains",
          "the Isel river basin", "the Corran archipelago", "the Pellow mountains",
          "the Sundra peninsula", "the Harrow marshes", "the Ketterling valley",
          "the Zaren steppe", "the Mossgiel district", "the Tolvan gulf", "the Brannock hills",
          "the Liro canal zone", "the Westmere lowlands", "the Quillan reef",
          "the Ardent highlands", "the Fenwick straits", "the Oslin border zone",
          "the Cardova plateau", "the Rhyl islands"]


def _issue(rng: random.Random) -> tuple[str, str]:
    thing, place = rng.choice(THINGS), rng.choice(PLACES)
    return f"{thing[0]} in {place}", f"{thing[1]} in {place}"

PROGRAMS = [("the Coastal Resilience Fund", "a fund for coastal defenses"),
            ("the Border Technology Initiative", "a program of scanners and sensors at the border"),
            ("the Clean Grid Partnership", "a partnership on clean power"),
            ("the Harvest Bridge program", "a program to move harvests to market"),
            ("the Regional Health Compact", "a regional health agreement"),
            ("the Joint Training Center in Lusk", "a training center in Lusk"),
            ("the Orla Strait Patrol Mission", "patrols in the Orla strait"),
            ("the Youth Skills Alliance", "a program of job training for young people")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = ["The Morning Ledger", "Harbor City Times", "Northern Wire", "The Daily Courier",
           "Capital Observer", "Global Dispatch", "The Evening Standard-Post", "Riverside Herald",
           "Continental Press", "The Sentinel", "Metro Gazette", "Pacific Chronicle",
           "The Independent Record", "Valley News", "World Affairs Daily", "The Tribune-Mail"]


class Readout:
    """A readout's people, points and text, kept so that articles can report it."""

    def __init__(self, rng: random.Random, rid: str, day: date) -> None:
        self.id, self.date = rid, day
        self.a_country, self.b_country = rng.sample(COUNTRIES, 2)
        self.a_role, self.b_role = rng.choice(ROLES), rng.choice(ROLES)
        self.a_name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        self.b_name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        self.a_last, self.b_last = self.a_name.split()[-1], self.b_name.split()[-1]
        self.meeting = rng.random() < 0.4
        issues = [_issue(rng) for _ in range(5)]
        self.points: list[dict[str, str]] = []  # each: readout, restated, quote
        kinds = [self._stress, self._agreement, self._money, self._concern, self._visit,
                 self._invitation, self._welcome]
        for issue, kind in zip(issues, rng.sample(kinds, rng.randint(4, 5))):
            point = kind(rng, issue)
            subject, verb = point.pop("subject"), point["readout"]
            point["predicate"], point["readout"] = verb, f"{subject} {verb}"
            self.points.append(point)
        opening = (f"{self.a_role} {self.a_name} met with {self.b_country[1]} {self.b_role} "
                   f"{self.b_name} in {self.b_country[2]} on {WEEKDAYS[day.weekday() % 5]}"
                   if self.meeting else
                   f"{self.a_role} {self.a_name} spoke by phone with {self.b_country[1]} "
                   f"{self.b_role} {self.b_name} on {WEEKDAYS[day.weekday() % 5]}")
        opening += f" to discuss {issues[0][0]} and {issues[1][0]}."
        closing = rng.choice([
            "The two leaders agreed to remain in close contact.",
            f"{self.a_last} and {self.b_last} committed to continue their close coordination.",
            "Both sides reaffirmed the importance of the partnership between their nations.",
            "",
        ])
        self.sentences = [opening] + [p["readout"] for p in self.points] + ([closing] if closing else [])
        self.text = "\n\n".join(self.sentences) + "\n"

    # Each kind of point: how the readout says it, how a reporter restates it, and a phrase
    # from it that a story might quote.
    def _stress(self, rng, issue):
        verb = rng.choice(["underscored", "emphasized", "highlighted", "stressed"])
        said = f"{verb} the importance of cooperation on {issue[0]}"
        tail = rng.choice([f", noting progress made since {rng.choice(MONTHS)}.",
                           " and the need for regular meetings of technical teams.",
                           "."])
        return {"subject": f"{self.a_role} {self.a_last}", "readout": said + tail,
                "restated": f"{self.a_last} told {self.b_last} that working together on "
                            f"{issue[1]} mattered, according to the {self.a_country[1]} account.",
                "quote": f"the importance of cooperation on {issue[0]}"}

    def _agreement(self, rng, issue):
        month = rng.choice(MONTHS)
        groups = rng.choice(["a joint working group", "a bilateral task force",
                             "an expert commission", "a standing committee"])
        return {"subject": "The two officials", "readout": f"agreed to establish {groups} on {issue[0]} "
                           f"that will report its first findings by {month}.",
                "restated": f"By {month}, a new {groups.split(' ', 1)[1]} set up by the two "
                            f"governments is due to deliver first findings on {issue[1]}.",
                "quote": f"will report its first findings by {month}"}

    def _money(self, rng, issue):
        amount = rng.choice([12, 25, 40, 45, 60, 75, 120, 150, 200, 310])
        program = rng.choice(PROGRAMS)
        return {"subject": self.a_last, "readout": f"announced {amount} million dollars in new funding "
                           f"for {program[0]} to support work on {issue[0]}.",
                "restated": f"{self.a_country[0]} will put {amount} million dollars into "
                            f"{program[1]}, with the money aimed at {issue[1]}, "
                            f"{self.a_last} said.",
                "quote": f"{amount} million dollars in new funding for {program[0]}"}

    def _concern(self, rng, issue):
        what = rng.choice(["recent incidents", "the rising number of cases",
                           "delays in implementation", "reports of violations"])
        return {"subject": self.a_last, "readout": f"raised concerns about {what} related to {issue[0]} "
                           f"and urged {self.b_country[1]} authorities to act swiftly.",
                "restated": f"{self.a_last} pressed {self.b_country[0]} to move quickly on "
                            f"{issue[1]}, citing {what}.",
                "quote": f"raised concerns about {what} related to {issue[0]}"}

    def _visit(self, rng, issue):
        month = rng.choice(MONTHS)
        place = rng.choice([self.a_country[2], self.b_country[2]])
        return {"subject": "The leaders", "readout": f"discussed plans for a visit to {place} in {month}, "
                           f"where senior officials will review {issue[0]}.",
                "restated": f"Senior officials are expected in {place} in {month} to take stock "
                            f"of {issue[1]}, the two sides said.",
                "quote": f"review {issue[0]}"}

    def _invitation(self, rng, issue):
        event = rng.choice(["a regional ministerial conference", "the annual security dialogue",
                            "a summit on economic resilience", "a donors' conference"])
        return {"subject": self.a_last, "readout": f"invited {self.b_last} to attend {event} later this "
                           f"year, with a session devoted to {issue[0]}.",
                "restated": f"{self.b_last} has been asked to come to {event} this year, where "
                            f"{issue[1]} will be on the agenda.",
                "quote": f"a session devoted to {issue[0]}"}

    def _welcome(self, rng, issue):
        n = rng.choice([3, 4, 6, 8, 11, 14, 20])
        return {"subject": self.a_last, "readout": f"welcomed {self.b_country[0]}'s decision to deploy "
                           f"{n} additional teams to support {issue[0]}.",
                "restated": f"{self.b_country[0]} is sending {n} more teams to help with "
                            f"{issue[1]}, a move {self.a_last} praised.",
                "quote": f"deploy {n} additional teams"}


# -- Article sentences ---------------------------------------------------------------------------

def _background(rng: random.Random, r: Readout | None) -> str:
    """A sentence of context that no readout contains."""
    country = r.a_country if r and rng.random() < 0.5 else rng.choice(COUNTRIES)
    other = r.b_country if r and rng.random() < 0.5 else rng.choice(COUNTRIES)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    year = rng.randint(2009, 2025)
    n = rng.randint(2, 95)
    issue = _issue(rng)[1]
    return rng.choice([
        f"Relations between {country[0]} and {other[0]} have been strained since a dispute over "
        f"tariffs in {year}.",
        f"{name}, an analyst at the {country[1]} Institute for Strategic Studies, said the talks "
        f"were \"a test of whether both governments can move past old grievances.\"",
        f"Trade between the two countries reached {n} billion dollars last year, official "
        f"figures show.",
        f"Officials in {other[2]} did not respond to a request for comment on {issue}.",
        f"Opposition lawmakers in {country[2]} have criticized the government's approach to "
        f"{issue}, calling it too cautious.",
        f"About {n},000 people live along the border, many of them dependent on cross-border "
        f"trade.",
        f"The ministry declined to say whether {issue} came up in earlier talks in {year}.",
        f"A senior official, speaking on condition of anonymity, said {country[1]} negotiators "
        f"wanted firmer commitments on {issue}.",
        f"{name} said in an interview that {issue} would dominate the agenda for months.",
        f"Polls published in {rng.choice(MONTHS)} showed {n} percent of {country[1]} voters "
        f"favor closer ties with {other[0]}.",
        f"The {country[1]} parliament is expected to vote on the budget before the end of "
        f"{rng.choice(MONTHS)}.",
        f"Diplomats in {other[2]} described the mood of recent contacts as businesslike.",
        f"{name} previously served as ambassador to {other[0]} from {year} to {year + 3}.",
        f"Critics say earlier pledges on {issue} were never fully carried out.",
        f"The {country[1]} currency fell {n / 10:.1f} percent against the dollar this week.",
        f"{name}, a former trade negotiator, said neither side could afford a long standoff.",
        f"Local newspapers in {other[2]} gave the meeting little attention.",
        f"The last formal summit between the two governments took place in {year}.",
        f"{country[0]} buys about {n} percent of its fuel from abroad.",
        f"Human rights groups have urged both governments to put {issue} higher on the agenda.",
        f"Business leaders in {country[2]} said they hoped for clearer rules on {issue}.",
        f"{name} of the {other[1]} Chamber of Commerce called the tone of recent talks "
        f"encouraging.",
        f"Earlier this year, {country[1]} officials accused {other[0]} of dragging its feet on "
        f"{issue}.",
        f"The two countries share a border of about {n * 10} kilometers.",
        f"{other[0]}'s foreign ministry published no statement of its own.",
        f"Protesters gathered outside the {country[1]} embassy in {other[2]} last month.",
        f"A report by the {country[1]} audit office in {year} found gaps in spending on {issue}.",
        f"{name} said the government would publish a full account of its contacts with "
        f"{other[0]} \"in due course.\"",
        f"The talks came a week after {country[1]} officials toured {other[2]}.",
    ])


def _other_news(rng: random.Random) -> str:
    """A sentence of news with nothing to do with any readout."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    city = rng.choice(COUNTRIES)[2]
    n = rng.randint(2, 98)
    team = rng.choice(["Harbor United", "the Kestrel Hawks", "Calder Bay Rovers",
                       "the Okundi Lions", "Port Anselm Athletic", "the Edda Falcons"])
    return rng.choice([
        f"Shares of {rng.choice(['Lindqvist Foods', 'Arvo Steel', 'Gannet Energy', 'Morrow Rail'])} "
        f"rose {n / 10:.1f} percent in early trading after quarterly profit beat forecasts.",
        f"The central bank held its benchmark rate at {n / 20:.2f} percent, citing cooling "
        f"inflation.",
        f"{team} beat {rng.choice(['Rusk City', 'the Tamsa Bears', 'Holmby Wanderers'])} "
        f"{n % 5 + 1}-{n % 3} on {rng.choice(WEEKDAYS)} night.",
        f"Forecasters expect up to {n} millimeters of rain in {city} over the weekend.",
        f"A jury in {city} found {name} guilty of fraud after a {n}-day trial.",
        f"The city council in {city} approved a plan to add {n} kilometers of bike lanes.",
        f"{name}, the coach, said the squad would travel to {city} without two injured starters.",
        f"Ticket sales for the {city} film festival rose by {n} percent this year.",
        f"Prosecutors said {name} had diverted {n} million in company funds to private "
        f"accounts.",
        f"Power was restored to about {n},000 homes in {city} after an overnight storm.",
        f"The museum in {city} will reopen in {rng.choice(MONTHS)} after a {n}-month renovation.",
        f"Hospital officials in {city} reported {n} new cases of measles this week.",
        f"Commuters faced delays of up to {n} minutes after a signal failure near {city}.",
        f"{name} won the {city} marathon in two hours and {n % 20 + 5} minutes.",
    ])


def _near_miss(rng: random.Random, r: Readout) -> str:
    """A sentence about the same officials or countries, with none of the readout's points."""
    issue = _issue(rng)
    return rng.choice([
        f"{r.a_role} {r.a_name} is scheduled to travel to {rng.choice(COUNTRIES)[2]} next month "
        f"for talks on {issue[1]}.",
        f"{r.b_name} told reporters that {r.b_country[1]} farmers were struggling with high "
        f"fuel prices.",
        "Both governments have long stressed the importance of close cooperation.",
        f"{r.a_last} has spoken with {r.b_last} several times this year.",
        f"The {r.a_country[1]} ministry said in a statement that {issue[1]} remained a priority.",
        f"{r.b_last} is expected to name a new deputy minister before the end of the month.",
        f"In a separate development, {r.a_country[0]} recalled its ambassador to "
        f"{rng.choice(COUNTRIES)[0]} for consultations.",
        f"{r.a_last}'s office said the minister would give a speech on the economy on "
        f"{rng.choice(WEEKDAYS)}.",
    ])


def _distinct(rng: random.Random, make, n: int) -> list[str]:
    """n sentences from a generator, each opening (its first five words) used at most twice."""
    seen: dict[str, int] = {}
    out: list[str] = []
    while len(out) < n:
        sentence = make()
        key = " ".join(sentence.split()[:5])
        if seen.get(key, 0) < 2 or len(seen) > 200:
            seen[key] = seen.get(key, 0) + 1
            out.append(sentence)
    return out


def _report_sentences(rng: random.Random, r: Readout) -> list[str]:
    """Two to five of the readout's points, each reported one way."""
    attribution = rng.choice(["according to a readout released by the ministry",
                              f"the {r.a_country[1]} government said in a statement",
                              "a summary of the call said", "officials said afterwards"])
    out = []
    for point in rng.sample(r.points, rng.randint(2, min(5, len(r.points)))):
        how = rng.random()
        if how < 0.3:  # copied whole
            out.append(point["readout"])
        elif how < 0.5:  # in part, inside a longer sentence
            out.append(f"{r.a_last}, who took office in {rng.randint(2019, 2025)}, "
                       f"{point['predicate'].rstrip('.')}, {attribution}.")
        elif how < 0.85:  # restated
            out.append(point["restated"])
        else:  # quoted with a word changed
            quote = point["quote"].replace("the importance", "the urgency").replace(
                "new funding", "fresh funding").replace("raised concerns", "voiced alarm")
            if quote == point["quote"]:
                quote = quote.replace(" of ", " on ", 1)
            out.append(f"The statement spoke of \"{quote}\", {attribution}.")
    return out


def write_corpus(folder: Path, readouts: int, articles: int, seed: int = 0) -> dict[str, str]:
    """Write readouts/ and articles/ with a manifest each; return the planted reports."""
    rng = random.Random(seed)
    (folder / "readouts").mkdir(parents=True)
    (folder / "articles").mkdir(parents=True)
    start = date(2025, 1, 6)
    made = [Readout(rng, f"r{i:04d}", start + timedelta(days=rng.randint(0, 330)))
            for i in range(readouts)]
    with open(folder / "readouts.jsonl", "w", encoding="utf-8") as manifest:
        for r in made:
            path = folder / "readouts" / f"{r.id}.txt"
            path.write_text(r.text, encoding="utf-8")
            manifest.write(json.dumps({"id": r.id, "path": str(path), "date": r.date.isoformat(),
                                       "outlet": f"{r.a_country[0]} government"}) + "\n")
    truth = {}
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as manifest:
        for j in range(articles):
            aid = f"a{j:06d}"
            r = rng.choice(made)
            kind = "report" if j % 10 == 3 else "near" if j % 10 == 7 else "other"
            n = rng.randint(26, 34)
            if kind == "report":
                truth[aid] = r.id
                body = _report_sentences(rng, r)
                body += _distinct(rng, partial(_background, rng, r), n - len(body))
                lede, rest = body[0], body[1:]
                rng.shuffle(rest)
                body = [lede, *rest]
                day = r.date + timedelta(days=rng.randint(0, 3))
                headline = rng.choice([f"{r.a_last} and {r.b_last} hold talks",
                                       f"{r.a_country[0]} presses {r.b_country[0]} in talks",
                                       f"{r.a_country[1]} minister reaches out to {r.b_country[0]}"])
            elif kind == "near":
                body = [_near_miss(rng, r) for _ in range(4)]
                body += _distinct(rng, partial(_background, rng, r), n - 4)
                rng.shuffle(body)
                day = r.date + timedelta(days=rng.randint(-20, 20))
                headline = f"{r.a_country[1]} officials weigh next steps"
            else:
                body = _distinct(rng, partial(_other_news, rng), n)
                day = start + timedelta(days=rng.randint(0, 340))
                headline = rng.choice(["Markets edge higher", "Council backs transit plan",
                                       "Storm knocks out power", "Court rules in fraud case"])
            dateline = f"{rng.choice(COUNTRIES)[2].upper()}, {MONTHS[day.month - 1]} {day.day} — "
            paragraphs = [headline, dateline + body[0]]
            i = 1
            while i < len(body):  # one to three sentences a paragraph
                k = rng.randint(1, 3)
                paragraphs.append(" ".join(body[i:i + k]))
                i += k
            path = folder / "articles" / f"{aid}.txt"
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            manifest.write(json.dumps({"id": aid, "path": str(path), "date": day.isoformat(),
                                       "outlet": rng.choice(OUTLETS)}) + "\n")
    return truth
