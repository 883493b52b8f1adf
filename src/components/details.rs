//! Step 2: the portal's form (the field checks come with their own issue).

use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::components::Step;

/// What the official form asks for.
#[function_component(DetailsStep)]
pub fn details_step() -> Html {
    html! { <Step id="details" heading={ Msg::DetailsHeading } intro={ Msg::DetailsBody } /> }
}
