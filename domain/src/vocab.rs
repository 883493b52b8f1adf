//! One declaration per variant: the [`vocabulary!`](crate::vocabulary) macro that every code
//! list of secu-precheck is written with (file problems and formats, form fields and their
//! problems, documents, situations, the worker's tasks and failures…).
//!
//! A vocabulary is a unit enum whose every variant is declared once, with its **stable code**
//! (what the command line prints, what the page's `data-code` says, what the worker's messages
//! and the kept answers carry, what `rules.json` names) and, where the vocabulary has them, its
//! data (a severity, a DOM id, extensions…) and its **catalog messages**, named after the code
//! (`file.too_large.title`). From that one line follow `ALL`, `code`, `from_code`, `FromStr`,
//! `Display`, serde (as the code), the data and the messages, so a new code is one line plus
//! its words in `locales/*.toml`. A message key that the catalog lacks fails the build: the
//! lookup runs at compile time ([`Msg::must`](crate::Msg::must)).
//!
//! No Rust identifier ever leaks into a code: renaming a variant changes nothing a student,
//! a script or a stored answer sees.
//!
//! ```
//! secu_precheck_domain::vocabulary! {
//!     /// How a door stands.
//!     pub enum Door as "door state" {
//!         /// Shut.
//!         Closed = "closed" => false,
//!         /// Not shut.
//!         Open = "open" => true,
//!     }
//!     data fn passable -> bool;
//! }
//! assert_eq!(Door::ALL, [Door::Closed, Door::Open]);
//! assert_eq!(Door::from_code("open"), Some(Door::Open));
//! assert_eq!("closed".parse::<Door>().map(Door::passable), Ok(false));
//! assert_eq!(Door::Open.to_string(), "open");
//! let err = "ajar".parse::<Door>().unwrap_err().to_string();
//! assert_eq!(err, "unknown door state \"ajar\" (expected one of: closed, open)");
//! ```
//!
//! Messages are declared after the data: `messages { title = "file." code ".title", }` gives
//! `const fn title(self) -> Msg`; `optional messages { hint = "field." code ".hint", }` gives an
//! `Option<Msg>`, `None` for the codes that have no such key.

use std::fmt;

/// A code that names no variant of a vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    /// What the vocabulary is, in words ("document", "file problem").
    pub kind: &'static str,
    /// What was given.
    pub code: String,
    /// Every code of the vocabulary.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: {})",
            self.kind,
            self.code,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownCode {}

/// Whether two strings are equal, in a `const` context.
#[must_use]
pub const fn str_eq(a: &str, b: &str) -> bool {
    matches!(str_cmp(a, b), std::cmp::Ordering::Equal)
}

/// Byte-wise comparison of two strings (the order of `str`'s `Ord`), in a `const` context.
#[must_use]
pub const fn str_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return if a[i] < b[i] {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Greater
            };
        }
        i += 1;
    }
    if a.len() == b.len() {
        std::cmp::Ordering::Equal
    } else if a.len() < b.len() {
        std::cmp::Ordering::Less
    } else {
        std::cmp::Ordering::Greater
    }
}

/// Declares a vocabulary: see the [module](crate::vocab) documentation.
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $E:ident as $kind:literal {
            $( $(#[$vmeta:meta])* $V:ident = $code:literal $(=> $data:expr)? ),+ $(,)?
        }
        $( $(#[$dmeta:meta])* data fn $dfn:ident -> $dty:ty; )?
        $( messages { $( $mfn:ident = $mpre:literal code $($mpost:literal)? ),* $(,)? } )?
        $( optional messages { $( $ofn:ident = $opre:literal code $($opost:literal)? ),* $(,)? } )?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $E {
            $( $(#[$vmeta])* $V, )+
        }

        impl $E {
            /// Every variant, in declaration order.
            pub const ALL: [$E; [$($code),+].len()] = [$($E::$V),+];

            /// Every code, in declaration order.
            pub const CODES: [&'static str; [$($code),+].len()] = [$($code),+];

            /// The stable code: what the command line, the page, the worker's messages and the
            /// stored answers write. Never a Rust name.
            #[must_use]
            pub const fn code(self) -> &'static str {
                Self::CODES[self as usize]
            }

            /// The variant of a [`code`](Self::code), if any.
            #[must_use]
            pub const fn from_code(code: &str) -> Option<Self> {
                let mut i = 0;
                while i < Self::CODES.len() {
                    if $crate::vocab::str_eq(Self::CODES[i], code) {
                        return Some(Self::ALL[i]);
                    }
                    i += 1;
                }
                None
            }
        }

        impl ::std::str::FromStr for $E {
            type Err = $crate::vocab::UnknownCode;

            /// Reads a code; surrounding spaces are ignored.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_code(s.trim()).ok_or_else(|| $crate::vocab::UnknownCode {
                    kind: $kind,
                    code: s.trim().to_owned(),
                    expected: &Self::CODES,
                })
            }
        }

        impl ::std::fmt::Display for $E {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl $crate::__serde::Serialize for $E {
            fn serialize<S: $crate::__serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $E {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Code;
                impl $crate::__serde::de::Visitor<'_> for Code {
                    type Value = $E;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "a {} code", $kind)
                    }
                    fn visit_str<Er: $crate::__serde::de::Error>(self, v: &str) -> Result<$E, Er> {
                        $E::from_code(v).ok_or_else(|| Er::unknown_variant(v, &$E::CODES))
                    }
                }
                d.deserialize_str(Code)
            }
        }

        $crate::vocabulary!(@data $E [$($V $(=> $data)?),+] $([$(#[$dmeta])*] $dfn $dty)?);
        $crate::vocabulary!(@messages $E [$($V = $code),+]
            $($( $mfn [] [$mpre $($mpost)?] )*)? $($( $ofn [?] [$opre $($opost)?] )*)?);
    };

    (@data $E:ident [$($V:ident $(=> $data:expr)?),+]) => {};
    (@data $E:ident [$($V:ident => $data:expr),+] [$(#[$dmeta:meta])*] $dfn:ident $dty:ty) => {
        impl $E {
            $(#[$dmeta])*
            #[must_use]
            pub const fn $dfn(self) -> $dty {
                match self {
                    $($E::$V => $data,)+
                }
            }
        }
    };

    (@messages $E:ident $variants:tt $( $mfn:ident $opt:tt $key:tt )*) => {
        $( $crate::vocabulary!(@message $E $variants $mfn $opt $key); )*
    };
    // A key without a suffix is a key with an empty one.
    (@message $E:ident $variants:tt $mfn:ident $opt:tt [$pre:literal]) => {
        $crate::vocabulary!(@message $E $variants $mfn $opt [$pre ""]);
    };
    (@message $E:ident [$($V:ident = $code:literal),+] $mfn:ident [] [$pre:literal $post:literal]) => {
        impl $E {
            #[doc = concat!("The catalog message `", $pre, "<code>", $post, "`.")]
            #[must_use]
            pub const fn $mfn(self) -> $crate::i18n::Msg {
                match self {
                    $($E::$V => const { $crate::i18n::Msg::must(concat!($pre, $code, $post)) },)+
                }
            }
        }
    };
    (@message $E:ident [$($V:ident = $code:literal),+] $mfn:ident [?] [$pre:literal $post:literal]) => {
        impl $E {
            #[doc = concat!("The catalog message `", $pre, "<code>", $post, "`, for the codes that have one.")]
            #[must_use]
            pub const fn $mfn(self) -> Option<$crate::i18n::Msg> {
                match self {
                    $($E::$V => const { $crate::i18n::Msg::from_key(concat!($pre, $code, $post)) },)+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    crate::vocabulary! {
        /// A vocabulary for these tests.
        enum Sample as "sample" {
            /// One.
            English = "en" => 1,
            /// Two.
            French = "fr" => 2,
        }
        data fn weight -> u8;
        messages {
            name = "lang." code,
        }
        optional messages {
            nothing = "no_such_section." code ".title",
            switch = "lang.switch_" code,
        }
    }

    #[test]
    fn codes_read_back_and_serde_writes_the_code() {
        for s in Sample::ALL {
            assert_eq!(Sample::from_code(s.code()), Some(s));
            assert_eq!(s.code().parse::<Sample>(), Ok(s));
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.code()));
            assert_eq!(serde_json::from_str::<Sample>(&format!("\"{s}\"")).unwrap(), s);
        }
        assert_eq!(Sample::French.code(), "fr");
        assert_eq!(Sample::from_code("French"), None, "a Rust name is not a code");
        let err = serde_json::from_str::<Sample>("\"de\"").unwrap_err().to_string();
        assert!(err.contains("unknown variant `de`") && err.contains("`fr`"), "{err}");
        assert_eq!((Sample::English.weight(), Sample::French.weight()), (1, 2));
    }

    #[test]
    fn messages_follow_from_the_codes() {
        assert_eq!(Sample::English.name(), crate::Msg::LangEn);
        assert_eq!(Sample::French.name().key(), "lang.fr");
        assert_eq!(Sample::English.nothing(), None);
        assert_eq!(Sample::English.switch(), None, "lang.switch_label is the only switch_ key");
    }

    #[test]
    fn strings_compare_as_str_does() {
        for (a, b) in [("", ""), ("a", ""), ("ab", "abc"), ("b", "a"), ("file.x", "file.y")] {
            assert_eq!(str_cmp(a, b), a.cmp(b), "{a:?} {b:?}");
            assert_eq!(str_cmp(b, a), b.cmp(a), "{b:?} {a:?}");
            assert_eq!(str_eq(a, b), a == b);
        }
        assert_eq!(str_cmp("é", "e"), Ordering::Greater);
    }
}
