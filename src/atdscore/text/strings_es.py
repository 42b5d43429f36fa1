"""Spanish fixed strings (neutral register, as in the default rubric's Spanish texts); see `strings.py`."""

from __future__ import annotations

# A text with {name} placeholders, or a map of CLDR plural forms (the type of every fixed string).
Entry = str | dict[str, str]

ES: dict[str, Entry] = {
    "answer.missing": "Sin respuesta",
    "answer.unknown": "Desconocida",
    "answer.not-applicable": "No aplicable",
    "answer.none": "Ninguno",
    "answer.no-limit": "sin límite",
    "answer.score": "{n} de {max}",
    "brief.title": "{name}: ficha de país {year}",
    "brief.headline": {
        "one": "{name} obtiene el {percent} de la puntuación máxima{range}: puesto {rank} de {of} país en la edición {year}{interval}.",
        "other": "{name} obtiene el {percent} de la puntuación máxima{range}: puesto {rank} de {of} países en la edición {year}{interval}.",
    },
    "brief.headline_range": " (del {low} al {high} con sus respuestas desconocidas o ausentes en su valor más bajo y en el más alto)",
    "brief.headline_interval": (
        " (entre los puestos {best} y {worst} en el 90 % de {runs} simulaciones que varían los pesos, la agregación y "
        "las respuestas desconocidas y omiten alguna categoría)"
    ),
    "brief.headline_interval_same": (
        " (el mismo puesto en al menos el 90 % de {runs} simulaciones que varían los pesos, la agregación y las "
        "respuestas desconocidas y omiten alguna categoría)"
    ),
    "brief.headline_unranked": {
        "one": (
            "{name} no tiene posición en la edición {year} por falta de evidencia: tiene respondidos {answered} de sus "
            "{applicable} indicadores estándar aplicables ({coverage}, por debajo del {min_coverage} que la rúbrica exige para "
            "clasificar) y {missing} es desconocido o falta; con las respuestas que faltan en su valor más bajo y en el "
            "más alto, su puntuación podría estar en cualquier punto entre el {low} y el {high} del máximo."
        ),
        "other": (
            "{name} no tiene posición en la edición {year} por falta de evidencia: tiene respondidos {answered} de sus "
            "{applicable} indicadores estándar aplicables ({coverage}, por debajo del {min_coverage} que la rúbrica exige para "
            "clasificar) y {missing} son desconocidos o faltan; con las respuestas que faltan en su valor más bajo y en "
            "el más alto, su puntuación podría estar en cualquier punto entre el {low} y el {high} del máximo."
        ),
    },
    "brief.headline_unscored": (
        "{name} no tiene puntuación en la edición {year}: ningún indicador de la rúbrica es aplicable."
    ),
    "label.score": "Puntuación",
    "label.band": "Nivel",
    "label.range": "Rango",
    "label.rank": "Posición",
    "label.coverage": "Cobertura",
    "label.rubric": "Rúbrica",
    "label.recommendation": "Recomendación",
    "label.standards": "Normas internacionales",
    "score.total": {"one": "{points} de {max} punto ({percent})", "other": "{points} de {max} puntos ({percent})"},
    "rank.of": "{rank} de {of}",
    "rank.none": "sin posición",
    "rank.none_coverage": "sin posición: cobertura por debajo del {min_coverage} que exige la rúbrica",
    "rank.interval": "{rank} de {of} (entre los puestos {best} y {worst} en el 90 % de {runs} simulaciones de sensibilidad)",
    "rank.interval_same": "{rank} de {of} (el mismo puesto en al menos el 90 % de {runs} simulaciones de sensibilidad)",
    "range.value": "del {low} al {high} (cada respuesta desconocida o ausente en su valor más bajo y en el más alto)",
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
    "rank.title": {
        "one": "{title} — {year} (rúbrica {id} {version}, {n} país, {ranked} con posición)",
        "other": "{title} — {year} (rúbrica {id} {version}, {n} países, {ranked} con posición)",
    },
    "rank.unranked_none_applies": (
        "Sin posición: nada de la rúbrica se aplica a estos países, por lo que no tienen puntuación que clasificar."
    ),
    "rank.none_ranked": "Ningún país tiene posición en esta edición.",
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
    "method.changes": "Cambios entre ediciones",
    "method.changes_text": (
        "El cambio de un país entre dos ediciones, en puntos porcentuales, se divide en tres partes que suman ese "
        "cambio, calculadas en este orden. Rúbrica: las respuestas anteriores puntuadas con la rúbrica nueva, menos la "
        "puntuación anterior (0 si la rúbrica no cambió). Conocimiento: después, las respuestas desconocidas o "
        "ausentes en un lado y respondidas en el otro toman su estado más reciente (las respuestas a preguntas que "
        "añadió la rúbrica nueva cuentan aquí, como ausentes en el lado anterior); esto es investigación, no un "
        "cambio en el país. Respuestas: el resto, las respuestas que pasaron de un valor a otro, cada una con el "
        "motivo registrado en el archivo del país (un cambio de ley o de práctica, una corrección, nueva evidencia, "
        "la metodología o el derecho de réplica)."
    ),
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
}
