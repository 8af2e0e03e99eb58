"""The one exception type the pipeline raises; the CLI turns it into a sentence and an exit code."""


class BriefingError(Exception):
    """Something went wrong that the user can act on. The message is one plain sentence."""

    exit_code = 1


class InputError(BriefingError):
    """The user's input (article, cast, script, output path) is unusable."""

    exit_code = 2


class SynthesisError(BriefingError):
    """The speech engine failed on a segment, even after a retry in a fresh engine."""

    exit_code = 1
