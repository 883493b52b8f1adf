//! Grey pixels of a JPEG or PNG, decoded natively (feature `decode`, for the command line): the
//! app gets the same from the browser's decoder, so both judge quality on the same image.

use std::io::Cursor;

use super::{quality, Format, Inspection};

/// What decoding an image gave.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// Its grey pixels (alpha over white), width and height.
    Pixels(Vec<u8>, u32, u32),
    /// The decoder refused it, or gave fewer pixels than the header announces: damaged.
    Undecodable,
    /// Not decoded: not an image, or too large to decode here.
    Skipped,
}

/// Decodes an image to grey pixels, as strictly as a browser shows it whole: zune-jpeg in
/// strict mode refuses data that ends before the last block (a cut download), not a file
/// that only lacks its end marker.
#[must_use]
pub fn luma(format: Format, bytes: &[u8], width: u32, height: u32) -> Decoded {
    if u64::from(width) * u64::from(height) > super::MAX_SHOWN_PIXELS {
        return Decoded::Skipped;
    }
    let decoded = match format {
        Format::Jpeg => jpeg_luma(bytes),
        Format::Png => png_luma(bytes),
        _ => return Decoded::Skipped,
    };
    match decoded {
        Some((pixels, w, h)) => Decoded::Pixels(pixels, w, h),
        None => Decoded::Undecodable,
    }
}

fn jpeg_luma(bytes: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    let mut decoder = super::jpeg::strict_decoder(bytes);
    let pixels = decoder.decode().ok()?;
    let (w, h) = decoder.dimensions()?;
    let (w, h) = (u32::try_from(w).ok()?, u32::try_from(h).ok()?);
    (pixels.len() == w as usize * h as usize).then_some((pixels, w, h))
}

fn png_luma(bytes: &[u8]) -> Option<(Vec<u8>, u32, u32)> {
    let mut decoder = png::Decoder::new(Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    let (w, h) = (info.width, info.height);
    let data = &buf[..info.buffer_size()];
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Grayscale => data.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::GrayscaleAlpha => {
            data.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect()
        }
        png::ColorType::Rgb => data.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::Rgba => data.to_vec(),
        // EXPAND turns palettes into colours: never seen here.
        png::ColorType::Indexed => return None,
    };
    let luma = quality::luma_from_rgba(&rgba);
    (luma.len() == w as usize * h as usize).then_some((luma, w, h))
}

/// Decodes a JPEG or PNG whose structure is sound, as the app has the browser do: one that
/// does not decode is damaged (the same words as a broken structure), one that does gets the
/// quality checks on its pixels.
pub fn add_decoding(inspection: &mut Inspection, bytes: &[u8]) {
    if !inspection.is_showable_image() {
        return;
    }
    let (Some(w), Some(h)) = (inspection.facts.width, inspection.facts.height) else { return };
    match luma(inspection.format, bytes, w, h) {
        Decoded::Undecodable => inspection.undecodable(),
        Decoded::Pixels(pixels, pw, ph) => {
            let Some((aw, ah)) = quality::analysis_size(inspection) else { return };
            let small = quality::downscale(&pixels, pw, ph, aw, ah);
            quality::add_to(inspection, &small, aw, ah);
        }
        Decoded::Skipped => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::quality::tests::{blurred, page};
    use crate::inspect::{inspect, Context, Problem};
    use crate::rules::DocumentId;

    fn png_of(luma: &[u8], w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(luma).unwrap();
        writer.finish().unwrap();
        out
    }

    fn problems(bytes: &[u8]) -> Vec<Problem> {
        let ctx = Context::plain(DocumentId::Identity, 4_000_000);
        let mut inspection = inspect("id.png", bytes, &ctx);
        add_decoding(&mut inspection, bytes);
        inspection.problems.iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_command_line_judges_the_same_pixels_as_the_app() {
        // A page at twice the analysis size: downscaled first, as the browser does.
        let (w, h) = (1800, 2400);
        let sharp = page(w, h);
        assert_eq!(problems(&png_of(&sharp, w as u32, h as u32)), []);
        let soft = blurred(&sharp, w, h, 3, 3);
        assert_eq!(problems(&png_of(&soft, w as u32, h as u32)), [Problem::ImageBlurred]);
        let dark: Vec<u8> = sharp.iter().map(|&v| v / 3).collect();
        assert_eq!(problems(&png_of(&dark, w as u32, h as u32)), [Problem::ImageDark]);
    }

    #[test]
    fn undecodable_or_huge_images_are_left_alone() {
        assert_eq!(luma(Format::Jpeg, b"\xFF\xD8\xFF\xD9", 10, 10), Decoded::Undecodable);
        assert_eq!(luma(Format::Png, b"\x89PNG", 200_000, 200_000), Decoded::Skipped);
        assert_eq!(luma(Format::Pdf, b"%PDF", 1, 1), Decoded::Skipped);
    }
}
