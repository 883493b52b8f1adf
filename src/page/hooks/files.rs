//! The browser handles behind the state's files, and the workers that check and fix them.
//!
//! The state holds plain [`FileMeta`] values; the `File` objects, their preview URLs and the
//! workers live here, owned by the app for its whole life. Every failure becomes a value: a
//! worker that cannot start or stops answers [`Failure::Crashed`] and is started again.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use gloo::file::ObjectUrl;
use js_sys::Array;
use secu_precheck_domain::Rules;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, MessageEvent};
use yew::prelude::*;

use crate::page::state::{Action, FileMeta, State};
use crate::wire::protocol::{
    self, CheckContext, Done, Failed, Failure, Job, Outcome, Task, Worker,
};
use crate::wire::reading::{self, ReadJob};

/// What a job gives back: the verdict (of the made file, for a fix) and the made file.
pub type Answer = (Result<Outcome, Failed>, Option<Blob>);

/// The file handles and the workers, for the app's whole life; the inspector starts at once,
/// so the first file is checked without waiting for it to load.
#[hook]
pub fn use_files(state: &UseReducerHandle<State>) -> Files {
    let files = (*use_memo((), |()| Files::default())).clone();
    use_effect_with((), {
        let files = files.clone();
        move |()| files.warm_up()
    });
    // Let go of the handles of files no longer in any box.
    use_effect_with(state.file_keys(), {
        let files = files.clone();
        move |keys| files.keep_only(keys)
    });
    files
}

/// Sends each new file, and each file whose context changed, to the inspector; its answer
/// lands in the state.
#[hook]
pub fn use_checks(state: &UseReducerHandle<State>, rules: Option<&Rules>, files: &Files) {
    let files = files.clone();
    let dispatcher = state.dispatcher();
    let due = rules.map(|rules| state.due_checks(rules)).unwrap_or_default();
    use_effect_with(due, move |due| {
        for (doc, file, context) in due.iter().cloned() {
            dispatcher.dispatch(Action::CheckSent(doc, file.key, context.clone()));
            let dispatcher = dispatcher.clone();
            let sent = context.clone();
            let done = Callback::from(move |(result, _): Answer| {
                dispatcher.dispatch(Action::Checked(doc, file.key, sent.clone(), result));
            });
            files.run(Task::Inspect, &[file.key], &file.name, "", context, done);
        }
    });
}

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
    /// Each file, and its `blob:` URL once one was asked for (revoked when dropped).
    files: BTreeMap<u32, (File, Option<ObjectUrl>)>,
    workers: [Option<WorkerHandle>; Worker::ALL.len()],
    next_job: u32,
    /// Jobs in flight: which worker has them, and who waits for the answer.
    pending: BTreeMap<u32, (Worker, Callback<Answer>)>,
    /// Who hears the reader worker's every message.
    reader: Option<Callback<reading::Message>>,
}

struct WorkerHandle {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<JsValue>,
    // The handlers live as long as the worker.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

impl WorkerHandle {
    /// Posts a message now if the worker listens, else keeps it until it says it is ready;
    /// `false` when it could not be posted.
    fn send(&mut self, message: JsValue) -> bool {
        if self.ready {
            return self.worker.post_message(&message).is_ok();
        }
        self.queue.push(message);
        true
    }

    /// Ends the worker. This may run inside its own handlers: they are dropped after them.
    fn stop(self) {
        self.worker.terminate();
        wasm_bindgen_futures::spawn_local(async move { drop(self) });
    }
}

impl Files {
    /// Keeps a file the student chose and gives its plain description.
    #[must_use]
    pub fn add(&self, file: File) -> FileMeta {
        let mut inner = self.inner.borrow_mut();
        inner.next_key += 1;
        let key = inner.next_key;
        // A file's size is a whole number of bytes, far below 2^53.
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
        let url = url.get_or_insert_with(|| ObjectUrl::from(Blob::from(file.clone())));
        Some(url.to_string())
    }

    /// How a page to combine is shown in its row: `None` for a photo (JPEG or PNG, by the type
    /// the browser gives it), whose thumbnail then shows; otherwise a short badge (`PDF`, or
    /// the name's extension).
    #[must_use]
    pub fn badge(&self, key: u32) -> Option<String> {
        let inner = self.inner.borrow();
        let (file, _) = inner.files.get(&key)?;
        match file.type_().as_str() {
            "image/jpeg" | "image/png" => None,
            "application/pdf" => Some("PDF".to_owned()),
            _ => Some(
                file.name()
                    .rsplit_once('.')
                    .map(|(_, ext)| ext.chars().take(4).collect::<String>().to_ascii_uppercase())
                    .unwrap_or_default(),
            ),
        }
    }

    /// Lets go of every file the state no longer refers to, and of their URLs.
    pub fn keep_only(&self, keys: &BTreeSet<u32>) {
        self.inner.borrow_mut().files.retain(|key, _| keys.contains(key));
    }

    /// Starts the worker now, so the first file is checked without waiting for it to load.
    pub fn warm_up(&self) {
        self.started(&mut self.inner.borrow_mut(), Worker::Inspector);
    }

    /// The worker, started first if it is not running; `None` if it cannot start.
    fn started<'a>(&self, inner: &'a mut Inner, which: Worker) -> Option<&'a mut WorkerHandle> {
        let slot = &mut inner.workers[which as usize];
        if slot.is_none() {
            *slot = self.spawn(which);
        }
        slot.as_mut()
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
            done.emit((Err(Failure::Read.into()), None));
            return;
        }
        inner.next_job += 1;
        let id = inner.next_job;
        let job = Job { id, task, name: name.to_owned(), made_as: made_as.to_owned(), context };
        let message = job.message(&files.into_iter().collect::<Array>());
        let which = task.worker();
        inner.pending.insert(id, (which, done));
        if !self.started(&mut inner, which).is_some_and(|handle| handle.send(message)) {
            let failed = inner.pending.remove(&id);
            drop(inner);
            if let Some((_, cb)) = failed {
                cb.emit((Err(Failure::Crashed.into()), None));
            }
        }
    }

    /// Starts the reader worker, whose every message goes to `hear`; a job asked before it is
    /// ready waits for it.
    pub fn start_reader(&self, hear: Callback<reading::Message>) {
        let mut inner = self.inner.borrow_mut();
        inner.reader = Some(hear);
        self.started(&mut inner, Worker::Reader);
    }

    /// Asks the reader to read the file with this key; `false` when it cannot be asked (no
    /// such file, or no reader).
    pub fn read(&self, job: &ReadJob) -> bool {
        let mut inner = self.inner.borrow_mut();
        let Some(file) = inner.files.get(&job.key).map(|(f, _)| f.clone()) else { return false };
        let message = job.message(&file);
        inner.workers[Worker::Reader as usize].as_mut().is_some_and(|handle| handle.send(message))
    }

    /// Stops the reader worker (its models could not load): the next start makes a new one.
    pub fn stop_reader(&self) {
        if let Some(handle) = self.inner.borrow_mut().workers[Worker::Reader as usize].take() {
            handle.stop();
        }
    }

    fn spawn(&self, which: Worker) -> Option<WorkerHandle> {
        let worker = web_sys::Worker::new(which.url()).ok()?;
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

    fn on_message(&self, which: Worker, data: &JsValue) {
        if which == Worker::Reader {
            let hear = self.inner.borrow().reader.clone();
            if let (Some(hear), Some(message)) = (hear, reading::Message::from_js(data)) {
                if message == reading::Message::Ready {
                    self.flush(which);
                }
                hear.emit(message);
            }
            return;
        }
        if protocol::is_ready(data) {
            if which == Worker::Inspector {
                mark_ready();
            }
            self.flush(which);
            return;
        }
        let Some((done, blob)) = Done::from_message(data) else { return };
        let callback = self.inner.borrow_mut().pending.remove(&done.id);
        if let Some((_, callback)) = callback {
            callback.emit((done.result, blob));
        }
    }

    /// A worker stopped (a trap, out of memory, or it could not load): its jobs in flight
    /// fail, and its next job starts a new one.
    fn on_crash(&self, which: Worker) {
        let failed: Vec<Callback<Answer>> = {
            let mut inner = self.inner.borrow_mut();
            if let Some(handle) = inner.workers[which as usize].take() {
                handle.stop();
            }
            let ids: Vec<u32> =
                inner.pending.iter().filter(|(_, (w, _))| *w == which).map(|(id, _)| *id).collect();
            ids.iter().filter_map(|id| inner.pending.remove(id)).map(|(_, cb)| cb).collect()
        };
        for callback in failed {
            callback.emit((Err(Failure::Crashed.into()), None));
        }
        if which == Worker::Reader {
            let hear = self.inner.borrow().reader.clone();
            if let Some(hear) = hear {
                hear.emit(reading::Message::Stopped);
            }
        }
    }

    /// A worker is ready: the jobs that waited for it go.
    fn flush(&self, which: Worker) {
        let mut inner = self.inner.borrow_mut();
        if let Some(handle) = inner.workers[which as usize].as_mut() {
            handle.ready = true;
            for message in std::mem::take(&mut handle.queue) {
                let _ = handle.worker.post_message(&message);
            }
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
