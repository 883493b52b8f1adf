//! The whole app state and the one reducer that changes it.

use std::rc::Rc;

use secu_precheck_domain::Lang;
use yew::Reducible;

/// Everything the interface shows, in one value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// The language of every visible text.
    pub lang: Lang,
}

/// Every change the interface can make to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The student chose a language.
    SetLang(Lang),
}

impl State {
    /// The state on first render, in the language the browser prefers.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// Applies one action. Plain Rust, so native tests call it directly.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.lang = lang,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_lang_switches_and_switches_back() {
        let mut state = State::new(Lang::En);
        state.apply(Action::SetLang(Lang::Fr));
        assert_eq!(state.lang, Lang::Fr);
        state.apply(Action::SetLang(Lang::En));
        assert_eq!(state, State::new(Lang::En));
    }
}
