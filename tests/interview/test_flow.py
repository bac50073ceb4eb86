"""The flow engine driven without widgets: next, back, skip, pause, resume, save and restore."""

import json

import pytest

from app.interview.answers import AnswerError, check_answer
from app.interview.flow import FlowError, Session
from app.interview.observe import question_signs
from app.interview.conditions import Context

from . import scenarios as S


def answer_all(flow, session, answers, default="no"):
    while (q := flow.current(session)) is not None:
        flow.answer(session, q.id, answers.get(q.id, S.fallback(q, default)))


def test_starts_with_safety_first(flow):
    session = flow.start()
    assert flow.current(session).id == "safe_now"
    assert [q for q in flow.bank.sections[0].questions] == [
        "safe_now", "someone_waiting", "interpreter_ok", "consent"]


def test_not_safe_ends_at_once(flow):
    session = flow.start()
    flow.answer(session, "safe_now", "no")
    assert flow.current(session) is None
    assert session.status == "finished" and session.end_reason == "not_safe"
    assert flow.path(session) == ["safe_now"]


def test_back_after_end_lets_staff_correct_the_answer(flow):
    session = flow.start()
    flow.answer(session, "safe_now", "no")
    assert flow.back(session).id == "safe_now"
    assert session.status == "active" and session.answers["safe_now"] == "no"
    assert flow.answer(session, "safe_now", "yes").id == "someone_waiting"


def test_short_screen_opens_only_the_sections_its_answers_call_for(flow):
    benign = {**S.SAFE, "age": 40, "japanese_national": "yes", "work_kind": ["none"],
              "can_leave": "yes", "safe_tonight": "yes"}
    session, asked = S.drive(flow, benign, default="no")
    sections = {flow.bank.questions[q].section for q in asked}
    assert sections == {"safety", "screen", "health"}
    session, asked = S.drive(flow, {**benign, "documents_kept": "yes"}, default="no")
    sections = {flow.bank.questions[q].section for q in asked}
    assert "control" in sections and "how_you_came" not in sections


def test_under_18_question_only_without_an_age(flow):
    _, asked = S.drive(flow, {**S.SAFE, "age": 30}, default="no")
    assert "under_18" not in asked and "in_school" not in asked
    _, asked = S.drive(flow, {**S.SAFE, "age": "declined", "under_18": "yes"}, default="no")
    assert "under_18" in asked and "in_school" in asked


def test_back_and_change_takes_the_other_branch_and_keeps_the_old_answer(flow):
    session = flow.start()
    answer_all_until = ["safe_now", "someone_waiting", "interpreter_ok", "consent", "age"]
    for qid, value in zip(answer_all_until, ["yes", "no", "yes", "yes", 30]):
        flow.answer(session, qid, value)
    flow.answer(session, "japanese_national", "no")
    answer_all(flow, session, {"nationality_country": "Thailand", "languages": "Thai",
                               "residence_status": "expired", "work_kind": ["factory"],
                               "hours": 8, "paid": "as_agreed"})
    assert "residence_status" in flow.path(session)
    # go back to japanese_national and change it: about_you is no longer on the path
    while flow.back(session).id != "japanese_national":
        pass
    flow.answer(session, "japanese_national", "yes")
    answer_all(flow, session, {"work_kind": ["factory"], "hours": 8, "paid": "as_agreed"})
    assert "residence_status" not in flow.path(session)
    assert session.answers["residence_status"] == "expired"  # kept, not lost
    signs = {o.sign for o in flow.observations(session)}
    assert "FACT-STATUS-UNCERTAIN" not in signs and "FACT-FOREIGN" not in signs


def test_skip_is_not_an_answer_and_gives_no_sign(flow):
    session = flow.start()
    for qid in ("safe_now", "interpreter_ok", "consent"):
        while flow.current(session).id != qid:
            flow.answer(session, flow.current(session).id, "no")
        flow.answer(session, qid, "yes")
    flow.answer(session, "age", 40)
    flow.answer(session, "japanese_national", "yes")
    flow.answer(session, "work_kind", ["factory"])
    assert flow.current(session).id == "job_different"
    flow.skip(session)
    assert "job_different" in session.skipped and "job_different" not in session.answers
    assert flow.current(session).id == "someone_arranged"
    assert flow.observations(session) == [o for o in flow.observations(session)
                                          if o.question != "job_different"]


def test_pause_blocks_answers_until_resumed(flow):
    session = flow.start()
    flow.pause(session)
    with pytest.raises(FlowError):
        flow.answer(session, "safe_now", "yes")
    assert flow.resume(session).id == "safe_now"
    flow.answer(session, "safe_now", "yes")
    assert session.answers == {"safe_now": "yes"}


def test_only_the_current_question_can_be_answered(flow):
    session = flow.start()
    with pytest.raises(FlowError) as info:
        flow.answer(session, "age", 30)
    assert "age" in str(info.value)


def test_wrong_type_is_refused_and_names_the_question(flow):
    session = flow.start()
    for qid in ("safe_now", "someone_waiting", "interpreter_ok", "consent"):
        flow.answer(session, qid, "yes" if qid != "someone_waiting" else "no")
    with pytest.raises(AnswerError) as info:
        flow.answer(session, "age", "thirty")
    assert "'age'" in str(info.value)
    with pytest.raises(AnswerError):
        flow.answer(session, "age", 130)
    assert "age" not in session.answers


def test_session_round_trips_through_json_and_resumes_where_it_was(flow):
    full, _ = S.drive(flow, S.CASE2)
    session = flow.start()
    while len(session.answers) < 25:
        q = flow.current(session)
        flow.answer(session, q.id, S.CASE2.get(q.id, "declined"))
    saved = json.loads(json.dumps(session.to_dict()))  # what the store keeps
    restored = Session.from_dict(saved)
    assert restored == session
    assert flow.current(restored).id == flow.current(session).id
    while (q := flow.current(restored)) is not None:
        flow.answer(restored, q.id, S.CASE2.get(q.id, "declined"))
    assert restored.answers == full.answers
    assert flow.screen(restored).to_dict() == flow.screen(full).to_dict()


def test_a_damaged_saved_session_is_a_clear_error():
    with pytest.raises(FlowError):
        Session.from_dict({"format": 1, "status": "active"})


def test_declined_and_not_sure_always_allowed_and_never_signal(bank, catalog):
    for q in bank.questions.values():
        for value in ("declined", "not_sure"):
            assert check_answer(q, value) == value
            assert question_signs(q, value, Context({})) == []


def test_an_interview_declined_throughout_records_no_sign(flow):
    session, asked = S.drive(flow, S.EMPTY)
    assert len(asked) > 30
    assert flow.observations(session) == []


def test_date_and_number_answers(flow, bank):
    arrival = bank.questions["arrival_date"]
    assert check_answer(arrival, "2019-04") == "2019-04"
    with pytest.raises(AnswerError):
        check_answer(arrival, "2019-13-01")
    hours = bank.questions["hours"]
    assert question_signs(hours, 12, Context({})) == ["ILO-4-HOURS"]
    assert question_signs(hours, 11, Context({})) == []
