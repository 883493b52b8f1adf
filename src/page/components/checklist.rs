//! The checklist panel: every required document with its status, grouped by certificate,
//! with a live headline of what is still missing; on phones, a summary bar stays in view.

use std::collections::BTreeMap;
use std::rc::Rc;

use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::{
    Checklist, DocumentId, Entitlement, Lang, Msg, Outcome, Rules, SituationId,
};
use yew::prelude::*;

use crate::page::context::use_app;
use crate::page::state::DocStatus;

/// Whose checklist this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The answers do not decide a situation yet: the most common case is shown.
    CommonCase,
    /// The student's situation.
    Situation(SituationId),
}

/// Everything the panel shows; a plain view, so tests can render any state.
#[derive(Clone, PartialEq, Properties)]
pub struct ChecklistViewProps {
    /// Language.
    pub lang: Lang,
    /// The rules (names and notes of the documents).
    pub rules: Rc<Rules>,
    /// What is required and what is missing.
    pub checklist: Checklist,
    /// Documents with a file.
    pub statuses: BTreeMap<DocumentId, DocStatus>,
    /// Whose checklist.
    pub scope: Scope,
}

/// The panel, from the app's state.
#[function_component(ChecklistPanel)]
pub fn checklist_panel() -> Html {
    let app = use_app();
    let scope = app.situation().map_or(Scope::CommonCase, Scope::Situation);
    html! {
        <ChecklistView
            lang={ app.lang() }
            rules={ Rc::clone(&app.rules) }
            checklist={ (*app.checklist).clone() }
            statuses={ app.state.statuses() }
            scope={ scope }
        />
    }
}

/// The panel, from explicit values.
#[function_component(ChecklistView)]
pub fn checklist_view(props: &ChecklistViewProps) -> Html {
    let lang = props.lang;
    let t = |m| lang.text(m);
    let c = &props.checklist;
    let scope = match props.scope {
        Scope::CommonCase => t(Msg::ChecklistScopeCommonCase).to_owned(),
        Scope::Situation(s) => {
            fill(t(Msg::ChecklistScopeSituation), &[("situation", lang.text(s.name()))])
        }
    };
    let counts = |e: Entitlement| {
        let total = c.required(e).len();
        (total - c.missing(e).len(), total)
    };
    let ((p_ready, p_total), (f_ready, f_total)) =
        (counts(Entitlement::Provisional), counts(Entitlement::Final));
    let summary = fill(
        t(if f_total == 0 {
            Msg::ChecklistScopeMobileSummaryProvisional
        } else {
            Msg::ChecklistScopeMobileSummary
        }),
        &[
            ("p_ready", &p_ready.to_string()),
            ("p_total", &p_total.to_string()),
            ("f_ready", &f_ready.to_string()),
            ("f_total", &f_total.to_string()),
        ],
    );
    html! {
        <aside class="checklist" id="checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading" tabindex="-1">{ t(Msg::ChecklistHeading) }</h2>
            <p class="scope">{ scope }</p>
            if c.outcome == Outcome::NoRegistrationNeeded {
                <p class="headline" role="status">{ t(Msg::ChecklistScopeNoRegistration) }</p>
            } else {
                <ul class="headlines" aria-live="polite">
                    { for Entitlement::ALL.into_iter().map(|e| html! { <li>{ headline(lang, &props.checklist, e) }</li> }) }
                </ul>
                { for Entitlement::ALL.into_iter().map(|e| group(props, e)) }
                <a class="mobile-summary" href="#checklist-heading">{ summary }</a>
            }
        </aside>
    }
}

/// "Still missing for the provisional certificate: …", or that nothing is.
pub(crate) fn headline(lang: Lang, checklist: &Checklist, e: Entitlement) -> String {
    if e == Entitlement::Final && checklist.required(e).is_empty() {
        return lang.text(Msg::ChecklistNoneFinal).to_owned();
    }
    let docs = checklist.missing(e);
    if docs.is_empty() {
        return lang.text(e.complete()).to_owned();
    }
    let names: Vec<&str> = docs.iter().map(|&d| lang.text(d.name())).collect();
    fill(lang.text(e.missing()), &[("docs", &names.join(", "))])
}

fn group(props: &ChecklistViewProps, e: Entitlement) -> Html {
    let lang = props.lang;
    let required = props.checklist.required(e);
    if required.is_empty() {
        return Html::default();
    }
    let id = format!("checklist-{e}");
    let total = required.len();
    let ready = total - props.checklist.missing(e).len();
    let progress = fill(
        lang.text(Msg::ChecklistProgress),
        &[("ready", &ready.to_string()), ("total", &total.to_string())],
    );
    html! {
        <section class="checklist-group" aria-labelledby={ id.clone() }>
            <h3 { id }>{ lang.text(e.title()) }</h3>
            <p class="progress-text">
                <progress max={ total.to_string() } value={ ready.to_string() } aria-hidden="true"></progress>
                { progress }
            </p>
            <ul class="documents">
                { for required.iter().map(|&doc| row(props, doc)) }
            </ul>
        </section>
    }
}

fn row(props: &ChecklistViewProps, doc: DocumentId) -> Html {
    let lang = props.lang;
    let row_note = props.checklist.row_note(doc);
    let (class, label, reason) = match props.statuses.get(&doc) {
        None => ("status-missing", Msg::StatusMissing, None),
        Some(DocStatus::Checking) => ("status-checking", Msg::StatusChecking, None),
        Some(DocStatus::Ready) => ("status-ready", Msg::StatusReady, None),
        Some(DocStatus::NeedsAttention(reason)) => {
            ("status-attention", Msg::StatusAttention, Some(*reason))
        }
    };
    html! {
        <li key={ doc.code() } class={ classes!("document", class) } id={ format!("checklist-{}", doc.code()) }>
            <a class="document-name" href={ format!("#slot-{}", doc.code()) }>{ lang.text(doc.name()) }</a>
            <span class="status">{ lang.text(label) }</span>
            if let Some(reason) = reason { <span class="document-hint">{ lang.text(reason) }</span> }
            if let Some(note) = row_note { <span class="document-hint">{ lang.text(note) }</span> }
        </li>
    }
}
