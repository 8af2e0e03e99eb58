"""mutagen's ID3 tag, saved with its chapter frames in time order.

mutagen (1.47, 1.48) sorts frames by their size when it saves (`ID3Tags._write`), so CHAP frames came out in
title-length order; FFmpeg (`ffprobe -show_chapters`) and the apps built on it list chapters in the order
of the frames in the file. Imported only when tagging: mutagen is not needed to start the program.
"""

from __future__ import annotations

from mutagen.id3 import ID3
from mutagen.id3._tags import save_frame


class TimeOrderedID3(ID3):
    """Every other frame as mutagen orders it, then the CHAP frames by start time."""

    def _write(self, config):
        chapters = sorted(self.getall("CHAP"), key=lambda chap: (chap.start_time, chap.element_id))
        self.delall("CHAP")
        try:
            others = super()._write(config)
        finally:
            for chap in chapters:
                self.add(chap)
        return others + b"".join(save_frame(chap, config=config) for chap in chapters)
