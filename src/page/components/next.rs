//! Step 5: what happens after the registration is sent, as a timeline, and the dated steps as
//! a calendar file made on the device.

use secu_precheck_domain::next_steps::{self, Dates, Visa, When};
use secu_precheck_domain::Msg;
use yew::prelude::*;

use crate::page::components::{DateInput, Step};
use crate::page::context::AppContext;
use crate::page::hooks::dom;
use crate::page::state::Action;

/// "What happens next".
pub fn next_steps(app: &AppContext) -> Html {
    let state = &app.state;
    let dates = Dates {
        rights_start: state.rights.parse().and_then(Result::ok),
        arrival: state.arrival.parse().and_then(Result::ok),
        visa: Visa::of(app.situation(), app.state.answers.held(&app.rules).settled()),
    };
    let steps = next_steps::steps(&dates, state.today);
    let lang = app.lang();
    let calendar = next_steps::calendar(&steps, lang, state.today);
    let download = calendar.clone().map(|ics| {
        Callback::from(move |_: MouseEvent| {
            dom::download("secu-precheck-next-steps.ics", "text/calendar;charset=utf-8", &ics);
        })
    });
    let arrival_invalid = matches!(state.arrival.parse(), Some(Err(_)));
    html! {
        <Step id="next" heading={ Msg::NextHeading } intro={ Msg::NextBody }>
            if dates.visa.dated_by_arrival() {
                <fieldset class="field" role="group" aria-describedby="arrival-hint">
                    <legend>{ app.t(Msg::NextArrivalLegend) }</legend>
                    <p class="hint" id="arrival-hint">{ app.t(Msg::NextArrivalHint) }</p>
                    { DateInput { prefix: "arrival", autofill: None, fields: &state.arrival, invalid: arrival_invalid, action: Action::TypeArrival }.render(app) }
                </fieldset>
            }
            <ol class="timeline">
                { for steps.iter().map(|step| html! {
                    <li key={ step.id } class={ classes!(step.date.is_some_and(|w| w.is_now()).then_some("now")) }>
                        <h3>{ app.t(step.title) }</h3>
                        if let Some(when) = step.date {
                            <p class={ classes!("when", matches!(when, When::Overdue(_)).then_some("overdue")) }>
                                { next_steps::when_text(when, lang) }
                            </p>
                        }
                        <p>{ app.t(step.body()) }</p>
                    </li>
                }) }
            </ol>
            if let Some(download) = download {
                <button type="button" class="button" onclick={ download }>{ app.t(Msg::NextCalendar) }</button>
            } else {
                <p class="hint">{ app.t(Msg::NextCalendarNone) }</p>
            }
        </Step>
    }
}
