//! The banner: the product name and the language switch.

use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::{Lang, Msg};
use yew::prelude::*;

use crate::app::use_app;
use crate::state::Action;

/// The site header, with a switch that shows each language in its own name.
#[function_component(SiteHeader)]
pub fn site_header() -> Html {
    let app = use_app();
    let current = app.lang();
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="product-name">{ app.t(Msg::AppName) }</p>
                <p class="tagline">{ app.t(Msg::AppTagline) }</p>
                if let Some(university) = &app.host.university {
                    <p class="offered-by">{ fill(app.t(Msg::HostOfferedBy), &[("university", university)]) }</p>
                }
            </div>
            <div class="lang-switch" role="group" aria-label={ app.t(Msg::LangSwitchLabel) }>
                { for Lang::ALL.into_iter().map(|lang| html! {
                    <button
                        type="button"
                        lang={ lang.code() }
                        aria-pressed={ (lang == current).to_string() }
                        onclick={ app.callback(move |_: MouseEvent| Action::SetLang(lang)) }
                    >
                        { app.t(lang.endonym()) }
                    </button>
                }) }
            </div>
        </header>
    }
}
