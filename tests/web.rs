//! Browser tests: the real app rendered by Yew in headless Chromium (wasm-bindgen-test).
//! They wait on Yew's scheduler (`flush`), never on timers.

#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;
use std::rc::Rc;

use std::cell::RefCell;

use secu_precheck::page::components::{
    ChecklistView, ChecklistViewProps, Remember, RememberProps, Scope, SiteHeader, SiteHeaderProps,
};
use secu_precheck::page::state::{DocStatus, LangLoad};
use secu_precheck::page::{App, AppProps};
use secu_precheck_domain::i18n::file::page_copy;
use secu_precheck_domain::start::StartConfig;
use secu_precheck_domain::{Checklist, DocumentId, Lang, Msg, Rules, SituationId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app in its own element and waits until it has rendered.
/// The page fetches its wording (en.txt, fr.txt) before it renders, and what file checks found
/// (en-later.txt, fr-later.txt) after; here it is given.
fn install_wording() {
    if !Lang::Fr.is_ready() {
        Lang::En.install(&page_copy(include_str!("../domain/locales/en.toml"))).unwrap();
        Lang::Fr.install(&page_copy(include_str!("../domain/locales/fr.toml"))).unwrap();
        Lang::En
            .install_later(&page_copy(include_str!("../domain/locales/later/en.toml")))
            .unwrap();
        Lang::Fr
            .install_later(&page_copy(include_str!("../domain/locales/later/fr.toml")))
            .unwrap();
    }
}

async fn mount(lang: Lang) -> Element {
    install_wording();
    let document = gloo_document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let config = StartConfig { lang: Some(lang), ..StartConfig::default() };
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { config: Some(config) })
        .render();
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
        headlines.contains(
            "Still missing for the provisional certificate: Certificate of studies, Proof of identity, Student visa"
        ),
        "{headlines}"
    );
    assert!(
        headlines.contains(
            "Still missing for final entitlement: Birth certificate, Residence permit, RIB in your name"
        ),
        "{headlines}"
    );
    root.remove();
}

/// Renders the checklist view alone with the given statuses.
async fn checklist_with(statuses: &[(DocumentId, DocStatus)], lang: Lang) -> Element {
    let rules = Rc::new(Rules::builtin().unwrap());
    let statuses: BTreeMap<DocumentId, DocStatus> = statuses.iter().copied().collect();
    let ready: Vec<DocumentId> =
        statuses.iter().filter(|(_, s)| **s == DocStatus::Ready).map(|(d, _)| *d).collect();
    let checklist = Checklist::new(&rules, SituationId::EuS1, Some(20), &ready);
    let root = gloo_document().create_element("div").unwrap();
    gloo_document().body().unwrap().append_child(&root).unwrap();
    let props = ChecklistViewProps {
        lang,
        rules,
        checklist,
        statuses,
        scope: Scope::Situation(SituationId::EuS1),
    };
    yew::Renderer::<ChecklistView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn each_row_shows_its_status_and_the_headline_counts_only_ready_files() {
    let root = checklist_with(
        &[
            (DocumentId::Identity, DocStatus::Ready),
            (DocumentId::S1Form, DocStatus::Checking),
            (DocumentId::Rib, DocStatus::NeedsAttention(Msg::StatusAttention)),
        ],
        Lang::En,
    )
    .await;
    let row = |id: &str| text_of(&root, &format!("#checklist-{id}"));
    assert!(row("identity").contains("Ready"), "{}", row("identity"));
    assert!(row("s1_form").contains("Being checked"), "{}", row("s1_form"));
    assert!(row("rib").contains("Needs attention"), "{}", row("rib"));
    assert!(row("birth_certificate").contains("Missing"));
    let headlines = text_of(&root, ".headlines");
    assert!(
        headlines.contains(
            "Still missing for the provisional certificate: Certificate of studies, S1 form"
        ),
        "{headlines}"
    );
    assert!(
        headlines
            .contains("Still missing for final entitlement: Birth certificate, RIB in your name"),
        "{headlines}"
    );
    assert!(text_of(&root, "#checklist-provisional + .progress-text").contains("1 of 3 ready"));
    assert!(root.query_selector("#checklist-visa").unwrap().is_none(), "no visa for EU students");
    let link = root.query_selector("#checklist-rib a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#slot-rib"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_complete_group_says_so_in_french() {
    let ready = [DocumentId::CertificateOfStudies, DocumentId::Identity, DocumentId::S1Form]
        .map(|d| (d, DocStatus::Ready));
    let root = checklist_with(&ready, Lang::Fr).await;
    let headlines = text_of(&root, ".headlines");
    assert!(headlines.contains("Tout est prêt pour l'attestation provisoire."), "{headlines}");
    assert!(headlines.contains("Acte de naissance, RIB à votre nom"), "{headlines}");
    root.remove();
}

/// Renders one component alone, with its props, and waits until it has rendered.
async fn render<C: yew::BaseComponent>(props: C::Properties) -> Element {
    let root = gloo_document().create_element("div").unwrap();
    gloo_document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_header_alone_shows_the_university_and_reports_the_language_chosen() {
    install_wording();
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let props = SiteHeaderProps {
        lang: Lang::Fr,
        load: LangLoad::Idle,
        university: Some("Université de Lyon".into()),
        on_lang: {
            let chosen = Rc::clone(&chosen);
            yew::Callback::from(move |lang| chosen.borrow_mut().push(lang))
        },
    };
    let root = render::<SiteHeader>(props).await;
    assert!(text_of(&root, ".offered-by").contains("Université de Lyon"));
    let pressed = button(&root, "Français").get_attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));
    button(&root, "English").click();
    assert_eq!(*chosen.borrow(), [Lang::En]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_header_says_when_a_language_could_not_be_fetched() {
    install_wording();
    let props = SiteHeaderProps {
        lang: Lang::En,
        load: LangLoad::Failed(Lang::Fr),
        university: None,
        on_lang: yew::Callback::noop(),
    };
    let root = render::<SiteHeader>(props).await;
    assert_eq!(
        text_of(&root, ".lang-unavailable[role=alert]"),
        "Français could not be loaded: check your connection, then choose it again."
    );
    root.remove();
    let props = SiteHeaderProps {
        lang: Lang::En,
        load: LangLoad::Loading(Lang::Fr),
        university: None,
        on_lang: yew::Callback::noop(),
    };
    let root = render::<SiteHeader>(props).await;
    assert_eq!(button(&root, "Français").get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(root.query_selector(".lang-unavailable").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_keep_my_answers_controls_alone_report_each_choice() {
    let said = Rc::new(RefCell::new(Vec::new()));
    let props = RememberProps {
        lang: Lang::En,
        remember: true,
        on_remember: {
            let said = Rc::clone(&said);
            yew::Callback::from(move |on: bool| said.borrow_mut().push(format!("remember {on}")))
        },
        on_forget: {
            let said = Rc::clone(&said);
            yew::Callback::from(move |()| said.borrow_mut().push("forget".to_owned()))
        },
    };
    let root = render::<Remember>(props).await;
    let checkbox: web_sys::HtmlInputElement =
        root.query_selector("#remember").unwrap().unwrap().dyn_into().unwrap();
    assert!(checkbox.checked(), "ticked as the props say");
    checkbox.click();
    // "Forget everything" asks first: cancelling forgets nothing, confirming forgets.
    button(&root, Lang::En.text(Msg::RememberForget)).click();
    yew::scheduler::flush().await;
    assert_eq!(*said.borrow(), ["remember false"], "nothing forgotten before the answer");
    button(&root, Lang::En.text(Msg::RememberForgetCancel)).click();
    yew::scheduler::flush().await;
    assert_eq!(*said.borrow(), ["remember false"], "cancelled: nothing forgotten");
    button(&root, Lang::En.text(Msg::RememberForget)).click();
    yew::scheduler::flush().await;
    button(&root, Lang::En.text(Msg::RememberForgetYes)).click();
    yew::scheduler::flush().await;
    assert_eq!(*said.borrow(), ["remember false", "forget"]);
    root.remove();
}
