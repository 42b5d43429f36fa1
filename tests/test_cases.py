"""The bad-input corpus: each file in tests/cases/ is one mistake, with the exact report it must get.

Country cases are installed as countries/2023/MEX.yaml next to the fixture rubric; cases under
rubric/ replace the fixture rubric (rubrics/test.yaml) next to a valid country file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_PROJECT, TESTS, run_cli

CASES = TESTS / "cases"

EXPECTED: dict[str, list[str]] = {
    "alias-bomb.yaml": [
        "countries/2023/MEX.yaml:5:8: error[E105]: YAML aliases (*name) are not allowed; write the value out, or cite a shared source by its id from the 'sources:' map",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "bad-date.yaml": [
        "countries/2023/MEX.yaml:8:62: error[E207]: expected a date as YYYY-MM-DD, YYYY-MM or YYYY",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "bad-url.yaml": [
        "countries/2023/MEX.yaml:5:71: error[E207]: expected a web address starting with http:// or https://",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "boolean-value.yaml": [
        "countries/2023/MEX.yaml:9:30: error[E415]: the answer to practice.detained was read as true/false; put quotes around it, or use one of the rubric's ids",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "checklist-duplicate-item.yaml": [
        "countries/2023/MEX.yaml:6:23: error[E413]: item 'nhri' is listed twice for law.bodies",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "checklist-not-a-list.yaml": [
        "countries/2023/MEX.yaml:6:23: error[E411]: expected a list of item ids for law.bodies, got text; write [] when no item applies",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "checklist-unknown-item.yaml": [
        "countries/2023/MEX.yaml:6:30: error[E412]: unknown item 'unhrc' for law.bodies; did you mean 'unhcr'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "choice-given-a-list.yaml": [
        "countries/2023/MEX.yaml:5:20: error[E411]: expected one option id for law.ban, got a list; expected one of 'full', 'partial', 'none'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "country-mismatch.yaml": [
        "countries/2023/MEX.yaml:1:10: error[E402]: country 'BEL' does not match the file name 'MEX.yaml'; rename the file to 'BEL.yaml' or fix the code",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "country-not-iso.yaml": [
        "countries/2023/MEX.yaml:1:10: error[E401]: 'mex' is not an ISO 3166-1 alpha-3 country code; did you mean 'MEX'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "duplicate-key.yaml": [
        "countries/2023/MEX.yaml:12:3: error[E108]: duplicate key 'law.ban'; it is already set at line 5; keep one",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "empty.yaml": [
        "countries/2023/MEX.yaml:1:1: error[E104]: file is empty",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "missing-field.yaml": [
        "countries/2023/MEX.yaml:1:1: error[E201]: missing field 'rubric'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "not-a-mapping.yaml": [
        "countries/2023/MEX.yaml:1:1: error[E203]: expected a map of 'key: value' lines, got a list",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "not-utf8.yaml": [
        "countries/2023/MEX.yaml:5:51: error[E102]: file is not valid UTF-8 (byte 0xf3); save the file with UTF-8 encoding",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-below-minimum.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E414]: -1 is below the minimum 0 for limits.days",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-not-a-number.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E411]: expected a number for limits.days, got the text '36 hours'; write the number, or .inf for 'no limit'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "python-tag.yaml": [
        "countries/2023/MEX.yaml:3:9: error[E106]: YAML tag '!!python/object/apply:os.system' is not allowed; remove the tag; atdscore files hold plain values only",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "rubric/band-minima-not-increasing.yaml": [
        "rubrics/test.yaml:8:11: error[E304]: band minima must increase from one band to the next",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "rubric/band-without-max.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:43:13: error[E304]: every band but the last needs a 'max'",
    ],
    "rubric/bands-out-of-order.yaml": [
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:40:19: error[E304]: band maxima must increase from one band to the next",
    ],
    "rubric/bonus-negative-cap.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:71:10: error[E307]: a bonus cap must be 0 or above",
    ],
    "rubric/bonus-without-cap.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:68:5: error[E307]: a bonus category needs a 'cap' (its highest total, e.g. 15)",
    ],
    "rubric/cap-on-standard-category.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:16:10: error[E307]: only a bonus category has a cap",
    ],
    "rubric/duplicate-category.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:13:3: error[E302]: category id 'law' is used twice",
    ],
    "rubric/duplicate-checklist-item.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:30:11: error[E302]: item id 'nhri' is used twice",
    ],
    "rubric/duplicate-indicator.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:17:7: error[E302]: indicator id 'ban' is used twice in category 'law'",
    ],
    "rubric/duplicate-option.yaml": [
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:20:11: error[E302]: option id 'full' is used twice",
    ],
    "rubric/first-band-above-zero.yaml": [
        "rubrics/test.yaml:7:11: error[E304]: the first band must start at 0",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "rubric/floor-on-standard-category.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:16:12: error[E307]: only a penalty category has a floor",
    ],
    "rubric/id-mismatch.yaml": [
        "rubrics/test.yaml:2:5: error[E301]: rubric id 'testing' does not match the file name 'test.yaml'; name the file 'testing.yaml' or set 'id: test'",
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "rubric/last-band-with-max.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:45:13: error[E304]: the last band has no 'max': it takes every larger answer",
    ],
    "rubric/negative-band-points.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:44:31: error[E308]: points must be 0 or above",
    ],
    "rubric/negative-item-points.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:32:45: error[E308]: points must be 0 or above",
    ],
    "rubric/negative-score.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:48:14: error[E308]: points must be 0 or above",
    ],
    "rubric/negative-weight.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:15:13: error[E303]: a weight cannot be negative",
    ],
    "rubric/no-weighted-standard-category.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:13:3: error[E305]: a rubric needs at least one standard category with a weight above 0",
    ],
    "rubric/number-min-above-max.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:39:14: error[E309]: 'min' is larger than 'max'",
    ],
    "rubric/penalty-floor-above-zero.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:54:12: error[E307]: a penalty floor must be 0 or below",
    ],
    "rubric/penalty-without-floor.yaml": [
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:48:5: error[E307]: a penalty category needs a 'floor' (its lowest total, e.g. -15)",
    ],
    "rubric/positive-penalty.yaml": [
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:57:53: error[E308]: points must be 0 or below in a penalty category",
        "rubrics/test.yaml:63:53: error[E308]: points must be 0 or below in a penalty category",
    ],
    "rubric/score-min-not-below-max.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:48:14: error[E309]: 'min' must be smaller than 'max'",
    ],
    "rubric/text-without-english.yaml": [
        "rubrics/test.yaml:11:12: error[E207]: a text in several languages needs an 'en' entry",
    ],
    "rubric/unknown-standard.yaml": [
        "rubrics/test.yaml:8:12: warning[W310]: 24 of 27 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:16:21: error[E306]: unknown standard 'cdn'; list it under 'standards:' at the top of the rubric",
    ],
    "rubric/unknown-type.yaml": [
        "rubrics/test.yaml:24:15: error[E204]: unknown type 'checkbox'; expected one of 'choice', 'checklist', 'number', 'score'",
    ],
    "rubric/weight-on-penalty.yaml": [
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
        "rubrics/test.yaml:55:13: error[E307]: only standard categories have a weight; penalty and bonus points are added to the total as they are",
    ],
    "score-out-of-range.yaml": [
        "countries/2023/MEX.yaml:8:26: error[E414]: 7 is outside 0..4 for limits.expert",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "tab-indent.yaml": [
        "countries/2023/MEX.yaml:5:1: error[E101]: tab character in indentation; indent with spaces, not tabs",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unknown-field.yaml": [
        "countries/2023/MEX.yaml:4:1: error[E202]: unknown field 'answer'; did you mean 'answers'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unknown-indicator.yaml": [
        "countries/2023/MEX.yaml:4:1: warning[W408]: no answer for 1 indicator: law.ban; answer them, or write 'status: unknown' with a note",
        "countries/2023/MEX.yaml:5:3: error[E407]: unknown indicator 'law.bann' in rubric 'test'; did you mean 'law.ban'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "correction-future-date.yaml": [
        "countries/2023/MEX.yaml:5:47: error[E207]: 2999-01-10 is after today: a correction cannot be dated in the future",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "correction-previous-list.yaml": [
        "countries/2023/MEX.yaml:5:98: error[E411]: expected one option id for law.ban, got a list; expected one of 'full', 'partial', 'none'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "correction-unknown-previous.yaml": [
        "countries/2023/MEX.yaml:5:98: error[E412]: unknown option 'ful' for law.ban; did you mean 'full'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unknown-option.yaml": [
        "countries/2023/MEX.yaml:5:20: error[E412]: unknown option 'ful' for law.ban; did you mean 'full'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unknown-rubric.yaml": [
        "countries/2023/MEX.yaml:3:9: error[E404]: unknown rubric 'tset'; did you mean 'test'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unknown-source.yaml": [
        "countries/2023/MEX.yaml:7:37: error[E405]: unknown source 'gazette2021'; did you mean 'gazette-2021'?",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "unquoted-colon.yaml": [
        "countries/2023/MEX.yaml:7:21: error[E101]: YAML syntax error: mapping values are not allowed in this context; put quotes around text that contains ': '",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "value-and-status.yaml": [
        "countries/2023/MEX.yaml:8:18: error[E207]: an answer needs either a 'value' or a 'status' (unknown or not-applicable), not both",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "wrong-type.yaml": [
        "countries/2023/MEX.yaml:2:7: error[E207]: expected a year such as 2023",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "yaml-syntax.yaml": [
        "countries/2023/MEX.yaml:6:70: error[E101]: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 6)",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "year-mismatch.yaml": [
        "countries/2023/MEX.yaml:2:7: error[E403]: year 2022 does not match the folder '2023'; move the file to countries/2022/ or fix the year",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "evidence-in-the-future.yaml": [
        "countries/2023/MEX.yaml:7:62: error[E207]: 2999-02 is after today: a source cannot be dated in the future",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "evidence-undated.yaml": [
        "countries/2023/MEX.yaml:7:39: error[E207]: evidence needs a 'date' (when the source was published or last updated) or, when only that is unknown, an 'accessed' date (when you read it)",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-nan.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E411]: expected a number for limits.days, got .nan (not a number); write the number, or .inf for 'no limit'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-negative-infinity.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E414]: -.inf is not a limit for limits.days; write .inf for 'no limit'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-quoted.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E411]: expected a number for limits.days, got the text '30'; remove the quotes around it",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-yes.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E411]: expected a number for limits.days, got the text 'yes'; write the number, or .inf for 'no limit'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "rubric/weight-infinite.yaml": [
        "rubrics/test.yaml:15:13: error[E207]: expected a finite number, got .inf",
    ],
    "rubric/weight-nan.yaml": [
        "rubrics/test.yaml:15:13: error[E207]: expected a finite number, got .nan",
    ],
    "rubric/weight-too-many-digits.yaml": [
        "rubrics/test.yaml:15:13: error[E206]: weight 1234567890 has too many digits; numbers in a rubric have at most 8 digits before the decimal point and 4 after it",
    ],
    "url-capitals.yaml": [
        "countries/2023/MEX.yaml:7:73: error[E207]: write the start of the web address in lower case: http:// or https://",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "url-space.yaml": [
        "countries/2023/MEX.yaml:7:73: error[E207]: a web address cannot contain spaces; write a space inside it as %20",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "value-null.yaml": [
        "countries/2023/MEX.yaml:7:16: error[E207]: an answer needs a 'value' or a 'status' (unknown or not-applicable); its 'value' is empty",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "number-sexagesimal.yaml": [
        "countries/2023/MEX.yaml:7:24: error[E411]: expected a number for limits.days, got the text '1:30'; write the number, or .inf for 'no limit'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
    "option-no.yaml": [
        "countries/2023/MEX.yaml:9:30: error[E412]: unknown option 'no' for practice.detained; expected one of 'reported', 'not-reported'",
        "rubrics/test.yaml:11:12: warning[W310]: 24 of 29 texts have no 'es' version (the first is here); English is used for them; write texts as {en: ..., es: ...}",
    ],
}


def install(case: str, root: Path) -> None:
    shutil.copytree(FIXTURE_PROJECT / "rubrics", root / "rubrics")
    (root / "countries" / "2023").mkdir(parents=True)
    if case.startswith("rubric/"):
        shutil.copy(CASES / case, root / "rubrics" / "test.yaml")
        shutil.copy(FIXTURE_PROJECT / "countries" / "2023" / "MEX.yaml", root / "countries" / "2023" / "MEX.yaml")
    else:
        shutil.copy(CASES / case, root / "countries" / "2023" / "MEX.yaml")


def test_every_case_file_has_an_expectation() -> None:
    files = sorted(p.relative_to(CASES).as_posix() for p in CASES.rglob("*.yaml"))
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case_is_reported_exactly(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    *problems, _summary = result.stdout.rstrip("\n").split("\n")
    assert problems == EXPECTED[case]
    assert result.exit_code == 1
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_rank_refuses_invalid_data_without_a_traceback(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_cli("rank")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing was scored" in result.stderr
