//! The reader worker, for the app's whole life once started: looked for when a first photo or
//! scan is checked (`reader.txt` says what it downloads; the service worker's cache says
//! whether its models are on the device already, and then it starts at once), started when the
//! student asks, and sent every file there is something to read in. Every failure becomes an
//! action: models that cannot load offer reading again, a worker that stops answers its jobs
//! as unread and is started again for the next.

use secu_precheck_domain::fields::Report;
use secu_precheck_domain::Rules;
use yew::prelude::*;

use crate::page::hooks::files::Files;
use crate::page::hooks::postcodes::fetch_text;
use crate::page::state::{Action, Reader, State};
use crate::wire::reading::{Message, ReadJob};

/// The file that names the reader's parts and their sizes (scripts/reader.mjs).
const LIST: &str = "reader.txt";

/// What `reader.txt` says: every byte reading downloads once, and the recogniser's path (the
/// largest model, which the service worker's cache holds once the models are on the device).
fn parse_list(text: &str) -> Option<(u64, String)> {
    let mut total = 0;
    let mut rec = None;
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (role, bytes, path) =
            (parts.next()?, parts.next()?.parse::<u64>().ok()?, parts.next()?);
        total += bytes;
        if role == "rec" {
            rec = Some(path.to_owned());
        }
    }
    Some((total, rec?))
}

/// Whether the service worker's cache holds this file.
async fn cached(path: &str) -> bool {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else { return false };
    match wasm_bindgen_futures::JsFuture::from(caches.match_with_str(path)).await {
        Ok(hit) => !hit.is_undefined() && !hit.is_null(),
        Err(_) => false,
    }
}

/// Looks for the reader, starts it when asked, and sends it what there is to read.
#[hook]
pub fn use_reader(
    state: &UseReducerHandle<State>,
    rules: Option<&Rules>,
    report: Option<&Report>,
    files: &Files,
) {
    let next_job = use_mut_ref(|| 0_u32);
    // Looked for once there is something to read; started when asked (or found on the device).
    let look = state.reader == Reader::Unknown && !state.readable().is_empty();
    let start = matches!(state.reader, Reader::Starting(_));
    let due = match (rules, report) {
        (Some(rules), Some(report)) => state.due_reads(rules, report),
        _ => Vec::new(),
    };
    let dispatcher = state.dispatcher();
    let files = files.clone();
    use_effect_with((look, start, due), move |(look, start, due)| {
        if *look {
            dispatcher.dispatch(Action::ReaderLooking);
            let dispatcher = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let found = match fetch_text(LIST).await.as_deref().and_then(parse_list) {
                    Some((bytes, rec)) => Some((bytes, cached(&rec).await)),
                    None => None,
                };
                dispatcher.dispatch(Action::ReaderFound(found));
            });
        }
        if *start {
            let hear = {
                let (dispatcher, files) = (dispatcher.clone(), files.clone());
                Callback::from(move |message: Message| {
                    if message == Message::Unavailable {
                        files.stop_reader();
                    }
                    dispatcher.dispatch(Action::Reader(message));
                })
            };
            files.start_reader(hear);
        }
        for (doc, key, context) in due.iter().cloned() {
            let id = {
                let mut next = next_job.borrow_mut();
                *next += 1;
                *next
            };
            dispatcher.dispatch(Action::ReadSent(doc, id, context.clone()));
            if !files.read(&ReadJob { id, key, context }) {
                dispatcher.dispatch(Action::Reader(Message::Answer(id, None)));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_says_what_reading_downloads() {
        let list = "det 1829618 models/t/ppocrv5_det.onnx\nrec 1269595 models/t/ppocrv5_rec.onnx\nkeys 27163 models/t/ppocr_keys_v5.txt\nengine 2000000 reader_bg.wasm\n";
        assert_eq!(parse_list(list), Some((5_126_376, "models/t/ppocrv5_rec.onnx".to_owned())));
        assert_eq!(parse_list("det 12 a\n"), None, "no recogniser");
        assert_eq!(parse_list("rec twelve a\n"), None);
        assert_eq!(parse_list("<!doctype html>"), None, "a host's page for a missing file");
    }
}
