"""One voice per person, different people on different voices, as a listener hears them: the "consistent" and
"distinct" columns of benchmarks/segmentation.py scored on the voices the cast gives each quote, beside the same
columns scored on the speakers' names.

usage: python benchmarks/voice_distinct.py FOLDER [FOLDER ...] [--part all|dev|held-out] [--voices CAST.toml]

Names can be right while voices are not: once the cast's pool is used up, speakers share voices. Each quote is
scored with its speaker's voice in place of the name (a partial quote the narrator reads counts as its speaker's
voice, so the narrator's reading is not held against the cast). Also prints how many articles put two people the
segmenter names apart on one voice.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from segmentation import CORPUS, article_for, find_scorer, load_scorer, select


def voiced_script(article: Path, cast) -> dict:
    from briefing.cast import assign_voices, for_language
    from briefing.read import read_article
    from briefing.scriptfile import script_to_dict
    from briefing.segment import segment

    script = segment(read_article(str(article)))
    return script_to_dict(assign_voices(script, for_language(cast, script.language)))


def as_voices(predicted: dict) -> tuple[dict, bool]:
    """The script with each quote's speaker replaced by the voice that speaker has, and whether two speakers share
    one voice."""
    voice_of = {seg["speaker"]: seg["voice"] for seg in predicted["segments"]
                if seg["kind"] == "quote" and seg.get("speaker") and not seg.get("partial")}
    segments = [dict(seg, speaker=voice_of.get(seg.get("speaker"), seg.get("speaker")) if seg.get("speaker") else None)
                for seg in predicted["segments"]]
    shared = len(set(voice_of.values())) < len(voice_of)
    return dict(predicted, segments=segments), shared


def evaluate(folder: Path, part: str, cast) -> dict[str, float]:
    score = load_scorer(find_scorer(folder, None))
    rows, shared = [], 0
    for gold_path in select(sorted(folder.glob("*.gold.json")), part):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = article_for(gold_path, gold)
        if article is None:
            continue
        predicted = voiced_script(article, cast)
        by_voice, sharing = as_voices(predicted)
        shared += sharing
        by_name, heard = score(gold, predicted), score(gold, by_voice)
        if by_name["speaker_consistent"] is not None:
            rows.append((by_name, heard))
    mean = {}
    for column in ("speaker_consistent", "speakers_distinct"):
        mean[f"names {column}"] = sum(bool(name[column]) for name, _ in rows) / len(rows) if rows else 0.0
        mean[f"voices {column}"] = sum(bool(voice[column]) for _, voice in rows) / len(rows) if rows else 0.0
    mean["articles"] = len(rows)
    mean["sharing a voice"] = shared
    return mean


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS])
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="all")
    parser.add_argument("--voices", type=Path, default=None, help="a cast file (default: voices/default.toml)")
    args = parser.parse_args(argv)
    from briefing.cast import load_cast

    cast = load_cast(args.voices)
    columns = ("articles", "names speaker_consistent", "voices speaker_consistent", "names speakers_distinct",
               "voices speakers_distinct", "sharing a voice")
    print(f"{'folder':32}" + "".join(f"{c:>26}" for c in columns))
    for folder in args.folders:
        if not any(folder.glob("*.gold.json")):
            print(f"{folder} holds no NAME.gold.json files; give a folder of labelled articles.")
            return 2
        mean = evaluate(folder, args.part, cast)
        cells = [mean[c] if isinstance(mean[c], int) else f"{mean[c]:.4f}" for c in columns]
        print(f"{folder.name + ' ' + args.part:32}" + "".join(f"{c!s:>26}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
