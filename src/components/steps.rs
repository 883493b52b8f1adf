//! The three steps the product walks a student through.

use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::app::use_app;

/// One step of the page: an id to link to, a heading and what the step is about.
struct Step {
    id: &'static str,
    heading: Msg,
    body: Msg,
}

const STEPS: [Step; 3] = [
    Step { id: "situation", heading: Msg::SituationHeading, body: Msg::SituationBody },
    Step { id: "details", heading: Msg::DetailsHeading, body: Msg::DetailsBody },
    Step { id: "documents", heading: Msg::DocumentsHeading, body: Msg::DocumentsBody },
];

/// Your situation, your details, your documents.
#[function_component(Steps)]
pub fn steps() -> Html {
    let app = use_app();
    html! {
        <div class="steps">
            { for STEPS.iter().map(|step| {
                let heading_id = format!("{}-heading", step.id);
                html! {
                    <section id={ step.id } class="step" aria-labelledby={ heading_id.clone() }>
                        <h2 id={ heading_id }>{ app.t(step.heading) }</h2>
                        <p>{ app.t(step.body) }</p>
                    </section>
                }
            }) }
        </div>
    }
}
