"""Every option that changes a comparison's results, in one checked object: :class:`Settings`."""

from __future__ import annotations

from dataclasses import dataclass

from readout_compare.errors import ReadoutCompareError

# The most --partial-min-words may be: past the longest sentence it only turns partial matches
# off, and a number without bound reached code that cannot take it.
MAX_PARTIAL_MIN_WORDS = 10_000


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Every option that changes results; each report states the values it was made with.

    Values are checked when the settings are made: one out of range, or of the wrong type,
    raises :class:`~readout_compare.errors.ReadoutCompareError`."""

    # Least calibrated score for a paraphrase match; None means the threshold fitted with the
    # model (calibration.json), filled in by compare(). Any other value applies to the
    # in-domain model as well (docs/alignment.md).
    threshold: float | None = None
    partial_min_words: int = 4  # least run of shared content words for a partial match
    symmetric: bool = False
    # Sources show input files by name only unless this is set: a report shared by link would
    # otherwise tell its readers the sender's user name and folders.
    full_paths: bool = False
    # A URL the user did not type (where redirects ended, the page's canonical URL) is shown
    # without its query string and fragment unless this is set: a redirect may carry a token
    # ("?access_token=…") that a shared report would publish.
    full_urls: bool = False
    # The semantic encoder(s) used for hints and across languages, filled in by compare() from
    # the two settings below (None: not installed, or switched off).
    semantic_model: str | None = None
    # Whether to use the optional semantic matcher when it is installed (docs/semantic.md).
    semantic: bool = True
    # False: paraphrase hints are made with the first encoder only (fast; corpus mode).
    hint_encoder: bool = True

    def __post_init__(self) -> None:
        threshold, least = self.threshold, self.partial_min_words
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float, type(None))):
            raise ReadoutCompareError(f"threshold must be a number, not {type(threshold).__name__}")
        if isinstance(least, bool) or not isinstance(least, int):
            raise ReadoutCompareError(
                f"partial_min_words must be a whole number, not {type(least).__name__}")
        if not 1 <= least <= MAX_PARTIAL_MIN_WORDS:
            raise ReadoutCompareError(
                f"partial_min_words must be between 1 and {MAX_PARTIAL_MIN_WORDS:,}")
        if threshold is not None and not 0.0 < threshold < 1.0:
            raise ReadoutCompareError(f"threshold must be between 0 and 1, not {threshold}")
