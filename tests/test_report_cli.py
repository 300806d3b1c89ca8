"""`smsoat report …`: each report command writes a real PDF; bad input is one line, exit 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.instrument import Instrument
from app.db import action_plans, responses
from app.db.connection import open_database
from tests.helpers import make_round

MINI = str(Path(__file__).parent / "fixtures" / "mini.json")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture
def demo_db(db_path: Path, mini: Instrument) -> tuple[Path, int, int]:
    """A round of the mini instrument with two people and one priority, in a real data file."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = open_database(db_path)
    rnd, team = make_round(conn, mini, 2, agency="Zoë's Clinic <Main>")
    for person in team:
        for item in mini.items:
            responses.save_answer(conn, person.id, item.id, "3")
    action_plans.create_priority(conn, rnd.id, "domain", "1.2", goal="Teach-back in every visit")
    conn.close()
    return db_path, rnd.id, team[0].id


def test_every_report_command(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, round_id, person_id = demo_db
    base = ["--db", str(db), "report"]
    out_card = tmp_path / "card.pdf"
    code, out, err = run(capsys, *base, "scorecard", str(round_id), "-o", str(out_card))
    assert code == 0, err
    assert "Wrote" in out and "Zoë's Clinic <Main>" in text(out_card)
    assert "Person 1" not in text(out_card)
    code, _, err = run(
        capsys, *base, "scorecard", str(round_id), "-o", str(out_card), "--names", "--lang", "es"
    )
    assert code == 0, err
    assert "Person 1" in text(out_card) and "Puntuación global" in text(out_card)

    out_person = tmp_path / "person.pdf"
    code, _, err = run(
        capsys, *base, "respondent", str(round_id), str(person_id), "-o", str(out_person)
    )
    assert code == 0, err
    assert "Person 1" in text(out_person)

    out_plan = tmp_path / "plan.pdf"
    code, _, err = run(
        capsys, *base, "action-plan", str(round_id), "-o", str(out_plan), "--paper", "a4"
    )
    assert code == 0, err
    assert "Teach-back in every visit" in text(out_plan)
    box = PdfReader(str(out_plan)).pages[0].mediabox
    assert round(float(box.width)) == 595

    out_blank = tmp_path / "blank.pdf"
    code, _, err = run(capsys, *base, "blank", MINI, "-o", str(out_blank))
    assert code == 0, err
    assert "Prompt 2.2" in text(out_blank)
    assert not list(tmp_path.glob("*.part"))  # no temp files left behind


def test_bad_ids_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, round_id, _ = demo_db
    target = tmp_path / "x.pdf"
    for args in (
        ["scorecard", "999"],
        ["action-plan", "999"],
        ["respondent", str(round_id), "999"],
        ["blank", "no-such-instrument"],
    ):
        code, _, err = run(capsys, "--db", str(db), "report", *args, "-o", str(target))
        assert code == 2, args
        assert err.count("\n") == 1 and err.startswith("smsoat: "), err
    assert not target.exists()


def test_failed_write_keeps_the_old_file(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, round_id, _ = demo_db
    target = tmp_path / "card.pdf"
    target.write_bytes(b"old")
    code, _, err = run(capsys, "--db", str(db), "report", "scorecard", "999", "-o", str(target))
    assert code == 2 and target.read_bytes() == b"old"
    missing = tmp_path / "nope" / "card.pdf"
    code, _, err = run(
        capsys, "--db", str(db), "report", "scorecard", str(round_id), "-o", str(missing)
    )
    assert code == 2 and "does not exist" in err


def test_every_report_command_in_spanish_on_a4(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, round_id, person_id = demo_db
    commands = {
        "scorecard": (["scorecard", str(round_id)], "Informe de resultados"),
        "respondent": (["respondent", str(round_id), str(person_id)], "Copia personal"),
        "action-plan": (["action-plan", str(round_id)], "Plan de acción"),
        "blank": (["blank", "sms-oat-bh"], "Formulario en papel"),
    }
    for name, (args, title) in commands.items():
        target = tmp_path / f"{name}.pdf"
        code, _, err = run(
            capsys, "--db", str(db), "report", *args, "-o", str(target), "--lang", "es",
            "--paper", "a4",
        )  # fmt: skip
        assert code == 0, err
        content = text(target)
        assert title in content and "Página 1 de" in content, name
        box = PdfReader(str(target)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), name


def test_unknown_language_or_paper_is_refused(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int, int], tmp_path: Path
) -> None:
    db, round_id, _ = demo_db
    target = tmp_path / "x.pdf"
    for option in (["--lang", "fr"], ["--paper", "legal"]):
        with pytest.raises(SystemExit) as stop:
            main(
                ["--db", str(db), "report", "scorecard", str(round_id), "-o", str(target), *option]
            )
        assert stop.value.code == 2
        assert option[1] in capsys.readouterr().err
    assert not target.exists()
