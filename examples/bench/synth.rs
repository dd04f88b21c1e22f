//! Deterministic generator of news-like articles for the benchmark.
//!
//! Why not repeat a real article: repeating one text N times gives the engine N copies of
//! the same cast and the same sentences, which hides costs that grow with the number of
//! distinct people (entity grouping, pronoun resolution). The generator writes a long
//! read the way a reporter does: a growing cast introduced with full name and role,
//! then called by surname or pronoun; direct quotes with the cue after, before or split;
//! multi-paragraph quotes; partial and scare quotes; reported speech without marks;
//! apostrophes; narrative paragraphs. All names are invented; nothing is copied.
//!
//! Same seed and size, same bytes: the Wasm harness (bench/wasm.mjs) reads the files the
//! native harness writes, so both measure identical input.

/// SplitMix64: tiny, fast, and good enough for picking words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FEMALE: &[&str] = &[
    "Anna", "Maria", "Sarah", "Elena", "Grace", "Nadia", "Laura", "Helen", "Priya", "Julia",
    "Rachel", "Sofia", "Karen", "Emily", "Fatima", "Ingrid",
];
const MALE: &[&str] = &[
    "David", "James", "Michael", "Peter", "Omar", "Daniel", "Thomas", "Samuel", "Victor", "Robert",
    "Andrew", "Marco", "Paul", "Kenji", "Henry", "Luis",
];
// Invented-sounding surnames, combined with first names so the cast can grow long.
const SURNAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Marsh",
    "Delgado",
    "Brannigan",
    "Whitcombe",
    "Ferreira",
    "Haldane",
    "Osei",
    "Kowalczyk",
    "Tremblay",
    "Ashworth",
    "Nakamura",
    "Pellegrini",
    "Varga",
    "Mbeki",
    "Holloway",
    "Castellanos",
    "Ruiz",
    "Eriksen",
    "Quigley",
    "Adeyemi",
    "Fairbairn",
    "Moreau",
    "Sandoval",
    "Thorne",
    "Yilmaz",
    "Gallagher",
    "Petrov",
    "Abernathy",
    "Chandra",
    "Dunmore",
];
const ROLES: &[&str] = &[
    "the mayor of Millbrook",
    "a spokeswoman for the city council",
    "the finance minister",
    "a professor of economics at Northgate University",
    "the chief executive of Riverside Energy",
    "a union organiser",
    "the head of the transit authority",
    "a senior adviser to the governor",
    "the opposition leader",
    "a local shop owner",
    "the police commissioner",
    "an analyst at Harbor Capital",
];
const TITLES: &[&str] = &["Mayor", "Senator", "Dr.", "Councillor", "Minister", "Judge"];
const ORGS: &[&str] = &[
    "the city council",
    "the transit authority",
    "Riverside Energy",
    "the health department",
    "Northgate University",
    "the ministry",
];
const SUBJECTS: &[&str] = &[
    "we",
    "the council",
    "this city",
    "our families",
    "the government",
    "nobody here",
    "the people of Millbrook",
    "the budget",
    "every driver",
    "the new plan",
];
const MODALS: &[&str] = &[
    "will",
    "cannot",
    "must",
    "should not",
    "have to",
    "are going to",
    "never wanted to",
];
const VERBS: &[&str] = &[
    "fund", "rebuild", "delay", "protect", "cut", "review", "explain", "close", "open", "support",
    "oppose", "finish",
];
const OBJECTS: &[&str] = &[
    "the river bridge",
    "the night buses",
    "three schools",
    "the hospital wing",
    "the housing project",
    "the tax rebate",
    "the water plant",
    "the old library",
    "the port expansion",
    "the bike lanes",
];
const TAILS: &[&str] = &[
    "before the winter",
    "this year",
    "without more money",
    "by next spring",
    "in every district",
    "and everyone knows it",
    "on time",
    "for the first time since 2009",
    "unless the state helps",
    "at any price",
];
const SAY_AFTER: &[&str] = &[
    "said",
    "added",
    "told reporters",
    "said on Monday",
    "warned",
    "insisted",
];
const SAY_BEFORE: &[&str] = &[
    "said",
    "told the Courier",
    "wrote on Tuesday",
    "argued",
    "added",
];
const REPORT_VERBS: &[&str] = &[
    "said",
    "argued",
    "claimed",
    "warned",
    "told lawmakers",
    "insisted",
];
const SCARE: &[&str] = &[
    "fair share",
    "temporary measure",
    "streamlining",
    "common sense",
    "reform",
];
const NARRATIVE: &[&str] = &[
    "The vote is expected on Thursday after months of delay",
    "Construction costs have risen by 14 percent since March",
    "More than 2,000 residents signed a petition last week",
    "The plan’s first phase was approved in 2021",
    "Officials did not respond to requests for comment on Friday",
    "Ridership fell sharply during the pandemic and has not fully recovered",
    "The state’s auditor is reviewing the contracts",
    "Critics say the timeline is unrealistic",
];

struct Person {
    first: &'static str,
    last: &'static str,
    female: bool,
    role: &'static str,
    title: Option<&'static str>,
}

/// State of a running article: who has been introduced and who was mentioned last, so a
/// pronoun always has a plausible antecedent.
struct Writer {
    rng: Rng,
    cast: Vec<Person>,
    introduced: Vec<bool>,
    last_speaker: Option<usize>,
    out: String,
}

impl Writer {
    fn clause(&mut self) -> String {
        let s = self.rng.pick(SUBJECTS);
        let s = capitalize(s);
        format!(
            "{} {} {} {} {}",
            s,
            self.rng.pick(MODALS),
            self.rng.pick(VERBS),
            self.rng.pick(OBJECTS),
            self.rng.pick(TAILS)
        )
    }

    /// A quotation of one to three sentences, without the closing punctuation of the last.
    fn quote(&mut self) -> String {
        let n = 1 + self.rng.below(3);
        let mut q = String::new();
        for i in 0..n {
            if i > 0 {
                q.push_str(if self.rng.chance(20) { "! " } else { ". " });
            }
            q.push_str(&self.clause());
            if self.rng.chance(15) {
                q.push_str(", and we don’t apologise for that");
            }
        }
        q
    }

    /// Who speaks next: mostly someone recent (a story follows a few people), sometimes a
    /// new person (the cast grows with the length, as in a long read).
    fn speaker(&mut self) -> usize {
        let introduced: Vec<usize> = (0..self.cast.len())
            .filter(|&i| self.introduced[i])
            .collect();
        if introduced.is_empty() || (self.rng.chance(8) && introduced.len() < self.cast.len()) {
            let fresh = (0..self.cast.len())
                .find(|&i| !self.introduced[i])
                .unwrap_or(0);
            return fresh;
        }
        if let Some(last) = self.last_speaker {
            if self.rng.chance(40) {
                return last;
            }
        }
        // Recent people are likelier: pick among the last 6 introduced.
        let recent = &introduced[introduced.len().saturating_sub(6)..];
        recent[self.rng.below(recent.len())]
    }

    /// How to name person `p` here: full introduction the first time, then surname,
    /// title + surname, or a pronoun when `p` was the last one mentioned.
    fn name(&mut self, p: usize, allow_pronoun: bool) -> (String, bool) {
        let person = &self.cast[p];
        if !self.introduced[p] {
            self.introduced[p] = true;
            let full = match person.title {
                Some(t) => format!("{t} {} {}", person.first, person.last),
                None => format!("{} {}", person.first, person.last),
            };
            return (format!("{full}, {},", person.role), true);
        }
        if allow_pronoun && self.last_speaker == Some(p) && self.rng.chance(50) {
            return (
                (if person.female { "she" } else { "he" }).to_string(),
                false,
            );
        }
        match person.title {
            Some(t) if self.rng.chance(30) => (format!("{t} {}", person.last), false),
            _ => (person.last.to_string(), false),
        }
    }

    fn paragraph(&mut self) {
        let p = self.speaker();
        let kind = self.rng.below(100);
        let para = match kind {
            // “Quote,” Name said.
            0..=29 => {
                let q = self.quote();
                let (n, intro) = self.name(p, true);
                let verb = self.rng.pick(SAY_AFTER);
                if intro {
                    // “…,” said Anna Okafor, the mayor of Millbrook.
                    format!("“{q},” said {}.", n.trim_end_matches(','))
                } else {
                    format!("“{q},” {n} {verb}.")
                }
            }
            // Name said: “Quote.”
            30..=44 => {
                let (n, _) = self.name(p, true);
                let q = self.quote();
                format!("{} {}: “{q}.”", capitalize(&n), self.rng.pick(SAY_BEFORE))
            }
            // Split quote: “First part,” Name said, “second part.”
            45..=54 => {
                let (n, _) = self.name(p, true);
                let a = self.clause();
                let b = self.clause().to_lowercase();
                format!("“{a},” {n} said, “and {b}.”")
            }
            // Multi-paragraph quote: the first paragraph has no closing mark.
            55..=59 => {
                let (n, _) = self.name(p, false);
                let a = self.quote();
                let b = self.quote();
                format!(
                    "{} {}: “{a}.\n“{b}.”",
                    capitalize(&n),
                    self.rng.pick(SAY_BEFORE)
                )
            }
            // Reported speech, no marks.
            60..=71 => {
                let (n, _) = self.name(p, true);
                let c = self.clause().to_lowercase();
                if self.rng.chance(30) {
                    format!("According to {}, {c}.", n.trim_end_matches(','))
                } else {
                    format!(
                        "{} {} that {c}.",
                        capitalize(&n),
                        self.rng.pick(REPORT_VERBS)
                    )
                }
            }
            // Partial quote inside a narrative sentence.
            72..=79 => {
                let (n, _) = self.name(p, true);
                let obj = self.rng.pick(OBJECTS);
                let s = self.rng.pick(SCARE);
                format!(
                    "{} called {obj} “a {s} that nobody asked for” and left the meeting early.",
                    capitalize(&n)
                )
            }
            // Narrative with a scare quote or an organisation's statement.
            80..=89 => {
                let org = self.rng.pick(ORGS);
                let s = self.rng.pick(SCARE);
                let nar = self.rng.pick(NARRATIVE);
                format!("{nar}. In a statement, {org} described the change as a “{s}.” Its critics were not convinced.")
            }
            // Plain narrative, with straight quotes now and then (many sites use them).
            _ => {
                let a = self.rng.pick(NARRATIVE);
                let b = self.rng.pick(NARRATIVE);
                if self.rng.chance(30) {
                    let q = self.clause();
                    let last = self.cast[p].last;
                    self.introduced[p] = true;
                    format!("{a}. \"{q},\" {last} said. {b}.")
                } else {
                    format!("{a}. {b}.")
                }
            }
        };
        self.last_speaker = Some(p);
        self.out.push_str(&para);
        self.out.push('\n');
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A news-like article of about `target_bytes` bytes of UTF-8 (it stops at the first
/// paragraph boundary at or past the target), the same for the same `seed`.
pub fn article(target_bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    // A cast of every first name x surname pairing, shuffled: up to 1,024 people, of
    // whom a long read introduces a few hundred.
    let mut cast = Vec::new();
    for (i, last) in SURNAMES.iter().enumerate() {
        for j in 0..FEMALE.len() + MALE.len() {
            let female = j % 2 == 0;
            let first = if female { FEMALE[j / 2] } else { MALE[j / 2] };
            let role = ROLES[(i + j) % ROLES.len()];
            let title = if (i + j) % 3 == 0 {
                Some(TITLES[(i * 7 + j) % TITLES.len()])
            } else {
                None
            };
            cast.push(Person {
                first,
                last,
                female,
                role,
                title,
            });
        }
    }
    for i in (1..cast.len()).rev() {
        cast.swap(i, rng.below(i + 1));
    }
    let n = cast.len();
    let mut w = Writer {
        rng,
        cast,
        introduced: vec![false; n],
        last_speaker: None,
        out: String::with_capacity(target_bytes + 1024),
    };
    w.out
        .push_str("Millbrook council splits over the river bridge as costs climb\n");
    while w.out.len() < target_bytes {
        w.paragraph();
    }
    w.out
}
