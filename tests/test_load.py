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
    loaded = load_bytes("A\x07 bell\x1b and\x00".encode("utf-8").replace(b"\x00", b""), Source(), name="x")
    assert loaded.text == "A bell and"


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
    loaded = load("-", stdin="Hello there.".encode())
    assert loaded.text == "Hello there."
    assert loaded.source.path == "-"
