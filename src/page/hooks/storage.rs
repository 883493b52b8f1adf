//! The answers kept on the device ("keep my answers"), in the page's `localStorage` and only
//! once the student asks: read back at start, written after every change while asked, and
//! removed at once when the student unticks the box or forgets everything. And this tab's
//! answers, in `sessionStorage`, always: they outlive a reload or a tab the phone discarded,
//! never the tab (no consent is needed for what never leaves it), with the name and size of
//! each box's file, never the file; "Forget everything" removes them too. A browser that
//! refuses storage (private modes, a host's sandbox) just keeps nothing.

use yew::prelude::*;

use crate::page::saved::Saved;
use crate::page::state::{Action, State};
use crate::wire::record::{Lookup, Record};

/// What the page does with kept answers, for the "keep my answers" controls.
#[derive(Clone, PartialEq)]
pub struct Kept {
    /// The student turned keeping on or off (off removes what was kept, at once).
    pub on_remember: Callback<bool>,
    /// The student asked to forget everything: the kept answers and the page's state.
    pub on_forget: Callback<()>,
}

/// Restores kept answers once, keeps them in step with the state, and gives the controls'
/// callbacks.
#[hook]
pub fn use_kept_answers(state: &UseReducerHandle<State>) -> Kept {
    use_effect_with((), {
        let dispatcher = state.dispatcher();
        move |()| {
            // Version 1's copy is removed, never read; version 2's is read, then replaced.
            for old in Saved::REMOVED_KEYS {
                forget(DEVICE, old);
            }
            // This tab's own answers first (a reload, or a tab the phone discarded), then the
            // ones kept on the device.
            let tab = load(TAB, Saved::TAB_KEY);
            let from_tab = tab.is_some();
            let Some(query) =
                tab.or_else(|| load(DEVICE, Saved::KEY)).or_else(|| load(DEVICE, Saved::V2_KEY))
            else {
                return;
            };
            let record = Record::from_query(&query);
            let saved = Box::new(Saved::read(&record));
            dispatcher.dispatch(if from_tab {
                let keep = record.flag("keep").unwrap_or(false);
                Action::Resume(saved, keep, Saved::tab_files(&record))
            } else {
                Action::Restore(saved)
            });
        }
    });
    // The first run comes before the restored answers land: it must not remove them.
    let started = use_mut_ref(|| false);
    use_effect_with(
        (state.remember, state.saved(), state.tab_files()),
        move |(remember, saved, files)| {
            let mut record = saved.record();
            let answers = record.to_query();
            // "I have registered" hears the answers as they are kept, whether kept or not.
            crate::page::hooks::registered::tell(&answers, *remember);
            if std::mem::replace(&mut *started.borrow_mut(), true) {
                // Nothing typed and no file: nothing to keep (as after "Forget everything").
                let blank = record.0.iter().all(|(key, value)| key == "lang" || value.is_empty());
                if blank && files.is_empty() {
                    forget(TAB, Saved::TAB_KEY);
                } else {
                    Saved::tab_record(&mut record, *remember, files);
                    store(TAB, Saved::TAB_KEY, &record.to_query());
                }
                if *remember {
                    store(DEVICE, Saved::KEY, &answers);
                    forget(DEVICE, Saved::V2_KEY);
                } else {
                    forget_all();
                }
            }
        },
    );
    let dispatcher = state.dispatcher();
    Kept {
        on_remember: {
            let dispatcher = dispatcher.clone();
            Callback::from(move |on: bool| {
                if !on {
                    forget_all();
                }
                dispatcher.dispatch(Action::SetRemember(on));
            })
        },
        on_forget: Callback::from(move |()| {
            forget_all();
            forget(TAB, Saved::TAB_KEY);
            crate::page::hooks::registered::forgotten();
            dispatcher.dispatch(Action::ForgetAll);
        }),
    }
}

/// Removes every copy of the kept answers.
fn forget_all() {
    forget(DEVICE, Saved::KEY);
    forget(DEVICE, Saved::V2_KEY);
    // What "I have registered" recorded (src/registered.rs) is kept under the same consent.
    forget(DEVICE, secu_precheck_domain::progress::Progress::KEY);
}

/// This tab's `sessionStorage`, for [`load`], [`store`] and [`forget`]: it never outlives the
/// tab.
pub(crate) const TAB: bool = true;
/// The device's `localStorage`: only what the student asked to keep.
pub(crate) const DEVICE: bool = false;

/// The tab's `sessionStorage` or the device's `localStorage`, if the browser offers it
/// (private modes may refuse).
fn storage(tab: bool) -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    if tab { window.session_storage() } else { window.local_storage() }.ok()?
}

/// A stored text, if any.
pub(crate) fn load(tab: bool, key: &str) -> Option<String> {
    storage(tab)?.get_item(key).ok()?
}

/// Stores a text; a full or refused storage just keeps nothing.
pub(crate) fn store(tab: bool, key: &str, value: &str) {
    if let Some(storage) = storage(tab) {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a stored text.
pub(crate) fn forget(tab: bool, key: &str) {
    if let Some(storage) = storage(tab) {
        let _ = storage.remove_item(key);
    }
}
