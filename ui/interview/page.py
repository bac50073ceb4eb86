"""The interview page: one question at a time, saved as it is answered, then the result.

Keyboard: Y, N, ? and D answer; Left goes back; Right skips. The staff help sits beside the
question. The live signs panel starts hidden (the person may see the screen) and is opened by
staff when she cannot. Each answer, skip, back or pause is saved in one audited transaction
(app.interview.records), so a crash or a lock loses nothing that was given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSplitter, QStackedWidget, QTextBrowser, QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import _, current_language
from app.i18n.content import FIXED_ANSWERS, INTERVIEW_LANGUAGES, ctext, help_text
from app.i18n.status import DRAFT_CAUTION, is_draft
from ui.interview.answers import AnswerPanel
from ui.interview.result_view import ResultView, result_html
from ui.widgets import MessageLabel, button_row, hint_label, title_label


class InterviewPage(QWidget):
    closed = Signal()

    def __init__(self, win, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewPage")
        self._win = win
        self.flow = None
        self.record = None
        self.result = None
        self._shown_case = None
        self._build()
        self.retranslate()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = title_label()
        self.section = QLabel(objectName="sectionTitle")
        self.progress = QProgressBar(objectName="sectionProgress", textVisible=False, maximumHeight=8)
        self.question = QLabel(objectName="questionText", wordWrap=True)
        font = self.question.font()
        font.setPointSize(font.pointSize() + 6)
        self.question.setFont(font)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question_person = QLabel(objectName="questionPerson", wordWrap=True)
        self.question_person.setTextFormat(Qt.TextFormat.PlainText)
        self.question_person.setStyleSheet("QLabel { color: #123b63; }")
        self.language_label = QLabel(objectName="personLanguageLabel")
        self.language = QComboBox(objectName="personLanguage")
        self.language.activated.connect(self._language_chosen)
        self.caution = QLabel(objectName="draftCaution", wordWrap=True)
        self.caution.setProperty("kind", "reminder")
        self.interpreter_button = QPushButton(objectName="interpreterScreen", checkable=True)
        self.interpreter_button.toggled.connect(self._toggle_interpreter)
        self.interpreter = None
        self.answers = AnswerPanel()
        self.answers.answered.connect(self.give_answer)
        self.message = MessageLabel("message")
        self.help_title = QLabel(objectName="helpTitle")
        self.help = hint_label()
        self.help.setObjectName("staffHelp")
        self.signs = QTextBrowser(objectName="liveSigns")
        self.signs.setVisible(False)
        self.back_button = QPushButton(objectName="interviewBack")
        self.skip_button = QPushButton(objectName="interviewSkip")
        self.pause_button = QPushButton(objectName="interviewPause")
        self.signs_button = QPushButton(objectName="toggleSigns", checkable=True)
        self.back_button.clicked.connect(self.go_back)
        self.skip_button.clicked.connect(self.skip)
        self.pause_button.clicked.connect(self.pause)
        self.signs_button.toggled.connect(self._toggle_signs)
        self.result_view = ResultView()
        self.done_button = QPushButton(objectName="interviewDone")
        self.done_button.clicked.connect(self.closed.emit)

        asking = QWidget()
        left = QVBoxLayout(asking)
        left.setSpacing(14)
        left.addWidget(self.section)
        left.addWidget(self.progress)
        left.addSpacing(12)
        left.addWidget(self.question)
        left.addWidget(self.question_person)
        left.addWidget(self.caution)
        left.addSpacing(8)
        left.addWidget(self.answers)
        left.addWidget(self.message)
        left.addStretch(1)
        nav = QHBoxLayout()
        for b in (self.back_button, self.skip_button):
            nav.addWidget(b)
        nav.addStretch(1)
        nav.addWidget(self.pause_button)
        left.addLayout(nav)
        side = QWidget()
        right = QVBoxLayout(side)
        right.addWidget(self.help_title)
        right.addWidget(self.help)
        right.addWidget(self.signs_button)
        right.addWidget(self.signs, 1)
        right.addStretch(0)
        split = QSplitter()
        split.addWidget(asking)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        finished = QWidget()
        fin = QVBoxLayout(finished)
        fin.addWidget(self.result_view, 1)
        row = button_row(self.done_button)
        fin.addLayout(row)

        self.views = QStackedWidget()
        self.views.addWidget(split)
        self.views.addWidget(finished)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.language_label)
        header.addWidget(self.language)
        header.addWidget(self.interpreter_button)
        outer.addLayout(header)
        outer.addWidget(self.views, 1)

    def retranslate(self) -> None:
        self.back_button.setText(_("← Back"))
        self.skip_button.setText(_("Skip for now →"))
        self.pause_button.setText(_("Pause interview"))
        self.signs_button.setText(_("Show signs (staff only)"))
        self.help_title.setText(_("For staff: why we ask, how to ask"))
        self.done_button.setText(_("Back to the case"))
        self.language_label.setText(_("Her language:"))
        self.interpreter_button.setText(_("Interpreter screen"))
        self.caution.setText(_(DRAFT_CAUTION))
        self._fill_languages()
        if self.record is not None:
            self.refresh()
        elif self.result is not None and self.flow is not None:
            self.result_view.show_result(self.result, self.flow.catalog.texts, current_language(), self.flow.bank, self.flow.catalog)

    # -- starting ----------------------------------------------------------------------------
    def _ensure_flow(self) -> None:
        if self.flow is None:
            from app.interview.flow import Flow
            from app.interview.load import load_bank

            self.flow = Flow(load_bank())

    def start(self, case, person_language: str) -> None:
        from app.interview import records

        self._ensure_flow()
        self.record = records.start_interview(self._win.session, case.id, self.flow, person_language)
        self.result, self._shown_case = None, None
        self._fill_languages()
        self.refresh()

    def resume(self, interview_id: int) -> None:
        from app.interview import records

        self._ensure_flow()
        self.record = records.load_interview(self._win.session, interview_id)
        if self.record.state.status == "paused":
            self.flow.resume(self.record.state)
        self.result, self._shown_case = None, None
        self._fill_languages()
        self.refresh()

    def show_saved_result(self, case) -> bool:
        """The newest stored result of ``case``, exactly as it was made (audited)."""
        from app.interview import records

        self._ensure_flow()
        found = records.latest_result(self._win.session, case.id)
        if found is None:
            return False
        self.record, self.result = None, found[1]
        self._shown_case = (case.id, case.number)
        self.title.setText(_("Screening result — case {number}").format(number=case.number))
        self.result_view.show_result(self.result, self.flow.catalog.texts, current_language(), self.flow.bank, self.flow.catalog)
        self.views.setCurrentIndex(1)
        return True

    @property
    def case_number(self) -> str | None:
        if self.record is not None:
            return self.record.case_number
        return self._shown_case[1] if self._shown_case else None

    @property
    def case_id(self):
        if self.record is not None:
            return self.record.case_id
        return self._shown_case[0] if self._shown_case else None

    # -- the staff's actions -----------------------------------------------------------------
    def give_answer(self, value) -> None:
        q = self.flow.current(self.record.state)
        if q is None:
            return
        self._act(lambda: self.flow.answer(self.record.state, q.id, value))

    def skip(self) -> None:
        self._act(lambda: self.flow.skip(self.record.state))

    def go_back(self) -> None:
        self._act(lambda: self.flow.back(self.record.state))

    def pause(self) -> None:
        from app.store import audit

        self._act(lambda: self.flow.pause(self.record.state), audit.INTERVIEW_PAUSED)
        self.closed.emit()

    def _act(self, change, event=None) -> None:
        """Apply one change to the interview state and save it; on error keep the old state."""
        from app.interview import records
        from app.interview.flow import Session as State
        from app.store import audit

        if self.record is None:
            return
        before = State.from_dict(self.record.state.to_dict())
        try:
            change()
            finished = self.record.state.status == "finished"
            records.save_state(self._win.session, self.record,
                               event or (audit.INTERVIEW_FINISHED if finished else audit.ANSWER_SAVED))
        except UserError as exc:
            self.record.state.__dict__.update(before.__dict__)
            self.message.show_text(exc.message())
            return
        self.message.clear()
        self.refresh()

    # -- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        lang = current_language()
        self.title.setText(_("Interview — case {number}").format(number=self.record.case_number))
        q = self.flow.current(self.record.state)
        if q is None:
            self._show_result(lang)
            return
        self.views.setCurrentIndex(0)
        sections = [s for s in self.flow.bank.sections]
        index = next((n for n, s in enumerate(sections) if s.id == q.section), 0)
        section = sections[index]
        self.section.setText(_("Part {n} of {total}: {title}").format(
            n=index + 1, total=len(sections), title=ctext(section.title, lang)))
        position = section.questions.index(q.id) if q.id in section.questions else 0
        self.progress.setRange(0, max(1, len(section.questions)))
        self.progress.setValue(position)
        person = self.record.person_language
        two = person != lang
        person_font = self._person_font(person) if two else None
        self.question.setText(ctext(q.text, lang))
        self.question_person.setVisible(two)
        if two:
            self.question_person.setFont(person_font)
            self.question_person.setText(ctext(q.text, person))
        self.caution.setVisible(two and is_draft(person))
        self.help.setText(help_text(q.help, lang))
        self.answers.show_question(q, lang, self.record.state.answers.get(q.id), person, person_font)
        self._mirror(q)
        self.back_button.setEnabled(bool(self.record.state.history))
        if self.signs.isVisible():
            self._fill_signs(lang)

    # -- her language and the interpreter screen -------------------------------------------
    def _fill_languages(self) -> None:
        from app.cases.names import language_name, native_language_name

        keep = self.language.currentData()
        self.language.clear()
        for code in INTERVIEW_LANGUAGES:
            native, staff = native_language_name(code), language_name(code, current_language())
            self.language.addItem(native if native == staff else f"{native} — {staff}", code)
        if self.record is not None:
            keep = self.record.person_language
        self.language.setCurrentIndex(max(0, self.language.findData(keep)))

    def _language_chosen(self, _index: int) -> None:
        """Her language changed mid-interview: recorded with the session; answers untouched."""
        from app.interview import records

        code = self.language.currentData()
        if self.record is None or code == self.record.person_language:
            return
        try:
            self.record = records.change_language(self._win.session, self.record, code)
        except UserError as exc:
            self.message.show_text(exc.message())
            return
        self.refresh()

    def _person_font(self, lang: str):
        from ui.fonts import qfont_for

        try:
            return qfont_for(lang, self.question.font().pointSize(), self.question.font())
        except UserError as exc:  # a missing font: say what to install, keep going
            self.message.show_text(exc.message())
            return self.question.font()

    def _toggle_interpreter(self, shown: bool) -> None:
        from ui.interview.interpreter import InterpreterWindow

        if shown:
            if self.interpreter is None:
                self.interpreter = InterpreterWindow()
            self.interpreter.place()
            if self.record is not None:
                self._mirror(self.flow.current(self.record.state))
        elif self.interpreter is not None:
            self.interpreter.clear()
            self.interpreter.hide()

    def _mirror(self, q) -> None:
        """Show the current question on the interpreter screen: her language only, no case data."""
        if self.interpreter is None or not self.interpreter.isVisible():
            return
        if q is None:
            self.interpreter.clear()
            return
        person = self.record.person_language
        if q.type in ("single", "multi"):
            answers = [(c.value, ctext(c.text, person)) for c in q.choices]
        elif q.type == "yes_no":
            answers = [(v, ctext(FIXED_ANSWERS[v], person)) for v in ("yes", "no")]
        else:
            answers = []
        answers += [(v, ctext(FIXED_ANSWERS[v], person)) for v in ("not_sure", "declined")]
        try:
            self.interpreter.show_question(person, ctext(q.text, person), answers)
        except UserError as exc:
            self.message.show_text(exc.message())

    def _show_result(self, lang: str) -> None:
        from app.interview import records

        if self.result is None:
            self.result = self.flow.screen(self.record.state)
            records.save_result(self._win.session, self.record.case_id, self.result, self.record.id)
        self.result_view.show_result(self.result, self.flow.catalog.texts, lang, self.flow.bank, self.flow.catalog)
        self.views.setCurrentIndex(1)
        if self.interpreter is not None:
            self.interpreter.clear()

    def _toggle_signs(self, shown: bool) -> None:
        self.signs.setVisible(shown)
        self.signs_button.setText(_("Hide signs") if shown else _("Show signs (staff only)"))
        if shown and self.record is not None:
            self._fill_signs(current_language())

    def _fill_signs(self, lang: str) -> None:
        """The live view for staff: the screening so far, with the answers behind each sign."""
        result = self.flow.screen(self.record.state)
        self.signs.setHtml(result_html(result, self.flow.catalog.texts, lang, self.flow.bank, self.flow.catalog))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.record is None or self.views.currentIndex() != 0:
            return super().keyPressEvent(event)
        value = self.answers.key_value(event.key())
        if value is not None and not (self.answers.field is not None and self.answers.field.hasFocus()):
            self.give_answer(value)
        elif event.key() == Qt.Key.Key_Left and self.back_button.isEnabled():
            self.go_back()
        elif event.key() == Qt.Key.Key_Right:
            self.skip()
        else:
            super().keyPressEvent(event)

    def clear(self) -> None:
        """On lock: forget the interview (it is saved) and every text shown."""
        self.record = self.result = self._shown_case = None
        self.answers.clear()
        self.question_person.clear()
        self.interpreter_button.setChecked(False)
        if self.interpreter is not None:
            self.interpreter.clear()
            self.interpreter.close()
        for label in (self.question, self.help, self.section, self.title):
            label.clear()
        self.signs.clear()
        self.result_view.clear()
        self.message.clear()
        self.signs_button.setChecked(False)
