//! The root component: owns the one reducer and shares it with every component.

use secu_precheck_domain::{Lang, Msg};
use yew::prelude::*;

use crate::browser;
use crate::components::{Checklist, SiteFooter, SiteHeader, Steps};
use crate::state::{Action, State};

/// What every component reads from the root: the state and the way to change it.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// The current state.
    pub state: UseReducerHandle<State>,
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
}

/// The app context, for components below [`App`].
///
/// # Panics
/// Only when used outside [`App`], which is a programming error caught by any render test.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside App")
}

/// How the app starts.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The language to start in; the browser's preference when `None`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let start_lang = props.lang;
    let state = use_reducer(move || State::new(start_lang.unwrap_or_else(browser::preferred_lang)));
    let lang = state.lang;
    use_effect_with(lang, |lang| browser::reflect_lang(*lang));
    let context = AppContext { state };
    let t = |msg| lang.text(msg);

    html! {
        <ContextProvider<AppContext> context={context}>
            <a class="skip-link" href="#main">{ t(Msg::SkipToMain) }</a>
            <SiteHeader />
            <div class="layout">
                <main id="main" tabindex="-1">
                    <h1>{ t(Msg::IntroHeading) }</h1>
                    <p class="lead">{ t(Msg::IntroBody) }</p>
                    <p class="privacy">{ t(Msg::IntroPrivacy) }</p>
                    <Steps />
                </main>
                <Checklist />
            </div>
            <SiteFooter />
        </ContextProvider<AppContext>>
    }
}
