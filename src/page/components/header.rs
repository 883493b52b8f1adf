//! The banner: the product name, the university that offers it, and the language switch.

use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::{Lang, Msg};
use yew::prelude::*;

use crate::page::state::LangLoad;

/// What the banner shows, and where a language choice goes.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct SiteHeaderProps {
    /// The language shown, pressed in the switch.
    pub lang: Lang,
    /// The university that offers the tool on its site, if any.
    #[prop_or_default]
    pub university: Option<String>,
    /// A language chosen whose wording is on its way, or could not be fetched.
    #[prop_or_default]
    pub load: LangLoad,
    /// A language was chosen.
    pub on_lang: Callback<Lang>,
}

/// The site header, with a switch that shows each language in its own name.
#[function_component(SiteHeader)]
pub fn site_header(props: &SiteHeaderProps) -> Html {
    let t = |msg| props.lang.text(msg);
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="product-name">{ t(Msg::AppName) }</p>
                <p class="tagline">{ t(Msg::AppTagline) }</p>
                if let Some(university) = &props.university {
                    <p class="offered-by">{ fill(t(Msg::HostOfferedBy), &[("university", university)]) }</p>
                }
            </div>
            <div class="lang-switch" role="group" aria-label={ t(Msg::LangSwitchLabel) }>
                { for Lang::ALL.into_iter().map(|lang| html! {
                    <button
                        type="button"
                        lang={ lang.code() }
                        aria-pressed={ (lang == props.lang).to_string() }
                        aria-busy={ (props.load == LangLoad::Loading(lang)).then_some("true") }
                        onclick={ props.on_lang.reform(move |_: MouseEvent| lang) }
                    >
                        { t(lang.endonym()) }
                    </button>
                }) }
            </div>
            if let LangLoad::Failed(lang) = props.load {
                <p class="lang-unavailable" role="alert">
                    { fill(t(Msg::LangUnavailable), &[("lang", t(lang.endonym()))]) }
                </p>
            }
        </header>
    }
}
