//! What every component below the app can read: the state, the rules, what follows from them
//! once per render, the file handles, and the host's settings; and the one way to change the
//! state.

use std::rc::Rc;

use secu_precheck_domain::fields::Report;
use secu_precheck_domain::start::Host;
use secu_precheck_domain::{Checklist, Lang, Msg, Rules, SituationId};
use yew::prelude::*;

use crate::page::hooks::files::Files;
use crate::page::state::{Action, State};

/// What every component reads from the root: the state, the rules, and the way to change state.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The current state.
    pub state: UseReducerHandle<State>,
    /// The rules, with the university's overrides.
    pub rules: Rc<Rules>,
    /// The checklist of the student's situation, or of the most common case until the
    /// answers decide one; derived once per render.
    pub checklist: Rc<Checklist>,
    /// The verdict on the form's fields; derived once per render.
    pub report: Rc<Report>,
    /// The chosen files' handles and the workers.
    pub files: Files,
    /// What a host university set (name, contact, colour, embedding).
    pub host: Rc<Host>,
}

impl AppContext {
    /// The language every text is shown in.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.state.lang
    }

    /// The wording of a catalog message in the current language.
    #[must_use]
    pub fn t(&self, msg: Msg) -> &'static str {
        self.state.lang.text(msg)
    }

    /// A callback that turns an event into an action: the one way components change state.
    pub fn callback<E: 'static>(&self, make: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatcher = self.state.dispatcher();
        Callback::from(move |event: E| dispatcher.dispatch(make(event)))
    }

    /// The situation the answers lead to, if they decide one yet.
    #[must_use]
    pub fn situation(&self) -> Option<SituationId> {
        self.state.answers.situation(&self.rules)
    }
}

/// The app context, for components below the app.
///
/// # Panics
/// Only when used outside the app, which is a programming error caught by any render test.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside App")
}
