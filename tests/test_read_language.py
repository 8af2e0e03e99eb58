"""The article's language: detected by CLD2 on paragraphs written here, the document's own declaration
preferred unless the text clearly says otherwise."""

from __future__ import annotations

import pytest

from briefing.read import detect_language, parse_article
from briefing.read.language import normalise

PARAGRAPHS = {
    "en": "The council voted on Tuesday to close the old bridge for repairs. Work starts next month.",
    "fr": "Le conseil municipal a voté mardi la fermeture du vieux pont. Les travaux commencent le mois prochain.",
    "de": "Der Stadtrat hat am Dienstag die Schließung der alten Brücke beschlossen. Die Arbeiten beginnen bald.",
    "es": "El ayuntamiento votó el martes cerrar el viejo puente. Las obras empiezan el mes que viene.",
    "ru": "Городской совет во вторник проголосовал за закрытие старого моста. Работы начнутся в следующем месяце.",
    "ar": "صوت المجلس البلدي يوم الثلاثاء على إغلاق الجسر القديم. وتبدأ الأعمال الشهر المقبل.",
    "zh": "市议会周二投票决定关闭旧桥进行维修。工程将于下个月开始。",
    "ja": "市議会は火曜日、古い橋を修理のため閉鎖することを決めた。工事は来月始まる。",
    "ko": "시의회는 화요일 낡은 다리를 보수를 위해 폐쇄하기로 의결했다. 공사는 다음 달 시작된다.",
    "el": "Το δημοτικό συμβούλιο ψήφισε την Τρίτη το κλείσιμο της παλιάς γέφυρας. Οι εργασίες ξεκινούν τον άλλο μήνα.",
    "hi": "नगर परिषद ने मंगलवार को पुराने पुल को मरम्मत के लिए बंद करने का फैसला किया। काम अगले महीने शुरू होगा।",
}


@pytest.mark.parametrize("language", sorted(PARAGRAPHS))
def test_short_paragraphs_are_detected(language):
    assert detect_language(PARAGRAPHS[language]) == language
    assert parse_article(f"Title\n\n{PARAGRAPHS[language]}\n").language == language


def test_the_declared_language_wins_unless_the_text_clearly_says_otherwise():
    assert detect_language("Brexit", declared="de-AT") == "de"  # too short to judge: as declared
    assert detect_language(PARAGRAPHS["fr"], declared="fr-FR") == "fr"
    assert detect_language(PARAGRAPHS["ru"] * 3, declared="en") == "ru"  # a template's lang="en"


def test_codes_are_iso_639_1():
    assert [normalise(c) for c in ("en-GB", "EN_us", "zh-Hant", "iw", "und", "not a tag")] == \
        ["en", "en", "zh", "he", "", ""]
    assert detect_language("") == "en"

