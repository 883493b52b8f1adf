//! Image quality on decoded pixels: blurred, too dark, washed out, faded. The browser decodes
//! and scales the image (it has the decoders); this module judges the grey levels it is given,
//! so the same numbers come out wherever the pixels come from.
//!
//! Calibrated on document pages (dark text on light paper) at the size it is meant to see:
//! the long side scaled to [`ANALYSIS_SIDE`] pixels. See the tests for the cases it separates.

use super::{Finding, Inspection, Problem};

/// The long side, in pixels, the image is scaled to before analysis: about what the portal's
/// agents see on screen, and small enough to analyse in a few milliseconds.
pub const ANALYSIS_SIDE: u32 = 1200;

/// What the analysis measured, for tests and calibration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measures {
    /// Grey level under which 2 % of the pixels are.
    pub dark_end: u8,
    /// Grey level under which 98 % of the pixels are (the paper).
    pub bright_end: u8,
    /// The ink's grey level, measured on the ink alone: the level under which a fifth of the
    /// pixels clearly darker than the paper are (the core of the strokes). `None` when almost
    /// nothing is darker than the paper: a blank page. On the ink, not the whole page, so that
    /// a white page with three lines of black text reads as the clean page it is, not as a
    /// washed-out photo whose darkest 2 % are paper.
    pub ink: Option<u8>,
    /// Share of the pixels that are ink.
    pub ink_share: f32,
    /// Share of pixels at 250 or more.
    pub clipped: f32,
    /// Crété et al.'s no-reference blur estimate: 0 sharp … 1 very blurred.
    pub blur: f32,
}

/// Thresholds, each set between the sharp, well-lit pages and their damaged versions of the
/// calibration set (tests below).
const DARK_PAPER: u8 = 110;
const WASHED_OUT_CLIPPED: f32 = 0.4;
const WASHED_OUT_INK: u8 = 160;
/// Under 12 grey levels from ink to paper there is no ink: a blank page, not a faded one.
const FADED_RANGE: u8 = 70;
const BLURRED: f32 = 0.5;
/// How much darker than the paper (its median) a pixel must be to count as ink, at the least
/// and at the most (a grainy photo's paper spreads wider).
const INK_STEP: u8 = 12;
const MAX_INK_STEP: u8 = 100;
/// Under this share of ink pixels (a few short words on a whole page is about 0.3 %), the
/// page is blank: nothing to say about its ink or its focus.
const MIN_INK_SHARE: f64 = 0.0005;

/// Luma of an RGBA pixel buffer (ITU-R BT.601 weights, as JPEG uses), alpha over white.
#[must_use]
pub fn luma_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let y = (299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000;
            let a = u32::from(p[3]);
            // Transparent pixels show the page's white.
            u8::try_from((y * a + 255 * (255 - a)) / 255).unwrap_or(255)
        })
        .collect()
}

/// The size to analyse an inspected image at (its long side scaled to [`ANALYSIS_SIDE`],
/// never enlarged), when its pixels can be trusted: a JPEG or PNG that is not damaged and
/// that browsers show. `None` for anything else.
#[must_use]
pub fn analysis_size(inspection: &Inspection) -> Option<(u32, u32)> {
    let (w, h) = (inspection.facts.width?, inspection.facts.height?);
    if !inspection.is_showable_image() || w.max(h) < 64 {
        return None;
    }
    let long = w.max(h);
    let side = ANALYSIS_SIDE.min(long);
    let scale = |v: u32| u32::try_from(u64::from(v) * u64::from(side) / u64::from(long)).ok();
    Some((scale(w)?.max(1), scale(h)?.max(1)))
}

/// Adds the quality problems of the image's grey pixels (at [`analysis_size`]) to its
/// inspection, most serious first as always.
pub fn add_to(inspection: &mut Inspection, luma: &[u8], width: u32, height: u32) {
    for code in assess(luma, width, height) {
        inspection.problems.push(Finding { code, severity: code.severity() });
    }
    inspection.problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
}

/// Scales a grey image down to `to_w` × `to_h` by averaging the source pixels each output
/// pixel covers (what browsers' high-quality downscaling approximates).
#[must_use]
pub fn downscale(luma: &[u8], w: u32, h: u32, to_w: u32, to_h: u32) -> Vec<u8> {
    let (w, h, tw, th) = (w as usize, h as usize, to_w.max(1) as usize, to_h.max(1) as usize);
    if luma.len() != w * h || w == 0 || h == 0 {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(tw * th);
    for oy in 0..th {
        let (y0, y1) = (oy * h / th, ((oy + 1) * h / th).max(oy * h / th + 1).min(h));
        for ox in 0..tw {
            let (x0, x1) = (ox * w / tw, ((ox + 1) * w / tw).max(ox * w / tw + 1).min(w));
            let mut sum = 0u64;
            for y in y0..y1 {
                sum += luma[y * w + x0..y * w + x1].iter().map(|&v| u64::from(v)).sum::<u64>();
            }
            let count = ((y1 - y0) * (x1 - x0)).max(1) as u64;
            out.push(u8::try_from(sum / count).unwrap_or(u8::MAX));
        }
    }
    out
}

/// Measures a grey image of `width` × `height` pixels, `None` when the buffer does not match
/// or the image is too small to say anything.
#[must_use]
pub fn measure(luma: &[u8], width: u32, height: u32) -> Option<Measures> {
    let (w, h) = (usize::try_from(width).ok()?, usize::try_from(height).ok()?);
    if w < 16 || h < 16 || w.checked_mul(h)? != luma.len() {
        return None;
    }
    let mut histogram = [0u32; 256];
    for &y in luma {
        histogram[usize::from(y)] += 1;
    }
    let total = luma.len() as f64;
    let percentile = |share: f64| level_at(&histogram, total * share).unwrap_or(u8::MAX);
    let clipped = histogram[250..].iter().map(|&c| f64::from(c)).sum::<f64>() / total;
    let bright_end = percentile(0.98);
    // Ink: clearly darker than the paper, by more than its grain (a camera's noise spreads the
    // paper about its median as much below as above: the spread above is measured).
    let paper = percentile(0.5);
    let grain = bright_end.saturating_sub(paper).saturating_mul(2);
    let ink_below = usize::from(paper.saturating_sub(INK_STEP.max(grain).min(MAX_INK_STEP)));
    let ink_pixels: u32 = histogram[..ink_below].iter().sum();
    let ink_share = f64::from(ink_pixels) / total;
    let ink = (ink_share >= MIN_INK_SHARE)
        .then(|| level_at(&histogram[..ink_below], f64::from(ink_pixels) * 0.2))
        .flatten();
    Some(Measures {
        dark_end: percentile(0.02),
        bright_end,
        ink,
        ink_share: ink_share as f32,
        clipped: clipped as f32,
        blur: blur(luma, w, h),
    })
}

/// The grey level at which the pixels of `histogram` (counts by level, from 0) reach `count`
/// (rounded up); `None` when they never do.
fn level_at(histogram: &[u32], count: f64) -> Option<u8> {
    let target = count.ceil();
    let mut seen = 0.0;
    for (level, &n) in histogram.iter().enumerate() {
        seen += f64::from(n);
        if seen >= target {
            return Some(u8::try_from(level).unwrap_or(u8::MAX));
        }
    }
    None
}

/// Crété, Dolmiere, Ladret, Nicolas (2007), "The blur effect: perception and estimation with a
/// new no-reference perceptual blur metric": blur the image again and see how much of its
/// neighbour-to-neighbour variation is lost. A sharp page loses much, a blurred one little.
fn blur(luma: &[u8], w: usize, h: usize) -> f32 {
    const TAPS: usize = 9;
    let at = |x: usize, y: usize| i32::from(luma[y * w + x]);
    let mut result: f32 = 0.0;
    for vertical in [true, false] {
        let (outer, inner) = if vertical { (w, h) } else { (h, w) };
        let pixel = |o: usize, i: usize| if vertical { at(o, i) } else { at(i, o) };
        let (mut variation, mut kept) = (0i64, 0i64);
        let mut smooth = vec![0i32; inner];
        let mut prefix: Vec<i32> = Vec::with_capacity(inner + TAPS + 1);
        for o in 0..outer {
            // A 9-tap mean along the line, clamped at the edges, from prefix sums.
            prefix.clear();
            prefix.push(0);
            for i in 0..inner + TAPS {
                let at = i.saturating_sub(TAPS / 2).min(inner - 1);
                let last = prefix.last().copied().unwrap_or(0);
                prefix.push(last + pixel(o, at));
            }
            for (i, s) in smooth.iter_mut().enumerate() {
                *s = (prefix[i + TAPS] - prefix[i]) / TAPS as i32;
            }
            for i in 1..inner {
                let d_image = (pixel(o, i) - pixel(o, i - 1)).abs();
                let d_smooth = (smooth[i] - smooth[i - 1]).abs();
                variation += i64::from(d_image);
                kept += i64::from((d_image - d_smooth).max(0));
            }
        }
        if variation > 0 {
            result = result.max(((variation - kept) as f64 / variation as f64) as f32);
        }
    }
    result
}

/// The quality problems of a grey image (long side about [`ANALYSIS_SIDE`]).
#[must_use]
pub fn assess(luma: &[u8], width: u32, height: u32) -> Vec<Problem> {
    let Some(m) = measure(luma, width, height) else { return Vec::new() };
    let mut problems = Vec::new();
    if m.bright_end < DARK_PAPER {
        problems.push(Problem::ImageDark);
    }
    // A page with no ink at all (blank, or a photo of a wall) says nothing about its ink or
    // its focus.
    let Some(ink) = m.ink else { return problems };
    let contrast = m.bright_end.saturating_sub(ink);
    let blurred = contrast >= 30 && m.blur > BLURRED;
    // Blur spreads the ink and greys it: a blurred page is told to be taken again steadily,
    // not also that it is faded or washed out.
    if problems.is_empty() && !blurred {
        if m.clipped > WASHED_OUT_CLIPPED && ink > WASHED_OUT_INK {
            problems.push(Problem::ImageOverexposed);
        } else if contrast < FADED_RANGE {
            problems.push(Problem::ImageLowContrast);
        }
    }
    if blurred {
        problems.push(Problem::ImageBlurred);
    }
    problems
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A synthetic page: light paper with lines of "words" made of glyph-like strokes of
    /// several widths, like a certificate photographed at 1200 px.
    pub(crate) fn page(w: usize, h: usize) -> Vec<u8> {
        let mut img = vec![235u8; w * h];
        let mut seed = 12345u32;
        let mut rand = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) & 0x7fff
        };
        let mut y = 60;
        while y + 24 < h - 60 {
            let mut x = 60;
            while x < w - 80 {
                let word = 20 + (rand() % 60) as usize;
                let mut gx = x;
                while gx < (x + word).min(w - 60) {
                    // A glyph: two vertical stems and a bar, 2 px strokes.
                    let gw = 6 + (rand() % 5) as usize;
                    for yy in y..y + 14 {
                        for dx in 0..2 {
                            img[yy * w + gx + dx] = 30;
                            if rand() % 2 == 0 {
                                img[yy * w + (gx + gw - 2 + dx).min(w - 1)] = 30;
                            }
                        }
                    }
                    for xx in gx..gx + gw {
                        img[(y + 6 + (rand() % 6) as usize) * w + xx.min(w - 1)] = 30;
                    }
                    gx += gw + 2;
                }
                x += word + 10;
            }
            y += 30;
        }
        img
    }

    /// A box blur of the given radius, repeated (three passes are close to a Gaussian).
    pub(crate) fn blurred(img: &[u8], w: usize, h: usize, radius: usize, passes: usize) -> Vec<u8> {
        let mut cur: Vec<u32> = img.iter().map(|&v| u32::from(v)).collect();
        for _ in 0..passes {
            let mut next = cur.clone();
            for y in 0..h {
                for x in 0..w {
                    let lo = x.saturating_sub(radius);
                    let hi = (x + radius).min(w - 1);
                    next[y * w + x] =
                        (lo..=hi).map(|i| cur[y * w + i]).sum::<u32>() / (hi - lo + 1) as u32;
                }
            }
            cur = next.clone();
            for y in 0..h {
                for x in 0..w {
                    let lo = y.saturating_sub(radius);
                    let hi = (y + radius).min(h - 1);
                    cur[y * w + x] =
                        (lo..=hi).map(|i| next[i * w + x]).sum::<u32>() / (hi - lo + 1) as u32;
                }
            }
        }
        cur.into_iter().map(|v| u8::try_from(v).unwrap_or(255)).collect()
    }

    fn map(img: &[u8], f: impl Fn(f32) -> f32) -> Vec<u8> {
        img.iter().map(|&v| f(f32::from(v)).clamp(0.0, 255.0) as u8).collect()
    }

    const W: usize = 900;
    const H: usize = 1200;

    #[test]
    fn a_sharp_well_lit_page_passes() {
        let img = page(W, H);
        let m = measure(&img, W as u32, H as u32).unwrap();
        assert!(m.blur < 0.3, "{m:?}");
        assert_eq!(assess(&img, W as u32, H as u32), []);
    }

    #[test]
    fn blur_is_told_apart_from_softness() {
        let img = page(W, H);
        // One pass of radius 1: the softness of any camera; still readable.
        let soft = blurred(&img, W, H, 1, 1);
        assert_eq!(
            assess(&soft, W as u32, H as u32),
            [],
            "{:?}",
            measure(&soft, W as u32, H as u32)
        );
        for radius in [1, 2, 3] {
            let b = blurred(&img, W, H, radius, 3);
            assert_eq!(
                assess(&b, W as u32, H as u32),
                [Problem::ImageBlurred],
                "radius {radius}: {:?}",
                measure(&b, W as u32, H as u32)
            );
        }
    }

    #[test]
    fn light_problems_are_named() {
        let img = page(W, H);
        let dark = map(&img, |v| v * 0.35);
        assert_eq!(assess(&dark, W as u32, H as u32), [Problem::ImageDark]);
        let washed = map(&img, |v| 200.0 + v * 0.4 + 20.0);
        assert_eq!(assess(&washed, W as u32, H as u32), [Problem::ImageOverexposed]);
        let faded = map(&img, |v| 120.0 + v * 0.25);
        assert_eq!(assess(&faded, W as u32, H as u32), [Problem::ImageLowContrast]);
        // Dim but readable (an indoor photo): no warning.
        let dim = map(&img, |v| v * 0.7);
        assert_eq!(assess(&dim, W as u32, H as u32), []);
    }

    /// A sparse page: `lines` lines of text near the top of white paper at `paper`, the rest
    /// blank (a short letter, a RIB, a visa sticker photographed on a white table).
    fn sparse(w: usize, h: usize, lines: usize, paper: u8, ink: u8) -> Vec<u8> {
        let dense = page(w, h);
        let mut img = vec![paper; w * h];
        let rows = 60 + lines * 30;
        for (i, v) in dense.iter().enumerate().take(rows.min(h) * w) {
            if *v < 100 {
                img[i] = ink;
            }
        }
        img
    }

    /// Camera noise of ±`amount` grey levels.
    fn grainy(img: &[u8], amount: u32) -> Vec<u8> {
        let mut seed = 987_654_321u32;
        img.iter()
            .map(|&v| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                let noise = ((seed >> 16) % (2 * amount + 1)) as i32 - amount as i32;
                (i32::from(v) + noise).clamp(0, 255) as u8
            })
            .collect()
    }

    /// Large black letters on a light sticker, on a mid-grey table around it.
    fn sticker(w: usize, h: usize) -> Vec<u8> {
        let mut img = vec![150u8; w * h];
        for y in h / 4..3 * h / 4 {
            for x in w / 8..7 * w / 8 {
                img[y * w + x] = 225;
            }
        }
        for (k, y0) in [h / 3, h / 2].into_iter().enumerate() {
            for letter in 0..8 {
                let x0 = w / 5 + letter * (w / 12) + k * 7;
                for y in y0..y0 + h / 12 {
                    for x in x0..x0 + 9 {
                        img[y * w + x] = 20;
                    }
                }
                for x in x0..x0 + w / 20 {
                    for y in y0..y0 + 9 {
                        img[y * w + x] = 20;
                    }
                }
            }
        }
        img
    }

    /// The test set of the issue: clean sparse and dense pages, scans (pure white paper) and
    /// photos (grey paper), pass with no alarm; their blurred, dark, washed-out and faded
    /// versions are still caught.
    #[test]
    fn sparse_pages_raise_no_false_alarm_and_their_damage_is_still_caught() {
        let (w, h) = (W as u32, H as u32);
        let clean = [
            ("scan, 1 line", sparse(W, H, 1, 255, 0)),
            ("scan, 3 lines", sparse(W, H, 3, 255, 10)),
            ("scan, 8 lines", sparse(W, H, 8, 252, 30)),
            ("photo, 3 lines", sparse(W, H, 3, 225, 40)),
            ("dense scan", map(&page(W, H), |v| if v > 200.0 { 255.0 } else { v })),
            ("dense photo", page(W, H)),
            ("sticker", sticker(W, H)),
            ("grainy photo, 3 lines", grainy(&sparse(W, H, 3, 225, 40), 40)),
            ("grainy dense photo", grainy(&page(W, H), 40)),
        ];
        for (name, img) in &clean {
            assert_eq!(assess(img, w, h), [], "{name}: {:?}", measure(img, w, h));
        }
        for (name, img) in clean.iter().take(5) {
            let washed = map(img, |v| 200.0 + v * 0.22 + 10.0);
            assert_eq!(
                assess(&washed, w, h),
                [Problem::ImageOverexposed],
                "{name}, washed out: {:?}",
                measure(&washed, w, h)
            );
            let faded = map(img, |v| 150.0 + v * 0.2);
            assert_eq!(
                assess(&faded, w, h),
                [Problem::ImageLowContrast],
                "{name}, faded: {:?}",
                measure(&faded, w, h)
            );
            let dark = map(img, |v| v * 0.35);
            assert_eq!(assess(&dark, w, h), [Problem::ImageDark], "{name}, dark");
            let blurred = blurred(img, W, H, 2, 3);
            assert_eq!(
                assess(&blurred, w, h),
                [Problem::ImageBlurred],
                "{name}, blurred: {:?}",
                measure(&blurred, w, h)
            );
        }
    }

    #[test]
    fn a_blank_page_or_bad_buffer_says_nothing_about_focus() {
        let blank = vec![230u8; W * H];
        assert_eq!(assess(&blank, W as u32, H as u32), []);
        assert_eq!(assess(&[1, 2, 3], 2, 2), []);
        assert_eq!(assess(&[], 0, 0), []);
        assert_eq!(measure(&[0; 100], 10, 10), None, "too small");
    }

    #[test]
    fn luma_puts_transparency_over_white() {
        assert_eq!(luma_from_rgba(&[0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]), [0, 255, 255]);
    }
}
