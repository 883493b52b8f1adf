//! Query strings (`application/x-www-form-urlencoded`), read and written by one well-kept
//! implementation (`form_urlencoded`, the one of the `url` crate): the page's start URL and the
//! answers kept on the device both go through here.

use std::borrow::Cow;

/// The pairs of a query string, with or without its `?`, decoded (`+` is a space, bad UTF-8 is
/// replaced, a stray `%` stays as is). Empty pieces (`a=1&&b=2`) are skipped.
pub fn pairs(query: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    form_urlencoded::parse(query.strip_prefix('?').unwrap_or(query).as_bytes())
}

/// A query string of these pairs, in order, encoded as browsers encode forms.
#[must_use]
pub fn write<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        let values = [("a", "1"), ("email", "a+b@c.fr"), ("name", "N’Diaye & Cie = ?"), ("", "")];
        let query = write(values);
        assert_eq!(query, "a=1&email=a%2Bb%40c.fr&name=N%E2%80%99Diaye+%26+Cie+%3D+%3F&=");
        let read: Vec<(String, String)> =
            pairs(&query).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let expected: Vec<(String, String)> =
            values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn odd_queries_decode_without_failing() {
        let read = |q: &str| pairs(q).map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        assert_eq!(read("?x=1+2"), ["x=1 2"]);
        assert_eq!(read("&&a&=b"), ["a=", "=b"]);
        assert_eq!(read("p=100%&q=%G1%"), ["p=100%", "q=%G1%"]);
        assert_eq!(read("e=%e9"), ["e=\u{FFFD}"]);
    }
}
