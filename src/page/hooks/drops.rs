//! A file dropped outside the boxes must not replace the page (the browser would open it and
//! lose every answer): the page takes every drop, and tells the student where to drop it.

use gloo::events::{EventListener, EventListenerOptions};
use yew::prelude::*;

use crate::page::state::{Action, State};

/// Guards the window against drops for the app's whole life.
#[hook]
pub fn use_drop_guard(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |()| {
        let listeners = web_sys::window().map(|window| {
            // Listeners are passive by default, and a passive one cannot prevent the default.
            let active = EventListenerOptions::enable_prevent_default;
            let over = EventListener::new_with_options(&window, "dragover", active(), |e| {
                e.prevent_default();
            });
            let drop = EventListener::new_with_options(&window, "drop", active(), move |e| {
                // Drops on a box stop there; one that reaches the window missed every box.
                e.prevent_default();
                dispatcher.dispatch(Action::DroppedOutside);
            });
            (over, drop)
        });
        // Removed when the app goes.
        move || drop(listeners)
    });
}
