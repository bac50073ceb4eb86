"""Whole interviews as data: what she answers, question by question.

The three case stories are from Japan's 2014 annual report on trafficking in persons (section 2).
Only facts stated in the report are answered; everything else is "declined" (the driver's
default), except where a line says "inferred" with the reason. Expected results are not written
here: each test states what it expects and why.
"""

SAFE = {"safe_now": "yes", "someone_waiting": "no", "interpreter_ok": "yes", "consent": "yes"}

# Case (1): a Japanese woman met through dating sites, drugged with methamphetamine and sleeping
# pills, made to sell sex to pay for the drugs; phones and wallets taken, kept under
# supervision, all her income collected. Taken into protective custody.
CASE1_ADULT = {
    **SAFE, "age": 24, "japanese_national": "yes", "work_kind": ["paid_dating", "sex_industry"],
    "job_different": "no", "someone_arranged": "yes", "can_leave": "no", "debt_work": "yes",
    "paid": "not_paid", "hurt": "no", "partner_hurt": "no", "safe_tonight": "no",
    "how_heard": "online", "drugs_recruit": "yes", "deductions": "yes",
    "paid_dating_pressure": "yes", "watched": "yes", "own_phone": "no", "money_taken": "yes",
    "given_drugs": "yes",
}
# The same story for the second victim, who was a child.
CASE1_CHILD = {**CASE1_ADULT, "age": 16, "adult_arranged": "yes", "stays_with_adults": "yes"}

# Case (2): a Thai woman solicited by an acquaintance to work in a massage room; came as a
# temporary visitor, lived in the room, told afterwards of an unexplained 800,000 yen loan taken
# from her pay (about 30,000 yen a month left), made to give sexual massages despite refusing,
# not allowed to go home, threatened with arrest by the police if she left; overstayed.
CASE2 = {
    **SAFE, "age": 30, "japanese_national": "no", "work_kind": ["massage"],
    "job_different": "yes", "someone_arranged": "yes", "lives_at_work": "yes",
    "can_leave": "no", "documents_kept": "no", "debt_work": "yes", "paid": "less",
    "authorities_threat": "yes", "safe_tonight": "no", "residence_status": "expired",
    "how_heard": "friend_family", "met_on_arrival": "yes", "sexual_acts_customers": "yes",
    "debt_learned_later": "yes", "deductions": "yes", "asked_to_leave": "yes",
    "wants_return": "yes",
    # inferred: she worked illegally after her stay expired, so without a contract
    "has_contract": "no",
}

# Case (3): Filipino women working in Dubai, invited by brokers to factory work in Japan; the
# brokers arranged their entry, they were received by A and B and told to marry Japanese men.
# The suspects were charged with the sale and receipt of persons.
CASE3 = {
    **SAFE, "age": 25, "japanese_national": "no", "work_kind": ["none"],
    "someone_arranged": "yes", "how_heard": "agency", "who_paid_travel": "recruiter",
    "met_on_arrival": "yes", "handed_over": "yes", "sold": "yes", "brokered_marriage": "yes",
    "why_came": ["family_money"],
}

# A technical intern in a factory: passport kept, a broker debt she works to repay, 13-hour
# days without a day off, paid less than promised, threatened with being sent home.
INTERN = {
    **SAFE, "age": 23, "japanese_national": "no", "work_kind": ["factory"],
    "job_different": "no", "someone_arranged": "yes", "lives_at_work": "no", "can_leave": "yes",
    "documents_kept": "yes", "debt_work": "yes", "paid": "less", "hours": 13,
    "threatened": "no", "hurt": "no", "authorities_threat": "no", "partner_hurt": "no",
    "safe_tonight": "yes", "residence_status": "technical_intern", "how_heard": "agency",
    "deceived_conditions": "yes", "who_paid_travel": "myself", "travel_debt": "yes",
    "costs_higher": "yes", "intern_fee_debt": "yes", "could_read": "no",
    "why_came": ["family_money", "debt"], "day_off": "no", "bad_living": "yes",
    "has_contract": "yes", "contract_kept": "no", "intern_no_change": "yes",
    "intern_passport": "yes", "depends_employer": "yes", "deductions": "yes",
    "wants_return": "no",
}

# A 16-year-old Japanese girl scouted into "JK business": the shop keeps most of the money and
# fines her; she has stopped going to school. No threats, no confinement.
JK_CHILD = {
    **SAFE, "age": 16, "japanese_national": "yes", "work_kind": ["jk"], "job_different": "no",
    "someone_arranged": "yes", "lives_at_work": "no", "can_leave": "yes", "documents_kept": "no",
    "debt_work": "no", "paid": "less", "hours": 6, "threatened": "no", "hurt": "no",
    "authorities_threat": "no", "partner_hurt": "no", "safe_tonight": "yes",
    "how_heard": "scouted", "deductions": "yes", "in_school": "no", "guardian_knows": "yes",
    "safe_at_home": "yes", "adult_arranged": "yes", "stays_with_adults": "no", "jk_work": "yes",
}

# A woman married to a Japanese man who threatens and hits her; no work, no recruitment.
DOMESTIC_VIOLENCE = {
    **SAFE, "age": 35, "japanese_national": "no", "work_kind": ["none"],
    "someone_arranged": "no", "can_leave": "yes", "documents_kept": "no", "debt_work": "no",
    "threatened": "yes", "hurt": "no", "authorities_threat": "no", "partner_hurt": "yes",
    "safe_tonight": "no", "residence_status": "spouse", "how_heard": "myself",
    "locked_in": "no", "watched": "no", "own_phone": "yes", "afraid_to_leave": "yes",
}

# A restaurant worker with long unpaid hours but no deception, coercion or control.
LABOUR_RIGHTS = {
    **SAFE, "age": 41, "japanese_national": "yes", "work_kind": ["restaurant_hotel"],
    "job_different": "no", "someone_arranged": "no", "lives_at_work": "no", "can_leave": "yes",
    "documents_kept": "no", "debt_work": "no", "paid": "not_paid", "hours": 12,
    "threatened": "no", "hurt": "no", "authorities_threat": "no", "partner_hurt": "no",
    "safe_tonight": "yes", "day_off": "yes", "deductions": "no",
}

# Everything declined after the safety questions.
EMPTY = dict(SAFE)


def fallback(question, default):
    """``default`` for yes/no questions; "declined" for the others (a "no" would not fit)."""
    return default if question.type == "yes_no" else "declined"


def drive(flow, answers, default="declined"):
    """Answer every question the flow asks, from ``answers`` (``default`` when not listed)."""
    session = flow.start()
    asked = []
    while (question := flow.current(session)) is not None:
        asked.append(question.id)
        flow.answer(session, question.id, answers.get(question.id, fallback(question, default)))
        assert len(asked) < 500, "the flow does not end"
    return session, asked
