//! A broken dataset must be rejected with a message that names the record and the field.
//! Each test starts from a small valid file and breaks one thing.

use ice_matrix_datagen::{Problem, load};

const VALID: &str = r##"
version = "1.0.0"
updated = "2026-11-25"
title = "T"
question = "Q"

[widget]
since = 2018
row = "company"
rows = "companies"
row_heading = "Company"
rows_heading = "Companies"
caption = "C"
switch = "Tech only"
file_stem = "t"
summary = "Of {rows} since {since} ({events}), {strongest} had “{strongest_label}”. By each {row}'s latest: {latest}."

[widget.context]
title = "Why?"
lede = "L"

[[widget.context.stances]]
id = "why-kept"
heading = "Why kept"

[[widget.context.stances]]
id = "against"
heading = "Against"

[widget.movement]
title = "Movement"
lede = "L"

[[widget.confidence]]
id = "high"
note = ""

[[widget.confidence]]
id = "medium"
note = "Medium."

[[sectors]]
id = "big-tech"
label = "Big Tech"
tech = true

[[pressure_types]]
id = "employee-letter"
label = "Employee letter"
short = "Letter"
definition = "Staff sign a letter."
rule = "Staff only."

[[outcomes]]
id = "ties-cut"
label = "Ties cut"
short = "Cut"
glyph = "x"
color = "#0868ac"
rank = 1
definition = "Ended."
rule = "Only when ended."
unused = "Kept so the scale is complete."

[[outcomes]]
id = "no-change"
label = "No change"
short = "None"
glyph = "="
color = "#bdbdbd"
rank = 2
definition = "Kept."
rule = "Kept."

[[companies]]
id = "acme"
name = "Acme"
sector = "big-tech"

[[events]]
id = "acme-2019-letter"
company = "acme"
date = "2019-06-21"
pressure_types = ["employee-letter"]
outcome = "no-change"
summary = "Staff wrote a letter."
result = "Nothing changed."
confidence = "high"

[[events.sources]]
url = "https://example.org/a"
kind = "original"
publisher = "Example"
title = "A letter"
date = "2019-06-21"

[[events.evidence]]
field = "summary"
source = "https://example.org/a"
quote = "Staff wrote a letter to the board."

[[events.evidence]]
field = "result"
source = "https://example.org/a"
quote = "The board changed nothing, it said."

[[denylist]]
domain = "farm.example"
reason = "content farm"
"##;

fn problems(text: &str) -> Vec<Problem> {
    match load(text) {
        Ok(_) => panic!("the broken dataset was accepted"),
        Err(p) => p,
    }
}

/// Asserts exactly one problem, on this record and field, whose message contains `needle`.
fn rejects(text: String, record: &str, field: &str, needle: &str) {
    let p = problems(&text);
    assert_eq!(p.len(), 1, "expected one problem, got {p:#?}");
    assert_eq!(p[0].record, record);
    assert_eq!(p[0].field, field);
    assert!(p[0].message.contains(needle), "message {:?} lacks {needle:?}", p[0].message);
    let line = p[0].to_string();
    assert!(line.contains(record) && line.contains(field), "the printed line names record and field: {line}");
}

#[test]
fn the_fixture_is_valid_and_resolves_references() {
    let c = load(VALID).expect("valid");
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].outcome, 1, "no-change is rank 2, so index 1");
    assert_eq!(c.sources[0].id, "acme-2019-letter-s1");
}

#[test]
fn rejects_an_unknown_company() {
    rejects(
        VALID.replace("company = \"acme\"", "company = \"acne\""),
        "event \"acme-2019-letter\"",
        "company",
        "unknown company \"acne\"",
    );
}

#[test]
fn rejects_an_unknown_pressure_type_and_outcome() {
    rejects(
        VALID.replace("[\"employee-letter\"]", "[\"letter\"]"),
        "event \"acme-2019-letter\"",
        "pressure_types",
        "unknown pressure type",
    );
    rejects(
        VALID.replace("outcome = \"no-change\"", "outcome = \"cut\""),
        "event \"acme-2019-letter\"",
        "outcome",
        "unknown outcome \"cut\"",
    );
}

#[test]
fn rejects_an_unknown_sector() {
    rejects(
        VALID.replace("sector = \"big-tech\"", "sector = \"tech\""),
        "company \"acme\"",
        "sector",
        "unknown sector",
    );
}

#[test]
fn rejects_an_event_without_a_source() {
    let cut = VALID.find("[[events.sources]]").unwrap();
    rejects(VALID[..cut].to_string(), "event \"acme-2019-letter\"", "sources", "at least one source");
}

#[test]
fn rejects_a_link_that_is_not_http() {
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/a",
        "example.org/a",
        "https://",
        "https:///x",
        "https://exa mple.org",
    ] {
        rejects(
            VALID.replace("https://example.org/a", bad),
            "event \"acme-2019-letter\", source 1",
            "url",
            "not an http(s) link",
        );
    }
}

#[test]
fn rejects_bad_dates() {
    rejects(
        VALID.replace("date = \"2019-06-21\"\npressure", "date = \"2019-02-30\"\npressure"),
        "event \"acme-2019-letter\"",
        "date",
        "no day 30",
    );
    rejects(
        VALID.replace("date = \"2019-06-21\"\npressure", "date = \"21/06/2019\"\npressure"),
        "event \"acme-2019-letter\"",
        "date",
        "not a date",
    );
    rejects(
        VALID.replace("date = \"2019-06-21\"\npressure", "date = \"2017-06\"\npressure"),
        "event \"acme-2019-letter\"",
        "date",
        "before 2018, the first year",
    );
    // The first year is the dataset's: an earlier tracker may start earlier.
    let earlier = VALID
        .replace("since = 2018", "since = 2012")
        .replace("date = \"2019-06-21\"\npressure", "date = \"2012-06\"\npressure");
    assert!(load(&earlier).is_ok());
    rejects(
        VALID.replace("date = \"2019-06-21\"\npressure", "date = \"2027-01\"\npressure"),
        "event \"acme-2019-letter\"",
        "date",
        "after the dataset's updated date",
    );
    let last = VALID.rfind("date = \"2019-06-21\"").unwrap();
    let source_date =
        format!("{}date = \"June 2019\"{}", &VALID[..last], &VALID[last + "date = \"2019-06-21\"".len()..]);
    rejects(source_date, "event \"acme-2019-letter\", source 1", "date", "not a date");
}

#[test]
fn rejects_duplicate_ids() {
    let twice = format!("{VALID}\n[[companies]]\nid = \"acme\"\nname = \"Acme again\"\nsector = \"big-tech\"\n");
    rejects(twice, "company \"acme\"", "id", "duplicate id");
    let ev = &VALID[VALID.find("[[events]]").unwrap()..];
    let second = ev.replace("Staff wrote a letter.", "Staff wrote another letter.");
    rejects(format!("{VALID}\n{second}"), "event \"acme-2019-letter\"", "id", "duplicate id");
}

#[test]
fn rejects_a_duplicate_event_under_another_id() {
    let ev = &VALID[VALID.find("[[events]]").unwrap()..];
    let copy = ev.replace("id = \"acme-2019-letter\"", "id = \"acme-2019-letter-copy\"");
    rejects(
        format!("{VALID}\n{copy}"),
        "event \"acme-2019-letter-copy\"",
        "summary",
        "duplicates event \"acme-2019-letter\"",
    );
}

#[test]
fn rejects_a_typo_in_a_field_name_naming_the_record() {
    rejects(
        VALID.replace("summary = \"Staff", "sumary = \"Staff"),
        "event \"acme-2019-letter\"",
        "sumary",
        "unknown field",
    );
}

#[test]
fn rejects_a_missing_required_text() {
    rejects(
        VALID.replace("result = \"Nothing changed.\"", "result = \"  \""),
        "event \"acme-2019-letter\"",
        "result",
        "is empty",
    );
}

#[test]
fn rejects_an_outcome_colour_that_is_not_hex() {
    rejects(VALID.replace("#0868ac", "blue"), "outcome \"ties-cut\"", "color", "not a #rrggbb colour");
}

#[test]
fn rejects_one_url_cited_two_ways() {
    let ev = &VALID[VALID.find("[[events]]").unwrap()..];
    let other = ev
        .replace("id = \"acme-2019-letter\"", "id = \"acme-2020-walkout\"")
        .replace("Staff wrote a letter.", "Staff walked out.")
        .replace("title = \"A letter\"", "title = \"Another title\"");
    rejects(
        format!("{VALID}\n{other}"),
        "event \"acme-2020-walkout\", source 1",
        "url",
        "different publisher, title, date or kind",
    );
}

#[test]
fn a_syntax_error_reports_the_line() {
    let p = problems(&VALID.replace("title = \"T\"", "title = \"T"));
    assert_eq!(p.len(), 1);
    assert!(p[0].message.contains("line"), "{}", p[0].message);
}

#[test]
fn reports_every_problem_at_once() {
    let text = VALID
        .replace("company = \"acme\"", "company = \"nope\"")
        .replace("outcome = \"no-change\"", "outcome = \"nope\"");
    assert_eq!(problems(&text).len(), 2);
}

#[test]
fn rejects_a_dimension_that_nothing_uses_unless_it_says_why() {
    rejects(
        VALID.replace("unused = \"Kept so the scale is complete.\"\n", ""),
        "outcome \"ties-cut\"",
        "unused",
        "no event uses it",
    );
    let extra = format!("{VALID}\n[[companies]]\nid = \"idle\"\nname = \"Idle\"\nsector = \"big-tech\"\n");
    rejects(extra, "company \"idle\"", "unused", "no event uses it");
    rejects(
        VALID.replace(
            "id = \"no-change\"\nlabel = \"No change\"",
            "id = \"no-change\"\nunused = \"x\"\nlabel = \"No change\"",
        ),
        "outcome \"no-change\"",
        "unused",
        "1 event(s) use it",
    );
}

#[test]
fn letters_counts_must_cite_a_known_source_and_refer_to_known_records() {
    let letter = |url: &str, event: &str, company: &str| {
        format!(
            "{VALID}\n[[letters]]\nid = \"l\"\nname = \"L\"\ndate = \"2019-06\"\ncompanies = [\"{company}\"]\nsummary = \"S\"\nevents = [\"{event}\"]\n\n[[letters.counts]]\ndate = \"2019-06-21\"\ncount = 100\nwhat = \"signatures\"\nurl = \"{url}\"\nquote = \"More than 100 people signed.\"\n\n[[letters.evidence]]\nfield = \"summary\"\nsource = \"https://example.org/a\"\nquote = \"Staff wrote a letter to the board.\"\n"
        )
    };
    let ok = load(&letter("https://example.org/a", "acme-2019-letter", "acme")).expect("valid letter");
    assert_eq!(ok.letters[0].counts[0].source, 0);
    rejects(
        letter("https://example.org/unknown", "acme-2019-letter", "acme"),
        "letter \"l\", count 1",
        "url",
        "not cited",
    );
    rejects(letter("https://example.org/a", "nope", "acme"), "letter \"l\"", "events", "unknown event \"nope\"");
    rejects(
        letter("https://example.org/a", "acme-2019-letter", "nope"),
        "letter \"l\"",
        "companies",
        "unknown company",
    );
}

#[test]
fn context_needs_a_stance_and_a_source() {
    let ctx = |stance: &str, source: bool| {
        let mut t = format!("{VALID}\n[[context]]\nid = \"c\"\nstance = \"{stance}\"\nheading = \"H\"\ntext = \"T\"\n");
        if source {
            t.push_str("\n[[context.sources]]\nurl = \"https://example.org/b\"\nkind = \"original\"\npublisher = \"P\"\ntitle = \"B\"\n");
            t.push_str(
                "\n[[context.evidence]]\nsource = \"https://example.org/b\"\nquote = \"The page says T here.\"\n",
            );
        }
        t
    };
    let ds = load(&ctx("against", true)).unwrap();
    assert_eq!(ds.widget.stances[ds.context[0].stance as usize].id, "against");
    rejects(ctx("maybe", true), "context \"c\"", "stance", "unknown stance \"maybe\"");
    rejects(ctx("against", false), "context \"c\"", "sources", "at least one source");
}

#[test]
fn rejects_a_control_character_in_a_text() {
    // The unit separator splits the widget's fragments file; no text may contain it (or another control
    // character but newline and tab).
    let text = VALID.replace("summary = \"Staff wrote a letter.\"", "summary = \"Staff wrote\\u001f a letter.\"");
    rejects(text, "event \"acme-2019-letter\"", "summary", "control character");
}

#[test]
fn rejects_a_confidence_level_the_widget_table_does_not_name() {
    rejects(
        VALID.replace("confidence = \"high\"", "confidence = \"certain\""),
        "event \"acme-2019-letter\"",
        "confidence",
        "unknown confidence level \"certain\"",
    );
}

#[test]
fn the_widget_table_is_required_and_checked() {
    let cut = VALID.find("[widget]").unwrap();
    let end = VALID.find("[[sectors]]").unwrap();
    let without = format!("{}{}", &VALID[..cut], &VALID[end..]);
    rejects(without, "widget table", "", "is missing");
    rejects(VALID.replace("rows_heading = \"Companies\"\n", ""), "widget table", "rows_heading", "missing field");
    rejects(VALID.replace("since = 2018", "since = 999"), "widget table", "since", "must be a year");
    rejects(
        VALID.replace("{strongest_label}", "{strongest_lable}"),
        "widget table",
        "summary",
        "{strongest_lable} is not a placeholder",
    );
    rejects(VALID.replace("file_stem = \"t\"", "file_stem = \"a b\""), "widget table", "file_stem", "letters, digits");
}

#[test]
fn the_summary_is_written_from_the_data_and_the_template() {
    let ds = load(VALID).unwrap();
    assert_eq!(
        ds.summary,
        "Of 1 company since 2019 (1 event), 0 had “Ties cut”. By each company's latest: 1 no change."
    );
}

/// The dataset with `n` outcomes (named o1, o2, …), every one used by an event of its own.
fn with_outcomes(n: usize) -> String {
    let mut t = VALID.to_string();
    let ev = &VALID[VALID.find("[[events]]").unwrap()..];
    for i in 1..=n {
        t.push_str(&format!(
            "\n[[outcomes]]\nid = \"o{i}\"\nlabel = \"O{i}\"\nshort = \"O\"\nglyph = \"o\"\ncolor = \"#0868ac\"\nrank = {}\ndefinition = \"D\"\nrule = \"R\"\n",
            i + 2
        ));
        t.push('\n');
        t.push_str(
            &ev.replace("acme-2019-letter", &format!("acme-o{i}"))
                .replace("no-change", &format!("o{i}"))
                .replace("Staff wrote a letter.", &format!("Event {i}.")),
        );
    }
    t
}

#[test]
fn a_dataset_past_a_limit_the_code_relies_on_is_refused_naming_the_record() {
    // 30 more outcomes make 32: the most a 32-bit outcome mask holds.
    assert_eq!(load(&with_outcomes(30)).expect("32 outcomes fit").outcomes.len(), 32);
    rejects(with_outcomes(31), "outcome \"o31\"", "id", "at most 32 are allowed");
    // 256 pressure types: one more than a byte indexes.
    let mut t = VALID.to_string();
    for i in 0..255 {
        t.push_str(&format!("\n[[pressure_types]]\nid = \"p{i}\"\nlabel = \"P\"\nshort = \"P\"\ndefinition = \"D\"\nrule = \"R\"\nunused = \"test\"\n"));
    }
    let p = problems(&t);
    assert_eq!(p[0].record, "pressure type \"p254\"", "{p:#?}");
    assert!(p[0].message.contains("at most 255"), "{}", p[0].message);
}

/// The fixture's one source with `fields` in place of its address and kind.
fn with_source(fields: &str) -> String {
    VALID.replace("url = \"https://example.org/a\"\nkind = \"original\"", fields)
}

#[test]
fn rejects_a_source_on_a_denied_domain_naming_the_event_and_the_source() {
    rejects(
        with_source("url = \"https://news.farm.example/story\"\nkind = \"original\""),
        "event \"acme-2019-letter\", source 1",
        "url",
        "news.farm.example is on the denylist (content farm)",
    );
    // A copy read on a denied domain is refused too.
    rejects(
        with_source(
            "url = \"https://example.org/a\"\nkind = \"copy\"\nread_at = \"https://farm.example/x\"\nvia = \"a copy\"",
        ),
        "event \"acme-2019-letter\", source 1",
        "read_at",
        "denylist",
    );
}

#[test]
fn rejects_tracking_parameters_and_non_canonical_hosts_with_the_clean_form() {
    rejects(
        with_source("url = \"https://example.org/a?utm_source=rss&id=3&oref=x#top\"\nkind = \"original\""),
        "event \"acme-2019-letter\", source 1",
        "url",
        "cite https://example.org/a?id=3#top",
    );
    for (url, needle) in [
        ("https://preprod.example.org/a", "preprod host"),
        ("https://digital-release.example.org/a", "digital-release host"),
        ("https://example.org/a/amp", "AMP page"),
        ("https://example.org/amp/a", "AMP page"),
    ] {
        rejects(
            with_source(&format!("url = \"{url}\"\nkind = \"original\"")),
            "event \"acme-2019-letter\", source 1",
            "url",
            needle,
        );
    }
}

#[test]
fn an_event_needs_a_source_that_stands_alone() {
    rejects(
        with_source("url = \"https://example.org/a\"\nkind = \"secondary\""),
        "event \"acme-2019-letter\"",
        "sources",
        "all 1 are secondary",
    );
    // A licensed copy stands for its original; it needs where it was read and what it is.
    let copy = with_source("kind = \"copy\"\nread_at = \"https://example.net/copy\"\nvia = \"licensed copy\"")
        .replace("source = \"https://example.org/a\"", "source = \"https://example.net/copy\"");
    let copy = load(&copy).unwrap();
    assert_eq!((copy.sources[0].url, copy.sources[0].link()), ("", "https://example.net/copy"));
    rejects(
        with_source("kind = \"copy\"\nurl = \"https://example.org/a\""),
        "event \"acme-2019-letter\", source 1",
        "read_at",
        "a copy needs",
    );
    rejects(
        with_source("kind = \"copy\"\nread_at = \"https://example.net/copy\""),
        "event \"acme-2019-letter\", source 1",
        "via",
        "say what the copy",
    );
    rejects(
        with_source("url = \"https://example.org/a\"\nkind = \"blog\""),
        "event \"acme-2019-letter\", source 1",
        "kind",
        "must be primary",
    );
}

#[test]
fn the_companys_response_cites_one_of_the_events_sources() {
    let response = |status: &str, source: &str| {
        VALID.replace(
            "confidence = \"high\"\n",
            &format!("confidence = \"high\"\n\n[events.response]\nstatus = \"{status}\"\ntext = \"No comment.\"\nsource = \"{source}\"\n"),
        ) + "\n[[events.evidence]]\nfield = \"response\"\nsource = \"https://example.org/a\"\nquote = \"Acme said it had no comment.\"\n"
    };
    let ds = load(&response("declined", "https://example.org/a")).unwrap();
    assert_eq!(ds.events[0].response.status, ice_matrix_core::model::ResponseStatus::Declined);
    assert_eq!(ds.events[0].response.source, Some(0));
    rejects(
        response("declined", "https://example.org/other"),
        "event \"acme-2019-letter\"",
        "response.source",
        "not one of this event's sources",
    );
    rejects(
        response("maybe", "https://example.org/a"),
        "event \"acme-2019-letter\"",
        "response.status",
        "must be responded",
    );
    assert_eq!(load(VALID).unwrap().events[0].response.status, ice_matrix_core::model::ResponseStatus::NotReported);
}

#[test]
fn an_alias_leads_to_one_company() {
    let ok = VALID.replace("name = \"Acme\"\n", "name = \"Acme\"\naliases = [\"Acme Cloud\", \"Roadrunner\"]\n");
    assert_eq!(load(&ok).expect("valid").companies[0].aliases, ["Acme Cloud", "Roadrunner"]);
    let other = "\n[[companies]]\nid = \"wile\"\nname = \"Wile\"\nsector = \"big-tech\"\naliases = [\"acme cloud\"]\n";
    rejects(format!("{ok}{other}"), "company \"wile\"", "aliases", "also a name or alias of company \"acme\"");
    rejects(
        VALID.replace("name = \"Acme\"\n", "name = \"Acme\"\naliases = [\"\"]\n"),
        "company \"acme\"",
        "aliases",
        "1 to 60",
    );
}

/// The small file with these releases appended.
fn with_releases(releases: &str) -> String {
    format!("{VALID}\n{releases}")
}

#[test]
fn releases_resolve_to_events_and_outcomes() {
    let ds = load(&with_releases(
        r#"
[[releases]]
version = "0.9.0"
date = "2019-07-01"
note = "First."

[[releases]]
version = "1.0.0"
date = "2026-11-25"
note = "Recoded."
added = ["acme-2019-letter"]
removed = ["acme-2018-gone"]
recoded = [{ event = "acme-2019-letter", from = "ties-cut", to = "no-change" }]
"#,
    ))
    .expect("valid");
    assert_eq!(ds.releases.len(), 2);
    assert_eq!(ds.releases[1].recoded[0].from, 0);
    assert_eq!(ds.releases[1].recoded[0].to, 1);
}

#[test]
fn rejects_a_release_that_names_what_is_not_there() {
    let one = |body: &str| {
        with_releases(&format!("[[releases]]\nversion = \"1.0.0\"\ndate = \"2026-11-25\"\nnote = \"N.\"\n{body}"))
    };
    rejects(one("added = [\"nope\"]"), "release \"1.0.0\"", "added", "\"nope\" is not in the file");
    rejects(one("removed = [\"acme-2019-letter\"]"), "release \"1.0.0\"", "removed", "is still in the file");
    rejects(
        one("recoded = [{ event = \"acme-2019-letter\", from = \"cut\", to = \"no-change\" }]"),
        "release \"1.0.0\"",
        "recoded",
        "\"cut\" is not an outcome id",
    );
    rejects(
        with_releases("[[releases]]\nversion = \"0.9.0\"\ndate = \"2026-11-25\"\nnote = \"N.\"\n"),
        "release \"0.9.0\"",
        "version",
        "the last release must be this version, 1.0.0",
    );
    rejects(
        with_releases(
            "[[releases]]\nversion = \"0.9.0\"\ndate = \"2026-11-25\"\nnote = \"N.\"\n\n[[releases]]\nversion = \"1.0.0\"\ndate = \"2020-01-01\"\nnote = \"N.\"\n",
        ),
        "release \"1.0.0\"",
        "date",
        "releases go oldest first",
    );
}

#[test]
fn rejects_a_version_that_cannot_name_a_folder() {
    for bad in ["1.0/2", "..", ".1"] {
        rejects(
            VALID.replacen("version = \"1.0.0\"", &format!("version = \"{bad}\""), 1),
            "dataset",
            "version",
            "names the folder",
        );
    }
}

/// The fixture with its event's evidence replaced by `evidence` (TOML for `[[events.evidence]]` tables) and
/// the event's texts by `texts` (a replacement for `summary = …` and `result = …`).
fn with_evidence(texts: &str, evidence: &str) -> String {
    let start = VALID.find("[[events.evidence]]").unwrap();
    let end = VALID.find("[[denylist]]").unwrap();
    let body = format!("{}{evidence}\n{}", &VALID[..start], &VALID[end..]);
    body.replace("summary = \"Staff wrote a letter.\"\nresult = \"Nothing changed.\"", texts)
}

const TEXTS: &str = "summary = \"Staff wrote a letter.\"\nresult = \"Nothing changed.\"";
const SUMMARY_EVIDENCE: &str = "[[events.evidence]]\nfield = \"summary\"\nsource = \"https://example.org/a\"\nquote = \"Staff wrote a letter to the board.\"\n";
const RESULT_EVIDENCE: &str = "[[events.evidence]]\nfield = \"result\"\nsource = \"https://example.org/a\"\nquote = \"The board changed nothing, it said.\"\n";

#[test]
fn evidence_is_published_with_its_field_and_source() {
    let ds = load(VALID).unwrap();
    let e = &ds.events[0];
    assert_eq!(e.evidence.len(), 2);
    assert_eq!(e.evidence[0].field, ice_matrix_core::model::EvidenceField::Summary);
    assert_eq!(ds.sources[e.evidence[0].source as usize].url, "https://example.org/a");
    assert_eq!(e.evidence[1].quote, "The board changed nothing, it said.");
}

#[test]
fn rejects_a_prose_field_with_no_evidence() {
    rejects(with_evidence(TEXTS, SUMMARY_EVIDENCE), "event \"acme-2019-letter\"", "result", "has no evidence");
    // Optional fields need evidence as soon as they are filled, the count of people and the response too.
    let texts = format!("{TEXTS}\nstakes = \"A cloud contract\"\npeople = 40");
    let p = problems(&with_evidence(&texts, &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}")));
    let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["stakes", "people"], "{p:#?}");
    assert!(p.iter().all(|p| p.record == "event \"acme-2019-letter\"" && p.message.contains("has no evidence")));
    let response = VALID.replace(
        "confidence = \"high\"\n",
        "confidence = \"high\"\n\n[events.response]\nstatus = \"responded\"\ntext = \"It said no.\"\nsource = \"https://example.org/a\"\n",
    );
    rejects(response, "event \"acme-2019-letter\"", "response.text", "has no evidence");
}

#[test]
fn rejects_evidence_for_a_field_the_event_leaves_empty_or_that_does_not_exist() {
    let stakes = "[[events.evidence]]\nfield = \"stakes\"\nsource = \"https://example.org/a\"\nquote = \"A contract worth millions.\"\n";
    rejects(
        with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}{stakes}")),
        "event \"acme-2019-letter\"",
        "evidence",
        "gives evidence for stakes, which the event leaves empty",
    );
    rejects(
        with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}{}", stakes.replace("stakes", "headline"))),
        "event \"acme-2019-letter\", evidence 3",
        "field",
        "\"headline\" must be one of summary, stakes",
    );
}

#[test]
fn rejects_evidence_that_names_a_source_the_event_does_not_cite() {
    rejects(
        with_evidence(
            TEXTS,
            &format!("{SUMMARY_EVIDENCE}{}", RESULT_EVIDENCE.replace("example.org/a", "example.org/b")),
        ),
        "event \"acme-2019-letter\", evidence 2",
        "source",
        "\"https://example.org/b\" is not one of this event's sources",
    );
}

#[test]
fn rejects_a_quote_outside_the_word_bounds() {
    let short = RESULT_EVIDENCE.replace("The board changed nothing, it said.", "Nothing … changed …");
    rejects(
        with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{short}")),
        "event \"acme-2019-letter\", evidence 2",
        "quote",
        "has 2 words; a quote gives 4 to 90 words",
    );
    let long = RESULT_EVIDENCE.replace("The board changed nothing, it said.", &"word ".repeat(91));
    rejects(
        with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{long}")),
        "event \"acme-2019-letter\", evidence 2",
        "quote",
        "has 91 words",
    );
    let ninety = RESULT_EVIDENCE.replace("The board changed nothing, it said.", &"word ".repeat(90));
    assert!(load(&with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{ninety}"))).is_ok());
}

#[test]
fn rejects_a_quotation_in_our_text_that_no_evidence_quote_holds() {
    let quoting = |summary: &str| TEXTS.replace("Staff wrote a letter.", summary);
    let evidence = format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}");
    // Three words or more in quotation marks must be the page's words, whatever the marks.
    for summary in [
        "Staff wrote “a letter to the board”.",
        "Staff wrote 'a letter to the board'.",
        "Staff wrote \\\"a letter to the board\\\".",
    ] {
        assert!(load(&with_evidence(&quoting(summary), &evidence)).is_ok(), "{summary}");
    }
    for summary in ["Staff wrote “a letter to the chief executive”.", "Staff wrote 'an urgent letter'."] {
        rejects(
            with_evidence(&quoting(summary), &evidence),
            "event \"acme-2019-letter\"",
            "summary",
            "which is in none of the event's evidence quotes",
        );
    }
    // Apostrophes and a two-word phrase in quotation marks are not quotations to check.
    assert!(load(&with_evidence(&quoting("The staff's letter and the board's “firm no”."), &evidence)).is_ok());
    // A quotation may come from another field's evidence, never across a cut.
    let cut = SUMMARY_EVIDENCE.replace("Staff wrote a letter to the board.", "Staff wrote … a letter to the board.");
    rejects(
        with_evidence(&quoting("They said 'staff wrote a letter'."), &format!("{cut}{RESULT_EVIDENCE}")),
        "event \"acme-2019-letter\"",
        "summary",
        "staff wrote a letter",
    );
}

#[test]
fn a_response_given_as_a_direct_quote_must_be_in_the_responses_evidence() {
    let response = |text: &str, quote: &str| {
        with_evidence(TEXTS, &format!(
            "{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}[[events.evidence]]\nfield = \"response\"\nsource = \"https://example.org/a\"\nquote = \"{quote}\"\n"
        ))
        .replace(
            "confidence = \"high\"\n",
            &format!("confidence = \"high\"\n\n[events.response]\nstatus = \"responded\"\ntext = \"{text}\"\nquote = true\nsource = \"https://example.org/a\"\n"),
        )
    };
    assert!(load(&response("We stand by the work.", "A spokesman said: “We stand by the work.”")).is_ok());
    rejects(
        response("We stand by our work.", "A spokesman said: “We stand by the work.”"),
        "event \"acme-2019-letter\"",
        "response.text",
        "marked as a direct quote",
    );
}

#[test]
fn a_companys_wikidata_item_is_a_q_number() {
    let with = |id: &str| {
        VALID.replace(
            "sector = \"big-tech\"\n\n[[events]]",
            &format!("sector = \"big-tech\"\nwikidata = \"{id}\"\n\n[[events]]"),
        )
    };
    assert_eq!(load(&with("Q2283")).unwrap().companies[0].wikidata, "Q2283");
    for bad in ["2283", "Q", "Q02283", "Q22 83", "https://www.wikidata.org/wiki/Q2283"] {
        rejects(with(bad), "company \"acme\"", "wikidata", "not a Wikidata item id");
    }
}

#[test]
fn a_point_of_context_and_a_letter_rest_on_their_sources_words_too() {
    let point = |evidence: &str, text: &str| {
        format!(
            "{VALID}\n[[context]]\nid = \"c\"\nstance = \"against\"\nheading = \"H\"\ntext = \"{text}\"\n\n[[context.sources]]\nurl = \"https://example.org/b\"\nkind = \"original\"\npublisher = \"P\"\ntitle = \"B\"\n{evidence}"
        )
    };
    let quote = "\n[[context.evidence]]\nsource = \"https://example.org/b\"\nquote = \"Boards said selling would hurt returns.\"\n";
    let ds = load(&point(quote, "Boards said 'selling would hurt returns'.")).unwrap();
    assert_eq!(ds.context[0].evidence[0].quote, "Boards said selling would hurt returns.");
    rejects(point("", "T"), "context \"c\"", "text", "has no evidence");
    // Its words come from its own sources, not another record's.
    rejects(
        point(&quote.replace("example.org/b", "example.org/a"), "T"),
        "context \"c\", evidence 1",
        "source",
        "not one of this point's sources",
    );
    rejects(
        point(quote, "Boards said 'selling would ruin them'."),
        "context \"c\"",
        "text",
        "in none of the point's evidence quotes",
    );

    let letter = |count_quote: &str, evidence: &str| {
        format!(
            "{VALID}\n[[letters]]\nid = \"l\"\nname = \"L\"\ndate = \"2019-06\"\nsummary = \"S\"\nevents = [\"acme-2019-letter\"]\n\n[[letters.counts]]\ndate = \"2019-06-21\"\ncount = 100\nwhat = \"signatures\"\nurl = \"https://example.org/a\"\n{count_quote}{evidence}"
        )
    };
    let count = "quote = \"More than 100 people signed it.\"\n";
    let summary = "\n[[letters.evidence]]\nfield = \"summary\"\nsource = \"https://example.org/a\"\nquote = \"Staff wrote a letter to the board.\"\n";
    assert_eq!(load(&letter(count, summary)).unwrap().letters[0].counts[0].quote, "More than 100 people signed it.");
    rejects(letter("", summary), "letter \"l\", count 1", "quote", "has no evidence");
    rejects(letter("quote = \"100 signed\"\n", summary), "letter \"l\", count 1", "quote", "has 2 words");
    rejects(letter(count, ""), "letter \"l\"", "summary", "has no evidence");
}

#[test]
fn a_count_of_people_a_repeated_piece_an_open_quotation_and_a_heading_are_checked() {
    let people = |quote: &str| {
        let piece = format!(
            "[[events.evidence]]\nfield = \"people\"\nsource = \"https://example.org/a\"\nquote = \"{quote}\"\n"
        );
        with_evidence(&format!("{TEXTS}\npeople = 1300"), &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}{piece}"))
    };
    assert!(load(&people("More than 1,300 staff signed it.")).is_ok());
    rejects(
        people("More than a thousand staff signed it."),
        "event \"acme-2019-letter\"",
        "people",
        "1300 is written in none of its quotes",
    );
    // The same piece twice.
    rejects(
        with_evidence(TEXTS, &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}{RESULT_EVIDENCE}")),
        "event \"acme-2019-letter\", evidence 3",
        "quote",
        "given twice",
    );
    // A quotation that opens and never closes cannot be checked: it is refused.
    rejects(
        with_evidence(
            &TEXTS.replace("Staff wrote a letter.", "Staff wrote “a letter."),
            &format!("{SUMMARY_EVIDENCE}{RESULT_EVIDENCE}"),
        ),
        "event \"acme-2019-letter\"",
        "summary",
        "opens a quotation with “ that never closes",
    );
    // A unit's quotation, too, is the page's own.
    rejects(
        VALID.replace("company = \"acme\"\n", "company = \"acme\"\nunit = \"the 'Ethical Cloud for Good' team\"\n"),
        "event \"acme-2019-letter\"",
        "unit",
        "in none of the event's evidence quotes",
    );
}

#[test]
fn a_letter_quotes_the_very_source_its_event_cites() {
    // Two copies of one original, read at two addresses, are two sources: the letter may quote the one its
    // event cites, by either address, and not the other.
    let copies = VALID.replace(
        "url = \"https://example.org/a\"\nkind = \"original\"",
        "url = \"https://example.org/a\"\nkind = \"copy\"\nread_at = \"https://copy.example/two\"\nvia = \"licensed copy\"",
    )
    .replace("source = \"https://example.org/a\"", "source = \"https://copy.example/two\"");
    let letter = |source: &str| {
        format!(
            "{copies}\n[[letters]]\nid = \"l\"\nname = \"L\"\ndate = \"2019-06\"\nsummary = \"S\"\nevents = [\"acme-2019-letter\"]\n\n[[letters.evidence]]\nfield = \"summary\"\nsource = \"{source}\"\nquote = \"Staff wrote a letter to the board.\"\n"
        )
    };
    let ds = load(&letter("https://copy.example/two")).expect("the event's own source, by the copy's address");
    assert_eq!(ds.sources[ds.letters[0].evidence[0].source as usize].read_at, "https://copy.example/two");
    rejects(
        letter("https://copy.example/one"),
        "letter \"l\", evidence 1",
        "source",
        "not one of this letter's sources",
    );
    // A count's words give its figure.
    let counted = letter("https://copy.example/two").replace(
        "\n[[letters.evidence]]",
        "\n[[letters.counts]]\ndate = \"2019-06-21\"\ncount = 100\nwhat = \"signatures\"\nurl = \"https://copy.example/two\"\nquote = \"Dozens of people signed it.\"\n\n[[letters.evidence]]",
    );
    rejects(counted, "letter \"l\", count 1", "quote", "does not write the count, 100");
}
