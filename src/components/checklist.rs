//! The checklist panel: which documents are still missing, per certificate.

use secu_precheck_domain::documents::{checklist, GroupStatus};
use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::{DocumentId, Entitlement, Msg};
use yew::prelude::*;

use crate::app::{use_app, AppContext};

/// The panel beside (or, on phones, below) the steps.
#[function_component(Checklist)]
pub fn checklist_panel() -> Html {
    let app = use_app();
    let groups = checklist(&[]);
    html! {
        <aside class="checklist" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{ app.t(Msg::ChecklistHeading) }</h2>
            <ul class="headlines">
                { for groups.iter().map(|g| html! { <li>{ headline(&app, g) }</li> }) }
            </ul>
            <p class="scope">{ app.t(Msg::ChecklistScope) }</p>
            { for groups.iter().map(|g| group(&app, g)) }
        </aside>
    }
}

fn headline(app: &AppContext, group: &GroupStatus) -> String {
    let (missing, complete) = match group.entitlement {
        Entitlement::Provisional => {
            (Msg::ChecklistMissingProvisional, Msg::ChecklistCompleteProvisional)
        }
        Entitlement::Final => (Msg::ChecklistMissingFinal, Msg::ChecklistCompleteFinal),
    };
    if group.missing.is_empty() {
        return app.t(complete).to_owned();
    }
    let names: Vec<&str> = group.missing.iter().map(|d| app.t(d.name())).collect();
    fill(app.t(missing), &[("docs", &names.join(", "))])
}

fn group(app: &AppContext, group: &GroupStatus) -> Html {
    let (id, title) = match group.entitlement {
        Entitlement::Provisional => ("checklist-provisional", Msg::ChecklistProvisional),
        Entitlement::Final => ("checklist-final", Msg::ChecklistFinal),
    };
    let total = group.required.len();
    let ready = total - group.missing.len();
    let progress = fill(
        app.t(Msg::ChecklistProgress),
        &[("ready", &ready.to_string()), ("total", &total.to_string())],
    );
    html! {
        <section class="checklist-group" aria-labelledby={ id }>
            <h3 id={ id }>{ app.t(title) }</h3>
            <p class="progress-text">
                <progress max={ total.to_string() } value={ ready.to_string() } aria-hidden="true"></progress>
                { progress }
            </p>
            <ul class="documents">
                { for group.required.iter().map(|&doc| row(app, doc)) }
            </ul>
        </section>
    }
}

fn row(app: &AppContext, doc: DocumentId) -> Html {
    html! {
        <li class="document" id={ format!("checklist-{}", doc.id()) }>
            <span class="document-name">{ app.t(doc.name()) }</span>
            <span class="status status-missing">{ app.t(Msg::ChecklistStatusMissing) }</span>
            if doc == DocumentId::ResidencePermit {
                <span class="document-hint">{ app.t(Msg::ChecklistVisaAgain) }</span>
            }
        </li>
    }
}
