"""A store of fictional cases for trying the program and feeding the benchmarks.

Every name here is invented. Nationalities, statuses of residence and ages are varied the way a
centre's caseload is (many Thai, Filipino, Vietnamese and Japanese cases; some children). Cases
are written in one transaction with their audit rows, so 100,000 take seconds, not hours.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from app.cases.model import format_number
from app.store import audit
from app.store.kdf import DEFAULT_KDF, KdfParams
from app.store.store import create_store
from app.text import fold

DEMO_USER = "demo"
DEMO_PASSWORD = "demo store only 2026"

# (nationality, languages, aliases, family names, likely statuses of residence)
PROFILES = [
    ("TH", ("th",), ["Nok", "Ploy", "Fon", "Dao", "Kaew", "Mali"], ["Srisuk", "Chaiyaphum", "Boonmee"], ["temporary_visitor", "no_status", "spouse_or_child_of_japanese_national", "unknown"]),
    ("PH", ("fil", "en"), ["Maria", "Joy", "Liza", "Rica", "Grace"], ["Santos", "Reyes", "Bautista"], ["entertainer", "spouse_or_child_of_japanese_national", "long_term_resident", "no_status"]),
    ("VN", ("vi",), ["Lan", "Hoa", "Thu", "Mai", "Linh"], ["Nguyen", "Tran", "Pham"], ["technical_intern_1a", "technical_intern_2a", "student", "no_status"]),
    ("CN", ("zh_Hans",), ["Mei", "Lin", "Xiao", "Yan"], ["Wang", "Li", "Zhang"], ["student", "dependent", "technical_intern_1b", "unknown"]),
    ("JP", ("ja",), ["ユイ", "ハナ", "ミク", "アオイ", "サキ"], ["山田", "佐藤", "鈴木"], ["japanese_national"]),
    ("MM", ("my",), ["Hnin", "Thida", "Su", "Zin"], ["Aung", "Win", "Htun"], ["technical_intern_1a", "designated_activities", "unknown"]),
    ("KH", ("km",), ["Sreymom", "Dara", "Channary"], ["Sok", "Chea", "Kim"], ["technical_intern_2b", "no_status"]),
    ("NP", ("ne",), ["Sita", "Maya", "Gita"], ["Gurung", "Tamang", "Rai"], ["dependent", "student", "skilled_labor"]),
    ("ID", ("id",), ["Sari", "Dewi", "Putri"], ["Wijaya", "Santoso"], ["specified_skilled_worker_1", "technical_intern_1a"]),
    ("KR", ("ko",), ["Jiyoung", "Minji", "Sora"], ["Kim", "Park", "Lee"], ["temporary_visitor", "permanent_resident"]),
    ("CO", ("es",), ["Camila", "Valentina"], ["García", "López"], ["temporary_visitor", "no_status"]),
    ("BR", ("pt",), ["Ana", "Juliana"], ["Silva", "Souza"], ["long_term_resident", "spouse_or_child_of_permanent_resident"]),
    ("RU", ("ru",), ["Olga", "Irina"], ["Ivanova", "Petrova"], ["temporary_visitor", "entertainer"]),
]
WEIGHTS = [16, 14, 14, 8, 18, 6, 4, 4, 4, 3, 3, 3, 3]
STATUSES = ["open"] * 5 + ["referred"] * 3 + ["closed"] * 2
NOTES = [
    "Came to the centre with a friend. Needs a place to stay tonight.",
    "Employer keeps her passport. Debt to a broker mentioned.",
    "Referred by the police after a raid. Interpreter requested.",
    "Wants to go home. Contact with the embassy not yet made.",
    "",
]


def _valid_statuses() -> set[str]:
    from app.cases import residence

    return set(residence.codes())


def demo_rows(n: int, seed: int = 2026, today: date | None = None):
    """Yield ``n`` fictional case rows (oldest first), as tuples for the cases table."""
    rng = random.Random(seed)
    valid = _valid_statuses()
    today = today or date.today()
    years = [today.year - 2, today.year - 1, today.year]
    per_year = {y: 0 for y in years}
    for i in range(n):
        year = years[min(2, i * 3 // max(n, 1))]
        per_year[year] += 1
        nat, langs, aliases, families, statuses = rng.choices(PROFILES, WEIGHTS)[0]
        alias = rng.choice(aliases)
        if rng.random() < 0.5:
            alias = f"{alias} {chr(65 + rng.randrange(26))}"
        real = f"{rng.choice(aliases)} {rng.choice(families)}" if rng.random() < 0.6 else ""
        age = rng.choice([15, 16, 17] if rng.random() < 0.12 else list(range(18, 46)))
        birth = None
        if rng.random() < 0.5:
            birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
            if birth > today:
                birth = birth.replace(year=birth.year - 1)
        res = rng.choice(statuses)
        res = res if res in valid else "unknown"
        expiry = today + timedelta(days=rng.randint(-200, 400)) if res not in ("no_status", "unknown", "japanese_national") else None
        created = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00+00:00"
        yield (
            year, per_year[year], format_number(year, per_year[year]), rng.choice(STATUSES), created, created,
            alias, real, birth.isoformat() if birth else None, None if birth else age,
            "female" if rng.random() < 0.95 else "", "woman" if rng.random() < 0.9 else "", nat,
            " ".join(langs), res, expiry.isoformat() if expiry else None,
            rng.choice(["yes", "no", "unknown"]), "", rng.choice(NOTES), fold(alias),
        )


def make_demo_store(path: Path, n: int = 12, kdf: KdfParams = DEFAULT_KDF, seed: int = 2026) -> int:
    """Create ``path`` with the demo login and ``n`` fictional cases; returns ``n``."""
    session, _recovery = create_store(path, DEMO_USER, DEMO_PASSWORD, display_name="Demo", kdf=kdf)
    actor = session.account.id
    try:
        with session.transaction() as conn:
            rows = [r[:5] + (actor,) + r[5:6] + (actor,) + r[6:] for r in demo_rows(n, seed)]
            conn.executemany(
                "INSERT INTO cases (year, seq, number, status, created_at, created_by, updated_at, updated_by, "
                "alias, real_name, birth_date, estimated_age, sex, gender, nationality, languages, "
                "residence_status, stay_expiry, contact_safe, contact_how, notes, alias_fold) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            for r in rows:
                audit.append(conn, audit.CASE_CREATED, actor, r[2])
    finally:
        session.close()
    return n
