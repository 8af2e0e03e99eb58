"""Write the timeline out: the MP3 with its tags and chapters (tags.py), and the transcripts (transcripts.py)."""

from briefing.export.tags import Chapter, Tags, chapters, write_mp3
from briefing.export.transcripts import speaker_label, write_chapters_json, write_srt, write_vtt

__all__ = ["Chapter", "Tags", "chapters", "speaker_label", "write_chapters_json", "write_mp3", "write_srt",
           "write_vtt"]
