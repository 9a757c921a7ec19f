"""`citylink console` as a person runs it: each session's first DM and shared file are answered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.slack.conftest import corpus_store  # noqa: F401 - the Slack tests' corpus

# An article of our own, pasted as one line.
ARTICLE = (
    "Kumamoto and Suwon renewed their sister-city agreement on Tuesday, ten years after the two "
    "cities first signed it. The mayor of Kumamoto, visiting Suwon with a delegation of twenty "
    "business leaders, said the two cities would open a joint trade office next spring and "
    "expand student exchanges between their universities."
)
OTHER = ARTICLE.replace("Kumamoto", "Kagoshima").replace("Suwon", "Changwon")


@pytest.fixture
def store(tmp_path, corpus_store) -> str:  # noqa: F811 - the fixture imported above
    shutil.copy(corpus_store, tmp_path / "citylink.db")
    return f"sqlite:///{tmp_path / 'citylink.db'}"


def console(store: str, *lines: str, cwd) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = store
    done = subprocess.run([sys.executable, "-m", "bot", "console"], input="\n".join(lines) + "\n",
                          env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_session_answers_its_first_dm(store, tmp_path):
    first = console(store, ARTICLE, cwd=tmp_path)
    assert "Learned from" in first and "(no answer)" not in first
    second = console(store, OTHER, cwd=tmp_path)  # a new session: new event ids
    assert "Learned from" in second and "(no answer)" not in second


def test_a_file_shared_in_the_console_is_read(store, tmp_path):
    article = tmp_path / "twinning.txt"
    article.write_text("Kagoshima and Changwon renew their ties\n\n" + OTHER, encoding="utf-8")
    said = console(store, f"file {article}", cwd=tmp_path)
    assert "Learned from" in said and "could not download" not in said


def test_forms_are_numbered_fields_that_show_errors_and_save(store, tmp_path):
    said = console(store, "/citylink Dunedin", "3", "4 19x4", "submit", "4 2001",
                   "7 The council minutes", "submit", "/citylink history Dunedin & Shanghai",
                   cwd=tmp_path)  # fmt: skip
    form = said.split("you> 3")[1]
    _, error, saved = said.split("you> submit")
    assert "[form] Correct a fact" in form and "4. Year: 1994" in form
    assert "! A year is four digits" in error
    assert "Saved for your team" in saved and "since 2001" in saved
    assert "year 1994 \u2192 2001" in said and "The council minutes" in said
