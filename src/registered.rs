//! "I have registered": the part of the page that follows the registration after it is sent,
//! built as its own wasm (src/bin/registered.rs, Trunk's `registered` asset) that the page
//! loads only when the student opens it, so the first screen carries none of it.
//!
//! The page gives it a host element, `#registered-root`, whose attributes say everything it
//! needs and change when the page does: `data-state` (the answers, as "keep my answers" writes
//! them: the language, the situation, the details), `data-keep` (whether the student chose to
//! keep answers on this device), `data-today`, and `data-forget` (changed by "Forget
//! everything"). It mounts its own Yew app in that element, and marks it `data-ready`.
//!
//! What the student records here (what the personal area shows for each document, the dates
//! of each stage) is kept in this tab's `sessionStorage` (it outlives a reload, never the tab),
//! and in `localStorage` under [`Progress::KEY`] only while `data-keep` says so. A pasted message is read here and never kept; a certificate is read by the inspection
//! worker and never kept either, and its number is never shown.

use std::rc::Rc;

use secu_precheck_domain::attestation::Attestation;
use secu_precheck_domain::email::{self, Recognised};
use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::mrz::Typed;
use secu_precheck_domain::next_steps::{self, Dates, Visa, When};
use secu_precheck_domain::progress::{Progress, Shown};
use secu_precheck_domain::{
    Checklist, Date, DocumentId, Entitlement, Lang, Msg, Rules, SituationId,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::page::hooks::catalog::load_registered;
use crate::page::hooks::storage::{forget, load, store, DEVICE, TAB};
use crate::page::saved::Saved;
use crate::page::state::{Action as PageAction, State};
use crate::wire::certificate::Checked;
use crate::wire::protocol::{is_ready, CheckContext, Job, Task, Worker};
use crate::wire::record::Record;

/// The host element's id.
pub const HOST: &str = "registered-root";

/// Fetches the wording of the page's language (as the page does: its two files, which the
/// browser has, and this part's own), mounts the part in the page's host element, and tells the
/// page it is there (`data-ready`), or that it could not (`data-failed`: no wording at all).
pub fn start() {
    let Some(host) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(HOST))
    else {
        return;
    };
    let _ = host.remove_attribute("data-failed");
    wasm_bindgen_futures::spawn_local(async move {
        let wanted = outside(&host).wanted;
        if !load_registered(wanted).await && !load_registered(Lang::En).await {
            let _ = host.set_attribute("data-failed", "");
            return;
        }
        mount(&host);
    });
}

/// Whether everything this part says in `lang` is there.
fn ready(lang: Lang) -> bool {
    lang.is_ready() && lang.has_later() && lang.has_after()
}

fn mount(host: &Element) {
    // Two Yew apps share this document. Yew marks each app's root with its number and handles
    // an event in the app whose mark is nearest the target, and each wasm numbers its apps from
    // 1: the page's app (its only one, with no portal) would take this part's events for its
    // own and run its own handlers on them. An empty first app here takes 1; the part is 2.
    if let Some(spare) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok())
    {
        let _ = yew::Renderer::<Spare>::with_root(spare).render();
    }
    yew::Renderer::<Registered>::with_root_and_props(host.clone(), Props { host: host.clone() })
        .render();
    // What registered-start.js waits for.
    let _ = host.set_attribute("data-ready", "");
}

/// An app that renders nothing, only to take the number the page's app has (see [`start`]).
#[function_component(Spare)]
fn spare() -> Html {
    Html::default()
}

/// The host element.
#[derive(Clone, PartialEq, Properties)]
pub struct Props {
    /// Where the part lives, and what the page says through its attributes.
    pub host: Element,
}

/// What the page says, read from the host's attributes.
#[derive(Clone, PartialEq)]
struct Outside {
    /// The page's answers, as its reducer holds them.
    state: Rc<State>,
    /// Whether the student chose to keep answers on this device.
    keep: bool,
    /// Changes each time the student forgets everything.
    forgets: String,
    /// The page's language, which `state` is in once its wording is here (until then, one that
    /// is).
    wanted: Lang,
}

fn outside(host: &Element) -> Outside {
    let attr = |name: &str| host.get_attribute(name).unwrap_or_default();
    let saved = Saved::read(&Record::from_query(&attr("data-state")));
    let today = attr("data-today").parse().unwrap_or_else(|_| crate::page::hooks::start::today());
    let wanted = saved.lang.parse().unwrap_or(Lang::En);
    let lang = if ready(wanted) {
        wanted
    } else {
        Lang::ALL.into_iter().find(|&l| ready(l)).unwrap_or(Lang::En)
    };
    let state = Rc::new(State::new(lang, today)).reduce(PageAction::Restore(Box::new(saved)));
    Outside { state, keep: attr("data-keep") == "1", forgets: attr("data-forget"), wanted }
}

/// What the student recorded: this tab's (a reload), else what was kept on the device.
fn kept() -> Progress {
    load(TAB, Progress::KEY)
        .or_else(|| load(DEVICE, Progress::KEY))
        .map(|q| Progress::from_query(&q))
        .unwrap_or_default()
}

/// Keeps what was recorded in this tab always (it never outlives the tab), and on the device
/// while the student asks; removes what is not to be kept.
fn keep(progress: &Progress, asked: bool) {
    for (storage, wanted) in [(TAB, true), (DEVICE, asked)] {
        if wanted && !progress.is_empty() {
            store(storage, Progress::KEY, &progress.to_query());
        } else {
            forget(storage, Progress::KEY);
        }
    }
}

/// A certificate being read, or what it said.
#[derive(Clone, Debug, PartialEq)]
enum Certificate {
    None,
    Reading,
    Checked(Checked),
}

/// What this part holds.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    progress: Progress,
    email: String,
    /// What the last message read said; `None` before one is read.
    read: Option<Recognised>,
    /// "Paste a message first."
    empty: bool,
    certificate: Certificate,
}

enum Act {
    Sent(Option<Date>),
    Provisional(Option<Date>),
    Permanent(Option<Date>),
    Shown(DocumentId, Shown, Date),
    On(DocumentId, Option<Date>),
    TypeEmail(String),
    ReadEmail(Date),
    CertificateReading,
    CertificateChecked(Checked, Date),
    Forget,
}

impl Reducible for Model {
    type Action = Act;

    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        let mut m = Rc::unwrap_or_clone(self);
        let p = &mut m.progress;
        match action {
            Act::Sent(d) => p.sent = d,
            Act::Provisional(d) => p.provisional = d,
            Act::Permanent(d) => p.permanent = d,
            Act::Shown(doc, shown, today) => {
                let on = p.entry(doc).on.or(Some(today));
                p.set(doc, shown, on);
            }
            // A new date leaves the status and its reason as they are.
            Act::On(doc, on) => p.docs.entry(doc).or_default().on = on,
            Act::TypeEmail(text) => {
                m.email = text;
                m.empty = false;
            }
            Act::ReadEmail(today) => {
                if m.email.trim().is_empty() {
                    m.empty = true;
                    m.read = None;
                } else {
                    let read = email::recognise(&m.email);
                    p.apply(&read, today);
                    m.read = Some(read);
                }
            }
            Act::CertificateReading => m.certificate = Certificate::Reading,
            Act::CertificateChecked(checked, today) => {
                if let Checked::Read(read) = &checked {
                    p.certificate(read, today);
                }
                m.certificate = Certificate::Checked(checked);
            }
            Act::Forget => return Rc::new(Model::empty()),
        }
        Rc::new(m)
    }
}

impl Model {
    fn empty() -> Model {
        Model {
            progress: Progress::default(),
            email: String::new(),
            read: None,
            empty: false,
            certificate: Certificate::None,
        }
    }
}

/// A date input's value: `None` when empty or not a date.
fn date_of(event: &Event) -> Option<Date> {
    event.target_dyn_into::<HtmlInputElement>().and_then(|i| i.value().parse().ok())
}

/// Asks a fresh inspection worker to read a certificate, and tells `done` what it said. The
/// worker is ended once it has answered; one that fails or never starts says unreadable.
fn check_certificate(file: web_sys::File, done: Callback<Checked>) {
    let Ok(worker) = web_sys::Worker::new(Worker::Inspector.url()) else {
        done.emit(Checked::Unreadable);
        return;
    };
    let job = Job {
        id: 1,
        task: Task::Attestation,
        name: file.name(),
        made_as: String::new(),
        context: CheckContext { size_limit: u64::MAX, ..CheckContext::default() },
    };
    let message = job.message(&js_sys::Array::of1(&file));
    let on_message = {
        let worker = worker.clone();
        let done = done.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            if is_ready(&data) {
                let _ = worker.post_message(&message);
            } else if let Some((_, checked)) = Checked::read(&data) {
                worker.terminate();
                done.emit(checked);
            }
        })
    };
    let on_error = {
        let worker = worker.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            worker.terminate();
            done.emit(Checked::Unreadable);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker is ended after one answer; its handlers go with it.
    on_message.forget();
    on_error.forget();
}

/// The part.
#[function_component(Registered)]
pub fn registered(props: &Props) -> Html {
    let outside = use_state({
        let host = props.host.clone();
        move || outside(&host)
    });
    use_effect_with(props.host.clone(), {
        let outside = outside.setter();
        move |host: &Element| {
            let observed = host.clone();
            let on_change =
                Closure::<dyn FnMut()>::new(move || outside.set(self::outside(&observed)));
            let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).ok();
            if let Some(observer) = &observer {
                let options = web_sys::MutationObserverInit::new();
                options.set_attributes(true);
                let _ = observer.observe_with_options(host, &options);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_change);
            }
        }
    });
    // The page switched to a language whose wording this part has not: fetched, then shown.
    use_effect_with(outside.wanted, {
        let outside = outside.setter();
        let host = props.host.clone();
        move |&wanted: &Lang| {
            if !ready(wanted) {
                wasm_bindgen_futures::spawn_local(async move {
                    if load_registered(wanted).await {
                        outside.set(self::outside(&host));
                    }
                });
            }
        }
    });
    let model = use_reducer(|| Model { progress: kept(), ..Model::empty() });
    // "Forget everything" on the page: the first value is the one the part started with.
    let forgets = use_mut_ref(|| outside.forgets.clone());
    use_effect_with(outside.forgets.clone(), {
        let model = model.dispatcher();
        move |now: &String| {
            if *forgets.borrow() != *now {
                *forgets.borrow_mut() = now.clone();
                keep(&Progress::default(), false);
                model.dispatch(Act::Forget);
            }
        }
    });
    use_effect_with((model.progress.clone(), outside.keep), |(progress, asked)| {
        keep(progress, *asked);
    });
    // The builtin rules are checked by a test; built once, as the page does.
    let rules = use_memo((), |()| Rules::builtin().ok());
    let Some(rules) = rules.as_ref() else { return Html::default() };
    view(&outside, &model, rules)
}

fn view(outside: &Outside, model: &UseReducerHandle<Model>, rules: &Rules) -> Html {
    let state = &outside.state;
    let lang = state.lang;
    let today = state.today;
    let t = |msg: Msg| lang.text(msg);
    let situation = state.answers.situation(rules).unwrap_or(SituationId::NonEu);
    let progress = &model.progress;
    let checklist =
        Checklist::new(rules, situation, state.answers.age_on(today), &progress.in_hand())
            .holding(rules, state.answers.residence);
    let dispatch = |make: fn(Option<Date>) -> Act| {
        let model = model.dispatcher();
        Callback::from(move |e: Event| model.dispatch(make(date_of(&e))))
    };
    let date_field = |id: &'static str, label: Msg, value: Option<Date>, on: Callback<Event>| {
        html! {
            <div class="field">
                <label for={ id }>{ t(label) }</label>
                <input type="date" id={ id } class="registered-date" value={ value.map(|d| d.to_string()).unwrap_or_default() } onchange={ on } />
            </div>
        }
    };
    html! {
        <div class="registered">
            <p class="step-intro">{ t(Msg::RegisteredIntro) }</p>
            <p class="hint" id="registered-kept">{ t(if outside.keep { Msg::RegisteredKept } else { Msg::RegisteredNotKept }) }</p>
            <fieldset class="field">
                <legend>{ t(Msg::RegisteredStageLegend) }</legend>
                { date_field("registered-sent", Msg::RegisteredSent, progress.sent, dispatch(Act::Sent)) }
                { date_field("registered-provisional", Msg::RegisteredProvisionalDay, progress.provisional, dispatch(Act::Provisional)) }
                { date_field("registered-permanent", Msg::RegisteredPermanentDay, progress.permanent, dispatch(Act::Permanent)) }
            </fieldset>
            <h3>{ t(Msg::RegisteredDocumentsHeading) }</h3>
            <ul class="registered-docs">
                { for checklist.all().map(|doc| document(lang, today, model, doc)) }
            </ul>
            { missing(lang, &checklist, progress) }
            { message(lang, today, model) }
            { certificate(state, rules, model) }
            { timeline(state, rules, progress) }
        </div>
    }
}

/// One document's status, its date, and what to do next.
fn document(lang: Lang, today: Date, model: &UseReducerHandle<Model>, doc: DocumentId) -> Html {
    let t = |msg: Msg| lang.text(msg);
    let code = doc.code();
    let entry = model.progress.entry(doc);
    let shown = entry.shown.unwrap_or(Shown::NotSent);
    let on_shown = {
        let model = model.dispatcher();
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            if let Some(shown) = value.and_then(|v| v.parse::<Shown>().ok()) {
                model.dispatch(Act::Shown(doc, shown, today));
            }
        })
    };
    let on_date = {
        let model = model.dispatcher();
        Callback::from(move |e: Event| model.dispatch(Act::On(doc, date_of(&e))))
    };
    let next = model.progress.next(doc);
    let reason = entry.reason.map(|r| t(r.text()));
    let status_id = format!("status-{code}");
    let since_id = format!("since-{code}");
    html! {
        <li key={ code } class={ classes!("registered-doc", format!("shown-{}", shown.code())) }>
            <div class="field">
                <label for={ status_id.clone() }>{ fill(t(Msg::RegisteredStatus), &[("doc", t(doc.name()))]) }</label>
                <select id={ status_id } onchange={ on_shown }>
                    { for Shown::ALL.iter().map(|s| html! {
                        <option value={ s.code() } selected={ *s == shown }>{ t(s.label()) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for={ since_id.clone() }>{ t(Msg::RegisteredSince) }</label>
                <input type="date" id={ since_id } class="registered-date" value={ entry.on.map(|d| d.to_string()).unwrap_or_default() } onchange={ on_date } />
            </div>
            <p class="registered-next" id={ format!("next-{code}") }>
                { t(next.text()) }
                if let Some(reason) = reason {
                    { " " }{ reason }
                }
            </p>
            if matches!(next, secu_precheck_domain::progress::Next::Send | secu_precheck_domain::progress::Next::Replace) {
                <p><a href={ format!("#slot-{code}") }>{ t(Msg::RegisteredBoxLink) }</a></p>
            }
        </li>
    }
}

/// What is still missing for each certificate.
fn missing(lang: Lang, checklist: &Checklist, progress: &Progress) -> Html {
    let t = |msg: Msg| lang.text(msg);
    let group = |heading: Msg, docs: Vec<DocumentId>| {
        (!docs.is_empty()).then(|| {
            html! {
                <>
                    <p>{ t(heading) }</p>
                    <ul>{ for docs.iter().map(|d| html! { <li>{ t(d.name()) }</li> }) }</ul>
                </>
            }
        })
    };
    let provisional = progress.still_missing(checklist, Entitlement::Provisional);
    let final_ = progress.still_missing(checklist, Entitlement::Final);
    let nothing = provisional.is_empty() && final_.is_empty();
    html! {
        <div class="registered-missing" id="registered-missing" aria-live="polite">
            <h3>{ t(Msg::RegisteredMissingHeading) }</h3>
            if nothing {
                <p>{ t(Msg::RegisteredNothingMissing) }</p>
            }
            { group(Msg::RegisteredMissingProvisional, provisional).unwrap_or_default() }
            { group(Msg::RegisteredMissingFinal, final_).unwrap_or_default() }
        </div>
    }
}

/// Paste a message, and what it says.
fn message(lang: Lang, today: Date, model: &UseReducerHandle<Model>) -> Html {
    let t = |msg: Msg| lang.text(msg);
    let on_input = {
        let model = model.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                model.dispatch(Act::TypeEmail(area.value()));
            }
        })
    };
    let on_read = {
        let model = model.dispatcher();
        Callback::from(move |_: MouseEvent| model.dispatch(Act::ReadEmail(today)))
    };
    let result = match (&model.read, model.empty) {
        (_, true) => html! { <p class="error-message">{ t(Msg::RegisteredEmailEmpty) }</p> },
        (None, false) => Html::default(),
        (Some(read), false) if !read.recognised => html! {
            <>
                <p>{ email::unrecognised(lang) }</p>
                <p>{ t(Msg::RegisteredEmailChoose) }</p>
            </>
        },
        (Some(read), false) => html! {
            <>
                <p>{ t(Msg::RegisteredEmailApplied) }</p>
                <ul>
                    { for read.documents.iter().map(|named| html! { <li>{ named.explained(lang) }</li> }) }
                </ul>
            </>
        },
    };
    html! {
        <div class="registered-email">
            <h3>{ t(Msg::RegisteredEmailHeading) }</h3>
            <div class="field">
                <label for="registered-email">{ t(Msg::RegisteredEmailLabel) }</label>
                <p class="hint" id="registered-email-hint">{ t(Msg::RegisteredEmailHint) }</p>
                <textarea id="registered-email" rows="6" aria-describedby="registered-email-hint" value={ model.email.clone() } oninput={ on_input } />
            </div>
            <button type="button" class="button" id="registered-email-read" onclick={ on_read }>{ t(Msg::RegisteredEmailRead) }</button>
            <div id="registered-email-result" aria-live="polite">{ result }</div>
        </div>
    }
}

/// Choose or drop the certificate, and what it says.
fn certificate(state: &State, rules: &Rules, model: &UseReducerHandle<Model>) -> Html {
    let lang = state.lang;
    let today = state.today;
    let t = |msg: Msg| lang.text(msg);
    let take = {
        let model = model.dispatcher();
        Callback::from(move |file: web_sys::File| {
            model.dispatch(Act::CertificateReading);
            let model = model.clone();
            check_certificate(
                file,
                Callback::from(move |checked| {
                    model.dispatch(Act::CertificateChecked(checked, today))
                }),
            );
        })
    };
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input = e.target_dyn_into::<HtmlInputElement>();
            if let Some(file) =
                input.as_ref().and_then(HtmlInputElement::files).and_then(|f| f.get(0))
            {
                take.emit(file);
            }
            if let Some(input) = input {
                input.set_value("");
            }
        })
    };
    // A drop here is this part's: the page's guard must not hear of it.
    let on_over = Callback::from(|e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
    });
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
        if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            take.emit(file);
        }
    });
    let result = match &model.certificate {
        Certificate::None => Html::default(),
        Certificate::Reading => html! { <p>{ t(Msg::RegisteredCertificateReading) }</p> },
        Certificate::Checked(Checked::Read(read)) => facts(state, rules, read),
        Certificate::Checked(Checked::NotOne) => {
            html! { <p class="error-message">{ t(Msg::RegisteredCertificateNotOne) }</p> }
        }
        Certificate::Checked(Checked::Scan) => {
            html! { <p class="error-message">{ t(Msg::RegisteredCertificateScan) }</p> }
        }
        Certificate::Checked(Checked::Unreadable) => {
            html! { <p class="error-message">{ t(Msg::RegisteredCertificateFailed) }</p> }
        }
    };
    html! {
        <div class="registered-certificate" ondragover={ on_over.clone() } ondragenter={ on_over } ondrop={ on_drop }>
            <h3>{ t(Msg::RegisteredCertificateHeading) }</h3>
            <div class="field">
                <label for="registered-certificate">{ t(Msg::RegisteredCertificateLabel) }</label>
                <p class="hint" id="registered-certificate-hint">{ t(Msg::RegisteredCertificateHint) }</p>
                <input type="file" id="registered-certificate" accept=".pdf,application/pdf" aria-describedby="registered-certificate-hint" onchange={ on_change } />
            </div>
            <div id="registered-certificate-result" aria-live="polite">{ result }</div>
        </div>
    }
}

/// What a certificate says, against the answers.
fn facts(state: &State, rules: &Rules, read: &Attestation) -> Html {
    use secu_precheck_domain::attestation::{Finding, Kind};
    use secu_precheck_domain::nir::NumberKind;
    let lang = state.lang;
    let t = |msg: Msg| lang.text(msg);
    let long = |d: Date| d.long(lang);
    let report = state.report(rules);
    let mut typed = Typed::from_normalised(&report.normalised);
    typed.today = Some(state.today);
    let findings = read.against(&typed, state.today);
    let mut lines: Vec<String> = Vec::new();
    match read.kind {
        Some(Kind::Provisional) => lines.push(t(Msg::RegisteredCertificateProvisional).to_owned()),
        Some(Kind::Final) => lines.push(t(Msg::RegisteredCertificateFinal).to_owned()),
        None => {}
    }
    if let (Some(from), Some(to)) = (read.valid_from, read.valid_to) {
        lines.push(fill(
            t(Msg::RegisteredCertificatePeriod),
            &[("from", &long(from)), ("to", &long(to))],
        ));
        if read.covers(state.today) == Some(true) {
            lines.push(t(Msg::RegisteredCertificateValidToday).to_owned());
        }
        if let Some(start) = typed.rights_start.filter(|s| read.covers(*s) == Some(true)) {
            lines.push(fill(t(Msg::RegisteredCertificateCoversStart), &[("date", &long(start))]));
        }
    }
    match read.number_kind {
        Some(NumberKind::Provisional) => {
            lines.push(t(Msg::RegisteredCertificateNumberProvisional).to_owned())
        }
        Some(NumberKind::Permanent) => {
            lines.push(t(Msg::RegisteredCertificateNumberPermanent).to_owned())
        }
        None => {}
    }
    if read.number_key_ok == Some(true) {
        lines.push(t(Msg::RegisteredCertificateKeyOk).to_owned());
    }
    if let Some(name) = &read.name {
        lines.push(fill(t(Msg::RegisteredCertificateName), &[("name", name)]));
    }
    if let Some(born) = read.birth_date {
        lines.push(fill(t(Msg::RegisteredCertificateBirth), &[("date", &long(born))]));
    }
    let said: Vec<String> = findings
        .iter()
        .map(|f| match f {
            Finding::Expired { on } => {
                fill(t(Msg::RegisteredFindingExpired), &[("date", &long(*on))])
            }
            Finding::NotYetValid { from } => {
                fill(t(Msg::RegisteredFindingNotYetValid), &[("date", &long(*from))])
            }
            Finding::StartNotCovered { start, .. } => {
                fill(t(Msg::RegisteredFindingStartNotCovered), &[("date", &long(*start))])
            }
            Finding::NameDiffers { typed, read } => {
                fill(t(Msg::RegisteredFindingNameDiffers), &[("typed", typed), ("read", read)])
            }
            Finding::BirthDateDiffers { typed, read } => fill(
                t(Msg::RegisteredFindingBirthDateDiffers),
                &[("typed", &long(*typed)), ("read", &long(*read))],
            ),
            Finding::NumberKeyFails => t(Msg::RegisteredFindingNumberKeyFails).to_owned(),
        })
        .collect();
    html! {
        <>
            if !said.is_empty() {
                <ul class="registered-findings">
                    { for said.into_iter().map(|s| html! { <li class="error-message">{ s }</li> }) }
                </ul>
            }
            <ul class="registered-facts">
                { for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }
            </ul>
        </>
    }
}

/// The steps still ahead, dated from the student's dates, and their calendar file.
fn timeline(state: &State, rules: &Rules, progress: &Progress) -> Html {
    let lang = state.lang;
    let t = |msg: Msg| lang.text(msg);
    let dates = Dates {
        rights_start: state.rights.parse().and_then(Result::ok),
        arrival: state.arrival.parse().and_then(Result::ok),
        visa: Visa::of(state.answers.situation(rules), state.answers.held(rules).settled()),
    };
    let steps = next_steps::following(&dates, progress, state.today);
    let calendar = next_steps::calendar(&steps, lang, state.today);
    let download = calendar.map(|ics| {
        Callback::from(move |_: MouseEvent| {
            crate::page::hooks::dom::download(
                "secu-precheck-after.ics",
                "text/calendar;charset=utf-8",
                &ics,
            );
        })
    });
    html! {
        <div class="registered-timeline">
            <h3>{ t(Msg::RegisteredTimelineHeading) }</h3>
            <p class="hint">{ t(Msg::RegisteredTimelineIntro) }</p>
            <ol class="timeline" id="registered-timeline">
                { for steps.iter().map(|step| html! {
                    <li key={ step.id } data-step={ step.id } class={ classes!(step.date.is_some_and(|w| w.is_now()).then_some("now")) }>
                        <h4>{ t(step.title) }</h4>
                        if let Some(when) = step.date {
                            <p class={ classes!("when", matches!(when, When::Overdue(_)).then_some("overdue")) }>
                                { next_steps::when_text(when, lang) }
                            </p>
                        }
                        <p>{ t(step.body()) }</p>
                    </li>
                }) }
            </ol>
            if let Some(download) = download {
                <button type="button" class="button" id="registered-calendar" onclick={ download }>{ t(Msg::NextCalendar) }</button>
            }
        </div>
    }
}
