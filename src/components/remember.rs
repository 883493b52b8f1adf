//! "Keep my answers on this device", off until the student turns it on, and "Forget
//! everything". Only what was typed is kept, in this browser's storage; files never are.

use secu_precheck_domain::Msg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::use_app;
use crate::browser;
use crate::state::{Action, Saved};

/// The opt-in and the way out.
#[function_component(Remember)]
pub fn remember() -> Html {
    let app = use_app();
    let on_toggle = {
        let dispatcher = app.state.dispatcher();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            if !on {
                browser::forget(Saved::KEY);
            }
            dispatcher.dispatch(Action::SetRemember(on));
        })
    };
    let forget = {
        let dispatcher = app.state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            browser::forget(Saved::KEY);
            dispatcher.dispatch(Action::ForgetAll);
            browser::focus("main");
        })
    };
    html! {
        <div class="remember">
            <div class="checkbox">
                <input type="checkbox" id="remember" checked={ app.state.remember } onchange={ on_toggle } aria-describedby="remember-hint" />
                <label for="remember">{ app.t(Msg::RememberLabel) }</label>
            </div>
            <p class="hint" id="remember-hint">{ app.t(Msg::RememberHint) }</p>
            <button type="button" class="link-button" onclick={ forget }>{ app.t(Msg::RememberForget) }</button>
        </div>
    }
}
