"""What a new user trips over on a fresh clone: database URLs, revisions, make run, packaging."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

import pytest

from tenure.cli import main
from tenure.errors import ConfigurationError
from tenure.settings import async_database_url, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@db:5432/t", "postgresql+asyncpg://u:p@db:5432/t"),
        ("postgres://u@db/t", "postgresql+asyncpg://u@db/t"),
        ("postgresql+psycopg2://u@db/t", "postgresql+asyncpg://u@db/t"),
        ("postgresql+asyncpg://u@db/t", "postgresql+asyncpg://u@db/t"),
        ("sqlite:///./tenure.db", "sqlite+aiosqlite:///./tenure.db"),
        ("sqlite+aiosqlite:////tmp/x.db", "sqlite+aiosqlite:////tmp/x.db"),
    ],
    ids=["postgresql", "postgres", "psycopg2", "asyncpg", "sqlite-plain", "aiosqlite"],
)
def test_plain_database_urls_map_to_the_async_drivers(given: str, expected: str) -> None:
    assert async_database_url(given) == expected
    assert load_settings({"TENURE_DATABASE_URL": given}).database_url == expected


def test_an_unknown_scheme_says_what_to_write_without_the_password() -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings({"TENURE_DATABASE_URL": "mysql://root:hunter2@db/t"})
    assert "mysql://..." in caught.value.detail
    assert "postgresql+asyncpg://user:password@host:5432/dbname" in caught.value.detail
    assert "hunter2" not in caught.value.detail


def test_a_plain_sqlite_url_works_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TENURE_DATABASE_URL", f"sqlite:///{tmp_path / 'plain.db'}")
    assert main(["db", "upgrade"]) == 0
    assert "(head)" in capsys.readouterr().out


def test_downgrade_to_an_unknown_revision_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TENURE_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'rev.db'}")
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "downgrade", "BADREV"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("tenure: cannot migrate to 'BADREV'")
    assert "unexpected error" not in err and "0001_initial" in err


@pytest.mark.parametrize("command", [["ingest", "README.md"], ["db", "current"], ["keys", "list"]])
def test_an_unmigrated_sqlite_check_leaves_no_file_behind(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "never.db"
    monkeypatch.setenv("TENURE_DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    main(command)
    assert not database.exists()
    assert list(tmp_path.iterdir()) == []


def _make_run(**env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in {"TENURE_DATABASE_URL", "DB"}} | env
    done = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "run"], capture_output=True, text=True, env=environ, check=True
    )
    return done.stdout


def test_make_run_uses_tenure_database_url_from_the_environment() -> None:
    url = "postgresql+asyncpg://tenure@db.internal:5432/tenure"
    commands = [line for line in _make_run(TENURE_DATABASE_URL=url).splitlines() if "tenure " in line]
    assert len(commands) == 3
    assert all(line.startswith(f"TENURE_DATABASE_URL='{url}' ") for line in commands)


def test_make_run_defaults_to_sqlite() -> None:
    assert "TENURE_DATABASE_URL='sqlite+aiosqlite:///./tenure.db' .venv/bin/tenure serve" in _make_run()


def test_make_help_lists_the_targets() -> None:
    done = subprocess.run(["make", "-C", str(ROOT), "help"], capture_output=True, text=True, check=True)
    for target in ("run", "test", "lint", "format", "bench", "eval", "clean"):
        assert f"make {target}" in done.stdout


def test_pyproject_package_data_exists_and_license_is_an_spdx_string() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["license"] == "Apache-2.0"
    for package, patterns in project["tool"]["setuptools"]["package-data"].items():
        for pattern in patterns:
            assert list((ROOT / package).glob(pattern)), f"{package}/{pattern} matches no file"


def test_readme_says_how_to_get_the_tenure_command() -> None:
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    assert "source .venv/bin/activate" in setup
    assert "TENURE_DATABASE_URL=postgresql+asyncpg://" in setup
