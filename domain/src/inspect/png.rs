//! PNG: chunk structure and CRCs, a valid header, image data that inflates to exactly what the
//! header announces (bounded), an end chunk; animated PNGs and tiny images are reported.

use super::Problem;

/// What a PNG check found.
#[derive(Debug, Default)]
pub struct PngReport {
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// Problems.
    pub problems: Vec<Problem>,
}

/// Images whose longer side is under this are hard to read once printed or zoomed.
pub const MIN_LONG_SIDE: u32 = 600;
/// How much image data is inflated (64 KB at a time, thrown away) to see that it is whole: a
/// quarter of a second natively; beyond it, data that has held up so far is taken as whole.
const STREAM_BUDGET: u64 = 256 * 1024 * 1024;
/// Deflate's largest expansion: 258 bytes from a 2-bit code, about 1032 to 1.
const MAX_DEFLATE_RATIO: u64 = 1032;

/// The CRC-32 table, made at compile time: 1 KB. crc32fast (in the tree through flate2) was
/// measured here at +16 KB of gzipped wasm in the inspector, its slice-by-16 tables being
/// incompressible; PNG chunks are small enough for one table.
const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

static CRC: [u32; 256] = crc_table();

pub(crate) fn crc32(parts: &[&[u8]]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for part in parts {
        for &b in *part {
            c = CRC[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8);
        }
    }
    c ^ 0xFFFF_FFFF
}

fn be32(b: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(..4)?.try_into().ok()?))
}

/// Bytes of raw (filtered) image data the header announces.
fn expected_raw_len(width: u64, height: u64, bits_per_pixel: u64, interlaced: bool) -> u64 {
    let row = |w: u64| if w == 0 { 0 } else { 1 + (w * bits_per_pixel).div_ceil(8) };
    if !interlaced {
        return height * row(width);
    }
    // Adam7: (x start, y start, x step, y step) of each pass.
    [
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    ]
    .iter()
    .map(|&(x0, y0, dx, dy)| {
        let w = if width > x0 { (width - x0).div_ceil(dx) } else { 0 };
        let h = if height > y0 { (height - y0).div_ceil(dy) } else { 0 };
        if w == 0 {
            0
        } else {
            h * row(w)
        }
    })
    .sum()
}

/// What the header chunk (IHDR) says.
#[derive(Clone, Copy)]
struct Header {
    width: u32,
    height: u32,
    depth: u8,
    color: u8,
    interlaced: bool,
}

impl Header {
    /// The header, if its 13 bytes hold a valid size, depth and colour type.
    fn parse(data: &[u8]) -> Option<Header> {
        let (Some(width), Some(height), [depth, color, 0, 0, interlace]) =
            (be32(data), data.get(4..).and_then(be32), data.get(8..13).unwrap_or(&[1; 5]))
        else {
            return None;
        };
        let depth_ok = match color {
            0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
            3 => matches!(depth, 1 | 2 | 4 | 8),
            2 | 4 | 6 => matches!(depth, 8 | 16),
            _ => false,
        };
        let size_ok = (1..=0x7FFF_FFFF).contains(&width) && (1..=0x7FFF_FFFF).contains(&height);
        (data.len() == 13 && size_ok && depth_ok && *interlace <= 1).then_some(Header {
            width,
            height,
            depth: *depth,
            color: *color,
            interlaced: *interlace == 1,
        })
    }

    /// Bits of one pixel.
    fn bits_per_pixel(self) -> u64 {
        let channels: u64 = match self.color {
            0 | 3 => 1,
            2 => 3,
            4 => 2,
            _ => 4,
        };
        channels * u64::from(self.depth)
    }
}

/// The chunks of a PNG after its signature, in order, each as (type, data) once its length
/// fits and its CRC holds; `None` at the first that does not, or that is cut short.
fn chunks(bytes: &[u8]) -> impl Iterator<Item = Option<(&[u8], &[u8])>> {
    let mut pos = 8;
    std::iter::from_fn(move || {
        let chunk = (|| {
            let len = bytes.get(pos..).and_then(be32).filter(|&l| l <= 0x7FFF_FFFF)?;
            let end = pos.checked_add(8)?.checked_add(usize::try_from(len).ok()?)?;
            let kind = bytes.get(pos + 4..pos + 8)?;
            let data = bytes.get(pos + 8..end)?;
            let crc = bytes.get(end..).and_then(be32)?;
            let ok = crc32(&[kind, data]) == crc && kind.iter().all(u8::is_ascii_alphabetic);
            ok.then(|| {
                pos = end + 4;
                (kind, data)
            })
        })();
        Some(chunk)
    })
}

/// What the chunks hold, once read to the end chunk.
#[derive(Default)]
struct Contents {
    header: Option<Header>,
    idat: Vec<u8>,
    palette: bool,
    animated: bool,
}

/// Reads the chunks to IEND, and whether they are whole and in place (the header first, image
/// data in one run, no unknown critical chunk). The header, once read, is kept either way.
fn contents(bytes: &[u8]) -> (Contents, bool) {
    let mut c = Contents::default();
    let (mut seen_idat, mut idat_ended) = (false, false);
    for (i, chunk) in chunks(bytes).enumerate() {
        let Some((kind, data)) = chunk else { break };
        if (i == 0) != (kind == b"IHDR") {
            break;
        }
        match kind {
            b"IHDR" => match Header::parse(data) {
                Some(header) => c.header = Some(header),
                None => break,
            },
            b"PLTE" => c.palette = true,
            b"acTL" => c.animated = true,
            b"IDAT" if idat_ended => break,
            b"IDAT" => {
                seen_idat = true;
                c.idat.extend_from_slice(data);
            }
            b"IEND" => return (c, seen_idat),
            // An unknown critical chunk (upper-case first letter) cannot be skipped.
            _ if kind[0].is_ascii_uppercase() => break,
            _ => idat_ended |= seen_idat,
        }
    }
    (c, false)
}

/// Whether the image data inflates to exactly what the header announces. Data too short to
/// hold it even at deflate's largest ratio is refused at once (a 10-gigapixel header over 1 MB
/// of zeros); the rest is inflated as a stream, without keeping the pixels, up to
/// [`STREAM_BUDGET`].
fn image_data_fits(header: Header, idat: &[u8]) -> bool {
    use miniz_oxide::inflate::stream::{inflate, InflateState};
    use miniz_oxide::{DataFormat, MZFlush, MZStatus};
    let expected = expected_raw_len(
        header.width.into(),
        header.height.into(),
        header.bits_per_pixel(),
        header.interlaced,
    );
    if expected > (idat.len() as u64).saturating_mul(MAX_DEFLATE_RATIO).saturating_add(1024) {
        return false;
    }
    let mut state = InflateState::new_boxed(DataFormat::Zlib);
    let mut out = vec![0u8; 64 * 1024];
    let (mut input, mut total) = (idat, 0u64);
    loop {
        let step = inflate(&mut state, input, &mut out, MZFlush::None);
        input = &input[step.bytes_consumed..];
        total += step.bytes_written as u64;
        if total > expected {
            return false;
        }
        match step.status {
            Ok(MZStatus::StreamEnd) => return total == expected,
            // The data ends before the stream does, or is not deflate data.
            Ok(_) if step.bytes_consumed == 0 && step.bytes_written == 0 => return false,
            Ok(_) => {}
            Err(_) => return false,
        }
        if total >= STREAM_BUDGET {
            return true;
        }
    }
}

/// Checks a PNG file (the sniffer took it for one; a damaged signature is damage).
#[must_use]
pub fn check(bytes: &[u8]) -> PngReport {
    let mut report = PngReport::default();
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        report.problems.push(Problem::ImageDamaged);
        return report;
    }
    let (Contents { header, idat, palette, animated }, whole) = contents(bytes);
    report.width = header.map(|h| h.width);
    report.height = header.map(|h| h.height);
    let Some(header) = header.filter(|_| whole) else {
        report.problems.push(Problem::ImageDamaged);
        return report;
    };
    if (header.color == 3 && !palette) || !image_data_fits(header, &idat) {
        report.problems.push(Problem::ImageDamaged);
        return report;
    }
    if animated {
        report.problems.push(Problem::ImageAnimated);
    }
    if header.width.max(header.height) < MIN_LONG_SIDE {
        report.problems.push(Problem::ImageTooSmall);
    }
    report
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc32(&[kind, data]).to_be_bytes());
        out
    }

    /// A valid greyscale 8-bit PNG of `w` × `h`, with extra chunks before the image data.
    pub(crate) fn png(w: u32, h: u32, extra: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = w.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        out.extend(chunk(b"IHDR", &ihdr));
        for (kind, data) in extra {
            out.extend(chunk(kind, data));
        }
        let raw = vec![0u8; usize::try_from(h * (w + 1)).unwrap()];
        out.extend(chunk(b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&raw, 6)));
        out.extend(chunk(b"IEND", &[]));
        out
    }

    fn problems(bytes: &[u8]) -> Vec<Problem> {
        check(bytes).problems
    }

    #[test]
    fn a_valid_png_passes_with_its_size() {
        let report = check(&png(800, 600, &[]));
        assert_eq!((report.width, report.height), (Some(800), Some(600)));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(problems(&png(32, 32, &[])), [Problem::ImageTooSmall]);
        assert_eq!(
            problems(&png(800, 600, &[(b"acTL", &[0, 0, 0, 1, 0, 0, 0, 0])])),
            [Problem::ImageAnimated]
        );
        assert!(
            problems(&png(800, 600, &[(b"tEXt", b"Comment\0hi")])).is_empty(),
            "ancillary chunks are fine"
        );
    }

    #[test]
    fn damage_of_every_kind_is_found() {
        let good = png(800, 600, &[]);
        let mut bad_crc = good.clone();
        bad_crc[29] ^= 1;
        let mut bad_signature = good.clone();
        bad_signature[4] = b'\n';
        let mut bad_data = good.clone();
        let idat = good.windows(4).position(|w| w == b"IDAT").unwrap();
        bad_data[idat + 10] ^= 0xFF;
        let cases: [(&str, Vec<u8>); 6] = [
            ("truncated", good[..good.len() - 20].to_vec()),
            ("bad CRC", bad_crc),
            ("bad signature", bad_signature),
            ("corrupt image data", bad_data),
            ("no IEND", good[..good.len() - 12].to_vec()),
            ("unknown critical chunk", png(800, 600, &[(b"ABCD", b"x")])),
        ];
        for (what, bytes) in cases {
            assert!(problems(&bytes).contains(&Problem::ImageDamaged), "{what}");
        }
    }

    #[test]
    fn a_giant_declared_size_over_too_little_data_is_damaged() {
        // 100 000 × 100 000 declared, a few bytes of data: refused at once, nothing inflated.
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = 100_000u32.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
        bytes.extend(chunk(b"IHDR", &ihdr));
        bytes.extend(chunk(b"IDAT", &miniz_oxide::deflate::compress_to_vec_zlib(&[0; 64], 6)));
        bytes.extend(chunk(b"IEND", &[]));
        let report = check(&bytes);
        assert_eq!(report.width, Some(100_000));
        assert!(report.problems.contains(&Problem::ImageDamaged));
    }

    #[test]
    fn large_image_data_is_verified_as_a_stream() {
        // 9000 × 9000 grey (81 MB of rows, more than the old one-piece limit), all zeros.
        let (w, h) = (9000u32, 9000u32);
        let rows = vec![0u8; (w as usize + 1) * h as usize];
        let data = miniz_oxide::deflate::compress_to_vec_zlib(&rows, 6);
        let image = |data: &[u8]| {
            let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
            let mut ihdr = w.to_be_bytes().to_vec();
            ihdr.extend_from_slice(&h.to_be_bytes());
            ihdr.extend_from_slice(&[8, 0, 0, 0, 0]);
            bytes.extend(chunk(b"IHDR", &ihdr));
            bytes.extend(chunk(b"IDAT", data));
            bytes.extend(chunk(b"IEND", &[]));
            bytes
        };
        assert!(!check(&image(&data)).problems.contains(&Problem::ImageDamaged));
        let short = miniz_oxide::deflate::compress_to_vec_zlib(&rows[..rows.len() - 9001], 6);
        assert!(check(&image(&short)).problems.contains(&Problem::ImageDamaged), "one row short");
        let cut = &data[..data.len() / 2];
        assert!(check(&image(cut)).problems.contains(&Problem::ImageDamaged), "stream cut");
    }
}
