//! What happens after the registration is sent (DOMAIN.md §1, steps 4–6, and the VLS-TS
//! validation), with the dates that can be known, and the same steps as an iCalendar file
//! (RFC 5545) the student downloads: made on the device, nothing sent anywhere.

use crate::date::Date;
use crate::i18n::{fill, Lang, Msg};
use crate::rules::SituationId;

/// One step of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Its name in the catalog (`next.<id>`), which also names its calendar event: stable
    /// across versions, so a calendar that imports the file again updates the event.
    pub id: &'static str,
    /// A few words.
    pub title: Msg,
    /// What it means and what to do.
    pub body: Msg,
    /// When it can happen (from this date) or must be done (before this date).
    pub date: Option<When>,
    /// What to do instead of `body` once its deadline has passed.
    pub late: Option<Msg>,
}

/// A step's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Possible from this day.
    From(Date),
    /// To do before this day: the reminder falls a month earlier.
    Before(Date),
    /// Possible since this day, which has passed: it can be done now.
    Since(Date),
    /// The deadline was this day, which has passed: to do now.
    Overdue(Date),
}

impl When {
    /// The day the step falls on in a calendar made `today`: never in the past.
    #[must_use]
    pub fn day(self, today: Date) -> Date {
        match self {
            When::From(d) | When::Before(d) => d.max(today),
            When::Since(_) | When::Overdue(_) => today,
        }
    }

    /// The same date seen `today`: one that has passed becomes "since" (possible now) or
    /// "overdue" (a deadline missed: do it now).
    #[must_use]
    pub fn on(self, today: Date) -> When {
        match self {
            When::From(d) if d < today => When::Since(d),
            When::Before(d) if d < today => When::Overdue(d),
            other => other,
        }
    }

    /// Whether it is to do now.
    #[must_use]
    pub fn is_now(self) -> bool {
        matches!(self, When::Since(_) | When::Overdue(_))
    }
}

/// The visa the student comes with, which decides what is left to do after arriving.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visa {
    /// No visa (EU/EEA/Swiss, French, visa-exempt nationals).
    #[default]
    None,
    /// A VLS-TS, validated online within 3 months of arrival.
    VlsTs,
    /// An Algerian student's visa D: apply for a certificate of residence within 2 months.
    Algerian,
    /// A VLS-T "étudiant" (4 to 12 months): nothing to validate, and the provisional number is
    /// kept for the whole stay [secondary: Campus France, "The Temporary Long Term Visa, or
    /// VLS-T"; Campus France Chile and Israel, shared/DOMAIN.md §6]. So no ameli account or
    /// carte Vitale to wait for (the card comes once the number is certified: the Assurance
    /// Maladie's forum); care is paid and claimed back from the CPAM (Campus France, node
    /// 301673, on the provisional number).
    VlsT,
    /// A visa, and a residence document of its own already held (a card, a receipt, an APS, an
    /// Algerian certificate): nothing about the visa is left to do.
    Settled,
}

impl Visa {
    /// The visa of a situation; while the answers decide none, the common case's (a VLS-TS).
    /// `settled`: the student holds a residence document that is not the visa
    /// ([`Held::settled`](crate::residence::Held::settled)).
    #[must_use]
    pub fn of(situation: Option<SituationId>, settled: bool) -> Visa {
        match situation {
            None | Some(SituationId::NonEu | SituationId::Algeria) if settled => Visa::Settled,
            None | Some(SituationId::NonEu | SituationId::Quebec) => Visa::VlsTs,
            Some(SituationId::Algeria | SituationId::QuebecAlgeria) => Visa::Algerian,
            Some(SituationId::NonEuVlsT | SituationId::QuebecVlsT) => Visa::VlsT,
            Some(
                SituationId::EuWithEhic
                | SituationId::QuebecVisaExempt
                | SituationId::EuWithoutEhic
                | SituationId::EuS1
                | SituationId::FrenchOverseas
                | SituationId::VisaExempt
                | SituationId::UkWithGhic
                | SituationId::FrenchNotConcerned
                | SituationId::AlreadyNumbered
                | SituationId::CpamRoute,
            ) => Visa::None,
        }
    }

    /// Whether something is to do after arriving, so that the arrival date places it.
    #[must_use]
    pub fn dated_by_arrival(self) -> bool {
        matches!(self, Visa::VlsTs | Visa::Algerian)
    }
}

/// The student's dates that place the steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dates {
    /// The start date of rights (the start of studies).
    pub rights_start: Option<Date>,
    /// The day the student arrived (or arrives) in France.
    pub arrival: Option<Date>,
    /// The student's visa.
    pub visa: Visa,
}

/// The permanent number: processing "can take up to 9 months", the provisional number serving
/// meanwhile [official: ameli.fr, "né à l'étranger : demander un numéro de sécurité sociale";
/// the guide's "4 to 6 weeks" is out of date]. Nine months from the start of rights (the
/// shortest nine months, from 1 September to 1 June).
const PERMANENT_BY_DAYS: i64 = 273;
/// The VLS-TS is validated within three months of arrival [official: service-public.fr].
const VLS_DEADLINE_DAYS: i64 = 90;
/// An Algerian student's long-stay visa says "carte de séjour à solliciter dans les 2 mois
/// suivant l'arrivée": the certificate of residence is applied for on the ANEF website
/// [secondary: Campus France Algérie, "La procédure consulaire et le statut d'étudiant
/// algérien en France"; universities' guides, e.g. Perpignan's].
const ALGERIAN_RESIDENCE_MONTHS: u32 = 2;
/// The médecin traitant: reminded a month into the rights.
const DOCTOR_AFTER_DAYS: i64 = 30;

/// Every step, in order, dated where the student's dates allow; a date that has passed by
/// `today` becomes "since" (possible now) or "overdue" (a deadline missed: do it now).
#[must_use]
pub fn steps(dates: &Dates, today: Date) -> Vec<Step> {
    let after = |d: Option<Date>, days: i64| d.and_then(|d| d.add_days(days));
    let step = |id, title, body, date| Step { id, title, body, date, late: None };
    let arrival = dates.arrival.or(dates.rights_start);
    let mut out = vec![
        step("confirm_email", Msg::NextConfirmEmailTitle, Msg::NextConfirmEmailBody, None),
        step("password", Msg::NextPasswordTitle, Msg::NextPasswordBody, None),
        step("documents", Msg::NextDocumentsTitle, Msg::NextDocumentsBody, None),
        step(
            "provisional",
            Msg::NextProvisionalTitle,
            Msg::NextProvisionalBody,
            dates.rights_start.map(When::From),
        ),
    ];
    if dates.visa == Visa::VlsT {
        out.push(step("vls_t", Msg::NextVlsTTitle, Msg::NextVlsTBody, None));
    } else {
        out.push(Step {
            late: Some(Msg::NextPermanentLate),
            ..step(
                "permanent",
                Msg::NextPermanentTitle,
                Msg::NextPermanentBody,
                after(dates.rights_start, PERMANENT_BY_DAYS).map(When::Before),
            )
        });
    }
    match dates.visa {
        Visa::Algerian => out.push(Step {
            late: Some(Msg::NextAlgerianResidenceLate),
            ..step(
                "algerian_residence",
                Msg::NextAlgerianResidenceTitle,
                Msg::NextAlgerianResidenceBody,
                arrival.and_then(|d| d.add_months(ALGERIAN_RESIDENCE_MONTHS)).map(When::Before),
            )
        }),
        Visa::VlsTs => out.push(Step {
            late: Some(Msg::NextVlsLate),
            ..step(
                "vls",
                Msg::NextVlsTitle,
                Msg::NextVlsBody,
                after(arrival, VLS_DEADLINE_DAYS).map(When::Before),
            )
        }),
        Visa::VlsT | Visa::Settled | Visa::None => {}
    }
    if dates.visa != Visa::VlsT {
        out.extend([
            step("ameli", Msg::NextAmeliTitle, Msg::NextAmeliBody, None),
            step("vitale", Msg::NextVitaleTitle, Msg::NextVitaleBody, None),
        ]);
    }
    out.extend([
        step(
            "doctor",
            Msg::NextDoctorTitle,
            Msg::NextDoctorBody,
            after(dates.rights_start, DOCTOR_AFTER_DAYS).map(When::From),
        ),
        step("mutuelle", Msg::NextMutuelleTitle, Msg::NextMutuelleBody, None),
    ]);
    // The address is changed in the ameli account, which a VLS-T student does not have.
    if dates.visa != Visa::VlsT {
        out.push(step("address", Msg::NextAddressTitle, Msg::NextAddressBody, None));
    }
    out.push(step("helpline", Msg::NextHelplineTitle, Msg::NextHelplineBody, None));
    for s in &mut out {
        s.date = s.date.map(|when| when.on(today));
    }
    out
}

/// The steps still ahead once the registration is sent (`progress`): what was done before
/// sending is left out, so are the certificates that came, and the permanent number's date runs
/// from the first day known (the start of rights, else the provisional certificate's, else the
/// day it was sent). Once the permanent number is there, the ameli account and the carte Vitale
/// can be done now.
#[must_use]
pub fn following(dates: &Dates, progress: &crate::progress::Progress, today: Date) -> Vec<Step> {
    let mut out = steps(dates, today);
    let done: &[&str] = match (progress.sent, progress.provisional, progress.permanent) {
        (_, _, Some(_)) => &["confirm_email", "password", "provisional", "permanent"],
        (_, Some(_), None) => &["confirm_email", "password", "provisional"],
        (Some(_), None, None) => &["confirm_email", "password"],
        (None, None, None) => &[],
    };
    out.retain(|s| !done.contains(&s.id));
    for s in &mut out {
        match (s.id, progress.permanent) {
            ("ameli" | "vitale", Some(permanent)) => s.date = Some(When::From(permanent).on(today)),
            ("permanent", _) if dates.rights_start.is_none() => {
                s.date = progress
                    .provisional
                    .or(progress.sent)
                    .and_then(|d| d.add_days(PERMANENT_BY_DAYS))
                    .map(|d| When::Before(d).on(today));
            }
            _ => {}
        }
    }
    out
}

impl Step {
    /// What it means and what to do, now that its date is known.
    #[must_use]
    pub fn body(&self) -> Msg {
        match (self.date, self.late) {
            (Some(When::Overdue(_)), Some(late)) => late,
            _ => self.body,
        }
    }
}

/// "From 1 September 2026" / "Before 28 November 2026", in the language.
#[must_use]
pub fn when_text(when: When, lang: Lang) -> String {
    let (msg, date) = match when {
        When::From(d) => (Msg::NextWhen, d),
        When::Before(d) => (Msg::NextBy, d),
        When::Since(d) => (Msg::NextSince, d),
        When::Overdue(d) => (Msg::NextOverdue, d),
    };
    fill(lang.text(msg), &[("date", &date.long(lang))])
}

/// Escapes a text value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The dated steps as an iCalendar file: one all-day event each, never before `today`, with a
/// reminder the day before (a month before a deadline), never before `today` either; a step
/// to do now falls today, reminded in the morning. `today` stamps the file.
#[must_use]
pub fn calendar(steps: &[Step], lang: Lang, today: Date) -> Option<String> {
    let dated: Vec<(Step, When)> = steps.iter().filter_map(|s| Some((*s, s.date?))).collect();
    if dated.is_empty() {
        return None;
    }
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//secu-precheck//next steps//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(lang.text(Msg::NextCalendarName))), &mut out);
    for (step, when) in dated {
        let day = when.day(today);
        let ahead = match when {
            When::From(_) => 1,
            When::Before(_) => 30,
            When::Since(_) | When::Overdue(_) => 0,
        };
        let early = match ahead.min(day.to_unix_days() - today.to_unix_days()) {
            0 => "PT9H".to_owned(),
            n => format!("-P{n}D"),
        };
        let Some(next_day) = day.add_days(1) else { continue };
        let key = step.id;
        let (When::From(first) | When::Before(first) | When::Since(first) | When::Overdue(first)) =
            when;
        let summary = if matches!(when, When::Overdue(_)) {
            fill(lang.text(Msg::NextOverdueSummary), &[("title", lang.text(step.title))])
        } else {
            lang.text(step.title).to_owned()
        };
        for line in [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-next-{key}-title@secu-precheck", first.compact()),
            format!("DTSTAMP:{}T000000Z", today.compact()),
            format!("DTSTART;VALUE=DATE:{}", day.compact()),
            format!("DTEND;VALUE=DATE:{}", next_day.compact()),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(lang.text(step.body()))),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape(&summary)),
            format!("TRIGGER:{early}"),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ] {
            fold(&line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn following_leaves_out_what_is_done_and_dates_what_comes() {
        use crate::progress::Progress;
        let day = |s: &str| s.parse::<Date>().unwrap();
        let today = day("2026-11-10");
        let dates = Dates { rights_start: None, arrival: None, visa: Visa::VlsTs };
        let ids =
            |p: &Progress| following(&dates, p, today).iter().map(|s| s.id).collect::<Vec<_>>();
        let mut p = Progress::default();
        assert_eq!(ids(&p), steps(&dates, today).iter().map(|s| s.id).collect::<Vec<_>>());
        p.sent = Some(day("2026-10-01"));
        assert!(!ids(&p).contains(&"password") && ids(&p).contains(&"provisional"));
        // No start of rights typed: nine months from the day it was sent.
        let permanent = |p: &Progress| {
            following(&dates, p, today)
                .into_iter()
                .find(|s| s.id == "permanent")
                .and_then(|s| s.date)
        };
        assert_eq!(permanent(&p), Some(When::Before(day("2027-07-01"))));
        p.provisional = Some(day("2026-10-20"));
        assert!(!ids(&p).contains(&"provisional"));
        assert_eq!(permanent(&p), Some(When::Before(day("2027-07-20"))));
        // With a start of rights, the rule of `steps` stands.
        let typed = Dates { rights_start: Some(day("2026-09-01")), ..dates };
        let by = following(&typed, &p, today)
            .into_iter()
            .find(|s| s.id == "permanent")
            .and_then(|s| s.date);
        assert_eq!(by, Some(When::Before(day("2027-06-01"))));
        p.permanent = Some(day("2026-11-02"));
        let after = following(&dates, &p, today);
        assert!(after.iter().all(|s| s.id != "permanent"));
        let ameli = after.iter().find(|s| s.id == "ameli").unwrap();
        assert_eq!(ameli.date, Some(When::Since(day("2026-11-02"))));
    }
    use crate::residence::Held;
    use crate::rules::DocumentId;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn the_calendar_speaks_each_language_within_the_line_length_of_icalendar() {
        let today = date("2026-08-20");
        let dates = Dates {
            rights_start: Some(date("2026-09-01")),
            arrival: Some(date("2026-08-28")),
            visa: Visa::VlsTs,
        };
        let all = steps(&dates, today);
        for lang in Lang::ALL {
            let ics = calendar(&all, lang, today).unwrap();
            // No line over 75 octets, and no character cut at a fold (Arabic and Chinese take
            // two and three octets each).
            assert!(ics.split("\r\n").all(|line| line.len() <= 75), "{lang}: {ics}");
            let unfolded = ics.replace("\r\n ", "");
            let summaries: Vec<&str> =
                unfolded.lines().filter_map(|l| l.strip_prefix("SUMMARY:")).collect();
            assert!(summaries.len() >= 3, "{lang}: {unfolded}");
            for step in all.iter().filter(|s| s.date.is_some()) {
                let title = escape(lang.text(step.title));
                assert!(
                    summaries.iter().any(|s| s.contains(&title)),
                    "{lang}: {title} in {unfolded}"
                );
            }
            assert!(
                unfolded.contains(&format!(
                    "X-WR-CALNAME:{}",
                    escape(lang.text(Msg::NextCalendarName))
                )),
                "{lang}"
            );
        }
    }

    #[test]
    fn an_algerian_student_applies_for_a_certificate_of_residence_and_validates_no_vls_ts() {
        let today = Date::from_ymd(2026, 8, 20).unwrap();
        let dates = Dates {
            rights_start: Date::from_ymd(2026, 9, 1).ok(),
            arrival: Date::from_ymd(2026, 8, 28).ok(),
            visa: Visa::Algerian,
        };
        let all = steps(&dates, today);
        assert!(all.iter().all(|s| s.id != "vls"), "no VLS-TS to validate");
        let residence = all.iter().find(|s| s.id == "algerian_residence").expect("the step");
        assert_eq!(residence.date, Some(When::Before(Date::from_ymd(2026, 10, 28).unwrap())));
        let ics = calendar(&all, Lang::En, today).unwrap();
        assert!(!ics.contains(Lang::En.text(Msg::NextVlsTitle)), "{ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261028\r\n"), "{ics}");
        // Past the two months: overdue, with what to do.
        let late = steps(&dates, Date::from_ymd(2026, 11, 2).unwrap());
        let residence = late.iter().find(|s| s.id == "algerian_residence").unwrap();
        assert_eq!(residence.body(), Msg::NextAlgerianResidenceLate);
        // No other step of the timeline speaks of a VLS-TS, in either language; this one says
        // there is none to validate.
        for lang in Lang::ALL {
            for step in all.iter().filter(|s| s.id != "algerian_residence") {
                for msg in [step.title, step.body, step.late.unwrap_or(step.body)] {
                    let text = lang.text(msg);
                    assert!(!text.contains("VLS"), "{lang} {}: {text}", step.id);
                }
            }
        }
    }

    #[test]
    fn a_vls_t_student_keeps_the_provisional_number_and_validates_nothing() {
        let today = date("2026-08-20");
        let dates = Dates {
            rights_start: Some(date("2026-09-01")),
            arrival: Some(date("2026-08-28")),
            visa: Visa::VlsT,
        };
        assert!(!dates.visa.dated_by_arrival(), "nothing to do after arriving: no arrival date");
        let all = steps(&dates, today);
        let ids: Vec<&str> = all.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            [
                "confirm_email",
                "password",
                "documents",
                "provisional",
                "vls_t",
                "doctor",
                "mutuelle",
                "helpline"
            ],
            "no permanent number, no validation, no ameli account or carte Vitale to wait for"
        );
        let ics = calendar(&all, Lang::En, today).unwrap();
        for msg in [Msg::NextPermanentTitle, Msg::NextVlsTitle, Msg::NextVitaleTitle] {
            assert!(!ics.contains(Lang::En.text(msg)), "{ics}");
        }
        for lang in Lang::ALL {
            let body = lang.text(Msg::NextVlsTBody);
            // It names the VLS-T itself, not the VLS-TS.
            let vls_t = body.match_indices("VLS-T").any(|(i, _)| !body[i + 5..].starts_with('S'));
            assert!(vls_t && body.contains("CPAM"), "{lang}: {body}");
        }
    }

    /// What a student reads on the documents of their situation and in their timeline: no text
    /// asks for a validation their visa does not have, or promises a number they will not get.
    #[test]
    fn no_text_contradicts_the_situation() {
        use crate::rules::{Outcome, Rules};
        let rules = Rules::builtin().unwrap();
        let validation = [
            "Validate your",
            "validated online",
            "within 3 months",
            "Validez votre",
            "être validé en ligne",
            "dans les 3 mois",
        ];
        let visa_again =
            ["student visa again", "visa à nouveau", "may go in the visa", "dans la case du visa"];
        let today = date("2026-08-20");
        for (situation, residence) in SituationId::ALL.into_iter().flat_map(|s| {
            let choices = Held::choices(&rules, s).map(Some);
            std::iter::once(None).chain(choices.collect::<Vec<_>>()).map(move |r| (s, r))
        }) {
            let rule = rules.situation(situation);
            let held = Held::new(&rules, situation, residence);
            let checklist =
                crate::Checklist::new(&rules, situation, None, &[]).holding(&rules, residence);
            let visa = Visa::of(Some(situation), held.settled());
            assert_eq!(
                visa != Visa::None,
                rule.outcome == Outcome::Register && rule.documents.contains(&DocumentId::Visa),
                "{situation}: a visa exactly where the documents ask for one"
            );
            if rule.outcome != Outcome::Register {
                continue;
            }
            let dates = Dates { rights_start: Some(date("2026-09-01")), arrival: None, visa };
            let steps = steps(&dates, today);
            let at = format!("{situation} holding {residence:?}");
            for lang in Lang::ALL {
                let mut texts: Vec<(String, &str)> = Vec::new();
                for &doc in rule.documents.iter() {
                    texts.push((format!("{doc} what_counts"), lang.text(doc.what_counts())));
                    texts.extend(doc.hints().map(|h| (format!("{doc} hint"), lang.text(h))));
                    let row = checklist.row_note(doc);
                    texts.extend(row.map(|n| (format!("{doc} row"), lang.text(n))));
                    let note = held.note(doc);
                    texts.extend(note.map(|n| (format!("{doc} note"), lang.text(n))));
                }
                if let Some(r) = residence {
                    texts.push((format!("{r} label"), lang.text(r.label())));
                    texts.push((format!("{r} explain"), lang.text(r.explain())));
                }
                if held.not_the_visa(&rules) {
                    texts.push(("not the visa".into(), lang.text(Msg::SlotResidenceNotVisa)));
                }
                // No residence choice speaks of a visa to a student who has none.
                if !rule.documents.contains(&DocumentId::Visa) {
                    for r in Held::choices(&rules, situation) {
                        for text in [lang.text(r.label()), lang.text(r.explain())] {
                            assert!(!text.contains("visa"), "{at} {lang} {r}: {text}");
                        }
                    }
                }
                for step in &steps {
                    for msg in [step.title, step.body, step.late.unwrap_or(step.body)] {
                        texts.push((format!("step {}", step.id), lang.text(msg)));
                    }
                }
                for (whose, text) in texts {
                    if visa != Visa::VlsTs {
                        let found = validation.iter().find(|v| text.contains(*v));
                        assert!(found.is_none(), "{at} {lang} {whose}: {text}");
                    }
                    if !held.visa_again(&rules) {
                        let found = visa_again.iter().find(|v| text.contains(*v));
                        assert!(found.is_none(), "{at} {lang} {whose}: {text}");
                    }
                    if visa == Visa::VlsT {
                        let promises = ["permanent", "définitif", "définitive", "ameli", "Vitale"];
                        for promise in promises {
                            let ok = !text.contains(promise) || whose == "step vls_t";
                            assert!(ok, "{at} {lang} {whose}: {text}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn each_step_is_named_by_its_catalog_section() {
        let dates = Dates { visa: Visa::VlsTs, ..Dates::default() };
        for step in steps(&dates, Date::from_ymd(2026, 9, 1).unwrap()) {
            assert_eq!(step.title.key(), format!("next.{}.title", step.id));
            assert_eq!(step.body.key(), format!("next.{}.body", step.id));
        }
        // The calendar's event ids are the ones earlier versions wrote (from the title's key).
        let today = Date::from_ymd(2026, 9, 1).unwrap();
        let dates = Dates { rights_start: Some(today), ..dates };
        let ics = calendar(&steps(&dates, today), Lang::En, today).unwrap();
        assert!(ics.contains("UID:20270601-next-permanent-title@secu-precheck\r\n"), "{ics}");
    }

    #[test]
    fn steps_are_dated_from_the_rights_and_the_arrival() {
        let dates = Dates {
            rights_start: Some(date("2026-09-01")),
            arrival: Some(date("2026-08-28")),
            visa: Visa::VlsTs,
        };
        let all = steps(&dates, date("2026-08-20"));
        let find = |title| all.iter().find(|s| s.title == title).and_then(|s| s.date);
        assert_eq!(find(Msg::NextProvisionalTitle), Some(When::From(date("2026-09-01"))));
        // Up to nine months, the provisional number serving meanwhile.
        assert_eq!(find(Msg::NextPermanentTitle), Some(When::Before(date("2027-06-01"))));
        assert_eq!(find(Msg::NextVlsTitle), Some(When::Before(date("2026-11-26"))));
        assert_eq!(find(Msg::NextDoctorTitle), Some(When::From(date("2026-10-01"))));
        assert_eq!(find(Msg::NextConfirmEmailTitle), None);
        assert_eq!(all.first().map(|s| s.title), Some(Msg::NextConfirmEmailTitle));
        assert_eq!(all.last().map(|s| s.title), Some(Msg::NextHelplineTitle));
        // No visa to validate (an EU student): no such step.
        let eu = steps(&Dates { visa: Visa::None, ..dates }, date("2026-08-20"));
        assert!(eu.iter().all(|s| s.title != Msg::NextVlsTitle));
        // Without an arrival date, the start of rights stands in for it.
        let guess = steps(&Dates { arrival: None, ..dates }, date("2026-08-20"));
        assert!(guess.iter().any(|s| s.date == Some(When::Before(date("2026-11-30")))));
    }

    #[test]
    fn the_calendar_is_valid_icalendar() {
        let dates =
            Dates { rights_start: Some(date("2026-09-01")), arrival: None, visa: Visa::VlsTs };
        let ics =
            calendar(&steps(&dates, date("2026-08-20")), Lang::Fr, date("2026-08-20")).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4);
        assert!(ics.contains("DTSTART;VALUE=DATE:20260901\r\nDTEND;VALUE=DATE:20260902\r\n"));
        assert!(ics.contains("TRIGGER:-P30D"), "a month before the visa deadline");
        assert!(ics.contains("SUMMARY:Téléchargez votre attestation provisoire"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line over 75 octets: {line:?}");
            assert!(!line.contains('\n'));
        }
        // Commas and semicolons are escaped in text values.
        assert!(ics.contains("\\,") || !ics.contains(", "));
        assert!(!ics.contains("\r\n\r\n"));
        assert_eq!(
            calendar(&steps(&Dates::default(), date("2026-08-20")), Lang::En, date("2026-08-20")),
            None
        );
    }

    #[test]
    fn dates_that_have_passed_are_to_do_now_and_never_in_the_past_of_the_calendar() {
        // Rights from 1 September, arrival 28 August, and today is 1 December.
        let dates = Dates {
            rights_start: Some(date("2026-09-01")),
            arrival: Some(date("2026-08-28")),
            visa: Visa::VlsTs,
        };
        let today = date("2026-12-01");
        let all = steps(&dates, today);
        let find = |title| all.iter().find(|s| s.title == title).copied().unwrap();
        let provisional = find(Msg::NextProvisionalTitle);
        assert_eq!(provisional.date, Some(When::Since(date("2026-09-01"))));
        assert_eq!(provisional.body(), Msg::NextProvisionalBody);
        let vls = find(Msg::NextVlsTitle);
        assert_eq!(vls.date, Some(When::Overdue(date("2026-11-26"))));
        assert_eq!(vls.body(), Msg::NextVlsLate, "an overdue step says what to do now");
        assert_eq!(
            when_text(vls.date.unwrap(), Lang::En),
            "Overdue — do this now: the deadline was 26 November 2026"
        );
        assert_eq!(
            when_text(provisional.date.unwrap(), Lang::Fr),
            "Maintenant — possible depuis le 1er septembre 2026"
        );
        let ics = calendar(&all, Lang::En, today).unwrap();
        let starts: Vec<&str> =
            ics.split("\r\n").filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:")).collect();
        assert!(starts.iter().all(|d| *d >= "20261201"), "{starts:?}: nothing before today");
        // The passed dates fall today; the permanent number is still ahead (nine months).
        assert!(starts.contains(&"20261201") && starts.contains(&"20270601"), "{starts:?}");
        assert!(ics.contains("SUMMARY:Overdue\\, do this now: Validate your student visa online"));
        // Its one reminder, a month ahead, is after today too.
        assert_eq!(ics.matches("TRIGGER:-P").count(), 1);
        assert!(ics.contains("TRIGGER:-P30D"));
        // A deadline in the future whose month-ahead reminder would be in the past: the
        // reminder falls today at the latest.
        let soon = steps(&dates, date("2026-11-20"));
        let ics = calendar(&soon, Lang::En, date("2026-11-20")).unwrap();
        assert!(ics.contains("DTSTART;VALUE=DATE:20261126") && ics.contains("TRIGGER:-P6D"));
    }

    #[test]
    fn dates_read_in_the_language() {
        let when = When::Before(date("2026-11-26"));
        assert_eq!(when_text(when, Lang::En), "Before 26 November 2026");
        assert_eq!(
            when_text(When::From(date("2026-09-01")), Lang::Fr),
            "À partir du 1er septembre 2026"
        );
    }
}
