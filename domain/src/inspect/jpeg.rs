//! JPEG: the marker structure from start to end of image, the frame header (size, precision,
//! colour components, coding), and the EXIF orientation.

use super::png::MIN_LONG_SIDE;
use super::Problem;

/// What a JPEG check found.
#[derive(Debug, Default)]
pub struct JpegReport {
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// EXIF orientation, 1–8.
    pub orientation: Option<u8>,
    /// Colour components: 1 grey, 3 YCbCr, 4 CMYK.
    pub components: Option<u8>,
    /// Problems.
    pub problems: Vec<Problem>,
    /// A progressive frame (its scans' parameters differ from a sequential one's).
    progressive: bool,
    /// The last scan runs to the end of the file: no EOI marker. Whether all of its data is
    /// there only a decoder can tell (libjpeg decodes such files whole, with a warning).
    pub no_end_marker: bool,
}

/// Whether a Huffman table segment (DHT) holds tables a decoder can build: class 0 or 1,
/// destination 0–3, and code counts that fit in 16 bits (libjpeg's "Bogus Huffman table").
fn huffman_tables(mut segment: &[u8]) -> bool {
    while let Some((&class_id, rest)) = segment.split_first() {
        if class_id >> 4 > 1 || class_id & 15 > 3 || rest.len() < 16 {
            return false;
        }
        let (counts, rest) = rest.split_at(16);
        let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
        let mut code = 0u32;
        for (i, &count) in counts.iter().enumerate() {
            code += u32::from(count);
            if code > 1 << (i + 1) {
                return false;
            }
            code <<= 1;
        }
        if total > 256 || rest.len() < total {
            return false;
        }
        segment = &rest[total..];
    }
    true
}

/// Whether a scan header (SOS) is one a decoder accepts for the frame: 1–4 components, and
/// spectral selection and successive approximation as the process allows.
fn scan_header(segment: &[u8], progressive: bool) -> bool {
    let Some(&count) = segment.first() else { return false };
    let count = usize::from(count);
    if !(1..=4).contains(&count) || segment.len() != 1 + 2 * count + 3 {
        return false;
    }
    let (ss, se, ah, al) = (
        segment[1 + 2 * count],
        segment[2 + 2 * count],
        segment[3 + 2 * count] >> 4,
        segment[3 + 2 * count] & 15,
    );
    if progressive {
        // A DC scan is 0–0, an AC scan one component of a band within 1–63.
        ss <= se
            && se <= 63
            && (ss == 0) == (se == 0)
            && (ss == 0 || count == 1)
            && ah <= 13
            && al <= 13
    } else {
        ss == 0 && se == 63 && ah == 0 && al == 0
    }
}

fn be16(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?)))
}

/// The orientation tag (0x0112) of an EXIF block (`Exif\0\0` then a TIFF header).
fn exif_orientation(app1: &[u8]) -> Option<u8> {
    let tiff = app1.strip_prefix(b"Exif\0\0")?;
    let little = match tiff.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if little { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(512))
        .find_map(|i| {
            let entry = ifd + 2 + i * 12;
            (u16_at(entry)? == 0x0112).then(|| u16_at(entry + 8)).flatten()
        })
        .and_then(|o| u8::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
}

/// The end of the entropy-coded data of a scan that starts at `pos`: the next marker that is
/// not a stuffed 0x00 or a restart marker; `None` if the file ends first.
fn scan_end(bytes: &[u8], mut pos: usize) -> Option<usize> {
    loop {
        match (bytes.get(pos)?, bytes.get(pos + 1)) {
            (0xFF, Some(0xFF)) => pos += 1,
            (0xFF, Some(0x00 | 0xD0..=0xD7)) => pos += 2,
            (0xFF, Some(_)) => return Some(pos),
            _ => pos += 1,
        }
    }
}

/// Reads a frame header (SOF*): size, components, and what browsers cannot show; `None` if it
/// is damaged or no decoder of a browser can decode it: the lossless (SOF3, 7, 11, 15) and
/// hierarchical (SOF5–7, 13–15) processes, sampling factors outside 1–4, a header whose length
/// does not match its components.
fn frame(marker: u8, segment: &[u8], report: &mut JpegReport) -> Option<()> {
    let (Some(&precision), Some(h), Some(w), Some(&components)) =
        (segment.first(), be16(segment, 1), be16(segment, 3), segment.get(5))
    else {
        return None;
    };
    if w == 0 || components == 0 || matches!(marker, 0xC3 | 0xC5..=0xC7 | 0xCB | 0xCD..=0xCF) {
        return None;
    }
    if segment.len() != 6 + 3 * usize::from(components) {
        return None;
    }
    let sampling_ok = segment[6..].chunks_exact(3).all(|c| {
        let (hs, vs) = (c[1] >> 4, c[1] & 15);
        (1..=4).contains(&hs) && (1..=4).contains(&vs) && c[2] <= 3
    });
    if !sampling_ok {
        return None;
    }
    report.progressive = marker == 0xC2 || marker == 0xCA;
    report.components = Some(components);
    report.width = u32::try_from(w).ok();
    report.height = u32::try_from(h).ok().filter(|&h| h > 0);
    if precision == 12 {
        report.problems.push(Problem::Image12Bit);
    }
    if marker >= 0xC9 {
        report.problems.push(Problem::ImageArithmetic);
    }
    if components == 4 {
        report.problems.push(Problem::ImageCmyk);
    }
    Some(())
}

/// Walks the markers from start to end of image, reading the frame header and the EXIF
/// orientation into `report`; `None` at the first sign of damage (a missing marker, a segment
/// cut short, no frame or no scan before the end).
fn segments(bytes: &[u8], report: &mut JpegReport) -> Option<()> {
    let mut pos = 2;
    let (mut seen_frame, mut seen_scan) = (false, false);
    loop {
        // Markers may be padded with any number of 0xFF fill bytes.
        if bytes.get(pos) != Some(&0xFF) {
            return None;
        }
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos)?;
        pos += 1;
        match marker {
            0xD9 => return (seen_frame && seen_scan).then_some(()),
            0x01 | 0xD0..=0xD7 => continue,
            0x00 | 0xD8 => return None,
            _ => {}
        }
        let len = be16(bytes, pos).filter(|&l| l >= 2)?;
        let segment = bytes.get(pos + 2..pos + len)?;
        match marker {
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                if seen_frame {
                    return None;
                }
                frame(marker, segment, report)?;
                seen_frame = true;
            }
            0xC4 if !huffman_tables(segment) => return None,
            0xE1 if report.orientation.is_none() => report.orientation = exif_orientation(segment),
            0xDA => {
                if !seen_frame || !scan_header(segment, report.progressive) {
                    return None;
                }
                seen_scan = true;
                match scan_end(bytes, pos + len) {
                    Some(end) => pos = end,
                    None => {
                        report.no_end_marker = true;
                        return Some(());
                    }
                }
                continue;
            }
            _ => {}
        }
        pos += len;
    }
}

/// Whether the file is too small to hold its pixels: every 8×8 block's DC coefficient takes at
/// least one bit, so a frame of w × h needs w·h/512 bytes; a file under an eighth of that (a
/// 65535 × 65535 header in a few kilobytes) cannot be an image.
fn too_few_bytes(len: usize, report: &JpegReport) -> bool {
    let pixels = u64::from(report.width.unwrap_or(0)) * u64::from(report.height.unwrap_or(0));
    (len as u64) < pixels / 4096
}

/// Checks a JPEG file (its signature already matched).
#[must_use]
pub fn check(bytes: &[u8]) -> JpegReport {
    let mut report = JpegReport::default();
    if segments(bytes, &mut report).is_none() || too_few_bytes(bytes.len(), &report) {
        report.problems.push(Problem::ImageDamaged);
        return report;
    }
    if report.no_end_marker {
        report.problems.push(Problem::ImageEndMissing);
    }
    if report.orientation.is_some_and(|o| o != 1) {
        report.problems.push(Problem::ImageRotated);
    }
    if report.width.zip(report.height).is_some_and(|(w, h)| w.max(h) < MIN_LONG_SIDE) {
        report.problems.push(Problem::ImageTooSmall);
    }
    report
}

/// Whether a JPEG decodes to its last block, as libjpeg decodes it (a missing end marker is
/// forgiven, data that stops early is not): zune-jpeg in strict mode.
#[cfg(feature = "jpeg-whole")]
#[must_use]
pub fn decodes_whole(bytes: &[u8]) -> bool {
    strict_decoder(bytes).decode().is_ok()
}

/// zune-jpeg decoding to grey, strictly (data that stops before the last block is an error),
/// for any JPEG size: as the command line decodes for quality and the inspector for whether a
/// file is whole.
#[cfg(feature = "jpeg-whole")]
pub(crate) fn strict_decoder(bytes: &[u8]) -> zune_jpeg::JpegDecoder<std::io::Cursor<&[u8]>> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::Luma)
        .set_max_width(65_535)
        .set_max_height(65_535)
        .set_strict_mode(true);
    zune_jpeg::JpegDecoder::new_with_options(std::io::Cursor::new(bytes), options)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A structurally valid JPEG: SOI, optional APP1, a frame header, one scan, EOI.
    pub(crate) fn jpeg(
        sof: u8,
        precision: u8,
        w: u16,
        h: u16,
        components: u8,
        app1: Option<&[u8]>,
    ) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        if let Some(app1) = app1 {
            out.extend_from_slice(&[0xFF, 0xE1]);
            out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
            out.extend_from_slice(app1);
        }
        let mut frame = vec![precision];
        frame.extend_from_slice(&h.to_be_bytes());
        frame.extend_from_slice(&w.to_be_bytes());
        frame.push(components);
        for c in 0..components {
            frame.extend_from_slice(&[c + 1, 0x11, 0]);
        }
        out.extend_from_slice(&[0xFF, sof]);
        out.extend_from_slice(&u16::try_from(frame.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(&frame);
        let (ss, se) = if sof == 0xC2 { (0, 0) } else { (0, 63) };
        out.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, ss, se, 0]);
        out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        // Entropy-coded data in proportion to the pixels, as a real file has.
        out.resize(out.len() + usize::from(w) * usize::from(h) / 2048, 0x55);
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }

    fn exif(orientation: u16) -> Vec<u8> {
        let mut e = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
        e.extend_from_slice(&[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1]);
        e.extend_from_slice(&orientation.to_be_bytes());
        e.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        e
    }

    #[test]
    fn frames_and_orientation() {
        let ok = check(&jpeg(0xC0, 8, 1600, 1200, 3, None));
        assert_eq!((ok.width, ok.height, ok.problems.len()), (Some(1600), Some(1200), 0));
        let cases: [(Vec<u8>, &[Problem]); 5] = [
            (jpeg(0xC2, 8, 1600, 1200, 3, None), &[]),
            (jpeg(0xC1, 12, 1600, 1200, 3, None), &[Problem::Image12Bit]),
            (jpeg(0xC9, 8, 1600, 1200, 3, None), &[Problem::ImageArithmetic]),
            (jpeg(0xC0, 8, 1600, 1200, 4, None), &[Problem::ImageCmyk]),
            (jpeg(0xC0, 8, 400, 300, 1, None), &[Problem::ImageTooSmall]),
        ];
        for (bytes, expected) in cases {
            assert_eq!(check(&bytes).problems, expected);
        }
        let rotated = check(&jpeg(0xC0, 8, 1600, 1200, 3, Some(&exif(6))));
        assert_eq!(rotated.orientation, Some(6));
        assert_eq!(rotated.problems, [Problem::ImageRotated]);
        assert_eq!(check(&jpeg(0xC0, 8, 1600, 1200, 3, Some(&exif(1)))).problems, []);
    }

    #[test]
    fn cut_or_broken_jpegs_are_damaged() {
        let good = jpeg(0xC0, 8, 1600, 1200, 3, None);
        let no_frame: Vec<u8> = [&good[..2], &good[21..]].concat();
        let mut bogus_huffman = good[..21].to_vec();
        bogus_huffman.extend_from_slice(&[
            0xFF, 0xC4, 0, 19, 0x00, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]);
        bogus_huffman.extend_from_slice(&good[21..]);
        let mut sof3 = good.clone();
        sof3[3] = 0xC3;
        let mut sampling = good.clone();
        sampling[13] = 0x51;
        let mut tiny = jpeg(0xC0, 8, 100, 100, 3, None);
        tiny[7..11].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
        for (what, bytes) in [
            ("cut in a header", good[..10].to_vec()),
            ("no frame", no_frame),
            ("only SOI", vec![0xFF, 0xD8, 0xFF]),
            ("more code lengths than 1 bit can hold", bogus_huffman),
            ("lossless", sof3),
            ("sampling factor 5", sampling),
            ("65535 x 65535 in a few bytes", tiny),
        ] {
            assert!(check(&bytes).problems.contains(&Problem::ImageDamaged), "{what}");
        }
        // A scan that runs to the end without EOI: for a decoder to judge (see decode.rs).
        let cut = check(&good[..good.len() - 2]);
        assert_eq!(cut.problems, [Problem::ImageEndMissing]);
        assert!(cut.no_end_marker);
    }
}
