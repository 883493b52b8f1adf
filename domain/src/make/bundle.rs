//! "Download all my files": the ready documents in one ZIP, made on the device.
//!
//! The files are PDFs and JPEG/PNG images, already compressed: they are *stored* (ZIP method 0,
//! APPNOTE 6.3 §4.4.5), which every unzip tool and the file managers of Windows, macOS, Android
//! and iOS open, and which needs no compressor in the browser. This is the whole format for
//! that case (a local header before each file, then the central directory and its end record),
//! with the CRC-32 the PNG checks already carry: the `zip` crate would bring crc32fast's
//! incompressible tables (+16 KB gzipped measured in the worker), indexmap and typed-path for
//! what is forty lines here. Tests read every archive back with the `zip` crate.

use crate::date::Date;
use crate::inspect::png::crc32;

/// One file of the archive.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// Its name in the archive: the portal slot's file name (`acte-de-naissance.pdf`).
    pub name: &'a str,
    /// Its bytes, stored as they are.
    pub bytes: &'a [u8],
}

/// Why no archive was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// No file to put in it.
    Empty,
    /// Over 4 GB or 65,535 files: beyond a plain ZIP (the documents are at most a few MB each).
    TooLarge,
}

/// The archive of `entries`, in their order, dated `date` (the day it is made; ZIP dates start
/// in 1980). Two entries of the same name are told apart (`visa.pdf`, `visa-2.pdf`): an unzip
/// tool would otherwise overwrite one with the other.
///
/// # Errors
/// [`BundleError`] when there is nothing to store or too much for a plain ZIP.
pub fn zip(entries: &[Entry<'_>], date: Date) -> Result<Vec<u8>, BundleError> {
    if entries.is_empty() {
        return Err(BundleError::Empty);
    }
    let count = u16::try_from(entries.len()).map_err(|_| BundleError::TooLarge)?;
    let names = distinct_names(entries);
    // MS-DOS date: years since 1980, month, day; the time is left at midnight.
    let year = date.year().clamp(1980, 2107) - 1980;
    let dos_date = (year << 9) | (u16::from(date.month()) << 5) | u16::from(date.day());
    let total: usize =
        entries.iter().zip(&names).map(|(e, n)| 30 + n.len() + e.bytes.len() + 46 + n.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    for (entry, name) in entries.iter().zip(&names) {
        let offset = u32::try_from(out.len()).map_err(|_| BundleError::TooLarge)?;
        let size = u32::try_from(entry.bytes.len()).map_err(|_| BundleError::TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| BundleError::TooLarge)?;
        let crc = crc32(&[entry.bytes]);
        // Version needed 1.0; bit 11: the name is UTF-8; method 0 (stored).
        let common = |b: &mut Vec<u8>| {
            for v in [10u16, 1 << 11, 0, 0, dos_date] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            for v in [crc, size, size] {
                b.extend_from_slice(&v.to_le_bytes());
            }
            b.extend_from_slice(&name_len.to_le_bytes());
            b.extend_from_slice(&0u16.to_le_bytes()); // no extra field
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(entry.bytes);

        central.extend_from_slice(b"PK\x01\x02");
        // Made by: version 2.0, MS-DOS attributes (what every reader understands).
        central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut central);
        // No comment, disk 0, no internal attributes, no external attributes, then the offset.
        for v in [0u16, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let directory_at = u32::try_from(out.len()).map_err(|_| BundleError::TooLarge)?;
    let directory_len = u32::try_from(central.len()).map_err(|_| BundleError::TooLarge)?;
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&directory_len.to_le_bytes());
    out.extend_from_slice(&directory_at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // no comment
    u32::try_from(out.len()).map_err(|_| BundleError::TooLarge)?;
    Ok(out)
}

/// The entries' names, a name met again numbered before its extension (`visa-2.pdf`).
fn distinct_names(entries: &[Entry<'_>]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(entries.len());
    for entry in entries {
        let mut name = entry.name.to_owned();
        let (stem, extension) = match entry.name.rsplit_once('.') {
            Some((stem, extension)) if !stem.is_empty() => (stem, Some(extension)),
            _ => (entry.name, None),
        };
        let mut n = 2;
        while names.contains(&name) {
            name = match extension {
                Some(extension) => format!("{stem}-{n}.{extension}"),
                None => format!("{stem}-{n}"),
            };
            n += 1;
        }
        names.push(name);
    }
    names
}

// The reader the tests check against is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    fn day() -> Date {
        Date::from_ymd(2026, 12, 2).unwrap()
    }

    /// One entry as read back: its name, its bytes and its (year, month, day).
    type ReadEntry = (String, Vec<u8>, (u16, u8, u8));

    /// The archive as an independent reader (the `zip` crate) sees it: names, bytes, dates.
    fn read_back(archive: &[u8]) -> Vec<ReadEntry> {
        let mut zip = ::zip::ZipArchive::new(Cursor::new(archive)).expect("a ZIP");
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).expect("an entry");
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes).expect("its bytes, CRC checked");
                let when = file.last_modified().expect("a date");
                (
                    file.name().expect("a name").into_owned(),
                    bytes,
                    (when.year(), when.month(), when.day()),
                )
            })
            .collect()
    }

    #[test]
    fn every_file_is_stored_whole_under_its_name_and_date() {
        let pdf = b"%PDF-1.4 certificate".repeat(1000);
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
        let archive = zip(
            &[
                Entry { name: "certificat-de-scolarite.pdf", bytes: &pdf },
                Entry { name: "piece-d-identite.jpg", bytes: &jpeg },
                Entry { name: "vide.pdf", bytes: &[] },
            ],
            day(),
        )
        .unwrap();
        let got = read_back(&archive);
        assert_eq!(
            got,
            [
                ("certificat-de-scolarite.pdf".to_owned(), pdf.clone(), (2026, 12, 2)),
                ("piece-d-identite.jpg".to_owned(), jpeg.to_vec(), (2026, 12, 2)),
                ("vide.pdf".to_owned(), Vec::new(), (2026, 12, 2)),
            ]
        );
        // Stored: the archive is the files plus 76 bytes and twice each name.
        let names: usize = got.iter().map(|(n, ..)| n.len()).sum();
        assert_eq!(archive.len(), pdf.len() + jpeg.len() + 3 * 76 + 2 * names + 22);
    }

    #[test]
    fn the_same_name_twice_is_numbered_and_nothing_is_overwritten() {
        let archive = zip(
            &[
                Entry { name: "visa.pdf", bytes: b"one" },
                Entry { name: "visa.pdf", bytes: b"two" },
                Entry { name: "visa-2.pdf", bytes: b"three" },
                Entry { name: "README", bytes: b"four" },
                Entry { name: "README", bytes: b"five" },
            ],
            day(),
        )
        .unwrap();
        let names: Vec<_> = read_back(&archive).into_iter().map(|(n, ..)| n).collect();
        assert_eq!(names, ["visa.pdf", "visa-2.pdf", "visa-2-2.pdf", "README", "README-2"]);
    }

    #[test]
    fn nothing_to_store_is_said_and_dates_before_1980_are_1980() {
        assert_eq!(zip(&[], day()), Err(BundleError::Empty));
        let archive =
            zip(&[Entry { name: "a.pdf", bytes: b"x" }], Date::from_ymd(1975, 6, 1).unwrap())
                .unwrap();
        assert_eq!(read_back(&archive)[0].2, (1980, 6, 1));
    }
}
