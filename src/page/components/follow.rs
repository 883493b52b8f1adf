//! Step 6, "After you have registered": opens the part that follows the registration once it is
//! sent (its own wasm, [`crate::page::hooks::registered`]) and holds the element it mounts in.
//! registered-start.js fills the status line while it loads (or says it could not: the button
//! stays to try again), and hides the button once the part is there.

use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::page::context::AppContext;

/// The step: `part` is the host element and what opens it.
pub fn follow_step(app: &AppContext, part: &(Html, Callback<MouseEvent>)) -> Html {
    html! {
        <section id="registered" class="step" aria-labelledby="registered-heading">
            <h2 id="registered-heading" tabindex="-1">{ app.t(Msg::FollowHeading) }</h2>
            <p class="step-intro">{ app.t(Msg::FollowBody) }</p>
            <button type="button" class="button" id="registered-open" onclick={ part.1.clone() }>{ app.t(Msg::FollowOpen) }</button>
            <p role="status" id="registered-status" data-loading={ app.t(Msg::FollowLoading) } data-failed={ app.t(Msg::FollowFailed) }></p>
            { part.0.clone() }
        </section>
    }
}
