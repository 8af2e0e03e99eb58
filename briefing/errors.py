"""The one exception type the pipeline raises, and the exit statuses the CLI turns it into."""

import errno
from enum import IntEnum


class ExitStatus(IntEnum):
    """What `briefing`'s exit code says (httpie's status.py is the model)."""

    OK = 0
    FAILURE = 1  # something went wrong that is not the input's fault (the engine, the machine)
    BAD_INPUT = 2  # the article, cast, script, option or output path is unusable
    # Several articles: some were made and some not (each failed one is listed with its cause on stderr),
    # or an article was made but a part of it the engine could not say (named on stderr; it is in the
    # transcript). Every file that could be written was written, and is complete.
    SOME_FAILED = 3
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


class SomeFailed(BriefingError):
    """Of several articles, some could not be made (`failures`: source, cause); `briefings` were made. When
    none was made, the exit code is that of the failures (bad input if every one was the input's fault)."""

    exit_code = ExitStatus.SOME_FAILED

    def __init__(self, briefings: list, failures: list[tuple[str, BriefingError | Exception]], total: int):
        self.briefings, self.failures = briefings, [(source, str(error)) for source, error in failures]
        if briefings:
            lines = [f"{len(failures)} of {total} articles could not be made; the others were written:"]
        else:
            lines = [f"None of the {total} articles could be made:"]
            every_input = all(isinstance(error, InputError) for _, error in failures)
            self.exit_code = ExitStatus.BAD_INPUT if every_input else ExitStatus.FAILURE
        lines += [f"  {source}: {cause}" for source, cause in self.failures]
        super().__init__("\n".join(lines))
