"""The command line as an office uses it: a real process, real files, exit codes 0, 2, 3."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery staple 7"


def run(*args: str, stdin: str = "", env_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, TSUNAGU_HOME=str(env_home), LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )


@pytest.fixture
def initialised(tmp_path, tsunagu_home):
    path = tmp_path / "office.tsunagu"
    r = run("store", "init", str(path), "--admin", "kimura", "--password-stdin", stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr
    return path, r.stdout


def test_init_prints_recovery_key_once_in_groups(initialised):
    path, out = initialised
    keys = re.findall(r"\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b", out)
    assert len(keys) == 1
    assert "safe" in out
    assert path.exists() and Path(f"{path}.keys").exists()
    assert keys[0] not in Path(f"{path}.keys").read_text()


def test_init_refuses_weak_password_and_existing_file(initialised, tsunagu_home, tmp_path):
    path, _ = initialised
    r = run("store", "init", str(tmp_path / "x.tsunagu"), "--admin", "a", "--password-stdin", stdin="short\n", env_home=tsunagu_home)
    assert r.returncode == 1 and "12 characters" in r.stderr
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = run("store", "init", str(path), "--admin", "a", "--password-stdin", stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 1 and "already exists" in r.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_verify_ok_wrong_password_and_corrupt(initialised, tsunagu_home):
    path, out = initialised
    r = run("store", "verify", str(path), "--user", "kimura", "--password-stdin", stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ok") and "cases=0" in r.stdout and "accounts=1" in r.stdout

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    keys = Path(f"{path}.keys").read_bytes()
    for user, pw in (("kimura", "wrong password entirely"), ("nobody", PASSWORD)):
        r = run("store", "verify", str(path), "--user", user, "--password-stdin", stdin=pw + "\n", env_home=tsunagu_home)
        assert r.returncode == 2
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert Path(f"{path}.keys").read_bytes() == keys
    assert not Path(f"{path}-wal").exists()

    recovery = re.search(r"(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}", out).group(0)
    r = run("store", "verify", str(path), "--recovery-key-stdin", stdin=recovery + "\n", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr

    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    r = run("store", "verify", str(path), "--user", "kimura", "--password-stdin", stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 3, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_verify_on_a_file_that_is_not_a_store(tmp_path, tsunagu_home):
    path = tmp_path / "notes.txt"
    path.write_text("just some text\n" * 100)
    r = run("store", "verify", str(path), "--user", "x", "--password-stdin", stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 3 and "not a Tsunagu store" in r.stderr
    r = run("store", "verify", str(tmp_path / "missing.tsunagu"), "--user", "x", "--password-stdin", stdin="x\n", env_home=tsunagu_home)
    assert r.returncode == 3


def test_demo_and_staff_commands(tmp_path, tsunagu_home):
    path = tmp_path / "demo.tsunagu"
    r = run("demo", str(path), "--cases", "30", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr
    m = re.search(r"user (\S+), password (.+)$", r.stdout.strip())
    user, pw = m.group(1), m.group(2)
    r = run("store", "verify", str(path), "--user", user, "--password-stdin", stdin=pw + "\n", env_home=tsunagu_home)
    assert r.returncode == 0 and "cases=30" in r.stdout
    r = run("audit", "check", str(path), "--user", user, "--password-stdin", stdin=pw + "\n", env_home=tsunagu_home)
    assert r.returncode == 0 and "intact" in r.stdout


def test_demo_cases_are_varied(tmp_path):
    from app.cases.demo import demo_rows

    rows = list(demo_rows(300))
    nationalities = {r[12] for r in rows}
    statuses = {r[3] for r in rows}
    ages = [r[9] for r in rows if r[9] is not None]
    assert len(nationalities) >= 8 and statuses == {"open", "referred", "closed"}
    assert min(ages) < 18 <= max(ages)
    assert len({r[2] for r in rows}) == 300  # case numbers unique


def test_backup_then_restore_to_a_new_file_and_verify_it(initialised, tsunagu_home, tmp_path):
    path, _ = initialised
    folder = tmp_path / "usb" / "backups"
    r = run("store", "backup", str(path), "--user", "kimura", "--password-stdin", "--to", str(folder), "--keep", "3",
            stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr
    assert "checked" in r.stdout
    [made] = [p for p in folder.iterdir() if p.suffix == ".tsunagu"]
    target = tmp_path / "restored.tsunagu"
    r = run("store", "restore", str(made), "--to", str(target), "--user", "kimura", "--password-stdin",
            stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 0, r.stderr
    r = run("store", "verify", str(target), "--user", "kimura", "--password-stdin", stdin=PASSWORD + "\n",
            env_home=tsunagu_home)
    assert r.returncode == 0 and r.stdout.startswith("ok"), r.stderr
    r = run("store", "restore", str(made), "--to", str(path), "--user", "kimura", "--password-stdin",
            stdin=PASSWORD + "\n", env_home=tsunagu_home)
    assert r.returncode == 1 and "already exists" in r.stderr  # the live store is never overwritten
