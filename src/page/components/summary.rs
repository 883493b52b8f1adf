//! Step 4: "Check your answers" (GOV.UK pattern): every field as it should be typed on the
//! portal, every document with its status and file, what is still missing for each
//! certificate, each with a Change link back to it; a print stylesheet makes it a printout.

use secu_precheck_domain::fields::Field;
use secu_precheck_domain::{Country, Date, Entitlement, Msg};
use yew::prelude::*;

use crate::page::components::checklist::headline;
use crate::page::components::details::message;
use crate::page::components::{download_all, Step};
use crate::page::context::AppContext;
use crate::page::hooks::dom;
use crate::page::state::DocStatus;

/// "Check your answers".
pub fn summary(app: &AppContext) -> Html {
    let lang = app.lang();
    let report = &app.report;
    let checklist = &app.checklist;
    let form_ok = report.is_valid();
    let docs_ok = Entitlement::ALL.iter().all(|&e| checklist.missing(e).is_empty());
    let ready = form_ok && docs_ok;
    let print = Callback::from(|_: MouseEvent| dom::print());
    html! {
        <Step id="summary" heading={ Msg::SummaryHeading } intro={ Msg::SummaryBody }>
            <p class={ classes!("outcome", if ready { "summary-ready" } else { "summary-not-ready" }) } role="status">
                { app.t(if ready { Msg::SummaryReady } else { Msg::SummaryNotReady }) }
            </p>
            <h3>{ app.t(Msg::SummaryDetailsHeading) }</h3>
            <dl class="summary-list">
                { for Field::ALL.iter().copied().filter(|f| *f != Field::EmailConfirmation).map(|f| row(app, f)) }
            </dl>
            <h3>{ app.t(Msg::SummaryDocumentsHeading) }</h3>
            <ul class="headlines">
                { for Entitlement::ALL.into_iter().map(|e| html! { <li>{ headline(lang, checklist, e) }</li> }) }
            </ul>
            <dl class="summary-list">
                { for checklist.all().map(|doc| {
                    let name = app.t(doc.name());
                    let slot = app.state.slots.get(&doc);
                    let status = match slot.map(crate::page::state::Slot::status) {
                        None => Msg::StatusMissing,
                        Some(DocStatus::Checking) => Msg::StatusChecking,
                        Some(DocStatus::Ready) => Msg::StatusReady,
                        Some(DocStatus::NeedsAttention(_)) => Msg::StatusAttention,
                    };
                    let file = slot.and_then(|s| s.file.as_ref()).map(|(f, _)| f.name.clone());
                    html! {
                        <div class="summary-row" key={ doc.code() }>
                            <dt>{ name }</dt>
                            <dd>
                                <span class="summary-status">{ app.t(status) }</span>
                                if let Some(file) = file { <span class="summary-file">{ file }</span> }
                            </dd>
                            <dd class="summary-change">
                                <a href={ format!("#slot-{}", doc.code()) }>
                                    { app.t(Msg::SummaryChange) }
                                    <span class="visually-hidden">{ format!(" {name}") }</span>
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <button type="button" class="button no-print" onclick={ print }>{ app.t(Msg::SummaryPrint) }</button>
            { download_all(app) }
        </Step>
    }
}

/// One field: its label, its value as to type it (or what is wrong), and a Change link.
fn row(app: &AppContext, field: Field) -> Html {
    let lang = app.lang();
    let report = &app.report;
    let error = report.errors.iter().find(|f| f.field == field);
    let value = match (report.normalised.get(&field), error) {
        (_, Some(finding)) => html! {
            <span class="summary-error">{ message(app, report, finding) }</span>
        },
        (Some(v), None) => {
            let shown = match field {
                Field::BirthDate | Field::RightsStartDate => {
                    v.parse::<Date>().map_or_else(|_| v.clone(), |d| d.long(lang))
                }
                Field::Nationality | Field::BirthCountry => {
                    Country::by_code(v).map_or_else(|| v.clone(), |c| c.name(lang).to_owned())
                }
                _ => v.clone(),
            };
            // What the student typed keeps its own direction (a Latin name in Arabic text).
            html! { <span class="summary-value" dir="auto">{ shown }</span> }
        }
        (None, None) => {
            html! { <span class="summary-empty">{ app.t(Msg::SummaryNotGiven) }</span> }
        }
    };
    let label = app.t(field.label());
    html! {
        <div class="summary-row" key={ field.code() }>
            <dt>{ label }</dt>
            <dd>{ value }</dd>
            <dd class="summary-change">
                <a href={ format!("#{}", field.input_id()) }>
                    { app.t(Msg::SummaryChange) }
                    <span class="visually-hidden">{ format!(" {label}") }</span>
                </a>
            </dd>
        </div>
    }
}
