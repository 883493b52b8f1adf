//! The footer: who made this, and where the real registration happens.

use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::app::use_app;

/// The official portal, the only place where a student registers.
pub const OFFICIAL_PORTAL: &str = "https://etudiant-etranger.ameli.fr/";

/// Says the tool is independent and links to the official portal.
#[function_component(SiteFooter)]
pub fn site_footer() -> Html {
    let app = use_app();
    html! {
        <footer class="site-footer">
            <p>
                { app.t(Msg::FooterIndependent) }{ " " }
                <a href={ OFFICIAL_PORTAL } rel="noopener noreferrer">{ app.t(Msg::FooterPortalLink) }</a>
            </p>
            <p>{ app.t(Msg::FooterHelpline) }</p>
        </footer>
    }
}
