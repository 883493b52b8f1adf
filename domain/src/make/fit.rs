//! How to fit a photo under the size limit while keeping its text readable: which size and
//! JPEG quality to try first, and what to try next after seeing how big an attempt came out.
//! The browser encodes; this plan decides, so it is the same on every browser and tested here.
//!
//! The guarantee: each step is strictly smaller than the one before, and the last step (800 px,
//! quality 40: about 100 KB for any photo) is far under any limit the rules allow, so the loop
//! always ends with a file under the limit, in at most [`MAX_ATTEMPTS`] encodes.

/// The long side, in pixels, under which text on a full page gets hard to read; we go below it
/// only when nothing else fits.
pub const READABLE_SIDE: u32 = 1600;
/// The largest long side we start from: about 300 dpi for a page, more than the portal needs.
pub const START_SIDE: u32 = 2560;
/// Every plan ends within this many encodes.
pub const MAX_ATTEMPTS: usize = 8;

const START_QUALITY: u8 = 85;
const MIN_QUALITY: u8 = 40;
const LAST_RESORT: Attempt = Attempt { long_side: 800, quality: MIN_QUALITY };

/// One encoding: the long side in pixels (never larger than the source) and the JPEG quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// Long side of the output, in pixels.
    pub long_side: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
}

impl Attempt {
    /// The output's width and height for a source of `width` × `height` (upright).
    #[must_use]
    pub fn size_for(self, width: u32, height: u32) -> (u32, u32) {
        let long = width.max(height).max(1);
        let side = self.long_side.min(long);
        let scale = |v: u32| {
            u32::try_from(u64::from(v) * u64::from(side) / u64::from(long)).unwrap_or(1).max(1)
        };
        (scale(width), scale(height))
    }
}

/// The size we aim at: a little under the limit, so one more encode is rarely needed.
#[must_use]
pub const fn target(limit: u64) -> u64 {
    limit / 100 * 95
}

/// The first attempt for a source whose long side is `source_long` pixels.
#[must_use]
pub fn first(source_long: u32) -> Attempt {
    Attempt { long_side: source_long.clamp(1, START_SIDE), quality: START_QUALITY }
}

/// What to try after `prev` came out at `got` bytes; `None` when it is under `limit`
/// (strictly: a made file is never even at the limit).
#[must_use]
pub fn next(prev: Attempt, got: u64, limit: u64) -> Option<Attempt> {
    if got < limit {
        return None;
    }
    if prev.long_side <= LAST_RESORT.long_side && prev.quality <= LAST_RESORT.quality {
        // Smaller than the last resort and still too big: halve until it fits.
        return Some(Attempt { long_side: (prev.long_side / 2).max(1), quality: MIN_QUALITY });
    }
    // JPEG size grows roughly with the pixel count: scale the area by what is needed, with a
    // margin, keeping the readable side as long as the quality can still give.
    let ratio = (target(limit) as f64 / got as f64).clamp(0.05, 0.95);
    let wanted = (f64::from(prev.long_side) * ratio.sqrt()) as u32;
    let step = if wanted >= READABLE_SIDE {
        Attempt { long_side: wanted, quality: prev.quality }
    } else if prev.quality > MIN_QUALITY {
        // Lower quality before going under the readable side; each quality step about halves
        // the bytes between 85 and 40.
        let quality = if ratio < 0.5 { prev.quality.saturating_sub(25) } else { prev.quality - 15 };
        Attempt {
            long_side: prev.long_side.min(READABLE_SIDE.max(wanted)),
            quality: quality.max(MIN_QUALITY),
        }
    } else {
        Attempt { long_side: wanted.max(LAST_RESORT.long_side), quality: MIN_QUALITY }
    };
    // Always strictly smaller than before, so the plan ends.
    if step.long_side >= prev.long_side && step.quality >= prev.quality {
        return Some(LAST_RESORT);
    }
    Some(step)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model of a JPEG encoder: bytes per pixel grow with quality; `busy` scales it (1 for a
    /// photo of a page, 3 for a photo of noise, the worst case).
    fn model(a: Attempt, w: u32, h: u32, busy: f64) -> u64 {
        let (ow, oh) = a.size_for(w, h);
        let bpp = 0.05 + 0.5 * (f64::from(a.quality) / 100.0).powi(3) * 2.0;
        (f64::from(ow) * f64::from(oh) * bpp * busy) as u64
    }

    fn run(w: u32, h: u32, busy: f64, limit: u64) -> (Vec<Attempt>, u64) {
        let mut a = first(w.max(h));
        let mut tried = vec![a];
        loop {
            let got = model(a, w, h, busy);
            match next(a, got, limit) {
                None => return (tried, got),
                Some(n) => {
                    assert!(n.long_side < a.long_side || n.quality < a.quality, "{a:?} → {n:?}");
                    a = n;
                    tried.push(a);
                }
            }
        }
    }

    #[test]
    fn every_photo_ends_under_the_limit_in_few_encodes() {
        for (w, h) in
            [(4032, 3024), (3024, 4032), (8000, 6000), (12000, 9000), (1200, 900), (20000, 200)]
        {
            for busy in [0.5, 1.0, 2.0, 3.0, 6.0] {
                for limit in [4_000_000, 2_000_000, 500_000] {
                    let (tried, got) = run(w, h, busy, limit);
                    assert!(got < limit, "{w}×{h} busy {busy} limit {limit}: {tried:?}");
                    assert!(tried.len() <= MAX_ATTEMPTS, "{w}×{h} busy {busy}: {tried:?}");
                }
            }
        }
    }

    #[test]
    fn text_stays_readable_when_the_limit_allows() {
        // A 12-megapixel photo of a page, even a busy one, keeps a long side of 1600 px or more.
        for busy in [1.0, 2.0, 3.0] {
            let (tried, _) = run(4032, 3024, busy, 4_000_000);
            let last = tried.last().unwrap();
            assert!(last.long_side >= READABLE_SIDE, "busy {busy}: {tried:?}");
        }
    }

    #[test]
    fn exactly_at_the_limit_is_not_under_it() {
        let a = first(4000);
        assert!(next(a, 4_000_000, 4_000_000).is_some());
        assert_eq!(next(a, 3_999_999, 4_000_000), None);
    }

    #[test]
    fn small_sources_are_never_enlarged() {
        assert_eq!(first(1000), Attempt { long_side: 1000, quality: 85 });
        assert_eq!(first(1000).size_for(1000, 500), (1000, 500));
        assert_eq!(Attempt { long_side: 2000, quality: 80 }.size_for(4000, 3000), (2000, 1500));
        assert_eq!(Attempt { long_side: 10, quality: 80 }.size_for(20000, 1), (10, 1));
    }
}
