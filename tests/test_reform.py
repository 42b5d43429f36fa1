"""Real gains and the path to the next band, on hand-computed cases under the penalty floor, the bonus cap
and the clip at 0 (see atdscore/core/reform.py)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from atdscore.core.brief import build_brief
from atdscore.core.editions import score_edition
from atdscore.core.reform import path_to_next_band, real_gain
from atdscore.core.score import Scorer
from atdscore.render.templating import render_brief
from atdscore.validation.country_file import CountryFile
from atdscore.validation.model import Rubric

SOURCE = [{"title": "t", "date": "2023"}]


def choice(key: str, points: dict[str, float]) -> dict[str, Any]:
    options = [{"id": k, "label": {"en": k.capitalize(), "es": k.upper()}, "points": v} for k, v in points.items()]
    return {
        "id": key,
        "type": "choice",
        "question": {"en": f"Question {key}?", "es": f"¿Pregunta {key}?"},
        "recommendation": {"en": f"Fix {key}.", "es": f"Arreglar {key}."},
        "options": options,
    }


def make_rubric(categories: list[dict[str, Any]], bands: list[float] = ()) -> Rubric:  # type: ignore[assignment]
    labels = ["Low", "Middle", "High", "Top"]
    return Rubric.model_validate(
        {
            "id": "r",
            "title": "R",
            "version": "1",
            "aggregation": "points",
            "categories": categories,
            "bands": [{"min": m, "label": {"en": labels[n], "es": f"Nivel {n}"}} for n, m in enumerate(bands)],
        }
    )


def make_country(answers: dict[str, Any]) -> CountryFile:
    data = {k: ({"status": v} if v == "unknown" else {"value": v, "evidence": SOURCE}) for k, v in answers.items()}
    return CountryFile.model_validate({"country": "ISR", "year": 2023, "rubric": "r", "answers": data})


# A standard category worth 10, a penalty of two -4 indicators held at -6, a bonus of two +2 items capped at 2.
FLOOR_CAP = make_rubric(
    [
        {"id": "a", "title": "A", "indicators": [choice("x", {"none": 0, "partial": 4, "full": 10})]},
        {
            "id": "p",
            "title": "P",
            "kind": "penalty",
            "floor": -6,
            "indicators": [choice("d1", {"yes": -4, "no": 0}), choice("d2", {"yes": -4, "no": 0})],
        },
        {
            "id": "b",
            "title": "B",
            "kind": "bonus",
            "cap": 2,
            "indicators": [choice("b1", {"no": 0, "yes": 2}), choice("b2", {"no": 0, "yes": 2})],
        },
    ]
)


def gains(x: str) -> dict[str, Fraction]:
    country = make_country({"a.x": x, "p.d1": "yes", "p.d2": "yes", "b.b1": "yes", "b.b2": "no"})
    scorer = Scorer(FLOOR_CAP)
    result = scorer.score(country)
    return {key: real_gain(scorer, country, result, key) for key in ["a.x", "p.d1", "p.d2", "b.b2"]}


def test_real_gains_under_the_floor_and_the_cap() -> None:
    # 4 - 6 (two -4 penalties held at the floor) + 2 (the bonus at its cap) = 0, not clipped.
    # a.x at 10: 10 - 6 + 2 = 6, +6. p.d1 at "no": the penalty is -4, 4 - 4 + 2 = 2, +2 (not the 4 it is worth
    # alone). b.b2 at "yes": the bonus stays at its cap of 2, +0.
    assert gains("partial") == {"a.x": 6, "p.d1": 2, "p.d2": 2, "b.b2": 0}


def test_real_gains_under_the_clip_at_zero() -> None:
    # Israel 2018 style: 0 - 6 + 2 = -4, clipped at 0. a.x at 10 gives 10 - 6 + 2 = 6; a penalty lifted gives
    # 0 - 4 + 2 = -2, still clipped at 0: no change at all.
    assert gains("none") == {"a.x": 6, "p.d1": 0, "p.d2": 0, "b.b2": 0}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_brief_orders_by_real_gain_and_says_when_a_change_adds_nothing(lang: str) -> None:
    country = make_country({"a.x": "none", "p.d1": "yes", "p.d2": "yes", "b.b1": "yes", "b.b2": "no"})
    mine = score_edition(2023, FLOOR_CAP, "", [country]).country("ISR")
    assert mine is not None and mine.result.points == 0
    brief = build_brief(mine, lang=lang)
    assert [(r.id, r.gain) for r in brief.recommendations] == [
        ("a.x", Fraction(6)),
        ("p.d1", Fraction(0)),
        ("p.d2", Fraction(0)),
        ("b.b2", Fraction(0)),
    ]
    text, problems = render_brief(brief, lang)
    assert problems == [] and text is not None
    if lang == "en":
        assert "1. Fix x. (+6 points to the total)" in text
        assert "2. Fix d1. (on its own, this would not change the total)" in text
        assert "(0 of 10 indicator points)" in text
        assert "How the total is built: the points of each standard category times its weight" in text
    else:
        assert "1. Arreglar x. (+6 puntos al total)" in text
        assert "2. Arreglar d1. (por sí sola, no cambiaría el total)" in text
        assert "Cómo se calcula el total:" in text


# Greedy goes wrong here: a.x alone adds the most (+2), but the penalty only lifts when both of its
# indicators go: 8 + 0 = 8 (80%) with two changes, where greedy needs three (x, then d1, then d2).
GREEDY = make_rubric(
    [
        {"id": "a", "title": "A", "indicators": [choice("x", {"no": 0, "yes": 2}), choice("y", {"no": 0, "yes": 8})]},
        {
            "id": "p",
            "title": "P",
            "kind": "penalty",
            "floor": -4,
            "indicators": [choice("d1", {"yes": -3, "no": 0}), choice("d2", {"yes": -3, "no": 0})],
        },
    ],
    bands=[0, 80],
)


def path(rubric: Rubric, answers: dict[str, Any]) -> tuple[str, tuple[str, ...], Fraction | None]:
    country = make_country(answers)
    scorer = Scorer(rubric)
    found = path_to_next_band(scorer, country, scorer.score(country))
    return found.status, found.ids, found.percent


def test_the_path_where_the_greedy_choice_is_wrong() -> None:
    # 0 + 8 - 4 (floor) = 4 of 10: 40%. Single gains: x +2, d1 +1 (-3 instead of -4), d2 +1.
    # {x, d1} = 2 + 8 - 3 = 7 (70%) and {x, d2} likewise fall short; {d1, d2} = 8 reaches 80%.
    answers = {"a.x": "no", "a.y": "yes", "p.d1": "yes", "p.d2": "yes"}
    assert path(GREEDY, answers) == ("path", ("p.d1", "p.d2"), Fraction(80))


EQUAL = make_rubric(
    [
        {
            "id": "a",
            "title": "A",
            "indicators": [
                choice("u", {"no": 0, "yes": 3}),
                choice("v", {"no": 0, "yes": 5}),
                choice("w", {"no": 0, "yes": 5}),
                choice("s", {"no": 0, "yes": 7}),
            ],
        }
    ],
    bands=[0, 50, 60],
)


def test_the_path_takes_the_largest_total_then_rubric_order() -> None:
    # 7 of 20 = 35%; the next band is 50% (10 points). u alone reaches 50%, v or w alone 60%: the largest
    # total wins, and of v and w (a tie) the first in the rubric.
    answers = {"a.u": "no", "a.v": "no", "a.w": "no", "a.s": "yes"}
    assert path(EQUAL, answers) == ("path", ("a.v",), Fraction(60))


def test_the_top_band_and_no_path() -> None:
    assert path(EQUAL, {"a.u": "yes", "a.v": "yes", "a.w": "no", "a.s": "yes"})[0] == "top"  # 15 of 20: 75%
    # 0 of 20; the next band is 50%. Unknown answers are not candidates (research is not reform): s alone
    # reaches 7 of 20 = 35%, and no set of changes reaches 50%.
    assert path(EQUAL, {"a.u": "unknown", "a.v": "unknown", "a.w": "unknown", "a.s": "no"}) == ("none", (), None)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_brief_shows_what_it_would_take(lang: str) -> None:
    country = make_country({"a.x": "no", "a.y": "yes", "p.d1": "yes", "p.d2": "yes"})
    mine = score_edition(2023, GREEDY, "", [country]).country("ISR")
    assert mine is not None
    text, problems = render_brief(build_brief(mine, lang=lang), lang)
    assert problems == [] and text is not None
    if lang == "en":
        assert (
            "## What it would take\n\nThe smallest set of changes that would lift Israel into the band “Middle”" in text
        )
        assert ": 2 answers, which would take the total to 80%." in text
        assert "1. Question d1? From “Yes” to “No”.\n2. Question d2? From “Yes” to “No”." in text
    else:
        assert "## Qué haría falta" in text and "llegaría al 80\u00a0%." in text
        assert "1. ¿Pregunta d1? De «YES» a «NO»." in text
