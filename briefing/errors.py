"""The one exception type the pipeline raises, and the exit statuses the CLI turns it into."""

import errno
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


# A full disk, a quota, a file size limit: the machine ran out of room, which is no fault of the input.
NO_ROOM_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class NoRoomError(BriefingError):
    """Out of room while writing (see NO_ROOM_ERRNOS): a FAILURE, not BAD_INPUT; the same run succeeds once
    space is freed."""

    exit_code = ExitStatus.FAILURE

    @staticmethod
    def sentence(error: OSError, target: object = None) -> str:
        where = f"write {target}" if target is not None else "write"
        return f"No room left to {where} ({error.strerror}); free some space, or write somewhere else."


class InputError(BriefingError):
    """The user's input (article, cast, script, output path) is unusable."""

    exit_code = ExitStatus.BAD_INPUT


class SynthesisError(BriefingError):
    """The speech engine failed on a segment, even after a retry in a fresh engine."""

    exit_code = ExitStatus.FAILURE
