//! Stream filters (ISO 32000-1 §7.4) that text and structure can be stored in: Flate and LZW
//! with their PNG and TIFF predictors, ASCII85, ASCIIHex and RunLength, chained in any order.
//! Image codecs (DCT, JPX, CCITT, JBIG2) are not decoded here: they are pictures, never text.
//! Every decoder stops at a byte budget, so a small bomb cannot fill memory.

use super::syntax::{Dict, Object};

/// Why a stream's data could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FilterError {
    /// An image codec or an encryption filter: not something text is read from.
    Image,
    /// A filter name no reader knows, or parameters out of range.
    Unknown,
    /// More output than the budget allows.
    Budget,
}

/// The filters of a stream dictionary with their parameters, in order.
pub(crate) fn chain(dict: &Dict) -> Vec<(Vec<u8>, Option<Dict>)> {
    let parms = |i: usize| -> Option<Dict> {
        match dict.get(b"DecodeParms").or_else(|| dict.get(b"DP"))? {
            Object::Dict(d) if i == 0 => Some(d.clone()),
            Object::Array(a) => a.get(i).and_then(Object::as_dict).cloned(),
            _ => None,
        }
    };
    match dict.get(b"Filter").or_else(|| dict.get(b"F")) {
        Some(Object::Name(n)) => vec![(n.clone(), parms(0))],
        Some(Object::Array(a)) => a
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match f {
                Object::Name(n) => Some((n.clone(), parms(i))),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Decodes `data` through `filters`, spending at most `budget` bytes of output in all.
pub(crate) fn decode(
    data: &[u8],
    filters: &[(Vec<u8>, Option<Dict>)],
    budget: &mut usize,
) -> Result<Vec<u8>, FilterError> {
    let mut current = data.to_vec();
    for (name, parms) in filters {
        let limit = *budget;
        current = match name.as_slice() {
            b"FlateDecode" | b"Fl" => predict(&flate(&current, limit)?, parms.as_ref())?,
            b"LZWDecode" | b"LZW" => {
                let early = parms.as_ref().and_then(|p| p.int(b"EarlyChange")).unwrap_or(1) != 0;
                predict(&lzw(&current, early, limit)?, parms.as_ref())?
            }
            b"ASCII85Decode" | b"A85" => ascii85(&current),
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&current),
            b"RunLengthDecode" | b"RL" => run_length(&current, limit)?,
            b"DCTDecode" | b"DCT" | b"JPXDecode" | b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode"
            | b"Crypt" => return Err(FilterError::Image),
            _ => return Err(FilterError::Unknown),
        };
        if current.len() > *budget {
            return Err(FilterError::Budget);
        }
        *budget -= current.len();
    }
    Ok(current)
}

/// zlib data, or raw deflate data without the zlib header (both occur); a stream cut short
/// keeps what was inflated, as readers show what they could.
fn flate(data: &[u8], limit: usize) -> Result<Vec<u8>, FilterError> {
    use miniz_oxide::inflate::{self, TINFLStatus};
    let partial = |e: inflate::DecompressError| match e.status {
        TINFLStatus::HasMoreOutput => Err(FilterError::Budget),
        _ => Ok(e.output),
    };
    match inflate::decompress_to_vec_zlib_with_limit(data, limit) {
        Ok(out) => Ok(out),
        Err(e) if e.status == TINFLStatus::HasMoreOutput => Err(FilterError::Budget),
        Err(e) if !e.output.is_empty() => Ok(e.output),
        Err(_) => inflate::decompress_to_vec_with_limit(data, limit).or_else(partial),
    }
}

fn lzw(data: &[u8], early_change: bool, limit: usize) -> Result<Vec<u8>, FilterError> {
    use weezl::{decode::Decoder, BitOrder, LzwStatus};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut out = Vec::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut input = data;
    loop {
        let result = decoder.decode_bytes(input, &mut buffer);
        input = &input[result.consumed_in..];
        out.extend_from_slice(&buffer[..result.consumed_out]);
        if out.len() > limit {
            return Err(FilterError::Budget);
        }
        match result.status {
            Ok(LzwStatus::Ok) if result.consumed_in + result.consumed_out > 0 => {}
            // The end code, the end of the data without one, or a bad code: what came before
            // is the stream, as readers show it.
            _ => return Ok(out),
        }
    }
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u32; 5];
    let mut n = 0;
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = u32::from(c - b'!');
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u32, |v, &d| v.wrapping_mul(85).wrapping_add(d));
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ => {}
        }
    }
    if n > 1 {
        // A last partial group: padded with 'u', and n - 1 bytes kept.
        for d in group.iter_mut().skip(n) {
            *d = 84;
        }
        let v = group.iter().fold(0u32, |v, &d| v.wrapping_mul(85).wrapping_add(d));
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    out
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = data
        .iter()
        .take_while(|&&c| c != b'>')
        .filter_map(|&c| char::from(c).to_digit(16))
        .map(|d| d as u8)
        .collect();
    digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect()
}

fn run_length(data: &[u8], limit: usize) -> Result<Vec<u8>, FilterError> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&len) = data.get(i) {
        i += 1;
        match len {
            0..=127 => {
                let end = (i + usize::from(len) + 1).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            128 => break,
            _ => {
                let Some(&byte) = data.get(i) else { break };
                i += 1;
                out.resize(out.len() + 257 - usize::from(len), byte);
            }
        }
        if out.len() > limit {
            return Err(FilterError::Budget);
        }
    }
    Ok(out)
}

/// Undoes a PNG (10–15) or TIFF (2) predictor, as /DecodeParms describe it.
fn predict(data: &[u8], parms: Option<&Dict>) -> Result<Vec<u8>, FilterError> {
    let Some(parms) = parms else { return Ok(data.to_vec()) };
    let get = |key: &[u8], default: i64| parms.int(key).unwrap_or(default);
    let predictor = get(b"Predictor", 1);
    if predictor <= 1 {
        return Ok(data.to_vec());
    }
    let (colors, bits, columns) =
        (get(b"Colors", 1), get(b"BitsPerComponent", 8), get(b"Columns", 1));
    if !(1..=32).contains(&colors)
        || ![1, 2, 4, 8, 16].contains(&bits)
        || !(1..=1 << 24).contains(&columns)
    {
        return Err(FilterError::Unknown);
    }
    let (colors, bits, columns) = (colors as usize, bits as usize, columns as usize);
    let pixel = (colors * bits).div_ceil(8);
    let row = (colors * bits * columns).div_ceil(8);
    if predictor == 2 {
        let mut out = data.to_vec();
        if bits == 8 {
            for line in out.chunks_mut(row) {
                for i in pixel..line.len() {
                    line[i] = line[i].wrapping_add(line[i - pixel]);
                }
            }
        }
        return Ok(out);
    }
    // PNG: each row starts with its own filter type.
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row];
    for line in data.chunks(row + 1) {
        let (&kind, raw) = line.split_first().unwrap_or((&0, &[]));
        let mut current = raw.to_vec();
        current.resize(row, 0);
        for i in 0..row {
            let left = if i >= pixel { current[i - pixel] } else { 0 };
            let up = previous[i];
            let up_left = if i >= pixel { previous[i - pixel] } else { 0 };
            current[i] = current[i].wrapping_add(match kind {
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => 0,
            });
        }
        out.extend_from_slice(&current[..raw.len().min(row)]);
        previous = current;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) =
        ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> (Vec<u8>, Option<Dict>) {
        (n.as_bytes().to_vec(), None)
    }

    #[test]
    fn ascii85_and_hex_and_run_length_read_back() {
        // "Man is distinguished" in ASCII85, as the spec and Adobe write it.
        assert_eq!(ascii85(b"9jqo^BlbD-BleB1DJ+*+F(f,q~>"), b"Man is distinguished");
        assert_eq!(ascii85(b"<~z!!~>"), [0, 0, 0, 0, 0]);
        assert_eq!(ascii_hex(b"48 65 6C6C 6F7>ignored"), b"Hellop");
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 253, b'x', 128, 9], 100),
            Ok(b"abcxxxx".to_vec())
        );
        assert_eq!(run_length(&[129, 0, 129, 0], 100), Err(FilterError::Budget));
    }

    #[test]
    fn filters_chain_in_the_order_given() {
        let text = b"BT (Certificat 2026-2027) Tj ET";
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(text, 6);
        let hex: String = packed.iter().map(|b| format!("{b:02X}")).collect();
        let mut budget = 1 << 20;
        let out =
            decode(hex.as_bytes(), &[name("ASCIIHexDecode"), name("FlateDecode")], &mut budget);
        assert_eq!(out.as_deref(), Ok(&text[..]));
        assert_eq!(decode(b"", &[name("DCTDecode")], &mut budget), Err(FilterError::Image));
        assert_eq!(decode(b"", &[name("Nonsense")], &mut budget), Err(FilterError::Unknown));
    }

    #[test]
    fn a_bomb_stops_at_the_budget() {
        let zeros = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0u8; 4 << 20], 9);
        let mut budget = 1 << 20;
        assert_eq!(decode(&zeros, &[name("FlateDecode")], &mut budget), Err(FilterError::Budget));
    }

    #[test]
    fn lzw_as_the_spec_example_encodes_it() {
        // ISO 32000-1 §7.4.4.2: "-----A---B" is 80 0B 60 50 22 0C 0C 85 01.
        let out = lzw(&[0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01], true, 100);
        assert_eq!(out.as_deref(), Ok(&b"-----A---B"[..]));
    }

    #[test]
    fn png_up_predictor_rows() {
        let mut parms = Dict::default();
        parms.0.push((b"Predictor".to_vec(), Object::Int(12)));
        parms.0.push((b"Columns".to_vec(), Object::Int(3)));
        let data = [2, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(predict(&data, Some(&parms)), Ok(vec![1, 2, 3, 2, 3, 4]));
    }
}
