//! The root component: owns the one reducer and the rules, and shares them with every
//! component through one context.

use std::rc::Rc;

use secu_precheck_domain::fields::Report;
use secu_precheck_domain::start::{Host, StartConfig};
use secu_precheck_domain::{Checklist, Lang, Msg, Rules, SituationId};
use yew::prelude::*;

use crate::browser;
use crate::components::{
    ChecklistPanel, DetailsStep, DocumentsStep, NextSteps, Remember, SiteFooter, SiteHeader,
    SituationStep, Summary,
};
use crate::files::Files;
use crate::protocol::Task;
use crate::state::{Action, Saved, State};
use crate::wire::Record;

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
    /// The chosen files' handles and the inspection worker.
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

/// The checklist the state leads to (the most common case until the answers decide one).
fn checklist(state: &State, rules: &Rules) -> Checklist {
    let situation = state.answers.situation(rules).unwrap_or(SituationId::NonEu);
    Checklist::new(rules, situation, state.answers.age_on(state.today), &state.ready())
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
    /// The start configuration; the page URL's query when `None`.
    #[prop_or_default]
    pub config: Option<StartConfig>,
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The URL is read once, at start.
    let config = {
        let given = props.config.clone();
        use_memo((), move |()| given.unwrap_or_else(browser::start_config))
    };
    let rules = use_memo((), {
        let overrides = config.overrides.clone();
        move |()| Rules::builtin().map(|r| Rc::new(r.with_overrides(&overrides)))
    });
    let start_lang = config.lang;
    let state = use_reducer(move || {
        State::new(start_lang.unwrap_or_else(browser::preferred_lang), browser::today())
    });
    let lang = state.lang;
    let built = (*rules).as_ref().map(|rules| (Rc::clone(rules), Rc::new(state.report(rules))));
    let has_errors =
        state.details_checks > 0 && built.as_ref().is_ok_and(|(_, report)| !report.is_valid());
    use_effect_with((lang, has_errors), |(lang, has_errors)| {
        browser::reflect_lang(*lang, *has_errors);
    });
    let (rules, report) = match built {
        Ok(built) => built,
        // The builtin rules are checked by a test; this only shows if rules.json was broken.
        Err(e) => return html! { <main id="main"><h1>{ e.to_string() }</h1></main> },
    };
    let files = (*use_memo((), |()| Files::default())).clone();
    let host = {
        let host = config.host.clone();
        use_memo((), move |()| host)
    };
    // The host's colour and, inside a host's page, the height the page needs.
    use_effect_with((), {
        let host = Rc::clone(&host);
        move |()| browser::apply_host(&host)
    });
    use_effect_with((), {
        let files = files.clone();
        let dispatcher = state.dispatcher();
        move |()| {
            files.warm_up();
            browser::guard_drops(dispatcher);
            browser::work_offline();
        }
    });
    // Answers kept from an earlier visit come back; nothing is read or written before the
    // student asks to keep them.
    use_effect_with((), {
        let dispatcher = state.dispatcher();
        move |()| {
            // Version 1's copy is removed, never read; version 2's is read, then replaced.
            for old in Saved::REMOVED_KEYS {
                browser::forget(old);
            }
            let saved = browser::load(Saved::KEY)
                .or_else(|| browser::load(Saved::V2_KEY))
                .map(|query| Saved::read(&Record::from_query(&query)));
            if let Some(saved) = saved {
                dispatcher.dispatch(Action::Restore(Box::new(saved)));
            }
        }
    });
    // Kept answers follow every change; turning it off or forgetting removes them at once.
    use_effect_with((state.remember, state.saved()), |(remember, saved)| {
        if *remember {
            browser::store(Saved::KEY, &saved.record().to_query());
            browser::forget(Saved::V2_KEY);
        }
    });
    // Let go of the handles of files no longer in any box.
    use_effect_with(state.file_keys(), {
        let files = files.clone();
        move |keys| files.keep_only(keys)
    });
    // Send each new file, and each file whose context changed, to the worker.
    use_effect_with(state.due_checks(&rules), {
        let files = files.clone();
        let dispatcher = state.dispatcher();
        move |due| {
            for (doc, file, context) in due.iter().cloned() {
                dispatcher.dispatch(Action::CheckSent(doc, file.key, context.clone()));
                let dispatcher = dispatcher.clone();
                let sent = context.clone();
                let done = Callback::from(move |(result, _): crate::files::Answer| {
                    dispatcher.dispatch(Action::Checked(doc, file.key, sent.clone(), result));
                });
                files.run(Task::Inspect, &[file.key], &file.name, "", context, done);
            }
        }
    });
    let checklist = Rc::new(checklist(&state, &rules));
    let context = AppContext { state, rules, checklist, report, files, host };
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
                    <Remember />
                    <div class="steps">
                        <SituationStep />
                        <DetailsStep />
                        <DocumentsStep />
                        <Summary />
                        <NextSteps />
                    </div>
                </main>
                <ChecklistPanel />
            </div>
            <SiteFooter />
        </ContextProvider<AppContext>>
    }
}
