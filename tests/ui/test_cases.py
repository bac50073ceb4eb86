"""The case list (search, filter, names switch) and the case form (validation, unsaved changes)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.cases import repo
from app.cases.model import Person
from app.store import audit
from tests.ui.conftest import all_texts, audit_events, later

REAL = "Hidden-Realname-Q9"


def seed(window) -> None:
    s = window.session
    repo.create_case(s, Person(alias="Nok", real_name=REAL, nationality="TH", estimated_age=17,
                               residence_status="no_status"))
    c = repo.create_case(s, Person(alias="Maria", nationality="PH", residence_status="entertainer"))
    repo.update_case(s, c.id, c.person, "referred")
    repo.create_case(s, Person(alias="Lan", nationality="VN"), status="closed")


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def column(model, title: str) -> list[str]:
    col = headers(model).index(title)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_list_shows_cases_without_names_and_searches_as_you_type(logged_in, qtbot):
    window = logged_in
    seed(window)
    page = window.case_list
    page.refresh()
    model = page.model
    assert headers(model) == ["Case number", "Alias", "Nationality", "Age", "Status of residence", "Status", "Updated"]
    assert column(model, "Alias") == ["Lan", "Maria", "Nok"]  # newest first
    assert column(model, "Nationality") == ["Vietnam", "Philippines", "Thailand"]
    assert column(model, "Status") == ["Closed", "Referred", "Open"]
    assert column(model, "Status of residence")[1:] == ["Entertainer", "No status of residence / overstayed"]
    assert column(model, "Age")[2] == "17"
    from app.i18n.dates import format_timestamp

    stamp = repo.search_cases(window.session, "")[0].updated_at
    assert column(model, "Updated")[0] == format_timestamp(stamp, "en") != ""  # CLDR, not ISO
    assert REAL not in all_texts()

    qtbot.keyClicks(page.search, "philip")  # nationality by name, in the staff language
    assert page.debounce.isActive() and model.rowCount() == 3  # not yet: debounced
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    assert column(model, "Alias") == ["Maria"]
    page.search.setText("NOK")
    qtbot.waitUntil(lambda: column(model, "Alias") == ["Nok"], timeout=2000)
    page.search.setText(f"{date.today().year}-0003")
    qtbot.waitUntil(lambda: column(model, "Alias") == ["Lan"], timeout=2000)

    page.search.setText("")
    page.refresh()
    page.status.setCurrentIndex(page.status.findData("referred"))
    assert column(model, "Alias") == ["Maria"]
    page.status.setCurrentIndex(page.status.findData(""))
    assert model.rowCount() == 3
    assert page.count.text() == "Cases shown: 3"


def test_enter_opens_the_case_and_the_view_is_audited(logged_in, qtbot):
    window = logged_in
    seed(window)
    page = window.case_list
    page.refresh()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = window.case_form
    assert window.stack.currentWidget() is form
    number = f"{date.today().year}-0001"
    assert form.case.number == number and form.alias.text() == "Nok"
    assert form.real_name.text() == REAL  # the form shows what the case holds
    assert form.nationality.currentText() == "Thailand"
    assert window.windowTitle() == f"Tsunagu — {number}"
    window.shutdown()
    assert (audit.CASE_VIEWED, number) in audit_events(window.store_path)


def test_show_names_is_audited_and_adds_a_column(logged_in):
    window = logged_in
    seed(window)
    page = window.case_list
    page.refresh()
    page.names_toggle.click()
    assert column(page.model, "Name")[2] == REAL
    events = audit_events(window.store_path)
    assert events[-1] == (audit.NAMES_SHOWN, "")
    page.names_toggle.click()
    assert "Name" not in headers(page.model)
    names_events = [e for e in audit_events(window.store_path) if e[0] in (audit.NAMES_SHOWN, audit.NAMES_HIDDEN)]
    assert names_events == [(audit.NAMES_SHOWN, ""), (audit.NAMES_HIDDEN, "")]
    assert REAL not in all_texts()


def test_validation_error_keeps_everything_typed(logged_in):
    window = logged_in
    window.case_list.new_button.click()
    form = window.case_form
    form.notes.setPlainText("She needs a doctor.")
    form.real_name.setText("Somebody")
    form.save_button.click()
    assert form.message.isVisibleTo(window) and form.message.text() == "Alias is required."
    assert form.notes.toPlainText() == "She needs a doctor." and form.real_name.text() == "Somebody"
    form.alias.setText("Fon")
    form.birth_date.setText("2001-13-45")
    assert not form.age.isEnabled()  # a date of birth or an estimated age, not both
    form.save_button.click()
    assert form.message.text().startswith("Date of birth: Write the date as year-month-day")
    assert form.alias.text() == "Fon" and form.birth_date.text() == "2001-13-45"
    form.birth_date.setText("2001-04-01")
    form.nationality.setEditText("Atlantis")
    form.save_button.click()
    assert form.message.text() == "Choose a nationality from the list."
    form.nationality.setEditText("")
    form.save_button.click()
    assert not form.message.isVisibleTo(window)
    assert form.case is not None and form.case.person.birth_date == date(2001, 4, 1)
    assert form.case.person.notes == "She needs a doctor." and form.case.person.nationality == ""


def test_unsaved_changes_prompt(logged_in, modals):
    window = logged_in
    seed(window)
    window.case_list.refresh()
    window.open_case(window.case_list.model.data(window.case_list.model.index(0, 0), Qt.ItemDataRole.UserRole))
    form = window.case_form
    assert not form.is_dirty()
    form.contact_how.setText("Call the shelter first")
    assert form.is_dirty()

    def press(label):
        return lambda box: later([b for b in box.buttons() if b.text() == label][0].click)

    modals.expect("unsavedChanges", press("Keep editing"))
    form.back_button.click()
    assert window.stack.currentWidget() is form and form.contact_how.text() == "Call the shelter first"
    modals.expect("unsavedChanges", press("Discard changes"))
    form.back_button.click()
    assert window.stack.currentWidget() is window.case_list
    assert form.contact_how.text() == ""

    window.case_list.new_button.click()
    form.alias.setText("Dao")
    modals.expect("unsavedChanges", press("Save"))
    window.list_action.trigger()
    assert modals.done()
    assert window.stack.currentWidget() is window.case_list
    assert "Dao" in column(window.case_list.model, "Alias")


def test_languages_and_residence_lists(logged_in):
    window = logged_in
    window.case_list.new_button.click()
    form = window.case_form
    langs = [form.languages.list.item(i) for i in range(form.languages.list.count())]
    first = [i.text() for i in langs[:4]]
    assert first == ["Japanese", "English", "Thai", "Filipino"]  # common ones first
    assert len(langs) > 100
    form.languages.filter.setText("BURM")
    visible = [i.text() for i in langs if not i.isHidden()]
    assert visible == ["Burmese"]
    from app.cases import residence

    codes = [form.residence.itemData(i) for i in range(form.residence.count())]
    assert sorted(codes) == sorted(residence.codes()) and codes[0] == "unknown"
