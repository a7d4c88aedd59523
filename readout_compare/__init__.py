"""readout-compare: hold news accounts of an event against the official readout of that event.

    >>> from readout_compare import compare
    >>> comparison = compare(readout_text, [account_text])

Names are imported lazily so that ``readout-compare --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Comparison", "ReadoutCompareError", "Settings", "__version__", "compare"]

if TYPE_CHECKING:
    from readout_compare.errors import ReadoutCompareError
    from readout_compare.model import Comparison, Settings
    from readout_compare.pipeline import compare


def __getattr__(name: str) -> Any:
    if name == "compare":
        from readout_compare.pipeline import compare

        return compare
    if name == "ReadoutCompareError":
        from readout_compare.errors import ReadoutCompareError

        return ReadoutCompareError
    if name in ("Comparison", "Settings"):
        from readout_compare import model

        return getattr(model, name)
    raise AttributeError(f"module 'readout_compare' has no attribute {name!r}")
