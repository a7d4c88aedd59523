"""Text normalisation for matching: typography must not decide whether two texts agree."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    }
)
_SPACE = re.compile(r"\s+")
# A word: digits with their decimal points and thousands commas, or letters and digits with
# inner apostrophes (straight or curly), so "Mexico's" and "Mexico’s" are one word each.
# Chinese and Japanese, written without spaces (CJK): a run of their characters is read as its
# character pairs (raw_and_normal_words), the usual practice of lexical search in those
# languages; diffs and quotations compare them a character at a time.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_LETTERS = rf"[^\W{CJK}]+"  # a run of word characters other than CJK ones
# Chinese, Japanese and Korean characters (Korean's syllables too): the scripts in which a
# line's length is counted in characters rather than words.
_CJK_OR_HANGUL = re.compile(f"[{CJK}\uac00-\ud7af]")


def cjk_characters(text: str) -> int:
    """How many Chinese, Japanese or Korean characters a text has."""
    return len(_CJK_OR_HANGUL.findall(text))

# Japanese hiragana are its particles and endings ("は", "の", "ことで"), read as function
# words are: not words at all. The ideographs and katakana carry what a sentence says.
IDEOGRAPHS = "\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_CJK_RUN = re.compile(rf"[{IDEOGRAPHS}]+")
_CJK_FIRST = "\u3040"
WORD = re.compile(rf"\d+(?:[.,]\d+)*(?:'?s\b)?|[{IDEOGRAPHS}]+|{_LETTERS}(?:['\u2018\u2019]{_LETTERS})*")
# The package's other two tokenizers, kept here beside WORD so that the word knowledge lives in
# one place; each serves one purpose.
# DIFF_TOKEN: a word (with inner apostrophes, points and commas) or a run of punctuation, with
# the spaces after it, so that joining the tokens of a diff gives the sentence back.
DIFF_TOKEN = re.compile(rf"([{CJK}]|{_LETTERS}(?:['\u2018\u2019.,]{_LETTERS})*|[^\w\s]+)(\s*)")
# KEY_TOKEN: for keyed evidence, a number, or a word that keeps its hyphens, inner apostrophes
# and the points of initials ("U.S.", "Sao-Paulo", "Mexico's"), so that variants can be folded.
KEY_TOKEN = re.compile(rf"\d+(?:[.,]\d+)*|[{IDEOGRAPHS}]+|[^\W\d_{CJK}]+(?:[-'\u2019.][^\W\d_{CJK}]+)*\.?"
                       rf"|[^\W{CJK}]+")


# C0/C1 control characters other than tab and newline, byte-order marks and non-characters
# never belong in a report; lone surrogates (undecodable file names, broken strings handed to
# the library) cannot be written as UTF-8 at all.
# The embeddings, overrides and isolates of writing direction (U+202A-202E, U+2066-2069) go
# too: in a report or on a terminal they reorder what follows them, so that text can display as
# other text. (Right-to-left text displays rightly without them.)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
# In a name, the direction marks too (U+200E, U+200F, U+061C).
_BIDI_LABEL = re.compile(r"[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LABEL_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def clean_text(text: str) -> str:
    """Unify line ends, drop control characters and replace lone surrogates with U+FFFD, so that
    offsets are offsets into clean text that can be written out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def clean_label(label: str) -> str:
    """A one-line name (a label, a title, a file name) safe for a terminal and a report: control
    characters and line breaks become single spaces, lone surrogates U+FFFD, and the controls of
    writing direction (embeddings, overrides, isolates, marks) are dropped, since they can make
    a name display as another ("invoice\u202etxt.exe")."""
    label = _SURROGATE.sub("\ufffd", _BIDI_LABEL.sub("", label))
    return _LABEL_SPACE.sub(" ", label.replace("\ufeff", "")).strip()


def file_name(path: str) -> str:
    """What a shared report shows of a local path: its file name (a URL is kept whole)."""
    if "://" in path:
        return path
    return path.replace("\\", "/").rsplit("/", 1)[-1] or path


def normalize(text: str) -> str:
    """Fold case, typography (curly quotes, dashes, odd spaces), Unicode compatibility forms
    and traditional Chinese characters (to simplified ones)."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if max(text, default="") >= _HAN_FIRST:
        text = simplified(text)
    return _SPACE.sub(" ", text).strip().casefold()


_HAN_FIRST = "\u3400"


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # only for text with Chinese characters

    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> str:
    """Chinese text in simplified characters ("這兩艘" -> "这两艘"): a story in Hong Kong or
    Taiwan quotes a Beijing readout in the other script. Other text is returned as it is."""
    converted = _converter().convert(text)
    # (Conversion is character for character; a length changed would move offsets.)
    return converted if len(converted) == len(text) else text


def normalize_word(word: str) -> str:
    """:func:`normalize` for one word, with a fast path for plain ASCII (and a cache for the
    rest: a Chinese story's words are its characters, few and repeated)."""
    if word.isascii():
        return word.lower()
    return _normalized_word(word)


@lru_cache(maxsize=65536)
def _normalized_word(word: str) -> str:
    return normalize(word)


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    return [w for _, w in raw_and_normal_words(text)]


def raw_and_normal_words(text: str) -> list[tuple[str, str]]:
    """Each word as written (after NFKC) and normalised, in order; NFKC runs once per text,
    not once per word, which makes this the fast path for profiling long documents."""
    text = unicodedata.normalize("NFKC", text)
    if max(text, default="") >= _HAN_FIRST:
        text = simplified(text)
    out = []
    for w in WORD.findall(text):
        if is_cjk_run(w):
            out += [(p, p) for p in cjk_pairs(w)]
        else:
            out.append((w, w.translate(_TRANSLATE).casefold()))
    return out


def cjk_pairs(run: str) -> list[str]:
    """A run of Chinese or Japanese ideographs as its words: its character pairs (a single
    character stands alone), as lexical search in those languages reads them."""
    return [run[k : k + 2] for k in range(max(len(run) - 1, 1))]


def is_cjk_run(token: str) -> bool:
    """Whether a token (of WORD or KEY_TOKEN) is a run of Chinese or Japanese ideographs."""
    return token[:1] >= _CJK_FIRST and _CJK_RUN.fullmatch(token) is not None


# Function words of the other languages whose stories are compared word by word with a readout
# in the same language (Spanish, Portuguese, French, German), with and without accents: two
# Spanish sentences share "de", "la" and "que" whatever they say. Words that are English
# content words too ("die", "son", "war", "sin", "con", "man") are left out.
_OTHER_FUNCTION_WORDS = (
    # Spanish
    "el la los las lo un una unos unas de del al en y e o u que se su sus por para con como "
    "pero más mas ya este esta estos estas ese esa eso esos esas entre sobre sin hacia desde "
    "hasta también tambien muy le les nos ha han había habia fue ser es está están "
    "estan dijo según segun cual cuales cuando donde quien quienes "
    # Portuguese
    "o os as um uma uns umas do da dos das no na nos nas ao aos à às em com pelo pela pelos "
    "pelas não nao foi são sao seu sua seus suas mais também tambem disse "
    # French
    "le les des du au aux et est sont été ete dans pour par sur avec ce cette ces qui ne pas "
    "plus ou leur leurs il elle ils elles a à "
    # German
    "der das den dem des ein eine einer einen einem und ist sind wurde wurden mit von zu zum "
    "zur auf für fur bei nach auch sich nicht dass daß sie er es im am vom aus über uber"
).split()

# English function words (after the NLTK list), plus the verbs of attribution, which say who
# spoke rather than what was said; then the other languages' (_OTHER_FUNCTION_WORDS).
STOPWORDS = frozenset(_OTHER_FUNCTION_WORDS) | frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "let's", "me", "more", "most", "mustn't", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shan't", "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where", "where's", "which", "while", "who", "who's", "whom", "why", "why's", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves", "will", "shall", "may", "might", "must", "also", "just", "s", "t", "said", "says", "say", "according"]
)
