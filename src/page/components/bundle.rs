//! "Download all my files": one ZIP of every ready document, each named as its box on the
//! portal in the student's language (`domain::make::bundle`, made in the inspector worker).

use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::inspect::Format;
use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::page::context::AppContext;
use crate::page::hooks::dom;
use crate::page::state::{Action, Bundle, Check, DocStatus};
use crate::wire::protocol::{CheckContext, Task};

/// The ready documents' files, in the checklist's order: their keys and names in the ZIP (the
/// rules' file names, which a test holds to plain file stems).
fn ready_files(app: &AppContext) -> Vec<(u32, String)> {
    let lang = app.lang();
    app.checklist
        .all()
        .filter_map(|doc| {
            let slot = app.state.slots.get(&doc)?;
            if slot.status() != DocStatus::Ready {
                return None;
            }
            let (file, Check::Done(_, outcome)) = slot.file.as_ref()? else { return None };
            let extension = match outcome.inspection.format {
                Format::Pdf => ".pdf",
                Format::Jpeg => ".jpg",
                Format::Png => ".png",
                _ => return None,
            };
            Some((file.key, [app.rules.document(doc).file_name.get(lang), extension].concat()))
        })
        .collect()
}

/// The button, once a document is ready, and what became of the last ZIP.
pub fn download_all(app: &AppContext) -> Html {
    let files = ready_files(app);
    if files.is_empty() {
        return Html::default();
    }
    let zip_name = app.t(Msg::BundleName);
    let working = app.state.bundle == Bundle::Working;
    let onclick = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            // The button stays focusable while it works (aria-disabled): a second press waits.
            if app.state.bundle == Bundle::Working {
                return;
            }
            let keys: Vec<u32> = files.iter().map(|(k, _)| *k).collect();
            let names: Vec<&str> = files.iter().map(|(_, n)| n.as_str()).collect();
            let listed = names.join(", ");
            let dispatcher = app.state.dispatcher();
            app.state.dispatch(Action::BundleSent);
            let done = Callback::from(move |(result, blob): crate::page::hooks::files::Answer| {
                let made = match (result, blob) {
                    (Ok(_), Some(blob)) => {
                        dom::download_blob(zip_name, &blob);
                        Some(listed.clone())
                    }
                    _ => None,
                };
                dispatcher.dispatch(Action::Bundled(made));
            });
            let context = CheckContext { size_limit: u64::MAX, ..CheckContext::default() };
            app.files.run(Task::Bundle, &keys, &names.join("/"), zip_name, context, done);
        })
    };
    let status = match &app.state.bundle {
        Bundle::Idle => String::new(),
        Bundle::Working => app.t(Msg::BundleWorking).to_owned(),
        Bundle::Done(files) => {
            fill(app.t(Msg::BundleDone), &[("name", zip_name), ("files", files)])
        }
        Bundle::Failed => app.t(Msg::BundleFailed).to_owned(),
    };
    let failed = app.state.bundle == Bundle::Failed;
    html! {
        <div class="bundle no-print">
            <button type="button" class="button button-secondary" aria-disabled={ working.to_string() }
                aria-describedby="bundle-hint" { onclick }>
                { app.t(Msg::BundleButton) }
            </button>
            <p class="bundle-hint" id="bundle-hint">{ app.t(Msg::BundleHint) }</p>
            <p class={ classes!("bundle-status", failed.then_some("error-message")) } role="status">{ status }</p>
        </div>
    }
}
