"""Which language a document is in, so that a comparison across languages is either done with
the semantic matcher or refused in one line, never reported as everything omitted.

English news text is recognised without any model: its most frequent function words make up a
third or more of its words. Anything else is identified by py3langid (the langid.py model, BSD;
the model ships inside the wheel), imported only then, so English inputs cost nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Function words that are English and not also common words of Spanish, French, German,
# Italian or Portuguese ("a", "no", "he", "son", "die" are left out on purpose).
_ENGLISH = frozenset(
    ["the", "of", "and", "to", "is", "was", "for", "on", "that", "with", "by", "at", "from",
     "his", "her", "it", "this", "are", "were", "have", "has", "been", "will", "would", "said",
     "which", "their", "its", "an", "be", "or", "not", "who", "they", "after", "about", "also"]
)
ENGLISH_SHARE = 0.18  # English news: 0.3-0.45 of words; Spanish or German text: under 0.05
_WORD = re.compile(r"[^\W\d_]+")
# Chinese and Japanese are written without spaces: a run of their characters is one "word" to
# _WORD, so their characters are counted one by one instead.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
# A text whose letters are mostly Chinese characters is Chinese, or Japanese when it has kana:
# the script decides, where py3langid is unsure of short Chinese texts full of figures (0.73).
CJK_SHARE = 0.5
SAMPLE = 20_000  # characters looked at
# Below these, the language is "und" (undetermined), which never blocks a comparison: a few
# words ("Hello world") are not enough to say two texts are in different languages.
MIN_WORDS = 8
MIN_PROBABILITY = 0.8
NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
    "it": "Italian", "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "ar": "Arabic",
    "ko": "Korean", "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "uk": "Ukrainian",
    "und": "undetermined",
}


def detect(text: str) -> str:
    """The ISO 639-1 code of the text's language ("und" when there is nothing to tell by)."""
    sample = text[:SAMPLE]
    words = _WORD.findall(sample.lower())
    if not words:
        return "und"
    if sum(1 for w in words if w in _ENGLISH) >= ENGLISH_SHARE * len(words):
        return "en"
    cjk = len(_CJK.findall(sample))
    if len(words) + cjk < MIN_WORDS:
        return "und"
    if cjk >= CJK_SHARE * sum(len(w) for w in words):
        return "ja" if len(_KANA.findall(sample)) * 10 >= cjk else "zh"
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else "und"


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def name(code: str) -> str:
    return NAMES.get(code, code)
