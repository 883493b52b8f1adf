//! The GOV.UK date pattern's three numeric fields (day, month, year), shared by every date.

use secu_precheck_domain::Msg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::AppContext;
use crate::state::{Action, DateFields, DatePart};

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
        let part = |part: DatePart, label: Msg, value: &str| {
            let (suffix, width) = match part {
                DatePart::Day => ("day", "width-2"),
                DatePart::Month => ("month", "width-2"),
                DatePart::Year => ("year", "width-4"),
            };
            let id = format!("{}-{suffix}", self.prefix);
            let autocomplete =
                self.autofill.map_or_else(|| "off".to_owned(), |a| format!("{a}-{suffix}"));
            let action = self.action;
            html! {
                <div class="date-item">
                    <label for={ id.clone() }>{ app.t(label) }</label>
                    <input
                        id={ id }
                        class={ width }
                        type="text"
                        inputmode="numeric"
                        autocomplete={ autocomplete }
                        aria-invalid={ self.invalid.to_string() }
                        value={ value.to_owned() }
                        oninput={ app.callback(move |e: InputEvent| {
                            action(part, e.target_unchecked_into::<HtmlInputElement>().value())
                        }) }
                    />
                </div>
            }
        };
        html! {
            <div class="date-inputs">
                { part(DatePart::Day, Msg::QuestionDay, &self.fields.day) }
                { part(DatePart::Month, Msg::QuestionMonth, &self.fields.month) }
                { part(DatePart::Year, Msg::QuestionYear, &self.fields.year) }
            </div>
        }
    }
}
