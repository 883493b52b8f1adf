//! Decrypting the streams of a PDF that opens without a password (ISO 32000-1 §7.6): RC4 and
//! AES-128 with per-object keys (algorithm 1), AES-256 with the file key (revision 6). Only
//! streams are decrypted — content, object streams, fonts' maps: the checks read nothing from
//! encrypted strings.

use md5::{Digest, Md5};

use super::syntax::Ref;

/// How streams are encrypted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cipher {
    Rc4,
    Aes128,
    Aes256,
    /// `/StmF /Identity`: streams are left clear.
    Identity,
}

/// The file key and how the streams use it.
#[derive(Clone, Debug)]
pub(crate) struct Crypt {
    pub key: Vec<u8>,
    pub cipher: Cipher,
}

pub(crate) fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len().max(1)]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            byte ^ s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
        })
        .collect()
}

/// AES-CBC decryption of `data` (its first block the IV), without padding or with PKCS#7's.
pub(crate) fn aes_cbc(key: &[u8], iv: &[u8], data: &[u8], padded: bool) -> Option<Vec<u8>> {
    use aes::cipher::{BlockModeDecrypt, KeyIvInit};
    if !data.len().is_multiple_of(16) {
        return None;
    }
    let mut out = data.to_vec();
    let (blocks, _) = aes::Block::slice_as_chunks_mut(&mut out);
    match key.len() {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(key, iv).ok()?.decrypt_blocks(blocks),
        32 => cbc::Decryptor::<aes::Aes256>::new_from_slices(key, iv).ok()?.decrypt_blocks(blocks),
        _ => return None,
    }
    if padded {
        let pad = usize::from(*out.last()?);
        if !(1..=16).contains(&pad) || pad > out.len() {
            return None;
        }
        out.truncate(out.len() - pad);
    }
    Some(out)
}

impl Crypt {
    /// The decrypted data of the stream of object `owner`.
    pub fn stream(&self, owner: Ref, data: &[u8]) -> Option<Vec<u8>> {
        match self.cipher {
            Cipher::Identity => Some(data.to_vec()),
            Cipher::Rc4 => Some(rc4(&self.object_key(owner), data)),
            Cipher::Aes128 | Cipher::Aes256 => {
                let key = if self.cipher == Cipher::Aes256 {
                    self.key.clone()
                } else {
                    self.object_key(owner)
                };
                let (iv, rest) = (data.get(..16)?, data.get(16..)?);
                aes_cbc(&key, iv, rest, true)
            }
        }
    }

    /// Algorithm 1: the file key, the object's number and generation (and "sAlT" for AES).
    fn object_key(&self, owner: Ref) -> Vec<u8> {
        let mut md5 = Md5::new();
        md5.update(&self.key);
        md5.update(&owner.num.to_le_bytes()[..3]);
        md5.update(owner.gen.to_le_bytes());
        if self.cipher == Cipher::Aes128 {
            md5.update(b"sAlT");
        }
        let mut key = md5.finalize().to_vec();
        key.truncate((self.key.len() + 5).min(16));
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_and_aes_as_their_test_vectors_say() {
        // RC4 with key "Key" (the usual test vector).
        assert_eq!(
            rc4(b"Key", b"Plaintext"),
            [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]
        );
        // NIST SP 800-38A F.2.2, CBC-AES128 decryption, first block.
        let key = [
            0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf,
            0x4f, 0x3c,
        ];
        let iv: Vec<u8> = (0..16).collect();
        let cipher = [
            0x76, 0x49, 0xab, 0xac, 0x81, 0x19, 0xb2, 0x46, 0xce, 0xe9, 0x8e, 0x9b, 0x12, 0xe9,
            0x19, 0x7d,
        ];
        let plain = [
            0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96, 0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93,
            0x17, 0x2a,
        ];
        assert_eq!(aes_cbc(&key, &iv, &cipher, false).as_deref(), Some(&plain[..]));
        // That block is not PKCS#7-padded (its last byte is 0x2a): refused, not garbage.
        assert_eq!(aes_cbc(&key, &iv, &cipher, true), None);
        assert_eq!(aes_cbc(&key, &iv, &cipher[..15], false), None, "not whole blocks");
    }
}
