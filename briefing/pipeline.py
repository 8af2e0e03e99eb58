"""The whole job, stage by stage: read -> segment -> cast -> render -> export. Orchestration only."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from briefing.cache import Cache, default_cache_dir
from briefing.cast import assign_voices, for_language, load_cast, refuse_unspoken_language, with_rate
from briefing.cover import cover_art
from briefing.encode import ChunkJob, encoded, load_encoder, loudness_gain, sample_clips
from briefing.engines import EnginePool, default_jobs
from briefing.episode import Episode, combine, combined_stem, episode_sources, summary
from briefing.errors import BriefingError, InputError, SomeFailed
from briefing.export import Tags, chapters, write_chapters_json, write_mp3, write_srt, write_vtt
from briefing.export.epub import write_epub
from briefing.export.page import PageFiles, write_page
from briefing.export.readalong import ReadAlongInfo
from briefing.files import ensure_writable, output_lock, safe_stem
from briefing.model import Cast, Script, Timeline
from briefing.read import is_url
from briefing.render import (
    SAMPLE_RATE,
    Progress,
    Request,
    Spoken,
    balanced_order,
    estimated_frames,
    lay_out,
    pauses_for,
    plan_chunks,
    requests_for,
    synthesize,
)
from briefing.script import build_script, check_cast, load_source
from briefing.scriptfile import is_script_file

__all__ = ["Briefing", "Episode", "Options", "build_script", "load_source", "make", "make_combined"]


@dataclass(frozen=True)
class Briefing:
    """What `make` produced, and how its segments were spoken (see render.Spoken)."""

    mp3: Path
    vtt: Path
    seconds: float
    segments: int
    skipped: int = 0  # nothing speakable (separators, emoji): in the transcript, not spoken
    split: int = 0  # the engine failed on them whole; read in smaller pieces
    unsaid: tuple[tuple[str, str], ...] = ()  # (text, why) the engine could not say; in the transcript


class _Failures:
    """The articles of a batch that could not be made, and why: each fails on its own, the others go on."""

    def __init__(self, total: int):
        self.total = total
        self.errors: list[tuple[str, Exception]] = []

    def attempt(self, source: str, step, *args):
        """`step(*args)`, or None when it failed (the failure is noted against `source`)."""
        try:
            return step(*args)
        except Exception as error:  # one article's problem, even a bug, must not take the others down
            self.errors.append((source, error))
            return None

    def raise_if_any(self, made: list[Briefing]) -> None:
        """A single input's failure is its own error (one sentence); several inputs end in one summary."""
        if not self.errors:
            return
        if not made and len({str(error) for _, error in self.errors}) == 1:  # one input, or one cause for all
            raise _as_briefing_error(self.errors[0][1])
        raise SomeFailed(made, [(source, _as_briefing_error(error)) for source, error in self.errors], self.total)


def _as_briefing_error(error: Exception) -> BriefingError:
    if isinstance(error, BriefingError):
        return error
    return BriefingError(f"an unexpected error ({type(error).__name__}: {error}); please report it")


def output_stem(source: str) -> str:
    """Output files are named after the input file, never after the article's text; in plain ASCII, as
    feed addresses need (safe_stem: "Café Notes.txt" -> Cafe-Notes.mp3)."""
    return safe_stem(_input_stem(source))


def _input_stem(source: str) -> str:
    if source == "-":
        return "briefing"
    if is_url(source):
        return re.sub(r"[^\w.-]+", "-", Path(urlparse(source).path).stem).strip(".-") or "briefing"
    stem = Path(source).stem
    return stem.removesuffix(".script") if is_script_file(source) else stem or "briefing"


@dataclass(frozen=True)
class Options:
    """How to render: the cast, the speed, the episode labels, the parallelism and the cache."""

    cast_path: Path | None = None
    rate_wpm: int | None = None
    episode: Episode = field(default_factory=Episode)
    jobs: int | None = None  # None: one per CPU core
    use_cache: bool = True
    epub: bool = False  # also NAME.epub (EPUB 3 with Media Overlays)
    engine: str | None = None  # None: the cast file's `engine`, else pyttsx3


@dataclass(frozen=True)
class _Work:
    script: Script
    cast: Cast
    stem: str
    source: str = ""  # the input, to name it when it fails
    sources: str = ""  # of a combined episode: which articles it is made of (see combined_stem)


def make(sources: list[str], out_dir: Path, options: Options | None = None, progress: Progress | None = None,
         engine_pool: EnginePool | None = None) -> list[Briefing]:
    """Each article (or edited script) as OUT_DIR/NAME.mp3 with .vtt, .srt and .chapters.json. Pass an
    `engine_pool` made early (before the heavier imports) to overlap the engines' start-up. Each article
    succeeds or fails on its own: all that can be made are written, then SomeFailed lists the others."""
    options = options or Options()
    failures = _Failures(len(sources))
    work = []
    for source in sources:
        built = failures.attempt(source, build_script, source, options.cast_path, options.rate_wpm)
        if built is not None:
            work.append(_Work(*built, output_stem(source), source))
    made = _render_and_export(work, out_dir, options, progress, engine_pool, failures) if work else []
    failures.raise_if_any(made)
    return made


def make_combined(sources: list[str], out_dir: Path, options: Options | None = None,
                  progress: Progress | None = None, engine_pool: EnginePool | None = None) -> Briefing:
    """Several articles as one episode ("Your briefing for Tuesday, 24 November: three stories."); an
    article that cannot be read is left out of it and reported."""
    options = options or Options()
    day = options.episode.day
    failures = _Failures(len(sources))
    loaded = [(source, failures.attempt(source, load_source, source)) for source in sources]
    made = []
    if any(script is not None for _, script in loaded):
        used = [source for source, script in loaded if script is not None]
        script = combine([script for _, script in loaded if script is not None], day)
        cast = for_language(with_rate(load_cast(options.cast_path), options.rate_wpm), script.language)
        stem = combined_stem(out_dir, day, used, options.episode)
        made = _render_and_export([_Work(assign_voices(script, cast), cast, stem, f"{stem}.mp3",
                                         episode_sources(used))], out_dir, options, progress, engine_pool, failures)
    failures.raise_if_any(made)
    return made[0]


class _Progressing:
    """One article on its way through synthesis and encoding: encoding a chunk starts as soon as the
    loudness sample and the chunk's own clips are ready, while other clips are still being spoken."""

    def __init__(self, item: _Work, requests: list[Request], offset: int, output: str = ""):
        self.item, self.requests, self.offset = item, requests, offset
        self.output = output  # where its MP3 goes: the loudness gain of its last render is kept there
        self.pauses = pauses_for(item.script, item.cast.pauses)
        self.plan = plan_chunks(item.script, self.pauses, item.cast.rate_wpm)
        estimated = [(pause, estimated_frames(r.text, r.rate_wpm))
                     for pause, r in zip(self.pauses, requests, strict=True)]
        self.sample = sample_clips(estimated, SAMPLE_RATE)
        self.clips: list[Path | None] = [None] * len(requests)
        self.spoken: list[Spoken] = []
        self.chunk_of = {index: number for number, members in enumerate(self.plan) for index in members}
        self.waiting = [len(members) for members in self.plan]  # clips each chunk still needs
        self.sample_waiting = len(self.sample)
        self.gain: float | None = None
        self.encoding: dict[int, Future] = {}

    def clip_ready(self, spoken: Spoken, encoders: ThreadPoolExecutor, cache: Cache) -> None:
        index = spoken.index
        self.spoken.append(spoken)
        self.clips[index] = spoken.path
        self.waiting[self.chunk_of[index]] -= 1
        self.sample_waiting -= index in self.sample
        if self.gain is None and self.sample_waiting == 0:
            sample = [(self.pauses[i], self.clips[i]) for i in self.sample]
            self.gain = loudness_gain(sample, SAMPLE_RATE, cache, self.output)
        if self.gain is not None:
            for number, members in enumerate(self.plan):
                if self.waiting[number] == 0 and number not in self.encoding:
                    job = ChunkJob(tuple((self.pauses[i], self.clips[i]) for i in members), self.gain, SAMPLE_RATE)
                    self.encoding[number] = encoders.submit(encoded, job, cache)


def _render_and_export(work: list[_Work], out_dir: Path, options: Options, progress: Progress | None,
                       engine_pool: EnginePool | None, failures: _Failures) -> list[Briefing]:
    """All articles at once: every segment synthesised by the pool's engines and every chunk encoded by
    `jobs` threads, the two overlapping (with one progress display), then each briefing's files written.
    An article that fails is noted in `failures` and the others go on."""
    _refuse_shared_names(work)
    ensure_writable(out_dir)
    cover_art(options.episode.cover)  # a cover that cannot be used fails now, not after all the speaking
    jobs = options.jobs or default_jobs()
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="briefing-", ignore_cleanup_errors=True)))
        cache = Cache(default_cache_dir() if options.use_cache else None, scratch)
        if engine_pool is None:
            engine = options.engine or load_cast(options.cast_path).engine or "pyttsx3"
            engine_pool = stack.enter_context(EnginePool(jobs, engine))
        engines = engine_pool.ready()
        check_cast(options.cast_path, engines[0])
        articles = _start(work, engines[0], failures, out_dir)
        requests = [request for article in articles for request in article.requests]
        owner = [article for article in articles for _ in article.requests]
        sample_first = [a.offset + i for a in articles for i in a.sample]
        order = sample_first + sorted(set(range(len(requests))) - set(sample_first))
        if engines[0].seconds_per_segment:  # Piper: no engine left speaking alone at the end
            order = balanced_order(order, requests)
        synthesis_threads = stack.enter_context(ThreadPoolExecutor(len(engines), thread_name_prefix="synth"))
        encoders = stack.enter_context(ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="encode"))
        stack.push(_stop_on_error(engines, synthesis_threads, encoders))
        clips = synthesize(requests, engines, cache, order, synthesis_threads)
        load_encoder()  # while the engines speak the loudness sample
        for done, spoken in enumerate(clips, start=1):
            article = owner[spoken.index]
            article.clip_ready(dataclasses.replace(spoken, index=spoken.index - article.offset), encoders, cache)
            if progress:
                progress("synthesising", done, len(requests))
        engine_pool.rest()
        pending = [future for article in articles for future in article.encoding.values()]
        for done, _ in enumerate(as_completed(pending), start=1):
            if progress:
                progress("encoding", done, len(pending))
        made = [failures.attempt(a.item.source, _finish, a, out_dir, options) for a in articles]
        return [briefing for briefing in made if briefing is not None]


def _refuse_shared_names(work: list[_Work]) -> None:
    """Two inputs that would be written under one name: the command asks for the impossible; nothing is made."""
    stems = [item.stem for item in work]
    clash = next((stem for stem in stems if stems.count(stem) > 1), None)
    if clash:
        raise InputError(f"Two inputs would both be written as {clash}.mp3; rename one, or render them apart.")


def _start(work: list[_Work], engine, failures: _Failures, out_dir: Path) -> list[_Progressing]:
    """Each article's requests, once its language is known to be speakable; the others fail."""
    articles: list[_Progressing] = []
    offset = 0
    for item in work:
        requests = failures.attempt(item.source, _requests, item, engine)
        if requests is not None:
            articles.append(_Progressing(item, requests, offset, str(out_dir.resolve() / f"{item.stem}.mp3")))
            offset += len(requests)
    return articles


def _requests(item: _Work, engine) -> list[Request]:
    refuse_unspoken_language(item.script.language, engine, item.source)
    return requests_for(item.script, item.cast, engine)


def _finish(article: _Progressing, out_dir: Path, options: Options) -> Briefing:
    timeline = lay_out(article.item.script, article.clips, article.pauses, article.plan)
    chunk_files = [article.encoding[number].result() for number in range(len(article.plan))]
    briefing = _write_outputs(article.item, timeline, chunk_files, out_dir, options.episode, options.epub)
    how = [spoken.how for spoken in article.spoken]
    unsaid = tuple((text, spoken.problem) for spoken in article.spoken for text in spoken.unsaid)
    return dataclasses.replace(briefing, skipped=how.count("skipped"), split=how.count("split"), unsaid=unsaid)


def _stop_on_error(engines: list, *pools: ThreadPoolExecutor):
    """On Ctrl-C or an error: kill the engines (threads waiting on them return at once), drop the work not
    started, and let the threads finish, before the scratch folder they write into is removed."""

    def stop(exc_type, _exc, _traceback) -> bool:
        if exc_type is not None:
            for engine in engines:
                engine.close(graceful=False)
            for pool in pools:
                pool.shutdown(wait=True, cancel_futures=True)
        return False

    return stop


def _write_outputs(item: _Work, timeline: Timeline, chunk_files: list[Path], out_dir: Path,
                   episode: Episode, epub: bool = False) -> Briefing:
    script = item.script
    tags = Tags(title=script.title, artist=script.author or "briefing", album=episode.show,
                date=script.published[:10] or episode.day.isoformat(), comment=summary(script),
                language=script.language, publisher=script.site_name, **cover_art(episode.cover),
                source_url=script.source if is_url(script.source) else "", sources=item.sources)
    mp3, vtt = out_dir / f"{item.stem}.mp3", out_dir / f"{item.stem}.vtt"
    chapter_list = chapters(timeline, script.title)
    with output_lock(out_dir, item.stem):
        write_mp3(chunk_files, mp3, tags, chapter_list)
        write_vtt(timeline, vtt)
        write_srt(timeline, out_dir / f"{item.stem}.srt")
        write_chapters_json(chapter_list, out_dir / f"{item.stem}.chapters.json", script.title)
        # Read along: the book first, so that the page links it.
        read_along = ReadAlongInfo.of(script, timeline, tags.date)
        if epub:
            write_epub(timeline, mp3, out_dir / f"{item.stem}.epub", read_along)
        write_page(timeline, out_dir / f"{item.stem}.html", read_along, PageFiles.for_stem(item.stem, epub))
    return Briefing(mp3, vtt, timeline.total_frames / timeline.sample_rate, len(script.segments))


