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
            if let Some(contact) = &app.host.contact {
                <p class="host-contact">
                    { app.t(Msg::HostContact) }{ " " }
                    { contact_link(contact) }
                </p>
            }
        </footer>
    }
}

/// An email address as a mail link, a web address as a link, anything else as text.
fn contact_link(contact: &str) -> Html {
    let is_email =
        contact.contains('@') && !contact.contains(char::is_whitespace) && !contact.contains(':');
    let is_web = contact.starts_with("https://");
    if is_email {
        html! { <a href={ format!("mailto:{contact}") }>{ contact }</a> }
    } else if is_web {
        html! { <a href={ contact.to_owned() } rel="noopener noreferrer" target="_blank">{ contact }</a> }
    } else {
        html! { <span>{ contact }</span> }
    }
}
