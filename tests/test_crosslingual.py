"""Figures, dates, negation and names read in each language, so that two readouts in two
languages are compared on what they say, not on how each language writes it."""

from __future__ import annotations

import pytest

from readout_compare import crosslingual, language
from readout_compare.segment import segment

AGREE = [
    ("en", "Ecuador will devote 40 million dollars on March 12.",
     "es", "Ecuador destinará 40 millones de dólares el 12 de marzo."),
    ("en", "Mexico seized 1,200 kilograms and 4,500 tons.",
     "es", "México aseguró mil 200 kilos y 4 mil 500 toneladas."),
    ("en", "France will provide 1.5 billion euros and 10,000 shells by May 12.",
     "fr", "La France fournira 1,5 milliard d'euros et 10 000 obus d'ici le 12 mai."),
    ("en", "Germany will send 2.3 million euros and 10,000 soldiers on May 12.",
     "de", "Deutschland wird am 12. Mai 2,3 Millionen Euro und 10.000 Soldaten schicken."),
    ("en", "The sides agreed to deliver 10,000 tons and 1.5 billion rubles on May 12.",
     "ru", "Стороны договорились поставить 10 тыс. тонн и 1,5 млрд рублей 12 мая."),
    ("en", "He raised the cases of three detained citizens.",
     "ru", "Он затронул дела трёх задержанных граждан."),
    ("en", "China will buy 1.5 billion dollars of soybeans and send 30 experts on May 12.",
     "zh", "中方将于5月12日采购15亿美元大豆并派出三十名专家。"),
    ("en", "The teams will meet on Thursday with 4 experts.",
     "zh", "双方团队将于周四与4名专家会面。"),
    ("en", "The exercises took place on April 7 and 8.",
     "de", "Die Manöver fanden am 7. und 8. April statt."),
]


@pytest.mark.parametrize("r_lang, r_text, a_lang, a_text", AGREE)
def test_the_same_figures_and_dates_written_each_language_s_way_agree(r_lang, r_text, a_lang, a_text):
    r, a = crosslingual.read(r_text, r_lang), crosslingual.read(a_text, a_lang)
    assert (r.figures or r.days) and r.figures.keys() == a.figures.keys()
    assert r.days.keys() == a.days.keys() and r.weekdays.keys() == a.weekdays.keys()


def test_a_different_figure_or_date_is_read_as_different():
    r = crosslingual.read("He raised the cases of 3 citizens on May 12.", "en")
    a = crosslingual.read("Он затронул дела четырёх граждан 14 мая.", "ru")
    assert r.figures.keys() != a.figures.keys() and r.days.keys() != a.days.keys()
    z = crosslingual.read("双方同意于5月14日举行会谈。", "zh")
    assert z.days.keys() == {(5, 14)}


def test_numbers_that_name_are_no_figures():
    r = crosslingual.read("The G20 summit, F-35 jets and 5G, No. 10 said.", "en")
    assert r.figures == {} and not r.negated


def test_chinese_words_written_with_numerals_are_no_figures():
    # 十分 "very", 一行 "the delegation", 一旦 "once": words, not ten, one or one.
    r = crosslingual.read("特朗普表示十分尊重习近平主席，王毅一行一旦抵达将举行会谈。", "zh")
    assert r.figures == {}
    assert crosslingual.read("双方同意十天后再次会谈。", "zh").figures.keys() == {10.0}


@pytest.mark.parametrize("lang, text, negated", [
    ("en", "The Secretary did not discuss sanctions.", True),
    ("en", "Not only trade but also security was discussed.", False),
    ("fr", "Le ministre n'a pas évoqué les sanctions.", True),
    ("fr", "La non-prolifération a été évoquée.", False),
    ("de", "Der Kanzler unterstützt keine Zölle.", True),
    ("ru", "Вопрос санкций не обсуждался.", True),
    ("ru", "Стороны обсудили не только торговлю.", False),
    ("zh", "美方不支持台独。", True),
    ("zh", "双方将不断深化合作，面向未来。", False),
])
def test_negation_is_read_in_each_language(lang, text, negated):
    assert bool(crosslingual.read(text, lang).negated) is negated


def test_a_language_without_a_table_reads_no_negation():
    assert not crosslingual.read("Questa situazione non è nell'interesse di nessuna delle parti.",
                                 "it").reads_negation


def test_names_in_another_script_correspond_by_their_latin_spelling():
    pytest.importorskip("anyascii")
    pairs = crosslingual.correspondences(
        "Secretary Blinken spoke on May 12 with Foreign Minister Lavrov.", "en",
        "Министр иностранных дел Сергей Лавров 12 мая провёл разговор с Энтони Блинкеном.", "ru")
    assert ("Blinken", "Блинкеном") in pairs and ("Lavrov", "Лавров") in pairs
    assert ("May 12", "12 мая") in pairs


def test_chinese_and_japanese_are_told_by_their_script():
    zh = "2023年5月10日，外交部长王毅应约同美国国务卿布林肯通电话。王毅表示，中美双方应保持沟通渠道畅通。"
    ja = "岸田総理大臣は、バイデン米国大統領と電話会談を行いました。両首脳は日米同盟の強化で一致しました。"
    assert language.detect(zh) == "zh" and language.detect(ja) == "ja"


@pytest.mark.parametrize("text, sentences", [
    ("Am 12. Mai soll ein Treffen stattfinden. Beide betonten die Bedeutung.", 2),
    ("Der Kanzler sagte: „Wir stehen an der Seite der Ukraine.“ Sie vereinbarten, in Kontakt "
     "zu bleiben.", 2),
    ("Состоялся телефонный разговор В.В.Путина с Президентом США Д.Трампом. Разговор длился "
     "2,5 часа.", 2),
    ("12 мая 2025 г. стороны договорились о встрече, т.е. продолжат контакты.", 1),
])
def test_sentences_of_german_and_russian_readouts(text, sentences):
    doc = segment(text, doc_id="a", label="x")
    assert len(doc.sentences) == sentences, [s.text for s in doc.sentences]


def test_the_labelled_language_sets_are_whole():
    """Each language's set has dev and held-out stories, at least 150 sentence pairs, and
    every counterpart names an English sentence of its own story (bench/languages.py)."""
    from tests.conftest import bench_module

    languages = bench_module("languages")
    for lang in languages.LANGUAGES:
        stories = languages.load(lang)
        assert {s.split for s in stories} == {"dev", "heldout"}
        assert len(stories) >= 6
        pairs = [line for s in stories for line in s.other if line.gold != "-"]
        assert len(pairs) >= 150
        for s in stories:
            assert all(line.gold == "-" or line.gold in s.english for line in s.other), s.name
        for split in ("dev", "heldout"):
            flips = [f for f, *_ in languages.negation_pairs(lang, split)]
            assert flips.count(True) == flips.count(False) == 12


def test_a_name_in_chinese_characters_corresponds_by_its_sound():
    pytest.importorskip("anyascii")
    pairs = crosslingual.correspondences(
        "Secretary Blinken spoke with Treasury Secretary Daniel Brennan on May 12.", "en",
        "5月12日，美国国务卿布林肯同财政部长丹尼尔·布伦南通电话。", "zh")
    assert ("Blinken", "布林肯") in pairs and ("Brennan", "布伦南") in pairs
    assert ("Daniel", "丹尼尔") in pairs and ("May 12", "5月12日") in pairs
    # Words of the sentence that are no names find no sound-alike.
    assert not any(en in ("Secretary", "Treasury") for en, _ in pairs)


def test_portuguese_dates_figures_and_negation_are_read():
    r = crosslingual.read("O presidente recebeu nesta segunda-feira, 6 de outubro, um telefonema; "
                          "pediu a retirada da sobretaxa de 40% e 2 milhões de doses.", "pt")
    assert r.days.keys() == {(10, 6)}
    assert r.figures.keys() == {40.0, 2_000_000.0}  # the day is no figure
    assert crosslingual.read("O Brasil não aceitará a medida.", "pt").negated



def test_chinese_and_japanese_are_read_by_character_pairs():
    from readout_compare.normalize import words

    # Ideographs and katakana by pairs; hiragana (particles, endings) are no words.
    assert len(words("両首脳は関係改善")) == 5
    assert words("両首脳は関係改善") == words("両首脳が関係改善")
    assert words("双方同意") == ["双方", "方同", "同意"]
    assert words("Mexico's 1,000 troops") == ["mexico's", "1,000", "troops"]


def test_a_japanese_account_that_reports_the_readout_matches_and_one_that_does_not_stays_out():
    from readout_compare import Settings, compare

    readout = ("両首脳は、北朝鮮問題について緊密に連携していくことを確認しました。"
               "また、両首脳は、早期に首脳会談を行うことで一致しました。")
    account = ("両首脳は早期に首脳会談を行うことで一致した。"
               "ただこの日の会談では、文氏が合意の再交渉を持ち出すことはなかったという。")
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    assert [s.status for s in acc.sentences] == ["supported", "not_in_readout"]


@pytest.mark.parametrize(("text", "lang", "figures"), [
    # The number of a point is no figure; a figure opening a sentence still is one.
    ("3\u3000両首脳は,2月10日に総理が訪米することで合意しました。", "ja", {}),
    ("2. The leaders agreed to meet.", "en", {}),
    ("10 troops were sent to the border.", "en", {10.0: "10"}),
])
def test_the_number_of_a_point_is_no_figure(text, lang, figures):
    from readout_compare.crosslingual import read

    assert read(text, lang).figures == figures


def test_an_abbreviated_month_with_its_point_dates_the_day():
    from readout_compare.crosslingual import read

    reading = read("They agreed to hold a summit in Washington on Feb. 10.", "en")
    assert reading.days == {(2, 10): "Feb. 10"} and not reading.figures


def test_traditional_characters_are_read_as_simplified_ones():
    from readout_compare.normalize import normalize, words

    assert normalize("中美這兩艘巨輪") == normalize("中美这两艘巨轮") == "中美这两艘巨轮"
    assert words("兩國關係") == words("两国关系")


def test_a_story_in_traditional_characters_quotes_a_simplified_readout_verbatim():
    from readout_compare import Settings, compare

    readout = "王毅表示，美方近来采取的消极言行，损害了中方正当权益，中方明确反对。"
    account = "王毅指，「美方近來採取的消極言行，損害了中方正當權益，中方明確反對。」"
    acc = compare(readout, [account], settings=Settings(semantic=False)).accounts[0]
    (quote,) = acc.quotes
    assert quote.fidelity == "verbatim"
    assert [s.status for s in acc.sentences] == ["supported"]


@pytest.mark.parametrize(("text", "lang", "figures"), [
    # A date and a time of day are no figures; a duration is one; a numeral in a name is none.
    ("28\u65e5,\u5b89\u500d\u664b\u4e09\u7dcf\u7406\u306f,\u5348\u5f8c11\u66425\u5206\u304b\u3089"
     "\u7d0442\u5206\u9593,\u96fb\u8a71\u4f1a\u8ac7\u3092\u884c\u3044\u307e\u3057\u305f\u3002",
     "ja", {42.0: "42"}),
    ("\u53cc\u65b9\u540c\u610f\u4e09\u56fd\u5408\u4f5c\u3002", "zh", {3.0: "\u4e09"}),
])
def test_figures_in_chinese_and_japanese(text, lang, figures):
    from readout_compare.crosslingual import read

    assert read(text, lang).figures == figures


@pytest.mark.parametrize("account, differs", [
    # 17 January 2025 was a Friday: the story agrees on the call's day; its other date is the
    # inauguration's.
    ("Zhang and Berg spoke on Friday night ahead of the inauguration on Jan. 20, 2025.", False),
    ("Zhang and Berg spoke on Monday night ahead of the inauguration on Jan. 20, 2025.", True),
    ("Zhang and Berg spoke on Jan. 20, 2025.", True),
])
def test_a_weekday_that_is_the_readouts_date_agrees_with_it(account, differs):
    from dataclasses import replace

    from readout_compare.divergence import cross_language_divergences
    from readout_compare.model import Match

    readout = replace(segment("1月17日，国家主席张伟同挪威首相贝格通电话。", doc_id="r", label="r"),
                      language="zh")
    acc = replace(segment(account, doc_id="a1", label="a"), language="en")
    r_id, a_id = readout.body[0].id, acc.body[0].id
    match = Match(readout_sentence=r_id, score=0.7, kind="paraphrase", readout_coverage=0.0,
                  account_coverage=0.0, diff=(), basis="claim")
    got = cross_language_divergences(readout, acc, {a_id: (match,)})
    assert bool(got.get(a_id)) == differs
