"""Render real articles, publish them with `briefing feed`, and check the feed with the W3C feed validator.

usage: python benchmarks/feed_validity.py VALIDATOR_DIR ARTICLES_DIR [--count N] [--python PY]

VALIDATOR_DIR is a checkout of github.com/w3c/feedvalidator (run from source; it needs lxml, html5lib and
rdflib in the interpreter given with --python). N articles are taken evenly from ARTICLES_DIR by sorted
name; every 5th of them is held out and published as a second show. Each show also gets one --combine
episode. The table gives, per show, the validator's errors and warnings (its "AA" level, as on
validator.w3.org/feed) and what the feed promises: ASCII enclosure addresses, distinct GUIDs and pubDates,
GUIDs shared with the other show, and chapter frames in time order in every MP3.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import etree
from mutagen.id3 import ID3

RUNNER = """
import sys
sys.path.insert(0, sys.argv[1] + "/src")
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.logging import Error, Warning
with open(sys.argv[2], "rb") as stream:
    events = feedvalidator.validateStream(stream, firstOccurrenceOnly=0, base=sys.argv[3])["loggedEvents"]
events = compatibility.AA(events)
print(sum(isinstance(e, Error) for e in events), sum(isinstance(e, Warning) for e in events))
for event in events:
    print(type(event).__name__, event.params.get("element", ""), file=sys.stderr)
"""


def briefing(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"briefing {' '.join(args[:1])} failed: {result.stderr.strip()}")
    return result


def publish(articles: list[Path], folder: Path, base: str) -> Path:
    briefing("make", *map(str, articles), "-o", str(folder))
    briefing("make", *map(str, articles[:3]), "--combine", "-o", str(folder))
    briefing("feed", str(folder), "--base-url", base, "--email", "desk@example.org", "--author", "Desk",
             "--category", "News/Politics", "--description", "Real articles read aloud.")
    return folder / "feed.xml"


def chapters_in_time_order(mp3: Path) -> bool:
    """CHAP frames as they sit in the file (tests/test_tags.py reads them the same way)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_tags import chapters_in_file_order

    starts = [start for _, start in chapters_in_file_order(mp3)]
    return starts == sorted(starts) and len(starts) == len(ID3(mp3).getall("CHAP"))


def feed_facts(feed: Path) -> dict:
    items = etree.parse(str(feed)).getroot().findall("channel/item")
    urls = [item.find("enclosure").get("url") for item in items]
    return {"items": len(items), "ascii": all(url.isascii() for url in urls),
            "guids": {item.findtext("guid") for item in items},
            "dates": len({item.findtext("pubDate") for item in items}),
            "in_order": all(chapters_in_time_order(feed.parent / url.rsplit("/", 1)[1]) for url in urls)}


def validate(validator: Path, python: str, feed: Path, url: str) -> tuple[int, int, str]:
    result = subprocess.run([python, "-c", RUNNER, str(validator), str(feed), url], capture_output=True, text=True)
    errors, warnings = (int(n) for n in result.stdout.split())
    return errors, warnings, result.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("validator", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--python", default=str(Path(sys.argv[1]) / ".venv/bin/python") if len(sys.argv) > 1
                        else sys.executable)
    args = parser.parse_args()
    names = sorted(args.articles.glob("*.txt"))
    chosen = names[:: max(1, len(names) // args.count)][: args.count]
    shows = {"dev": [p for i, p in enumerate(chosen) if i % 5], "held-out": chosen[::5]}
    print("| show | articles | items | W3C errors | W3C warnings | ASCII URLs | distinct GUIDs | distinct pubDates "
          "| GUIDs shared with other show | chapters in time order |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        facts = {}
        for show, articles in shows.items():
            base = f"https://podcasts.example.org/{show}/"
            feed = publish(articles, Path(scratch) / show, base)
            errors, warnings, details = validate(args.validator, args.python, feed, base + "feed.xml")
            facts[show] = feed_facts(feed) | {"errors": errors, "warnings": warnings, "details": details}
        for show, fact in facts.items():
            other = next(f for s, f in facts.items() if s != show)
            print(f"| {show} | {len(shows[show])} | {fact['items']} | {fact['errors']} | {fact['warnings']} | "
                  f"{fact['ascii']} | {len(fact['guids'])} | {fact['dates']} | {len(fact['guids'] & other['guids'])} "
                  f"| {fact['in_order']} |")
            if fact["details"]:
                print(f"  {show}: {fact['details']}", file=sys.stderr)


if __name__ == "__main__":
    main()
