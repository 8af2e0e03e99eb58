"""Who said it, rule by rule, on sentences written for these tests; and the segmenter on scripts other than Latin."""

from __future__ import annotations

import re

import pytest
from helpers import rule_speakers_of, run_briefing

from briefing.lang import available, vocabulary
from briefing.read import parse_article
from briefing.segment import segment
from briefing.segment.article_words import ArticleWords
from briefing.segment.attribution import SPEECH
from briefing.segment.names import split_name
from briefing.segment.patterns import languages_of, reading


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in segment(parse_article(text)).segments if s.kind == "quote"]


def speakers_of(text: str) -> list[str | None]:
    return [speaker for _, speaker in quotes_of(text)]


RULES = {
    "initials are part of the name": ('Title\n\n"We will see," said Martin K. Osei.\n', ["Martin K. Osei"]),
    "initials before the surname, name first": ('Title\n\n"Not yet," Rosa T. Imbert said.\n', ["Rosa T. Imbert"]),
    "organisation + role + name -> the name": ('Title\n\n"We disagree," City Hall spokeswoman Mia Torres said.\n',
                                              ["Mia Torres"]),
    "role, then the name between commas": ("Title\n\n“We grew fast,” the firm’s media coordinator, Dan Lisk, said.\n",
                                           ["Dan Lisk"]),
    "name, then the role between commas": ('Title\n\n"It is late," Ivo Brandt, a retired judge, said.\n',
                                           ["Ivo Brandt"]),
    "said X, role": ('Title\n\n"It is late," said Ivo Brandt, a lawyer for Harbour Bank.\n', ["Ivo Brandt"]),
    "X told Y: the teller speaks": ('Title\n\n"Prices will rise," Omar Haddad told Nina Park.\n', ["Omar Haddad"]),
    "X told Y before the quote": ('Title\n\nOmar Haddad told Nina Park: "Prices will rise."\n', ["Omar Haddad"]),
    "a role alone is its own speaker": ('Title\n\n"Schools stay shut," the district superintendent said.\n',
                                        ["district superintendent"]),
    "a lead-in with a prepositional phrase first": (
        'Title\n\nIn a letter to the Gazette, her deputy, Lotte Kramer, wrote: "We will appeal."\n', ["Lotte Kramer"]),
    "a description before the name": ('Title\n\nVeteran harbour pilot Jonas Eklund once said: "Fog is worse."\n',
                                      ["Jonas Eklund"]),
    "pronoun -> nearest earlier person of that gender": (
        'Title\n\nMr. Ben Ode met Mrs. Ada Fox on Friday.\n\n"It went well," she said.\n', ["Ada Fox"]),
    "a narration pronoun carries its person forward": (
        'Title\n\nLea Dorn ran the campaign. She was a loyal aide to Tom Vale.\n\n'
        '"I was at every event," she said.\n', ["Lea Dorn"]),
    "two people with one surname stay two": ('Title\n\n"Go," said Bill Moss.\n\n"Stop," said Hanna Moss.\n',
                                             ["Bill Moss", "Hanna Moss"]),
    "surname and full name are one person": (
        'Title\n\n"One," said Carla Mendes.\n\nThe talks went on.\n\n"Two," Mendes said.\n', ["Carla Mendes"] * 2),
    "doubled apostrophes are quote marks": ("Title\n\n''We are ready,'' Anna Berg said.\n", ["Anna Berg"]),
    "a doubled-apostrophe quote line is no headline": (
        "Title\n\nAsked about it, Ms. Ines Moll smiled and said, ''Wait and see.''\n", ["Ines Moll"]),
    "said + lower-case role + name": ('Title\n\n"It is over," said former mayor Paul Wren (D), a lawyer.\n',
                                      ["Paul Wren"]),
    "a title word used as a surname": ('Title\n\nLena King runs the port.\n\n"Ships are late," Ms. King said.\n',
                                       ["Lena King"]),
    "an organisation alone speaks for itself": ('Title\n\n"We removed the posts," Northwind Agency said.\n',
                                                ["Northwind Agency"]),
    "the speaker before the description after the verb": (
        'Title\n\n"He is tired," said former governor Ivo Lund (D), a Mia Holm supporter.\n', ["Ivo Lund"]),
    "a word with digits is no name": ('Title\n\n"No comment," a TV5 representative said.\n', ["TV5 representative"]),
    "one of a group": ('Title\n\n"It was fun," one visitor wrote.\n', ["visitor"]),
    "a newspaper title is not a person": (
        'Title\n\nIn an interview with The Harbour Post, Ivo Lind was upbeat. "We will win," he said.\n', ["Ivo Lind"]),
    "initials in a partial quote's introduction": (
        'Title\n\nSenator Adam R. Kell called it "a bad deal" on Monday.\n\n"It fails," Kell said.\n',
        ["Adam R. Kell", "Adam R. Kell"]),
    "a lead-in ending on an -ing speech verb without a comma": (
        'Title\n\nBand member Rex Pole shared the news with Lia Moreau, writing “It feels great.”\n', ["Rex Pole"]),
    "a title with 'of' before the name": (
        'Title\n\nFormer Secretary of State Ann Brightwell urged voters to back Mara Lintz, saying,'
        ' “Help each other.”\n',
        ["Ann Brightwell"]),
    "one 'at X' does not make a person a place": (
        'Title\n\nLiv Omar is swinging hard at Ivo Brandt tonight.\n\nIvo Brandt says he wants a vote.\n\n'
        'Ivo Brandt responds that he needs no rules.\n\nHe says, “It is too big.”\n', ["Ivo Brandt"]),
    "a person's gender comes from the pronouns after their name": (
        'Title\n\nNoa Ferrant says she will run. Ferrant adds that she has the votes.\n\n'
        'Kim Asher says he backs her. Asher adds he is sure.\n\n'
        'Kim Asher praised Ferrant on Monday.\n\n“I am ready,” she said.\n',
        ["Noa Ferrant"]),
    "a place before an abbreviated title is no person": (
        'Title\n\nDana Pike, a teacher, spoke first.\n\nFormer Kelvar Gov. Tim Rolle says he agrees. Rolle says he '
        'will vote.\n\n“I do take it seriously,” she said.\n', ["Dana Pike"]),
    "'reported' and 'shot back' report speech": (
        'Title\n\nAs Ivo Marsh reported after the vote in Kelby: “Nobody counted.”\n\n'
        '“It is wrong,” Tara Quill shot back.\n', ["Ivo Marsh", "Tara Quill"]),
    "a party-state label is not part of the name": (
        'Title\n\n“We will vote no,” said Ivo Marsh D-Kelby.\n\n“Again,” Marsh said.\n', ["Ivo Marsh"] * 2),
    "a conjunction opening the sentence is no first name": (
        'Title\n\n“We lost,” said Tara Quill.\n\nYet Quill said: “We will be back.”\n', ["Tara Quill"] * 2),
    "a role nearest the verb is the subject": (
        'Title\n\nAt the rally in Kelby, Port Vale on Monday, the Quill supporter retorted: “Not so.”\n\n'
        '“Yes,” said Tara Quill.\n', ["Quill supporter", "Tara Quill"]),  # a supporter of Quill is not Quill
    "a name after 'of'/'for' describes the speaker": (
        'Title\n\n“Tides are rising,” Ivo Marsh of the Kelby Centre for Coastal Studies wrote.\n', ["Ivo Marsh"]),
    "-ing speech verb: the clause's subject": (
        'Title\n\nTom Vale mocked Ana Ruiz on Monday, telling the crowd: "She has no plan."\n', ["Tom Vale"]),
}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_attribution_rule(rule):
    text, speakers = RULES[rule]
    assert speakers_of(text) == speakers


@pytest.mark.parametrize(("text", "not_a_speaker"), [
    ('Title\n\nFloods hit homes in Port Vale again.\n\n"We are tired of this," Port Vale said.\n', "Port Vale"),
    ('Title\n\n"Prices rise in May," Tuesday said.\n', "Tuesday"),
])
def test_places_organisations_and_things_are_not_people(text, not_a_speaker):
    assert not_a_speaker not in [s or "" for s in speakers_of(text)]


def test_an_appositive_closed_by_a_comma_describes_the_person_before_it():
    assert split_name("the economist Ivo Marsh, a former adviser to Tara Quill,").name == "Ivo Marsh"
    # the part nearest the verb is the subject; a name before a role noun describes the role
    assert split_name("At the rally in Kelby, the Quill supporter").role == "Quill supporter"


def test_a_sentence_start_is_not_a_first_name():
    article = ArticleWords("Praising Nora Voss, the board met. They were praising her work.")
    assert split_name("Praising Nora Voss", article).name == "Nora Voss"
    assert split_name("Now Brazzi’s TV colleague").name == ""


def test_a_quote_over_several_paragraphs_keeps_its_speaker_until_it_closes():
    text = ('Title\n\nLena Berg said: "The first year was hard.\n\n"The second was harder.\n\n'
            '"The third was the best."\n\nTom Hardy, her partner, arrived later.\n')
    assert speakers_of(text) == ["Lena Berg"] * 3


def test_a_bare_quote_paragraph_continues_only_when_nothing_says_otherwise():
    text = ('Title\n\n"We won," said Coach Ben Ali.\n\n"Next year too."\n\n'
            '"They were lucky," Ria Sen said of the match.\n')
    assert speakers_of(text) == ["Ben Ali", "Ben Ali", "Ria Sen"]


def test_a_bare_quote_after_someone_else_is_named_is_not_the_previous_speakers():
    text = 'Title\n\n"We won," said Ann Lee. Then Bo Kim took the microphone.\n\n"It was luck."\n'
    assert speakers_of(text) == ["Ann Lee", "Bo Kim"]


def test_a_bare_quote_continues_past_an_aside_about_people_named_before():
    text = ('Title\n\nAnn Lee and Bo Kim both ran in the race.\n\n"We trained hard," said Ann Lee. Bo Kim has also '
            'won twice.\n\n"It was a long season."\n')
    assert speakers_of(text) == ["Ann Lee", "Ann Lee"]


def test_each_quote_keeps_the_evidence_for_its_speaker():
    text = 'Title\n\n"We won," said Lea Dorn. "Again."\n\nKai Lund said: "Fine."\n\n"Sure," he said.\n'
    cues = [s.cue for s in segment(parse_article(text)).segments if s.kind == "quote"]
    assert cues[0].startswith("said-after") and "said Lea Dorn" in cues[0]
    assert cues[1] in ("continues-previous", "same-utterance")
    assert cues[2].startswith("said-before") and cues[3] == "pronoun→Kai Lund"


def test_a_partial_quote_is_marked_partial():
    text = 'Title\n\nCouncilman Ray Fox called the plan "a giveaway to developers" on Monday.\n'
    quote = next(s for s in segment(parse_article(text)).segments if s.kind == "quote")
    assert quote.partial and quote.speaker == "Ray Fox"


def test_the_table_shows_each_quotes_cue(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('Title\n\n"We are ready," Anna Berg said.\n', encoding="utf-8")
    table = run_briefing("script", "--table", str(article)).stdout.decode()
    assert "cue" in table.splitlines()[0] and 'said-after: "Anna Berg said"' in table


NON_LATIN = [
    "标题\n\n「我们已经准备好了。」王伟说。他补充道：『明天再谈。』\n",
    "標題\n\n彼は「大丈夫です」と言った。本当に？はい！\n",
    "Заголовок\n\n«Мы готовы», — сказал Иван Петров. Он добавил: «Завтра начнём».\n",
    "Τίτλος\n\n«Είμαστε έτοιμοι», δήλωσε ο Γιάννης Παπαδόπουλος.\n",
    "عنوان\n\nقال أحمد علي: «نحن مستعدون». وأضاف: \"غدا نبدأ\".\n",
]


@pytest.mark.parametrize("text", NON_LATIN)
def test_non_latin_text_never_raises_and_loses_no_word(text):
    script = segment(parse_article(text))
    spoken = re.findall(r"\w+", " ".join(s.text for s in script.segments))
    assert spoken == re.findall(r"\w+", text)
    assert any(s.kind == "quote" for s in script.segments)


def test_a_language_added_as_a_file_finds_its_speakers():
    assert speakers_of("Заголовок\n\n«Мы готовы», — сказал Иван Петров.\n") == ["Иван Петров"]


def test_cjk_quote_marks_and_full_width_sentence_ends():
    quotes = quotes_of("标题\n\n「我们已经准备好了。」王伟说。\n")
    assert quotes[0][0] == "我们已经准备好了。"


def test_each_language_is_one_data_file_with_the_same_tables():
    languages = available()
    assert {"en", "fr", "de", "es", "it", "pt", "nl", "ru"} <= set(languages)
    words = vocabulary()
    assert "said" in words.speech_verbs and "sagte" in words.speech_verbs and "a déclaré" in words.speech_verbs
    for language in languages:
        one = vocabulary((language,))
        assert one.speech_verbs and one.titles and one.male_pronouns and one.months and one.stop_words, language



def test_an_article_is_read_with_the_word_lists_of_its_languages():
    assert languages_of("fr", "« Nous sommes prêts », a déclaré le maire de la ville.") == ("fr",)
    assert languages_of("en", "Ann Lee said the plan was ready and the council would vote.") == ("en",)
    # a short text whose language went undetected (taken for English) also gets the lists its stop words point to
    assert "fr" in languages_of("en", "« Nous sommes prêts », a déclaré Sophie Marchal.")
    assert languages_of("ja", "会議は明日です。") == available()  # no word lists for it: every language's


def test_patterns_are_compiled_for_the_languages_being_read():
    with reading(("en",)):
        assert SPEECH.search("she said") and not SPEECH.search("a déclaré")
    with reading(("fr",)):
        assert SPEECH.search("a déclaré") and not SPEECH.search("she said")
    assert SPEECH.search("she said") and SPEECH.search("a déclaré")  # outside a reading: every language's

# Issue 13: who speaks when no name stands next to the verb (a role, a group, a document), and who is new.
SPEAKER_WITHOUT_A_NAME = {
    "a document speaks in its own voice, not its author's": (
        'Title\n\nMayor Ana Ruiz wrote to the council on Monday.\n\n"Work starts in May," the letter said.\n\n'
        '"It will take a year."\n', ["letter", "letter"]),
    "an indefinite role is someone new, not the official named before": (
        'Title\n\n"We agreed," said Council Leader Tom Brandt.\n\n"Nobody agreed," one council leader said.\n',
        ["Tom Brandt", "council leader"]),
    "'another X' is not the X quoted before": (
        'Title\n\n"It was loud," one resident said.\n\n"It was quiet," another resident said.\n',
        ["resident", "another resident"]),
    "a quantified group is its own speaker": (
        'Title\n\nDana Quill left the stage at nine.\n\nMany reporters asked: "Where is the plan?"\n',
        ["reporters"]),
    "a bare plural group is its own speaker": (
        'Title\n\nIvo Marsh arrived late.\n\n"Go home," protesters chanted.\n', ["protesters"]),
    "a bare plural role is its own speaker": (
        'Title\n\nMayor Ana Ruiz closed the road on Monday.\n\n"The road stays closed," officials said.\n',
        ["officials"]),
    "an indefinite spokesman is not the spokesman named before": (
        'Title\n\nThe spokesman, Tom Vale, spoke first.\n\n"No comment," a spokesman for the council said.\n',
        ["spokesman for the council"]),
    "the audience chanting is the audience, not the person on stage": (
        'Title\n\nTara Quill spoke for an hour.\n\n"Four more years!" the audience chanted.\n', ["audience"]),
    "a group next to a less common speech verb (chanted)": (
        'Title\n\nTara Quill spoke for an hour.\n\nThe crowd chanted: "Four more years!"\n', ["crowd"]),
}


@pytest.mark.parametrize("rule", sorted(SPEAKER_WITHOUT_A_NAME))
def test_speaker_without_a_name(rule):
    text, speakers = SPEAKER_WITHOUT_A_NAME[rule]
    assert speakers_of(text) == speakers


def test_a_capitalised_heading_or_acronym_is_never_a_person():
    text = ('Title\n\nFULL REPORT\n\nTom Vale spoke at KBTV studios on Monday.\n\n'
            '"We will win," he told KBTV.\n')
    assert speakers_of(text) == ["Tom Vale"]
    assert speakers_of('Title\n\n"Rates will rise," KBTV said.\n') == ["KBTV"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nThe actress Nora Voss spoke on Monday.\n\n"It was hard," the star then recalled.\n', "star"),
    ('Title\n\n"We start in May," the mayor will say on Monday.\n', "mayor"),
    ('Title\n\nTom Vale and Ana Ruiz meet next week, Dana Quill said, adding: "It is time."\n', "Dana Quill"),
])
def test_the_subject_is_the_phrase_right_before_the_verb(text, speaker):
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nThe council met on Monday.\n\n"Work starts in May," read the statement.\n', "statement"),
    ('Title\n\nThe council met on Monday.\n\nProtesters carried a sign that read "Save the pier!"\n', "sign"),
])
def test_a_written_thing_reads(text, speaker):
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize("text", [
    'Title\n\n"We will rebuild the pier,” said Ana Ruiz, the harbour master. “It will take a year."\n',
    'Title\n\n“We will rebuild the pier," said Ana Ruiz, the harbour master. "It will take a year.”\n',
])
def test_a_quote_whose_marks_are_mixed_straight_and_curly_still_closes(text):
    quotes = quotes_of(text)
    assert quotes[0] == ("We will rebuild the pier,", "Ana Ruiz")
    assert [speaker for _, speaker in quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_curly_quote_inside_a_straight_one_does_not_close_it():
    text = 'Title\n\n"They called it “a mess” and left," said Ana Ruiz.\n'
    assert quotes_of(text) == [("They called it “a mess” and left,", "Ana Ruiz")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nWhen Ivo Marsh retired in May, Mayor Ana Ruiz released a statement:\n\n"He served us well."\n',
     "Ana Ruiz"),
    ('Title\n\nThe Kelby campaign, in a note to voters on Monday, put it plainly:\n\n"We need your help."\n',
     "Kelby campaign"),
])
def test_a_colon_lead_in_gives_the_quote_to_the_main_clauses_subject(text, speaker):
    assert rule_speakers_of(text) == [speaker]


def test_a_bare_quote_that_names_the_previous_speaker_is_not_theirs():
    text = ('Title\n\nTom Vale and Coach Ben Ali met the press after the match.\n\n"We won," said Ben Ali.\n\n'
            '"Ali had no plan at all."\n')
    assert rule_speakers_of(text) == ["Ben Ali", None]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nTom Vale spoke in Kelby on Monday.\n\n"I am the real one," this Vale look-alike declared.\n',
     "Vale look-alike"),
    ('Title\n\nTom Vale spoke in Kelby on Monday.\n\n"We grew," said the Kelby businessman, who campaigned there.\n',
     "Kelby businessman"),
    ('Title\n\n"We grew," said Ann Lee, the mayor.\n', "Ann Lee"),
])
def test_a_name_that_describes_a_common_noun_is_not_the_speaker(text, speaker):
    assert speakers_of(text) == [speaker]


def test_a_new_sentence_reporting_other_speech_is_not_the_quotes_attribution():
    text = ('Title\n\nAna Ruiz spoke first on Monday.\n\n'
            '"The vote was fair." Tom Vale said that he would appeal anyway.\n')
    assert rule_speakers_of(text) == ["Ana Ruiz"]
    assert rule_speakers_of('Title\n\n"The vote was fair," Tom Vale said that evening.\n') == ["Tom Vale"]


def test_a_roundup_heading_in_capitals_never_speaks():
    text = ('Title\n\nTom Vale opened the new pier on Monday.\n\n'
            'HARBOUR NEWS: "The pier will open in May," the council said.\n\nSHORT READS:\n\n"A quiet week at sea."\n')
    speakers = speakers_of(text)
    assert speakers[0] == "council"
    assert not any(s and s.isupper() for s in speakers)


def test_a_pronoun_subject_of_two_joined_verbs_speaks():
    text = ('Title\n\nTom Vale spoke first. A year later, he backed Ana Ruiz over Bo Kim and said, '
            '"Kim did nothing for us."\n')
    assert rule_speakers_of(text) == ["Tom Vale"]


def test_an_aside_in_parentheses_does_not_hide_the_speaker_after_the_quote():
    text = ('Title\n\nDana Quill spoke to the group on Monday.\n\n"We will win this," Quill said.\n\n'
            'The meeting ran late.\n\n"There is energy here," Rep. Bo Karsten (D-Ore.) said.\n')
    assert rule_speakers_of(text) == ["Dana Quill", "Bo Karsten"]


def test_a_place_before_a_role_noun_is_not_the_person_it_describes():
    text = ('Title\n\nFormer Kelby governor Ann Lorrow, an early supporter of Bo Park, calls jobs "a priority" '
            'for voters. "That will resonate with all voters," she said in an interview. "They want work."\n')
    assert rule_speakers_of(text) == ["Ann Lorrow"] * 3


def test_a_place_the_article_gives_as_a_surname_speaks_after_a_quote():
    text = ('Title\n\nAnn Lorrow spoke to the group on Monday.\n\n"We will win this," said Dana Paris, a donor.\n\n'
            '"They are here," Lorrow said.\n\n"Not now," Paris said.\n')
    assert rule_speakers_of(text) == ["Dana Paris", "Ann Lorrow", "Dana Paris"]


def test_a_name_between_an_article_and_a_noun_is_not_a_person():
    text = ('Title\n\nBo Marrin went to the Kelby Ridge vigil on Monday. In that sense, Kelby Ridge was a summons.\n\n'
            '"It was different," he added.\n')
    assert rule_speakers_of(text) == ["Bo Marrin"]


def test_a_quote_whose_sentence_runs_on_goes_to_the_name_after_the_verb():
    text = ('Title\n\nTom Vale wants the pier rebuilt this year.\n\n'
            '"It seems very unlikely" that Vale can win the vote, said Dana Quill, a harbour pilot.\n')
    assert rule_speakers_of(text) == ["Dana Quill"]


def test_a_name_after_a_preposition_is_a_person_when_it_speaks_alone_elsewhere():
    text = ('Title\n\nTom Vale opened the pier on Monday, joined by Ivo Marrin of the harbour board.\n\n'
            'Marrin said the work went well. Vale thanked the crew.\n\n'
            'Later, at the dinner, Marrin praised the crew. "They did it in a year," he said.\n')
    assert rule_speakers_of(text) == ["Ivo Marrin"]


@pytest.mark.parametrize("text", [
    'Title\n\nAfter Tom Vale asked the pilot who would win the race, Dana Quill said: "The fastest boat."\n',
    'Title\n\nTom Vale warned the crew about the storm, but Dana Quill said, "We sail at dawn."\n',
])
def test_the_last_clause_of_a_lead_in_gives_the_speaker(text):
    assert rule_speakers_of(text) == ["Dana Quill"]


def test_a_later_clause_that_only_reports_an_act_keeps_the_first_speaker():
    text = ('Title\n\nThe crew was tired. Dana Quill frowned, issued a statement on Monday saying: '
            '"We sail at dawn."\n')
    assert rule_speakers_of(text) == ["Dana Quill"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nOne early backer, Rep. Ivo Marrin, put the plan to the test on Monday:\n\n"It works."\n',
     "Ivo Marrin"),
    ('Title\n\nDana Quill spoke on Monday.\n\nKelby Action USA, a pro-Quill group, emailed a link with one line:'
     '\n\n"Vote early."\n', "Kelby Action USA"),
])
def test_a_colon_lead_in_prefers_the_name_beside_a_role_and_skips_a_name_inside_a_word(text, speaker):
    assert rule_speakers_of(text) == [speaker]


def test_a_pronoun_refers_to_the_subject_not_to_a_name_after_a_preposition():
    text = ('Title\n\nAna Ruiz ran the harbour for ten years. Asked about the pier plan drawn up by Mayor Tom Vale, '
            'Ruiz stayed calm.\n\n"It will never float," she said.\n')
    assert rule_speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nTom Vale spoke on Monday.\n\nA harbour spokesman said in a statement on Monday that '
     '"The pier is safe and open to all boats."\n', "harbour spokesman"),
    ('Title\n\nTom Vale spoke on Monday.\n\nThe new ad claims "Vale will sink the pier."\n', "new ad"),
])
def test_a_lead_in_ending_in_its_speech_verb_gives_the_speaker(text, speaker):
    assert rule_speakers_of(text) == [speaker]


@pytest.mark.parametrize("text", [
    'Title\n\nTom Vale and Dana Quill spoke first.\n\n"The pier will be open by May."\n\n- Dana Quill.\n\nNot so.\n',
    'Title\n\nTom Vale and Dana Quill spoke first.\n\n"The pier will be open by May." — Dana Quill\n\nNot so.\n',
])
def test_a_signature_line_after_a_quote_names_its_speaker(text):
    assert rule_speakers_of(text) == ["Dana Quill"]


def test_a_credit_line_after_a_quote_signs_nothing():
    text = 'Title\n\nAna Ruiz spoke first.\n\n"The pier will be open by May."\n\n- Reporting by Dana Quill.\n'
    assert rule_speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize(("text", "speakers"), [
    ('Title\n\n"We sail at dawn," said Tom Vale, the skipper.\n\nHarbour pilot Dana Quill agreed. '
     '"The wind is right."\n',
     ["Tom Vale", "Dana Quill"]),
    ('Title\n\n"We sail at dawn," said Tom Vale, the skipper.\n\nThe pier is old, the harbour board writes. '
     '"It needs work."\n', ["Tom Vale", "harbour board"]),
    ('Title\n\nTom Vale spoke first. "We sail," he claimed. "We win," Dana Quill retorted.\n',
     ["Tom Vale", "Dana Quill"]),
])
def test_a_sentence_whose_subject_speaks_leads_into_the_bare_quote_after_it(text, speakers):
    assert rule_speakers_of(text) == speakers


def test_a_pronoun_refers_to_the_main_clause_not_to_a_name_in_the_clause_leading_into_it():
    text = ('Title\n\nAsked about the pier plan Mayor Tom Vale drew up, Ana Ruiz stayed calm.\n\n'
            '"It will never float," she said.\n')
    assert rule_speakers_of(text) == ["Ana Ruiz"]


def test_a_pronoun_refers_to_the_subject_not_to_someone_who_speaks_in_a_clause_after_it():
    text = ('Title\n\nAna Ruiz spoke on Monday. Ruiz did not look pleased when Mayor Tom Vale asked about the pier.\n\n'
            '"It will never float," she said.\n')
    assert rule_speakers_of(text) == ["Ana Ruiz"]


def test_a_new_sentence_opening_with_a_linking_word_is_not_the_quotes_attribution():
    text = ('Title\n\nAna Ruiz spoke at the pier on Monday.\n\n"The pier is safe." And as Mayor Tom Vale pointed out, '
            'the pier is also old.\n')
    assert rule_speakers_of(text) == ["Ana Ruiz"]


def test_one_of_a_group_after_the_verb_is_someone_new():
    text = ('Title\n\nAna Ruiz runs the port. Her aides have run the numbers.\n\n"There is no way for Vale to win," '
            'said one of those advisers, who spoke on the condition of anonymity.\n')
    assert rule_speakers_of(text) == ["one of those advisers"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nAna Ruiz runs the port. As one pilot told Kelby Radio, "The pier is not safe."\n', "pilot"),
    ('Title\n\nThe pier is old and the work is late, as the harbour board website notes:\n\n"Repairs start in May."\n',
     "harbour board website"),
])
def test_a_role_after_a_subordinator_speaks(text, speaker):
    assert rule_speakers_of(text) == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Title\n\nAna Ruiz spoke first.\n\nAs Tom Vale attacked Ruiz, the crowd chanted, "Out!"\n', "crowd"),
    ('Title\n\nAna Ruiz spoke first.\n\nAs Tom Vale, a harbour pilot, put it: "The pier is not safe."\n', "Tom Vale"),
])
def test_a_leading_clause_names_no_subject_of_the_speech_verb(text, speaker):
    assert rule_speakers_of(text) == [speaker]


@pytest.mark.parametrize("marks", ['"{}"', "''{}''", "“{}”"])
def test_a_one_word_name_after_a_straight_closing_mark_goes_on_the_sentence(marks):
    """A straight mark right after the quote's last word closes it, as a curly one does: the capitalised word after
    it stands inside the sentence, so the article capitalises it inside a sentence (a name, not a sentence start)."""
    quote = marks.format("Some may call the attacks unkind,")
    text = f"Title\n\nAdmiral Ann Kessel spoke on Monday. The state press has attacked her.\n\n{quote} Kelbor wrote.\n"
    assert rule_speakers_of(text) == ["Kelbor"]


def test_a_name_set_off_by_commas_before_the_verb_speaks():
    """"the port director, Ann Kessel, says": the name between commas is the one who speaks, as in "Ann Kessel, the
    port director, says"; the she of the next quote is hers, not the sentence's first name's."""
    text = ('Title\n\nMia Vale, a harbour pilot, is angry, but the port director, Ann Kessel, says the system '
            'works.\n\n"We move boats around when we must," she said.\n')
    assert rule_speakers_of(text) == ["Ann Kessel"]


@pytest.mark.parametrize(("after", "speaker"), [
    ("said Secretary of State Ann Kessel.", "Ann Kessel"),
    ("said chief of staff Ann Kessel, who praised the plan.", "Ann Kessel"),
    ("said the mother of Ann Kessel.", "mother"),  # the name is whose mother: she speaks
])
def test_a_title_holding_of_runs_on_to_the_name_after_the_verb(after, speaker):
    text = f'Title\n\nTom Vale spoke on Monday about the port.\n\n"The first line of defence is the town," {after}\n'
    assert rule_speakers_of(text) == [speaker]


@pytest.mark.parametrize("clause", ["though he warned that rents could climb", "and he warned that rents could climb"])
def test_a_clause_after_the_named_speaker_is_not_part_of_the_name(clause):
    """"said Tom Vale, though he warned ...": the comma ends the speaker's phrase before a clause of its own, whose
    "he" is the same man, not someone named before."""
    text = ('Title\n\nAnn Kessel spoke on Monday and defended her team.\n\n'
            f'"The delay costs the harbour a week or two," said party boss Tom Vale, {clause}.\n')
    assert rule_speakers_of(text) == ["Tom Vale"]


def test_a_quote_after_sentences_about_someone_by_her_possessive_is_hers():
    """No one is named in the paragraphs before the quote, but they open with her possessive: they are about the
    woman named before them, and the quote that follows is hers."""
    text = ('Title\n\nWendy Lund bakes bread by the canal with her brother. She lights the oven before dawn.\n\n'
            'But her doubts about her brother are few.\n\nHer advice to young bakers is blunt: rest on Sundays.\n\n'
            '"The oven will still be hot next week. Your back may not be."\n')
    assert rule_speakers_of(text) == ["Wendy Lund"]


def test_it_said_after_the_bodys_own_quote_is_that_body():
    """The narration between two of a utility's quotes names no body that speaks ("the utility said"): "it said"
    is the body quoted just before, and so is the quote paragraph after it."""
    text = ('Title\n\nKB Hydro said crews were out.\n\n"Hundreds of trees are down," it said.\n\n'
            '"Some areas will be dark for days."\n\nMore than 800 workers will stay on the job, the utility said.\n\n'
            '"There are hundreds of outages to repair," it said.\n\n"A new pole takes eight hours."\n')
    assert rule_speakers_of(text) == ["KB Hydro"] * 4


@pytest.mark.parametrize("credit", ["( Kelby Star file photo )", "(Ivo Lund/Kelby Press)"])
def test_a_photo_caption_is_no_one_a_he_refers_to(credit):
    """A caption between the story's paragraphs names whom the photo shows; the "he" of the story's next quote is
    still the man the story was about."""
    text = ('Title\n\nTom Vale wrote a book about the porters and their union.\n\n'
            f'Ben Rask, a retired porter, looks at old photos at the station. {credit}\n\n'
            'The book sold out in every dock town. "Those porters were brave enough to strike in January," he '
            'says.\n')
    assert rule_speakers_of(text) == ["Tom Vale"]


def test_a_relative_named_before_a_noun_elsewhere_is_still_a_person():
    """"the Mia Lund jams" names a product, but the article also has Mia Lund walk past, and a Lund is known: she
    is his relative, not him, and her quotes are hers."""
    text = ('Title\n\nTom Lund spoke on Monday about the ferry budget.\n\nAt the autumn fair, Mia Lund walked '
            'between the stalls with a crate of her plums. Then she left before the band played.\n\n'
            '"Small orchards need better roads," she said.\n\nGrocers stock the Mia Lund jams all winter. "We '
            'grow pears," Tom Lund said.\n')
    assert rule_speakers_of(text) == ["Mia Lund", "Tom Lund"]


def test_a_name_after_a_numbered_modifier_and_before_a_noun_is_a_things():
    """"a 1930s-era Kelby Deco movie theater" is a style, no man: the "he" of the quote is the man written about."""
    text = ('Title\n\nIvo Nega came home in May.\n\nAs we walked down the avenue lined by a church, a 1930s-era Kelby '
            'Deco movie theater and old cafes, Nega defended his choice. "Do we have to discuss it?" he asked me.\n')
    assert rule_speakers_of(text) == ["Ivo Nega"]


def test_a_later_clause_after_a_comma_inside_quote_marks_names_the_speaker():
    """'to look "humble," but Vale said he replied:': the comma inside the closing mark (American style) still
    ends the first clause; the speaker is the later clause's, not the sister of the first."""
    text = ('Title\n\nTom Vale spoke on Monday.\n\nHis sister had asked him to speak briefly, to look "humble," but '
            'Vale said he replied: "When the docks are at stake, nobody stays humble."\n')
    assert rule_speakers_of(text) == ["Tom Vale"]


@pytest.mark.parametrize("verb", ["retaliated", "asserted", "contends", "answers", "echoes", "mentioned"])
def test_more_verbs_that_report_speech_after_a_quote(verb):
    text = (f'Title\n\nAnn Kessel and Tom Vale met on Monday. Vale spoke first.\n\n"The port will always be the port," '
            f'an angry Kessel {verb}.\n')
    assert rule_speakers_of(text) == ["Ann Kessel"]


def test_a_quote_after_the_attribution_of_the_quote_before_goes_on_with_it():
    """'"A," an angry Kessel retaliated. "B." ... It is "...," he warned.': B is Kessel's still; the paragraph's last
    words are someone else's, their "he warned" no attribution of B."""
    text = ('Title\n\nAnn Kessel and Tom Vale met on Monday.\n\n"The port will always be the port," an angry Kessel '
            'retaliated. "It keeps its lights on, because its crews still care."\nKelby Mayor Ivo Lund also '
            'criticised the plan. It is "a blow to the harbour," he warned.\n')
    assert rule_speakers_of(text)[1] == rule_speakers_of(text)[0]


def test_a_name_after_on_or_in_in_a_colon_lead_in_is_where_it_was_said():
    """"And again the next morning in the Kelby Star:": the paper is where the words were said, not who said
    them; the quote goes on with the man who spoke before."""
    text = ('Title\n\nIvo Marrin wants the pier closed. "It is unsafe," he said on Monday.\n\nAnd again the next '
            'morning in the Kelby Star:\n\n"The pier will fall into the sea."\n')
    assert rule_speakers_of(text) == ["Ivo Marrin", "Ivo Marrin"]


def test_a_speech_verb_after_a_number_is_a_noun():
    """"Kelby Bay touches 3 states ...": "states" after a number is a noun; the sentence after the
    quote names no speaker, and the quote stays with the man who was saying it."""
    text = ('Title\n\nAt the hearing, Ivo Marrin urged the council to shut the pier, saying, '
            '"Nobody should fish from it now." Kelby Bay touches 3 states with rules of their own.\n')
    assert rule_speakers_of(text) == ["Ivo Marrin"]


def test_as_opening_a_sentence_is_no_part_of_the_organisation_that_reported():
    """"As Kelby News reported, ...:": the outlet speaks, under its own name, without the "As"."""
    text = ('Title\n\nAs Kelby News reported on Tuesday, the council still will not close the pier:\n\n'
            '"The pier is safe and will stay open."\n')
    assert rule_speakers_of(text) == ["Kelby News"]


def test_an_adjective_and_a_people_opening_a_sentence_are_no_person():
    """"Famous Italian yards build ...": a people's adjective after a capitalised sentence start names no
    one; the "he" after it is still the boat seller."""
    text = ('Title\n\nIvo Marrin has sold boats for years. "Prices keep rising," he said. Famous Italian yards '
            'build most of the new ones.\n\n"Ours are cheaper," he added.\n')
    assert rule_speakers_of(text) == ["Ivo Marrin", "Ivo Marrin"]


def test_a_sign_or_a_cap_saying_something_speaks_its_own_words():
    """"Ann Lee waved a placard saying ...", "wore caps reading, ...": the words are the placard's and the caps', not
    those of whoever holds or wears them (a statement someone issues stays theirs)."""
    text = ('Title\n\nAnn Lee waved a placard saying "No more cuts to the harbour."\n\nTom Vell and Bo Kim wore caps '
            'reading, "Save the pier."\n\nAnn Lee issued a statement saying, "We will win."\n')
    assert rule_speakers_of(text) == ["placard", "caps", "Ann Lee"]


def test_people_named_together_before_or_after_the_verb_speak_as_one():
    """"said Dana Velt and Bo Kessel, both members of the board": a joint statement, one voice for the two (as the
    gold sets write it); "Ann Lee and her husband" names one person, who speaks alone after."""
    text = ('Title\n\n"Nobody will close it," said Dana Velt and Bo Kessel, both members of the board.\n\n"We '
            'disagree," wrote Ivo Marrin, Ann Lee and Tom Vell, three harbour pilots.\n\nAnn Lee and her husband '
            'came too. "It is cold," Ann Lee said.\n')
    assert rule_speakers_of(text) == ["Dana Velt and Bo Kessel", "Ivo Marrin, Ann Lee and Tom Vell", "Ann Lee"]


def test_a_joint_statement_stops_at_what_describes_the_last_name():
    """"Ann Lee and Bo Kim of the Kelby Fund for Parks and Rivers wrote": the "and" inside the fund's name
    joins no third person."""
    text = ('Title\n\nIn May, harbour experts Ann Lee and Bo Kim of the Kelby Fund for Parks and Rivers '
            'wrote: "The pier is old."\n')
    assert rule_speakers_of(text) == ["Ann Lee and Bo Kim"]


@pytest.mark.parametrize("office", ["Public Advocate", "Recorder", "Comptroller", "Alderman", "General Counsel"])
def test_an_office_of_a_city_or_county_before_a_name_is_a_title(office):
    """"Kelby County Public Advocate Teo Brask said": the office and the place it serves are no part of his name."""
    text = f'Title\n\n"Too late," Kelby County {office} Teo Brask said.\n'
    assert rule_speakers_of(text) == ["Teo Brask"]


def test_a_name_before_a_role_noun_in_a_colon_lead_in_describes_the_role():
    """"former Lee aide Tom Vell had a short answer:": Lee is whose aide he was; the aide speaks."""
    text = ('Title\n\nThe singer Ann Lee spoke in May.\n\nAsked about the pier, former Lee aide Tom Vell had a short '
            'answer:\n\n"It is over."\n')
    assert rule_speakers_of(text) == ["Tom Vell"]


def test_a_he_opening_the_sentence_after_a_name_teaches_that_persons_gender():
    """"Mayor Ivo Marrin has led the city since 2019. He wants ...", "Marrin spoke last. He was brief.": twice the
    next sentence's subject is "he", so Marrin is a man; a later "she" is the board chair, not him."""
    text = ('Title\n\nThe harbour board met for six hours on Monday, and the talks about the old pier stalled '
            'again.\n\nMayor Ivo Marrin has led the city since 2019. He wants the pier closed before winter.\n\nThe '
            'board chair, Ann Lee, wants it repaired. Marrin spoke last. He was brief.\n\nAfterwards she wrote to '
            'the board: "I am done."\n')
    assert rule_speakers_of(text) == ["Ann Lee"]
