//! The end state of a student who does not register: what covers them instead, what to keep
//! and when to come back, in place of the registration steps (which would only show errors
//! about a form they never fill in).

use secu_precheck_domain::{Msg, SituationId};
use yew::prelude::*;

use crate::page::components::Step;
use crate::page::context::AppContext;

/// "What to do instead", from the situation's end state in the rules. A plain function of the
/// app's context: a component of its own would cost the first screen for no state.
pub fn instead(app: &AppContext) -> Html {
    let Some(instead) = app.situation().and_then(SituationId::end_state) else {
        return Html::default();
    };
    let list = |items: &[Msg]| {
        html! { <ul>{ for items.iter().map(|&m| html! { <li>{ app.t(m) }</li> }) }</ul> }
    };
    html! {
        <Step id="instead" heading={ Msg::InsteadHeading } intro={ Msg::InsteadBody }>
            <h3>{ app.t(Msg::InsteadHoldHeading) }</h3>
            <p>{ app.t(instead.hold) }</p>
            <h3>{ app.t(Msg::InsteadKeepHeading) }</h3>
            { list(&instead.keep) }
            <h3>{ app.t(Msg::InsteadComeBackHeading) }</h3>
            { list(&instead.come_back) }
        </Step>
    }
}
