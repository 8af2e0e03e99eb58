"""Numbers as words, through num2words, in the article's language. A number num2words cannot say is
left in digits (the engine reads digits itself), so this never raises."""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation


class Numbers:
    """Cardinals, ordinals, years, money and digit strings in one language (num2words' code)."""

    def __init__(self, code: str, decimal_mark: str, group_marks: tuple[str, ...]):
        self.code, self.decimal_mark, self.group_marks = code, decimal_mark, group_marks
        from num2words import CONVERTER_CLASSES  # 50 ms: only for a language with number rules

        self.converter = CONVERTER_CLASSES[code]

    def value(self, written: str) -> Decimal | None:
        """The number a written form such as "1,234.5" (English) or "1.234,5" (German) stands for."""
        plain = written
        for mark in self.group_marks:
            if mark != self.decimal_mark:
                plain = plain.replace(mark, "")
        plain = plain.replace(self.decimal_mark, ".")
        try:
            return Decimal(plain)
        except InvalidOperation:
            return None

    def say(self, written: str, to: str = "cardinal") -> str:
        value = self.value(written)
        if value is None:
            return written
        if to != "cardinal" and value != value.to_integral_value():
            to = "cardinal"
        return _words(value if to == "cardinal" else int(value), self.code, to) or written

    def digits(self, written: str) -> str:
        """A long code or id, digit by digit, as a person reads it out."""
        return " ".join(_words(int(d), self.code, "cardinal") or d for d in written if d.isdigit())

    def money(self, written: str, currency: str, scale: str = "") -> str:
        """ "$5" -> "five dollars", "$1.5 million" -> "one point five million dollars"."""
        value = self.value(written)
        forms = getattr(self.converter, "CURRENCY_FORMS", {}).get(currency)
        if value is None or not forms:
            return f"{self.say(written)} {scale} {currency}".replace("  ", " ")
        if scale:
            return f"{self.say(written)} {scale} {self.converter.pluralize(1000, forms[0])}"
        if value != value.to_integral_value():
            return _words(value, self.code, "currency", currency=currency) or written
        count = int(value)
        return f"{self.say(written)} {self.converter.pluralize(count, forms[0])}"


@functools.lru_cache(maxsize=4096)
def _words(value, code: str, to: str, **options) -> str:
    from num2words import num2words

    try:
        return num2words(value, lang=code, to=to, **options)
    except (NotImplementedError, ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return ""


def supported(code: str | None) -> bool:
    if not code:
        return False
    from num2words import CONVERTER_CLASSES

    return code in CONVERTER_CLASSES
