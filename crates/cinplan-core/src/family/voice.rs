//! Turning a plan's sentences, written about the child, into sentences written to the
//! child: "Tommy will be able to say that he feels safe" becomes "You will be able to say
//! that you feel safe"; "Mum and step-dad" becomes "Your mum and step-dad".
//!
//! The rewriting is deliberately cautious, because a wrong "you" changes the meaning of a
//! plan: the child's name always becomes "you" ("your" when possessive); a pronoun becomes
//! "you" only when the child is the last person it could refer to; family members named by
//! relationship become "your mum", "your step-dad". Words in quotation marks are someone's
//! own words and are left as they are. A verb right after a new "you" agrees with it
//! ("you feel", "you are", "and aren't worried").
//!
//! The child's pronoun comes from the plan's `child.pronouns` (an unknown field every tool
//! keeps: "he", "she", "they"), or else from how the plan itself refers to the child; when
//! neither says, pronouns are left as written.

use crate::check::fields;
use crate::plan::Plan;

/// How the plan refers to the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
}

/// Gender of a word naming a person, for deciding what "he" or "she" refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
    /// More than one person: "parents", "Mum and Dad" are counted word by word.
    Plural,
}

/// Family members named by relationship, with their gender.
const RELATIONS: &[(&str, Gender)] = &[
    ("mum", Gender::Female),
    ("mummy", Gender::Female),
    ("mam", Gender::Female),
    ("mom", Gender::Female),
    ("mother", Gender::Female),
    ("step-mum", Gender::Female),
    ("stepmum", Gender::Female),
    ("stepmother", Gender::Female),
    ("nan", Gender::Female),
    ("nana", Gender::Female),
    ("nanna", Gender::Female),
    ("gran", Gender::Female),
    ("grandma", Gender::Female),
    ("granny", Gender::Female),
    ("grandmother", Gender::Female),
    ("auntie", Gender::Female),
    ("aunty", Gender::Female),
    ("aunt", Gender::Female),
    ("sister", Gender::Female),
    ("dad", Gender::Male),
    ("daddy", Gender::Male),
    ("father", Gender::Male),
    ("step-dad", Gender::Male),
    ("stepdad", Gender::Male),
    ("stepfather", Gender::Male),
    ("grandad", Gender::Male),
    ("granddad", Gender::Male),
    ("grandpa", Gender::Male),
    ("grandfather", Gender::Male),
    ("uncle", Gender::Male),
    ("brother", Gender::Male),
    ("parents", Gender::Plural),
    ("brothers", Gender::Plural),
    ("sisters", Gender::Plural),
    ("grandparents", Gender::Plural),
];

/// Titles that begin a name, with the gender they tell.
const TITLES: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mrs", Gender::Female),
    ("ms", Gender::Female),
    ("miss", Gender::Female),
    ("dr", Gender::Unknown),
    ("pc", Gender::Unknown),
];

/// Capitalised words that are not people.
const NOT_PEOPLE: &[&str] = &[
    "i",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "christmas",
    "easter",
    "english",
    "maths",
    "nhs",
    "you",
    "your",
];

/// Words before a relationship that already say whose it is.
const DETERMINERS: &[&str] = &[
    "my", "your", "his", "her", "their", "our", "its", "the", "a", "an", "this", "these", "those",
    "each", "every", "no", "any", "whose",
];

/// Words before the child's name that make it the subject of what follows.
const SUBJECT_LEADS: &[&str] = &[
    "that", "when", "if", "because", "and", "so", "until", "while", "as", "where", "but",
    "although", "whether", "then", "once", "unless", "or",
];

/// Words between a subject and its verb that do not change the verb.
const ADVERBS: &[&str] = &[
    "always",
    "often",
    "sometimes",
    "never",
    "usually",
    "still",
    "now",
    "also",
    "really",
    "only",
    "just",
    "rarely",
    "already",
    "even",
    "then",
    "regularly",
    "generally",
    "mostly",
];

/// After "her", these words make it an object ("help her to"), not a possessive.
const AFTER_OBJECT_HER: &[&str] = &[
    "to",
    "and",
    "or",
    "with",
    "about",
    "at",
    "on",
    "in",
    "that",
    "what",
    "how",
    "when",
    "if",
    "feel",
    "know",
    "be",
    "get",
    "go",
    "make",
    "understand",
    "by",
    "for",
    "from",
    "into",
    "out",
    "up",
    "back",
    "home",
    "safe",
    "every",
    "each",
    "once",
    "twice",
    "again",
    "so",
    "because",
    "before",
    "after",
    "until",
    "while",
    "as",
    "is",
    "was",
    "will",
    "would",
];

/// Third-person verbs that change after "you".
const VERBS: &[&str] = &[
    "achieves",
    "agrees",
    "appears",
    "arrives",
    "asks",
    "attends",
    "becomes",
    "behaves",
    "believes",
    "brushes",
    "calls",
    "carries",
    "chooses",
    "comes",
    "completes",
    "continues",
    "cooks",
    "copes",
    "cries",
    "decides",
    "describes",
    "develops",
    "dresses",
    "eats",
    "enjoys",
    "expects",
    "explains",
    "feels",
    "finds",
    "follows",
    "gains",
    "gets",
    "gives",
    "goes",
    "grows",
    "hates",
    "hears",
    "helps",
    "hides",
    "hopes",
    "identifies",
    "improves",
    "joins",
    "keeps",
    "knows",
    "learns",
    "leaves",
    "likes",
    "lives",
    "looks",
    "loves",
    "makes",
    "manages",
    "means",
    "misses",
    "needs",
    "phones",
    "plays",
    "reaches",
    "reads",
    "receives",
    "remembers",
    "returns",
    "runs",
    "says",
    "seems",
    "sees",
    "settles",
    "shares",
    "shows",
    "sleeps",
    "sounds",
    "speaks",
    "spends",
    "starts",
    "stays",
    "stops",
    "takes",
    "talks",
    "tells",
    "texts",
    "thinks",
    "tries",
    "understands",
    "uses",
    "visits",
    "wakes",
    "walks",
    "wants",
    "washes",
    "wishes",
    "worries",
    "writes",
];

/// Participles after "he's" that make it "he has" ("he's been"), not "he is".
const HAS_PARTICIPLES: &[&str] = &[
    "been", "got", "had", "done", "seen", "made", "said", "told", "gone", "learnt", "taken",
];

/// The child's name as words, lower case: the full name's words, first name first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildNames {
    words: Vec<String>,
}

impl ChildNames {
    pub fn of(plan: &Plan) -> ChildNames {
        ChildNames {
            words: plan
                .child
                .name
                .split_whitespace()
                .map(|word| word.to_lowercase())
                .collect(),
        }
    }

    /// The child's first name as written, if the plan gives one.
    pub fn first(plan: &Plan) -> Option<&str> {
        plan.child.name.split_whitespace().next()
    }
}

/// The child's pronoun: `child.pronouns` when the plan gives it, or else the pronoun the
/// plan's own text uses most after the child's name, when it clearly does.
pub fn child_pronoun(plan: &Plan) -> Option<Pronoun> {
    if let Some(stated) = plan
        .child
        .extra
        .get("pronouns")
        .and_then(|value| value.as_str())
    {
        let stated = stated.trim().to_lowercase();
        for (prefix, pronoun) in [
            ("they", Pronoun::They),
            ("she", Pronoun::She),
            ("he", Pronoun::He),
        ] {
            if stated.starts_with(prefix) {
                return Some(pronoun);
            }
        }
    }
    let names = ChildNames::of(plan);
    if names.words.is_empty() {
        return None;
    }
    let (mut male, mut female) = (0usize, 0usize);
    for field in fields(plan) {
        let words = tokenise(field.text);
        let mut after_child = false;
        for word in &words {
            let lower = word.text.to_lowercase();
            if names.words.first() == Some(&base(&lower)) {
                after_child = true;
                continue;
            }
            if !after_child {
                continue;
            }
            match lower.as_str() {
                "he" | "him" | "his" | "himself" | "he's" | "he’s" => {
                    male += 1;
                    after_child = false;
                }
                "she" | "her" | "hers" | "herself" | "she's" | "she’s" => {
                    female += 1;
                    after_child = false;
                }
                _ if person_gender(&words, word).is_some() => after_child = false,
                _ => {}
            }
        }
    }
    match (male, female) {
        (0, 0) => None,
        (male, female) if male > female => Some(Pronoun::He),
        (male, female) if female > male => Some(Pronoun::She),
        _ => None,
    }
}

/// A word of a text and where it is.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// The first word of a sentence.
    sentence_start: bool,
    /// Inside quotation marks.
    quoted: bool,
    index: usize,
}

/// Words are letters and digits, joined by an apostrophe or a hyphen between two of them
/// ("isn't", "step-dad", "Tommy’s").
fn tokenise(text: &str) -> Vec<Word<'_>> {
    let characters: Vec<(usize, char)> = text.char_indices().collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut sentence_start = true;
    let mut quote: Option<char> = None;
    for (position, &(index, character)) in characters.iter().enumerate() {
        let next = characters.get(position + 1).map(|(_, next)| *next);
        let previous = position
            .checked_sub(1)
            .and_then(|before| characters.get(before))
            .map(|(_, previous)| *previous);
        let joins = matches!(character, '\'' | '’' | '-')
            && start.is_some()
            && next.is_some_and(char::is_alphanumeric);
        if character.is_alphanumeric() || joins {
            if start.is_none() {
                start = Some(index);
            }
            continue;
        }
        if let Some(begin) = start.take() {
            words.push(Word {
                text: text.get(begin..index).unwrap_or(""),
                start: begin,
                end: index,
                sentence_start,
                quoted: quote.is_some(),
                index: words.len(),
            });
            sentence_start = false;
        }
        match character {
            '.' | '!' | '?' | '\n' | ';' => sentence_start = true,
            ':' if quote.is_none() => sentence_start = true,
            _ => {}
        }
        quote = match (quote, character) {
            (None, '"' | '“') => Some('”'),
            (Some('”'), '"' | '”') => None,
            (None, '‘') => Some('’'),
            (None, '\'') if previous.is_none_or(|p| !p.is_alphanumeric()) => Some('\''),
            (Some('’'), '’') | (Some('\''), '\'') => None,
            (current, _) => current,
        };
    }
    if let Some(begin) = start {
        words.push(Word {
            text: text.get(begin..).unwrap_or(""),
            start: begin,
            end: text.len(),
            sentence_start,
            quoted: quote.is_some(),
            index: words.len(),
        });
    }
    words
}

/// A word without a possessive "'s".
fn base(lower: &str) -> String {
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower)
        .to_owned()
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

fn is_capitalised(word: &str) -> bool {
    let mut characters = word.chars();
    let first_upper = characters.next().is_some_and(char::is_uppercase);
    // Acronyms ("NHS", "CAMHS") are services, not people.
    first_upper
        && !word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

fn relation_gender(lower: &str) -> Option<Gender> {
    let lower = base(lower);
    RELATIONS
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|(_, gender)| *gender)
}

/// Whether `word` names a person other than by relationship (a capitalised name or a
/// title), and the gender it tells.
fn person_gender(words: &[Word<'_>], word: &Word<'_>) -> Option<Gender> {
    let lower = base(&word.text.to_lowercase());
    if let Some(gender) = relation_gender(&lower) {
        return Some(gender);
    }
    if let Some((_, gender)) = TITLES.iter().find(|(title, _)| *title == lower) {
        return Some(*gender);
    }
    if word.sentence_start || !is_capitalised(word.text) || NOT_PEOPLE.contains(&lower.as_str()) {
        return None;
    }
    let previous = word.index.checked_sub(1).and_then(|index| words.get(index));
    match previous {
        // "the New Way service", "at Hilltop School": organisations.
        Some(previous)
            if matches!(
                previous.text.to_lowercase().as_str(),
                "the" | "at" | "from" | "to"
            ) =>
        {
            None
        }
        // The second word of a name already counted with the first ("Sam Jones").
        Some(previous) if is_capitalised(previous.text) && !previous.sentence_start => None,
        _ => Some(Gender::Unknown),
    }
}

/// Whether a mention of this gender can be what a pronoun of the child's kind refers to.
fn competes(pronoun: Pronoun, gender: Gender) -> bool {
    match pronoun {
        Pronoun::He => matches!(gender, Gender::Male | Gender::Unknown),
        Pronoun::She => matches!(gender, Gender::Female | Gender::Unknown),
        Pronoun::They => true,
    }
}

/// The form of a third-person verb after "you": "feels" → "feel", "is" → "are".
fn agree(verb: &str) -> Option<String> {
    let lower = verb.to_lowercase();
    let agreed = match lower.as_str() {
        "is" => "are".to_owned(),
        "was" => "were".to_owned(),
        "has" => "have".to_owned(),
        "does" => "do".to_owned(),
        "isn't" | "isn’t" => "aren't".to_owned(),
        "wasn't" | "wasn’t" => "weren't".to_owned(),
        "hasn't" | "hasn’t" => "haven't".to_owned(),
        "doesn't" | "doesn’t" => "don't".to_owned(),
        other if VERBS.contains(&other) => {
            if let Some(stem) = other.strip_suffix("ies") {
                format!("{stem}y")
            } else if ["sses", "shes", "ches", "xes", "zes", "oes"]
                .iter()
                .any(|ending| other.ends_with(ending))
            {
                other.get(..other.len() - 2).unwrap_or(other).to_owned()
            } else {
                other.get(..other.len() - 1).unwrap_or(other).to_owned()
            }
        }
        _ => return None,
    };
    Some(agreed)
}

/// The form after "you" of a word right after a subject, which is almost always its verb
/// ("he smiles" → "you smile"), when it looks like a third-person verb: lower case, ending
/// in a single "s".
fn agree_unknown_verb(word: &str) -> Option<String> {
    let plain = word.chars().all(|c| c.is_ascii_lowercase());
    let third_person = word.len() > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "ous"]
            .iter()
            .any(|ending| word.ends_with(ending));
    if !(plain && third_person) {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if ["sses", "shes", "ches", "xes", "zes", "oes"]
        .iter()
        .any(|ending| word.ends_with(ending))
    {
        return word.get(..word.len() - 2).map(str::to_owned);
    }
    word.get(..word.len() - 1).map(str::to_owned)
}

/// Keeps a capital on the first letter if the original word had one.
fn like_case(original: &str, replacement: &str) -> String {
    if original.chars().next().is_some_and(char::is_uppercase) {
        super::words::capitalise(replacement)
    } else {
        replacement.to_owned()
    }
}

/// A person named in the text so far, for deciding what a pronoun refers to.
#[derive(Debug, Clone, Copy)]
struct Mention {
    child: bool,
    /// The subject of its clause.
    subject: bool,
    clause: usize,
}

/// Who a pronoun of the child's kind refers to: the most recent person it could be, with
/// two refinements. An object pronoun ("him") is never the subject of its own clause ("his
/// step-dad takes him"). And while the child is the subject of the sentence, someone named
/// as an object does not take over ("Kieran will show Aisha where he goes").
fn refers_to_child(
    mentions: &[Mention],
    object: bool,
    clause: usize,
    child_is_sentence_subject: bool,
) -> bool {
    let mut clause_subject_skipped = false;
    for mention in mentions.iter().rev() {
        if object && !clause_subject_skipped && mention.subject && mention.clause == clause {
            clause_subject_skipped = true;
            continue;
        }
        if !mention.child && !mention.subject && child_is_sentence_subject {
            continue;
        }
        return mention.child;
    }
    false
}

/// Words that start a new clause.
const CLAUSE_WORDS: &[&str] = &["who", "which", "where", "what", "how", "why", "whichever"];

/// Words before a name that make it an object ("for Tommy"), whatever follows.
const PREPOSITIONS: &[&str] = &[
    "for", "to", "with", "about", "of", "from", "by", "at", "on", "in", "after", "before", "like",
    "than", "between", "without", "towards", "around",
];

/// Words after a name that make it a subject ("Tommy will").
const MODALS: &[&str] = &[
    "will", "would", "can", "could", "should", "may", "might", "must", "shall", "said", "had",
    "did", "was", "were", "has", "is", "does", "won't", "can't", "isn't", "wasn't", "hasn't",
    "doesn't",
];

/// Whether the person named by words `first..=last` is the subject of what follows.
fn in_subject_position(words: &[Word<'_>], first: usize, last: usize) -> bool {
    let Some(first_word) = words.get(first) else {
        return false;
    };
    let previous = first
        .checked_sub(1)
        .and_then(|before| words.get(before))
        .map(|before| before.text.to_lowercase());
    if first_word.sentence_start {
        return true;
    }
    if let Some(previous) = previous.as_deref() {
        if SUBJECT_LEADS.contains(&previous) || CLAUSE_WORDS.contains(&previous) {
            return true;
        }
        if PREPOSITIONS.contains(&previous) {
            return false;
        }
    }
    words.get(last + 1).is_some_and(|next| {
        let next = next.text.to_lowercase();
        MODALS.contains(&next.as_str()) || VERBS.contains(&next.as_str())
    })
}

/// Rewrites a text about the child as a text to the child. See the module documentation.
pub fn to_second_person(text: &str, names: &ChildNames, pronoun: Option<Pronoun>) -> String {
    let words = tokenise(text);
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut clause = 0usize;
    // Whether the first subject of the current sentence is the child.
    let mut sentence_subject: Option<bool> = None;
    // A "you" that is the subject of the sentence, for the verbs that follow.
    let mut agree_next = false;
    let mut sentence_has_you = false;
    // Whether the last family member named was the child's own ("your mum and step-dad").
    let mut last_relation_by_child = false;
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let lower = word.text.to_lowercase();
        if word.sentence_start {
            sentence_has_you = false;
            sentence_subject = None;
            clause += 1;
        }
        let previous_lower = index
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .map(|before| before.text.to_lowercase());
        if previous_lower.as_deref().is_some_and(|previous| {
            SUBJECT_LEADS.contains(&previous) || CLAUSE_WORDS.contains(&previous)
        }) {
            clause += 1;
        }
        if word.quoted {
            agree_next = false;
            index += 1;
            continue;
        }

        // Verb agreement after a subject "you", skipping adverbs.
        if agree_next {
            if ADVERBS.contains(&lower.as_str()) {
                index += 1;
                continue;
            }
            agree_next = false;
            if let Some(agreed) = agree(word.text).or_else(|| agree_unknown_verb(word.text)) {
                replacements.push((word.start, word.end, like_case(word.text, &agreed)));
                index += 1;
                continue;
            }
        }
        // "… you feel safe and isn't worried": the second verb shares the subject.
        if sentence_has_you && matches!(previous_lower.as_deref(), Some("and" | "but" | "or")) {
            if let Some(agreed) = agree(word.text) {
                replacements.push((word.start, word.end, like_case(word.text, &agreed)));
                index += 1;
                continue;
            }
        }

        // The child's name, first name or the whole name.
        if names.words.first() == Some(&base(&lower)) {
            let mut last = index;
            for (offset, name_word) in names.words.iter().enumerate().skip(1) {
                match words.get(index + offset) {
                    Some(next) if base(&next.text.to_lowercase()) == *name_word => {
                        last = index + offset;
                    }
                    _ => break,
                }
            }
            let last_word = &words[last];
            let possessive = is_possessive(last_word.text);
            let subject = !possessive && in_subject_position(&words, index, last);
            let replacement = if possessive { "your" } else { "you" };
            let replacement = if word.sentence_start {
                super::words::capitalise(replacement)
            } else {
                replacement.to_owned()
            };
            replacements.push((word.start, last_word.end, replacement));
            mentions.push(Mention {
                child: true,
                subject,
                clause,
            });
            if subject {
                sentence_subject.get_or_insert(true);
                agree_next = true;
                sentence_has_you = true;
            }
            index = last + 1;
            continue;
        }

        // Pronouns that may refer to the child.
        if let Some(pronoun) = pronoun {
            if let Some((replacement, is_subject, is_object)) =
                pronoun_replacement(pronoun, &lower, words.get(index + 1))
            {
                let child_subject = sentence_subject == Some(true);
                if refers_to_child(&mentions, is_object, clause, child_subject) {
                    replacements.push((word.start, word.end, like_case(word.text, replacement)));
                    mentions.push(Mention {
                        child: true,
                        subject: is_subject,
                        clause,
                    });
                    if is_subject {
                        sentence_subject.get_or_insert(true);
                        agree_next = !replacement.contains('\'');
                        sentence_has_you = true;
                    }
                } else {
                    mentions.push(Mention {
                        child: false,
                        subject: is_subject,
                        clause,
                    });
                    if is_subject {
                        sentence_subject.get_or_insert(false);
                    }
                }
                index += 1;
                continue;
            }
        }

        // Family members by relationship: "Mum" → "your mum".
        if let Some(gender) = relation_gender(&lower) {
            let gap_before = index
                .checked_sub(1)
                .and_then(|before| words.get(before))
                .and_then(|before| text.get(before.end..word.start))
                .unwrap_or("");
            let previous_is_relation = index
                .checked_sub(1)
                .and_then(|before| words.get(before))
                .is_some_and(|before| relation_gender(&before.text.to_lowercase()).is_some());
            let two_before_is_relation = index
                .checked_sub(2)
                .and_then(|before| words.get(before))
                .is_some_and(|before| relation_gender(&before.text.to_lowercase()).is_some());
            // "Mum and step-dad", "Mum, Dad and Nan": one "your" for the list.
            let in_list = (matches!(previous_lower.as_deref(), Some("and" | "or"))
                && two_before_is_relation)
                || (previous_is_relation && gap_before.trim() == ",");
            let already_owned = previous_lower
                .as_deref()
                .is_some_and(|previous| DETERMINERS.contains(&previous) || is_possessive(previous))
                || gap_before.starts_with(['\'', '’']);
            let owned_by_child = if in_list {
                // "your mum and Dad" reads as "your mum and dad".
                if last_relation_by_child && word.text != lower {
                    replacements.push((word.start, word.end, lower.clone()));
                }
                last_relation_by_child
            } else if already_owned {
                index
                    .checked_sub(1)
                    .and_then(|before| words.get(before))
                    .is_some_and(|before| {
                        replacements.last().is_some_and(|(_, end, text)| {
                            *end == before.end && text.eq_ignore_ascii_case("your")
                        })
                    })
            } else {
                let owned = if word.sentence_start {
                    format!("Your {lower}")
                } else {
                    format!("your {lower}")
                };
                replacements.push((word.start, word.end, owned));
                true
            };
            last_relation_by_child = owned_by_child;
            if let Some(pronoun) = pronoun {
                if competes(pronoun, gender) {
                    let subject = in_subject_position(&words, index, index);
                    mentions.push(Mention {
                        child: false,
                        subject,
                        clause,
                    });
                    if subject {
                        sentence_subject.get_or_insert(false);
                    }
                }
            }
            index += 1;
            continue;
        }

        // Anyone else named.
        if let Some(gender) = person_gender(&words, word) {
            // A name runs over its capitalised words: "Mrs Khan", "Sam Jones".
            let mut last = index;
            while words.get(last + 1).is_some_and(|next| {
                is_capitalised(next.text)
                    && !next.sentence_start
                    && text.get(words[last].end..next.start) == Some(" ")
            }) {
                last += 1;
            }
            let subject = in_subject_position(&words, index, last);
            if pronoun.is_some_and(|pronoun| competes(pronoun, gender)) {
                mentions.push(Mention {
                    child: false,
                    subject,
                    clause,
                });
            }
            if subject {
                sentence_subject.get_or_insert(false);
            }
            index = last + 1;
            continue;
        }
        index += 1;
    }
    apply(text, replacements)
}

/// The replacement of a pronoun of the child's kind: the words, whether it is a subject
/// (so the verb after it agrees), and whether it is an object ("him").
fn pronoun_replacement(
    pronoun: Pronoun,
    lower: &str,
    next: Option<&Word<'_>>,
) -> Option<(&'static str, bool, bool)> {
    let next_lower = next.map(|next| next.text.to_lowercase());
    let contraction = |has: bool| if has { "you've" } else { "you're" };
    let has_participle = next_lower.as_deref().is_some_and(|next| {
        HAS_PARTICIPLES.contains(&next) || (next.ends_with("ed") && next.len() > 3)
    });
    match (pronoun, lower) {
        (Pronoun::He, "he") | (Pronoun::She, "she") | (Pronoun::They, "they") => {
            Some(("you", true, false))
        }
        (Pronoun::He, "he's" | "he’s") | (Pronoun::She, "she's" | "she’s") => {
            Some((contraction(has_participle), true, false))
        }
        (Pronoun::They, "they're" | "they’re") => Some(("you're", true, false)),
        (Pronoun::They, "they've" | "they’ve") => Some(("you've", true, false)),
        (Pronoun::He, "he'll" | "he’ll")
        | (Pronoun::She, "she'll" | "she’ll")
        | (Pronoun::They, "they'll" | "they’ll") => Some(("you'll", true, false)),
        (Pronoun::He, "he'd" | "he’d")
        | (Pronoun::She, "she'd" | "she’d")
        | (Pronoun::They, "they'd" | "they’d") => Some(("you'd", true, false)),
        (Pronoun::He, "him") | (Pronoun::They, "them") => Some(("you", false, true)),
        (Pronoun::He, "his") | (Pronoun::They, "their") => Some(("your", false, false)),
        (Pronoun::She, "hers") | (Pronoun::They, "theirs") => Some(("yours", false, false)),
        (Pronoun::He, "himself")
        | (Pronoun::She, "herself")
        | (Pronoun::They, "themselves" | "themself") => Some(("yourself", false, true)),
        (Pronoun::She, "her") => {
            let object = match (&next_lower, next) {
                (None, _) => true,
                (Some(next_lower), Some(_)) => AFTER_OBJECT_HER.contains(&next_lower.as_str()),
                (Some(_), None) => true,
            };
            Some(if object {
                ("you", false, true)
            } else {
                ("your", false, false)
            })
        }
        _ => None,
    }
}

/// Applies non-overlapping replacements, in order.
fn apply(text: &str, mut replacements: Vec<(usize, usize, String)>) -> String {
    replacements.sort_by_key(|(start, _, _)| *start);
    let mut out = String::with_capacity(text.len() + 16);
    let mut position = 0;
    for (start, end, replacement) in replacements {
        if start < position {
            continue;
        }
        out.push_str(text.get(position..start).unwrap_or(""));
        out.push_str(&replacement);
        position = end;
    }
    out.push_str(text.get(position..).unwrap_or(""));
    out
}

/// Capitalised words that make a run of capitalised words an organisation or a job title,
/// not a person: "Specialist Family Intervention worker", "Hilltop Primary School".
const NOT_NAME_WORDS: &[&str] = &[
    "academy",
    "action",
    "agency",
    "aid",
    "alcohol",
    "authority",
    "board",
    "borough",
    "care",
    "centre",
    "center",
    "charity",
    "children",
    "children's",
    "church",
    "city",
    "clinic",
    "club",
    "college",
    "council",
    "county",
    "department",
    "domestic",
    "drug",
    "early",
    "education",
    "family",
    "football",
    "foundation",
    "group",
    "health",
    "help",
    "high",
    "home",
    "homes",
    "hospital",
    "housing",
    "hub",
    "intervention",
    "junior",
    "library",
    "local",
    "manager",
    "mental",
    "nhs",
    "nurse",
    "nursery",
    "officer",
    "panel",
    "parenting",
    "partnership",
    "police",
    "practice",
    "practitioner",
    "primary",
    "programme",
    "project",
    "recovery",
    "road",
    "school",
    "secondary",
    "service",
    "services",
    "social",
    "specialist",
    "street",
    "support",
    "surgery",
    "team",
    "trust",
    "unit",
    "visitor",
    "welfare",
    "women's",
    "worker",
    "youth",
];

/// The people a text names (not the child, not family members by relationship), as
/// written: "Sam Jones", "Mrs Ahmed". A name is two or more capitalised words, or a title
/// and a capitalised word; capitalised words after "the", "at", "from" or "to", or with a
/// word of an organisation or a job title, are not a name.
pub fn named_people(text: &str, names: &ChildNames) -> Vec<String> {
    let words = tokenise(text);
    let mut people: Vec<String> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        if !is_capitalised(word.text) {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while let Some(next) = words.get(end) {
            let gap = text.get(words[end - 1].end..next.start).unwrap_or("");
            let initial = words[end - 1].text.chars().count() == 1 && gap == ". ";
            if is_capitalised(next.text) && (gap == " " || initial) {
                end += 1;
            } else {
                break;
            }
        }
        let run = &words[index..end];
        index = end;
        let lower: Vec<String> = run
            .iter()
            .map(|word| base(&word.text.to_lowercase()))
            .collect();
        let preceded_by_organisation_word = run
            .first()
            .and_then(|first| first.index.checked_sub(1))
            .and_then(|before| words.get(before))
            .is_some_and(|before| {
                matches!(
                    before.text.to_lowercase().as_str(),
                    "the" | "at" | "from" | "to"
                )
            });
        // A title counts as a word of the name ("Mrs Ahmed"); a lone capitalised word may
        // be a place or a service as easily as a first name, so it is not counted.
        let is_name = run.len() >= 2
            && !preceded_by_organisation_word
            && !lower.iter().any(|word| {
                NOT_NAME_WORDS.contains(&word.as_str())
                    || NOT_PEOPLE.contains(&word.as_str())
                    || relation_gender(word).is_some()
                    || names.words.contains(word)
            });
        if !is_name || names_family_member(text, run) {
            continue;
        }
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        // A police rank in capitals is part of the name: "PC Amy Lister".
        let rank = first
            .index
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .filter(|before| {
                matches!(before.text, "PC" | "DC" | "DS" | "PCSO")
                    && text.get(before.end..first.start) == Some(" ")
            });
        let start = rank.map_or(first.start, |rank| rank.start);
        let name = text
            .get(start..last.end)
            .unwrap_or("")
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_owned();
        if !people.contains(&name) {
            people.push(name);
        }
    }
    people
}

/// Whether a name is a family member's, given in brackets with their relationship: "Mum
/// (Sophie Doyle)", "Pat Marsh (Lily's nan)", "Dean Ryder (Mum's partner)".
fn names_family_member(text: &str, run: &[Word<'_>]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    let before = text.get(..first.start).unwrap_or("").trim_end();
    let relation_before = before.strip_suffix('(').is_some_and(|outside| {
        tokenise(outside)
            .last()
            .is_some_and(|word| relation_gender(&word.text.to_lowercase()).is_some())
    });
    let after = text.get(last.end..).unwrap_or("").trim_start();
    let relation_after = after.strip_prefix('(').is_some_and(|inside| {
        let inside = inside.split(')').next().unwrap_or("");
        tokenise(inside).iter().any(|word| {
            let lower = base(&word.text.to_lowercase());
            relation_gender(&lower).is_some() || lower == "partner"
        })
    });
    relation_before || relation_after
}

/// The family members a text names by relationship, lower case, once each, in order:
/// "mum", "step-dad".
pub fn relations(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in tokenise(text) {
        if word.quoted {
            continue;
        }
        let lower = base(&word.text.to_lowercase());
        if relation_gender(&lower).is_some() && !found.contains(&lower) {
            found.push(lower);
        }
    }
    found
}

/// The sentences of a text, trimmed, without empty ones.
pub fn sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current = String::new();
    let characters: Vec<char> = text.chars().collect();
    for (position, character) in characters.iter().enumerate() {
        if *character == '\n' {
            push_sentence(&mut sentences, &mut current);
            continue;
        }
        current.push(*character);
        if matches!(character, '.' | '!' | '?') {
            let next = characters.get(position + 1);
            if next.is_none_or(|next| next.is_whitespace()) {
                push_sentence(&mut sentences, &mut current);
            }
        }
    }
    push_sentence(&mut sentences, &mut current);
    sentences
}

fn push_sentence(sentences: &mut Vec<String>, current: &mut String) {
    let sentence = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().any(char::is_alphanumeric) {
        sentences.push(sentence);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tommy() -> ChildNames {
        ChildNames {
            words: vec!["tommy".to_owned()],
        }
    }

    #[track_caller]
    fn second(text: &str, pronoun: Option<Pronoun>, expected: &str) {
        assert_eq!(
            to_second_person(text, &tommy(), pronoun),
            expected,
            "from {text:?}"
        );
    }

    #[test]
    fn the_guidance_outcome_speaks_to_tommy() {
        second(
            "Tommy will be able to say that he feels safe at home now and isn't worried about \
             his mum being hurt.",
            Some(Pronoun::He),
            "You will be able to say that you feel safe at home now and aren't worried about \
             your mum being hurt.",
        );
        second(
            "Tommy needs to be able to talk about the violence he has seen and express his \
             wishes and feelings about life at home.",
            Some(Pronoun::He),
            "You need to be able to talk about the violence you have seen and express your \
             wishes and feelings about life at home.",
        );
    }

    #[test]
    fn family_members_become_yours() {
        second(
            "Mum and step-dad both learn coping strategies.",
            Some(Pronoun::He),
            "Your mum and step-dad both learn coping strategies.",
        );
        second(
            "There will be no more arguments between Mum and step-dad, and Tommy will feel \
             safer.",
            Some(Pronoun::He),
            "There will be no more arguments between your mum and step-dad, and you will feel \
             safer.",
        );
        second(
            "Tommy's mum will call Sam.",
            None,
            "Your mum will call Sam.",
        );
        second("Tommy’s nan", None, "Your nan");
        second("both Mum and Dad", None, "both your mum and dad");
    }

    #[test]
    fn object_pronouns_follow_the_child_past_their_own_family() {
        second(
            "Tommy said he wants the shouting to stop and he likes it when his step-dad takes \
             him to football.",
            Some(Pronoun::He),
            "You said you want the shouting to stop and you like it when your step-dad takes \
             you to football.",
        );
        second(
            "Tommy is scared when Dad shouts at him.",
            Some(Pronoun::He),
            "You are scared when your dad shouts at you.",
        );
    }

    #[test]
    fn pronouns_of_someone_else_are_left_alone() {
        second(
            "Tommy's dad says he will cut down his drinking and Sam will remind him.",
            Some(Pronoun::He),
            "Your dad says he will cut down his drinking and Sam will remind him.",
        );
        second(
            "Mum will take Tommy to the dentist and she will tell Sam.",
            Some(Pronoun::He),
            "Your mum will take you to the dentist and she will tell Sam.",
        );
        second(
            "Mr Brown will be able to explain how his drinking affects Tommy.",
            Some(Pronoun::He),
            "Mr Brown will be able to explain how his drinking affects you.",
        );
    }

    #[test]
    fn someone_named_as_an_object_does_not_take_over_from_the_child() {
        let kieran = ChildNames {
            words: vec!["kieran".to_owned()],
        };
        assert_eq!(
            to_second_person(
                "Kieran will be able to show Aisha where he goes and who he phones (his nan). \
                 Mrs Okoro will tell the review how many times he has fallen asleep.",
                &kieran,
                Some(Pronoun::He)
            ),
            "You will be able to show Aisha where you go and who you phone (your nan). \
             Mrs Okoro will tell the review how many times you have fallen asleep."
        );
        let lily = ChildNames {
            words: vec!["lily".to_owned()],
        };
        assert_eq!(
            to_second_person(
                "Lily will be able to tell Gemma that Dad was awake and talking with her on \
                 every evening she was at home with him.",
                &lily,
                Some(Pronoun::She)
            ),
            "You will be able to tell Gemma that your dad was awake and talking with you on \
             every evening you were at home with him."
        );
    }

    #[test]
    fn a_name_before_its_verb_is_a_subject_wherever_it_stands() {
        let tyler = ChildNames {
            words: vec!["tyler".to_owned()],
        };
        let to_tyler = |text| to_second_person(text, &tyler, Some(Pronoun::He));
        assert_eq!(
            to_tyler("After each time Tyler is missing, whichever Tyler chooses."),
            "After each time you are missing, whichever you choose."
        );
        assert_eq!(
            to_tyler("any day Tyler is not in school"),
            "any day you are not in school"
        );
        assert_eq!(
            to_tyler("Tyler loves boxing but doesn't like school."),
            "You love boxing but don't like school."
        );
    }

    #[test]
    fn lists_and_other_peoples_family_keep_their_owners() {
        second(
            "Mum, Dad and Nan will meet Sam.",
            None,
            "Your mum, dad and nan will meet Sam.",
        );
        second(
            "Mr Hughes will tell the two boys' parents.",
            Some(Pronoun::He),
            "Mr Hughes will tell the two boys' parents.",
        );
        second(
            "Tommy will tell Sam that Dad shouted.",
            Some(Pronoun::He),
            "You will tell Sam that your dad shouted.",
        );
    }

    #[test]
    fn without_a_known_pronoun_only_names_and_family_change() {
        second(
            "Tommy will say he feels safe.",
            None,
            "You will say he feels safe.",
        );
    }

    #[test]
    fn she_and_her_as_object_or_possessive() {
        let amira = ChildNames {
            words: vec!["amira".to_owned()],
        };
        assert_eq!(
            to_second_person(
                "Amira will tell her teacher when she feels worried, and Mrs Khan will help her to plan.",
                &amira,
                Some(Pronoun::She)
            ),
            "You will tell your teacher when you feel worried, and Mrs Khan will help you to plan."
        );
        assert_eq!(
            to_second_person("Nan will help her.", &amira, Some(Pronoun::She)),
            "Your nan will help her."
        );
        assert_eq!(
            to_second_person(
                "Amira says her brother helps her.",
                &amira,
                Some(Pronoun::She)
            ),
            "You say your brother helps you."
        );
    }

    #[test]
    fn they_and_contractions() {
        let jo = ChildNames {
            words: vec!["jo".to_owned()],
        };
        assert_eq!(
            to_second_person(
                "Jo says they're happier and they've been to school every day.",
                &jo,
                Some(Pronoun::They)
            ),
            "You say you're happier and you've been to school every day."
        );
        second(
            "Tommy knows he's been brave and he's proud.",
            Some(Pronoun::He),
            "You know you've been brave and you're proud.",
        );
    }

    #[test]
    fn a_full_name_and_the_object_form() {
        let full = ChildNames {
            words: vec!["tommy".to_owned(), "price".to_owned()],
        };
        assert_eq!(
            to_second_person("Sam will see Tommy Price at school.", &full, None),
            "Sam will see you at school."
        );
        second(
            "The worry for Tommy is his sleep.",
            Some(Pronoun::He),
            "The worry for you is your sleep.",
        );
    }

    #[test]
    fn quoted_words_stay_as_said() {
        second(
            "Tommy said: \"I want Mum to be happy\" and he always smiles.",
            Some(Pronoun::He),
            "You said: \"I want Mum to be happy\" and you always smile.",
        );
    }

    #[test]
    fn pronoun_from_the_plan_or_its_text() {
        let mut plan =
            Plan::from_json(include_str!("../../tests/fixtures/tommy-good.json")).expect("fixture");
        assert_eq!(child_pronoun(&plan), Some(Pronoun::He));
        plan.child
            .extra
            .insert("pronouns".to_owned(), serde_json::json!("they/them"));
        assert_eq!(child_pronoun(&plan), Some(Pronoun::They));
        let blank = Plan::new_blank();
        assert_eq!(child_pronoun(&blank), None);
    }

    #[test]
    fn people_named_in_by_whom() {
        let names = tommy();
        assert_eq!(
            named_people(
                "Mum and step-dad to keep appointments with Pete Brown and Jane Smith at the New \
                 Way service",
                &names
            ),
            vec!["Pete Brown", "Jane Smith"]
        );
        assert_eq!(
            named_people(
                "Individual work by Sam Jones, Specialist Family Intervention worker",
                &names
            ),
            vec!["Sam Jones"]
        );
        assert_eq!(
            named_people(
                "Mrs Ahmed (class teacher) and Mrs Ahmed's assistant",
                &names
            ),
            vec!["Mrs Ahmed"]
        );
        assert_eq!(
            named_people("Hilltop Primary School and the Tommy Fund", &names),
            Vec::<String>::new()
        );
        assert_eq!(
            named_people(
                "Mum (Sophie Doyle), Pat Marsh (Lily's nan), Dean Ryder (Mum's partner) and \
                 Nadia Khan (adviser, Safer Homes)",
                &names
            ),
            vec!["Nadia Khan"]
        );
        assert_eq!(
            relations("Mum and step-dad, with Tommy's Nan; \"Dad\" said"),
            vec!["mum", "step-dad", "nan"]
        );
    }

    #[test]
    fn sentences_split_on_full_stops_and_lines() {
        assert_eq!(
            sentences("Tommy will learn. He will say so!\nNew line  here 3.5 times"),
            vec![
                "Tommy will learn.",
                "He will say so!",
                "New line here 3.5 times"
            ]
        );
        assert!(sentences(" . \n ").is_empty());
    }
}
