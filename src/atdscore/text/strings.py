"""Fixed strings of briefs and the methodology, per language; templates reach them through `t(key)`.

A string is a text with `{name}` placeholders, or a map of CLDR plural forms ('one', 'other', ...)
chosen by the number a template passes as `count`. Every key has an English text; a language that
lacks a key (or a plural form) shows the English one, so a new language can be added bit by bit.
Spanish uses the neutral register of the default rubric's Spanish texts.
"""

from __future__ import annotations

DEFAULT_LANGUAGE = "en"

Entry = str | dict[str, str]

STRINGS: dict[str, dict[str, Entry]] = {
    "en": {
        # Answers in words.
        "answer.missing": "No answer",
        "answer.unknown": "Unknown",
        "answer.not-applicable": "Not applicable",
        "answer.none": "None",
        "answer.no-limit": "no limit",
        "answer.score": "{n} of {max}",
        # The brief: header.
        "brief.title": "{name}: country brief {year}",
        "brief.headline": {
            "one": "{name} scores {percent} of the maximum: rank {rank} country in the {year} edition.",
            "other": "{name} scores {percent} of the maximum: rank {rank} countries in the {year} edition.",
        },
        "brief.headline_unscored": "{name} has no score in the {year} edition: no indicator of the rubric applies.",
        "label.score": "Score",
        "label.band": "Band",
        "label.rank": "Rank",
        "label.coverage": "Coverage",
        "label.rubric": "Rubric",
        "label.recommendation": "Recommendation",
        "label.standards": "Standards",
        "score.total": {"one": "{points} of {max} point ({percent})", "other": "{points} of {max} points ({percent})"},
        "rank.of": "{rank} of {of}",
        "rank.none": "not ranked",
        "coverage.value": {
            "one": "{percent} ({answered} of {applicable} indicator answered)",
            "other": "{percent} ({answered} of {applicable} indicators answered)",
        },
        "rubric.value": "{title}, {id} version {version}",
        # The brief: categories.
        "brief.categories": "Scores by category",
        "col.category": "Category",
        "col.points": "Points",
        "col.score": "Score",
        "category.of": "{points} of {max}",
        "category.penalty": "{points} (penalty; floor {floor})",
        "category.bonus": "{points} (bonus; cap {cap})",
        # The brief: strengths, gaps, recommendations.
        "brief.strengths": "Strengths",
        "brief.strengths_intro": "Indicators at their maximum.",
        "brief.no_strengths": "No indicator is at its maximum.",
        "brief.gaps": "Gaps",
        "brief.gaps_intro": "Indicators below their maximum.",
        "brief.no_gaps": "No answered indicator is below its maximum.",
        "points.n": {"one": "{n} point", "other": "{n} points"},
        "points.of": {"one": "{n} of {max} indicator point", "other": "{n} of {max} indicator points"},
        "brief.recommendations": "Recommendations",
        "brief.recommendations_intro": (
            "The rubric's recommendation for each indicator below its maximum, those that would add the most to the "
            "total first. Each figure is the real change in the total if that answer alone reached its best, after "
            "the penalty floor, the bonus cap and the clip at 0."
        ),
        "brief.no_recommendations": "None: no indicator with a recommendation is below its maximum.",
        "recommendation.gain": {"one": "+{n} point to the total", "other": "+{n} points to the total"},
        "recommendation.no_gain": "on its own, this would not change the total",
        # The brief: how the total is built, and what it would take to reach the next band.
        "brief.total_how.points": (
            "How the total is built: the points of each standard category times its weight, added up, plus "
            "penalty and bonus points (a penalty no lower than its floor, a bonus no higher than its cap); a "
            "total never falls below 0. The maximum is {max} points."
        ),
        "brief.total_how.weighted-mean": (
            "How the total is built: the weighted mean of the standard categories' scores (weights in the "
            "table), plus penalty and bonus points as a share of the {max}-point maximum (a penalty no lower than "
            "its floor, a bonus no higher than its cap), never below 0%. The total in points is that percentage "
            "of {max}, so it need not equal the sum of the category points."
        ),
        "brief.next_band": "What it would take",
        "next.path": {
            "one": "The smallest change that would lift {name} into the band “{band}”: {n} answer, which would take "
            "the total to {percent}.",
            "other": "The smallest set of changes that would lift {name} into the band “{band}”: {n} answers, "
            "which would take the total to {percent}.",
        },
        "next.step": "{question} From “{answer}” to “{best}”.",
        "next.top": "{name} is already in the top band.",
        "next.none": (
            "No set of changes to the answered indicators reaches the band “{band}”; unknown and missing "
            "answers are not counted as changes."
        ),
        # The brief: change since the previous edition.
        "brief.change": "Change since {year}",
        "brief.trend": "Trend across editions",
        "rank.title": "{title} — {year} (rubric {id} {version}, {n} countries, {ranked} ranked)",
        "rank.unranked": (
            "Not ranked: fewer than {percent} of their applicable standard indicators are answered (the rubric's "
            "min_coverage), or nothing in the rubric applies. Their scores rest on too little evidence to rank."
        ),
        "rank.range_note": "Range: the score with every unknown or missing answer at its lowest and at its highest.",
        "col.range": "Range",
        "draft": "DRAFT: the {year} edition is not published; its scores may still change.",
        "col.rank": "Rank",
        "col.interval": "5–95%",
        "col.country": "Country",
        "col.iso3": "ISO3",
        "col.score_percent": "Score %",
        "trend.intro": "Score in each edition, oldest first:",
        "col.edition": "Edition",
        "change.rubric": (
            "The {year} edition was scored with rubric {id} version {version}, so the totals are not fully comparable."
        ),
        "col.change": "Change",
        "change.percent_points": {"one": "{n} percentage point", "other": "{n} percentage points"},
        "rank.up": {"one": "up {n} place", "other": "up {n} places"},
        "rank.down": {"one": "down {n} place", "other": "down {n} places"},
        "rank.same": "no change",
        "change.answers": "Answers that changed since {year}:",
        "change.no_answers": "No answer changed.",
        "change.knowledge": (
            "What became known, or stopped being known, since {year}: research, not a change in law or practice, "
            "so no points are shown as gains or losses."
        ),
        "col.indicator": "Indicator",
        # The brief: unanswered indicators and sources.
        "brief.unanswered": "Unknown and missing answers",
        "brief.unanswered_intro": (
            "These indicators have no answer in the data. Unknown and missing answers score 0 and lower the "
            "coverage: they are gaps in what we know, not findings about the law or its practice. An indicator "
            "that does not apply is left out of the maximum."
        ),
        "brief.no_unanswered": "Every indicator has an answer.",
        "brief.untranslated_notes": {
            "one": "{n} note in this brief has no translation yet and is shown in English.",
            "other": "{n} notes in this brief have no translation yet and are shown in English.",
        },
        "col.answer": "Answer",
        "col.note": "Note",
        "brief.sources": "Sources",
        "brief.responses": "Response from the government",
        "response.accepted": "Accepted",
        "response.rejected": "Not accepted",
        "response.pending": "Decision pending",
        "source.accessed": "date not known; read {date}",
        "brief.no_sources": "No source is cited.",
        "brief.footer": (
            "Generated by atdscore from the {year} data and rubric {id} {version}. The scores are this project's "
            "reading of public sources, not an official index."
        ),
        # The methodology.
        "method.subtitle": "Methodology and questionnaire of rubric {id}, version {version}.",
        "method.scoring": "How scores add up",
        "method.aggregation.points": {
            "one": (
                "A country's total is the sum of its standard categories' points, each multiplied by the category's "
                "weight, plus penalty and bonus points. The maximum is {max} point; a total never falls below 0, and "
                "only a bonus can take it above 100%."
            ),
            "other": (
                "A country's total is the sum of its standard categories' points, each multiplied by the category's "
                "weight, plus penalty and bonus points. The maximum is {max} points; a total never falls below 0, and "
                "only a bonus can take it above 100%."
            ),
        },
        "method.aggregation.weighted-mean": (
            "A country's total is the weighted mean of its standard categories' percentages. Penalty and bonus "
            "points are added as a share of the {max} points the standard categories are worth together. A total "
            "never falls below 0%, and only a bonus can take it above 100%."
        ),
        "method.indicators": (
            "A category's points are the sum of its indicators' points: a choice scores the chosen answer, a "
            "checklist the items that apply, a number the band it falls in, and an expert score its own value."
        ),
        "method.unknown": (
            "An unknown or missing answer scores 0 and lowers the country's coverage (the share of its applicable "
            "standard-category indicators that are answered); an indicator that does not apply is left out of the "
            "maximum. Each country's range is its score with every unknown or missing answer at its lowest-scoring "
            "answer and at its highest."
        ),
        "method.rank": (
            "Countries are ranked by their total percentage, highest first; equal totals share a rank."
        ),
        "method.min_coverage": (
            "A country with less than {min_coverage} of its applicable standard-category indicators answered (the "
            "rubric's min_coverage) is listed after the ranked countries, without a rank."
        ),
        "col.kind": "Kind",
        "col.weight": "Weight",
        "col.total": "Total",
        "col.band": "Band",
        "col.item": "Item",
        "col.answer_in": "Answer ({unit})",
        "kind.standard": "Standard",
        "kind.penalty": "Penalty",
        "kind.bonus": "Bonus",
        "category.up_to": "up to {n}",
        "category.down_to": "0 to {n}",
        "method.bands": "Score bands",
        "method.bands_intro": "Each total is described in words by the band it falls in.",
        "band.range": "{min} to under {below}",
        "band.from": "{min} or more",
        "method.category.standard": {
            "one": "Standard category, weight {weight}, worth up to {max} point.",
            "other": "Standard category, weight {weight}, worth up to {max} points.",
        },
        "method.category.penalty": "Penalty: its points (0 or below) are added to the total, and together count for no less than {floor}.",
        "method.category.bonus": "Bonus: its points are added to the total, and together count for no more than {cap}.",
        "type.choice": "One answer from a list",
        "type.checklist": "Checklist: every item that applies",
        "type.number": "A number, in {unit}",
        "type.score": "Expert score from {min} to {max}",
        "method.score": "The expert gives a whole number from {min} to {max}, which is also the points it scores.",
        "method.checklist": "The points of the items that apply add up; when none applies the indicator scores 0.",
        "number.any": "any answer",
        "number.exactly": "{n} {unit}",
        "number.up_to": "up to {n} {unit}",
        "number.range": "more than {low} and up to {high} {unit}",
        "number.above": "more than {n} {unit}, or no limit",
        "method.reliability": "Reliability of the coding",
        "method.reliability_intro": (
            "Two coders answered the {year} edition independently. A unit is an indicator of a country that both "
            "answered with a value; agreement is the share of units with the same answer."
        ),
        "method.reliability_levels": (
            "Krippendorff's alpha is ordinal per indicator, over the points each answer scores, and interval "
            "overall, over points scaled from 0 to 1 by each indicator's lowest and highest points: 1 is perfect "
            "agreement, 0 no more than chance; – where every answer had the same points and alpha is undefined."
        ),
        "method.reliability_disagreements": {
            "one": "{n} unit had different answers.",
            "other": "{n} units had different answers.",
        },
        "method.reliability_coverage": {
            "one": "{n} indicator was answered with a value by one coder only.",
            "other": "{n} indicators were answered with a value by one coder only.",
        },
        "col.alpha": "Alpha",
        "col.agreement": "Agreement",
        "col.units": "Units",
        "label.overall": "Overall",
        "method.footer": (
            "Generated by atdscore from rubric {id} {version}: the rubric that scores the countries is the one "
            "described here."
        ),
    },
    "es": {
        "answer.missing": "Sin respuesta",
        "answer.unknown": "Desconocida",
        "answer.not-applicable": "No aplicable",
        "answer.none": "Ninguno",
        "answer.no-limit": "sin límite",
        "answer.score": "{n} de {max}",
        "brief.title": "{name}: ficha de país {year}",
        "brief.headline": {
            "one": "{name} obtiene el {percent} de la puntuación máxima: puesto {rank} país en la edición {year}.",
            "other": "{name} obtiene el {percent} de la puntuación máxima: puesto {rank} países en la edición {year}.",
        },
        "brief.headline_unscored": (
            "{name} no tiene puntuación en la edición {year}: ningún indicador de la rúbrica es aplicable."
        ),
        "label.score": "Puntuación",
        "label.band": "Nivel",
        "label.rank": "Posición",
        "label.coverage": "Cobertura",
        "label.rubric": "Rúbrica",
        "label.recommendation": "Recomendación",
        "label.standards": "Normas internacionales",
        "score.total": {"one": "{points} de {max} punto ({percent})", "other": "{points} de {max} puntos ({percent})"},
        "rank.of": "{rank} de {of}",
        "rank.none": "sin posición",
        "coverage.value": {
            "one": "{percent} ({answered} de {applicable} indicador con respuesta)",
            "other": "{percent} ({answered} de {applicable} indicadores con respuesta)",
        },
        "rubric.value": "{title}, {id} versión {version}",
        "brief.categories": "Puntuación por categoría",
        "col.category": "Categoría",
        "col.points": "Puntos",
        "col.score": "Puntuación",
        "category.of": "{points} de {max}",
        "category.penalty": "{points} (penalización; mínimo {floor})",
        "category.bonus": "{points} (bonificación; máximo {cap})",
        "brief.strengths": "Fortalezas",
        "brief.strengths_intro": "Indicadores con la puntuación máxima.",
        "brief.no_strengths": "Ningún indicador alcanza la puntuación máxima.",
        "brief.gaps": "Carencias",
        "brief.gaps_intro": "Indicadores por debajo de la puntuación máxima.",
        "brief.no_gaps": "Ningún indicador con respuesta está por debajo de la puntuación máxima.",
        "points.n": {"one": "{n} punto", "other": "{n} puntos"},
        "points.of": {"one": "{n} de {max} punto del indicador", "other": "{n} de {max} puntos del indicador"},
        "brief.recommendations": "Recomendaciones",
        "brief.recommendations_intro": (
            "La recomendación de la rúbrica para cada indicador por debajo de la puntuación máxima, empezando por "
            "las que más aportarían al total. Cada cifra es el cambio real del total si solo esa respuesta "
            "alcanzara su mejor valor, tras aplicar el mínimo de la penalización, el máximo de la bonificación y "
            "el límite de 0."
        ),
        "brief.no_recommendations": (
            "Ninguna: ningún indicador con recomendación está por debajo de la puntuación máxima."
        ),
        "recommendation.gain": {"one": "+{n} punto al total", "other": "+{n} puntos al total"},
        "recommendation.no_gain": "por sí sola, no cambiaría el total",
        "brief.total_how.points": (
            "Cómo se calcula el total: los puntos de cada categoría estándar multiplicados por su peso y sumados, "
            "más los puntos de penalización y de bonificación (una penalización no baja de su mínimo ni una "
            "bonificación supera su máximo); el total nunca baja de 0. El máximo es de {max} puntos."
        ),
        "brief.total_how.weighted-mean": (
            "Cómo se calcula el total: la media ponderada de las puntuaciones de las categorías estándar (pesos en "
            "la tabla), más los puntos de penalización y de bonificación como proporción del máximo de {max} "
            "puntos (una penalización no baja de su mínimo ni una bonificación supera su máximo), nunca por debajo "
            "del 0 %. El total en puntos es ese porcentaje de {max}, por lo que no tiene por qué ser la suma de "
            "los puntos de las categorías."
        ),
        "brief.next_band": "Qué haría falta",
        "next.path": {
            "one": "El cambio más pequeño que llevaría a {name} al nivel «{band}»: {n} respuesta, con la que el "
            "total llegaría al {percent}.",
            "other": "El conjunto de cambios más pequeño que llevaría a {name} al nivel «{band}»: {n} respuestas, "
            "con las que el total llegaría al {percent}.",
        },
        "next.step": "{question} De «{answer}» a «{best}».",
        "next.top": "{name} ya está en el nivel más alto.",
        "next.none": (
            "Ningún conjunto de cambios en los indicadores con respuesta alcanza el nivel «{band}»; las respuestas "
            "desconocidas o ausentes no cuentan como cambios."
        ),
        "brief.change": "Cambios desde {year}",
        "brief.trend": "Evolución entre ediciones",
        "rank.title": "{title} — {year} (rúbrica {id} {version}, {n} países, {ranked} con posición)",
        "rank.unranked": (
            "Sin posición: tienen respondidos menos del {percent} de sus indicadores estándar aplicables (el "
            "min_coverage de la rúbrica), o nada de la rúbrica se les aplica. Su puntuación se basa en muy poca "
            "evidencia para clasificarlos."
        ),
        "rank.range_note": (
            "Rango: la puntuación con cada respuesta desconocida o ausente en su valor más bajo y en el más alto."
        ),
        "col.range": "Rango",
        "draft": "BORRADOR: la edición {year} no está publicada; sus puntuaciones aún pueden cambiar.",
        "col.rank": "Posición",
        "col.interval": "5–95 %",
        "col.country": "País",
        "col.iso3": "ISO3",
        "col.score_percent": "Puntuación %",
        "trend.intro": "Puntuación en cada edición, de la más antigua a la más reciente:",
        "col.edition": "Edición",
        "change.rubric": (
            "La edición {year} se puntuó con la rúbrica {id}, versión {version}, por lo que los totales no son "
            "del todo comparables."
        ),
        "col.change": "Cambio",
        "change.percent_points": {"one": "{n} punto porcentual", "other": "{n} puntos porcentuales"},
        "rank.up": {"one": "sube {n} puesto", "other": "sube {n} puestos"},
        "rank.down": {"one": "baja {n} puesto", "other": "baja {n} puestos"},
        "rank.same": "sin cambios",
        "change.answers": "Respuestas que cambiaron desde {year}:",
        "change.no_answers": "Ninguna respuesta cambió.",
        "change.knowledge": (
            "Lo que se supo, o dejó de saberse, desde {year}: es investigación, no un cambio en la ley ni en la "
            "práctica, por lo que no se muestran puntos ganados ni perdidos."
        ),
        "col.indicator": "Indicador",
        "brief.unanswered": "Respuestas desconocidas o ausentes",
        "brief.unanswered_intro": (
            "Estos indicadores no tienen respuesta en los datos. Las respuestas desconocidas o ausentes puntúan 0 y "
            "reducen la cobertura: son vacíos en lo que sabemos, no conclusiones sobre la ley o su aplicación. Un "
            "indicador que no es aplicable queda fuera del máximo."
        ),
        "brief.no_unanswered": "Todos los indicadores tienen respuesta.",
        "brief.untranslated_notes": {
            "one": "{n} nota de esta ficha aún no está traducida y se muestra en inglés.",
            "other": "{n} notas de esta ficha aún no están traducidas y se muestran en inglés.",
        },
        "col.answer": "Respuesta",
        "col.note": "Nota",
        "brief.sources": "Fuentes",
        "brief.responses": "Respuesta del gobierno",
        "response.accepted": "Aceptada",
        "response.rejected": "No aceptada",
        "response.pending": "Decisión pendiente",
        "source.accessed": "fecha desconocida; consultada el {date}",
        "brief.no_sources": "No se cita ninguna fuente.",
        "brief.footer": (
            "Generado por atdscore a partir de los datos de {year} y de la rúbrica {id} {version}. Las puntuaciones "
            "son la lectura que hace este proyecto de fuentes públicas, no un índice oficial."
        ),
        "method.subtitle": "Metodología y cuestionario de la rúbrica {id}, versión {version}.",
        "method.scoring": "Cómo se calcula la puntuación",
        "method.aggregation.points": {
            "one": (
                "El total de un país es la suma de los puntos de sus categorías estándar, multiplicados por el peso "
                "de cada categoría, más los puntos de penalización y de bonificación. El máximo es de {max} "
                "punto; el total nunca baja de 0 y solo una bonificación puede llevarlo por encima del 100 %."
            ),
            "other": (
                "El total de un país es la suma de los puntos de sus categorías estándar, multiplicados por el peso "
                "de cada categoría, más los puntos de penalización y de bonificación. El máximo es de {max} "
                "puntos; el total nunca baja de 0 y solo una bonificación puede llevarlo por encima del 100 %."
            ),
        },
        "method.aggregation.weighted-mean": (
            "El total de un país es la media ponderada de los porcentajes de sus categorías estándar. Los puntos de "
            "penalización y de bonificación se suman como proporción de los {max} puntos que valen en conjunto las "
            "categorías estándar. El total nunca baja del 0 % y solo una bonificación puede llevarlo por encima "
            "del 100 %."
        ),
        "method.indicators": (
            "Los puntos de una categoría son la suma de los de sus indicadores: una pregunta de opción puntúa la "
            "respuesta elegida; una lista de verificación, los elementos que correspondan; un número, el tramo en "
            "que se sitúa; y una puntuación experta, su propio valor."
        ),
        "method.unknown": (
            "Una respuesta desconocida o ausente puntúa 0 y reduce la cobertura del país (la proporción de sus "
            "indicadores aplicables de categorías estándar que están respondidos); un indicador que no es aplicable "
            "queda fuera del máximo. El rango de cada país es su puntuación con cada respuesta desconocida o ausente "
            "en su respuesta de menor puntuación y en la de mayor."
        ),
        "method.rank": (
            "Los países se ordenan por su porcentaje total, de mayor a menor; los totales iguales comparten posición."
        ),
        "method.min_coverage": (
            "Un país con menos del {min_coverage} de sus indicadores aplicables de categorías estándar respondidos "
            "(el min_coverage de la rúbrica) figura después de los países clasificados, sin posición."
        ),
        "col.kind": "Tipo",
        "col.weight": "Peso",
        "col.total": "Total",
        "col.band": "Nivel",
        "col.item": "Elemento",
        "col.answer_in": "Respuesta ({unit})",
        "kind.standard": "Estándar",
        "kind.penalty": "Penalización",
        "kind.bonus": "Bonificación",
        "category.up_to": "hasta {n}",
        "category.down_to": "de 0 a {n}",
        "method.bands": "Niveles de puntuación",
        "method.bands_intro": "Cada total se describe con palabras según el nivel en que se sitúa.",
        "band.range": "de {min} a menos de {below}",
        "band.from": "{min} o más",
        "method.category.standard": {
            "one": "Categoría estándar, con peso {weight}, que vale hasta {max} punto.",
            "other": "Categoría estándar, con peso {weight}, que vale hasta {max} puntos.",
        },
        "method.category.penalty": (
            "Penalización: sus puntos (0 o menos) se suman al total y en conjunto no cuentan menos de {floor}."
        ),
        "method.category.bonus": "Bonificación: sus puntos se suman al total y en conjunto no cuentan más de {cap}.",
        "type.choice": "Una respuesta de una lista",
        "type.checklist": "Lista de verificación: todos los elementos que correspondan",
        "type.number": "Un número, en {unit}",
        "type.score": "Puntuación experta de {min} a {max}",
        "method.score": "La persona experta asigna un número entero de {min} a {max}, que es también su puntuación.",
        "method.checklist": (
            "Se suman los puntos de los elementos que correspondan; si no corresponde ninguno, el indicador puntúa 0."
        ),
        "number.any": "cualquier respuesta",
        "number.exactly": "{n} {unit}",
        "number.up_to": "hasta {n} {unit}",
        "number.range": "más de {low} y hasta {high} {unit}",
        "number.above": "más de {n} {unit}, o sin límite",
        "method.reliability": "Fiabilidad de la codificación",
        "method.reliability_intro": (
            "Dos personas codificadoras respondieron la edición {year} de forma independiente. Una unidad es un "
            "indicador de un país que ambas respondieron con un valor; la concordancia es la proporción de "
            "unidades con la misma respuesta."
        ),
        "method.reliability_levels": (
            "El alfa de Krippendorff es ordinal por indicador, sobre los puntos de cada respuesta, y de intervalo "
            "en conjunto, sobre los puntos escalados de 0 a 1 entre el mínimo y el máximo de cada indicador: 1 es "
            "concordancia perfecta y 0 no más que el azar; – donde todas las respuestas tienen los mismos puntos y "
            "el alfa no está definido."
        ),
        "method.reliability_disagreements": {
            "one": "{n} unidad tuvo respuestas distintas.",
            "other": "{n} unidades tuvieron respuestas distintas.",
        },
        "method.reliability_coverage": {
            "one": "{n} indicador fue respondido con un valor por una sola persona codificadora.",
            "other": "{n} indicadores fueron respondidos con un valor por una sola persona codificadora.",
        },
        "col.alpha": "Alfa",
        "col.agreement": "Concordancia",
        "col.units": "Unidades",
        "label.overall": "En conjunto",
        "method.footer": (
            "Generado por atdscore a partir de la rúbrica {id} {version}: la rúbrica que puntúa a los países es la "
            "que aquí se describe."
        ),
    },
}


def lookup(key: str, lang: str, form: str | None = None) -> str:
    """The string `key` in `lang` (English where `lang` lacks it), in plural form `form` when it has forms.

    Raises KeyError for a key that no language has: a typo in a template, reported at its line.
    """
    english = STRINGS[DEFAULT_LANGUAGE]
    if key not in english:
        raise KeyError(f"no string '{key}' in atdscore/strings.py")
    entry = STRINGS.get(lang, {}).get(key, english[key])
    if isinstance(entry, str):
        return entry
    if form is None:
        raise TypeError(f"string '{key}' has plural forms: pass the number it counts as t('{key}', count=...)")
    # CLDR forms such as 'many' fall back to 'other'; a language's forms fall back to English ones.
    fallback = english[key]
    return entry.get(form) or entry.get("other") or (fallback if isinstance(fallback, str) else fallback["other"])
