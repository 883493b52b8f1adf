//! The footer: who made this, where the real registration happens, and the host's contact.

use secu_precheck_domain::{Lang, Msg};
use yew::prelude::*;

/// The official portal, the only place where a student registers.
pub const OFFICIAL_PORTAL: &str = "https://etudiant-etranger.ameli.fr/";

/// Says the tool is independent and links to the official portal; with the host's contact
/// (where its students ask questions) when it gives one. A plain function: it has no state,
/// and a component of its own cost the first screen about 0.5 KB gzipped.
pub fn site_footer(lang: Lang, contact: Option<&str>) -> Html {
    let t = |msg| lang.text(msg);
    html! {
        <footer class="site-footer">
            <p>
                { t(Msg::FooterIndependent) }{ " " }
                <a href={ OFFICIAL_PORTAL } rel="noopener noreferrer">{ t(Msg::FooterPortalLink) }</a>
            </p>
            <p>{ t(Msg::FooterHelpline) }</p>
            if let Some(contact) = contact {
                <p class="host-contact">
                    { t(Msg::HostContact) }{ " " }
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
