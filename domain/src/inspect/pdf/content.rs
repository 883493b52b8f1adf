//! What a page draws, as a reader's interpreter sees it: the operators of its content streams
//! and of the Form XObjects they paint. Only what the checks need is reported — the font
//! chosen, the strings every text-showing operator shows (`Tj`, `TJ`, `'`, `"`), line breaks,
//! and whether images are painted.

use std::collections::HashSet;
use std::ops::ControlFlow;

use super::document::{Document, Page};
use super::syntax::{Dict, Lexer, Object, Ref, Stream, SyntaxError, Token};

/// How deep Form XObjects may paint one another.
const MAX_FORM_DEPTH: usize = 12;
/// Operands kept before an operator (real operators take at most a handful).
const MAX_OPERANDS: usize = 4096;

/// One thing a page shows.
#[derive(Debug, PartialEq)]
pub(crate) enum Shown<'s> {
    /// `Tf`: the font resource chosen.
    Font(&'s [u8]),
    /// A string shown in the current font.
    Text(&'s [u8]),
    /// A wide gap inside `TJ`: a space between words.
    Gap,
    /// A new line or text object.
    Line,
}

/// What walking a page found, besides what it reported.
#[derive(Debug, Default)]
pub(crate) struct Walked {
    /// Some content stream was read.
    pub read: bool,
    /// Some image is painted (an image XObject or an inline image).
    pub images: bool,
}

struct Walk<'d, 'a, 'f> {
    doc: &'d Document<'a>,
    forms: HashSet<Ref>,
    out: Walked,
    f: &'f mut dyn FnMut(&Dict, Shown<'_>) -> ControlFlow<()>,
}

/// Walks a page's content, calling `f` with the resources in force and what is shown, until
/// `f` breaks.
pub(crate) fn page(
    doc: &Document<'_>,
    page: &Page,
    f: &mut dyn FnMut(&Dict, Shown<'_>) -> ControlFlow<()>,
) -> (Walked, ControlFlow<()>) {
    let mut walk = Walk { doc, forms: HashSet::new(), out: Walked::default(), f };
    let resources = page.resources(doc).unwrap_or_default();
    let dict = page.dict(doc);
    let contents = match dict.get(b"Contents").map(|c| doc.resolve(c)) {
        Some(Object::Array(parts)) => parts,
        Some(one @ Object::Stream(_)) => vec![one],
        _ => Vec::new(),
    };
    // The parts of an array are one stream cut anywhere: joined with a space, as readers do.
    let mut data = Vec::new();
    for part in contents {
        if let Object::Stream(s) = doc.resolve(&part) {
            if let Ok(bytes) = doc.decode(&s) {
                walk.out.read = true;
                data.extend_from_slice(&bytes);
                data.push(b' ');
            }
        }
    }
    let mut flow = walk.run(&data, &resources, 0);
    // Annotations' appearances are drawn on the page too: a filled-in form's fields, stamps.
    if flow.is_continue() {
        flow = walk.annotations(&dict, &resources);
    }
    (walk.out, flow)
}

/// Annotations read per page: a real page has a few, a hostile one millions.
const MAX_ANNOTATIONS: usize = 1000;

impl Walk<'_, '_, '_> {
    fn run(&mut self, data: &[u8], resources: &Dict, depth: usize) -> ControlFlow<()> {
        let mut lexer = Lexer::new(data, 0);
        let mut operands: Vec<Object> = Vec::new();
        loop {
            let op = match lexer.token() {
                Ok(Token::Object(o)) => {
                    if operands.len() >= MAX_OPERANDS {
                        operands.clear();
                    }
                    operands.push(o);
                    continue;
                }
                Ok(Token::Keyword(op)) => op,
                Err(SyntaxError::Eof) => return ControlFlow::Continue(()),
                Err(SyntaxError::Invalid) => {
                    // Nested too deep or not syntax: skip a byte, as interpreters do.
                    lexer.pos += 1;
                    operands.clear();
                    continue;
                }
            };
            let last_string = || match operands.last() {
                Some(Object::Str(s)) => Some(s.as_slice()),
                _ => None,
            };
            match op {
                b"Tf" => {
                    if let Some(Object::Name(font)) = operands.first() {
                        (self.f)(resources, Shown::Font(font))?;
                    }
                }
                b"Tj" => {
                    if let Some(s) = last_string() {
                        (self.f)(resources, Shown::Text(s))?;
                    }
                }
                b"'" | b"\"" => {
                    (self.f)(resources, Shown::Line)?;
                    if let Some(s) = last_string() {
                        (self.f)(resources, Shown::Text(s))?;
                    }
                }
                b"TJ" => {
                    if let Some(Object::Array(items)) = operands.last() {
                        for item in items {
                            match item {
                                Object::Str(s) => (self.f)(resources, Shown::Text(s))?,
                                Object::Int(_) | Object::Real(_) => {
                                    let n = match *item {
                                        Object::Int(n) => n as f64,
                                        Object::Real(x) => x,
                                        _ => 0.0,
                                    };
                                    if n < -200.0 {
                                        (self.f)(resources, Shown::Gap)?;
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Td" | b"TD" | b"T*" | b"Tm" | b"ET" => (self.f)(resources, Shown::Line)?,
                b"Do" => {
                    if let Some(Object::Name(name)) = operands.first() {
                        self.paint(name, resources, depth)?;
                    }
                }
                b"BI" => {
                    self.out.images = true;
                    skip_inline_image(&mut lexer);
                }
                _ => {}
            }
            operands.clear();
        }
    }

    /// `Do`: an image is noted; a form's content is walked with its own resources.
    fn paint(&mut self, name: &[u8], resources: &Dict, depth: usize) -> ControlFlow<()> {
        let Some(xobjects) = self.doc.dict(resources, b"XObject") else {
            return ControlFlow::Continue(());
        };
        let target = xobjects.get(name).cloned();
        if let Some(Object::Ref(r)) = target {
            if !self.forms.insert(r) {
                // Already painted: once is enough to know what it shows.
                return ControlFlow::Continue(());
            }
        }
        let Some(Object::Stream(form)) = target.map(|t| self.doc.resolve(&t)) else {
            return ControlFlow::Continue(());
        };
        match form.dict.name(b"Subtype") {
            Some(b"Image") => self.out.images = true,
            Some(b"Form") => return self.form(&form, resources, depth),
            _ => {}
        }
        ControlFlow::Continue(())
    }

    /// A form's content, with its own resources (or those in force when it has none).
    fn form(&mut self, form: &Stream, resources: &Dict, depth: usize) -> ControlFlow<()> {
        if depth >= MAX_FORM_DEPTH {
            return ControlFlow::Continue(());
        }
        let Ok(data) = self.doc.decode(form) else { return ControlFlow::Continue(()) };
        self.out.read = true;
        let own = self.doc.dict(&form.dict, b"Resources");
        self.run(&data, own.as_ref().unwrap_or(resources), depth + 1)
    }

    /// The normal appearance of each annotation (in its current state, for a checkbox).
    fn annotations(&mut self, page: &Dict, resources: &Dict) -> ControlFlow<()> {
        let Some(Object::Array(annots)) = page.get(b"Annots").map(|a| self.doc.resolve(a)) else {
            return ControlFlow::Continue(());
        };
        for annot in annots.iter().take(MAX_ANNOTATIONS) {
            if let Object::Ref(r) = annot {
                if !self.forms.insert(*r) {
                    continue;
                }
            }
            let annot = self.doc.resolve(annot);
            let Some(annot) = annot.as_dict() else { continue };
            let Some(appearance) = self.doc.dict(annot, b"AP") else { continue };
            let normal = appearance.get(b"N").map(|n| self.doc.resolve(n));
            let stream = match normal {
                Some(Object::Stream(s)) => Some(s),
                Some(Object::Dict(states)) => annot
                    .name(b"AS")
                    .and_then(|state| states.get(state))
                    .map(|s| self.doc.resolve(s))
                    .and_then(|s| match s {
                        Object::Stream(s) => Some(s),
                        _ => None,
                    }),
                _ => None,
            };
            if let Some(form) = stream {
                self.form(&form, resources, 0)?;
            }
        }
        ControlFlow::Continue(())
    }
}

/// Skips `BI … ID <data> EI`: the data is binary and may hold anything but `EI` between white
/// space.
fn skip_inline_image(lexer: &mut Lexer<'_>) {
    let b = lexer.b;
    let Some(id) = memchr::memmem::find(&b[lexer.pos.min(b.len())..], b"ID") else {
        lexer.pos = b.len();
        return;
    };
    let data = lexer.pos + id + 2;
    let mut from = data;
    while let Some(p) = memchr::memmem::find(&b[from.min(b.len())..], b"EI").map(|p| p + from) {
        let before =
            p.checked_sub(1).and_then(|i| b.get(i)).is_some_and(|&c| super::syntax::is_white(c));
        let after = b.get(p + 2).is_none_or(|&c| super::syntax::is_delimiter(c));
        if before && after {
            lexer.pos = p + 2;
            return;
        }
        from = p + 2;
    }
    lexer.pos = b.len();
}
