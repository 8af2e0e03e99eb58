"""The timeline's arithmetic, case by case: pauses between segments, chunk plans, where each clip and chunk
lands, and where each chapter is heard. Small pure functions, many tiny tables (yt-dlp's chapter tests are
the model)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from briefing.export import chapters
from briefing.model import Clip, Pauses, Script, Segment, Timeline
from briefing.render import SAMPLE_RATE, lay_out, pause_before, plan_chunks

PAUSES = Pauses(after_title_ms=1000, before_headline_ms=900, after_headline_ms=500, between_paragraphs_ms=450,
                within_paragraph_ms=250, same_voice_ms=60, between_stories_ms=2000)
VOICE_OF = {"title": "headline", "headline": "headline", "narration": "narrator", "quote": "Jane Doe"}


def seg(kind: str, paragraph: int, text: str = "words", voice: str | None = None) -> Segment:
    """A cast segment: `kind` in `paragraph`, read by `voice` (by default the voice its kind gets)."""
    return Segment(kind, text, 0, len(text), paragraph, voice=voice or VOICE_OF[kind])


# -- pause_before ---------------------------------------------------------------------------------------------

T, H, N, Q = "title", "headline", "narration", "quote"
NARRATED_QUOTE = seg(Q, 1, voice="narrator")  # a partial quote the narrator reads on


@pytest.mark.parametrize(("previous", "current", "ms"), [
    (None, seg(T, 0), 0),  # the very start: no silence before the first word
    (seg(T, 0), seg(N, 1), 1000),  # after the title
    (seg(T, 0), seg(Q, 1), 1000),
    (seg(T, 0), seg(H, 1), 1000),  # after the title, before a headline: the longer of the two
    (seg(N, 1), seg(H, 2), 900),  # before a headline
    (seg(Q, 1), seg(H, 2), 900),
    (seg(H, 1), seg(H, 2), 900),  # two headlines in a row: the longer of after (500) and before (900)
    (seg(H, 2), seg(N, 3), 500),  # after a headline
    (seg(H, 2), seg(Q, 3), 500),
    (seg(N, 1), seg(N, 2), 450),  # a new paragraph
    (seg(Q, 1), seg(N, 2), 450),
    (seg(N, 1), seg(Q, 2), 450),
    (seg(Q, 1), seg(Q, 2), 450),
    (seg(N, 1), seg(Q, 1), 250),  # a voice change inside a paragraph
    (seg(Q, 1), seg(N, 1), 250),
    (seg(Q, 1), seg(Q, 1, voice="Nadia Quist"), 250),
    (seg(N, 1), NARRATED_QUOTE, 60),  # the narrator reads on: no audible seam
    (NARRATED_QUOTE, seg(N, 1), 60),
    (seg(N, 1), seg(N, 1), 60),
    (NARRATED_QUOTE, seg(N, 2), 450),  # the same voice, but a new paragraph
    (seg(N, 3), seg(T, 0), 2000),  # the next story of a combined briefing
    (seg(H, 3), seg(T, 0), 2000),
    (seg(T, 0), seg(T, 0), 2000),  # an intro title, then the first story's title
])
def test_pause_before(previous, current, ms):
    assert pause_before(previous, current, PAUSES) == ms


def test_pause_before_takes_every_length_from_the_cast_and_the_longest_that_applies():
    pauses = Pauses(after_title_ms=11, before_headline_ms=22, after_headline_ms=33, between_paragraphs_ms=4,
                    within_paragraph_ms=1, same_voice_ms=6, between_stories_ms=77)
    pairs = [(seg(T, 0), seg(N, 1)), (seg(N, 1), seg(H, 2)), (seg(H, 2), seg(N, 3)), (seg(N, 3), seg(N, 4)),
             (seg(N, 4), seg(Q, 4)), (seg(N, 1), NARRATED_QUOTE), (seg(N, 4), seg(T, 0))]
    assert [pause_before(a, b, pauses) for a, b in pairs] == [11, 22, 33, 4, 1, 6, 77]
    quiet_paragraphs = Pauses(between_paragraphs_ms=0, within_paragraph_ms=300)
    assert pause_before(seg(N, 1), seg(N, 2), quiet_paragraphs) == 300  # never shorter than within a paragraph


# -- plan_chunks ------------------------------------------------------------------------------------------------
# At 60 words a minute each word is one second, so a segment of n words is estimated at n seconds.

SECOND = SAMPLE_RATE
LONG_PAUSE = SAMPLE_RATE * 400 // 1000  # the shortest pause a chunk may end at


def script_of(word_counts: list[int], texts: list[str] | None = None) -> Script:
    texts = texts or [" ".join([f"w{i}"] * count) for i, count in enumerate(word_counts)]
    segments = tuple(Segment("narration", text, 0, len(text), i) for i, text in enumerate(texts))
    return Script("t", "en", segments)


def plan(word_counts: list[int], pauses: list[int], texts: list[str] | None = None) -> list[tuple[int, int]]:
    chunks = plan_chunks(script_of(word_counts, texts), pauses, 60)
    return [(chunk.start, chunk.stop) for chunk in chunks]


@pytest.mark.parametrize(("word_counts", "pauses", "expected"), [
    ([3], [0], [(0, 1)]),  # one segment, one chunk
    ([40], [0], [(0, 1)]),  # a segment longer than a chunk is never split
    ([2] * 10, [0] * 10, [(0, 10)]),  # 20 s without a long pause: one chunk
    ([5] * 10, [0] * 10, [(0, 6), (6, 10)]),  # at 30 s a chunk ends, long pause or not
    ([10] * 7, [0] * 7, [(0, 3), (3, 6), (6, 7)]),
    ([31, 1, 1], [0, 0, 0], [(0, 1), (1, 3)]),  # one long segment fills its chunk alone
    ([1, 1, 1, 1], [0, LONG_PAUSE, LONG_PAUSE, LONG_PAUSE], [(0, 4)]),  # long pauses, but under 5 s in
    ([6, 4], [0, LONG_PAUSE - 1], [(0, 2)]),  # just under 400 ms is not a place to end a chunk
    ([26, 1, 1, 1, 1], [0] + [LONG_PAUSE - 1] * 4, [(0, 4), (4, 5)]),  # the pauses count towards the 30 s
])
def test_plan_chunks(word_counts, pauses, expected):
    assert plan(word_counts, pauses) == expected


def test_a_chunk_ends_after_five_seconds_at_a_long_pause_chosen_by_the_next_segments_text():
    """Whether a long pause ends a chunk depends on the text after it, not on what came before, so an
    edit moves no boundary but its own; about a third of texts are chosen."""
    texts = [f"Story number {i} begins here." for i in range(60)]
    ends = {text: plan([6, 5], [0, LONG_PAUSE], ["one two three four five six", text]) == [(0, 1), (1, 2)]
            for text in texts}
    assert 8 < sum(ends.values()) < 32
    for text, ended in ends.items():
        assert (plan([20, 5], [0, LONG_PAUSE], [" ".join(["x"] * 20), text]) == [(0, 1), (1, 2)]) == ended
        assert plan([4, 5], [0, LONG_PAUSE], ["one two three four", text]) == [(0, 2)]  # under 5 s: never


def test_an_edit_moves_no_chunk_boundary_but_its_own():
    texts = [f"Paragraph {i} has a few words in it." for i in range(40)]
    pauses = [0] + [LONG_PAUSE] * 39
    before = plan([7] * 40, pauses, texts)
    assert len(before) >= 4
    edited = [*texts[:20], "Paragraph 20 now says something else.", *texts[21:]]
    after = plan([7] * 40, pauses, edited)
    moved = {start for start, _ in before} ^ {start for start, _ in after}
    assert moved <= set(range(20, 26))  # the edited segment, or the chunk it settles into


@pytest.mark.parametrize("word_counts", [[1] * 100, [3, 17, 2, 9, 30, 1, 1, 8] * 5, [12] * 30])
def test_chunks_cover_every_segment_once_in_order(word_counts):
    chunks = plan(word_counts, [LONG_PAUSE] * len(word_counts))
    assert chunks[0][0] == 0 and chunks[-1][1] == len(word_counts)
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(chunks))
    for start, stop in chunks[:-1]:
        assert sum(word_counts[start:stop]) + 0.4 * (stop - start) >= 5  # no chunk ends before 5 s


# -- lay_out ------------------------------------------------------------------------------------------------------
# MP3 frames hold 576 samples; each chunk is padded to whole frames and each stream adds two frames (1152).

def laid_out(tmp_path: Path, frames: list[int], pauses: list[int], chunks: list[tuple[int, int]]) -> Timeline:
    paths = []
    for i, count in enumerate(frames):
        paths.append(tmp_path / f"{i}.pcm")
        paths[-1].write_bytes(bytes(2 * count))
    return lay_out(script_of([1] * len(frames)), paths, pauses, [range(a, b) for a, b in chunks])


@pytest.mark.parametrize(("frames", "pauses", "chunks", "clip_starts", "chunk_spans", "total"), [
    ([576], [0], [(0, 1)], [0], [(0, 576)], 576),  # exactly one frame: no padding
    ([1], [0], [(0, 1)], [0], [(0, 576)], 576),  # one sample is padded to a frame
    ([577], [0], [(0, 1)], [0], [(0, 1152)], 1152),
    ([0], [0], [(0, 1)], [0], [(0, 0)], 0),  # an empty clip takes no room
    ([1000, 500], [0, 100], [(0, 2)], [0, 1100], [(0, 1728)], 1728),  # 1600 samples -> three frames
    ([1000], [300], [(0, 1)], [300], [(0, 1728)], 1728),  # a pause before the first clip is part of it
    ([1000, 500], [0, 100], [(0, 1), (1, 2)], [0, 2404], [(0, 1152), (2304, 1152)], 3456),  # a seam: +1152
    ([576, 576, 576], [0, 0, 0], [(0, 1), (1, 2), (2, 3)], [0, 1728, 3456],
     [(0, 576), (1728, 576), (3456, 576)], 4032),
    ([576, 576, 576], [0, 0, 0], [(0, 3)], [0, 576, 1152], [(0, 1728)], 1728),
    ([22050, 11025], [0, 9922], [(0, 1), (1, 2)], [0, 23616 + 9922], [(0, 22464), (23616, 21312)], 44928),
])
def test_lay_out(tmp_path, frames, pauses, chunks, clip_starts, chunk_spans, total):
    timeline = laid_out(tmp_path, frames, pauses, chunks)
    assert [clip.start for clip in timeline.clips] == clip_starts
    assert [clip.frames for clip in timeline.clips] == frames
    assert [clip.pause_before for clip in timeline.clips] == pauses
    assert [(chunk.start, chunk.frames) for chunk in timeline.chunks] == chunk_spans
    assert [(chunk.first, chunk.stop) for chunk in timeline.chunks] == chunks
    assert timeline.total_frames == total
    assert timeline.sample_rate == SAMPLE_RATE


def test_lay_out_keeps_each_clip_with_its_segment(tmp_path):
    timeline = laid_out(tmp_path, [10, 20, 30], [0, 5, 5], [(0, 2), (2, 3)])
    assert [clip.segment.text for clip in timeline.clips] == ["w0", "w1", "w2"]
    assert [clip.pcm_path.name for clip in timeline.clips] == ["0.pcm", "1.pcm", "2.pcm"]
    assert [clip.end for clip in timeline.clips] == [10, 35, 1152 + 576 + 35]


# -- chapters -------------------------------------------------------------------------------------------------------
# A decoder plays 1105 samples of encoder and decoder delay first, so a clip at frame f is heard at
# (f + 1105) / 22050 s; `heard_at` places a clip where it is heard at a whole number of seconds.

DELAY = 1105


def heard_at(seconds: float) -> int:
    return round(seconds * SAMPLE_RATE) - DELAY


def timeline_of(*clips: tuple[str, str, float], total_s: float = 60) -> Timeline:
    """Clips as (kind, text, second at which it is heard), on a timeline heard for `total_s` seconds."""
    placed = [Clip(Segment(kind, text, 0, len(text), i), Path(f"{i}.pcm"), max(0, heard_at(s)), 10, 0)
              for i, (kind, text, s) in enumerate(clips)]
    return Timeline(tuple(placed), SAMPLE_RATE, heard_at(total_s))


def chapter_list(timeline: Timeline, opening: str = "Opening") -> list[tuple[str, int, int]]:
    return [(c.title, c.start_ms, c.end_ms) for c in chapters(timeline, opening)]


@pytest.mark.parametrize(("clips", "total_s", "expected"), [
    ([(T, "Title", 0)], 10, [("Opening", 0, 10_000)]),  # no headlines: one chapter, all of it
    ([(T, "Title", 0), (N, "Text.", 1.5), (Q, "Words,", 4)], 10, [("Opening", 0, 10_000)]),
    ([(T, "Title", 0), (N, "Text.", 2), (H, "First", 5), (N, "More.", 6.5)], 10,
     [("Opening", 0, 5000), ("First", 5000, 10_000)]),
    ([(T, "Title", 0), (H, "First", 3), (N, "x", 4), (H, "Second", 7.25), (N, "y", 8)], 9,
     [("Opening", 0, 3000), ("First", 3000, 7250), ("Second", 7250, 9000)]),
    ([(T, "Title", 0), (H, "A", 2), (H, "B", 3)], 4, [("Opening", 0, 2000), ("A", 2000, 3000), ("B", 3000, 4000)]),
    ([(H, "Lead headline", 0), (N, "x", 1), (H, "Next", 2)], 3, [("Opening", 0, 2000), ("Next", 2000, 3000)]),
    ([(T, "Today", 0), (T, "Story one", 2), (H, "Part", 5), (T, "Story two", 9)], 12,
     [("Opening", 0, 2000), ("Story one", 2000, 5000), ("Part", 5000, 9000), ("Story two", 9000, 12_000)]),
    ([(T, "T", 0), (H, "Split\nover  two\tlines ", 1)], 2,
     [("Opening", 0, 1000), ("Split over two lines", 1000, 2000)]),
    ([(T, "T", 0), (H, "Late", 3599.999)], 3600, [("Opening", 0, 3_599_999), ("Late", 3_599_999, 3_600_000)]),
    ([(T, "T", 0), (H, "Hour", 3600), (H, "Two", 7200.5)], 9000,
     [("Opening", 0, 3_600_000), ("Hour", 3_600_000, 7_200_500), ("Two", 7_200_500, 9_000_000)]),
])
def test_chapters(clips, total_s, expected):
    assert chapter_list(timeline_of(*clips, total_s=total_s)) == expected


def test_chapter_times_are_the_audible_times_to_the_millisecond():
    """A frame more or less moves a chapter only when it crosses a millisecond (22.05 frames)."""
    base = heard_at(5)
    for offset, ms in [(0, 5000), (11, 5000), (12, 5001), (22, 5001), (-11, 5000), (-12, 4999), (441, 5020)]:
        clip = Clip(Segment("headline", "H", 0, 1, 1), Path("h.pcm"), base + offset, 10, 0)
        first = Clip(Segment("title", "T", 0, 1, 0), Path("t.pcm"), 0, 10, 0)
        timeline = Timeline((first, clip), SAMPLE_RATE, heard_at(10))
        assert chapter_list(timeline)[1][1] == ms, offset


def test_the_opening_chapter_is_named_by_the_caller_and_starts_at_zero():
    timeline = timeline_of((T, "Title read aloud", 0.5), (H, "H", 2), total_s=3)
    assert chapter_list(timeline, "Council Votes")[0] == ("Council Votes", 0, 2000)
