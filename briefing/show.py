"""The show: what a podcast feed says about itself (title, owner, category, cover...), from show.toml and flags.

Loaded and checked in one place, so a wrong value is one sentence naming the file and the field, before any
feed is written. Flags given on the command line win over the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import uuid
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from briefing.errors import InputError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


@dataclass(frozen=True)
class Show:
    """The channel of a feed. Empty strings mean "not given": the feed fills in a default or refuses."""

    title: str = "briefing"
    description: str = ""  # default: "<title>: articles read aloud by briefing."
    author: str = "briefing"  # itunes:author and the owner's name
    email: str = ""  # itunes:owner: Apple, Spotify and Google send the ownership check here
    category: str = "News"  # Apple's category, or "Category/Subcategory"
    explicit: bool = False
    language: str = ""  # default: the language most episodes are in
    cover: Path | None = None  # default: the bundled cover
    link: str = ""  # the show's website; default: the folder's own index.html
    copyright: str = ""  # default: "© <year> <author>"
    guid: str = ""  # podcast:guid; default: UUIDv5 of the feed's address, as the namespace specifies
    locked: bool = True  # podcast:locked: other hosts may not import the feed without the owner's consent

    def with_overrides(self, **values) -> Show:
        """This show with the given (non-None) values replacing its own, checked again."""
        return checked(dataclasses.replace(self, **{k: v for k, v in values.items() if v is not None}),
                       "the command line")


def load_show(path: Path | None) -> Show:
    """The show described in a TOML file (every field optional), or the default show."""
    if path is None:
        return Show()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"Cannot read the show file {path} ({error.strerror}); check the path.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"The show file {path} is not valid TOML ({error}); fix it.") from None
    return show_from_dict(data, str(path))


def show_from_dict(data: dict, where: str) -> Show:
    fields = {field.name: field for field in dataclasses.fields(Show)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}; the fields are {', '.join(fields)}.")
    values = {}
    for name, value in data.items():
        expected = bool if name in ("explicit", "locked") else str
        if not isinstance(value, expected):
            raise InputError(f"{where}: {name} must be {'true or false' if expected is bool else 'a string'}, "
                             f"not {value!r}.")
        values[name] = Path(where).parent / value if name == "cover" else value
    return checked(Show(**values), where)


def checked(show: Show, where: str) -> Show:
    """The show with its category spelled as Apple lists it; an InputError naming `where` if a value is wrong."""
    if not show.title.strip():
        raise InputError(f"{where}: the show needs a title.")
    if show.email and not EMAIL.fullmatch(show.email):
        raise InputError(f"{where}: {show.email!r} is not an email address; give the owner's address.")
    if show.language and not LANGUAGE.fullmatch(show.language):
        raise InputError(f"{where}: {show.language!r} is not a language code; use one like en, fr or en-GB.")
    if show.guid and not _is_uuid(show.guid):
        raise InputError(f"{where}: guid must be a UUID (as podcast:guid is), not {show.guid!r}.")
    if show.link and not show.link.startswith(("http://", "https://")):
        raise InputError(f"{where}: link must be an http(s) address, not {show.link!r}.")
    return dataclasses.replace(show, category="/".join(apple_category(show.category, where)))


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def apple_categories() -> dict[str, list[str]]:
    """Apple's podcast categories and their subcategories (a data file beside this module)."""
    text = (resources.files("briefing") / "podcast_categories.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def apple_category(name: str, where: str = "the show") -> tuple[str, ...]:
    """("Category",) or ("Category", "Subcategory") as Apple spells them, from "News", "daily news" or
    "News/Daily News"; an InputError that suggests the nearest names otherwise."""
    categories = apple_categories()
    spelled = {key.lower(): (key,) for key in categories}
    spelled |= {sub.lower(): (key, sub) for key, subs in categories.items() for sub in subs}
    spelled |= {f"{key}/{sub}".lower(): (key, sub) for key, subs in categories.items() for sub in subs}
    wanted = " ".join(name.replace(" / ", "/").split()).lower()
    if wanted in spelled:
        return spelled[wanted]
    near = difflib.get_close_matches(wanted, list(spelled), n=3, cutoff=0.6)
    hint = f" (did you mean {' or '.join(repr('/'.join(spelled[n])) for n in near)}?)" if near else ""
    raise InputError(f"{where}: {name!r} is not one of Apple's podcast categories{hint}; "
                     f"choose from: {', '.join(categories)}.")
