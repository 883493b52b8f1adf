//! The GOV.UK date pattern's three numeric fields (day, month, year), shared by every date.

use secu_precheck_domain::date::{DateFields, DatePart};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::page::context::AppContext;
use crate::page::state::Action;

/// One date: ids `{prefix}-day|month|year`, browser autofill tokens when the date has them
/// (`bday` gives `bday-day`…), and the action each keystroke becomes.
pub struct DateInput<'a> {
    /// Prefix of the three inputs' ids.
    pub prefix: &'static str,
    /// Autofill token prefix, or `None` for `autocomplete="off"`.
    pub autofill: Option<&'static str>,
    /// The fields as typed.
    pub fields: &'a DateFields,
    /// Whether the date is in error.
    pub invalid: bool,
    /// The action for a keystroke in a part.
    pub action: fn(DatePart, String) -> Action,
}

impl DateInput<'_> {
    /// The three labelled inputs.
    pub fn render(&self, app: &AppContext) -> Html {
        let part = |part: DatePart| {
            let id = format!("{}-{part}", self.prefix);
            let autocomplete =
                self.autofill.map_or_else(|| "off".to_owned(), |a| format!("{a}-{part}"));
            let action = self.action;
            html! {
                <div class="date-item">
                    <label for={ id.clone() }>{ app.t(part.label()) }</label>
                    <input
                        id={ id }
                        class={ part.width() }
                        type="text"
                        inputmode="numeric"
                        autocomplete={ autocomplete }
                        aria-invalid={ self.invalid.to_string() }
                        value={ self.fields.part(part).to_owned() }
                        oninput={ app.callback(move |e: InputEvent| {
                            action(part, e.target_unchecked_into::<HtmlInputElement>().value())
                        }) }
                    />
                </div>
            }
        };
        html! {
            <div class="date-inputs">
                { for DatePart::ALL.into_iter().map(part) }
            </div>
        }
    }
}
