//! The root component: it wires the hooks (every browser effect) and the components together,
//! around the one reducer and the rules, which it shares through one context.

use std::rc::Rc;

use secu_precheck_domain::start::StartConfig;
use secu_precheck_domain::{Checklist, Msg, Outcome, Rules, SituationId};
use yew::prelude::*;

use crate::page::components::{
    documents_step, follow_step, instead, next_steps, site_footer, situation_step, summary,
    ChecklistPanel, DetailsStep, Remember, SiteHeader,
};
use crate::page::context::AppContext;
use crate::page::hooks;
use crate::page::state::{Action, State};

/// How the app starts.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The start configuration; the page URL's query when `None`.
    #[prop_or_default]
    pub config: Option<StartConfig>,
}

/// The checklist the state leads to (the most common case until the answers decide one).
fn checklist(state: &State, rules: &Rules) -> Checklist {
    let situation = state.answers.situation(rules).unwrap_or(SituationId::NonEu);
    Checklist::new(rules, situation, state.answers.age_on(state.today), &state.ready())
        .holding(rules, state.answers.residence)
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let start = hooks::use_start(props.config.clone());
    let rules = use_memo((), {
        let overrides = start.config.overrides.clone();
        move |()| Rules::builtin().map(|r| Rc::new(r.with_overrides(&overrides)))
    });
    let state = use_reducer({
        let start = Rc::clone(&start);
        move || State::new(start.lang, start.today)
    });
    let host = use_memo((), {
        let host = start.config.host.clone();
        move |()| host
    });
    let lang = state.lang;
    let rules = (*rules).clone();
    let report = rules.as_ref().ok().map(|rules| Rc::new(state.report(rules)));
    let has_errors = state.details_checks > 0 && report.as_ref().is_some_and(|r| !r.is_valid());
    hooks::use_document(lang, has_errors);
    hooks::use_host(Rc::clone(&host));
    hooks::use_drop_guard(state.dispatcher());
    hooks::use_offline();
    hooks::use_catalog(&state);
    let kept = hooks::use_kept_answers(&state);
    hooks::use_postcodes(&state);
    hooks::use_demonyms(&state);
    let files = hooks::use_files(&state);
    hooks::use_checks(&state, rules.as_deref().ok(), &files);
    hooks::use_reader(&state, rules.as_deref().ok(), report.as_deref(), &files);
    let registered = hooks::use_registered(state.today);
    let (Ok(rules), Some(report)) = (rules, report) else {
        // The builtin rules are checked by a test; this only shows if rules.json was broken.
        let error = Rules::builtin().err().map(|e| e.to_string()).unwrap_or_default();
        return html! { <main id="main"><h1>{ error }</h1></main> };
    };

    let checklist = Rc::new(checklist(&state, &rules));
    // A student who does not register gets an end state, not a form full of errors: the other
    // steps' answers stay in the state, back as they were if an answer changes.
    let registers = checklist.outcome != Outcome::NoRegistrationNeeded;
    let on_lang = state.dispatcher();
    let on_lang = Callback::from(move |lang| on_lang.dispatch(Action::SetLang(lang)));
    let t = |msg| lang.text(msg);
    let header = html! {
        <SiteHeader { lang } load={ state.lang_load } university={ host.university.clone() } { on_lang } />
    };
    let footer = site_footer(lang, host.contact.as_deref());
    let remember = html! {
        <Remember { lang } remember={ state.remember } on_remember={ kept.on_remember } on_forget={ kept.on_forget } />
    };
    let context = AppContext { state, rules, checklist, report, files, host };

    html! {
        <ContextProvider<AppContext> context={context.clone()}>
            <a class="skip-link" href="#main">{ t(Msg::SkipToMain) }</a>
            { header }
            <div class="layout">
                <main id="main" tabindex="-1">
                    <h1>{ t(Msg::IntroHeading) }</h1>
                    <p class="lead">{ t(Msg::IntroBody) }</p>
                    <p class="privacy">{ t(Msg::IntroPrivacy) }</p>
                    { remember }
                    <div class="steps">
                        { situation_step(&context) }
                        if registers {
                            <DetailsStep />
                            { documents_step(&context) }
                            { summary(&context) }
                            { next_steps(&context) }
                            { follow_step(&context, &registered) }
                        } else {
                            { instead(&context) }
                        }
                    </div>
                </main>
                <ChecklistPanel />
            </div>
            { footer }
        </ContextProvider<AppContext>>
    }
}
