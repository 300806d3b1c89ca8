"""The reports' own words, in every language a report can be printed in.

Instrument texts carry their own languages; these are the headings and captions around them.
A missing key in a language falls back to English, so adding a language only adds text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.models import ROLE_LABELS_EN, ROLE_LABELS_ES
from app.reports.outputs import LANGUAGES as LANGUAGES  # the one definition

if TYPE_CHECKING:
    from app.core.scoring import Comparison

_EN: dict[str, str] = {
    "scorecard_title": "Self-management support scorecard",
    "respondent_title": "Personal copy of answers",
    "action_plan_title": "Action plan",
    "blank_title": "Paper form",
    "agency": "Agency",
    "site": "Site",
    "whole_agency": "Whole agency",
    "round_site": "Round for",
    "sites_heading": "The agency's sites",
    "sites_note": "Each site's newest round in the period (sites are not counted in the state"
    " figures).",
    "sites_withheld": "Scores withheld: the group is too small.",
    "sites_period_end": "Period end",
    "sites_source": "Scores from",
    "sites_overall": "Overall",
    "sites_consensus": "consensus",
    "sites_team_mean": "team mean",
    "round": "Round",
    "instrument": "Instrument",
    "version": "version",
    "attribution": "Source",
    "not_official": "Not the official wording",
    "not_official_note": "This instrument file is not marked as the official wording of the tool; "
    "its items, scale or bands may differ from the official instrument.",
    "official_wording": "Official wording",
    "wording": "Wording",
    "terms": "Terms of use",
    "review_period": "Review period",
    "generated": "Generated",
    "respondents": "Respondents",
    "respondents_by_role": "Respondents by role",
    "scores_based_on": "Scores are based on",
    "source_consensus": "the team's agreed consensus answers",
    "source_team_mean": "the team mean of individual answers (consensus not complete)",
    "source_individual": "the mean of each person's own converted score (each person answers"
    " for themselves: no consensus meeting)",
    "individual_results": "Your result",
    "raw_total": "Raw total",
    "raw_total_value": "{total} (possible {lo}–{hi})",
    "converted_score": "Converted score",
    "converted_value": "{score} of 100",
    "individual_note": "Each person answers this survey for themselves. The raw total of your"
    " answers converts to a score from 0 to 100 through the instrument's table; there is no team"
    " consensus.",
    "individual_unscored": "No converted score yet: every item needs a scored answer (one don't"
    " know, not applicable or gap leaves the total unconverted).",
    "domain_total": "Total",
    "overall_score": "Overall score",
    "band": "Band",
    "meaning": "What it means",
    "no_score": "No score yet",
    "domain_chart": "Scores by domain",
    "chart_current": "This round",
    "chart_previous": "Previous round",
    "chart_range": "Team min–max",
    "domain_scores": "Domain scores",
    "domain": "Domain",
    "score": "Score",
    "team_range": "Team min–max",
    "previous": "Previous",
    "change": "Change",
    "section_total": "Section total",
    "item_table": "Item scores",
    "item": "Item",
    "prompt": "Item",
    "team_mean": "Team mean",
    "min_max": "Min–max",
    "consensus": "Consensus",
    "flags": "Flags",
    "flag_low": "LOW",
    "flag_split": "SPLIT",
    "flag_legend": "Flags: LOW = team mean in the lowest level; SPLIT = ratings differ widely;"
    " ? = someone answered “don't know”.",
    "items_to_discuss": "Items to discuss",
    "items_to_discuss_intro": "Items rated low by the team, items where ratings differ widely and"
    " items someone could not rate are where discussion is most useful.",
    "nothing_to_discuss": "No item is flagged.",
    "rationale": "Agreed rationale",
    "team_comments": "Team members' comments",
    "team_comments_by_role": "Comments are shown by role; names typed in them are replaced by the"
    " role. Roles held by one person are shown as Other roles.",
    "no_team_comments": "No team member wrote a comment.",
    "answers_given": "Answers",
    "role": "Role",
    "name": "Name",
    "answered": "Answered",
    "respondent_list": "Team members",
    "names_hidden": (
        "Names are not shown; team members are counted by role only. Roles held by one person"
        " are counted together under Other roles."
    ),
    "people": "People",
    "role_mean": "Mean score",
    "page_of": "Page {page} of {pages}",
    "app": "SMS OAT Studio {version}",
    "metric_mean": "mean, {lo}–{hi}",
    "metric_percent": "percent of maximum",
    "metric_sum": "total, {lo}–{hi}",
    "metric_score": "converted score, {lo}–{hi}",
    "respondent": "Team member",
    "answer": "Answer",
    "comment": "Comment",
    "unanswered": "not answered",
    "scores_by_domain": "Scores by domain",
    "summary": "Summary of priorities",
    "no_priorities": "No priorities have been recorded yet; the worksheet below can be filled in"
    " by hand.",
    "priority": "Priority",
    "focus": "Focus",
    "goal": "Goal",
    "owner": "Owner",
    "start": "Start",
    "due": "Due",
    "status": "Status",
    "implementation": "Implementation",
    "target_population": "Target population",
    "supports": "Supports and resources",
    "team_roles": "Care-team roles",
    "training": "Training needed",
    "measure": "How progress is measured",
    "measure_how": "How",
    "measure_who": "Who reports",
    "measure_frequency": "How often",
    "suggestions": "Improvement ideas from the instrument",
    "cycle": "PDSA cycle {n}",
    "blank_cycle": "PDSA cycle (blank, to fill in by hand)",
    "cycle_in_round": "PDSA cycle {n} (round {round}; recorded there, not changed here)",
    "priority_history": "History of this priority",
    "first_raised": "First raised in round {round}; carried into {n} later round(s).",
    "chain_cycles": "Cycles {first}–{last}; last decision: {act}.",
    "no_decision": "none yet",
    "carried_from": "carried from round {round}",
    "carried_on": "carried on to round {round}",
    "priorities_section": "Priorities of this round",
    "priority_col": "Priority",
    "history_col": "History",
    "plan": "Plan",
    "do": "Do: what happened, observations, problems",
    "study": "Study: what was learned against the prediction",
    "act": "Act: adopt, adapt or abandon; next cycle",
    "plan_what": "What is tested",
    "plan_who": "With whom",
    "plan_when": "When",
    "plan_where": "Where",
    "plan_prediction": "Prediction",
    "plan_data": "Data to collect",
    "plan_collector": "Who collects it",
    "act_adopt": "Adopt",
    "act_adapt": "Adapt",
    "act_abandon": "Abandon",
    "status_planned": "Planned",
    "status_in_progress": "In progress",
    "status_done": "Done",
    "status_dropped": "Dropped",
    "scope_item": "Item",
    "scope_domain": "Domain",
    "blank_instructions": "Think of the care given over the last {months} months. Tick one box per"
    " item; there is no right or wrong answer, give your best guess. Item numbers match the"
    " screen, so answers can be typed in later in paper mode.",
    "your_name": "Name or initials",
    "your_role": "Role",
    "date": "Date",
    "examples": "Examples",
    "choices": "Your answer",
    # the English role labels are defined once, in app.core.models
    **{f"role_{role}": label for role, label in ROLE_LABELS_EN.items()},
    "role_other_roles": "Other roles (held by one person each)",
    "provisional_band": "provisional ({band} so far)",
    "provisional_note": "Provisional: {answered} of {total} items answered. Scores and bands are"
    " final only once every item is answered.",
    "not_counted_one": "Not counted yet: 1 person ({details}).",
    "not_counted_many": "Not counted yet: {count} people ({details}).",
    "not_counted_person": "{name}, {answered} of {total} answered",
    "counted_rule_finished": "Team statistics count the people who finished (answered every item).",
    "counted_rule_share": "Team statistics count the people who answered at least {share} of the"
    " items.",
    "counted_people": "Counted in team statistics",
    "not_counted_short": "not counted yet",
    "compare_consensus": "The change compares the consensus of both rounds.",
    "compare_team_mean": "The change compares the team mean of both rounds.",
    "compare_team_mean_previous": "The change compares the team mean of both rounds: the previous"
    " round has no complete consensus, so its consensus is not compared with this one's.",
    "compare_team_mean_current": "The change compares the team mean of both rounds: this round's"
    " consensus is not complete, so the previous round's consensus is not compared with it.",
    "compare_metric_changed": "No change is computed: the previous round's bands are in"
    " {previous} and this round's in {current}.",
    "metric_name_mean": "mean ratings",
    "metric_name_percent": "percent of maximum",
    "band_table": "What the bands mean",
    "band_table_section": "Bands of section {section}",
    "band_range": "Range",
    "band_meaning": "Meaning",
    "band_this_score": "This score",
    "band_range_open": "{lo} to under {hi}",
    "band_range_closed": "{lo} to {hi}",
    "band_table_state": "What the bands mean (◄ the state median)",
}

_ES: dict[str, str] = {
    "scorecard_title": "Informe de resultados de apoyo al automanejo",
    "respondent_title": "Copia personal de respuestas",
    "action_plan_title": "Plan de acción",
    "blank_title": "Formulario en papel",
    "agency": "Organización",
    "site": "Sede",
    "whole_agency": "Toda la organización",
    "round_site": "Ronda de",
    "sites_heading": "Sedes de la organización",
    "sites_note": "La ronda más reciente de cada sede en el período (las sedes no cuentan en las"
    " cifras estatales).",
    "sites_withheld": "Puntuaciones omitidas: el grupo es demasiado pequeño.",
    "sites_period_end": "Fin del período",
    "sites_source": "Puntuaciones de",
    "sites_overall": "Global",
    "sites_consensus": "consenso",
    "sites_team_mean": "media del equipo",
    "round": "Ronda",
    "instrument": "Instrumento",
    "version": "versión",
    "attribution": "Fuente",
    "not_official": "No es la redacción oficial",
    "not_official_note": "Este archivo de instrumento no está marcado como la redacción oficial de "
    "la herramienta; sus ítems, su escala o sus rangos pueden diferir del instrumento oficial.",
    "official_wording": "Redacción oficial",
    "wording": "Redacción",
    "terms": "Condiciones de uso",
    "review_period": "Período evaluado",
    "generated": "Generado",
    "respondents": "Participantes",
    "respondents_by_role": "Participantes por función",
    "scores_based_on": "Las puntuaciones se basan en",
    "source_consensus": "las respuestas de consenso acordadas por el equipo",
    "source_team_mean": "la media del equipo de las respuestas individuales (consenso incompleto)",
    "source_individual": "la media de la puntuación convertida propia de cada persona (cada persona"
    " responde por sí misma: sin reunión de consenso)",
    "individual_results": "Su resultado",
    "raw_total": "Total bruto",
    "raw_total_value": "{total} (posible {lo}–{hi})",
    "converted_score": "Puntuación convertida",
    "converted_value": "{score} de 100",
    "individual_note": "Cada persona responde esta encuesta por sí misma. El total bruto de sus"
    " respuestas se convierte en una puntuación de 0 a 100 con la tabla del instrumento; no hay"
    " consenso del equipo.",
    "individual_unscored": "Todavía no hay puntuación convertida: cada ítem necesita una respuesta"
    " puntuada (un «no sé», un «no corresponde» o un hueco deja el total sin convertir).",
    "domain_total": "Total",
    "overall_score": "Puntuación global",
    "band": "Nivel",
    "meaning": "Qué significa",
    "no_score": "Aún sin puntuación",
    "domain_chart": "Puntuaciones por dominio",
    "chart_current": "Esta ronda",
    "chart_previous": "Ronda anterior",
    "chart_range": "Mín–máx del equipo",
    "domain_scores": "Puntuaciones de los dominios",
    "domain": "Dominio",
    "score": "Puntuación",
    "team_range": "Mín–máx del equipo",
    "previous": "Anterior",
    "change": "Cambio",
    "section_total": "Total de la sección",
    "item_table": "Puntuaciones por ítem",
    "item": "Ítem",
    "prompt": "Ítem",
    "team_mean": "Media del equipo",
    "min_max": "Mín–máx",
    "consensus": "Consenso",
    "flags": "Señales",
    "flag_low": "BAJO",
    "flag_split": "DISPAR",
    "flag_legend": "Señales: BAJO = media del equipo en el nivel más bajo; DISPAR = las"
    " valoraciones difieren mucho; ? = alguien respondió «no sé».",
    "items_to_discuss": "Ítems para conversar",
    "items_to_discuss_intro": "Los ítems con valoración baja, los ítems con valoraciones muy"
    " distintas y los que alguien no pudo valorar son donde la conversación es más útil.",
    "nothing_to_discuss": "Ningún ítem tiene señales.",
    "rationale": "Justificación acordada",
    "team_comments": "Comentarios del equipo",
    "team_comments_by_role": "Los comentarios se muestran por función; los nombres escritos en"
    " ellos se reemplazan por la función. Las funciones que tiene una sola persona se muestran"
    " como Otras funciones.",
    "no_team_comments": "Ningún miembro del equipo escribió un comentario.",
    "answers_given": "Respuestas",
    "role": "Función",
    "name": "Nombre",
    "answered": "Respondidos",
    "respondent_list": "Miembros del equipo",
    "names_hidden": (
        "No se muestran los nombres; el equipo se cuenta solo por función. Las funciones que"
        " tiene una sola persona se cuentan juntas en Otras funciones."
    ),
    "people": "Personas",
    "role_mean": "Puntuación media",
    "page_of": "Página {page} de {pages}",
    "app": "SMS OAT Studio {version}",
    "metric_mean": "media, {lo}–{hi}",
    "metric_percent": "porcentaje del máximo",
    "metric_sum": "total, {lo}–{hi}",
    "metric_score": "puntuación convertida, {lo}–{hi}",
    "respondent": "Miembro del equipo",
    "answer": "Respuesta",
    "comment": "Comentario",
    "unanswered": "sin responder",
    "scores_by_domain": "Puntuaciones por dominio",
    "summary": "Resumen de prioridades",
    "no_priorities": "Aún no hay prioridades registradas; la hoja de trabajo siguiente puede"
    " llenarse a mano.",
    "priority": "Prioridad",
    "focus": "Enfoque",
    "goal": "Meta",
    "owner": "Responsable",
    "start": "Inicio",
    "due": "Fecha límite",
    "status": "Estado",
    "implementation": "Implementación",
    "target_population": "Población destinataria",
    "supports": "Apoyos y recursos",
    "team_roles": "Funciones del equipo de atención",
    "training": "Capacitación necesaria",
    "measure": "Cómo se mide el progreso",
    "measure_how": "Cómo",
    "measure_who": "Quién informa",
    "measure_frequency": "Con qué frecuencia",
    "suggestions": "Ideas de mejora del instrumento",
    "cycle": "Ciclo PDSA {n}",
    "blank_cycle": "Ciclo PDSA (en blanco, para llenar a mano)",
    "cycle_in_round": "Ciclo PDSA {n} (ronda {round}; registrado allí, no se cambia aquí)",
    "priority_history": "Historia de esta prioridad",
    "first_raised": (
        "Planteada por primera vez en la ronda {round}; trasladada a {n} ronda(s) posterior(es)."
    ),
    "chain_cycles": "Ciclos {first}–{last}; última decisión: {act}.",
    "no_decision": "ninguna todavía",
    "carried_from": "trasladada desde la ronda {round}",
    "carried_on": "trasladada a la ronda {round}",
    "priorities_section": "Prioridades de esta ronda",
    "priority_col": "Prioridad",
    "history_col": "Historia",
    "plan": "Planificar",
    "do": "Hacer: qué pasó, observaciones, problemas",
    "study": "Estudiar: qué se aprendió frente a la predicción",
    "act": "Actuar: adoptar, adaptar o abandonar; próximo ciclo",
    "plan_what": "Qué se prueba",
    "plan_who": "Con quién",
    "plan_when": "Cuándo",
    "plan_where": "Dónde",
    "plan_prediction": "Predicción",
    "plan_data": "Datos a recoger",
    "plan_collector": "Quién los recoge",
    "act_adopt": "Adoptar",
    "act_adapt": "Adaptar",
    "act_abandon": "Abandonar",
    "status_planned": "Planificada",
    "status_in_progress": "En curso",
    "status_done": "Terminada",
    "status_dropped": "Descartada",
    "scope_item": "Ítem",
    "scope_domain": "Dominio",
    "blank_instructions": "Piense en la atención de los últimos {months} meses. Marque una casilla"
    " por ítem; no hay respuestas correctas o incorrectas, responda lo mejor que pueda. Los números"
    " coinciden con la pantalla, para poder ingresar las respuestas después en modo papel.",
    "your_name": "Nombre o iniciales",
    "your_role": "Función",
    "date": "Fecha",
    "examples": "Ejemplos",
    "choices": "Su respuesta",
    **{f"role_{role}": label for role, label in ROLE_LABELS_ES.items()},
    "role_other_roles": "Otras funciones (de una sola persona cada una)",
    "provisional_band": "provisional ({band} por ahora)",
    "provisional_note": "Provisional: {answered} de {total} ítems respondidos. Las puntuaciones y"
    " los niveles son definitivos solo cuando se responden todos los ítems.",
    "not_counted_one": "Aún no contabilizada: 1 persona ({details}).",
    "not_counted_many": "Aún no contabilizadas: {count} personas ({details}).",
    "not_counted_person": "{name}, {answered} de {total} respondidos",
    "counted_rule_finished": "Las estadísticas del equipo cuentan a quienes terminaron"
    " (respondieron todos los ítems).",
    "counted_rule_share": "Las estadísticas del equipo cuentan a quienes respondieron al menos"
    " {share} de los ítems.",
    "counted_people": "Contabilizadas en las estadísticas del equipo",
    "not_counted_short": "aún no contabilizada",
    "compare_consensus": "El cambio compara el consenso de ambas rondas.",
    "compare_team_mean": "El cambio compara la media del equipo de ambas rondas.",
    "compare_team_mean_previous": "El cambio compara la media del equipo de ambas rondas: la ronda"
    " anterior no tiene consenso completo, así que su consenso no se compara con el de esta.",
    "compare_team_mean_current": "El cambio compara la media del equipo de ambas rondas: el"
    " consenso de esta ronda no está completo, así que no se compara con el de la anterior.",
    "compare_metric_changed": "No se calcula el cambio: los niveles de la ronda anterior están en"
    " {previous} y los de esta en {current}.",
    "metric_name_mean": "calificaciones medias",
    "metric_name_percent": "porcentaje del máximo",
    "band_table": "Qué significan los niveles",
    "band_table_section": "Niveles de la sección {section}",
    "band_range": "Rango",
    "band_meaning": "Significado",
    "band_this_score": "Esta puntuación",
    "band_range_open": "de {lo} a menos de {hi}",
    "band_range_closed": "de {lo} a {hi}",
    "band_table_state": "Qué significan los niveles (◄ la mediana estatal)",
}

_TABLES: dict[str, dict[str, str]] = {"en": _EN, "es": _ES}


def check_language(lang: str) -> str:
    """Reports in a language we have no words for would silently come out in English: refuse."""
    from app.core.errors import ValidationError

    if lang not in _TABLES:
        raise ValidationError(f"Reports can be printed in {', '.join(LANGUAGES)}, not '{lang}'.")
    return lang


def table(lang: str) -> dict[str, str]:
    """A copy of one language's words, for checks that every language has every key."""
    return dict(_TABLES[check_language(lang)])


def t(lang: str, key: str, **values: object) -> str:
    """The text for `key` in `lang` (English when missing), with `{name}` fields filled in."""
    text = _TABLES.get(lang, _EN).get(key) or _EN[key]
    return text.format(**values) if values else text


def role_label(lang: str, role: str) -> str:
    key = f"role_{role}"
    return t(lang, key) if key in _EN else role


def status_label(lang: str, status: str) -> str:
    key = f"status_{status}"
    return t(lang, key) if key in _EN else status


def comparison_note(lang: str, comparison: Comparison) -> str:
    """One sentence saying which basis a change between rounds compares, and why."""
    basis, previous_metric, current_metric = (
        comparison.basis,
        comparison.previous_metric,
        comparison.current_metric,
    )
    previous_basis = comparison.previous_official_basis
    current_basis = comparison.current_official_basis
    if previous_metric != current_metric:
        return t(
            lang,
            "compare_metric_changed",
            previous=t(lang, f"metric_name_{previous_metric}"),
            current=t(lang, f"metric_name_{current_metric}"),
        )
    if basis == "consensus":
        return t(lang, "compare_consensus")
    if previous_basis == "consensus" and current_basis != "consensus":
        return t(lang, "compare_team_mean_current")
    if current_basis == "consensus" and previous_basis != "consensus":
        return t(lang, "compare_team_mean_previous")
    return t(lang, "compare_team_mean")
