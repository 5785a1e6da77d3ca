//! Finding people in a text: named people ("Sam Jones", "Mrs Ahmed"), family members by
//! relationship ("Mum", "step-dad", "Nan"), the child, and roles with no name ("a
//! counsellor", "someone from school"). Used by `unnamed-owner`, `hidden-actor` and
//! `owner-churn`.
//!
//! A name is recognised by its capital letter: a capitalised word that is not a common word,
//! a role, an agency, a month or a day. Capitalised words that name an organisation ("the
//! New Way service", "St Mary's Primary School", "from Barnardo's") are not people. Text
//! typed all in lower case needs a first and a last name ("sam jones") to count.

use std::collections::HashSet;

use crate::text::BuildWordHasher;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use crate::rules::word_regex::WordRegex;

use super::facts::{child_name_words, has_match, pattern};
use crate::plan::Plan;

/// What kind of person a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonKind {
    /// A person by name: "Sam Jones", "Mrs Ahmed", "Jane".
    Named,
    /// A family member by relationship: "Mum", "step-dad", "Nan", "parents".
    Family,
    /// The child the plan is for.
    Child,
}

/// A person found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: PersonKind,
    /// Byte range of the name or relationship word(s).
    pub span: Range<usize>,
}

/// A word of the text and what precedes it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    span: (usize, usize),
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    let mut characters = text.char_indices().peekable();
    while let Some((index, character)) = characters.next() {
        let joins = matches!(character, '\'' | '’' | '-')
            && start.is_some()
            && characters
                .peek()
                .is_some_and(|(_, next)| next.is_alphanumeric());
        if character.is_alphanumeric() || joins {
            if start.is_none() {
                start = Some(index);
            }
        } else if let Some(begin) = start.take() {
            words.push(Word {
                text: &text[begin..index],
                span: (begin, index),
            });
        }
    }
    if let Some(begin) = start {
        words.push(Word {
            text: &text[begin..],
            span: (begin, text.len()),
        });
    }
    words
}

/// The word lower-cased, without a possessive "'s".
fn base(word: &str) -> Cow<'_, str> {
    // Most words are already lower-case ASCII: read every word of every field, they are
    // borrowed rather than copied.
    let lower = if word
        .bytes()
        .any(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    for suffix in ["'s", "’s", "s'", "s’"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            let stem = if suffix.starts_with('s') {
                format!("{stem}s")
            } else {
                stem.to_owned()
            };
            return Cow::Owned(stem);
        }
    }
    lower
}

#[rustfmt::skip]
const FAMILY: &[&str] = &[
    "mum", "mummy", "mam", "mom", "mother", "dad", "daddy", "father", "stepdad", "step-dad",
    "stepfather", "step-father", "stepmum", "step-mum", "stepmother", "step-mother", "parent",
    "parents", "nan", "nana", "nanna", "nanny", "gran", "granny", "grandma", "grandmother",
    "grandad", "granddad", "grandpa", "grandfather", "grandparent", "grandparents", "aunt",
    "auntie", "aunty", "uncle", "brother", "sister", "stepbrother", "step-brother",
    "stepsister", "step-sister", "half-brother", "half-sister", "cousin", "partner",
    "boyfriend", "girlfriend", "husband", "wife", "carers", "guardian",
];

/// Capitalised words that are not names: function words, roles, agencies, calendar words.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    // function words and pronouns
    "a", "an", "the", "and", "or", "of", "for", "to", "with", "by", "from", "at", "in", "on",
    "into", "via", "as", "if", "when", "who", "whom", "which", "that", "this", "these", "those",
    "all", "any", "each", "every", "some", "one", "two", "three", "both", "either", "other",
    "others", "another", "he", "she", "they", "them", "his", "her", "their", "we", "us", "our",
    "you", "your", "i", "me", "my", "it", "its", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "be", "is", "are", "was", "were", "not", "no", "yes",
    "also", "then", "than", "plus", "including", "etc", "eg", "ie", "please", "see", "note",
    "n", "na", "nb",
    // vague people
    "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "whoever", "nobody",
    "people", "person", "member", "members", "staff", "team", "teams", "group", "network",
    "relevant", "appropriate", "various", "multi-agency", "multiagency",
    // roles
    "social", "worker", "workers", "sw", "swer", "lead", "professional", "professionals",
    "practitioner", "practitioners", "key", "keyworker", "allocated", "named", "designated",
    "safeguarding", "senior", "assistant", "deputy", "head", "headteacher", "teacher",
    "teachers", "class", "tutor", "mentor", "learning", "mentors", "counsellor", "counselor",
    "counsellors", "counselling", "therapist", "therapists", "therapy", "play", "family",
    "families", "support", "intervention", "specialist", "specialists", "health", "visitor",
    "visitors", "nurse", "nurses", "midwife", "doctor", "doctors", "dr", "gp", "paediatrician",
    "paediatric", "psychologist", "psychiatrist", "clinician", "consultant", "officer",
    "officers", "police", "pc", "manager", "managers", "coordinator", "co-ordinator", "advisor",
    "adviser", "advocate", "volunteer", "volunteers", "youth", "early", "help", "children",
    "child", "young", "adult", "adults", "mental", "substance", "misuse", "alcohol", "drug",
    "drugs", "domestic", "abuse", "violence", "housing", "education", "welfare", "attendance",
    "pastoral", "inclusion", "sen", "send", "senco", "dsl", "chair", "reviewing", "independent",
    "iro", "worker's", "practice", "primary", "secondary", "infant", "junior", "nursery",
    "pre-school", "preschool", "college", "academy", "school", "schools", "university",
    "service", "services", "agency", "agencies", "organisation", "organisations", "provider",
    "providers", "project", "programme", "program", "centre", "center", "centres", "hub",
    "trust", "council", "authority", "department", "unit", "clinic", "surgery", "hospital",
    "ward", "nhs", "local", "community", "district", "county", "city", "borough", "partnership",
    "foundation", "charity", "aid", "women's", "womens", "action", "barnardo's", "barnardo", "barnardos", "women",
    "nspcc", "relate", "kooth", "home-start", "homestart", "catch22", "place2be", "st", "saint",
    "new", "way", "individual", "work", "sessions", "session", "appointments", "meeting",
    "meetings", "review", "conference", "core", "strategy", "plan", "tbc", "tba", "tbd",
    "confirmed", "not", "known", "unknown", "n/a", "none", "nil",
    // verbs and nouns that start a "By whom" line
    "attend", "attending", "keep", "complete", "arrange", "arranged", "refer", "referral",
    "make", "visit", "visits", "contact", "provide", "offer", "deliver", "ensure", "liaise",
    "monitor", "check", "speak", "talk", "meet", "take", "go", "bring", "share", "write", "ask",
    "agree", "explain", "do", "done", "joint", "jointly", "together", "alongside",
    "responsible", "responsibility", "overseen", "oversight", "led", "supported",
    // calendar words
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "christmas", "easter", "weekly", "fortnightly", "monthly",
    // titles (a title makes the next word a name, see `TITLES`)
    "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame",
];

/// Whether a lower-cased word is a family relationship ([`FAMILY`]); a set, since every
/// word of every field is looked up.
fn is_family(word_base: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, BuildWordHasher>> = OnceLock::new();
    SET.get_or_init(|| FAMILY.iter().copied().collect())
        .contains(word_base)
}

/// Whether a lower-cased word is one of [`NOT_NAMES`].
fn is_not_a_name(word_base: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, BuildWordHasher>> = OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
        .contains(word_base)
}

const TITLES: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"];

/// Words that, capitalised or not, make the capitalised words around them an organisation.
#[rustfmt::skip]
const ORGANISATION: &[&str] = &[
    "service", "services", "team", "project", "programme", "centre", "center", "trust",
    "council", "school", "academy", "college", "nursery", "primary", "secondary", "surgery",
    "practice", "clinic", "hospital", "unit", "partnership", "foundation", "charity", "aid",
    "hub", "agency", "department", "group", "university",
];

fn is_capitalised(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // An acronym ("GP", "CAMHS", "TBC") is not a name: two letters or more, all capitals.
    let mut letters = 0;
    for letter in word.chars().filter(|c| c.is_alphabetic()) {
        if !letter.is_uppercase() {
            return true;
        }
        letters += 1;
    }
    letters < 2
}

fn is_lower_case_text(text: &str) -> bool {
    !text.chars().any(char::is_uppercase)
}

/// Every person a text names, in order.
pub fn mentions(text: &str, plan: &Plan) -> Vec<Mention> {
    let words = words(text);
    let child_words = child_name_words(plan);
    let lower_case_text = is_lower_case_text(text);
    let mut found = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = words[index];
        let word_base = base(word.text);
        if is_possessive_of_a_role(&words, index) {
            // "Tommy's teacher", "Mum's GP": the role is who acts, and it has no name.
            index += 1;
            continue;
        }
        if child_words.iter().any(|child| *child == *word_base) {
            found.push(Mention {
                kind: PersonKind::Child,
                span: word.span.0..word.span.1,
            });
            index += 1;
            continue;
        }
        if is_family(&word_base) {
            found.push(Mention {
                kind: PersonKind::Family,
                span: word.span.0..word.span.1,
            });
            index += 1;
            continue;
        }
        if lower_case_text {
            // "sam jones": two unknown words in a row.
            let is_unknown = |word: &Word<'_>| {
                let word_base = base(word.text);
                !is_not_a_name(&word_base)
                    && !is_family(&word_base)
                    && word.text.chars().all(char::is_alphabetic)
            };
            if let Some(next) = words.get(index + 1) {
                if is_unknown(&word) && is_unknown(next) && only_space_between(text, &word, next) {
                    found.push(Mention {
                        kind: PersonKind::Named,
                        span: word.span.0..next.span.1,
                    });
                    index += 2;
                    continue;
                }
            }
            index += 1;
            continue;
        }
        if !is_capitalised(word.text) {
            index += 1;
            continue;
        }
        // A run of capitalised words separated only by spaces (or an initial's full stop).
        let mut end = index + 1;
        while let Some(next) = words.get(end) {
            let previous = words[end - 1];
            let joined = only_space_between(text, &previous, next)
                || (previous.text.chars().count() == 1
                    && text
                        .get(previous.span.1..next.span.0)
                        .is_some_and(|gap| gap.trim() == "."));
            if joined && is_capitalised(next.text) {
                end += 1;
            } else {
                break;
            }
        }
        let run = &words[index..end];
        if let Some(mention) = name_in_run(text, &words, index, run) {
            found.push(mention);
        }
        index = end;
    }
    found
}

/// Whether `words[index]` is a possessive ("Tommy's") followed by a role that is not a
/// family member and not a name ("teacher", "school", "GP").
fn is_possessive_of_a_role(words: &[Word<'_>], index: usize) -> bool {
    let word = words[index].text;
    let possessive = ["'s", "’s"].iter().any(|suffix| word.ends_with(suffix));
    let Some(next) = words.get(index + 1) else {
        return false;
    };
    if !possessive {
        return false;
    }
    let next_base = base(next.text);
    !is_family(&next_base) && (is_not_a_name(&next_base) || !is_capitalised(next.text))
}

fn only_space_between(text: &str, first: &Word<'_>, second: &Word<'_>) -> bool {
    text.get(first.span.1..second.span.0)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\t'))
}

/// The name in a run of capitalised words, unless the run is an organisation or has only
/// common words.
fn name_in_run(
    text: &str,
    words: &[Word<'_>],
    run_start: usize,
    run: &[Word<'_>],
) -> Option<Mention> {
    let first = run.first()?;
    let last = run.last()?;
    let bases: Vec<Cow<'_, str>> = run.iter().map(|word| base(word.text)).collect();
    let titled = TITLES.contains(&bases[0].as_ref()) && run.len() >= 2;
    if !titled {
        if bases
            .iter()
            .any(|word| ORGANISATION.contains(&word.as_ref()))
        {
            return None;
        }
        let next = words.get(run_start + run.len());
        if next.is_some_and(|next| {
            ORGANISATION.contains(&base(next.text).as_ref()) && only_space_between(text, last, next)
        }) {
            return None;
        }
    }
    let unknown: Vec<&Word<'_>> = run
        .iter()
        .zip(&bases)
        .filter(|(_, word_base)| !is_not_a_name(word_base))
        .map(|(word, _)| word)
        .collect();
    if unknown.is_empty() {
        return None;
    }
    if !titled && unknown.len() == 1 && run.len() == 1 && run_start > 0 {
        // "a worker from Westfield", "at Oakwood": a place or an agency, not a person.
        let previous = base(words[run_start - 1].text);
        if matches!(previous.as_ref(), "from" | "at" | "in") {
            return None;
        }
    }
    Some(Mention {
        kind: PersonKind::Named,
        span: first.span.0..last.span.1,
    })
}

/// Roles with no name: "a counsellor", "an allocated worker", "someone from school". A role
/// that describes a name just before it ("Sam Jones, a Specialist Family Intervention
/// worker") is not counted.
pub fn unnamed_roles(text: &str, people: &[Mention]) -> Vec<Range<usize>> {
    static ROLE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
        pattern(
            r"(?i)\b(?:(?:a|an|any|one|some)\s+(?:[\w'’-]+\s+){0,3}?(?:counsell?ors?|workers?|therapists?|nurses?|practitioners?|professionals?|mentors?|volunteers?|teachers?|officers?|visitors?|advis[eo]rs?|clinicians?|psychologists?|psychiatrists?|doctors?|gps?|member\s+of\s+(?:staff|the\s+team)|staff\s+members?|advocates?|co-?ordinators?|facilitators?|specialists?|consultants?|paediatricians?|midwi(?:fe|ves)|tutors?|coach(?:es)?)\b|(?:someone|somebody|anyone|anybody)\b)",
        )
    });
    let Some(regex) = ROLE.as_ref() else {
        return Vec::new();
    };
    regex
        .find_all(text)
        .into_iter()
        .map(|found| found.range())
        .filter(|range| !describes_a_name(text, range, people))
        .collect()
}

fn describes_a_name(text: &str, role: &Range<usize>, people: &[Mention]) -> bool {
    people
        .iter()
        .filter(|person| person.span.end <= role.start)
        .any(|person| {
            text.get(person.span.end..role.start).is_some_and(|gap| {
                let gap = gap.trim();
                matches!(
                    gap,
                    "," | "(" | "-" | "–" | "—" | ":" | ", who is" | "who is" | "is"
                )
            })
        })
}

/// Whether the text names a person (by name, as a family member, or the child).
pub fn names_someone(text: &str, plan: &Plan) -> bool {
    !mentions(text, plan).is_empty()
}

/// The named (non-family) people of a text, as written, for comparing plan versions.
pub fn named_professionals(text: &str, plan: &Plan) -> Vec<String> {
    mentions(text, plan)
        .into_iter()
        .filter(|mention| mention.kind == PersonKind::Named)
        .filter_map(|mention| text.get(mention.span))
        .map(|name| name.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Whether `rest` (the words after a passive verb) begins "by" someone: "by Sam Jones", "by
/// Mum", "by the school nurse", but not "by 1 December".
pub fn begins_with_by_someone(rest: &str, plan: &Plan) -> bool {
    let rest = rest.trim_start();
    let Some(after_by) = rest
        .get(..3)
        .filter(|by| by.eq_ignore_ascii_case("by "))
        .and_then(|_| rest.get(3..))
    else {
        return false;
    };
    let after_by = after_by.trim_start();
    mentions(after_by, plan)
        .first()
        .is_some_and(|person| person.span.start == 0)
        || has_match(ROLE_AFTER_BY.as_ref(), after_by)
}

static ROLE_AFTER_BY: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)^(?:the|a|an|her|his|their|our)\s+(?:[\w'’-]+\s+){0,2}?(?:worker|nurse|teacher|visitor|counsell?or|therapist|practitioner|officer|gp|doctor|manager|social\s+worker|school|service|team)\b",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    fn tommy() -> Plan {
        let mut plan = Plan::new_blank();
        plan.child.name = "Tommy".to_owned();
        plan
    }

    fn kinds(text: &str) -> Vec<(PersonKind, String)> {
        mentions(text, &tommy())
            .into_iter()
            .map(|mention| (mention.kind, text[mention.span].to_owned()))
            .collect()
    }

    #[test]
    fn full_names_with_role_and_agency_are_named() {
        assert_eq!(
            kinds("Sam Jones, Specialist Family Intervention worker"),
            [(PersonKind::Named, "Sam Jones".to_owned())]
        );
        assert_eq!(
            kinds("Mum and step-dad to keep appointments with Pete Brown and Jane Smith at the New Way service"),
            [
                (PersonKind::Family, "Mum".to_owned()),
                (PersonKind::Family, "step-dad".to_owned()),
                (PersonKind::Named, "Pete Brown".to_owned()),
                (PersonKind::Named, "Jane Smith".to_owned()),
            ]
        );
    }

    #[test]
    fn titles_make_names() {
        assert_eq!(
            kinds("Mrs Ahmed, class teacher"),
            [(PersonKind::Named, "Mrs Ahmed".to_owned())]
        );
        assert_eq!(
            kinds("Dr Patel (GP)"),
            [(PersonKind::Named, "Dr Patel".to_owned())]
        );
    }

    #[test]
    fn the_child_and_family_by_relationship_count() {
        assert_eq!(kinds("Tommy"), [(PersonKind::Child, "Tommy".to_owned())]);
        assert_eq!(kinds("Nan"), [(PersonKind::Family, "Nan".to_owned())]);
        assert_eq!(
            kinds("Mum's partner"),
            [
                (PersonKind::Family, "Mum's".to_owned()),
                (PersonKind::Family, "partner".to_owned())
            ]
        );
    }

    #[test]
    fn a_role_of_the_child_or_a_parent_is_not_a_person() {
        assert!(kinds("Tommy's teacher").is_empty());
        assert!(kinds("Mum's GP").is_empty());
        assert_eq!(
            kinds("Tommy's aunt, Kelly Evans"),
            [
                (PersonKind::Child, "Tommy's".to_owned()),
                (PersonKind::Family, "aunt".to_owned()),
                (PersonKind::Named, "Kelly Evans".to_owned())
            ]
        );
    }

    #[test]
    fn roles_agencies_and_organisations_are_not_names() {
        for text in [
            "A counsellor",
            "Professionals",
            "All agencies",
            "School",
            "Services",
            "TBC",
            "Allocated social worker",
            "Health visitor",
            "CAMHS",
            "A worker from Barnardo's",
            "St Mary's Primary School",
            "The New Way service",
            "Designated Safeguarding Lead",
            "Everyone in the core group",
            "someone from the school",
        ] {
            assert!(kinds(text).is_empty(), "{text:?}: {:?}", kinds(text));
        }
    }

    #[test]
    fn lower_case_names_need_first_and_last() {
        assert_eq!(
            kinds("sam jones"),
            [(PersonKind::Named, "sam jones".to_owned())]
        );
        assert!(kinds("a counsellor from camhs").is_empty());
    }

    #[test]
    fn indefinite_roles_are_found_unless_they_describe_a_name() {
        let text = "Mum, with a worker from New Way";
        let people = mentions(text, &tommy());
        let roles: Vec<&str> = unnamed_roles(text, &people)
            .into_iter()
            .map(|range| &text[range])
            .collect();
        assert_eq!(roles, ["a worker"]);
        let text = "Sam Jones, a Specialist Family Intervention worker";
        let people = mentions(text, &tommy());
        assert!(unnamed_roles(text, &people).is_empty());
    }

    #[test]
    fn by_someone_after_a_verb() {
        let plan = tommy();
        assert!(begins_with_by_someone(" by Sam Jones", &plan));
        assert!(begins_with_by_someone(" by the school nurse", &plan));
        assert!(begins_with_by_someone(" by Mum", &plan));
        assert!(!begins_with_by_someone(" by 1 December", &plan));
        assert!(!begins_with_by_someone(" to CAMHS by Sam", &plan));
    }
}
