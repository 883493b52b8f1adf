//! Step 3: one card per document the situation needs, which the checklist rows link to, each
//! with its box for the file.

use secu_precheck_domain::fields::Field;
use secu_precheck_domain::i18n::{fill, join_or, megabytes};
use secu_precheck_domain::residence::Held;
use secu_precheck_domain::{Country, DocumentId, Entitlement, Msg};
use yew::prelude::*;

use crate::page::components::{download_all, Step, Upload};
use crate::page::context::AppContext;
use crate::page::state::{Action, Notice};

/// "Your documents": what counts, advice, formats and size, per document.
pub fn documents_step(app: &AppContext) -> Html {
    let checklist = &app.checklist;
    // The university's limit where it set one (every slot then has it).
    let size = vec![("size", megabytes(app.lang(), app.rules.defaults.size_limit_bytes))];
    html! {
        <Step id="documents" heading={ Msg::DocumentsHeading } intro={ Msg::DocumentsBody }
            intro_values={ size }>
            // Only a student who registers sees this step (the app shows the end state instead).
            { for Entitlement::ALL.into_iter().filter(|&e| !checklist.required(e).is_empty()).map(|e| html! {
                <div class="slot-group" key={ e.code() }>
                    <h3>{ app.t(e.title()) }</h3>
                    { for checklist.required(e).iter().map(|&doc| card(app, doc)) }
                </div>
            }) }
            <p class="advice">{ app.t(Msg::SlotAdvice) }</p>
            <p class="drop-notice" role="status">{ notice(app) }</p>
            { download_all(app) }
        </Step>
    }
}

/// The step's last announcement, in words.
fn notice(app: &AppContext) -> String {
    match app.state.notice {
        None => String::new(),
        Some(Notice::DroppedOutside) => app.t(Msg::UploadDropOutside).to_owned(),
        Some(Notice::Removed(doc)) => {
            fill(app.t(Msg::UploadRemoved), &[("doc", app.t(doc.name()))])
        }
    }
}

fn card(app: &AppContext, doc: DocumentId) -> Html {
    let lang = app.lang();
    // The notes of the situation the checklist shows (the common case's until one is decided),
    // as the residence document held keeps them.
    let held = app.state.answers.held(&app.rules);
    let note = held.note(doc);
    let formats: Vec<&str> = app.rules.formats(doc).iter().map(|f| app.t(f.name())).collect();
    let limits = fill(
        app.t(Msg::SlotFormats),
        &[
            ("formats", &join_or(lang, &formats)),
            ("size", &megabytes(lang, app.rules.size_limit(doc))),
        ],
    );
    let year = (doc == DocumentId::CertificateOfStudies).then(|| {
        let (first, second) = app.rules.academic_year(app.state.today);
        fill(
            app.t(Msg::SlotAcademicYear),
            &[("first", &first.to_string()), ("second", &second.to_string())],
        )
    });
    // The birth certificate's translation rule for the country of birth typed in step 2, and
    // what to check on it.
    let birth = (doc == DocumentId::BirthCertificate).then(|| {
        let typed = app.state.details.get(Field::BirthCountry);
        let rule = Country::find(typed).map(|country| {
            fill(
                app.t(app.rules.birth_certificate_rule(country.code)),
                &[("country", country.name(lang))],
            )
        });
        (rule, app.t(Msg::SlotBirthCheck))
    });
    let id = format!("slot-{}", doc.code());
    html! {
        <article key={ doc.code() } class="slot" id={ id.clone() } tabindex="-1" aria-labelledby={ format!("{id}-name") }>
            <h4 id={ format!("{id}-name") }>{ app.t(doc.name()) }</h4>
            <p>{ app.t(doc.what_counts()) }</p>
            if let Some(note) = note { <p class="note">{ app.t(note) }</p> }
            <ul class="hints">
                if let Some(year) = year { <li>{ year }</li> }
                if let Some((Some(rule), _)) = &birth { <li class="birth-rule">{ rule }</li> }
                { for doc.hints().map(|h| html! { <li>{ app.t(h) }</li> }) }
            </ul>
            if let Some((_, check)) = birth { <p class="self-check">{ check }</p> }
            if doc == DocumentId::ResidencePermit { { residence_choice(app, held) } }
            <p class="limits">{ limits }</p>
            <Upload doc={ doc } />
        </article>
    }
}

/// The residence slot's question: which residence document the student holds, and what that
/// means for the upload, announced when the answer changes.
fn residence_choice(app: &AppContext, held: Held) -> Html {
    let explain = held.residence.map_or(Msg::SlotResidencePending, |r| r.explain());
    html! {
        // The explanation is a live region, announced when the answer changes; pointing the
        // group at it too would read it twice.
        <fieldset class="field residence-choice" id="residence-choice">
            <legend>{ app.t(Msg::SlotResidenceLegend) }</legend>
            <div class="radios stacked">
                { for Held::choices(&app.rules, held.situation).map(|r| {
                    let id = format!("residence-{}", r.code());
                    html! {
                        <div class="radio" key={ r.code() }>
                            <input
                                type="radio"
                                id={ id.clone() }
                                name="residence"
                                checked={ held.residence == Some(r) }
                                onchange={ app.callback(move |_: Event| Action::Hold(r)) }
                            />
                            <label for={ id }>{ app.t(r.label()) }</label>
                        </div>
                    }
                }) }
            </div>
            <p class="residence-explain" id="residence-explain" aria-live="polite">
                { app.t(explain) }
                if held.not_the_visa(&app.rules) { { " " }{ app.t(Msg::SlotResidenceNotVisa) } }
            </p>
        </fieldset>
    }
}
