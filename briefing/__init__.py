"""briefing: turn a written article into a podcast-ready, multi-voice audio briefing, offline."""

__version__ = "0.1.0"
