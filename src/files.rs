//! The browser handles behind the state's files, and the inspection worker.
//!
//! The state holds plain [`FileMeta`] values; the `File` objects, their preview URLs and the
//! worker live here, owned by the app for its whole life. Every failure becomes a value: a
//! worker that cannot start or stops answers [`Failure::Crashed`] and is started again.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, MessageEvent, Worker};
use yew::Callback;

use crate::protocol::{CheckContext, Done, Failure, Job, Outcome, Task, READY};
use crate::state::FileMeta;

/// The workers' entries, relative to the page so the app works from any sub-path: the
/// inspector starts with the page; the combiner, which carries lopdf, only when needed.
const WORKER_URLS: [&str; 2] = ["./inspector_loader.js", "./combiner_loader.js"];

/// Which worker does a task.
const fn worker_for(task: Task) -> usize {
    match task {
        Task::Combine => 1,
        Task::Inspect | Task::Fit | Task::Rotate => 0,
    }
}

/// What a job gives back: the verdict (of the made file, for a fix) and the made file.
pub type Answer = (Result<Outcome, Failure>, Option<Blob>);

/// The file handles and the worker. Cheap to clone; clones share everything.
#[derive(Clone, Default)]
pub struct Files {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for Files {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

#[derive(Default)]
struct Inner {
    next_key: u32,
    files: BTreeMap<u32, (File, Option<String>)>,
    workers: [Option<WorkerHandle>; 2],
    next_job: u32,
    /// Jobs in flight: which worker has them, and who waits for the answer.
    pending: BTreeMap<u32, (usize, Callback<Answer>)>,
}

struct WorkerHandle {
    worker: Worker,
    ready: bool,
    queue: Vec<JsValue>,
    // The handlers live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl Files {
    /// Keeps a file the student chose and gives its plain description.
    #[must_use]
    pub fn add(&self, file: File) -> FileMeta {
        let mut inner = self.inner.borrow_mut();
        inner.next_key += 1;
        let key = inner.next_key;
        // A file's size is a whole number of bytes.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let meta = FileMeta { key, name: file.name(), size: file.size() as u64 };
        inner.files.insert(key, (file, None));
        meta
    }

    /// Keeps a file the worker made.
    #[must_use]
    pub fn add_made(&self, blob: &Blob, name: &str) -> Option<FileMeta> {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(&blob.type_());
        let file =
            File::new_with_blob_sequence_and_options(&Array::of1(blob), name, &options).ok()?;
        Some(self.add(file))
    }

    /// A `blob:` URL of the file, for a preview or a download; made once per file.
    #[must_use]
    pub fn url(&self, key: u32) -> Option<String> {
        let mut inner = self.inner.borrow_mut();
        let (file, url) = inner.files.get_mut(&key)?;
        if url.is_none() {
            *url = web_sys::Url::create_object_url_with_blob(file).ok();
        }
        url.clone()
    }

    /// Lets go of every file the state no longer refers to, and of their URLs.
    pub fn keep_only(&self, keys: &BTreeSet<u32>) {
        let mut inner = self.inner.borrow_mut();
        inner.files.retain(|key, (_, url)| {
            let keep = keys.contains(key);
            if !keep {
                if let Some(url) = url {
                    // Revoking an unknown URL is a no-op.
                    let _ = web_sys::Url::revoke_object_url(url);
                }
            }
            keep
        });
    }

    /// Starts the worker now, so the first file is checked without waiting for it to load.
    pub fn warm_up(&self) {
        let mut inner = self.inner.borrow_mut();
        if inner.workers[0].is_none() {
            inner.workers[0] = self.spawn(0);
        }
    }

    /// Sends a job about the files with these keys, the first named `name`, a made file to be
    /// called `made_as`; `done` gets the answer exactly once.
    pub fn run(
        &self,
        task: Task,
        keys: &[u32],
        name: &str,
        made_as: &str,
        context: CheckContext,
        done: Callback<Answer>,
    ) {
        let mut inner = self.inner.borrow_mut();
        let files: Vec<File> =
            keys.iter().filter_map(|k| inner.files.get(k).map(|(f, _)| f.clone())).collect();
        if files.len() != keys.len() {
            drop(inner);
            done.emit((Err(Failure::Read), None));
            return;
        }
        inner.next_job += 1;
        let id = inner.next_job;
        let job = Job { id, task, name: name.to_owned(), made_as: made_as.to_owned(), context };
        let message = Object::new();
        let _ = Reflect::set(&message, &"job".into(), &job.record().to_object());
        let list: Array = files.into_iter().collect();
        let _ = Reflect::set(&message, &"files".into(), &list);
        let which = worker_for(task);
        inner.pending.insert(id, (which, done));
        if inner.workers[which].is_none() {
            inner.workers[which] = self.spawn(which);
        }
        let sent = match inner.workers[which].as_mut() {
            Some(handle) if handle.ready => handle.worker.post_message(&message).is_ok(),
            Some(handle) => {
                handle.queue.push(message.into());
                true
            }
            None => false,
        };
        if !sent {
            let failed = inner.pending.remove(&id);
            drop(inner);
            if let Some((_, cb)) = failed {
                cb.emit((Err(Failure::Crashed), None));
            }
        }
    }

    fn spawn(&self, which: usize) -> Option<WorkerHandle> {
        let worker = Worker::new(WORKER_URLS[which]).ok()?;
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                Files { inner }.on_message(which, &event.data());
            }
        });
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            if let Some(inner) = weak.upgrade() {
                Files { inner }.on_crash(which);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(WorkerHandle {
            worker,
            ready: false,
            queue: Vec::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn on_message(&self, which: usize, data: &JsValue) {
        if data.as_string().as_deref() == Some(READY) {
            let mut inner = self.inner.borrow_mut();
            if let Some(handle) = inner.workers[which].as_mut() {
                handle.ready = true;
                if which == 0 {
                    mark_ready();
                }
                for message in std::mem::take(&mut handle.queue) {
                    let _ = handle.worker.post_message(&message);
                }
            }
            return;
        }
        let done: Option<Done> =
            Reflect::get(data, &"done".into()).ok().and_then(|r| Done::read(&r));
        let Some(done) = done else { return };
        let blob = Reflect::get(data, &"blob".into()).ok().and_then(|b| b.dyn_into::<Blob>().ok());
        let callback = self.inner.borrow_mut().pending.remove(&done.id);
        if let Some((_, callback)) = callback {
            callback.emit((done.result, blob));
        }
    }

    /// A worker stopped (a trap, out of memory, or it could not load): its jobs in flight
    /// fail, and its next job starts a new one.
    fn on_crash(&self, which: usize) {
        let failed: Vec<Callback<Answer>> = {
            let mut inner = self.inner.borrow_mut();
            if let Some(handle) = inner.workers[which].take() {
                handle.worker.terminate();
                // This runs inside the handle's own error handler: drop it after returning.
                wasm_bindgen_futures::spawn_local(async move { drop(handle) });
            }
            let ids: Vec<u32> =
                inner.pending.iter().filter(|(_, (w, _))| *w == which).map(|(id, _)| *id).collect();
            ids.iter().filter_map(|id| inner.pending.remove(id)).map(|(_, cb)| cb).collect()
        };
        for callback in failed {
            callback.emit((Err(Failure::Crashed), None));
        }
    }
}

/// Marks `<html data-inspector="ready">` once the inspector listens: when the first file can be
/// checked, which `make bench` measures.
fn mark_ready() {
    if let Some(root) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-inspector", "ready");
    }
}
