from __future__ import annotations

import pytest

from readout_compare.errors import ReadoutCompareError
from readout_compare.load import load, load_bytes
from readout_compare.model import Source

TEXT = "The Secretary’s call — on Jan. 31 — was “productive.”\nCafé résumé naïve."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), None),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_decodes_common_encodings(data, encoding):
    loaded = load_bytes(data, Source(), name="x")
    assert loaded.text == TEXT
    if encoding:
        assert loaded.source.encoding == encoding
    assert len(loaded.source.sha256) == 64


def test_crlf_and_bare_cr_become_lf():
    loaded = load_bytes(b"One.\r\nTwo.\rThree.", Source(), name="x")
    assert loaded.text == "One.\nTwo.\nThree."


def test_control_characters_do_not_survive():
    text = "The Secretary spoke with the Minister on Monday about border security. " * 3
    dirty = text[:20] + "\x07" + text[20:90] + "\x1b\x0c" + text[90:]
    loaded = load_bytes(dirty.encode("utf-8"), Source(), name="x")
    assert loaded.text == text


def test_mojibake_is_repaired():
    broken = "The Secretary’s call — “productive.".encode().decode("cp1252")
    assert "â€™" in broken
    loaded = load_bytes(broken.encode("utf-8"), Source(), name="x")
    assert loaded.text == "The Secretary’s call — “productive."


def test_markdown_is_read_as_text():
    md = "# Readout of the Call\n\nThe Secretary **stressed** the [importance](https://x.example) of *cooperation*.\n\n- Both sides agreed.\n"
    loaded = load_bytes(md.encode(), Source(), name="x")
    assert loaded.source.content_type == "text/markdown"
    assert loaded.text == "Readout of the Call\n\nThe Secretary stressed the importance of cooperation.\n\n- Both sides agreed.\n"


def test_markdown_list_reaches_the_segmenter_as_items():
    from readout_compare.segment import segment

    md = "# Readout of the Secretary's Call\n\nThe **package** includes:\n\n* Two NASAMS;\n* Up to 150,000 rounds; and\n* Spare parts.\n"
    loaded = load_bytes(md.encode(), Source(), name="x")
    doc = segment(loaded.text, doc_id="r", label="r")
    assert [(s.text, s.role) for s in doc.sentences] == [
        ("Readout of the Secretary's Call", "heading"), ("The package includes:", "lead-in"), ("Two NASAMS;", "body"),
        ("Up to 150,000 rounds; and", "body"), ("Spare parts.", "body"),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
    ids=["empty", "whitespace", "png", "random-bytes"],
)
def test_refuses_empty_and_binary(data, message):
    with pytest.raises(ReadoutCompareError, match=message):
        load_bytes(data, Source(), name="x")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadoutCompareError, match="no such file"):
        load(str(tmp_path / "nope.txt"))
    with pytest.raises(ReadoutCompareError, match="directory"):
        load(str(tmp_path))


def test_stdin():
    loaded = load("-", stdin=b"Hello there.")
    assert loaded.text == "Hello there."
    assert loaded.source.path == "-"
