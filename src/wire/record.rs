//! Records of named strings: how the page and its workers exchange jobs and answers (as plain
//! JS objects, `{ "id": "7", "task": "fit", … }`), and how kept answers are stored (as a query
//! string, [`secu_precheck_domain::query`]). Each type writes and reads its own record in a few lines that tests cover, rather
//! than through serde: the page then links no serializer at all (serde_json for the worker's
//! answers and the kept answers was about 15 KB of the page's gzipped wasm).

use std::str::FromStr;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A record being written: names and values, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record(pub Vec<(String, String)>);

impl Record {
    /// Adds a value.
    pub fn put(&mut self, key: impl Into<String>, value: impl ToString) {
        self.0.push((key.into(), value.to_string()));
    }

    /// Adds a value if there is one.
    pub fn put_some(&mut self, key: impl Into<String>, value: Option<impl ToString>) {
        if let Some(value) = value {
            self.put(key, value);
        }
    }

    /// The record as a plain JS object of strings, for `postMessage`.
    #[must_use]
    pub fn to_object(&self) -> JsValue {
        let object = Object::new();
        for (key, value) in &self.0 {
            // Setting a string on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
        }
        object.into()
    }

    /// The record as a query string (`lang=fr&details.email=a%40b.fr`).
    #[must_use]
    pub fn to_query(&self) -> String {
        secu_precheck_domain::query::write(self.0.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The record of a query string; a key given twice keeps its first value.
    #[must_use]
    pub fn from_query(query: &str) -> Record {
        Record(
            secu_precheck_domain::query::pairs(query)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }
}

/// A record being read: the value of a name, if it has one.
pub trait Lookup {
    /// The value, as written.
    fn text(&self, key: &str) -> Option<String>;

    /// The value read as a number (or anything else parsed from text), if it is one.
    fn parse<T: FromStr>(&self, key: &str) -> Option<T> {
        self.text(key)?.parse().ok()
    }

    /// A flag written as `1` or `0`.
    fn flag(&self, key: &str) -> Option<bool> {
        match self.text(key)?.as_str() {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }
}

impl Lookup for Record {
    fn text(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// A message's plain JS object: only its own string values count.
impl Lookup for JsValue {
    fn text(&self, key: &str) -> Option<String> {
        if !self.is_object() {
            return None;
        }
        Reflect::get(self, &JsValue::from_str(key)).ok()?.as_string()
    }
}

/// Flags as records write them.
#[must_use]
pub fn flag(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written_and_odd_ones_as_nothing() {
        let mut r = Record::default();
        r.put("n", 42);
        r.put("f", flag(true));
        r.put_some("none", None::<u8>);
        r.put("bad", "4x");
        assert_eq!(r.parse::<u32>("n"), Some(42));
        assert_eq!(r.flag("f"), Some(true));
        assert_eq!(r.text("none"), None);
        assert_eq!(r.parse::<u32>("bad"), None);
        assert_eq!(r.flag("bad"), None);
    }
}
