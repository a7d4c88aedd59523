"""Time on hostile inputs, at growing sizes: does the time grow at most in proportion?

    python bench/hostile.py                      # 60 KB, 240 KB and 960 KB of each shape
    python bench/hostile.py --sizes 234000 936000 --shapes "unclosed quote"

Each text shape of tests/hostile.py is compared, as an account, with the bundled example's
readout (``compare(..., settings=Settings(semantic=False))``, the command's work from
segmenting to the comparison); each web-page shape is read by ``load.load_bytes``, HTML
extraction included, which stops with a one-line error past its budget. Prints seconds per size and, for each size after
the first, the ratio of times against the ratio of sizes (a ratio of times at most about the
ratio of sizes is linear growth). Figures go in docs/inputs.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from readout_compare import compare
from readout_compare.errors import ReadoutCompareError
from readout_compare.load import load_bytes
from readout_compare.model import Settings, Source
from tests.hostile import HTML_SHAPES, READOUT, TEXT_SHAPES

# A Chinese or Japanese story is compared with a readout in its language (across languages
# needs the semantic matcher, which these figures leave out).
_READOUTS = {
    "Chinese text": "\u53cc\u65b9\u540c\u610f\u4fdd\u6301\u6c9f\u901a\uff0c\u52a0\u5f3a"
                    "\u5408\u4f5c\u3002\u4e2d\u65b9\u613f\u540c\u7f8e\u65b9\u7ef4\u62a4"
                    "\u7a33\u5b9a\u3002",
    "open corner bracket": "\u5916\u76f8\u306f\u3001\u4e21\u56fd\u95a2\u4fc2\u3092\u5f37"
                           "\u5316\u3057\u305f\u3044\u65e8\u8ff0\u3079\u307e\u3057\u305f\u3002",
}


def seconds(shape: str, size: int) -> tuple[float, str]:
    """Seconds to compare (text) or read (web page) one input of this shape and size, and
    what came of it."""
    start = time.perf_counter()
    if shape in TEXT_SHAPES:
        try:
            done = compare(_READOUTS.get(shape, READOUT), [TEXT_SHAPES[shape](size)],
                           settings=Settings(semantic=False))
            outcome = f"{len(done.accounts[0].quotes)} quotations"
        except ReadoutCompareError as exc:
            outcome = f"error: {exc}"
    else:
        try:
            load_bytes(HTML_SHAPES[shape](size).encode(), Source(path="page.html"), name="page.html")
            outcome = "read"
        except ReadoutCompareError as exc:
            outcome = f"error: {exc}"
    return time.perf_counter() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[60_000, 240_000, 960_000])
    parser.add_argument("--shapes", nargs="*", default=[*TEXT_SHAPES, *HTML_SHAPES])
    args = parser.parse_args()
    print("| shape | " + " | ".join(f"{s:,} chars" for s in args.sizes) + " | time ratio per size ratio |")
    print("| --- " * (len(args.sizes) + 2) + "|")
    for shape in args.shapes:
        times = []
        notes = []
        for size in args.sizes:
            t, outcome = seconds(shape, size)
            times.append(t)
            notes.append(outcome)
        ratios = ", ".join(
            f"{times[k] / max(times[k - 1], 1e-9):.1f} for {args.sizes[k] / args.sizes[k - 1]:.0f}"
            for k in range(1, len(times)))
        cells = " | ".join(f"{t:.2f} s" for t in times)
        print(f"| {shape} | {cells} | {ratios} |", flush=True)
        if any(n.startswith("error") for n in notes):
            print(f"  ({shape}: {'; '.join(sorted(set(notes)))})", flush=True)


if __name__ == "__main__":
    main()
