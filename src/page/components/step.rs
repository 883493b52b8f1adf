//! A numbered step of the page: a section with a heading that other parts link to.

use secu_precheck_domain::i18n::fill;
use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::page::context::use_app;

/// A step's id, heading and content.
#[derive(Clone, PartialEq, Properties)]
pub struct StepProps {
    /// The element id, and the prefix of the heading's id.
    pub id: &'static str,
    /// The heading.
    pub heading: Msg,
    /// The introduction under the heading.
    pub intro: Msg,
    /// The values of the introduction's placeholders.
    #[prop_or_default]
    pub intro_values: Vec<(&'static str, String)>,
    /// The step's content.
    #[prop_or_default]
    pub children: Html,
}

/// A `<section>` named by its heading.
#[function_component(Step)]
pub fn step(props: &StepProps) -> Html {
    let app = use_app();
    let heading_id = format!("{}-heading", props.id);
    let values: Vec<(&str, &str)> =
        props.intro_values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let intro = fill(app.t(props.intro), &values);
    html! {
        <section id={ props.id } class="step" aria-labelledby={ heading_id.clone() }>
            <h2 id={ heading_id }>{ app.t(props.heading) }</h2>
            <p class="step-intro">{ intro }</p>
            { props.children.clone() }
        </section>
    }
}
