"""The spoken form: what the speech engine hears, beside the written form the transcript keeps."""

from briefing.speak.rules import LanguageRules, base_language, rules_for

__all__ = ["LanguageRules", "base_language", "is_speakable", "prepare", "rules_for", "spoken_form"]
_NORMALISE = {"is_speakable", "prepare", "spoken_form"}


def __getattr__(name: str):
    """The normaliser (with its patterns, html and num2words' wrapper) is imported on first use: casting needs only
    the rules, and `briefing script` speaks nothing."""
    if name in _NORMALISE:
        from briefing.speak import normalise

        return getattr(normalise, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
