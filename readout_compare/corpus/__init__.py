"""Corpus mode: which stories reported which readout, across many articles.

``readout-compare corpus READOUTS ARTICLES -o results/`` reads two collections (folders of
files, or manifests), shortlists for each article the readouts it may report through an index
of the readouts' sentences by their rare words (so the work grows with the shortlisted pairs,
not with readouts x articles), compares each shortlisted pair exactly as ``compare`` does, keeps
as reports the readouts each article matches best (``work.reported_readouts``), and writes:

* ``results.sqlite``: readouts, articles (with any error), pairs, per-sentence coverage, claims
  not in the readout, quotations and divergences (schema in docs/corpus.md);
* ``index.html``: readouts with how many outlets reported each and how much of it; outlets with
  their omission, divergence and altered-quote rates; a link to each readout's page;
* ``readouts/ID.html``: the report ``compare`` writes for the readout and all its articles.

With ``--reviews DIR``, the review file ``DIR/ID.json`` (exported from ``readouts/ID.html``)
is applied to every pair of readout ID and an article, before its rows are stored, and to the
readout's page, which lists its stale entries.

Work is done in partitions of articles, with the readouts and their index broadcast to every
worker: in this process by default, on a local Dask cluster with ``--workers N``, or on an
existing one with ``--scheduler ADDRESS``. One writer (this process) stores each article's
results in one transaction, so a run killed at any point and resumed with ``--resume`` ends
with the same database as an uninterrupted one.

One module per job: ``collection`` (the inputs), ``shortlist`` (the index and the readouts an
article may report), ``work`` (one article), ``store`` (results.sqlite), ``executor`` (here or on
Dask), ``pages`` (the HTML), ``runner`` (the run, from the command line's ``Run``).
"""

from readout_compare.corpus.runner import Run, run

__all__ = ["Run", "run"]
