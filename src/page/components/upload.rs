//! A document's box: a real file input (and the camera on phones), a drop zone, the verdict
//! in plain words with what to do, and the fixes that make a file that passes.

use std::cell::RefCell;
use std::rc::Rc;

use secu_precheck_domain::fields::Field;
use secu_precheck_domain::i18n::{file_size, fill};
use secu_precheck_domain::inspect::explain::{explain, facts_line, Subject};
use secu_precheck_domain::inspect::{Problem, Verdict};
use secu_precheck_domain::{DocumentId, Msg};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::page::components::with_isolated;
use crate::page::context::{use_app, AppContext};
use crate::page::hooks::dom;
use crate::page::state::{Action, Check, FileMeta, Fix, Read, Reader, Slot};
use crate::wire::protocol::{Failure, Outcome, Task};

/// Props: which document's box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Properties)]
pub struct UploadProps {
    /// The document.
    pub doc: DocumentId,
}

/// The files of a `FileList` (an input's or a drop's).
fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Where keyboard focus goes once the box has rendered again: a control that a click removes
/// or disables (a fix button while it works, a page's "×") would leave it on `<body>`.
type FocusNext = Rc<RefCell<Option<String>>>;

/// Asks for focus on the element `id` after the next render.
fn focus_next(focus: &FocusNext, id: String) {
    *focus.borrow_mut() = Some(id);
}

/// The element ids of a box's parts that focus goes to.
fn status_id(doc: DocumentId) -> String {
    format!("fix-status-{}", doc.code())
}
fn pages_status_id(doc: DocumentId) -> String {
    format!("pages-status-{}", doc.code())
}
fn result_id(doc: DocumentId) -> String {
    format!("result-{}", doc.code())
}
fn use_id(doc: DocumentId) -> String {
    format!("use-{}", doc.code())
}

/// After each render: the focus asked for; and when a fix the student started is ready, its
/// "Use this file" (unless the student has gone on elsewhere meanwhile).
#[hook]
fn use_box_focus(doc: DocumentId, fix: &Fix) -> FocusNext {
    let focus: FocusNext = use_mut_ref(|| None);
    let ready = matches!(fix, Fix::Made(_, o) if o.inspection.verdict() != Verdict::Error);
    let was_ready = use_mut_ref(|| ready);
    {
        let focus = focus.clone();
        use_effect(move || {
            if let Some(id) = focus.borrow_mut().take() {
                dom::focus(&id);
            }
            let before = std::mem::replace(&mut *was_ready.borrow_mut(), ready);
            if ready && !before {
                let waiting = [status_id(doc), pages_status_id(doc)];
                if dom::active_id().is_none_or(|id| waiting.contains(&id)) {
                    dom::focus(&use_id(doc));
                }
            }
        });
    }
    focus
}

/// The box of one document.
#[function_component(Upload)]
pub fn upload(props: &UploadProps) -> Html {
    let app = use_app();
    let doc = props.doc;
    let slot = app.state.slots.get(&doc).cloned().unwrap_or_default();
    let focus = use_box_focus(doc, &slot.fix);

    // Files from the input or a drop: one replaces the file, several become pages; with pages
    // already waiting, new files join them.
    let take = {
        let app = app.clone();
        let adding = !slot.pages.is_empty();
        Callback::from(move |files: Vec<File>| {
            let metas: Vec<FileMeta> = files.into_iter().map(|f| app.files.add(f)).collect();
            if metas.is_empty() {
                return;
            }
            let action =
                if adding { Action::AddPages(doc, metas) } else { Action::ChooseFiles(doc, metas) };
            app.state.dispatch(action);
        })
    };
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            take.emit(files_of(input.files()));
            // The same file chosen again must still fire `change`.
            input.set_value("");
        })
    };
    let zone = use_drop_zone(take);
    let has_file = slot.file.is_some() || !slot.pages.is_empty();
    html! {
        <div
            class={ classes!("upload", zone.dragging.then_some("dragging")) }
            data-doc={ doc.code() }
            ondragover={ zone.over.clone() }
            ondragenter={ zone.over }
            ondragleave={ zone.leave }
            ondrop={ zone.drop }
        >
            { controls(&app, doc, has_file, zone.dragging, &on_change) }
            if let (false, Some((_, name, size))) = (has_file, app.state.lost.iter().find(|(d, ..)| *d == doc)) {
                <p class="hint" id={ format!("lost-{}", doc.code()) }>
                    { fill(app.t(Msg::UploadLost), &[("name", name), ("size", &file_size(app.lang(), *size))]) }
                </p>
            }
            if !slot.pages.is_empty() {
                { pages(&app, doc, &slot, on_change.clone(), &focus) }
            }
            <div class="result" id={ result_id(doc) } tabindex="-1" aria-live="polite">
                if let Some((file, check)) = &slot.file {
                    { result(&app, doc, file, check, &focus) }
                    { reading(&app, doc, file, &slot.reading, &focus) }
                }
            </div>
            if slot.file.is_some() {
                { fix_result(&app, doc, &slot, &focus) }
            }
        </div>
    }
}

/// What a file input of a box accepts: the portal's formats, by extension and by type.
const ACCEPT: &str = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/// A box's drop zone: whether files are dragged over it, and its handlers.
struct DropZone {
    dragging: bool,
    over: Callback<DragEvent>,
    leave: Callback<DragEvent>,
    drop: Callback<DragEvent>,
}

/// Files dropped on the box go to `take`; a drop stops here, so the page's guard against drops
/// outside the boxes never sees it.
#[hook]
fn use_drop_zone(take: Callback<Vec<File>>) -> DropZone {
    let dragging = use_state(|| false);
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the file in place of the page.
            e.prevent_default();
            if let Some(dt) = e.data_transfer() {
                dt.set_drop_effect("copy");
            }
            dragging.set(true);
        })
    };
    let leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            dragging.set(false);
            take.emit(files_of(e.data_transfer().and_then(|dt| dt.files())));
        })
    };
    DropZone { dragging: *dragging, over, leave, drop }
}

/// Choose (or replace) a file, take a photo, where to drop, and remove.
fn controls(
    app: &AppContext,
    doc: DocumentId,
    has_file: bool,
    dragging: bool,
    on_change: &Callback<Event>,
) -> Html {
    let id = doc.code();
    let doc_name = app.t(doc.name());
    let remove = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.state.dispatch(Action::Remove(doc));
            dom::focus(&format!("file-{id}"));
        })
    };
    let choose = if has_file { Msg::UploadReplace } else { Msg::UploadChoose };
    html! {
        <div class="upload-controls">
            <input
                type="file"
                class="file-input"
                id={ format!("file-{id}") }
                accept={ ACCEPT }
                multiple=true
                onchange={ on_change.clone() }
            />
            <label for={ format!("file-{id}") } class="file-button">
                { app.t(choose) }
                <span class="visually-hidden">{ format!(" — {doc_name}") }</span>
            </label>
            <input
                type="file"
                class="file-input camera-input"
                id={ format!("camera-{id}") }
                accept="image/*"
                capture="environment"
                onchange={ on_change.clone() }
            />
            <label for={ format!("camera-{id}") } class="file-button secondary camera-button">
                { app.t(Msg::UploadTakePhoto) }
                <span class="visually-hidden">{ format!(" — {doc_name}") }</span>
            </label>
            <span class="drop-hint" aria-hidden="true">
                { app.t(if dragging { Msg::UploadDropHere } else { Msg::UploadDrop }) }
            </span>
            if has_file {
                <button type="button" class="link-button" onclick={ remove }>
                    { app.t(Msg::UploadRemove) }
                    <span class="visually-hidden">{ format!(" — {doc_name}") }</span>
                </button>
            }
        </div>
    }
}

/// The pages waiting to be combined, in order, with their controls.
fn pages(
    app: &AppContext,
    doc: DocumentId,
    slot: &Slot,
    on_add: Callback<Event>,
    focus: &FocusNext,
) -> Html {
    let id = doc.code();
    let n = slot.pages.len();
    let combine = {
        let app = app.clone();
        let focus = focus.clone();
        let keys: Vec<u32> = slot.pages.iter().map(|f| f.key).collect();
        let name = slot.pages.first().map(|f| f.name.clone()).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            // The button is disabled while it works: the focus waits on the status.
            focus_next(&focus, pages_status_id(doc));
            start_fix(&app, doc, Task::Combine, &keys, &name);
        })
    };
    let keys: Vec<u32> = slot.pages.iter().map(|f| f.key).collect();
    let working = matches!(slot.fix, Fix::Working(_));
    html! {
        <div class="pages">
            <h5 id={ format!("pages-{id}") }>{ app.t(Msg::UploadPagesHeading) }</h5>
            <p class="hint">{ app.t(Msg::UploadPagesHint) }</p>
            <ol aria-labelledby={ format!("pages-{id}") }>
                { for slot.pages.iter().enumerate().map(|(i, file)| {
                    // Each action says where the focus goes once the rows have moved: the same
                    // page's other arrow when this one becomes disabled, the next page's "×"
                    // (or the previous one's) when a page goes, the box when one page is left.
                    let act = |action: Action, then: String| {
                        let app = app.clone();
                        let focus = focus.clone();
                        Callback::from(move |_: MouseEvent| {
                            focus_next(&focus, then.clone());
                            app.state.dispatch(action.clone());
                        })
                    };
                    let key = file.key;
                    let up_then = if i == 1 { format!("page-down-{key}") } else { format!("page-up-{key}") };
                    let down_then = if i + 2 == n { format!("page-up-{key}") } else { format!("page-down-{key}") };
                    let remove_then = match (n, keys.get(i + 1).or(i.checked_sub(1).and_then(|j| keys.get(j)))) {
                        (0..=2, _) | (_, None) => result_id(doc),
                        (_, Some(k)) => format!("page-remove-{k}"),
                    };
                    let label = |msg| fill(app.t(msg), &[("name", &file.name)]);
                    // Each page seen before combining: a photo's thumbnail, else its kind.
                    let thumb = match app.files.badge(key) {
                        None => html! { <img class="page-thumb" src={ app.files.url(key).unwrap_or_default() } alt="" /> },
                        Some(badge) => html! { <span class="page-thumb page-badge" aria-hidden="true">{ badge }</span> },
                    };
                    html! {
                        <li key={ file.key }>
                            { thumb }
                            <span class="page-label">
                                <span class="page-name">{ &file.name }</span>
                                { " " }
                                <span class="page-size">{ file_size(app.lang(), file.size) }</span>
                            </span>
                            // The three buttons wrap as one, never "×" alone on a line.
                            <span class="page-buttons">
                                <button type="button" class="small-button" disabled={ i == 0 } id={ format!("page-up-{key}") }
                                    aria-label={ label(Msg::UploadMoveUp) } onclick={ act(Action::MovePage(doc, i, true), up_then) }>{ "↑" }</button>
                                <button type="button" class="small-button" disabled={ i + 1 == n } id={ format!("page-down-{key}") }
                                    aria-label={ label(Msg::UploadMoveDown) } onclick={ act(Action::MovePage(doc, i, false), down_then) }>{ "↓" }</button>
                                <button type="button" class="small-button" id={ format!("page-remove-{key}") }
                                    aria-label={ label(Msg::UploadRemovePage) } onclick={ act(Action::RemovePage(doc, i), remove_then) }>{ "×" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
            <div class="page-actions">
                <input type="file" class="file-input" id={ format!("add-{id}") }
                    accept={ ACCEPT } multiple=true onchange={ on_add } />
                <label for={ format!("add-{id}") } class="file-button secondary">{ app.t(Msg::UploadAddPage) }</label>
                <button type="button" class="button" disabled={ working } onclick={ combine }>
                    { app.t(Msg::UploadCombine) }
                </button>
            </div>
            <div aria-live="polite" id={ pages_status_id(doc) } tabindex="-1">
                { fix_status(app, doc, &slot.fix, &slot.pages, focus) }
            </div>
        </div>
    }
}

/// The verdict on the file in the box.
fn result(
    app: &AppContext,
    doc: DocumentId,
    file: &FileMeta,
    check: &Check,
    focus: &FocusNext,
) -> Html {
    let lang = app.lang();
    let outcome = match check {
        Check::Due | Check::Pending(_) => {
            return html! {
                <div class="checking">
                    <p>{ fill(app.t(Msg::VerdictChecking), &[("name", &file.name)]) }</p>
                    // Shown only when a check takes longer than about 300 ms (CSS).
                    <progress class="slow-progress" aria-hidden="true"></progress>
                </div>
            };
        }
        Check::NotRead => {
            let size = file_size(lang, file.size);
            return html! {
                <div class="verdict-box verdict-error" data-verdict="error">
                    <p class="file-name">{ with_isolated(app.t(Msg::UploadSummary), "name", &file.name) }</p>
                    <p class="verdict">{ fill(app.t(Msg::VerdictNotRead), &[("size", &size)]) }</p>
                    <ul class="problems">
                        <li class="problem severity-error" data-code={ Problem::TooLarge.code() }>
                            <strong>{ app.t(Problem::TooLarge.title()) }</strong>
                            <span class="fix">{ app.t(Problem::TooLarge.fix()) }</span>
                        </li>
                    </ul>
                </div>
            };
        }
        Check::Failed(..) => {
            return html! {
                <div class="verdict-box verdict-error" data-verdict="failed">
                    <p class="file-name">{ with_isolated(app.t(Msg::UploadSummary), "name", &file.name) }</p>
                    <p class="verdict">{ app.t(Msg::VerdictFailed) }</p>
                </div>
            };
        }
        Check::Done(_, outcome) => outcome,
    };
    let inspection = &outcome.inspection;
    let verdict = inspection.verdict();
    let class = format!("verdict-{verdict}");
    let url = inspection.is_showable_image().then(|| app.files.url(file.key)).flatten();
    html! {
        <div class={ classes!("verdict-box", class) } data-verdict={ verdict.code() }>
            if let Some(url) = url {
                <img class="thumbnail" src={ url } alt={ fill(app.t(Msg::UploadThumbnail), &[("name", &file.name)]) } />
            }
            <p class="file-name">{ with_isolated(app.t(Msg::UploadSummary), "name", &file.name) }</p>
            <p class="facts">{ facts_line(inspection, lang) }</p>
            <p class="verdict">{ app.t(verdict.headline()) }</p>
            { problems(app, doc, &file.name, outcome) }
            { fixes(app, doc, file, outcome, focus) }
        </div>
    }
}

/// "What we read": once the reader is on the device, what the file says and what that means
/// against the form; before, what reading costs and the button that starts it.
fn reading(
    app: &AppContext,
    doc: DocumentId,
    file: &FileMeta,
    read: &Read,
    focus: &FocusNext,
) -> Html {
    let lang = app.lang();
    match read {
        // The reader words and escapes the whole section (src/worker/reader.rs): the page, whose
        // first screen has a budget, carries none of its wording or formatting.
        Read::Done(_, Some(answered)) => {
            let section = Html::from_html_unchecked(AttrValue::from(answered.html.clone()));
            return html! { <div class="reading" data-reading="done">{ section }</div> };
        }
        Read::Done(_, None) => {
            return html! { <p class="reading" data-reading="failed">{ app.t(Msg::ReadFailed) }</p> };
        }
        Read::Pending(..) => {
            return html! { <p class="reading" data-reading="reading">{ app.t(Msg::ReadReading) }</p> };
        }
        Read::None => {}
    }
    if !app.state.readable().iter().any(|(d, f)| *d == doc && f.key == file.key) {
        return Html::default();
    }
    match app.state.reader {
        Reader::Offered(bytes, failed) => {
            let size = file_size(lang, bytes);
            let start = {
                let (app, focus) = (app.clone(), focus.clone());
                Callback::from(move |_: MouseEvent| {
                    // The button goes as the reader starts: the focus waits on the box's result,
                    // where the progress and then the reading show.
                    focus_next(&focus, result_id(doc));
                    app.state.dispatch(Action::StartReader);
                })
            };
            html! {
                <div class="reading" data-reading="offered">
                    if failed {
                        <p class="reading-error">{ app.t(Msg::ReadUnavailable) }</p>
                    }
                    <p class="hint" id={ format!("read-hint-{}", doc.code()) }>{ fill(app.t(Msg::ReadOfferHint), &[("size", &size)]) }</p>
                    <button type="button" class="file-button secondary" onclick={ start }
                        aria-describedby={ format!("read-hint-{}", doc.code()) }>
                        { app.t(Msg::ReadOffer) }
                        <span class="visually-hidden">{ format!(" — {}", app.t(doc.name())) }</span>
                    </button>
                </div>
            }
        }
        Reader::Starting(_) => html! {
            <p class="reading" data-reading="starting">{ app.t(Msg::ReadStarting) }</p>
        },
        Reader::Loading(loaded, total) => {
            let label = fill(
                app.t(Msg::ReadLoading),
                &[("loaded", &file_size(lang, loaded)), ("total", &file_size(lang, total))],
            );
            html! {
                <div class="reading" data-reading="loading">
                    <progress value={ loaded.to_string() } max={ total.to_string() } aria-label={ label.clone() }></progress>
                    <p>{ label }</p>
                </div>
            }
        }
        Reader::Unknown | Reader::Looking | Reader::Missing | Reader::Ready => Html::default(),
    }
}

/// Every problem: a title, what is wrong, what to do.
fn problems(app: &AppContext, doc: DocumentId, name: &str, outcome: &Outcome) -> Html {
    let lang = app.lang();
    let subject = Subject {
        name,
        size_limit: app.rules.size_limit(doc),
        academic_year: app.rules.academic_year(app.state.today),
        last_name: app.state.details.get(Field::LastName),
        rules: &app.rules,
    };
    let list = explain(&outcome.inspection, lang, &subject);
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="problems">
            { for list.into_iter().map(|e| {
                html! {
                    <li class={ classes!("problem", format!("severity-{}", e.severity)) } data-code={ e.code.code() }>
                        <strong class="problem-title">{ e.title }</strong>
                        <span class="problem-detail">{ e.detail }</span>
                        <span class="fix">{ e.fix }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The fixes that apply to this file.
/// Only what this browser can do is offered: every fix re-encodes an image it opens.
fn fixes(
    app: &AppContext,
    doc: DocumentId,
    file: &FileMeta,
    outcome: &Outcome,
    focus: &FocusNext,
) -> Html {
    let i = &outcome.inspection;
    let image = i.is_showable_image() && outcome.convertible;
    let mut offers = Vec::new();
    // The page the reader found lying otherwise, turned upright in one go (the camera's tag
    // applied too).
    let slot = app.state.slots.get(&doc);
    let turn = slot.and_then(|s| match &s.reading {
        Read::Done(_, Some(a)) => a.upright,
        _ => None,
    });
    if let (true, Some(turn)) = (image, turn) {
        offers.push((turn, Msg::FixUpright));
    }
    if image && (i.has(Problem::TooLarge) || i.has(Problem::ImageEndMissing)) {
        // It also stores the photo upright.
        offers.push((Task::Fit, Msg::FixShrink));
    } else if image && turn.is_none() && i.has(Problem::ImageRotated) {
        // Only the camera's turn applied: the photo stays as the student sees it.
        offers.push((Task::Fit, Msg::FixUpright));
    }
    let other_image = !i.is_showable_image() && outcome.convertible;
    if other_image || image && (i.has(Problem::ImageCmyk) || i.has(Problem::ImageAnimated)) {
        offers.push((Task::Fit, Msg::FixConvert));
    }
    if image {
        offers.push((Task::RotateLeft, Msg::FixRotateLeft));
        offers.push((Task::RotateRight, Msg::FixRotateRight));
    }
    if offers.is_empty() {
        return Html::default();
    }
    let working = slot.is_some_and(|s| matches!(s.fix, Fix::Working(_)));
    html! {
        <div class="fixes">
            <h5>{ app.t(Msg::FixHeading) }</h5>
            { for offers.into_iter().map(|(task, label)| {
                let app2 = app.clone();
                let focus = focus.clone();
                let key = file.key;
                let name = file.name.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    // The buttons are disabled while it works: the focus waits on the status.
                    focus_next(&focus, status_id(doc));
                    start_fix(&app2, doc, task, &[key], &name);
                });
                html! { <button type="button" class="file-button secondary" disabled={ working } { onclick }>{ app.t(label) }</button> }
            }) }
        </div>
    }
}

/// The made file, offered once it passes; or why it could not be made.
fn fix_result(app: &AppContext, doc: DocumentId, slot: &Slot, focus: &FocusNext) -> Html {
    html! {
        <div class="fix-result" id={ status_id(doc) } tabindex="-1" aria-live="polite">
            { fix_status(app, doc, &slot.fix, &[], focus) }
        </div>
    }
}

fn fix_status(
    app: &AppContext,
    doc: DocumentId,
    fix: &Fix,
    pages: &[FileMeta],
    focus: &FocusNext,
) -> Html {
    let lang = app.lang();
    match fix {
        Fix::Idle => Html::default(),
        Fix::Working(_) => html! {
            <div class="checking">
                <p>{ app.t(Msg::FixWorking) }</p>
                <progress class="slow-progress" aria-hidden="true"></progress>
            </div>
        },
        Fix::Failed(_, failed) => {
            let text = match failed.failure {
                Failure::Decode => app.t(Msg::FixFailedDecode).to_owned(),
                Failure::NotCombinable => {
                    let file = failed.file.and_then(|at| pages.get(at));
                    fill(app.t(Msg::FixNotCombinable), &[("name", file.map_or("", |f| &f.name))])
                }
                Failure::Read | Failure::Encode | Failure::Crashed => {
                    app.t(Msg::FixFailed).to_owned()
                }
            };
            html! { <p class="error-message" data-fix="failed">{ text }</p> }
        }
        Fix::Made(file, outcome) => {
            let passes = outcome.inspection.verdict() != Verdict::Error;
            if !passes {
                let subject_name = file.name.clone();
                return html! {
                    <div class="made" data-fix="still">
                        <p class="warning-message">{ app.t(Msg::FixStill) }</p>
                        { problems(app, doc, &subject_name, outcome) }
                    </div>
                };
            }
            let url = app.files.url(file.key).unwrap_or_default();
            let use_it = {
                let app = app.clone();
                let focus = focus.clone();
                Callback::from(move |_: MouseEvent| {
                    // The made file becomes the box's file: the focus goes to its verdict.
                    focus_next(&focus, result_id(doc));
                    app.state.dispatch(Action::UseMade(doc));
                })
            };
            // A made photo is shown before it is used: a turn the wrong way is seen here.
            let preview = outcome.inspection.is_showable_image().then(|| html! {
                <img class="preview" src={ url.clone() } alt={ fill(app.t(Msg::FixPreview), &[("name", &file.name)]) } />
            });
            html! {
                <div class="made" data-fix="made">
                    <p class="made-summary">{ fill(app.t(Msg::FixReady), &[("name", &file.name), ("size", &file_size(lang, file.size))]) }</p>
                    { for preview }
                    <a class="file-button" href={ url } download={ file.name.clone() }>
                        { fill(app.t(Msg::FixDownload), &[("name", &file.name)]) }
                    </a>
                    <button type="button" class="file-button secondary" id={ use_id(doc) } onclick={ use_it }>{ app.t(Msg::FixUse) }</button>
                </div>
            }
        }
    }
}

/// Asks the worker for a fix; its answer lands in the state as [`Action::Fixed`].
fn start_fix(app: &AppContext, doc: DocumentId, task: Task, keys: &[u32], name: &str) {
    app.state.dispatch(Action::FixSent(doc, task));
    let context = app.state.context(doc, &app.rules);
    // Named in the student's language: acte-de-naissance.pdf, birth-certificate.pdf.
    let made_as = app.rules.document(doc).file_name.get(app.lang()).to_owned();
    let files = app.files.clone();
    let dispatcher = app.state.dispatcher();
    let done = Callback::from(move |(result, blob): crate::page::hooks::files::Answer| {
        let result = result.and_then(|outcome| {
            let name = outcome.made.clone().unwrap_or_default();
            let meta = blob.and_then(|b| files.add_made(&b, &name)).ok_or(Failure::Encode)?;
            Ok((meta, outcome))
        });
        dispatcher.dispatch(Action::Fixed(doc, result));
    });
    app.files.run(task, keys, name, &made_as, context, done);
}
