//! Step 3: one card per document the situation needs, which the checklist rows link to, each
//! with its box for the file.

use secu_precheck_domain::fields::Field;
use secu_precheck_domain::i18n::{fill, join_or, megabytes};
use secu_precheck_domain::{Country, DocumentId, Entitlement, Msg, SituationId};
use yew::prelude::*;

use crate::page::components::{download_all, Step, Upload};
use crate::page::context::AppContext;
use crate::page::state::Notice;

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
        Some(Notice::Removed(doc)) => fill(
            app.t(Msg::UploadRemoved),
            &[("doc", app.rules.document(doc).name.get(app.lang()))],
        ),
    }
}

fn card(app: &AppContext, doc: DocumentId) -> Html {
    let lang = app.lang();
    let rule = app.rules.document(doc);
    // The notes of the situation the checklist shows (the common case's until one is decided).
    let situation = app.situation().unwrap_or(SituationId::NonEu);
    let note = app.rules.situation(situation).notes.get(&doc);
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
            <h4 id={ format!("{id}-name") }>{ rule.name.get(lang) }</h4>
            <p>{ rule.what_counts.get(lang) }</p>
            if let Some(note) = note { <p class="note">{ note.get(lang) }</p> }
            <ul class="hints">
                if let Some(year) = year { <li>{ year }</li> }
                if let Some((Some(rule), _)) = &birth { <li class="birth-rule">{ rule }</li> }
                { for rule.hints.iter().map(|h| html! { <li>{ h.get(lang) }</li> }) }
            </ul>
            if let Some((_, check)) = birth { <p class="self-check">{ check }</p> }
            <p class="limits">{ limits }</p>
            <Upload doc={ doc } />
        </article>
    }
}
