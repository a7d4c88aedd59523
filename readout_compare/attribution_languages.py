"""Attribution in stories written in Spanish, Portuguese, Russian, French, German, Dutch,
Italian, Romanian, Polish, Slovak, Ukrainian, Arabic, Chinese, Japanese and Korean: the phrases
that tie words to their source ("según el comunicado", "disse Michel", "говорится в
сообщении", "selon le Kremlin", "ha detto Meloni", "за словами Зеленського", "قال لافروف",
"외교부에 따르면"), found as :mod:`readout_compare.attribution_patterns` finds the
English ones and returned in the same form, (start, end, source, priority).

Priority 0 names the source surely ("according to" and its equivalents, a document that "says"
it); 1 is a verb of saying with its subject. Only verbs in the third person are listed: they
are what reports use, and they are rarely anything but verbs of saying.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readout_compare.normalize import IDEOGRAPHS

# Verbs of saying, third person, past and present.
_VERBS_ES = (
    "dijo dice afirmó afirma señaló señala indicó indica informó informa destacó destaca sostuvo "
    "sostiene expresó expresa agregó agrega añadió añade aseguró asegura explicó explica precisó "
    "detalló detalla subrayó subraya apuntó manifestó planteó plantea advirtió advierte reconoció "
    "confirmó declaró anunció comunicó remarcó enfatizó escribió publicó difundió expuso refirió "
    "mencionó comentó resaltó resalta puntualizó recalcó insistió reiteró reitera contestó "
    "respondió aclaró sentenció apunta consigna consignó revela reveló pidió pide exigió exige "
    "instó insta urgió tuiteó tuitea "
    # Acts of speech that report what was said ("agradeció el respaldo …", "lamentó que …"),
    # as English "welcomed", "recalled", "characterized" do (not "reafirmó", whose subject may
    # be a meeting, nor "considera", an opinion).
    "agradeció agradece celebró celebra lamentó lamenta valoró valora aseveró acotó recordó "
    "recuerda externó solicitó propuso calificó"
)
_VERBS_PT = (
    "disse diz afirmou declarou destacou informou acrescentou acrescenta explicou ressaltou "
    "ressalta sublinhou sublinha salientou salienta escreveu publicou anunciou confirmou garantiu "
    "assinalou assinala frisou referiu refere adiantou adianta reiterou respondeu lê-se"
)
_VERBS_RU = (
    "заявил заявила заявили заявляет сообщил сообщила сообщили сообщает отметил отметила "
    "отметили отмечает подчеркнул подчеркнула подчеркнули подчеркивает сказал сказала сказали "
    "написал написала написали пишет добавил добавила добавили указал указала указали уточнил "
    "уточнила уточнили передает передаёт констатировал заверил заверила призвал призвала"
)
_VERBS_FR = "déclare déclaré affirme affirmé souligne souligné indique indiqué précise précisé explique"
_VERBS_DE = "sagte sagt erklärte erklärt betonte betont teilte schrieb hieß"
_VERBS_NL = "zei zegt verklaarde verklaart benadrukte benadrukt stelde stelt aldus"
_VERBS_IT = (
    "dice afferma dichiara spiega aggiunge sottolinea precisa ribadisce scrive annuncia ricorda "
    "osserva evidenzia conferma assicura avverte commenta riferisce rileva riporta disse"
)
_VERBS_RO = (
    "declară spune afirmă subliniază precizează adaugă arată transmite anunță scrie notează "
    "menționează"
)
_VERBS_PL = (
    "powiedział powiedziała powiedzieli oświadczył oświadczyła podkreślił podkreśliła dodał "
    "dodała napisał napisała zaznaczył zaznaczyła przekazał przekazała stwierdził stwierdziła "
    "poinformował poinformowała ocenił oceniła mówi pisze podał podała podało podali przekazało "
    "poinformowało oświadczyło zdradził zdradziła przyznał przyznała wymienił wymieniło mówił "
    "mówiła zapowiedział zapowiedziała"
)
_VERBS_SK = (
    "povedal povedala povedali uviedol uviedla uviedli vyhlásil vyhlásila zdôraznil zdôraznila "
    "dodal dodala napísal napísala oznámil oznámila informoval informovala konštatoval "
    "konštatovala podotkol podotkla tvrdí uvádza píše"
)
_VERBS_UK = (
    "заявив заявила заявили сказав сказала сказали повідомив повідомила повідомили повідомляє "
    "зазначив зазначила зазначили наголосив наголосила наголосили підкреслив підкреслила додав "
    "додала написав написала пише заявляє"
)
_VERBS = "|".join(
    sorted({v for group in (_VERBS_ES, _VERBS_PT, _VERBS_RU, _VERBS_FR, _VERBS_DE, _VERBS_NL,
                            _VERBS_IT, _VERBS_RO, _VERBS_PL, _VERBS_SK, _VERBS_UK)
            for v in group.split()}, key=len, reverse=True)
)
# The perfect tenses of the commonest ("López Obrador había dicho que …", "Lula tinha dito").
_PERFECT = (r"(?:ha|han|había|habían|habría|tem|tinha|tinham)\s+(?:dicho|afirmado|señalado|"
            r"declarado|asegurado|explicado|indicado|anunciado|advertido|reiterado|expresado|"
            r"negado|rechazado|denunciado|acusado|informado|confirmado|insistido|subrayado|"
            r"destacado|reconocido|criticado|pedido|exigido|"
            # (Portuguese shares the rest with Spanish.)
            r"dito)"
            # French: "Michel a rappelé", "les dirigeants ont souligné".
            r"|(?:a|ont|avait|avaient)\s+(?:déclaré|affirmé|souligné|indiqué|précisé|expliqué|"
            r"rappelé|ajouté|estimé|insisté|assuré|annoncé|dit|rapporté|écrit|noté|martelé|"
            r"réaffirmé|répondu|confirmé|reconnu|averti|prévenu)"
            # Italian: "Meloni ha detto", "Stoltenberg si è detto desideroso".
            r"|(?:ha|hanno|aveva|avevano)\s+(?:detto|dichiarato|affermato|spiegato|aggiunto|"
            r"sottolineato|precisato|ribadito|scritto|annunciato|ricordato|osservato|evidenziato|"
            r"confermato|assicurato|avvertito|commentato|riferito|rilevato|fatto\s+sapere|"
            r"proseguito|enfatizzato|suggerito|chiesto|auspicato|sostenuto|concluso|"
            r"rimarcato|insistito|ammesso|replicato|risposto)"
            r"|si\s+è\s+dett[oaie]"
            # Romanian: "Stoltenberg a declarat", "liderii au subliniat".
            r"|(?:a|au)\s+(?:declarat|spus|afirmat|subliniat|precizat|adăugat|transmis|anunțat|"
            r"scris|explicat|arătat|menționat|notat)")
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ]"
_WORD = r"[\w\u2019'-]+"
# A name: capitalised words, with the particles of Spanish and Portuguese names between them.
_NAME = (rf"{_UPPER}[\w\u2019'.-]*(?:\s+(?:de\s+|del\s+|da\s+|do\s+|dos\s+|la\s+|van\s+|von\s+)?"
         rf"{_UPPER}[\w\u2019'.-]*)*")
_ARTICLES = frozenset("el la los las o a os as um uma un una le les der die das ein eine il lo i "
                      "gli uno".split())
# An article opens a sentence in capitals too ("El canciller pidió").
_ARTICLE = "(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in sorted(_ARTICLES)) + ")"
_SOURCE = r"[^,.;:«»\u201c\u201d\"()\u2013\u2014]+"

# "según (indicó) Presidencia", "de acuerdo con", "segundo", "de acordo com", "conforme",
# "selon", "laut", "по словам", "согласно", "как сообщает".
_ACCORDING = re.compile(
    r"(?<!\w)(?:[Ss]egún|[Dd]e\s+acuerdo\s+(?:con|a)|[Ss]egundo|[Dd]e\s+acordo\s+com|[Cc]onforme|"
    r"[Ss]elon|[Ll]aut|[Vv]olgens|[Пп]о\s+словам|[Сс]огласно|[Пп]о\s+данным|"
    # Italian, Romanian, Polish, Slovak, Ukrainian.
    r"[Ss]econdo|[Ss]tando\s+a|[Cc]ome\s+(?:riferisce|riporta|riferito\s+da)|[Pp]otrivit|"
    r"[Cc]onform|[Ww]edług|[Zz]daniem|[Jj]ak\s+(?:podał[a]?|poinformował[a]?)|[Pp]odľa|"
    r"[Зз]а\s+словами|[Зз]гідно\s+з|[Зз]а\s+даними|[Яя]к\s+(?:повідомляє|повідомили|повідомив|"
    r"повідомила|пише|заявили)|"
    r"[Кк]ак\s+(?:сообщает|сообщил[аи]?|пишет|передает|передаёт|заявил[аи]?|говорится\s+в|"
    r"отмечается\s+в|сообщается\s+в|следует\s+из))"
    rf"(?:\s+(?:indicó|informó|señaló|explicó|detalló|dijo|afirmó|publicó|informou|disse))?"
    rf"\s+(?P<src>{_SOURCE})"
)
# A document that says it: "говорится в сообщении", "уточняется в заявлении Кремля",
# "lê-se no comunicado", "heißt es in der Erklärung".
_DOCUMENT_SAYS = re.compile(
    r"(?<!\w)(?:говорится|уточняется|отмечается|сообщается|подчеркивается|подчёркивается|"
    r"указывается|заявляется)\s+(?:в|на\s+сайте)\s+(?P<src>[^,.;:«»\u201c\u201d\"]+)"
    r"|(?<!\w)lê-se\s+n[oa]\s+(?P<src2>[^,.;:«»\u201c\u201d\"]+)"
    r"|(?<!\w)(?:hieß\s+es\s+in|klonk\s+het(?:\s+na\s+afloop)?\s+in|si\s+legge\s+(?:in|nel|nella|"
    r"nei|nelle)|uvádza\s+sa\s+(?:v|vo)|йдеться\s+(?:у|в)|зазначається\s+(?:у|в)|"
    r"повідомляється\s+(?:у|в|на))\s+(?P<src3>[^,.;:«»\u201c\u201d\"]+)"
)
# Conjunctions that join two clauses, or two subjects, and so end a speaker's phrase.
_JOINS = r"(?:y|e|u|que|pero|porque|cuando|donde|mientras|mas|et|und|aber|ma|и)"
# "el Departamento de Estado aseguró", "Michel disse", "Мишель заявил".
_SUBJECT_VERB = re.compile(
    # "El canciller chileno, Alberto van Klaveren, afirmó": a role, then the name between commas.
    # (No conjunction inside it: "durante la era Macri y por eso el gobierno considera" has
    # "el gobierno" for its subject.)
    rf"(?<![\w-])(?P<src>{_ARTICLE}\s+(?:(?!{_JOINS}\s){_WORD}\s+){{0,7}}?{_WORD}"
    rf"(?:,\s+{_NAME},)?|{_NAME}|(?:éste|ésta|él|ella)(?=\s))"
    # ("se" before the verb makes it passive: "El encuentro se confirmó" names no speaker.)
    rf"\s+(?:también\s+|ainda\s+|также\s+|hoy\s+|hoje\s+|luego\s+)?(?:(?:le|les|lo|la)\s+)?"
    rf"(?P<verb>{_PERFECT}|{_VERBS})(?![\w-])"
)
# "agregó el texto oficial.", "disse Michel,", "salienta o comunicado,", "заявил Мишель."
# Nouns that can head a speaker named after its verb ("agregó el texto oficial", "disse o
# porta-voz"); after a verb, any other noun is its object ("salientou a quota-parte …").
_SPEAKER_NOUNS = (
    r"(?:comunicado|texto|nota|declaraci[oó]n|declara[cç][aã]o|documento|informe|presidente|"
    r"presidenta|ministro|ministra|canciller|portavoz|porta-voz|vocero|vocera|gobierno|governo|"
    r"cancillería|ministerio|ministério|secretario|secretaria|secretaría|departamento|casa|"
    r"agencia|agência|diario|jornal|fuentes?|fontes?|funcionari[oa]s?|embajada|embaixada|"
    r"presidencia|presidência|conselho|consejo|líder|jefe|chefe|mandatari[oa]|primer|"
    r"primeiro|premier|gabinete|oficina|pronunciamiento|président|ministre|porte-parole|"
    r"communiqué|présidence|ministère|gouvernement|conseil|services|"
    r"expresident[ea]|exministr[oa]|excanciller|vicepresident[ea]|senador[a]?|diputad[oa]|"
    r"embajador[a]?|gobernador[a]?|alcalde(?:sa)?|"
    r"Regierung|Sprecher\w*|Kanzler\w*|Minister\w*|"
    r"nota|portavoce|governo|segretario|ambasciata|fonti|dichiarazione|"
    r"sursa|comunicatul|președintele|ministrul|guvernul|purtătorul|premierul|secretarul)"
)
# "Desde la Secretaría de Relaciones Exteriores, se confirmó …": the body the passive comes from.
_FROM_BODY = re.compile(
    rf"(?<!\w)[Dd]esde\s+(?P<src>{_ARTICLE}\s+(?i:{_SPEAKER_NOUNS})"
    r"[^,.;:«»\u201c\u201d\"]{0,60}?),?\s+se\s+"
    r"(?:confirmó|informó|señaló|indicó|destacó|explicó|precisó|detalló|aseguró|afirmó|dijo|"
    r"subrayó|resaltó|comunicó|anunció|insistió|reiteró)(?![\w-])"
)
_RO_SPEAKERS = (r"(?:sursa|comunicatul|președintele|ministrul|guvernul|purtătorul\s+de\s+cuvânt|"
                r"premierul|secretarul|liderul|Casa\s+Albă|Kremlinul)")
# Italian's passive with its agent: "Una sintonia evidenziata anche da Starmer", "come
# riferito dal portavoce".
_IT_PARTICIPLE = (r"(?:evidenziat|sottolineat|riferit|annunciat|confermat|dichiarat|comunicat|"
                  r"riportat|ribadit|precisat|spiegat)[oaie]")
_BY_AGENT = re.compile(
    rf"(?<![\w-]){_IT_PARTICIPLE}\s+(?:anche\s+)?(?:da|dal|dalla|dai|dalle|dallo)\s+"
    rf"(?P<src>{_NAME}|(?:{_WORD}\s+){{0,3}}?(?i:{_SPEAKER_NOUNS})(?:\s+{_NAME})?)")
_VERB_SUBJECT = re.compile(
    rf"(?<![\w-])(?P<verb>{_PERFECT}|{_VERBS})\s+(?:a\s+{_NAME}\s+(?={_ARTICLE}\s))?"
    rf"(?P<src>{_ARTICLE}\s+(?:{_WORD}\s+){{0,2}}?(?i:{_SPEAKER_NOUNS})(?:\s+{_WORD}){{0,5}}?|{_NAME}"
    # (Romanian nouns carry their article: "arată sursa citată", "a declarat ministrul".)
    rf"|{_RO_SPEAKERS}(?:\s+{_WORD}){{0,4}}?"
    r"|er|il|él|он|ella|elle|она|lui|lei|він|вона)"
    # (German: "teilte ein Sprecher der Bundesregierung am Abend mit", the verb's particle or a
    # preposition after the speaker.)
    # ("dijo la Secretaría de Relaciones Exteriores (SRE), …": the body's acronym after it.)
    r"(?:\s+\([A-ZÁÉÍÓÚ]{2,8}\))?"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:en|em|no|na|num|numa|ao|à|a|al|в|на|mit|am|im|in|bei|nach|"
    r"gegenüber|auf|"
    # (The audience after the speaker: Italian "ai giornalisti", "alla stampa", "nel corso di";
    # Polish "dziennikarzom", "w rozmowie z …", "podczas"; Russian and Ukrainian "журналистам".)
    r"ai|alla|agli|allo|nel|nella|durante|w|we|podczas|dziennikarzom|mediom|"
    r"журналистам|журналістам|репортерам)\b)"
)
_TRIGGER = re.compile(
    rf"(?<![\w-])(?:{_PERFECT}|{_VERBS}|сообщалось|reportó|supo|trascendió|según|segundo|conforme|selon|laut|volgens|klonk|словам|согласно|данным|"
    r"говорится|уточняется|отмечается|сообщается|подчеркивается|подчёркивается|указывается|"
    r"заявляется|acuerdo|acordo|secondo|stando|come|legge|potrivit|conform|według|zdaniem|jak|"
    r"podľa|uvádza|словами|згідно|даними|йдеться|зазначається|повідомляється|як|"
    rf"{_IT_PARTICIPLE})(?![\w-])",
    re.IGNORECASE,
)
# "Ранее сообщалось, что …", "Se informó que …": it was reported, by no one named.
_IMPERSONAL = re.compile(r"(?<!\w)(?:[Рр]анее\s+)?сообщалось(?!\w)|(?<!\w)[Ss]e\s+(?:informó|"
                         r"reportó|supo)\s+que\b|(?<!\w)[Tt]rascendió(?!\w)")
# Words that begin a subject but are not a source: pronouns and the sentence's own connectives.
_NOT_SOURCE = frozenset(
    "que quien quienes lo la le se él ella ellos ellas ele ela eles elas это он она они который "
    "которая которые что il elle ils elles er sie es "
    # connectives that open a sentence in capitals and would pass for a name
    "según así como cuando durante tras luego además también segundo conforme selon laut "
    "quando ainda depois antes после также как "
    # Italian, Romanian, Polish, Slovak, Ukrainian
    "che chi egli essa loro inoltre secondo mentre dopo poi anche care potrivit conform după "
    "który która które że według ktorý ktorá ktoré že podľa який яка які що також він вона "
    "вони "
    # Dutch and German adverbs that open a clause before its verb ("Daar benadrukte de Belg")
    "daar toen dan nu hier verder daarna daarbij vervolgens bovendien ook dort dann dabei "
    "zudem außerdem hier danach später".split()
)


# Third-person pronouns of one gender that stand for a speaker named before ("sagte er",
# "dijo él", "a-t-il dit", "сказал он"), resolved as English "he" and "she" are; "sie", "ils"
# and "они" (also plural) are not.
# (Spanish "éste" and "ésta", written with their accent, are pronouns: "éste expresó su apoyo".)
HE = frozenset("er él éste il он lui він".split())
SHE = frozenset("ella ésta elle она lei вона".split())
PERSONAL_PRONOUNS = HE | SHE


# Last words of a phrase before a verb that make it no speaker: a passive "se", a conjunction.
_DANGLING = frozenset("se e y o u et und и или que si și i і".split())


# Japanese: "外務省によると" (according to), and a speaker marked by "は" or "が" whose clause
# ends in a verb of saying after the quotation: "安倍首相は「…」と述べた".
_JA_NAME = rf"[{IDEOGRAPHS}]{{1,12}}"
_JA_ACCORDING = re.compile(rf"(?P<src>{_JA_NAME})(?:によると|によれば|の発表では)")
_JA_SUBJECT = re.compile(
    rf"(?P<src>{_JA_NAME}?(?:首相|総理|大統領|長官|報道官|官房長官|外相|大臣|氏|政府|省|府|"
    r"首脳|主席|部長|議員|書記官|ニュース|通信|新聞))(?:は|が|も)")
_HIRAGANA = re.compile("[\u3040-\u309f]")
_JA_SAYS = re.compile(r"と(?:述べ|強調|語|表明|説明|指摘|明らかに|応じ|求め|呼びかけ|伝え|"
                      r"話し|発言|訴え|言及|主張|記者団に|答え)")


def _japanese_sources(text: str) -> list[tuple[int, int, str, int]]:
    return _subject_before_saying(text, _JA_ACCORDING, _JA_SAYS, _JA_SUBJECT)


def _subject_before_saying(text: str, according: re.Pattern[str], says: re.Pattern[str],
                           subject: re.Pattern[str],
                           tidy: Callable[[str], str] = lambda src: src,
                           ) -> list[tuple[int, int, str, int]]:
    """The sources of a language that marks its speaker with a particle and ends the clause
    with the verb of saying (Japanese, Korean): every "according to", and the marked subject
    before the first verb of saying (``tidy`` gives the speaker from its words; empty: none)."""
    found = [(m.start(), m.end(), m.group("src"), 0) for m in according.finditer(text)]
    said = says.search(text)
    m = subject.search(text, 0, said.start()) if said is not None else None
    speaker = tidy(m.group("src")) if m is not None else ""
    if said is None or m is None or not speaker:
        return found
    return _with_speaker(found, m.start(), said.end(), speaker)


def _with_speaker(according: list[tuple[int, int, str, int]], start: int, end: int,
                  speaker: str) -> list[tuple[int, int, str, int]]:
    """The sources found, with a speaker whose clause runs from ``start`` to ``end``: after an
    "according to" before it, the speaker as that source gave the words ("大統領府によると、
    文氏は「…」と語った", "據外交部，王毅表示，「…」")."""
    if according and according[-1][0] < start:
        a = according[-1]
        return [*according[:-1], (a[0], end, f"{speaker}, according to {a[2]}", 0)]
    return [*according, (start, end, speaker, 1)]


# Chinese: "据外交部" / "根據新華社報導" (according to), and a speaker before a verb of saying at
# the start of a clause: "王毅表示，「…」", "新華社稱通話「…」". The speaker is every character
# from the clause's start to the verb ("其中王毅點出" names 王毅 with its connective).
_ZH_ACCORDING = re.compile(
    rf"(?:^|(?<=[，,。；：:、\s]))(?:据|據|根据|根據|援引)(?P<src>[{IDEOGRAPHS}]{{2,14}}?)"
    r"(?:的)?(?:报导|報導|报道|報道|消息|新闻稿|新聞稿|声明|聲明|通报|通報|称|稱|指出|表示)?(?=[，,：:\s「“])")
_ZH_SAYS = re.compile(
    rf"(?:^|(?<=[，,。；：:、\s」”]))(?P<src>[他她]|[{IDEOGRAPHS}\d]{{2,30}}?)"
    r"(?:表示|指出|强调|強調|点出|點出|批评|批評|警告|认为|認為|提到|写道|寫道|透露|宣布|回应|形容|"
    r"回應|呼吁|呼籲|坦言|直言|重申|敦促|说|說|称(?![赞讚为為号號])|稱(?![赞讚为為号號])|"
    r"指(?=[，,：:「“]))")


# Connectives a clause may open with before its speaker ("其中王毅點出", "但也警告").
_ZH_CONNECTIVE = re.compile(r"^(?:其中|但是|但|而且|而|并且|並且|并|並|也|还|還|另外|另|此外|同时|同時|"
                            r"随后|隨後|对此|對此)+")


# A clause's subject ends where what it did begins: a time or place ("在记者会上", "当天"), a
# preposition ("同", "与", "就", "对", "向") or a verb of a readout ("祝贺", "感谢", "会见"):
# "外交部发言人毛宁在记者会上回答提问时表示" has the subject 外交部发言人毛宁.
_ZH_SUBJECT_ENDS = re.compile(
    r"(?:在|于|於|同|与|與|和|跟|就|对|對|向|应约|應約|通过|通過|今天|今日|昨天|昨日|日前|当天|當天|"
    r"当日|當日|当地时间|當地時間|\d|祝贺|祝賀|感谢|感謝|欢迎|歡迎|会见|會見|会晤|會晤|致电|致電|"
    r"表示|指出|强调|強調|说|說|称|稱)")
# A verb of saying that opens a later clause of the sentence with no subject of its own: the
# sentence's subject said it ("习近平祝贺拜登就任，指出“…”", "王毅感谢邀请，并表示：“…”").
_ZH_SAYS_ALONE = re.compile(
    r"(?<=[，,；;])\s*(?:并|並|还|還|也|同时|同時|他|她|其)?"
    r"(?:表示|指出|强调|強調|重申|认为|認為|提到|说|說|称|稱|呼吁|呼籲|敦促)(?=[，,：:“「\s]|$)")


_ZH_PRONOUNS = {"他": "he", "她": "she"}
# Adverbs between a pronoun and its verb ("她还说", "他也表示", "他进一步指出").
_ZH_ADVERBS = re.compile(r"(?<=[他她])(?:还|還|也|并|並|又|则|則|再|进一步|進一步|同时|同時|随后|隨後|最后|最後)+$")


def _zh_subject(clause: str) -> str | None:
    """The subject at the start of a Chinese clause: a name with its office (two to ten
    characters), connectives left out; None when the clause does not open with one."""
    clause = _ZH_CONNECTIVE.sub("", clause.strip())
    end = next((m.start() for m in _ZH_SUBJECT_ENDS.finditer(clause) if m.start() >= 2), None)
    subject = clause[:end] if end is not None else ""
    if 2 <= len(subject) <= 10 and re.fullmatch(rf"[{IDEOGRAPHS}·•]+", subject):
        return subject
    return None


def _chinese_sources(text: str) -> list[tuple[int, int, str, int]]:
    according = [(m.start(), m.end(), m.group("src"), 0) for m in _ZH_ACCORDING.finditer(text)]
    says = [(m, _ZH_CONNECTIVE.sub("", m.group("src"))) for m in _ZH_SAYS.finditer(text)
            if not m.group("src").startswith(("据", "據", "根"))]
    # (A speaker is a name with its office, ten characters at most, cut before what the
    # speaker did first; a report is no speaker.)
    says = [(m, _zh_subject(src) or (src if len(src) <= 10 else "")) for m, src in says]
    # ("他表示", "她还说": he said, she also said, resolved as an English pronoun is.)
    says = [(m, _ZH_PRONOUNS.get(_ZH_ADVERBS.sub("", src), src)) for m, src in says]
    says = [(m, src) for m, src in says
            if (2 <= len(src) <= 10 or src in _ZH_PRONOUNS.values())
            and src not in ("报导", "報導", "报道", "報道")]
    if not says:
        alone = _ZH_SAYS_ALONE.search(text)
        subject = _zh_subject(re.split(r"[，,；;]", text, maxsplit=1)[0]) if alone else None
        if alone is None or subject is None:
            return according
        return _with_speaker(according, alone.start(), alone.end(), subject)
    m, src = says[0]
    return _with_speaker(according, m.start(), m.end(), src)


# Arabic: "وفقا لوزارة الخارجية", "بحسب الكرملين" (according to), and a verb of saying before
# its subject, as Arabic orders them: "قال وزير الخارجية الروسي، سيرغي لافروف، إن …",
# "وأشار لافروف إلى أن …". The subject runs to "إن"/"أن" (that), "إلى", "في" or a colon.
_AR_LETTERS = re.compile("[\u0600-\u06ff]")
_AR_STOP = "،.:؛\u061f!?\"«»\u201c\u201d"
_AR_ACCORDING = re.compile(
    rf"(?:^|(?<=[\s،]))(?:و?(?:وفقا|وفقاً|وفقًا|طبقا|طبقاً)\s*(?:ل|لـ)\s*|و?(?:بحسب|حسب|نقلا\s+عن|"
    rf"نقلاً\s+عن)\s+)(?P<src>[^{_AR_STOP}]{{2,60}})")
_AR_SAYS = re.compile(
    r"(?:^|(?<=[\s،]))و?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|أعلن|أعلنت|ذكر|ذكرت|صرح|صرحت|"
    r"أشار|أشارت|شدد|شددت|كتب|كتبت|اعتبر|اعتبرت|لفت|لفتت)\s+"
    rf"(?P<src>[^{_AR_STOP}]{{2,60}}?(?:،\s*[^{_AR_STOP}]{{2,40}}?،)?)"
    r"\s*(?=(?:إن|أن|إنه|أنه|إلى|في|خلال|عبر|على|بأن|:)(?:\s|$))")


# "دعت المملكة المجتمع الدولي إلى …" (the Kingdom called on the international community to …):
# a verb of calling on someone has its object after its subject, so the subject is its first
# word.
_AR_CALLS = re.compile(r"(?:^|(?<=[\s،]))و?(?:دعا|دعت|طالب|طالبت|حث|حثت)\s+(?P<src>\S{2,30})\s")


def _arabic_sources(text: str) -> list[tuple[int, int, str, int]]:
    out = [(m.start(), m.end(), m.group("src").strip(), 0) for m in _AR_ACCORDING.finditer(text)]
    out += [(m.start(), m.end(), m.group("src").strip(" ،"), 1) for m in _AR_SAYS.finditer(text)]
    out += [(m.start(), m.end(), m.group("src").strip(" ،"), 1) for m in _AR_CALLS.finditer(text)]
    return out


# Korean: "외교부에 따르면" (according to), and a speaker marked as the topic ("은"/"는") whose
# sentence ends in a verb of saying: "문재인 대통령은 … 강조했다". The speaker is the last words
# before the particle (a name and its office: "문재인 대통령"), a date or connective left out.
_KO_LETTERS = re.compile("[\uac00-\ud7a3]")
_KO_WORD = r"[\uac00-\ud7a3A-Za-z·]+"
_KO_ACCORDING = re.compile(rf"(?P<src>(?:{_KO_WORD}\s){{0,2}}{_KO_WORD}?)(?:에|의)\s*따르면")
_KO_SAYS = re.compile(r"(?:밝혔|말했|강조했|전했|설명했|덧붙였|언급했|지적했|주장했|발표했|"
                      r"당부했|요청했|촉구했|평가했)(?:다|습니다)")
_KO_TOPIC = re.compile(rf"(?P<src>(?:{_KO_WORD}\s){{0,2}}{_KO_WORD}?)(?:은|는)\s")
_KO_NOT_SPEAKER = frozenset("한편 또 또한 이어 특히 이날 그는 그러면서 이에 앞서".split())


def _korean_sources(text: str) -> list[tuple[int, int, str, int]]:
    return _subject_before_saying(text, _KO_ACCORDING, _KO_SAYS, _KO_TOPIC, _korean_speaker)


def _korean_speaker(src: str) -> str:
    """The topic's words without a connective or a date ("한편 외교부 대변인" -> "외교부 대변인")."""
    return " ".join(w for w in src.split()
                    if w not in _KO_NOT_SPEAKER and not re.fullmatch(r"\d+일?", w))


def may_attribute(text: str) -> bool:
    """Whether a sentence has a word these languages attribute with (a quick test before
    :func:`sources_in`; a sentence in plain ASCII may be Italian, Dutch or Polish)."""
    return (not text.isascii() or _TRIGGER.search(text) is not None)


# The verbs of saying of the languages whose papers set direct speech off by dashes (Polish,
# Slovak, Ukrainian, Russian), longest first: "- … - powiedział." (quote_marks._dash_speech).
DASH_SPEECH_VERBS = tuple(sorted({v for group in (_VERBS_PL, _VERBS_SK, _VERBS_UK, _VERBS_RU)
                                  for v in group.split()}, key=len, reverse=True))
# Such speech ends with a dash and a verb of saying with no subject after it: the subject is
# the one the story is following.
_DASH_VERB_ALONE = re.compile(
    r"[-\u2013\u2014]\s+(?P<verb>"
    + "|".join(v for v in DASH_SPEECH_VERBS if v.endswith(("ł", "ła", "l", "la", "в", "л", "ла")))
    + r")\s*[.!?]?\s*$")
_FEMININE = ("ła", "la", "ла")


def sources_in(text: str) -> list[tuple[int, int, str, int]]:
    """Every attribution in a sentence of one of these languages, as (start, end, source,
    priority); ``text`` has its quotations blanked out (attribution_patterns.blank_quotes)."""
    if _AR_LETTERS.search(text):
        return _arabic_sources(text)
    if _KO_LETTERS.search(text):
        return _korean_sources(text)
    # (Chinese and Japanese punctuation; a full-width colon or semicolon is left after a
    # quotation is blanked: "王毅指出：「…」".)
    if any(mark in text for mark in "\u3001\u3002\uff0c\uff1a\uff1b") or _JA_SAYS.search(text):
        if _HIRAGANA.search(text):
            return _japanese_sources(text)
        return _chinese_sources(text)
    if not _TRIGGER.search(text):
        return []
    out = []
    for pattern in (_ACCORDING, _DOCUMENT_SAYS, _FROM_BODY):
        for m in pattern.finditer(text):
            src = next(g for g in (m.groupdict().get(k) for k in ("src", "src2", "src3")) if g)
            out.append((m.start(), m.end(), _tidy(src), 0))
    for m in _IMPERSONAL.finditer(text):
        out.append((m.start(), m.end(), "unnamed sources (reportedly)", 2))
    alone = _DASH_VERB_ALONE.search(text)
    if alone:
        # "- … - powiedział.": the speaker is the verb's unnamed subject, a pronoun in effect,
        # and the verb's ending says which ("powiedziała", "сказала": she).
        verb = alone.group("verb")
        out.append((alone.start(), alone.end(), "she" if verb.endswith(_FEMININE) else "he", 0))
    for m in _BY_AGENT.finditer(text):
        out.append((m.start(), m.end(), _tidy(m.group("src")), 1))
    for pattern in (_SUBJECT_VERB, _VERB_SUBJECT):
        for m in pattern.finditer(text):
            src = _tidy(m.group("src"))
            words = src.lower().split()
            # "…", sagte er: a pronoun resolved as "he said" is (attribution.resolve_pronoun).
            pronoun = len(words) == 1 and words[0] in PERSONAL_PRONOUNS
            if not pronoun and (not words or (
                    words[0] in _NOT_SOURCE and (len(words) == 1 or words[0] not in _ARTICLES))):
                continue  # a pronoun ("la", "se") or a connective, not "la cancillería"
            if words[-1] in _DANGLING:
                continue  # "El encuentro se confirmó", "… da Ucrânia e salientou": no speaker
            # A source at the end of the sentence ("…, agregó el texto oficial.") reports all of
            # what comes before it, as "according to" does.
            at_end = pattern is _VERB_SUBJECT and not text[m.end():].strip(" .\u201d\"'»")
            out.append((m.start(), m.end(), src, 0 if at_end else 1))
    return out


# A reflexive particle or a copula ends a source named without a comma after it ("Podľa
# ministerstva sa rozhovor týkal …", "Według rzecznika jest to …").
_SOURCE_ENDS = re.compile(r"\s(?:sa|się|se|si|je|jest|bol|bola|był|była|sú|są)\s.*$", re.DOTALL)


def _tidy(src: str) -> str:
    src = _SOURCE_ENDS.sub("", src)
    src = re.sub(r"\s+", " ", src).strip(" ,;:-\u2013\u2014")
    # The sentence's full stop after a name ("сказал Мишель."), not an abbreviation's ("EE.UU.").
    if src.endswith(".") and "." not in src.split()[-1][:-1] and len(src.split()[-1]) > 2:
        src = src[:-1]
    return src


# A verb of saying right after a quotation, with no subject: "…", dijo en su conferencia; "…",
# - написал в Twitter. Spanish, Portuguese and Russian leave out a subject the story has just
# named; the speaker is the one named before.
_BARE_VERB = re.compile(rf"^[\s,]*[-\u2013\u2014]?\s*(?:{_VERBS})(?![\w-])")


def bare_verb(after: str) -> bool:
    """Whether ``after``, the text that follows a quotation's closing mark, is a verb of saying
    in one of these languages whose subject is left out."""
    m = _BARE_VERB.match(after)
    if m is None:
        return False
    return not any(f[0] <= m.end() for f in sources_in(after) if f[3] <= 1)


# The same before a quotation: "Sobre el proceso electoral, aseguró que …", "Finalmente,
# respaldó la candidatura, argumentando que …": a verb of saying, or its gerund, that opens the
# sentence or a clause after a comma, with no subject of its own.
_GERUNDS = (
    "argumentando afirmando señalando destacando asegurando explicando subrayando indicando "
    "advirtiendo insistiendo añadiendo agregando recordando precisando enfatizando remarcando "
    "sosteniendo apuntando dizendo ressaltando acrescentando"
)
_VERB_OPENS = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:también|además|luego|después|finalmente|asimismo|ainda|também)\s+)?"
    rf"(?:{_VERBS}|{'|'.join(_GERUNDS.split())})(?![\w-])",
    re.IGNORECASE,
)


# A sentence whose first clause is a verb of saying with its subject left out ("Aseguró,
# además, que …", "Respecto a Ucrania, enfatizó …", "Asimismo, expresó …"): a phrase of at
# most this many characters and a comma may stand before the verb.
_OPENS_SAYING = re.compile(
    r"^(?:[^,.;:]{1,60},\s*)?(?:(?:también|además|luego|después|finalmente|asimismo|ainda|"
    rf"também)\s+)?(?:{_VERBS})(?![\w-])", re.IGNORECASE)


def opens_with_bare_verb(sentence: str) -> bool:
    """Whether a sentence of one of these languages opens with a verb of saying whose subject
    is left out: the source of the sentence before, carried on."""
    return _OPENS_SAYING.match(sentence) is not None and not any(
        f[3] <= 1 for f in sources_in(sentence[:80]))


def bare_verb_before(before: str) -> bool:
    """Whether ``before``, a sentence's text up to a quotation, says it with a verb of saying
    in one of these languages whose subject is left out (the speaker the story named before)."""
    return (_VERB_OPENS.search(before) is not None
            and not any(f[3] <= 1 for f in sources_in(before)))
