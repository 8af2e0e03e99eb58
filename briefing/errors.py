"""The one exception type the pipeline raises, and the exit statuses the CLI turns it into."""

from enum import IntEnum


class ExitStatus(IntEnum):
    """What `briefing`'s exit code says (httpie's status.py is the model)."""

    OK = 0
    FAILURE = 1  # something went wrong that is not the input's fault (the engine, the machine)
    BAD_INPUT = 2  # the article, cast, script, option or output path is unusable
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class BriefingError(Exception):
    """Something went wrong that the user can act on. The message is one plain sentence."""

    exit_code = ExitStatus.FAILURE


class InputError(BriefingError):
    """The user's input (article, cast, script, output path) is unusable."""

    exit_code = ExitStatus.BAD_INPUT


class SynthesisError(BriefingError):
    """The speech engine failed on a segment, even after a retry in a fresh engine."""

    exit_code = ExitStatus.FAILURE
