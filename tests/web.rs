//! Browser tests: the real app rendered by Yew in headless Chromium (wasm-bindgen-test).
//! They wait on Yew's scheduler (`flush`), never on timers.

#![cfg(target_arch = "wasm32")]

use secu_precheck::app::{App, AppProps};
use secu_precheck_domain::{Lang, Msg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app in its own element and waits until it has rendered.
async fn mount(lang: Lang) -> Element {
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { lang: Some(lang) }).render();
    yew::scheduler::flush().await;
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn button(root: &Element, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name}"))
}

#[wasm_bindgen_test]
async fn renders_the_heading_and_the_three_steps_in_english() {
    let root = mount(Lang::En).await;
    assert_eq!(text_of(&root, "h1"), Lang::En.text(Msg::IntroHeading));
    for (id, heading) in [
        ("situation", Msg::SituationHeading),
        ("details", Msg::DetailsHeading),
        ("documents", Msg::DocumentsHeading),
    ] {
        assert_eq!(text_of(&root, &format!("#{id} h2")), Lang::En.text(heading), "step {id}");
    }
    assert!(root.query_selector("main").unwrap().is_some(), "a main landmark");
    assert!(root.query_selector("aside").unwrap().is_some(), "the checklist panel");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_the_page_and_the_document() {
    let root = mount(Lang::En).await;
    button(&root, "Français").click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1"), Lang::Fr.text(Msg::IntroHeading));
    let html = gloo_document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(gloo_document().title(), Lang::Fr.text(Msg::MetaTitle));
    let pressed = button(&root, "Français").get_attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));

    button(&root, "English").click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "h1"), Lang::En.text(Msg::IntroHeading));
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_checklist_lists_what_is_missing_for_each_certificate() {
    let root = mount(Lang::En).await;
    let headlines = text_of(&root, ".headlines");
    assert!(
        headlines.contains("Still missing for the provisional certificate: Certificate of studies, Proof of identity, Student visa"),
        "{headlines}"
    );
    assert!(
        headlines.contains("Still missing for final entitlement: Birth certificate, Residence permit, RIB in your name"),
        "{headlines}"
    );
    root.remove();
}
