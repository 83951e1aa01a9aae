//! The pages and files the site tool writes, for the dataset the build uses: the fragments file the widget loads,
//! and the first view rendered by the widget's components.

use base64::Engine;
use ice_matrix_core::fragments::{self, PANELS, Piece, SEP};
use ice_matrix_core::grid::{CellRef, Filter, Grid, View};
use ice_matrix_core::html::escape;
use ice_matrix_core::panel::Panel;
use ice_matrix_site::fragments::{Downloads, file, fragment};
use ice_matrix_widget::data::DATASET;

#[test]
fn the_long_texts_are_the_builds_html_fragments_and_a_wrong_file_is_refused() {
    let ds = &DATASET;
    let linked = file(ds, Downloads::Linked).unwrap();
    let pieces: Vec<&str> = linked.split(SEP).collect();
    assert_eq!(pieces.len(), fragments::count(ds));
    // Each piece sits at the number the widget computes for it, and carries its event's texts, escaped.
    for (i, e) in ds.events.iter().enumerate() {
        let article = pieces[Piece::Event(i as u16).index(ds).unwrap()];
        assert!(
            article.starts_with("<article class=\"im-event\">") && article.contains(&escape(e.summary)),
            "event {}",
            e.id
        );
        assert!(article.contains(&escape(e.result)), "event {}: what came of it", e.id);
        for &s in e.sources {
            assert!(
                article.contains(&escape(ds.sources[s as usize].url)),
                "event {} cites {}",
                e.id,
                ds.sources[s as usize].id
            );
        }
        let note = ds.widget.confidence[e.confidence as usize].note;
        assert_eq!(
            article.contains("<dt>Confidence</dt>"),
            !note.is_empty(),
            "event {}: the confidence note is the data's",
            e.id
        );
    }
    for p in PANELS {
        let html = pieces[Piece::Panel(p).index(ds).unwrap()];
        assert!(html.starts_with(&format!("<h2 class=\"im-panel-title\">{}</h2>", escape(p.title(ds)))), "{p:?}");
    }
    assert_eq!(Piece::Panel(Panel::Embed).index(ds), None, "the embed panel is made in the widget");
    // The context panel has a column per side the data names, and its buttons name the cells they open by
    // number, as the table's cells do.
    let context = fragment(ds, Piece::Panel(Panel::Context), Downloads::Linked);
    for side in ds.widget.stances {
        assert!(context.contains(&format!("<h3>{}</h3>", escape(side.heading))), "{}", side.id);
    }
    let named: Vec<&str> = context.split("data-cell=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    assert!(!named.is_empty());
    let grid = Grid::build(ds);
    for id in named {
        let at = CellRef::from_dom_id(id).unwrap_or_else(|| panic!("{id} names no cell"));
        assert!(grid.cell(at).is_some(), "{id} is an empty cell");
    }
    // The downloads: links to the published files under the data's names, or in the one-file build the same
    // bytes inline.
    let data = fragment(ds, Piece::Panel(Panel::Data), Downloads::Linked);
    assert!(data.contains("href=\"data/dataset.json\"") && data.contains("href=\"data/events.csv\""));
    assert!(data.contains(&format!("download=\"{}-dataset.json\"", ds.widget.file_stem)));
    let inline = fragment(ds, Piece::Panel(Panel::Data), Downloads::Inline);
    let json = inline.split("data:application/json;base64,").nth(1).and_then(|s| s.split('"').next()).unwrap();
    let bytes = base64::engine::general_purpose::STANDARD.decode(json).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), ice_matrix_datagen::export::json(ds));
    // Nothing reads as loaded before the file is taken; a stale or truncated file (an error page from a proxy,
    // another build's file) or one that is not UTF-8 is not taken; this build's file is.
    assert!(!fragments::ready() && Piece::Event(0).get(ds).is_empty());
    assert!(!fragments::load(ds, b"not the fragments".to_vec()));
    assert!(!fragments::load(ds, pieces[..pieces.len() - 1].join(&SEP.to_string()).into_bytes()));
    let mut broken = linked.clone().into_bytes();
    broken[0] = 0xff;
    assert!(!fragments::load(ds, broken));
    assert!(fragments::load(ds, linked.clone().into_bytes()));
    assert_eq!(Piece::Event(0).get(ds), pieces[0]);
    assert_eq!(Piece::Panel(Panel::Method).get(ds), pieces[Piece::Panel(Panel::Method).index(ds).unwrap()]);
}

/// Text as Yew writes it in an element: only `&`, `<` and `>` escaped.
fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn the_first_view_is_the_widgets_markup_with_links_for_buttons() {
    let ds = &DATASET;
    let html = ice_matrix_site::first_view::render().unwrap();
    let grid = Grid::build(ds);
    let view = View::build(ds, &grid, &Filter::default());
    assert!(html.starts_with("<div data-layout=\"cards\" class=\"im im-static\">"), "{}", &html[..80]);
    assert!(!html.contains("<!--"), "not hydratable: no markers");
    assert_eq!(html.matches("<h1 ").count(), 1);
    assert!(html.contains(&text(ds.title)) && html.contains(&text(ds.summary)));
    assert!(
        html.contains("role=\"table\"") && !html.contains("role=\"grid\""),
        "a plain table, no grid without a script"
    );
    assert!(!html.contains("<button"), "no control that needs a script");
    assert_eq!(
        html.matches("class=\"im-cell\"").count(),
        grid.cells.iter().flatten().count(),
        "a link per non-empty cell"
    );
    for &c in &view.rows {
        // Each row's name links to its company's share page, which the build writes.
        let company = &ds.companies[c as usize];
        let link = format!(
            "<a href=\"share/{}.html\" class=\"im-company\">{}</a><span class=\"im-sector\">",
            company.id,
            text(company.name)
        );
        assert!(html.contains(&link), "{link}");
    }
    for i in (0..grid.cells.len()).filter(|&i| grid.cells[i].is_some()) {
        let at = CellRef { company: (i / grid.width) as u16, pressure: (i % grid.width) as u8 };
        assert!(html.contains(&format!("href=\"sources.html#{}\"", at.anchor(ds))), "{}", at.anchor(ds));
    }
    for o in ds.outcomes {
        assert!(html.contains(&format!("data-o=\"{}\"", o.id)));
    }
    assert!(
        html.contains(&text(ds.widget.caption)) && html.contains(&format!(">{}</th>", text(ds.widget.row_heading)))
    );
}

#[test]
fn each_source_reads_as_what_was_read_and_each_event_gives_the_companys_response() {
    use ice_matrix_core::model::{ResponseStatus, SourceKind};
    let ds = &DATASET;
    for (i, e) in ds.events.iter().enumerate() {
        let article = fragment(ds, Piece::Event(i as u16), Downloads::Linked);
        let label = format!("<dt>{} response</dt><dd>", escape(ds.widget.row_heading));
        let response = article.split(label.as_str()).nth(1).and_then(|r| r.split("</dd>").next());
        let response = response.unwrap_or_else(|| panic!("event {} says nothing of the company's response", e.id));
        assert!(response.starts_with(&escape(e.response.status.label())), "event {}: {response}", e.id);
        if e.response.status != ResponseStatus::NotReported {
            let source = &ds.sources[e.response.source.expect("a response names its source") as usize];
            assert!(response.contains(&escape(source.publisher)), "event {}: the response's source", e.id);
        }
        for &s in e.sources {
            let s = &ds.sources[s as usize];
            // Publisher first, then the headline linked to what a reader can follow; a copy says where it was read.
            assert!(article.contains(&format!("<span class=\"im-pub\">{}</span>", escape(s.publisher))), "{}", s.id);
            assert!(article.contains(&format!("href=\"{}\"", escape(s.link()))), "{}", s.id);
            if !s.read_at.is_empty() {
                assert!(article.contains(" — read in a copy at "), "{}", s.id);
            }
            if s.kind == SourceKind::Primary {
                assert!(article.contains("(primary document)"), "{}", s.id);
            }
        }
    }
    // The methodology says how the sources break down and how often the companies' responses are on the record.
    let method = fragment(ds, Piece::Panel(Panel::Method), Downloads::Linked);
    let responded = ds.events.iter().filter(|e| e.response.status == ResponseStatus::Responded).count();
    assert!(method.contains(&format!("the {} responded in {responded},", ds.widget.row)), "{method}");
    assert!(method.contains(&format!("{} domains", ds.denylist.len())));
}

#[test]
fn the_feeds_have_one_entry_per_release_each_linking_its_events_to_their_cells() {
    use ice_matrix_core::state::ViewState;
    let ds = &DATASET;
    let entries = ice_matrix_site::channels::changes(ds, Some("https://example.org/m/"), "0123456789abcdef");
    assert_eq!(entries.len(), ds.releases.len().max(1));
    assert!(entries[0].id.ends_with(ds.version), "the newest first");
    assert!(entries.windows(2).all(|w| w[0].date >= w[1].date));
    assert!(
        entries[0].text.contains("0123456789abcdef")
            && !entries[1..].iter().any(|e| e.text.contains("0123456789abcdef"))
    );
    // Every correction is in exactly one entry.
    for c in ds.corrections {
        let n = entries.iter().filter(|e| e.html.contains(&escape(c.text))).count();
        assert_eq!(n, 1, "correction of {}: {}", c.date.iso(), c.text);
    }
    // Every event a release added or recoded, if still in the data, links to a cell that holds it.
    for r in ds.releases {
        let entry = entries.iter().find(|e| e.id == format!("version-{}", r.version)).unwrap();
        for id in r.added.iter().chain(r.recoded.iter().map(|x| &x.event)) {
            let Some(e) = ds.events.iter().find(|e| e.id == *id) else {
                assert!(entry.text.contains(&format!("{id} (since removed)")), "{id}");
                continue;
            };
            let at = CellRef { company: e.company, pressure: e.pressure_types[0] };
            let href =
                format!("https://example.org/m/{}", ViewState { open: Some(at), ..ViewState::default() }.to_hash(ds));
            assert!(entry.html.contains(&format!("<a href=\"{}\">", escape(&href))), "{id} links to {href}");
        }
        for x in r.recoded {
            let what = format!("({} → {})", ds.outcomes[x.from as usize].label, ds.outcomes[x.to as usize].label);
            assert!(entry.text.contains(&what), "{}: {what}", x.event);
        }
        for id in r.removed {
            assert!(entry.text.contains(&format!("- {id}")), "{id} removed");
        }
    }
}
