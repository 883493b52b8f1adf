//! Step 2: the portal's form, field by field (GOV.UK pattern): hints as you type, and on
//! "Check my details" an error summary linking to each field, the same words inline, and
//! "Error:" in the page title. Every value is kept exactly as typed.

use std::rc::Rc;

use secu_precheck_domain::date::DateFields;
use secu_precheck_domain::fields::lane_type::LANE_TYPES;
use secu_precheck_domain::fields::street::REPETITIONS;
use secu_precheck_domain::fields::{Field, Finding, Report};
use secu_precheck_domain::i18n::{fill, join_or};
use secu_precheck_domain::{Lang, Msg};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::page::components::{DateInput, LangProps, Step};
use crate::page::context::{use_app, AppContext};
use crate::page::hooks::dom;
use crate::page::state::{Action, Postcodes};

/// How a text input behaves on phones and with autofill (its label and hint are the field's).
#[derive(Clone, Copy)]
struct Input {
    field: Field,
    kind: &'static str,
    inputmode: Option<&'static str>,
    autocomplete: &'static str,
    list: Option<&'static str>,
    width: Option<&'static str>,
}

impl Input {
    const fn text(field: Field, autocomplete: &'static str) -> Self {
        Self { field, kind: "text", inputmode: None, autocomplete, list: None, width: None }
    }
}

/// "Your details".
#[function_component(DetailsStep)]
pub fn details_step() -> Html {
    let app = use_app();
    let state = &app.state;
    let checks = state.details_checks;
    let report = Rc::clone(&app.report);

    // After each check, focus the summary (errors) or the confirmation (none).
    use_effect_with(checks, |&checks| {
        if checks > 0 {
            dom::focus("details-result");
        }
    });

    let shown = |field: Field| -> Vec<&Finding> {
        if checks == 0 {
            return Vec::new();
        }
        report.errors.iter().chain(&report.warnings).filter(|f| f.field == field).collect()
    };
    let d = &state.details;
    let field =
        |input: Input| text_field(&app, &report, input, d.get(input.field), &shown(input.field));
    let on_submit = app.callback(|e: SubmitEvent| {
        e.prevent_default();
        Action::CheckDetails
    });

    html! {
        <Step id="details" heading={ Msg::DetailsHeading } intro={ Msg::DetailsBody }>
            if checks > 0 { { result(&app, &report) } }
            <form class="details-form" novalidate=true onsubmit={ on_submit }>
                <p class="hint">
                    { app.t(Msg::FormIntroFromStep1) }
                </p>
                { title(&app, &report, d.get(Field::Title), &shown(Field::Title)) }
                { field(Input::text(Field::LastName, "family-name")) }
                { field(Input::text(Field::FirstName, "given-name")) }
                { field(Input { list: Some("countries"), ..Input::text(Field::BirthCountry, "off") }) }
                { date(&app, &report, &state.rights, &shown(Field::RightsStartDate)) }

                <h3>{ app.t(Msg::FormAddressHeading) }</h3>
                <div class="field-row">
                    { field(Input { inputmode: Some("numeric"), width: Some("width-4"), ..Input::text(Field::StreetNumber, "off") }) }
                    { field(Input { list: Some("complements"), width: Some("width-6"), ..Input::text(Field::StreetComplement, "off") }) }
                </div>
                <datalist id="complements">
                    { for REPETITIONS.iter().map(|word| html! { <option value={ *word }></option> }) }
                </datalist>
                { field(Input { list: Some("lane-types"), ..Input::text(Field::LaneType, "off") }) }
                <LaneTypeOptions lang={ app.lang() } />
                { field(Input::text(Field::StreetName, "off")) }
                { field(Input::text(Field::AddressExtra, "address-line2")) }
                { field(Input { inputmode: Some("numeric"), width: Some("width-6"), ..Input::text(Field::Postcode, "postal-code") }) }
                { postcodes_note(&app) }
                { field(Input { list: Some("towns"), ..Input::text(Field::Town, "address-level2") }) }
                { towns(&app) }

                <h3>{ app.t(Msg::FormContactHeading) }</h3>
                { field(Input { kind: "email", inputmode: Some("email"), ..Input::text(Field::Email, "email") }) }
                { field(Input { kind: "email", inputmode: Some("email"), ..Input::text(Field::EmailConfirmation, "email") }) }
                { field(Input { kind: "tel", inputmode: Some("tel"), ..Input::text(Field::Phone, "tel") }) }

                <button type="submit" class="button">{ app.t(Msg::FormCheck) }</button>
            </form>
        </Step>
    }
}

/// The words of a finding, placeholders filled.
pub(crate) fn message(app: &AppContext, report: &Report, finding: &Finding) -> String {
    let lang = app.lang();
    let (first, second) = app.rules.academic_year(app.state.today);
    let towns = match (&app.state.postcodes, report.normalised.get(&Field::Postcode)) {
        (Postcodes::Loaded(base), Some(code)) => {
            let names: Vec<&str> =
                base.towns(code).unwrap_or_default().iter().map(String::as_str).collect();
            join_or(lang, &names)
        }
        _ => String::new(),
    };
    let suggestion = finding.suggestion.clone().unwrap_or_default();
    fill(
        lang.text(finding.message()),
        &[
            ("first", &first.to_string()),
            ("second", &second.to_string()),
            ("towns", &towns),
            ("suggestion", &suggestion),
        ],
    )
}

/// The error summary, or the all-clear, focused after each check.
fn result(app: &AppContext, report: &Report) -> Html {
    if report.is_valid() {
        return html! {
            <p class="outcome" id="details-result" tabindex="-1" role="status">{ app.t(Msg::FormAllGood) }</p>
        };
    }
    html! {
        <div class="error-summary" id="details-result" tabindex="-1" role="alert" aria-labelledby="details-summary-title">
            <h3 id="details-summary-title">{ app.t(Msg::FormSummaryTitle) }</h3>
            <ul>
                { for report.errors.iter().map(|f| html! {
                    // "Last name: use at most 254 characters": each item names its field.
                    <li><a href={ format!("#{}", f.field.input_id()) }>
                        <span class="summary-field">{ app.t(f.field.label()) }{ app.t(Msg::FormSummaryFieldSep) }</span>
                        { message(app, report, f) }
                    </a></li>
                }) }
            </ul>
        </div>
    }
}

/// The inline messages of a field, errors first, "Error:" or "Check:" read out before each.
fn inline(app: &AppContext, report: &Report, id: &str, findings: &[&Finding]) -> Html {
    html! {
        { for findings.iter().enumerate().map(|(i, f)| {
            let is_error = report.errors.contains(f);
            let (class, prefix) = if is_error {
                ("error-message", Msg::ErrorPrefix)
            } else {
                ("warning-message", Msg::FormWarningPrefix)
            };
            html! {
                <p class={ class } id={ format!("{id}-msg-{i}") }>
                    <span class={ if is_error { "visually-hidden" } else { "warning-prefix" } }>{ app.t(prefix) }{ " " }</span>
                    { message(app, report, f) }
                </p>
            }
        }) }
    }
}

fn described_by(id: &str, hint: bool, findings: usize) -> Option<String> {
    let mut ids: Vec<String> = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    ids.extend((0..findings).map(|i| format!("{id}-msg-{i}")));
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn value_of(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn text_field(
    app: &AppContext,
    report: &Report,
    input: Input,
    value: &str,
    findings: &[&Finding],
) -> Html {
    let id = input.field.input_id();
    let has_error = findings.iter().any(|f| report.errors.contains(f));
    let field = input.field;
    html! {
        <div class={ classes!("field", has_error.then_some("field-error")) }>
            <label for={ id }>{ app.t(field.label()) }</label>
            if let Some(hint) = field.hint() { <p class="hint" id={ format!("{id}-hint") }>{ app.t(hint) }</p> }
            { inline(app, report, id, findings) }
            <input
                id={ id }
                name={ id }
                type={ input.kind }
                class={ input.width }
                inputmode={ input.inputmode }
                autocomplete={ input.autocomplete }
                list={ input.list }
                dir="auto"
                spellcheck="false"
                aria-invalid={ has_error.to_string() }
                aria-describedby={ described_by(id, field.hint().is_some(), findings.len()) }
                value={ value.to_owned() }
                oninput={ app.callback(move |e: InputEvent| Action::TypeField(field, value_of(&e))) }
            />
        </div>
    }
}

fn title(app: &AppContext, report: &Report, value: &str, findings: &[&Finding]) -> Html {
    let current = secu_precheck_domain::fields::title::Title::parse(value).ok();
    let option = |id: &'static str, code: &'static str, label: Msg| {
        let checked = current.map(|t| t.as_str().trim_end_matches('.')) == Some(code);
        html! {
            <div class="radio">
                <input
                    type="radio"
                    id={ id }
                    name="title"
                    checked={ checked }
                    onchange={ app.callback(move |_: Event| Action::TypeField(Field::Title, code.to_owned())) }
                />
                <label for={ id }>{ app.t(label) }</label>
            </div>
        }
    };
    html! {
        <fieldset class={ classes!("field", (!findings.is_empty()).then_some("field-error")) }
            aria-describedby={ described_by("title", true, findings.len()) }>
            <legend>{ app.t(Field::Title.label()) }</legend>
            if let Some(hint) = Field::Title.hint() { <p class="hint" id="title-hint">{ app.t(hint) }</p> }
            { inline(app, report, "title", findings) }
            <div class="radios">
                { option("title-m", "M", Msg::FormTitleM) }
                { option("title-mme", "Mme", Msg::FormTitleMme) }
            </div>
        </fieldset>
    }
}

fn date(app: &AppContext, report: &Report, fields: &DateFields, findings: &[&Finding]) -> Html {
    let has_error = findings.iter().any(|f| report.errors.contains(f));
    html! {
        <fieldset
            class={ classes!("field", has_error.then_some("field-error")) }
            aria-describedby={ described_by("rights", true, findings.len()) }
        >
            <legend>{ app.t(Field::RightsStartDate.label()) }</legend>
            if let Some(hint) = Field::RightsStartDate.hint() { <p class="hint" id="rights-hint">{ app.t(hint) }</p> }
            { inline(app, report, "rights", findings) }
            { DateInput { prefix: "rights", autofill: None, fields, invalid: has_error, action: Action::TypeRights }.render(app) }
        </fieldset>
    }
}

fn postcodes_note(app: &AppContext) -> Html {
    match app.state.postcodes {
        Postcodes::Loading => {
            html! { <p class="hint" role="status">{ app.t(Msg::FormPostcodesLoading) }</p> }
        }
        Postcodes::Failed => {
            html! { <p class="hint" role="status">{ app.t(Msg::FormPostcodesFailed) }</p> }
        }
        Postcodes::NotLoaded | Postcodes::Loaded(_) => Html::default(),
    }
}

/// The towns of the typed postcode, offered in the town field's list.
fn towns(app: &AppContext) -> Html {
    let code: String =
        app.state.details.get(Field::Postcode).chars().filter(|c| !c.is_whitespace()).collect();
    let names = match &app.state.postcodes {
        Postcodes::Loaded(base) => base.towns(&code).map(<[String]>::to_vec).unwrap_or_default(),
        _ => Vec::new(),
    };
    html! {
        <datalist id="towns">
            { for names.into_iter().map(|n| html! { <option value={ n }></option> }) }
        </datalist>
    }
}

/// The official lane types, with what each is in English for English readers.
#[function_component(LaneTypeOptions)]
fn lane_type_options(props: &LangProps) -> Html {
    html! {
        <datalist id="lane-types">
            { for LANE_TYPES.iter().map(|l| {
                let label = match props.lang {
                    Lang::En => format!("{} — {}", l.code, l.en),
                    _ => l.code.to_owned(),
                };
                html! { <option value={ l.fr } label={ label }></option> }
            }) }
        </datalist>
    }
}
