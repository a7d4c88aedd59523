"""The one exception the tool raises for bad input; the CLI turns it into a message."""


class ReadoutCompareError(Exception):
    """Bad input or an impossible request: shown to the user as one line, exit status 1."""
