"""Who coded it, who checked it, and the right of reply (issue 18)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def _publish(project: Path) -> None:
    mys = project / "countries" / "2023" / "MYS.yaml"
    mys.write_text(mys.read_text() + "  limits.expert: {status: unknown}\n  extra.pledge: {status: unknown}\n")
    assert run_cli("publish", "2023", "-C", str(project), "--date", "2024-05-01").exit_code == 0


def _edit(project: Path, code: str, old: str, new: str) -> None:
    path = project / "countries" / "2023" / f"{code}.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_self_review_fails_a_published_edition_and_unreviewed_answers_warn(project: Path) -> None:
    _publish(project)
    _edit(project, "MEX", "rubric: test\n", "rubric: test\ncoded_by: ana\nreviewed_by: ben\n")
    _edit(project, "MEX", "law.ban: {value: full,", "law.ban: {reviewed_by: Ana, value: full,")
    _edit(project, "BEL", "rubric: test\n", "rubric: test\ncoded_by: carla\n")
    result = run_cli("check", str(project), "--strict")
    assert result.exit_code == 1
    lines = [
        line.split("countries/2023/", 1)[1] for line in result.stdout.splitlines() if "E423" in line or "W424" in line
    ]
    assert lines == [
        "BEL.yaml:6:3: warning[W424]: 7 answers have no reviewer (the first is here); "
        "name one with 'reviewed_by' on the file or on the answer",
        "MEX.yaml:12:26: error[E423]: the answer to law.ban was reviewed by its own coder (ana); "
        "a second person checks each answer of a published edition",
    ]
    # Without --strict, and in a draft, the trail is not enforced.
    assert run_cli("check", str(project)).exit_code == 0


def test_a_response_is_shown_in_both_languages_with_its_decision(project: Path) -> None:
    _edit(
        project,
        "MEX",
        "answers:\n",
        """responses:
  - from: Secretaría de Gobernación
    date: 2024-03-02
    summary: {en: The ministry says the 2020 reform is applied in every state., es: La secretaría afirma que la reforma de 2020 se aplica en todos los estados.}
    decision: rejected
    reason: {en: Monitoring reports from 2023 show children held in immigration stations., es: Informes de monitoreo de 2023 muestran niños retenidos en estaciones migratorias.}
answers:
""",
    )
    en = run_cli("brief", "MEX", "-C", str(project))
    assert en.exit_code == 0, en.stderr
    assert "## Response from the government" in en.stdout
    assert "- **Secretaría de Gobernación** (2 March 2024): The ministry says the 2020 reform" in en.stdout
    assert "**Not accepted.** Monitoring reports from 2023 show children held" in en.stdout
    es = run_cli("brief", "MEX", "-C", str(project), "--lang", "es")
    assert "## Respuesta del gobierno" in es.stdout and "**No aceptada.** Informes de monitoreo" in es.stdout


def test_a_pending_response_warns_in_a_published_edition_and_a_decision_needs_a_reason(project: Path) -> None:
    _publish(project)
    _edit(
        project,
        "THA",
        "answers:\n",
        "responses:\n  - {from: Ministry of Interior, date: 2024-02, summary: Not yet answered., decision: pending}\n"
        "answers:\n",
    )
    result = run_cli("check", str(project))
    assert result.exit_code == 0
    assert "warning[W425]: the response from Ministry of Interior of 2024-02 is still pending" in result.stdout
    _edit(project, "THA", "decision: pending}", "decision: accepted}")
    result = run_cli("check", str(project))
    assert result.exit_code == 1
    assert "a response that was accepted needs the 'reason' for the decision" in result.stdout
