//! The glossary of professional jargon a family will not know: acronyms such as CAMHS and
//! phrases such as "core group", each with what it stands for, what it means in words a
//! family understands, and plain words that can stand in its place.
//!
//! The `jargon` rule reads it; the editor's family view uses [`find`] to replace or
//! explain jargon in a plan. Acronyms match only in capitals ("SALT", never "salt"),
//! phrases in any case, both on word boundaries.

use std::ops::Range;
use std::sync::OnceLock;

use crate::rules::word_regex::WordRegex;
use serde::Serialize;

/// One term of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// The term as usually written: "CAMHS", "core group".
    pub term: &'static str,
    /// Other ways it is written ("CiN", "strategy meeting").
    pub variants: &'static [&'static str],
    /// An acronym matches only as written (capitals), with an optional plural "s".
    pub acronym: bool,
    /// What the letters stand for; empty for a phrase.
    pub expansion: &'static str,
    /// What it means, in words a family understands; fits in "TERM (meaning)".
    pub meaning: &'static str,
    /// Plain words that can stand in the term's place in a sentence; empty when no
    /// phrase fits every use.
    pub plain: &'static str,
}

const fn acronym(
    term: &'static str,
    variants: &'static [&'static str],
    expansion: &'static str,
    meaning: &'static str,
    plain: &'static str,
) -> GlossaryEntry {
    GlossaryEntry {
        term,
        variants,
        acronym: true,
        expansion,
        meaning,
        plain,
    }
}

const fn phrase(
    term: &'static str,
    variants: &'static [&'static str],
    meaning: &'static str,
    plain: &'static str,
) -> GlossaryEntry {
    GlossaryEntry {
        term,
        variants,
        acronym: false,
        expansion: "",
        meaning,
        plain,
    }
}

static ENTRIES: &[GlossaryEntry] = &[
    acronym(
        "C&F",
        &[],
        "Child and Family",
        "the social worker's assessment of what a child and their family need",
        "Child and Family",
    ),
    acronym(
        "CAF",
        &[],
        "Common Assessment Framework",
        "a shared form that schools and health staff fill in with a family to agree what help \
         they need",
        "",
    ),
    acronym(
        "CAMHS",
        &[],
        "Child and Adolescent Mental Health Services",
        "the NHS service that helps children and young people with their mental health",
        "the children's mental health service",
    ),
    acronym(
        "CCE",
        &[],
        "child criminal exploitation",
        "when a child is tricked or forced into crime, such as carrying drugs",
        "child criminal exploitation",
    ),
    acronym(
        "CIN",
        &["CiN"],
        "Child in Need",
        "a child the council has agreed needs extra help to be healthy, safe and to develop \
         well",
        "Child in Need",
    ),
    acronym(
        "CLA",
        &[],
        "Child Looked After",
        "a child in the care of the council",
        "child in care",
    ),
    acronym(
        "CP",
        &[],
        "Child Protection",
        "what the council and other services do when a child is at risk of serious harm",
        "child protection",
    ),
    acronym(
        "CPP",
        &[],
        "Child Protection Plan",
        "the written plan that says what everyone will do to keep a child safe from serious \
         harm",
        "child protection plan",
    ),
    acronym(
        "CSE",
        &[],
        "child sexual exploitation",
        "when a child is tricked or forced into sexual activity, often in return for something",
        "child sexual exploitation",
    ),
    acronym(
        "DA",
        &[],
        "domestic abuse",
        "when a partner or family member hurts, threatens or controls someone",
        "domestic abuse",
    ),
    acronym(
        "DSL",
        &[],
        "Designated Safeguarding Lead",
        "the member of school staff in charge of keeping children safe",
        "the teacher in charge of keeping children safe",
    ),
    acronym(
        "DV",
        &[],
        "domestic violence",
        "violence or threats between partners or family members at home",
        "domestic violence",
    ),
    acronym(
        "EHA",
        &[],
        "Early Help Assessment",
        "a form filled in with the family to find out early on what help they need",
        "early help assessment",
    ),
    acronym(
        "EHCP",
        &[],
        "Education, Health and Care Plan",
        "a legal document from the council that sets out the extra help a child with special \
         educational needs will get",
        "Education, Health and Care Plan",
    ),
    acronym(
        "EPO",
        &[],
        "Emergency Protection Order",
        "a court order that lets the council keep a child safe in an emergency for up to 8 \
         days",
        "emergency court order",
    ),
    acronym(
        "EWO",
        &[],
        "Education Welfare Officer",
        "the council officer who helps when a child is missing school",
        "school attendance officer",
    ),
    acronym(
        "FGC",
        &[],
        "Family Group Conference",
        "a meeting where the wider family makes its own plan to keep a child safe",
        "family group meeting",
    ),
    acronym(
        "FRCD",
        &[],
        "First Response Children's Duty",
        "the council team that first answers when someone is worried about a child",
        "the council's first response team",
    ),
    acronym(
        "HV",
        &[],
        "health visitor",
        "a nurse who visits families with babies and young children at home",
        "health visitor",
    ),
    acronym(
        "ICO",
        &[],
        "Interim Care Order",
        "a temporary court order that gives the council a say in a child's care while the \
         court decides",
        "temporary care order",
    ),
    acronym(
        "ICPC",
        &[],
        "Initial Child Protection Conference",
        "the first meeting of the family and professionals to decide whether a child needs a \
         child protection plan",
        "first child protection conference",
    ),
    acronym(
        "IDAS",
        &[],
        "Independent Domestic Abuse Services",
        "a charity that helps people affected by domestic abuse",
        "the domestic abuse charity",
    ),
    acronym(
        "IDVA",
        &[],
        "Independent Domestic Violence Adviser",
        "a specialist who helps and speaks up for people at high risk of domestic abuse",
        "domestic abuse adviser",
    ),
    acronym(
        "IRO",
        &[],
        "Independent Reviewing Officer",
        "an officer who chairs the reviews of a child in care and checks their plan is \
         followed",
        "independent reviewing officer",
    ),
    acronym("LA", &[], "local authority", "the council", "the council"),
    acronym(
        "LAC",
        &[],
        "Looked After Child",
        "a child in the care of the council",
        "child in care",
    ),
    acronym(
        "LADO",
        &[],
        "Local Authority Designated Officer",
        "the council officer who deals with worries about staff or volunteers who look after \
         children",
        "the council officer for worries about staff",
    ),
    acronym(
        "MARAC",
        &[],
        "Multi-Agency Risk Assessment Conference",
        "a meeting of police, health and other services about people at high risk of domestic \
         abuse",
        "domestic abuse risk meeting",
    ),
    acronym(
        "MASH",
        &[],
        "Multi-Agency Safeguarding Hub",
        "the team where the council, police and health share information when someone is \
         worried about a child",
        "the council's safeguarding team",
    ),
    acronym(
        "NFA",
        &[],
        "no further action",
        "nothing more will be done and the case is closed",
        "no further action",
    ),
    acronym(
        "PEP",
        &[],
        "Personal Education Plan",
        "the school plan for a child in care",
        "school plan",
    ),
    acronym(
        "PLO",
        &[],
        "Public Law Outline",
        "the formal steps the council must take before it can ask a court to decide about a \
         child's care",
        "the formal steps before court",
    ),
    acronym(
        "RCPC",
        &[],
        "Review Child Protection Conference",
        "a meeting to check how a child protection plan is going and whether it is still \
         needed",
        "child protection review meeting",
    ),
    acronym(
        "S17",
        &["s17", "S.17", "s.17"],
        "section 17 of the Children Act 1989",
        "the law that lets the council help a child in need and their family",
        "help for a child in need",
    ),
    acronym(
        "S20",
        &["s20", "S.20", "s.20"],
        "section 20 of the Children Act 1989",
        "when a child is cared for by the council with the parents' agreement",
        "care with the parents' agreement",
    ),
    acronym(
        "S47",
        &["s47", "S.47", "s.47"],
        "section 47 of the Children Act 1989",
        "the law that says the council must find out whether a child is at risk of serious \
         harm",
        "child protection enquiries",
    ),
    acronym(
        "SALT",
        &["SaLT"],
        "Speech and Language Therapy",
        "help from a therapist for a child who finds talking, understanding or swallowing \
         hard",
        "speech and language therapy",
    ),
    acronym(
        "SEN",
        &[],
        "special educational needs",
        "when a child finds learning harder than most children of the same age and needs \
         extra help at school",
        "special educational needs",
    ),
    acronym(
        "SENCO",
        &["SENCo"],
        "Special Educational Needs Co-ordinator",
        "the teacher who organises extra help at school for children with special \
         educational needs",
        "special needs teacher",
    ),
    acronym(
        "SEND",
        &[],
        "special educational needs and disabilities",
        "when a child has a disability or finds learning harder than most children of the \
         same age",
        "special educational needs and disabilities",
    ),
    acronym(
        "SP",
        &[],
        "senior practitioner",
        "an experienced social worker",
        "senior social worker",
    ),
    acronym(
        "SSWOP",
        &[],
        "Senior Social Work Oversight Practitioner",
        "an experienced social worker who checks how the plan is going and chairs some \
         meetings",
        "senior social worker",
    ),
    acronym(
        "SW",
        &[],
        "social worker",
        "the council worker responsible for the plan",
        "social worker",
    ),
    acronym(
        "TAF",
        &[],
        "Team Around the Family",
        "the family and the workers helping them, who meet to plan together",
        "family and workers meeting",
    ),
    acronym(
        "TM",
        &[],
        "team manager",
        "the manager of the social worker's team",
        "team manager",
    ),
    acronym(
        "YJS",
        &[],
        "Youth Justice Service",
        "the council team that helps young people who have got into trouble with the police",
        "youth justice team",
    ),
    acronym(
        "YOT",
        &[],
        "Youth Offending Team",
        "the council team that helps young people who have got into trouble with the police",
        "youth justice team",
    ),
    phrase(
        "core group",
        &["core groups"],
        "the family and the professionals who meet between conferences to carry out a child \
         protection plan",
        "the group of family and professionals who meet to carry out the plan",
    ),
    phrase(
        "direct work",
        &[],
        "time a worker spends with the child, using play, drawing or talking, to understand \
         their wishes and feelings",
        "one-to-one sessions",
    ),
    phrase(
        "significant harm",
        &[],
        "serious harm to a child's health or development, the legal test for child protection",
        "serious harm",
    ),
    phrase(
        "step down",
        &["step-down", "stepped down", "stepping down", "steps down"],
        "moving to a lower level of help, for example from a child protection plan to a Child \
         in Need plan",
        "",
    ),
    phrase(
        "step up",
        &["step-up", "stepped up", "stepping up", "steps up"],
        "moving to a higher level of help, for example from early help to a Child in Need plan",
        "",
    ),
    phrase(
        "strategy discussion",
        &[
            "strategy discussions",
            "strategy meeting",
            "strategy meetings",
        ],
        "a meeting of social care, police and health to decide whether a child may be at risk \
         of serious harm and what to do next",
        "a meeting of social care, police and health",
    ),
    phrase(
        "threshold",
        &["thresholds"],
        "the level of worry at which the council decides what kind of help or action is needed",
        "level of worry",
    ),
];

/// Every term of the glossary, in alphabetical order (acronyms first).
pub fn entries() -> &'static [GlossaryEntry] {
    ENTRIES
}

/// The entry a term belongs to, however it is written ("camhs", "CAMHS", "Strategy
/// meetings").
pub fn lookup(term: &str) -> Option<&'static GlossaryEntry> {
    let wanted = normalise(term);
    let singular = wanted.strip_suffix('s').unwrap_or(&wanted).to_owned();
    ENTRIES.iter().find(|entry| {
        std::iter::once(entry.term)
            .chain(entry.variants.iter().copied())
            .map(normalise)
            .any(|form| form == wanted || form == singular)
    })
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One use of a glossary term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JargonUse {
    /// Byte range of the term in the text.
    pub range: Range<usize>,
    pub entry: &'static GlossaryEntry,
    /// Whether the text explains it: its expansion is written out somewhere in the text,
    /// or one of its uses is followed by an explanation in brackets or after a dash
    /// ("CAMHS (the NHS mental health service for children)") or sits in brackets after
    /// one ("the children's mental health service (CAMHS)").
    pub explained: bool,
}

fn glossary_regex() -> Option<&'static WordRegex> {
    static REGEX: OnceLock<Option<WordRegex>> = OnceLock::new();
    REGEX
        .get_or_init(|| {
            let groups: Vec<String> = ENTRIES
                .iter()
                .map(|entry| {
                    let mut forms: Vec<&str> = std::iter::once(entry.term)
                        .chain(entry.variants.iter().copied())
                        .collect();
                    forms.sort_by_key(|form| std::cmp::Reverse(form.len()));
                    let forms: Vec<String> = forms
                        .into_iter()
                        .map(|form| regex::escape(form).replace(' ', r"\s+"))
                        .collect();
                    if entry.acronym {
                        format!("((?:{})s?)", forms.join("|"))
                    } else {
                        format!("((?i:{}))", forms.join("|"))
                    }
                })
                .collect();
            WordRegex::word_list(&groups, false)
        })
        .as_ref()
}

/// Every use of a glossary term in `text`, in order.
pub fn find(text: &str) -> Vec<JargonUse> {
    let Some(regex) = glossary_regex() else {
        return Vec::new();
    };
    let mut entry_indices = Vec::new();
    let mut uses: Vec<JargonUse> = regex
        .first_groups(text)
        .into_iter()
        .filter_map(|(index, range)| {
            let entry = ENTRIES.get(index)?;
            entry_indices.push(index);
            Some(JargonUse {
                range,
                entry,
                explained: false,
            })
        })
        .collect();
    // Whether each entry is explained is decided once per entry, not once per use: a long
    // pasted text can use the same term thousands of times.
    let mut explained_entry: Vec<Option<bool>> = vec![None; ENTRIES.len()];
    for (one, &index) in uses.iter().zip(&entry_indices) {
        if is_explained_in_place(text, &one.range) {
            if let Some(slot) = explained_entry.get_mut(index) {
                *slot = Some(true);
            }
        }
    }
    // Lower-cased only when an expansion has to be looked for: most texts use no term.
    let mut lowered: Option<String> = None;
    for (one, &index) in uses.iter_mut().zip(&entry_indices) {
        let Some(slot) = explained_entry.get_mut(index) else {
            continue;
        };
        one.explained = *slot.get_or_insert_with(|| {
            !one.entry.expansion.is_empty()
                && lowered
                    .get_or_insert_with(|| lowered_for_ascii_search(text))
                    .contains(&one.entry.expansion.to_lowercase())
        });
    }
    uses
}

/// `text` lower-cased for finding an ASCII phrase in it (every expansion is ASCII: a test
/// says so). Only its ASCII letters are lower-cased, which decodes no character, unless it
/// holds one of the two characters whose lower case holds an ASCII letter (the Kelvin
/// sign's "k", the dotted capital I's "i"; a test checks there are no others): a phrase
/// of ASCII letters is then found exactly where `to_lowercase` would find it.
fn lowered_for_ascii_search(text: &str) -> String {
    // Without `fast-text` (the editor) `to_lowercase` always, for size.
    if !cfg!(feature = "fast-text") || text.contains('\u{212A}') || text.contains('\u{0130}') {
        text.to_lowercase()
    } else {
        text.to_ascii_lowercase()
    }
}

/// The text as a family should read it: each unexplained term is replaced by its plain
/// words, or, where no plain words fit, explained in brackets the first time it is used.
/// Terms the text already explains are left as they are.
pub fn family_wording(text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut copied = 0;
    let mut explained: Vec<&'static str> = Vec::new();
    for one in find(text) {
        if one.explained {
            continue;
        }
        let (Some(before), Some(found)) = (
            text.get(copied..one.range.start),
            text.get(one.range.clone()),
        ) else {
            continue;
        };
        result.push_str(before);
        if !one.entry.plain.is_empty() {
            if crate::rules::word_list::starts_sentence(text, one.range.start) {
                let mut characters = one.entry.plain.chars();
                if let Some(first) = characters.next() {
                    result.extend(first.to_uppercase());
                    result.push_str(characters.as_str());
                }
            } else {
                result.push_str(one.entry.plain);
            }
        } else if explained.contains(&one.entry.term) {
            result.push_str(found);
        } else {
            explained.push(one.entry.term);
            result.push_str(&format!("{found} ({})", one.entry.meaning));
        }
        copied = one.range.end;
    }
    result.push_str(text.get(copied..).unwrap_or(""));
    result
}

fn is_explained_in_place(text: &str, range: &Range<usize>) -> bool {
    let after = text.get(range.end..).unwrap_or("").trim_start();
    let before = text.get(..range.start).unwrap_or("").trim_end();
    after.starts_with('(')
        || after.starts_with("- ")
        || after.starts_with('–')
        || after.starts_with('—')
        || after.starts_with(", meaning")
        || after.starts_with(", which means")
        || after.starts_with("means ")
        || before.ends_with('(')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_expansion_is_ascii() {
        for entry in ENTRIES {
            assert!(entry.expansion.is_ascii(), "{}", entry.expansion);
        }
    }

    #[test]
    fn only_two_characters_lower_case_to_something_with_ascii_in_it() {
        let found: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|character| character.to_lowercase().any(|lower| lower.is_ascii()))
            .collect();
        assert_eq!(found, vec!['\u{0130}', '\u{212A}']);
    }

    #[test]
    fn an_expansion_is_found_whatever_the_case_and_the_characters_around_it() {
        for text in [
            "CAMHS (CHILD AND ADOLESCENT MENTAL HEALTH SERVICES) – Zoë’s referral",
            "CAMHS (child and adolescent mental health services)",
            "CAMHS (Child and Adolescent Mental Health Services \u{212A})",
            "CAMHS (Chİld and adolescent mental health services)",
        ] {
            assert_eq!(
                lowered_for_ascii_search(text)
                    .contains("child and adolescent mental health services"),
                text.to_lowercase()
                    .contains("child and adolescent mental health services"),
                "{text}"
            );
        }
    }

    fn found(text: &str) -> Vec<(&str, bool)> {
        find(text)
            .into_iter()
            .map(|one| (text.get(one.range).unwrap_or(""), one.explained))
            .collect()
    }

    #[test]
    fn the_glossary_compiles() {
        assert!(
            glossary_regex().is_some_and(WordRegex::is_fast_on_any_text)
                || !cfg!(feature = "regex-perf-dfa")
        );
    }

    #[test]
    fn entries_are_in_order_and_every_form_is_unique() {
        let mut seen = std::collections::BTreeMap::new();
        for entry in entries() {
            for form in std::iter::once(entry.term).chain(entry.variants.iter().copied()) {
                let owner = seen.entry(normalise(form)).or_insert(entry.term);
                assert_eq!(*owner, entry.term, "{form} is listed under two terms");
            }
            assert!(!entry.meaning.is_empty(), "{} has no meaning", entry.term);
            assert!(
                !entry.acronym || !entry.expansion.is_empty(),
                "{} has no expansion",
                entry.term
            );
        }
        let terms: Vec<(bool, String)> = entries()
            .iter()
            .map(|entry| (!entry.acronym, entry.term.to_lowercase()))
            .collect();
        let mut sorted = terms.clone();
        sorted.sort();
        assert_eq!(terms, sorted);
    }

    #[test]
    fn every_form_is_found_as_its_own_entry() {
        for entry in entries() {
            for form in std::iter::once(entry.term).chain(entry.variants.iter().copied()) {
                let text = format!("Talk about {form} today.");
                let uses = find(&text);
                assert_eq!(uses.len(), 1, "{form}: {uses:?}");
                assert_eq!(uses[0].entry.term, entry.term, "{form}");
                assert_eq!(text.get(uses[0].range.clone()), Some(form));
            }
        }
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert_eq!(found("Referral to SALT."), vec![("SALT", false)]);
        assert!(found("Put salt on the chips and mash the potatoes.").is_empty());
        assert_eq!(
            found("Two EHCPs and a CIN plan."),
            vec![("EHCPs", false), ("CIN", false)]
        );
    }

    #[test]
    fn acronyms_inside_longer_words_are_not_found() {
        assert!(found("Mum is a CINEMA fan; SENDING the form; DAVE visits.").is_empty());
        assert_eq!(
            found("The SENCO and SEND team"),
            vec![("SENCO", false), ("SEND", false)]
        );
    }

    #[test]
    fn phrases_match_in_any_case_and_spacing() {
        assert_eq!(
            found("A Strategy  Meeting was held; the core group meets."),
            vec![("Strategy  Meeting", false), ("core group", false)]
        );
    }

    #[test]
    fn an_explanation_in_brackets_or_the_expansion_explains_every_use() {
        assert_eq!(
            found("CAMHS (the NHS mental health service for children) will see Tommy. CAMHS will write."),
            vec![("CAMHS", true), ("CAMHS", true)]
        );
        assert_eq!(
            found("Child and Adolescent Mental Health Services (CAMHS)"),
            vec![("CAMHS", true)]
        );
        assert_eq!(
            found("the council's mental health team (CAMHS)"),
            vec![("CAMHS", true)]
        );
        assert_eq!(found("Tommy goes to CAMHS."), vec![("CAMHS", false)]);
    }

    #[test]
    fn lookup_finds_any_spelling() {
        assert_eq!(lookup("camhs").map(|entry| entry.term), Some("CAMHS"));
        assert_eq!(
            lookup("Strategy meetings").map(|entry| entry.term),
            Some("strategy discussion")
        );
        assert_eq!(lookup("s.47").map(|entry| entry.term), Some("S47"));
        assert_eq!(lookup("EHCPs").map(|entry| entry.term), Some("EHCP"));
        assert_eq!(lookup("dog"), None);
    }

    #[test]
    fn the_family_wording_replaces_or_explains_each_term() {
        assert_eq!(
            family_wording("CAMHS will see Tommy. The CIN review is on 16 February."),
            "The children's mental health service will see Tommy. The Child in Need review is \
             on 16 February."
        );
        assert_eq!(
            family_wording("We may step down in March, and step down again in May."),
            "We may step down (moving to a lower level of help, for example from a child \
             protection plan to a Child in Need plan) in March, and step down again in May."
        );
        assert_eq!(
            family_wording("CAMHS (the NHS mental health service) will see Tommy."),
            "CAMHS (the NHS mental health service) will see Tommy."
        );
        assert_eq!(
            family_wording("Nothing to change 😀"),
            "Nothing to change 😀"
        );
    }

    #[test]
    fn find_never_panics_on_odd_text() {
        for text in ["", "(", "CIN(", "—CIN—", "😀CAMHS😀", "s.17", "C&F"] {
            let _ = find(text);
        }
        assert_eq!(found("C&F assessment"), vec![("C&F", false)]);
    }
}
