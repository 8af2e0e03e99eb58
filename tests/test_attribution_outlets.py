"""Attribution rules found on a second set of real news (Canadian outlets), each on sentences written for these
tests, with invented names. The rules are checked before the learned ranker weighs in (`rule_speakers_of`)."""

from __future__ import annotations

import pytest
from helpers import rule_speakers_of

CASES = {
    "', it said' after a place: the place does not speak": (
        'Title\n\nPower is out across the valley.\n\n"Crews will need days to reach some towns," including '
        'Port Selby, it said.\n', [None]),
    "a paraphrase after the quote ends in ', says NAME': that name speaks": (
        'Title\n\nMs. Ada Vorn runs the Kelby Trust\'s clinic program.\n\n"It works," Vorn says. "And that is '
        'what the program shows." Most of the help comes through the Kelby Trust\'s website and an app, says '
        'Vorn.\n', ["Ada Vorn", "Ada Vorn"]),
    "'X, a pastor, told NAME.': whom it was told to does not speak": (
        'Title\n\nThe vote was close.\n\n"We lost by a hair," Teo Brask, a local pastor, told Dana Quill.\n',
        ["Teo Brask"]),
    "'her statement said': the statement is hers": (
        'Title\n\nMs. Ada Vorn was moved to another post on Monday. She then published a statement on her '
        'website.\n\n"The courts must be free," her statement said.\n', ["Ada Vorn"]),
    "'NAME's letter said': the letter is that person's": (
        'Title\n\nMr. Teo Brask wrote to the council.\n\n"The plan fails us," Brask\'s letter said.\n',
        ["Teo Brask"]),
    "a name in a photo credit is not whom a later 'he' means": (
        'Title\n\nMr. Teo Brask spent ten winters outdoors. (Lena Ostrova/Kelby Daily)\n\nOn the first of the '
        'month he moved into a flat.\n\n"I got presents for all of them," he says.\n', ["Teo Brask"]),
    "a holiday is no person: 'On Christmas Day, he ...'": (
        'Title\n\nMr. Teo Brask has a son who lives in Kelby.\n\nOn Christmas Day, he plans to invite them.\n\n'
        '"I got presents for all of them," he says.\n', ["Teo Brask"]),
    "'scolded NAME' names the speaker": (
        'Title\n\nThe dinner went on late.\n\n"Nobody leaves before the toast," scolded Ada Vorn.\n', ["Ada Vorn"]),
    "a she whose sentence names someone only after 'to' is the subject before": (
        'Title\n\nMinister Teo Brask turned the school down.\n\nMrs. Ada Vorn, the board\'s chair, said she '
        'understands.\n\nIt is something she said the board will put in its letter to Brask.\n\n"We have more '
        'portables than anyone," she said.\n', ["Ada Vorn"]),
    "a name inside a leading participle clause does not speak next": (
        'Title\n\nKit Vorn, the attorney general, had been moved. Mr. Teo Brask denied the story.\n\nBut '
        'pressed twice on what the attorney general was told, Brask stuck to his words.\n\n"No one was told '
        'anything," he said.\n', ["Teo Brask"]),
    "'the minister said': of two ministers, the one written about last": (
        'Title\n\n"We will act," said Prime Minister Teo Brask.\n\nForeign Minister Ada Vorn asked for mercy on '
        'Monday.\n\nVorn said she had called the family.\n\n"He is a human being," the minister said.\n',
        ["Teo Brask", "Ada Vorn"]),
    "'Liberal MP NAME' is a titled name, the he who speaks next": (
        'Title\n\nMs. Ada Vorn kept her seat.\n\nLiberal MP Teo Brask — a former prosecutor — went on the radio '
        'later in the day.\n\n"Nobody pressured anyone," he said.\n', ["Teo Brask"]),
    "a body named after a place the article writes 'in' is no person called Canada": (
        'Title\n\nMr. Teo Brask grew up in Canada. Library and Records Canada kept his photos.\n\nLife was hard in '
        'Canada then.\n\n"I was shocked," he says.\n', ["Teo Brask"]),
    "a full name met only after a preposition is a person's when its surname opens a sentence as its subject": (
        'Title\n\nThat is the bet Ada Vorn is making. She has dropped her attacks on Teo Brask.\n\nOn Thursday, '
        'Brask unloaded on the paper at a breakfast. "Check where the geniuses were," he said.\n', ["Teo Brask"]),
    "one capitalised word after a leading clause, before a word the article writes after 'I', is a person": (
        'Title\n\nKara Lenz won the cup on Sunday, two shots ahead.\n\nThe stars play for charity. Asked about the '
        'final, Torvale did not wait.\n\n"It was the best day of my life," he said. "I did not feel the cold."\n',
        ["Torvale", "Torvale"]),
    "a stop word written as a surname after a first name is part of the name ('Dana Every')": (
        'Title\n\nThe talks go on.\n\n"Today what matters is the talks," Dana Every, a senior strategist for the '
        'region for Kelbank, said in a commentary. "Every day counts."\n', ["Dana Every", "Dana Every"]),
    "'says my daughter': a role after a first-person possessive speaks": (
        'Title\n\nI made up a story and called one of the animals a dad.\n\n"No, that is the mom," says my '
        'daughter.\n', ["daughter"]),
    "a name with an apostrophe inside, capitalised inside a sentence, is no elided article ('Chief Tal'omo')": (
        "Title\n\nAssistant Commissioner Ivo Dorn said the review is under way.\n\nBut Kelby Hereditary Chief "
        "Tal'omo said he did not think the raid was needed.\n\n\"It is not a threat,\" he said.\n", ["Tal'omo"]),
    "a sentence between two quotes of a paragraph that opens with someone else hands them the next quote": (
        'Title\n\nMs. Ada Vorn made the piece. Director Teo Brask asked her back.\n\n"I always felt it deserved '
        'to be longer," says Brask. "It is fascinating." Vorn did not need much coaxing. "I am thankful for the '
        'invitation." She also met the dancers.\n', ["Teo Brask", "Teo Brask", "Ada Vorn"]),
    "'Unlike NAME, he ...': the he is someone else, named before": (
        'Title\n\nMr. Teo Brask found a job in Kelby. Ivo Dorn came to Port Selby, where Dorn was with his '
        'sister.\n\nUnlike Brask, he has not found work. He is still learning English.\n\n"My study comes '
        'afterwards," he said.\n', ["Ivo Dorn"]),
    "'\"...\". The men claimed X did': after a full stop outside the quote, a new sentence reports other speech": (
        'Title\n\nMs. Ada Vorn went to the station that night.\n\nShe told a guard at the door, in two languages, '
        '"I was hurt". The men claimed Vorn first spoke of a theft.\n', ["Ada Vorn"]),
    "a he skips a name inside a relative clause ('a text that captain Brask sent to Dorn')": (
        'Title\n\nIvo Dorn is proud of his office.\n\nThat includes a text message that team captain Teo Brask sent '
        'to Dorn in May, three months after Dorn led the team to a win. He framed the text on a board.\n\n"They '
        'get to see that when they are there," he said.\n', ["Ivo Dorn"]),
    "a name that opens with a hyphened particle ('al-Kelbab said:') is a capitalised name": (
        'Title\n\nThe group struck a hotel on Tuesday.\n\nIn its two-page statement claiming responsibility, '
        'al-Kelbab said:\n\n"This operation was a response to the remarks."\n', ["al-Kelbab"]),
    "', it said' after a quote: the organisation the narration last had speak": (
        'Title\n\nKelby Power Authority said in a statement that 600,000 customers lost power in the storm.\n\n'
        'Ada Vorn, mayor of Port Selby\n\n"Hundreds of downed trees have left roads impassable," including the '
        'town, it said.\n', ["Kelby Power Authority"]),
    "', it said' after a sentence whose subject is a body that did not speak: that body": (
        'Title\n\nThe Kelby Harbour Board (KHB) runs the ferries. Last spring the KHB raised every fare. The KHB '
        'refused to publish its figures. "Our accounts are reviewed every year," it said in a statement.\n',
        ["KHB"]),
}


@pytest.mark.parametrize("text, expected", CASES.values(), ids=CASES.keys())
def test_rule(text: str, expected: list[str | None]) -> None:
    assert rule_speakers_of(text) == expected
