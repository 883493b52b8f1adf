//! The jobs of the page's workers: read files, run the domain's engine on their bytes, judge
//! image quality on pixels the browser decodes, and make fixed files (fit under the limit,
//! rotate, combine into one PDF) with the browser's own image codecs on an `OffscreenCanvas`,
//! and the ZIP of every ready document.
//!
//! Two workers share this code (Trunk builds each, `index.html`, `data-type="worker"`):
//! `inspector` (src/bin/inspector.rs) checks and fixes single files and starts with the page;
//! `combiner` (src/bin/combiner.rs) also merges PDFs, with lopdf, and starts only when a student
//! combines pages. Each says it is ready once it listens, then answers each job.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use secu_precheck_domain::inspect::{self, jpeg, quality, Format, Inspection, Problem};
use secu_precheck_domain::make::{self, bundle, fit};
use secu_precheck_domain::{Date, DocumentId};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, DedicatedWorkerGlobalScope, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions,
    ImageOrientation, MessageEvent, OffscreenCanvas, OffscreenCanvasRenderingContext2d,
    ResizeQuality,
};

use crate::wire::certificate::Checked;
use crate::wire::protocol::{ready_message, Done, Failed, Failure, Job, Outcome, Task};

/// Most encodes of one fit: [`fit::MAX_ATTEMPTS`] and a margin for absurdly small limits.
const MAX_ENCODES: usize = 12;

pub(crate) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Merges PDFs, for the worker that can; `None` for the one that cannot.
pub type Merge = fn(&[&[u8]]) -> Result<Vec<u8>, usize>;

/// Listens for jobs until the page goes; `merge` is the combiner's PDF merging. With `warm`,
/// the engine first runs once on samples ([`crate::warm`]), so that the student's first file
/// is checked by compiled code.
pub fn serve(merge: Option<Merge>, warm: bool) {
    if warm {
        crate::worker::warm::run();
    }
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        wasm_bindgen_futures::spawn_local(answer(event.data(), merge));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page: the handler is never dropped.
    on_message.forget();
    // Nothing to recover if the page is gone.
    let _ = scope().post_message(&ready_message());
}

async fn answer(data: JsValue, merge: Option<Merge>) {
    let Some((job, files)) = Job::from_message(&data) else { return };
    let files: Vec<Input> = files.iter().filter_map(Input::new).collect();
    if job.task == Task::Attestation {
        let checked = match files.first() {
            Some(file) => certificate(file).await,
            None => Checked::Unreadable,
        };
        let _ = scope().post_message(&checked.record(job.id).to_object());
        return;
    }
    let (result, blob) = match run(&job, &files, merge).await {
        Ok((outcome, blob)) => (Ok(outcome), blob),
        Err(failure) => (Err(failure), None),
    };
    let done = Done { id: job.id, result };
    let message = done.message(blob.as_ref());
    let _ = scope().post_message(&message);
}

/// A file as the page sends it: a `File` (or `Blob`) handle, or bytes already in memory (an
/// `ArrayBuffer`, transferred), as a host page or a benchmark may have them.
enum Input {
    Handle(Blob),
    Bytes(ArrayBuffer),
}

impl Input {
    fn new(value: JsValue) -> Option<Input> {
        match value.dyn_into::<Blob>() {
            Ok(blob) => Some(Input::Handle(blob)),
            Err(value) => value.dyn_into::<ArrayBuffer>().ok().map(Input::Bytes),
        }
    }

    async fn bytes(&self) -> Result<Vec<u8>, Failed> {
        match self {
            Input::Handle(blob) => read(blob).await,
            Input::Bytes(buffer) => Ok(Uint8Array::new(buffer).to_vec()),
        }
    }

    /// A blob of the file, for the browser's image decoder.
    fn blob(&self) -> Result<Blob, Failed> {
        match self {
            Input::Handle(blob) => Ok(blob.clone()),
            Input::Bytes(buffer) => Blob::new_with_buffer_source_sequence(&Array::of1(buffer))
                .map_err(|_| Failure::Read.into()),
        }
    }
}

/// What a certificate of entitlement's text layer says. A PDF that does not open, or any
/// other file, is unreadable; a PDF without text (a scan) or a photo has nothing to read here.
async fn certificate(file: &Input) -> Checked {
    let Ok(bytes) = file.bytes().await else { return Checked::Unreadable };
    match inspect::sniff::format(&bytes) {
        Format::Pdf => {
            let report = inspect::pdf::check(&bytes, true);
            match (report.damaged, report.text_layer, report.text) {
                (false, Some(false), _) => Checked::Scan,
                (false, _, Some(text)) => Checked::of_text(Some(&text)),
                // Damaged, or content we cannot read (encrypted, unknown filters).
                _ => Checked::Unreadable,
            }
        }
        Format::Jpeg | Format::Png | Format::Heic => Checked::Scan,
        _ => Checked::Unreadable,
    }
}

async fn run(
    job: &Job,
    files: &[Input],
    merge: Option<Merge>,
) -> Result<(Outcome, Option<Blob>), Failed> {
    let first = files.first().ok_or(Failure::Read)?;
    match job.task {
        Task::Inspect => {
            let bytes = first.bytes().await?;
            let outcome = check(job, &job.name, &bytes, Some(first)).await;
            Ok((outcome, None))
        }
        Task::Fit | Task::RotateRight | Task::RotateLeft | Task::RotateHalf => {
            let turn = match job.task {
                Task::RotateRight => Turn::Right,
                Task::RotateLeft => Turn::Left,
                Task::RotateHalf => Turn::Half,
                _ => Turn::None,
            };
            let blob = fit_image(&first.blob()?, job.context.size_limit, turn).await?;
            let bytes = read(&blob).await?;
            made(job, &bytes, blob, "jpg").await
        }
        Task::Bundle => {
            let names: Vec<&str> = job.name.split('/').collect();
            if names.len() != files.len() {
                return Err(Failure::Read.into());
            }
            let mut contents = Vec::with_capacity(files.len());
            for file in files {
                contents.push(file.bytes().await?);
            }
            let entries: Vec<bundle::Entry<'_>> = names
                .iter()
                .zip(&contents)
                .map(|(name, bytes)| bundle::Entry { name, bytes })
                .collect();
            let now = js_sys::Date::new_0();
            let today = Date::from_ymd(now.get_full_year(), now.get_month() + 1, now.get_date())
                .or_else(|_| Date::from_ymd(1980, 1, 1))
                .map_err(|_| Failure::Encode)?;
            let archive = bundle::zip(&entries, today).map_err(|_| Failure::Encode)?;
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/zip");
            let array = Uint8Array::from(archive.as_slice());
            let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(&array), &options)
                .map_err(|_| Failure::Encode)?;
            let inspection = inspect::inspect(&job.made_as, &archive, &job.context.domain());
            let outcome =
                Outcome { inspection, made: Some(job.made_as.clone()), convertible: false };
            Ok((outcome, Some(blob)))
        }
        // Answered by `certificate`, before `run`.
        Task::Attestation => Err(Failure::Read.into()),
        Task::Combine => {
            let files = files.iter().map(Input::blob).collect::<Result<Vec<_>, _>>()?;
            let pdf = combine(&files, job.context.size_limit, merge).await?;
            let array = Uint8Array::from(pdf.as_slice());
            let options = web_sys::BlobPropertyBag::new();
            options.set_type("application/pdf");
            let blob = Blob::new_with_u8_array_sequence_and_options(&Array::of1(&array), &options)
                .map_err(|_| Failure::Encode)?;
            made(job, &pdf, blob, "pdf").await
        }
    }
}

/// Photos and PDFs, in order, into one PDF: photos fitted into what the PDFs leave of the limit
/// and each put on its own page, then everything merged (PDFs need `merge`).
async fn combine(files: &[Blob], limit: u64, merge: Option<Merge>) -> Result<Vec<u8>, Failed> {
    let mut kinds = Vec::with_capacity(files.len());
    let mut pdf_bytes = 0u64;
    for file in files {
        let head = read(&file.slice_with_i32_and_i32(0, 1024).map_err(|_| Failure::Read)?).await?;
        let format = inspect::sniff::format(&head);
        if !matches!(format, Format::Jpeg | Format::Png | Format::Pdf) {
            return Err(Failed::at(Failure::NotCombinable, kinds.len()));
        }
        if format == Format::Pdf {
            // Sizes are whole numbers of bytes, far below 2^53.
            let size = file.size() as u64;
            pdf_bytes += size;
        }
        kinds.push(format);
    }
    let photos = kinds.iter().filter(|f| **f != Format::Pdf).count();
    // What the PDFs leave, shared by the photos, a little under for the PDF's own bytes.
    let share = limit.saturating_sub(pdf_bytes) / u64::try_from(photos.max(1)).unwrap_or(1);
    let mut parts: Vec<(Format, Vec<u8>)> = Vec::with_capacity(files.len());
    for (file, format) in files.iter().zip(&kinds) {
        if *format == Format::Pdf {
            parts.push((Format::Pdf, read(file).await?));
        } else {
            let blob = fit_image(file, share.saturating_sub(4_000).max(50_000), Turn::None).await?;
            parts.push((Format::Jpeg, read(&blob).await?));
        }
    }
    if photos == parts.len() {
        let pages: Vec<&[u8]> = parts.iter().map(|(_, b)| b.as_slice()).collect();
        return make::pdf::from_jpegs(&pages).map_err(|_| Failure::Encode.into());
    }
    let merge = merge.ok_or(Failure::Encode)?;
    // Each photo becomes a one-page PDF, then every part is merged in order.
    let mut pdfs = Vec::with_capacity(parts.len());
    for (format, bytes) in parts {
        pdfs.push(if format == Format::Pdf {
            bytes
        } else {
            make::pdf::from_jpegs(&[&bytes]).map_err(|_| Failure::Encode)?
        });
    }
    let refs: Vec<&[u8]> = pdfs.iter().map(Vec::as_slice).collect();
    merge(&refs).map_err(|at| Failed::at(Failure::NotCombinable, at))
}

/// Inspects a made file (its bytes, and the blob that carries them to the page) and names it
/// after its document.
async fn made(
    job: &Job,
    bytes: &[u8],
    blob: Blob,
    extension: &str,
) -> Result<(Outcome, Option<Blob>), Failed> {
    let doc = job.context.doc.unwrap_or(DocumentId::Identity);
    let name = make::file_name(&job.made_as, doc, extension);
    let mut outcome = check(job, &name, bytes, Some(&Input::Handle(blob.clone()))).await;
    outcome.made = Some(name);
    Ok((outcome, Some(blob)))
}

/// The engine's verdict, then the browser's decoder's: damage it refuses, quality on what it
/// shows.
async fn check(job: &Job, name: &str, bytes: &[u8], file: Option<&Input>) -> Outcome {
    let mut inspection = inspect::inspect(name, bytes, &job.context.domain());
    let mut convertible = false;
    if let Some(file) = file {
        add_decoding(&mut inspection, bytes, file).await;
        convertible = opens(&inspection, file).await;
    }
    Outcome { inspection, made: None, convertible }
}

/// Whether this browser opens the image (so that a fix can re-encode it): a JPEG or PNG that
/// decoded above; another image format (HEIC, WebP, AVIF, GIF…) tried at a thumbnail's size;
/// a HEIC photo it cannot decode, when libheif finds an image in it.
async fn opens(inspection: &Inspection, file: &Input) -> bool {
    if inspection.is_showable_image() {
        return !inspection.has(Problem::ImageDamaged);
    }
    let other_image = matches!(
        inspection.format,
        Format::Heic | Format::Webp | Format::Avif | Format::Gif | Format::Bmp | Format::Tiff
    );
    if !other_image {
        return false;
    }
    let Ok(blob) = file.blob() else { return false };
    let options = ImageBitmapOptions::new();
    options.set_resize_width(64);
    options.set_resize_height(64);
    // A HEIC photo this browser cannot decode goes to libheif, which must find its image.
    options.set_image_orientation(ImageOrientation::FromImage);
    match decode_blob(&blob, &options).await {
        Ok(decoded) => {
            decoded.close();
            true
        }
        Err(_) if inspection.format == Format::Heic => match file.bytes().await {
            Ok(bytes) => heif::count(&bytes).await.is_ok_and(|n| n > 0),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// Has the browser decode a JPEG or PNG whose structure is sound: one it refuses (data cut
/// before the last block, tables no decoder builds) is damaged, with the same words as a
/// broken structure (the command line decodes with zune-jpeg to the same end); one it shows
/// gets the quality checks, on the pixels it scales to the analysis size.
async fn add_decoding(inspection: &mut Inspection, bytes: &[u8], file: &Input) {
    if !inspection.is_showable_image() {
        return;
    }
    // Browsers refuse every JPEG without its end marker, whole or cut short: whether its data
    // is all there is zune-jpeg's to say, as on the command line.
    if inspection.has(Problem::ImageEndMissing) && !jpeg::decodes_whole(bytes) {
        inspection.undecodable();
        return;
    }
    let (Some(w), Some(h)) = (inspection.facts.width, inspection.facts.height) else { return };
    // Beyond this the browser may fail for want of memory, not because the file is damaged.
    if u64::from(w) * u64::from(h) > inspect::MAX_SHOWN_PIXELS {
        return;
    }
    let Ok(blob) = file.blob() else { return };
    let analysis = quality::analysis_size(inspection);
    // Too small to analyse: decoded at its size, only to know whether it decodes.
    let (aw, ah) = analysis.unwrap_or((w.max(1), h.max(1)));
    // The browser turns the photo upright first (EXIF 5–8 swap the sides); the measures do not
    // depend on which way up the page is.
    let sideways = inspection.facts.orientation.is_some_and(|o| o >= 5);
    let options = ImageBitmapOptions::new();
    options.set_resize_width(if sideways { ah } else { aw });
    options.set_resize_height(if sideways { aw } else { ah });
    options.set_resize_quality(ResizeQuality::High);
    let Ok(bitmap) = bitmap(&blob, &options).await else {
        inspection.undecodable();
        return;
    };
    if analysis.is_none() {
        bitmap.close();
        return;
    }
    let (bw, bh) = (bitmap.width(), bitmap.height());
    let Some((_, context)) = canvas(bw, bh) else { return };
    let drawn = context.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0);
    bitmap.close();
    if drawn.is_err() {
        return;
    }
    let Ok(data) = context.get_image_data(0.0, 0.0, f64::from(bw), f64::from(bh)) else { return };
    quality::add_to(inspection, &quality::luma_from_rgba(&data.data()), bw, bh);
}

pub(crate) async fn read(blob: &Blob) -> Result<Vec<u8>, Failed> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| Failure::Read)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The browser's decoding of an image. A JPEG that only lacks its end marker (which Chromium
/// refuses) is decoded with one added, as libjpeg does by itself; a HEIC photo that this
/// browser cannot decode (all but Safari) by libheif ([`heif`]).
pub(crate) async fn bitmap(
    blob: &Blob,
    options: &ImageBitmapOptions,
) -> Result<ImageBitmap, Failed> {
    options.set_image_orientation(ImageOrientation::FromImage);
    match decode_blob(blob, options).await {
        Ok(bitmap) => Ok(bitmap),
        Err(failed) => {
            let mut bytes = read(blob).await?;
            if inspect::sniff::format(&bytes) == Format::Heic {
                // Only Safari decodes HEIC: elsewhere libheif gives the pixels, upright.
                let pixels = heif::decode(&bytes).await?;
                let promise = scope()
                    .create_image_bitmap_with_image_data_and_image_bitmap_options(&pixels, options)
                    .map_err(|_| Failure::Decode)?;
                return JsFuture::from(promise)
                    .await
                    .map_err(|_| Failure::Decode)?
                    .dyn_into()
                    .map_err(|_| Failure::Decode.into());
            }
            if !bytes.starts_with(&[0xFF, 0xD8]) || bytes.ends_with(&[0xFF, 0xD9]) {
                return Err(failed);
            }
            bytes.extend_from_slice(&[0xFF, 0xD9]);
            let parts = Array::of1(&Uint8Array::from(bytes.as_slice()));
            let mended = Blob::new_with_u8_array_sequence(&parts).map_err(|_| Failure::Decode)?;
            decode_blob(&mended, options).await
        }
    }
}

async fn decode_blob(blob: &Blob, options: &ImageBitmapOptions) -> Result<ImageBitmap, Failed> {
    let promise = scope()
        .create_image_bitmap_with_blob_and_image_bitmap_options(blob, options)
        .map_err(|_| Failure::Decode)?;
    JsFuture::from(promise)
        .await
        .map_err(|_| Failure::Decode)?
        .dyn_into()
        .map_err(|_| Failure::Decode.into())
}

/// The HEIC decoder, libheif-js (wasm), behind `heif.js`: loaded into the worker by the first
/// HEIC photo that this browser cannot decode itself, never before.
mod heif {
    use js_sys::{Function, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::ImageData;

    use crate::wire::protocol::{Failed, Failure};

    /// The decoder's entry points, loading its script the first time.
    fn entry(name: &str) -> Result<Function, Failed> {
        let global = js_sys::global();
        let key = JsValue::from_str("secuPrecheckHeif");
        let mut door = Reflect::get(&global, &key).unwrap_or(JsValue::UNDEFINED);
        if door.is_undefined() {
            super::scope().import_scripts_1("heif.js").map_err(|_| Failure::Decode)?;
            door = Reflect::get(&global, &key).map_err(|_| Failure::Decode)?;
        }
        Reflect::get(&door, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| Failure::Decode.into())
    }

    async fn call(name: &str, bytes: &[u8]) -> Result<JsValue, Failed> {
        let door = entry(name)?;
        let promise =
            door.call1(&JsValue::NULL, &Uint8Array::from(bytes)).map_err(|_| Failure::Decode)?;
        JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(|_| Failure::Decode.into())
    }

    /// How many images libheif finds in the file, reading its boxes only.
    pub async fn count(bytes: &[u8]) -> Result<u32, Failed> {
        let n = call("count", bytes).await?.as_f64().ok_or(Failure::Decode)?;
        // A count of images, a small whole number.
        Ok(n.clamp(0.0, 1e6) as u32)
    }

    /// The primary image's pixels, upright.
    pub async fn decode(bytes: &[u8]) -> Result<ImageData, Failed> {
        call("decode", bytes).await?.dyn_into().map_err(|_| Failure::Decode.into())
    }
}

pub(crate) fn canvas(
    w: u32,
    h: u32,
) -> Option<(OffscreenCanvas, OffscreenCanvasRenderingContext2d)> {
    let canvas = OffscreenCanvas::new(w.max(1), h.max(1)).ok()?;
    let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    Some((canvas, context))
}

/// A turn, from how the image is shown (its camera tag applied by the decoder).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Turn {
    None,
    Right,
    Left,
    Half,
}

/// Re-encodes an image as a JPEG under `limit`, following [`fit`]'s plan, stored as it is
/// shown (the camera's turn tag applied); white under any transparency; turned a quarter turn
/// right or left, or a half turn, when asked.
async fn fit_image(blob: &Blob, limit: u64, turn: Turn) -> Result<Blob, Failed> {
    // A quarter turn swaps the sides; a half turn keeps them.
    let rotate = matches!(turn, Turn::Right | Turn::Left);
    let source = bitmap(blob, &ImageBitmapOptions::new()).await?;
    let (sw, sh) = (source.width(), source.height());
    let (w, h) = if rotate { (sh, sw) } else { (sw, sh) };
    let mut attempt = fit::first(w.max(h));
    for _ in 0..MAX_ENCODES {
        let (ow, oh) = attempt.size_for(w, h);
        // The browser's high-quality resampling, from the image decoded once.
        let (rw, rh) = if rotate { (oh, ow) } else { (ow, oh) };
        let options = ImageBitmapOptions::new();
        options.set_resize_width(rw);
        options.set_resize_height(rh);
        options.set_resize_quality(ResizeQuality::High);
        let promise = scope()
            .create_image_bitmap_with_image_bitmap_and_image_bitmap_options(&source, &options)
            .map_err(|_| Failure::Encode)?;
        let scaled: ImageBitmap = JsFuture::from(promise)
            .await
            .map_err(|_| Failure::Encode)?
            .dyn_into()
            .map_err(|_| Failure::Encode)?;
        let (canvas, context) = canvas(ow, oh).ok_or(Failure::Encode)?;
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, f64::from(ow), f64::from(oh));
        let quarter = std::f64::consts::FRAC_PI_2;
        let drawn = match turn {
            Turn::None => context.draw_image_with_image_bitmap(&scaled, 0.0, 0.0),
            Turn::Right => context
                .translate(f64::from(ow), 0.0)
                .and_then(|()| context.rotate(quarter))
                .and_then(|()| context.draw_image_with_image_bitmap(&scaled, 0.0, 0.0)),
            Turn::Left => context
                .translate(0.0, f64::from(oh))
                .and_then(|()| context.rotate(-quarter))
                .and_then(|()| context.draw_image_with_image_bitmap(&scaled, 0.0, 0.0)),
            Turn::Half => context
                .translate(f64::from(ow), f64::from(oh))
                .and_then(|()| context.rotate(2.0 * quarter))
                .and_then(|()| context.draw_image_with_image_bitmap(&scaled, 0.0, 0.0)),
        };
        scaled.close();
        drawn.map_err(|_| Failure::Encode)?;
        let options = ImageEncodeOptions::new();
        options.set_type("image/jpeg");
        options.set_quality(f64::from(attempt.quality) / 100.0);
        let promise = canvas.convert_to_blob_with_options(&options).map_err(|_| Failure::Encode)?;
        let out: Blob = JsFuture::from(promise)
            .await
            .map_err(|_| Failure::Encode)?
            .dyn_into()
            .map_err(|_| Failure::Encode)?;
        // Blob sizes are whole numbers of bytes, far below 2^53.
        let got = out.size() as u64;
        match fit::next(attempt, got, limit) {
            None => {
                source.close();
                return Ok(out);
            }
            Some(next) => attempt = next,
        }
    }
    source.close();
    Err(Failure::Encode.into())
}
