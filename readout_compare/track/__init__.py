"""Track: versions of a readout and of its accounts over time, and what each edit did.

``readout-compare track READOUT ACCOUNT... --store DIR`` is meant to be run again and again (by
cron or by hand). Each run loads every input as ``compare`` does, and stores a new version of a
document when its story changed: the text of its sentences that are not page furniture, so a new
ticker, timestamp or related link is not a new version, and a page that fails to load makes no
version at all. For each new version it says what the edit did in verdict terms (a quotation
corrected, a claim not in the readout removed, a readout sentence now reported, a divergence
that appeared, the lede changed, an attribution changed); for a new readout version, which of
its sentences changed and which accounts' verdicts moved because of it. Then it compares each
account's latest version with the readout's latest and writes:

* ``history.sqlite``: documents, runs, versions (time, hash, texts, provenance, changes, word
  diff); schema in :mod:`~readout_compare.track.store` and docs/track.md;
* ``reports/run-N.html``: the full comparison report of the run that stored a version;
* ``index.html`` and ``history.json``: a timeline for the readout and each account, each version
  with its changes, its word diff and a link to its report.

What an edit did is read by comparing two comparisons made now, with the same tool and settings:
the previous version's and the new one's (against the same readout version), so that a change
in the tool between runs is never taken for an edit.

One module per job, each importing only those before it: ``changes`` (what an edit did),
``store`` (history.sqlite), ``timeline`` (history.json and index.html), ``run`` (one run, from
the command line's ``track``).
"""

from readout_compare.track.run import Outcome, track

__all__ = ["Outcome", "track"]
