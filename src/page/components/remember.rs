//! "Keep my answers on this device", off until the student turns it on, and "Forget
//! everything". Only what was typed is kept, in this browser's storage; files never are (the
//! storage itself is [`crate::page::hooks::storage`]'s).

use secu_precheck_domain::{Lang, Msg};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::page::hooks::dom;

/// The opt-in's state, and where the student's choices go.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct RememberProps {
    /// The language.
    pub lang: Lang,
    /// Whether answers are kept.
    pub remember: bool,
    /// The box was ticked or unticked.
    pub on_remember: Callback<bool>,
    /// "Forget everything" was pressed.
    pub on_forget: Callback<()>,
}

/// Where "Forget everything" stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Confirm {
    Closed,
    Open,
    Cancelled,
}

/// The opt-in and the way out.
#[function_component(Remember)]
pub fn remember(props: &RememberProps) -> Html {
    let t = |msg| props.lang.text(msg);
    let on_toggle = props
        .on_remember
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().checked());
    // "Forget everything" asks first: one slip of a finger must not erase an hour of work.
    let confirm = use_state_eq(|| Confirm::Closed);
    let set = |to: Confirm| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(to))
    };
    let (ask, cancel) = (set(Confirm::Open), set(Confirm::Cancelled));
    let forget = {
        let on_forget = props.on_forget.clone();
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| {
            confirm.set(Confirm::Closed);
            on_forget.emit(());
            // The page is blank again: keyboard focus starts over at the top of the content.
            dom::focus("main");
        })
    };
    // The question takes the focus when it opens; "Cancel" gives it back to the button.
    use_effect_with(*confirm, |&now| match now {
        Confirm::Open => dom::focus("forget-confirm"),
        Confirm::Cancelled => dom::focus("forget"),
        Confirm::Closed => {}
    });
    html! {
        <div class="remember">
            <div class="checkbox">
                <input type="checkbox" id="remember" checked={ props.remember } onchange={ on_toggle } aria-describedby="remember-hint" />
                <label for="remember">{ t(Msg::RememberLabel) }</label>
            </div>
            <p class="hint" id="remember-hint">{ t(Msg::RememberHint) }</p>
            if *confirm == Confirm::Open {
                <div class="forget-confirm" role="group" aria-labelledby="forget-question">
                    <p id="forget-question">{ t(Msg::RememberForgetQuestion) }</p>
                    <button type="button" class="button button-warning" id="forget-confirm" onclick={ forget }>{ t(Msg::RememberForgetYes) }</button>
                    <button type="button" class="button button-secondary" onclick={ cancel }>{ t(Msg::RememberForgetCancel) }</button>
                </div>
            } else {
                <button type="button" class="link-button" id="forget" onclick={ ask }>{ t(Msg::RememberForget) }</button>
            }
        </div>
    }
}
