"""The work on one article, wherever the run sends it: load it, shortlist the readouts it may
report, compare it with each (as ``compare`` does), decide which of them it reports, and turn
each pair into the rows of results.sqlite. One bad article never stops a corpus."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from readout_compare.corpus.collection import Item
from readout_compare.corpus.shortlist import (
    Index,
    left_out_by_window,
    retrieval_scores,
    shortlist_by_scores,
)
from readout_compare.errors import ReadoutCompareError
from readout_compare.model import (
    AccountComparison,
    Comparison,
    Document,
    LoadedText,
    Match,
    ReviewEntry,
    Settings,
)
from readout_compare.normalize import clean_label, file_name

# A readout sentence reported only in part makes a report only with strong retrieval evidence
# for that readout alone (reported_readouts).
SINGLE_PART_SCORE = 6.0
SINGLE_PART_RATIO = 0.7


@dataclass
class Shared:
    """What every worker gets: the readouts, their index and the settings."""

    readouts: dict[str, Document]  # segmented once, here, and used by every worker
    items: dict[str, Item]
    index: Index
    window: int | None
    timeout: float
    semantic: bool
    settings: Settings
    profiles: dict[str, dict] = field(default_factory=dict)  # made in each worker, as needed
    # Each readout's review file's entries (--reviews), by readout id.
    reviews: dict[str, tuple[ReviewEntry, ...]] = field(default_factory=dict)


@dataclass
class ArticleResult:
    item: Item
    label: str = ""
    text: str = ""
    sha256: str | None = None
    language: str = "und"
    sentences: int | None = None  # counted when it is segmented (its shortlist is not empty)
    headline: str | None = None  # its first sentence when that is a heading, else its title
    error: str | None = None
    shortlisted: int = 0  # readouts on its shortlist, each compared with it
    left_out: list[str] = field(default_factory=list)  # readouts --window left out (why)
    pairs: list[dict[str, Any]] = field(default_factory=list)


def process_partition(items: list[Item], shared: Shared) -> list[ArticleResult]:
    """Load each article, shortlist the readouts it may report, compare each shortlisted pair."""
    return [process_article(item, shared) for item in items]


def process_article(item: Item, shared: Shared) -> ArticleResult:
    """Load the article, shortlist the readouts it may report, compare each shortlisted pair. Any
    failure (an unreadable file, or a fault of the comparison itself) is recorded as the
    article's error and the run goes on: one bad article never stops a corpus."""
    try:
        return _process_article(item, shared)
    except MemoryError:
        raise
    except Exception as exc:  # recorded, with its kind, as this article's failure
        return ArticleResult(item, error=_failure(exc, item))


def _failure(exc: Exception, item: Item) -> str:
    """One line for an article's failure: the tool's own message, or what went wrong inside."""
    lines = str(exc).replace(item.source, file_name(item.source)).splitlines()
    what = lines[0][:300] if lines else ""
    if not isinstance(exc, ReadoutCompareError):
        what = f"failed ({type(exc).__name__}{': ' + what if what else ''})"
    return clean_label(what)


def _process_article(item: Item, shared: Shared) -> ArticleResult:
    from readout_compare import language
    from readout_compare.load import load
    from readout_compare.pipeline import as_document

    result = ArticleResult(item)
    loaded = with_item_metadata(load(item.source, timeout=shared.timeout), item)
    result.text = loaded.text
    result.sha256 = loaded.source.sha256
    result.label = item_label(item, loaded)
    result.language = language.detect(loaded.text)
    raw = retrieval_scores(shared.index, loaded.text)
    scores = shortlist_by_scores(shared, raw, item.date)
    result.left_out = left_out_by_window(shared, raw, item.date, scores)
    result.shortlisted = len(scores)
    if not scores:  # no need to segment it
        return result
    document = as_document(loaded, doc_id="a1", label=result.label)
    document = replace(document, language=result.language)
    result.sentences = len(document.body)
    compared = _compare_shortlist(item, document, scores, shared, result)
    first = document.sentences[0] if document.sentences else None
    result.headline = (first.text if first is not None and first.role == "heading"
                       else loaded.source.title)
    reporting = reported_readouts(compared, scores)
    for rid, acc in compared.items():
        result.pairs.append(pair_rows(rid, item.id, shared.readouts[rid], acc, rid in reporting,
                                      result.headline))
    return result


def _compare_shortlist(item: Item, document: Document, scores: dict[str, float],
                       shared: Shared, result: ArticleResult) -> dict[str, AccountComparison]:
    """The article compared with each readout on its shortlist; a pair's failure is recorded as
    the article's error and the other pairs are kept."""
    from readout_compare.pipeline import compare_account
    from readout_compare.similarity import profile

    compared: dict[str, AccountComparison] = {}
    article_profiles: dict = {}  # the article's sentence profiles, made once for its shortlist
    for rid in scores:
        readout = shared.readouts[rid]
        if rid not in shared.profiles:
            shared.profiles[rid] = {s.id: profile(s.text) for s in readout.body}
        try:  # both documents are segmented already: each is segmented once per run
            compared[rid] = _reviewed(rid, readout, compare_account(
                readout, document, shared.settings, profiles=shared.profiles[rid],
                account_profiles=article_profiles), shared)
        except MemoryError:
            raise
        except Exception as exc:  # this pair's failure; the others are kept
            result.error = f"against readout {rid}: {_failure(exc, item)}"
    return compared


def _reviewed(rid: str, readout: Document, acc: AccountComparison,
              shared: Shared) -> AccountComparison:
    """One pair with the readout's review applied (its entries for other articles are theirs,
    not stale: the readout's page lists the stale ones)."""
    entries = shared.reviews.get(rid)
    if not entries:
        return acc
    from readout_compare.review import apply_reviews

    return apply_reviews(Comparison(readout=readout, accounts=(acc,), settings=shared.settings), entries).accounts[0]


def with_item_metadata(loaded: LoadedText, item: Item) -> LoadedText:
    """A loaded text whose source takes the title, date and outlet its item gives and the text
    itself does not."""
    source = loaded.source
    if item.title and not source.title:
        source = replace(source, title=item.title)
    if item.date and not source.date:
        source = replace(source, date=item.date)
    if item.outlet and not source.site_name:
        source = replace(source, site_name=item.outlet)
    return LoadedText(loaded.text, source)


def item_label(item: Item, loaded: LoadedText) -> str:
    """The name a document goes by in the results: its item's title, its own, or its id."""
    return clean_label(item.title or loaded.source.title or item.id)


def reported_readouts(compared: dict[str, AccountComparison],
                      scores: dict[str, float] | None = None) -> set[str]:
    """The shortlisted readouts an article reports.

    Readouts of one government are written from templates ("X announced N million dollars in
    new funding for P to support work on T"), so one article sentence often matches several
    readouts. An article sentence is evidence only for the readout it matches best (strength:
    the match's score times the share of the readout sentence it carries; ties count for each).
    An article reports a readout when such evidence covers two of its sentences, or one reported
    verbatim or in paraphrase. One sentence reported only in part is most often a shared topic,
    not a report: it counts only when retrieval (``scores``) also points to this readout alone,
    strongly (at least SINGLE_PART_SCORE, and the next readout below SINGLE_PART_RATIO of it). A
    mention of the call alone (basis "event") is no evidence."""
    def strength(m: Match) -> float:
        return m.score * m.readout_coverage

    best: dict[str, float] = {}
    for acc in compared.values():
        for s in acc.sentences:
            for m in s.matches:
                if m.basis == "claim":
                    best[s.sentence.id] = max(best.get(s.sentence.id, 0.0), strength(m))
    clear_first = _clear_first(scores or {})
    found = set()
    for rid, acc in compared.items():
        evidence = {(m.readout_sentence, m.kind) for s in acc.sentences for m in s.matches
                    if m.basis == "claim" and strength(m) >= best[s.sentence.id]}
        if (len({r for r, _ in evidence}) >= 2 or any(k != "partial" for _, k in evidence)
                or (evidence and rid == clear_first)):
            found.add(rid)
    return found


def _clear_first(scores: dict[str, float]) -> str | None:
    """The readout retrieval points to alone, strongly, if there is one."""
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return (ranked[0][0] if ranked and ranked[0][1] >= SINGLE_PART_SCORE and (
        len(ranked) == 1 or ranked[1][1] < SINGLE_PART_RATIO * ranked[0][1]) else None)


def _ordinal(sentence_id: str) -> int:
    """A sentence's place in its document, from its id ("a1-7", "r-7": 7)."""
    return int(sentence_id.rsplit("-", 1)[1])


def pair_rows(rid: str, aid: str, readout: Document, acc: AccountComparison,
              reports: bool, headline: str | None = None) -> dict[str, Any]:
    """One pair's rows. Sentences and quotations are named by their stable keys (keys.py), the
    ``data-key`` of their element on the readout's page, with their place in the document
    (``ordinal``) for sorting; readout sentences also by their page id ("r-7")."""
    from readout_compare.keys import quote_keys, sentence_keys
    from readout_compare.report import account_summary

    summary = account_summary(acc)
    text = {s.id: s.text for s in readout.body}
    rkey = sentence_keys("readout", readout)
    skey = sentence_keys("account", acc.document)
    qkey = quote_keys(acc)
    return {
        "pair": {
            "readout_id": rid, "article_id": aid, "reports": int(reports),
            "readout_sentences": summary["readout_sentences"], "reported": summary["reported"],
            "reported_verbatim": summary["reported_verbatim"],
            "reported_paraphrase": summary["reported_paraphrase"],
            "reported_in_part": summary["reported_in_part"], "omitted": summary["omitted"],
            "account_sentences": summary["account_sentences"],
            "supported": summary["supported"], "divergent": summary["divergent"],
            "not_in_readout": summary["not_in_readout"],
            "quotes_verbatim": summary["quotes"]["verbatim"],
            "quotes_altered": summary["quotes"]["altered"],
            "quotes_stitched": summary["quotes"]["stitched"],
            "quotes_not_in_readout": summary["quotes"]["not_in_readout"],
            "headline": headline, "summary": summary["headline"],
        },
        "coverage": [
            {"readout_id": rid, "article_id": aid, "readout_key": rkey[c.readout_sentence],
             "readout_sentence": c.readout_sentence, "ordinal": _ordinal(c.readout_sentence),
             "text": text.get(c.readout_sentence), "status": c.status, "kind": c.kind,
             "divergent": int(c.divergent),
             "account_sentences": " ".join(skey[a] for a in c.account_sentences)}
            for c in acc.coverage
        ],
        "claims": [
            {"readout_id": rid, "article_id": aid, "key": skey[s.sentence.id],
             "ordinal": _ordinal(s.sentence.id), "text": s.sentence.text,
             "attributed_to": s.attribution.source if s.attribution else None,
             "attribution_kind": s.attribution.kind if s.attribution else None}
            for s in acc.sentences if s.status == "not_in_readout"
        ],
        "quotes": [
            {"readout_id": rid, "article_id": aid, "key": qkey[q.id], "ordinal": n,
             "sentence_key": skey[q.account_sentence], "text": q.text, "fidelity": q.fidelity,
             "readout_key": rkey.get(q.readout_sentence) if q.readout_sentence else None,
             "readout_sentence": q.readout_sentence,
             "attributed_to": q.attribution.source if q.attribution else None}
            for n, q in enumerate(acc.quotes, 1) if q.kind != "title"
        ],
        "divergences": [
            {"readout_id": rid, "article_id": aid, "sentence_key": skey[s.sentence.id],
             "ordinal": _ordinal(s.sentence.id), "n": n, "type": d.type,
             "readout_key": rkey[d.readout_sentence], "readout_sentence": d.readout_sentence,
             "readout_text": d.readout_text, "account_text": d.account_text,
             "direction": d.direction}
            for s in acc.sentences for n, d in enumerate(s.divergences)
        ],
    }
