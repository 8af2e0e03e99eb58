"""The spoken form: what the speech engine hears, beside the written form the transcript keeps."""

from briefing.speak.normalise import is_speakable, prepare, spoken_form
from briefing.speak.rules import LanguageRules, base_language, rules_for

__all__ = ["LanguageRules", "base_language", "is_speakable", "prepare", "rules_for", "spoken_form"]
