"""`make --watch`: notice when the articles change on disk, so that each save is heard within a moment.

Polling the files' size and modification time is cheap for a handful of articles, needs no dependency,
and works the same on every system and file system (network folders and editors that save by renaming
included).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.errors import InputError
from briefing.read import article_sources, is_url

POLL_SECONDS = 0.05

Signature = tuple[int, int] | None  # (modification time in ns, size); None while the file is missing


def _signature(source: str) -> Signature:
    try:
        status = os.stat(source)
    except OSError:  # an editor saving by rename removes the file for a moment
        return None
    return status.st_mtime_ns, status.st_size


@dataclass(frozen=True)
class Changes:
    """What happened to the articles since the last look."""

    saved: list[str]  # changed or new
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.saved or self.removed)


class Watcher:
    """The articles named on the command line, as they were when last looked at. Folders are looked into
    again each time, so that an article saved into one is rendered too."""

    def __init__(self, inputs: list[str]):
        unwatchable = next((item for item in inputs if item == "-" or is_url(item)), None)
        if unwatchable is not None:
            what = "standard input" if unwatchable == "-" else unwatchable
            raise InputError(f"--watch follows files on disk and cannot follow {what}; "
                             "save the article to a file and watch that.")
        self.inputs = inputs
        self.seen = {source: _signature(source) for source in self._sources()}

    def _sources(self) -> list[str]:
        found = []
        for item in self.inputs:
            with contextlib.suppress(InputError):  # a watched folder emptied for a moment: nothing in it
                found += article_sources([item])
        return found

    def changed(self) -> Changes:
        """The articles saved, or removed, since the last look; they are then taken as seen."""
        now = {source: _signature(source) for source in self._sources()}
        saved = [source for source, signature in now.items()
                 if signature is not None and signature != self.seen.get(source)]
        removed = [source for source, signature in self.seen.items()
                   if signature is not None and now.get(source) is None]
        self.seen = now
        return Changes(saved, removed)

    def settled(self, source: str) -> bool:
        """Whether the article is still as last seen: an error in a file caught halfway through being saved
        is not worth reporting, as the next look renders it again."""
        return _signature(source) == self.seen.get(source)

    def wait(self) -> Iterator[Changes]:
        """Forever: what changed, each time something did."""
        while True:
            time.sleep(POLL_SECONDS)
            changes = self.changed()
            if changes:
                yield changes
