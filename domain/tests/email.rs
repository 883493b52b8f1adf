//! `email::recognise` on varied phrasings of what the portal and the CPAM write: French and
//! English, typos, forwarded messages, HTML pasted as text. Each row: the text, and the
//! documents it must give (doc, status, reason), in the checklist's order.

use secu_precheck_domain::email::{recognise, Reason, Status};
use secu_precheck_domain::DocumentId::{
    self, BirthCertificate, CertificateOfStudies, Identity, ResidencePermit, Rib, Visa,
};

use Reason::*;
use Status::*;

type Row = (&'static str, &'static [(DocumentId, Status, Option<Reason>)]);

const ROWS: &[Row] = &[
    // 1–10: French, one document each.
    ("Votre RIB a été refusé : il n'est pas à votre nom.", &[(Rib, Rejected, Some(NotOwnName))]),
    ("Bonjour, votre acte de naissance est illisible. Merci de le déposer à nouveau dans votre espace personnel.", &[(BirthCertificate, Rejected, Some(Illegible))]),
    ("Votre passeport est expiré.", &[(Identity, Rejected, Some(Expired))]),
    ("Il manque votre titre de séjour.", &[(ResidencePermit, Missing, None)]),
    ("Le certificat de scolarité transmis n'est pas celui de l'année en cours : il correspond à l'année précédente.", &[(CertificateOfStudies, Rejected, Some(WrongYear))]),
    ("Votre extrait de naissance doit être accompagné de sa traduction par un traducteur assermenté.", &[(BirthCertificate, Rejected, Some(TranslationNeeded))]),
    ("Votre visa n'a pas été validé en ligne : merci de transmettre l'attestation de validation.", &[(Visa, Rejected, Some(NotValidated))]),
    ("Pièce manquante : relevé d'identité bancaire.", &[(Rib, Missing, None)]),
    ("Votre justificatif d'identité a été accepté.", &[(Identity, Accepted, None)]),
    ("L'acte de naissance fourni est incomplet (copie intégrale avec filiation demandée).", &[(BirthCertificate, Rejected, Some(Incomplete))]),
    // 11–20: English.
    ("Your proof of identity has been rejected because it is blurry.", &[(Identity, Rejected, Some(Illegible))]),
    ("We have not received your birth certificate.", &[(BirthCertificate, Missing, None)]),
    ("Your RIB is not in your name. Please upload bank details in your own name.", &[(Rib, Rejected, Some(NotOwnName))]),
    ("The certificate of studies is for the previous academic year.", &[(CertificateOfStudies, Rejected, Some(WrongYear))]),
    ("Please upload your residence permit.", &[(ResidencePermit, Missing, None)]),
    ("Your vital record must be translated by a sworn translator.", &[(BirthCertificate, Rejected, Some(TranslationNeeded))]),
    ("Status: Accepted\nProof of registration for the current academic year", &[(CertificateOfStudies, Accepted, None)]),
    ("Your passport has expired; please send a valid one.", &[(Identity, Rejected, Some(Expired))]),
    ("The names on your birth certificate do not match your passport.", &[(BirthCertificate, Rejected, Some(NamesDiffer))]),
    ("Your student visa still needs its online validation.", &[(Visa, Rejected, Some(NotValidated))]),
    // 21–26: several documents, lists under a heading, a reason in the next sentence.
    ("Les documents suivants sont manquants :\n- acte de naissance\n- RIB\n- titre de séjour", &[(BirthCertificate, Missing, None), (ResidencePermit, Missing, None), (Rib, Missing, None)]),
    ("The following documents have been rejected:\n- Birth certificate (illegible)\n- RIB (not in your name)", &[(BirthCertificate, Rejected, Some(Illegible)), (Rib, Rejected, Some(NotOwnName))]),
    ("Votre passeport a été accepté. Votre RIB a été refusé.", &[(Identity, Accepted, None), (Rib, Rejected, None)]),
    ("Concernant votre acte de naissance. Motif du refus : document illisible.", &[(BirthCertificate, Rejected, Some(Illegible))]),
    ("Documents refusés : passeport (périmé), certificat de scolarité (année précédente).", &[(CertificateOfStudies, Rejected, Some(WrongYear)), (Identity, Rejected, Some(Expired))]),
    ("Merci de fournir : votre RIB et votre titre de séjour.", &[(ResidencePermit, Missing, None), (Rib, Missing, None)]),
    // 27–30: typos.
    ("Votre acte de naissanse est ilisible.", &[(BirthCertificate, Rejected, Some(Illegible))]),
    ("Your pasport was rejeted: expired.", &[(Identity, Rejected, Some(Expired))]),
    ("votre rib est refuse car pas a votre nom", &[(Rib, Rejected, Some(NotOwnName))]),
    ("VOTRE CERTIFICAT DE SCOLARITE EST MANQUANT", &[(CertificateOfStudies, Missing, None)]),
    // 31–33: a forwarded message, quoted lines, HTML pasted as text.
    ("---------- Forwarded message ---------\nDe : Assurance Maladie <ne-pas-repondre@ameli.fr>\nDate: mar. 3 sept. 2026 à 10:12\nObjet : Votre inscription - pièces à fournir\nÀ : <etudiant@example.com>\n\nBonjour,\nVotre titre de séjour est manquant.\nCordialement", &[(ResidencePermit, Missing, None)]),
    ("Le 3 sept. 2026 à 10:12, Assurance Maladie a écrit :\n> Votre RIB a été rejeté.\n> Il n'est pas au nom de l'assuré : il est au nom d'un tiers.", &[(Rib, Rejected, Some(NotOwnName))]),
    ("<html><body><p>Bonjour,</p><p>Votre <b>acte de naissance</b> a &eacute;t&eacute; refus&eacute; : traduction manquante.</p></body></html>", &[(BirthCertificate, Rejected, Some(TranslationNeeded))]),
    // 34–36: a document named inside a reason is no subject; a status alone names nothing.
    ("Votre acte de naissance ne correspond pas à votre passeport : les noms sont différents.", &[(BirthCertificate, Rejected, Some(NamesDiffer))]),
    ("Votre dossier est en cours de traitement.", &[]),
    ("Thank you for your registration.", &[]),
];

#[test]
fn each_phrasing_gives_its_documents_statuses_and_reasons() {
    assert!(ROWS.len() >= 30, "at least 30 phrasings");
    let mut failures = Vec::new();
    for (i, (text, want)) in ROWS.iter().enumerate() {
        let got = recognise(text);
        let got: Vec<(DocumentId, Status, Option<Reason>)> =
            got.documents.iter().map(|n| (n.doc, n.status, n.reason)).collect();
        if got != *want {
            failures.push(format!("row {}: {text:?}\n  want {want:?}\n   got {got:?}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_message_it_does_not_know_says_so() {
    for text in [
        "",
        "Thank you for your registration.",
        "Votre dossier est en cours de traitement.",
        "🙂",
        "<<<>>>",
    ] {
        let r = recognise(text);
        assert!(!r.recognised && r.documents.is_empty(), "{text:?}");
    }
    assert!(recognise("Votre RIB est manquant.").recognised);
}

/// Four reviewers each wrote forty messages with their expected answers, without seeing the
/// recogniser's words, code or tests, as held-out measures, each after the fixes the one
/// before taught: 26, 28, 28 and 34 read exactly at their first run (documents and statuses
/// right in 29, 30 and 34 of the last three); a refused document read as accepted in each of
/// the second and third, none in the fourth; one how-to read as acceptances. What they taught
/// is in since (negations, requests, requirements, swapped letters, quoted history, "accepted"
/// matched exactly, a reason making a missing document a refused one), and all four sets are
/// tests now.
#[test]
fn the_reviewers_messages_read_as_the_reviewers_expected() {
    let mut failures = Vec::new();
    for (set, json) in [
        ("reviewer-1", include_str!("emails/reviewer-1.json")),
        ("reviewer-2", include_str!("emails/reviewer-2.json")),
        ("reviewer-3", include_str!("emails/reviewer-3.json")),
        ("reviewer-4", include_str!("emails/reviewer-4.json")),
    ] {
        let cases: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        assert_eq!(cases.len(), 40, "{set}");
        for (i, case) in cases.iter().enumerate() {
            let text = case["text"].as_str().unwrap();
            let got = serde_json::to_value(recognise(text)).unwrap();
            if got != case["expected"] {
                failures.push(format!(
                    "{set} case {}: {text:?}\n  want {}\n   got {got}",
                    i + 1,
                    case["expected"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
