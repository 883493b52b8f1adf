//! Step 1: the questions that decide the documents, asked one branch at a time.

use secu_precheck_domain::fields::Field;
use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::{Country, Lang, Msg, Outcome, Question};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::page::components::{DateInput, Step};
use crate::page::context::AppContext;
use crate::page::state::Action;

/// "Your situation": nationality, then only the questions its answer calls for, then the
/// date of birth; the situation they lead to is announced politely.
pub fn situation_step(app: &AppContext) -> Html {
    let questions = app.state.answers.questions(&app.rules);
    html! {
        <Step id="situation" heading={ Msg::SituationHeading } intro={ Msg::SituationBody }>
            if let Some(note) = &app.rules.university_note {
                <p class="university-note">
                    { fill(app.t(Msg::OutcomeUniversityNote), &[("note", note.get(app.lang()))]) }
                </p>
            }
            // Each question keeps its own place, so one appearing never rebuilds (and
            // unfocuses) the others.
            { nationality(app) }
            { for Question::ALL.into_iter().map(|q| if questions.contains(&q) { yes_no(app, q) } else { Html::default() }) }
            { birth_date(app) }
            <p class="outcome" role="status">{ outcome(app) }</p>
        </Step>
    }
}

fn outcome(app: &AppContext) -> String {
    let Some(situation) = app.situation() else {
        return app.t(Msg::OutcomePending).to_owned();
    };
    let rule = app.rules.situation(situation);
    match (rule.outcome, situation.end_state()) {
        (Outcome::NoRegistrationNeeded, Some(end)) => {
            fill(app.t(Msg::OutcomeNone), &[("reason", app.t(end.reason))])
        }
        _ => fill(app.t(Msg::OutcomeRegister), &[("situation", app.t(situation.name()))]),
    }
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The error line of a field, "Error:" read out before it.
fn error_line(app: &AppContext, id: &str, msg: Msg) -> Html {
    html! {
        <p class="error-message" id={ id.to_owned() }>
            <span class="visually-hidden">{ app.t(Msg::ErrorPrefix) }{ " " }</span>
            { app.t(msg) }
        </p>
    }
}

fn nationality(app: &AppContext) -> Html {
    let error = app.state.nationality_error();
    let describedby =
        if error.is_some() { "nationality-hint nationality-error" } else { "nationality-hint" };
    html! {
        <div class={ classes!("field", error.map(|_| "field-error")) }>
            <label for="nationality">{ app.t(Field::Nationality.label()) }</label>
            <p class="hint" id="nationality-hint">{ app.t(Msg::FormNationalityHint) }</p>
            if let Some(msg) = error { { error_line(app, "nationality-error", msg) } }
            <input
                id="nationality"
                type="text"
                list="countries"
                autocomplete="off"
                spellcheck="false"
                aria-describedby={ describedby }
                aria-invalid={ error.is_some().to_string() }
                value={ app.state.nationality_text.clone() }
                oninput={ app.callback(|e: InputEvent| Action::TypeNationality(input_value(&e))) }
                onchange={ app.callback(|_: Event| Action::CommitNationality) }
            />
            <CountryOptions lang={ app.lang() } names={ Country::has_names(app.lang()) } />
        </div>
    }
}

/// Props of the country list: its language, and whether its names in it are there yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Properties)]
struct CountryProps {
    lang: Lang,
    names: bool,
}

/// The 250 countries, rendered again only when the language changes or its names come.
#[function_component(CountryOptions)]
fn country_options(props: &CountryProps) -> Html {
    html! {
        <datalist id="countries">
            { for Country::sorted(props.lang).into_iter().map(|c| html! {
                <option value={ c.name(props.lang) }></option>
            }) }
        </datalist>
    }
}

fn yes_no(app: &AppContext, question: Question) -> Html {
    let Some(legend) = question.legend() else { return Html::default() };
    let id = question.dom_id();
    let answer = app.state.answers.yes_no(question);
    let option = |value: bool, label: Msg| {
        let input_id = format!("{id}-{}", if value { "yes" } else { "no" });
        html! {
            <div class="radio">
                <input
                    type="radio"
                    id={ input_id.clone() }
                    name={ id }
                    checked={ answer == Some(value) }
                    onchange={ app.callback(move |_: Event| Action::Answer(question, value)) }
                />
                <label for={ input_id }>{ app.t(label) }</label>
            </div>
        }
    };
    // What helps to answer goes in a hint the group points to, not in its legend.
    let hint_id = question.hint().map(|_| format!("{id}-hint"));
    html! {
        <fieldset class="field" id={ format!("question-{id}") } aria-describedby={ hint_id.clone() }>
            <legend>{ app.t(legend) }</legend>
            if let (Some(hint), Some(hint_id)) = (question.hint(), hint_id) {
                <p class="hint" id={ hint_id }>{ app.t(hint) }</p>
            }
            <div class="radios">
                { option(true, Msg::AnswerYes) }
                { option(false, Msg::AnswerNo) }
            </div>
        </fieldset>
    }
}

fn birth_date(app: &AppContext) -> Html {
    let error = app.state.birth_error();
    let describedby = if error.is_some() { "birth-hint birth-error" } else { "birth-hint" };
    let birth = &app.state.birth;
    html! {
        <fieldset
            class={ classes!("field", error.map(|_| "field-error")) }
            id="birth"
            aria-describedby={ describedby }
        >
            <legend>{ app.t(Field::BirthDate.label()) }</legend>
            <p class="hint" id="birth-hint">{ app.t(Msg::FormBirthDateHint) }</p>
            if let Some(msg) = error { { error_line(app, "birth-error", msg) } }
            { DateInput { prefix: "birth", autofill: Some("bday"), fields: birth, invalid: error.is_some(), action: Action::TypeBirth }.render(app) }
        </fieldset>
    }
}
