//! The reader worker: reads what a document says with the same reader as `precheck file`
//! (`secu_precheck_ocr`, rten running the PP-OCR models), and says what it means for the
//! student with the domain's pure code (`read::Read`, `read::Reading`).
//!
//! Started by the page only once the student asks for reading (or once its models are on the
//! device): it loads the models named by `reader.txt` beside the page, saying how far it is,
//! then says it is ready. The page's images are decoded by the browser, upright as shown
//! (their camera tag applied) and at most [`MAX_SIDE`] pixels a side; a scan (a PDF without
//! text, which the page alone sends) by the browser too, from the JPEG of each of its first
//! pages. What a file says is kept by the page's key, so a changed form only compares again.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use secu_precheck_domain::fields::title::Title;
use secu_precheck_domain::inspect::{jpeg, pdf, quality, sniff, Format};
use secu_precheck_domain::mrz::Typed;
use secu_precheck_domain::read::{Orientation, Read, Reading};
use secu_precheck_domain::Date;
use secu_precheck_ocr::{Grey, Reader};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ImageBitmapOptions, MessageEvent, ReadableStreamDefaultReader, ResizeQuality, Response,
};

use super::jobs::{bitmap, canvas, read, scope};
use crate::wire::protocol::{ready_message, Task};
use crate::wire::reading::{Answered, Form, Message, ReadContext, ReadJob};

/// The longest side an image is read at: a 12-megapixel photo is scaled to this first (the
/// zone's characters stay some 40 pixels wide on a page that fills the frame).
const MAX_SIDE: u32 = 2400;
/// The pages of a scan that are read.
const MAX_PAGES: usize = 4;
/// How many files' readings are kept for a new form.
const KEPT: usize = 16;

/// What the worker holds: the reader once loaded, and what each file said.
#[derive(Default)]
struct Worker {
    reader: Option<Reader>,
    kept: BTreeMap<u32, Option<Read>>,
}

/// Loads the models, then listens for jobs until the page goes.
pub fn serve() {
    let worker = Rc::new(RefCell::new(Worker::default()));
    let on_message = {
        let worker = worker.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let worker = worker.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some((job, file)) = ReadJob::from_message(&event.data()) else { return };
                let reading = answer(&worker, &job, file).await;
                post(&Message::Answer(job.id, reading));
            });
        })
    };
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async move {
        match load().await {
            Some(reader) => {
                worker.borrow_mut().reader = Some(reader);
                let _ = scope().post_message(&ready_message());
            }
            None => post(&Message::Unavailable),
        }
    });
}

fn post(message: &Message) {
    let _ = scope().post_message(&message.to_js());
}

/// The models named by `reader.txt` (a line `role bytes path` for each of `det`, `rec` and
/// `keys`), fetched with the progress said as they come.
async fn load() -> Option<Reader> {
    let list = String::from_utf8(fetch("reader.txt", None).await?).ok()?;
    let files: BTreeMap<&str, (u64, &str)> = list
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            Some((parts.next()?, (parts.next()?.parse().ok()?, parts.next()?)))
        })
        .collect();
    let roles = ["det", "rec", "keys"];
    let total: u64 = roles.iter().filter_map(|r| files.get(r)).map(|(bytes, _)| bytes).sum();
    let mut progress = (0, total);
    let mut got = Vec::new();
    for role in roles {
        let (_, path) = files.get(role)?;
        got.push(fetch(path, Some(&mut progress)).await?);
    }
    let keys = String::from_utf8(got.pop()?).ok()?;
    let rec = got.pop()?;
    let det = got.pop()?;
    Reader::new(det, rec, &keys).ok()
}

/// A file beside the page, whole; with `progress` (loaded, total), said as it comes.
async fn fetch(path: &str, mut progress: Option<&mut (u64, u64)>) -> Option<Vec<u8>> {
    let response: Response =
        JsFuture::from(scope().fetch_with_str(path)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let stream: ReadableStreamDefaultReader = response.body()?.get_reader().dyn_into().ok()?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(stream.read()).await.ok()?;
        if Reflect::get(&chunk, &"done".into()).ok()?.is_truthy() {
            return Some(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into()).ok()?.dyn_into().ok()?;
        bytes.extend(value.to_vec());
        if let Some(progress) = progress.as_deref_mut() {
            progress.0 += u64::from(value.length());
            post(&Message::Progress(progress.0, progress.1.max(progress.0)));
        }
    }
}

/// What the job's file says, against the job's form, in the job's language, as the section the
/// page shows; `None` when it cannot be read.
async fn answer(worker: &Rc<RefCell<Worker>>, job: &ReadJob, file: JsValue) -> Option<Answered> {
    let context = &ReadContext::read(&job.context)?;
    let kept = worker.borrow().kept.get(&job.key).cloned();
    let read = match kept {
        Some(read) => read,
        None => {
            let read = read_file(worker, file, context.today).await;
            let mut w = worker.borrow_mut();
            if w.kept.len() >= KEPT {
                w.kept.pop_first();
            }
            w.kept.insert(job.key, read.clone());
            read
        }
    }?;
    let typed = typed(&context.form, context.today);
    let html = Reading::of(&read, &typed, context.doc, context.year).shown(context.lang).html();
    // The turn that sets the page upright, from how the browser shows the picture.
    let upright = match read.orientation {
        Some(Orientation::UpsideDown) => Some(Task::RotateHalf),
        Some(Orientation::TurnedLeft) => Some(Task::RotateRight),
        Some(Orientation::TurnedRight) => Some(Task::RotateLeft),
        Some(Orientation::Upright) | None => None,
    };
    Some(Answered { html, upright })
}

/// The form as the reading's comparison takes it.
fn typed(form: &Form, today: Date) -> Typed<'_> {
    fn some(s: &str) -> Option<&str> {
        Some(s).filter(|s| !s.trim().is_empty())
    }
    Typed {
        last_name: some(&form.last_name),
        first_name: some(&form.first_name),
        birth_date: form.birth_date.parse::<Date>().ok(),
        nationality: some(&form.nationality),
        title: Title::parse(&form.title).ok(),
        rights_start: form.rights_start.parse::<Date>().ok(),
        today: Some(today),
    }
}

/// Reads a photo, or the page pictures of a scan.
async fn read_file(worker: &Rc<RefCell<Worker>>, file: JsValue, today: Date) -> Option<Read> {
    let blob: Blob = file.dyn_into().ok()?;
    let bytes = read(&blob).await.ok()?;
    let pictures: Vec<(Blob, Option<(u32, u32)>)> = match sniff::format(&bytes) {
        Format::Pdf => pdf::page_images(&bytes, MAX_PAGES)
            .into_iter()
            .filter_map(|p| {
                let parts = js_sys::Array::of1(&Uint8Array::from(p.jpeg.as_slice()));
                let size = shown_size(&p.jpeg);
                Some((Blob::new_with_u8_array_sequence(&parts).ok()?, size))
            })
            .collect(),
        _ => vec![(blob, shown_size(&bytes))],
    };
    let mut pages = Vec::new();
    for (picture, size) in pictures {
        let Some(grey) = grey(&picture, size).await else { continue };
        let w = worker.borrow();
        pages.push(w.reader.as_ref()?.read_page(&grey).ok()?);
    }
    Read::from_pages(pages, today)
}

/// A JPEG's or PNG's size as shown (a camera's quarter turn applied), from its header.
fn shown_size(bytes: &[u8]) -> Option<(u32, u32)> {
    match sniff::format(bytes) {
        Format::Jpeg => {
            let header = jpeg::check(bytes);
            let (w, h) = (header.width?, header.height?);
            Some(if header.orientation.is_some_and(|o| o >= 5) { (h, w) } else { (w, h) })
        }
        // IHDR, the first chunk: width and height after the signature and the chunk's head.
        Format::Png => {
            let at = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
            Some((at(16)?, at(20)?))
        }
        _ => None,
    }
}

/// A picture's grey pixels, upright as shown, at most [`MAX_SIDE`] a side; its size as shown
/// when its header says it (else it is decoded once whole to know it).
async fn grey(picture: &Blob, size: Option<(u32, u32)>) -> Option<Grey> {
    let (w, h) = match size {
        Some(size) => size,
        None => {
            let whole = bitmap(picture, &ImageBitmapOptions::new()).await.ok()?;
            let size = (whole.width(), whole.height());
            whole.close();
            size
        }
    };
    let scale = f64::from(MAX_SIDE) / f64::from(w.max(h).max(1));
    let options = ImageBitmapOptions::new();
    if scale < 1.0 {
        // Both within 1..=MAX_SIDE.
        let fit = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
        options.set_resize_width(fit(w));
        options.set_resize_height(fit(h));
        options.set_resize_quality(ResizeQuality::High);
    }
    let image = bitmap(picture, &options).await.ok()?;
    let (width, height) = (image.width(), image.height());
    let (_, context) = canvas(width, height)?;
    let drawn = context.draw_image_with_image_bitmap(&image, 0.0, 0.0);
    image.close();
    drawn.ok()?;
    let data = context.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).ok()?;
    Some(Grey { width, height, pixels: quality::luma_from_rgba(&data.data()) })
}
