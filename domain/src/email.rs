//! What an email or message from the portal or the CPAM says of each document, from its text
//! as a student pastes it (French or English; forwarded, quoted, or HTML pasted as text): which
//! documents it names, and for each whether it was rejected, is missing or was accepted, and
//! why. The words are data (`rules/emails.json`, each group with its sources); an email whose
//! words are none of these is said to be unrecognised, never guessed.
//!
//! The text is cut into clauses (lines and sentences). A clause that names documents gives
//! them its own status and reason; a heading ("Les documents suivants sont manquants :") gives
//! its status to the documents listed after it; a clause that names none ("Motif : document
//! illisible.") completes the documents of the clause before it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::i18n::fill;
use crate::words::{self, within_one};
use crate::{DocumentId, Lang, Msg};

/// The recogniser's words, as `rules/emails.json` holds them.
pub const BUILTIN_JSON: &str = include_str!("../rules/emails.json");

crate::vocabulary! {
    /// What a message says of a document.
    pub enum Status as "email status" {
        /// Refused: to be replaced.
        Rejected = "rejected",
        /// Still to be added.
        Missing = "missing",
        /// Accepted.
        Accepted = "accepted",
    }
    messages {
        text = "email.status." code,
    }
}

crate::vocabulary! {
    /// Why a document was rejected or is asked for again.
    pub enum Reason as "email reason" {
        /// It could not be read: blurred, dark, poor quality.
        Illegible = "illegible",
        /// A page or a side is missing, or the filiation.
        Incomplete = "incomplete",
        /// It was no longer valid.
        Expired = "expired",
        /// It is not in the student's name (a RIB in someone else's name).
        NotOwnName = "not_own_name",
        /// The names differ from the passport's.
        NamesDiffer = "names_differ",
        /// It needs a sworn translation.
        TranslationNeeded = "translation_needed",
        /// A certificate of another academic year.
        WrongYear = "wrong_year",
        /// The visa was not validated online.
        NotValidated = "not_validated",
        /// Not the document asked for.
        WrongDocument = "wrong_document",
    }
    messages {
        text = "email.reason." code,
    }
}

/// One document the message names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The document.
    pub doc: DocumentId,
    /// What the message says of it.
    pub status: Status,
    /// Why, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

/// What a message says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recognised {
    /// The documents it names with a status, in the checklist's order.
    pub documents: Vec<Named>,
    /// Whether it named any: `false` means its wording is not one this tool knows.
    pub recognised: bool,
}

#[derive(Deserialize)]
struct Group {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    documents: BTreeMap<String, Group>,
    statuses: BTreeMap<String, Group>,
    reasons: BTreeMap<String, Group>,
}

/// What a phrase tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Meaning {
    Doc(DocumentId),
    Status(Status),
    Reason(Reason),
}

/// The phrases, each as its folded words, and what it means.
struct Words(Vec<(Vec<String>, Meaning)>);

impl Words {
    fn read(json: &str) -> Result<Words, String> {
        let file: File = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        let mut add = |groups: &BTreeMap<String, Group>,
                       meaning: &dyn Fn(&str) -> Option<Meaning>| {
            for (code, group) in groups {
                let m = meaning(code).ok_or_else(|| format!("unknown code {code:?}"))?;
                for phrase in &group.words {
                    let words = tokens(&fold(phrase));
                    if words.is_empty() {
                        return Err(format!("an empty phrase in {code}"));
                    }
                    out.push((words, m));
                }
            }
            Ok::<(), String>(())
        };
        add(&file.documents, &|c| c.parse().ok().map(Meaning::Doc))?;
        add(&file.statuses, &|c| Status::from_code(c).map(Meaning::Status))?;
        add(&file.reasons, &|c| Reason::from_code(c).map(Meaning::Reason))?;
        Ok(Words(out))
    }

    fn builtin() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| {
            // A test reads the file: the built-in one always loads.
            Words::read(BUILTIN_JSON).unwrap_or(Words(Vec::new()))
        })
    }
}

/// Lower case, accents dropped, apostrophes straightened.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'Œ' | 'œ' => out.push_str("oe"),
            c => out.push(words::fold(c)),
        }
    }
    out
}

/// The words of folded text: letters and digits, split at anything else (an apostrophe and a
/// hyphen too: "d'identite" is "d", "identite").
fn tokens(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a word of the text is the phrase's word: the same, with a plural s or x, or one
/// letter off in a word of six letters or more (a typo).
fn same_word(text: &str, phrase: &str) -> bool {
    if text == phrase {
        return true;
    }
    if let Some(stem) = text.strip_suffix(['s', 'x']) {
        if stem == phrase && phrase.len() >= 3 {
            return true;
        }
    }
    // A typo keeps the word's first letter ("envoyer" is not "renvoyer").
    phrase.len() >= 6
        && text.as_bytes().first() == phrase.as_bytes().first()
        && within_one(text.as_bytes(), phrase.as_bytes())
}

/// Words that, shortly before "accepted", "validé", turn it around: a negation ("nous ne
/// pouvons pas valider", "could not be validated") or an obligation ("doit être validé").
const NEGATIONS: [&str; 11] =
    ["ne", "n", "pas", "not", "cannot", "unable", "impossible", "non", "never", "jamais", "t"];
const OBLIGATIONS: [&str; 8] =
    ["doit", "doivent", "devez", "must", "should", "need", "needs", "required"];
/// Words of a request: what follows them is what to send.
const REQUESTS: [&str; 14] = [
    "fournir",
    "transmettre",
    "envoyer",
    "deposer",
    "adresser",
    "parvenir",
    "renvoyer",
    "upload",
    "provide",
    "send",
    "submit",
    "uplaod",
    "joindre",
    "attach",
];

/// HTML pasted as text made plain: tags dropped (a line break for those that end a line), the
/// usual entities decoded.
fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match after.find('>') {
            // A tag: a name right after `<` (or `/`), and short.
            Some(end)
                if end < 200
                    && after[1..]
                        .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') =>
            {
                let tag = after[1..end].trim_start_matches('/').to_ascii_lowercase();
                // A table's cells: "Passport</td><td>Accepted" is two words, not one.
                if tag == "td" || tag == "th" || tag.starts_with("td ") || tag.starts_with("th ") {
                    out.push(' ');
                }
                if ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "ul", "ol", "table"].iter().any(
                    |t| {
                        tag == *t
                            || tag.starts_with(&format!("{t} "))
                            || tag.starts_with(&format!("{t}/"))
                    },
                ) {
                    out.push('\n');
                }
                rest = &after[end + 1..];
            }
            _ => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    for (entity, c) in [
        ("&nbsp;", " "),
        ("&amp;", "&"),
        ("&eacute;", "é"),
        ("&egrave;", "è"),
        ("&ecirc;", "ê"),
        ("&agrave;", "à"),
        ("&acirc;", "â"),
        ("&ccedil;", "ç"),
        ("&ocirc;", "ô"),
        ("&ucirc;", "û"),
        ("&icirc;", "î"),
        ("&rsquo;", "’"),
        ("&apos;", "'"),
        ("&#39;", "'"),
        ("&quot;", "\""),
        ("&laquo;", "«"),
        ("&ndash;", "–"),
        ("&mdash;", "—"),
        ("&raquo;", "»"),
        ("&#233;", "é"),
        ("&#232;", "è"),
        ("&#224;", "à"),
        ("&lt;", "<"),
        ("&gt;", ">"),
    ] {
        if out.contains(entity) {
            out = out.replace(entity, c);
        }
    }
    out
}

/// The lines worth reading, each with whether it is quoted history: a forwarded message's
/// headers dropped (but its subject), quoting marks taken off. A forwarded message is read as
/// the message itself; what follows "… a écrit :", "wrote:" or "Original Message", and lines
/// quoted with `>`, are older than the lines above them.
fn body_lines(text: &str) -> Vec<(String, bool)> {
    const DROPPED: [&str; 12] = [
        "de",
        "from",
        "envoye",
        "sent",
        "a",
        "to",
        "cc",
        "date",
        "reply-to",
        "repondre a",
        "le",
        "on",
    ];
    let mut out = Vec::new();
    let mut history = false;
    for line in text.lines() {
        let quoted = line.trim_start().starts_with('>');
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace()).trim_end();
        let f = fold(line);
        if f.contains("forwarded message") || f.contains("message transfere") {
            continue;
        }
        if f.contains("original message") || f.contains("message d'origine") {
            history = true;
            continue;
        }
        if f.ends_with("a ecrit :") || f.ends_with("a ecrit:") || f.ends_with("wrote:") {
            history = true;
            continue;
        }
        if let Some((head, rest)) = f.split_once(':') {
            let head = head.trim();
            if head == "objet" || head == "subject" || head == "sujet" {
                out.push((rest.trim().to_owned(), history || quoted));
                continue;
            }
            if DROPPED.contains(&head) {
                continue;
            }
        }
        out.push((f, history || quoted));
    }
    out
}

/// Cuts folded lines into clauses: at sentence ends and semicolons.
fn clauses(lines: &[(String, bool)]) -> Vec<Clause> {
    let mut out = Vec::new();
    for (line, old) in lines {
        let mut start = 0;
        let bytes = line.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let end = matches!(b, b'!' | b'?' | b';')
                || (b == b'.' && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
            if end {
                let text = line[start..i].trim();
                if !text.is_empty() {
                    out.push(Clause { text: text.to_owned(), heading: false, old: *old });
                }
                start = i + 1;
            }
        }
        let text = line[start..].trim();
        if !text.is_empty() {
            let heading = text.ends_with(':');
            out.push(Clause {
                text: text.trim_end_matches(':').trim().to_owned(),
                heading,
                old: *old,
            });
        }
    }
    out
}

/// A clause of the message.
struct Clause {
    /// Its folded text.
    text: String,
    /// It ends with a colon: it heads the list after it.
    heading: bool,
    /// It is quoted history.
    old: bool,
}

/// The meanings a clause holds, in order: every phrase found, less those inside a longer one
/// (a document named inside a reason, "ne correspond pas a votre passeport", is no subject).
fn meanings(words: &Words, clause: &str) -> Vec<(usize, Meaning)> {
    let text = tokens(clause);
    let mut found: Vec<(usize, usize, Meaning)> = Vec::new();
    for (phrase, meaning) in &words.0 {
        if phrase.len() > text.len() {
            continue;
        }
        for at in 0..=text.len() - phrase.len() {
            // "Accepted" is the one meaning a misreading must never give: matched exactly
            // (with a plural), no typo ("valider" is not "valide").
            let strict = *meaning == Meaning::Status(Status::Accepted);
            let same = |(p, t): (&String, &String)| {
                if strict {
                    t == p || t.strip_suffix(['s', 'e']).is_some_and(|s| s == p)
                } else {
                    same_word(t, p)
                }
            };
            if phrase.iter().zip(&text[at..]).all(same) {
                found.push((at, at + phrase.len(), *meaning));
            }
        }
    }
    let kept: Vec<(usize, usize, Meaning)> = found
        .iter()
        .filter(|(s, e, _)| {
            !found.iter().any(|(s2, e2, _)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
        })
        .copied()
        .collect();
    let mut kept = kept;
    kept.sort_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)));
    kept.dedup_by_key(|(s, e, m)| (*s, *e, *m));
    // "Not a passport but a student card", "is actually a visa application receipt": what it
    // is instead is no subject.
    let instead = text.windows(2).position(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str()),
            ("but", "a" | "an")
                | ("mais", "un" | "une")
                | ("is" | "est", "actually")
                | ("en", "fait" | "realite")
        )
    });
    kept.into_iter()
        .filter(|(s, _, m)| !(matches!(m, Meaning::Doc(_)) && instead.is_some_and(|i| i < *s)))
        .filter_map(|(s, e, m)| {
            if m != Meaning::Status(Status::Accepted) {
                return Some((s, m));
            }
            // Up to four words before it.
            let before = &text[s.saturating_sub(4)..s];
            let after = text.get(e).map(String::as_str);
            if before.iter().any(|w| REQUESTS.contains(&w.as_str()))
                || matches!(after, Some("format" | "formats"))
            {
                // "Merci de transmettre un visa valide", "Accepted formats": what to send,
                // not what was accepted.
                None
            } else if before.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
                Some((s, Meaning::Status(Status::Rejected)))
            } else if before.iter().any(|w| OBLIGATIONS.contains(&w.as_str())) {
                // Still to be done: neither accepted nor, by this word, refused.
                None
            } else {
                Some((s, m))
            }
        })
        .collect()
}

/// What a clause says of each document it names, by position: the status and reason between
/// a document and the next ("passeport (périmé), certificat (année précédente)"), else those
/// before the first document, else the clause's first.
fn per_document(m: &[(usize, Meaning)]) -> Vec<OfDocument> {
    // A passport named after "names differ" is what the names are compared with, no subject.
    let differ =
        m.iter().find(|(_, m)| *m == Meaning::Reason(Reason::NamesDiffer)).map(|(at, _)| *at);
    let docs: Vec<(usize, DocumentId)> = m
        .iter()
        .filter_map(|(at, m)| if let Meaning::Doc(d) = m { Some((*at, *d)) } else { None })
        .filter(|(at, d)| !(*d == DocumentId::Identity && differ.is_some_and(|r| r < *at)))
        .collect();
    let first_doc = docs.first().map_or(usize::MAX, |(at, _)| *at);
    // The first meaning of a kind: the document's own (up to the next document), else before
    // the first document, else anywhere (a reason only when the clause names one document).
    let pick = |kind: fn(&Meaning) -> bool, at: usize, next: usize, any: bool| {
        // Within a range, the gravest status ("faire parvenir une nouvelle copie": asked again,
        // not missing), and a wrong document before any other reason; else the first.
        let rank = |meaning: &Meaning| match meaning {
            Meaning::Status(s) => *s as usize,
            Meaning::Reason(Reason::WrongDocument) => 0,
            _ => 1,
        };
        let first = |range: &dyn Fn(usize) -> bool| {
            m.iter()
                .filter(|(x, meaning)| range(*x) && kind(meaning))
                .min_by_key(|(x, meaning)| (rank(meaning), *x))
                .copied()
        };
        first(&|x| at < x && x < next).or_else(|| first(&|x| x < first_doc)).or_else(|| {
            if any {
                first(&|_| true)
            } else {
                None
            }
        })
    };
    let is_status = |m: &Meaning| matches!(m, Meaning::Status(_));
    let is_reason = |m: &Meaning| matches!(m, Meaning::Reason(_));
    docs.iter()
        .enumerate()
        .map(|(i, (at, doc))| {
            let next = docs.get(i + 1).map_or(usize::MAX, |(n, _)| *n);
            let s = pick(is_status, *at, next, true);
            let r = pick(is_reason, *at, next, docs.len() == 1);
            OfDocument {
                doc: *doc,
                status: s
                    .and_then(|(_, x)| if let Meaning::Status(s) = x { Some(s) } else { None }),
                reason: r
                    .and_then(|(_, x)| if let Meaning::Reason(r) = x { Some(r) } else { None }),
                // "Incomplete: the second page is missing" says what is wrong; "provide your
                // passport (all pages)" what to send.
                asked: match (s, r) {
                    (Some((sp, _)), Some((rp, _))) => sp < rp,
                    (None, _) => true,
                    (Some(_), None) => false,
                },
            }
        })
        .collect()
}

/// What a clause says of one document.
struct OfDocument {
    doc: DocumentId,
    status: Option<Status>,
    reason: Option<Reason>,
    /// The status came first (a request, or a heading's): the reason says what to send.
    asked: bool,
}

impl Named {
    /// What the message says of this document and what to do, in `lang`
    /// (`locales/after/`): its status with the document's name, then the reason's fix.
    #[must_use]
    pub fn explained(&self, lang: Lang) -> String {
        let doc = lang.text(self.doc.name());
        let mut out = fill(lang.text(self.status.text()), &[("doc", doc)]);
        if let Some(reason) = self.reason {
            out.push(' ');
            out.push_str(lang.text(reason.text()));
        }
        out
    }
}

/// What to tell of a message whose wording is not recognised, in `lang`.
#[must_use]
pub fn unrecognised(lang: Lang) -> &'static str {
    lang.text(Msg::EmailUnrecognised)
}

/// What a pasted message says of each document.
#[must_use]
pub fn recognise(text: &str) -> Recognised {
    recognise_with(Words::builtin(), text)
}

/// What each document is said to be, per document: its status and reason.
type Said = BTreeMap<DocumentId, (Option<Status>, Option<Reason>)>;

fn recognise_with(words: &Words, text: &str) -> Recognised {
    let all = clauses(&body_lines(&plain_text(text)));
    let (old, new): (Vec<&Clause>, Vec<&Clause>) = all.iter().partition(|c| c.old);
    // The newest word on a document wins: quoted history only adds the ones not said above it.
    let mut said = said_in(words, &new);
    for (doc, value) in said_in(words, &old) {
        if said.get(&doc).is_none_or(|(s, _)| s.is_none()) {
            said.insert(doc, value);
        }
    }
    let documents: Vec<Named> = said
        .into_iter()
        .filter_map(|(doc, (status, reason))| {
            let status = status?;
            // A reason said of a missing document ("please send both sides", after "only the
            // front") means it came and will not do.
            let status = if status == Status::Missing && reason.is_some() {
                Status::Rejected
            } else {
                status
            };
            Some(Named { doc, status, reason: reason.filter(|_| status != Status::Accepted) })
        })
        .collect();
    let recognised = !documents.is_empty();
    Recognised { documents, recognised }
}

/// What a run of clauses says of each document.
fn said_in(words: &Words, clauses: &[&Clause]) -> Said {
    let mut said: BTreeMap<DocumentId, (Option<Status>, Option<Reason>)> = BTreeMap::new();
    let mut heading: Option<Status> = None;
    let mut heading_reason: Option<Reason> = None;
    let mut last: Vec<DocumentId> = Vec::new();
    for c in clauses {
        let (clause, is_heading) = (&c.text, c.heading);
        let m = meanings(words, clause);
        let status =
            m.iter().find_map(|(_, m)| if let Meaning::Status(s) = m { Some(*s) } else { None });
        let reason =
            m.iter().find_map(|(_, m)| if let Meaning::Reason(r) = m { Some(*r) } else { None });
        let docs = per_document(&m);
        if docs.is_empty() {
            // A heading for the list after it: a clause ending with a colon, or a short line
            // such as a subject ("Pièces manquantes"); a reason alone means asked again.
            let short = tokens(clause).len() <= 5;
            if is_heading || (short && last.is_empty()) {
                if status.is_some() || reason.is_some() {
                    heading = status.or(Some(Status::Rejected));
                    heading_reason = reason;
                }
            } else if !last.is_empty() {
                // "Motif : illisible." completes the documents just named.
                for doc in &last {
                    let entry = said.entry(*doc).or_default();
                    entry.0 = entry.0.or(status).or(reason.map(|_| Status::Rejected));
                    entry.1 = entry.1.or(reason);
                }
            }
            if status.is_none() && reason.is_none() {
                last.clear();
            }
            continue;
        }
        for said_here in &docs {
            let OfDocument { doc, status, reason, asked } = *said_here;
            // "The following document is incomplete:" gives its reason to the list after it.
            let reason = reason.or(if status.is_none() { heading_reason } else { None });
            let status = status.or(heading).or(reason.map(|_| Status::Rejected));
            // A reason means the document came but will not do: asked again, not missing. But
            // what a request asks for ("all pages", "pour l'année en cours", "à votre nom") is
            // a requirement, not a reason.
            let (status, reason) = match (status, reason) {
                (
                    Some(Status::Missing),
                    Some(Reason::Incomplete | Reason::WrongYear | Reason::NotOwnName),
                ) if asked => (status, None),
                (Some(Status::Missing), Some(_)) => (Some(Status::Rejected), reason),
                (s, r) => (s, r),
            };
            let entry = said.entry(doc).or_default();
            // A document said twice keeps the graver status and the first reason.
            entry.0 = match (entry.0, status) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            entry.1 = entry.1.or(reason);
        }
        let docs: Vec<DocumentId> = docs.iter().map(|s| s.doc).collect();
        if is_heading {
            heading = status;
            heading_reason = reason;
        }
        last = docs;
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_words_load_and_name_every_document_status_and_reason() {
        let words = Words::read(BUILTIN_JSON).unwrap();
        for doc in [
            DocumentId::CertificateOfStudies,
            DocumentId::Identity,
            DocumentId::Visa,
            DocumentId::BirthCertificate,
            DocumentId::ResidencePermit,
            DocumentId::Rib,
        ] {
            assert!(words.0.iter().any(|(_, m)| *m == Meaning::Doc(doc)), "{doc:?}");
        }
        for s in Status::ALL {
            assert!(words.0.iter().any(|(_, m)| *m == Meaning::Status(s)), "{s:?}");
        }
        for r in Reason::ALL {
            assert!(words.0.iter().any(|(_, m)| *m == Meaning::Reason(r)), "{r:?}");
        }
        assert!(Words::read(
            r#"{"documents": {"passport": {"words": ["x"]}}, "statuses": {}, "reasons": {}}"#
        )
        .is_err());
    }

    #[test]
    fn each_document_is_explained_with_its_fix_in_the_students_language() {
        let r = recognise("Votre RIB a été refusé : il n'est pas à votre nom.");
        let en = r.documents[0].explained(Lang::En);
        assert!(en.starts_with("Refused: RIB") && en.contains("RIB in your own name"), "{en}");
        let fr = r.documents[0].explained(Lang::Fr);
        assert!(fr.starts_with("Document refusé : RIB") && fr.contains("RIB à votre nom"), "{fr}");
        assert!(unrecognised(Lang::Fr).starts_with("Nous ne reconnaissons pas"));
    }

    #[test]
    fn html_pasted_as_text_and_a_forwarded_header_are_read_through() {
        assert_eq!(
            plain_text("<p>Votre RIB&nbsp;est refus&eacute;</p><br/>ok"),
            "\nVotre RIB est refusé\n\nok"
        );
        let lines = body_lines("---------- Forwarded message ---------\nDe : Assurance Maladie <noreply@ameli.fr>\nDate: Tue, 3 Sep 2026\nObjet : Pièces manquantes\n> Votre RIB est manquant.");
        assert_eq!(
            lines,
            [("pieces manquantes".to_owned(), false), ("votre rib est manquant.".to_owned(), true)]
        );
        // A reply: the newest word on a document wins over the quoted history under it.
        let reply = "Votre nouveau RIB a bien été accepté.\n\nLe 28/09/2026, l'Assurance Maladie a écrit :\n> Votre RIB est refusé car il n'est pas à votre nom.\n> Votre acte de naissance est manquant.";
        let r = recognise(reply);
        let got: Vec<(DocumentId, Status)> =
            r.documents.iter().map(|n| (n.doc, n.status)).collect();
        assert_eq!(
            got,
            [(DocumentId::BirthCertificate, Status::Missing), (DocumentId::Rib, Status::Accepted)]
        );
    }
}
