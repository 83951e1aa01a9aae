//! Embedding logic, natively: host options, resize messages in every dialect, pym parsing, embed code.

use ice_matrix_core::embed::{
    FrameHeight, HEIGHT_REQUEST, Message, Options, Theme, asks_height, height_at, is_pym_width, is_wp_ready,
    message_src, reserve_css, resize_messages, snippet,
};

#[test]
fn options_come_from_the_query_and_ignore_the_unknown() {
    let o = Options::from_query("?theme=dark&bg=transparent&header=0&compat=dw&childId=graphic-1&rows=10&x=1");
    assert_eq!(o.theme, Theme::Dark);
    assert!(o.transparent && o.hide_header && o.datawrapper);
    assert_eq!(o.pym_id.as_deref(), Some("graphic-1"));
    assert_eq!(o.rows, Some(10));
    assert_eq!(Options::from_query(""), Options::default());
    for q in [
        "?theme=purple",
        "?bg=red",
        "?header=no",
        "?childId=",
        "?childId=a<b",
        "?%%%",
        "?theme",
        "&&&",
        "?rows=0",
        "?rows=-3",
        "?rows=1000",
        "?rows=ten",
    ] {
        assert_eq!(Options::from_query(q), Options::default(), "{q}");
    }
}

#[test]
fn options_round_trip_through_the_query_without_pyms_id() {
    let o = Options {
        theme: Theme::Light,
        transparent: true,
        hide_header: true,
        datawrapper: false,
        pym_id: None,
        rows: Some(12),
        wp_secret: None,
    };
    assert_eq!(Options::from_query(&o.to_query()), o);
    assert_eq!(Options::default().to_query(), "");
}

#[test]
fn a_height_goes_out_in_amp_embedly_and_only_when_asked_pym_and_datawrapper() {
    let plain = resize_messages(640, "https://x.org/w/#cell=a.b", &Options::default());
    assert_eq!(plain.len(), 2);
    assert_eq!(plain[0], Message::AmpEmbedSize(640));
    assert_eq!(
        plain[1],
        Message::Text("{\"src\":\"https://x.org/w/#cell=a.b\",\"context\":\"iframe.resize\",\"height\":640}".into())
    );
    let o = Options::from_query("childId=g1&compat=dw");
    let all = resize_messages(512, "https://x.org/", &o);
    assert!(all.contains(&Message::Text("pymxPYMxg1xPYMxheightxPYMx512".into())));
    assert!(all.contains(&Message::DatawrapperHeight("ice-matrix".into(), 512)));
}

#[test]
fn only_pyms_width_message_for_our_frame_asks_for_the_height() {
    let o = Options::from_query("childId=g1");
    assert!(is_pym_width("pymxPYMxg1xPYMxwidthxPYMx760", &o));
    // embed.js asks every frame it finds, so a late loader still sizes the frame.
    assert!(asks_height(HEIGHT_REQUEST, &Options::default()) && asks_height("pymxPYMxg1xPYMxwidthxPYMx760", &o));
    assert!(!asks_height("ice-matrix:height", &Options::default()));
    assert!(!is_pym_width("pymxPYMxg2xPYMxwidthxPYMx760", &o));
    assert!(!is_pym_width("pymxPYMxg1xPYMxheightxPYMx760", &o));
    assert!(!is_pym_width("pymxPYMxg1xPYMxwidthxPYMx760", &Options::default()));
    assert!(!is_pym_width("garbage", &o));
    assert!(!is_pym_width("pymxPYMxg10xPYMxwidthxPYMx760", &o), "another frame whose id starts with ours");
    assert!(!is_pym_width("pymxPYMxg1xPYMxwidthless", &o));
    assert!(is_pym_width("pymxPYMxg1xPYMxwidth", &o));
}

#[test]
fn an_origin_is_scheme_and_host() {
    use ice_matrix_core::embed::origin_of;
    assert_eq!(origin_of("https://news.example/graphics/ice/"), "https://news.example");
    assert_eq!(origin_of("http://127.0.0.1:8080/index.html"), "http://127.0.0.1:8080");
    assert_eq!(origin_of("file:///home/a/offline.html"), "file://");
    assert_eq!(origin_of("ice-matrix/"), "ice-matrix/");
}

#[test]
fn the_embed_code_carries_the_view_the_theme_and_a_safe_frame() {
    let o = Options::from_query("theme=dark");
    let s =
        snippet("https://graphics.example.org/ice/", "#cell=palantir.employee-letter", &o, "Tech companies & ICE", &[]);
    assert!(
        s.iframe.contains("src=\"https://graphics.example.org/ice/?theme=dark#cell=palantir.employee-letter\""),
        "{}",
        s.iframe
    );
    assert!(s.iframe.contains("title=\"Tech companies &amp; ICE\""));
    // iOS Safari widens a frame to its content unless it is 1 px with a 100% minimum; a host whose CSP forbids
    // inline styles ignores the attribute, and embed.js sets the same through the CSSOM, which no CSP blocks.
    assert!(s.iframe.contains(" style=\"width:1px;min-width:100%\" "), "{}", s.iframe);
    assert!(s.iframe.contains(" allow=\"clipboard-write; web-share\" "), "copying and sharing from inside the frame");
    assert!(
        s.iframe.contains("loading=\"lazy\"")
            && s.iframe.contains("referrerpolicy=")
            && s.iframe.contains("sandbox=\"allow-scripts")
    );
    assert_eq!(s.loader, "<script src=\"https://graphics.example.org/ice/embed.js\" async></script>");
    assert_eq!(s.csp, "frame-src https://graphics.example.org; script-src https://graphics.example.org");
    let file = snippet("https://h.org/ice/index.html", "", &Options::default(), "T", &[]);
    assert!(file.loader.contains("https://h.org/ice/embed.js"));
}

#[test]
fn markup_in_a_view_cannot_break_out_of_the_attribute() {
    let s = snippet("https://h.org/\"><script>", "#x\"y", &Options::default(), "<b>", &HEIGHTS);
    assert!(!s.iframe.contains("<script>") && !s.iframe.contains("<b>"));
}

const HEIGHTS: [FrameHeight; 4] = [
    FrameHeight { width: 320, height: 5000 },
    FrameHeight { width: 400, height: 4600 },
    FrameHeight { width: 719, height: 4000 },
    FrameHeight { width: 720, height: 3600 },
];

#[test]
fn heights_between_measurements_run_straight_and_stop_at_the_ends() {
    assert_eq!(height_at(&HEIGHTS, 320), 5000);
    assert_eq!(height_at(&HEIGHTS, 360), 4800);
    assert_eq!(height_at(&HEIGHTS, 400), 4600);
    assert_eq!(height_at(&HEIGHTS, 200), 5000, "narrower than measured: the narrowest");
    assert_eq!(height_at(&HEIGHTS, 2000), 3600, "wider than measured: the widest");
    assert_eq!(height_at(&HEIGHTS[..1], 999), 5000);
}

#[test]
fn the_default_view_reserves_its_measured_height_by_the_frames_width() {
    let s = snippet("https://h.org/ice/", "", &Options::default(), "T", &HEIGHTS);
    assert!(s.iframe.starts_with("<div class=\"ice-matrix-frame\"><style>"), "{}", s.iframe);
    assert!(s.iframe.ends_with("</iframe></div>"));
    assert!(s.iframe.contains(" height=\"4650\" "), "without container queries: about a phone's height (390 px)");
    let css = reserve_css(&HEIGHTS);
    assert!(css.starts_with(".ice-matrix-frame{container-type:inline-size}.ice-matrix-frame>iframe{height:5000px}"));
    assert!(
        css.contains(
            "@container (min-width:320px){.ice-matrix-frame>iframe{height:calc(5000px + (100cqw - 320px) * -400 / 80)}}"
        ),
        "{css}"
    );
    assert!(css.ends_with("@container (min-width:720px){.ice-matrix-frame>iframe{height:3600px}}"), "{css}");
    // Any other view, or options that change the height, is not what was measured: 720 px, then its own size.
    for (hash, q) in [("#cell=a.b", ""), ("", "header=0"), ("", "rows=5")] {
        let s = snippet("https://h.org/ice/", hash, &Options::from_query(q), "T", &HEIGHTS);
        assert!(s.iframe.starts_with("<iframe ") && s.iframe.contains(" height=\"720\" "), "{hash}{q}: {}", s.iframe);
    }
    assert!(
        snippet("https://h.org/", "", &Options::from_query("theme=dark"), "T", &HEIGHTS).iframe.starts_with("<div")
    );
    assert_eq!(snippet("https://h.org/", "", &Options::default(), "T", &[]).iframe.find("<div"), None);
}

#[test]
fn wordpress_appends_a_secret_after_the_hash_and_gets_its_own_height_message() {
    use ice_matrix_core::embed::split_wp_secret;
    assert_eq!(split_wp_secret("#?secret=Ab12"), ("", Some("Ab12".into())));
    assert_eq!(split_wp_secret("#cell=a.b#?secret=Ab12"), ("#cell=a.b", Some("Ab12".into())));
    assert_eq!(split_wp_secret("#cell=a.b"), ("#cell=a.b", None));
    assert_eq!(split_wp_secret("#?secret=<x>"), ("", None), "a secret outside the safe alphabet is ignored");
    let o = Options { wp_secret: Some("Ab12".into()), ..Options::default() };
    let m = resize_messages(1800, "https://x.org/", &o);
    assert!(m.contains(&Message::WordPress { secret: "Ab12".into(), message: "height", value: "1800".into() }));
    assert!(
        !resize_messages(1800, "https://x.org/", &Options::default())
            .iter()
            .any(|m| matches!(m, Message::WordPress { .. }))
    );
}

#[test]
fn the_amp_and_newsletter_variants_carry_the_view_and_the_image() {
    use ice_matrix_core::embed::{amp, newsletter};
    let a = amp("https://h.org/ice/", "#cell=a.b", &Options::default(), "T & U", 720);
    assert!(a.starts_with("<amp-iframe src=\"https://h.org/ice/#cell=a.b\" title=\"T &amp; U\""), "{a}");
    assert!(
        a.contains(" resizable ")
            && a.contains("<amp-img placeholder layout=\"fill\" src=\"https://h.org/ice/img/matrix-light.png\"")
    );
    assert!(a.contains("<div overflow "));
    let n = newsletter("https://h.org/ice/", "#cell=a.b", "T", "A \"matrix\"");
    assert!(
        n.contains("<a href=\"https://h.org/ice/#cell=a.b\"><img src=\"https://h.org/ice/img/matrix-light.png\""),
        "{n}"
    );
    assert!(n.contains("alt=\"A &quot;matrix&quot;\""));
}

#[test]
fn an_embed_pins_a_version_or_follows_the_current_one_from_either_address() {
    use ice_matrix_core::embed::versioned;
    for base in [
        "https://x.org/ice/",
        "https://x.org/ice/index.html",
        "https://x.org/ice/v/0.2.1/",
        "https://x.org/ice/v/0.2.1/index.html",
    ] {
        assert_eq!(versioned(base, "0.2.1", false), "https://x.org/ice/", "{base}");
        assert_eq!(versioned(base, "0.2.1", true), "https://x.org/ice/v/0.2.1/", "{base}");
    }
    // A folder merely named v, or another version's copy, is the host's own folder.
    assert_eq!(versioned("https://x.org/v/", "1", false), "https://x.org/v/");
    assert_eq!(versioned("https://x.org/v/2/", "0.2.1", false), "https://x.org/v/2/");
    assert_eq!(versioned("https://x.org/v/2/", "0.2.1", true), "https://x.org/v/2/v/0.2.1/");
    assert_eq!(versioned("index.html", "1", true), "v/1/");
}

#[test]
fn wordpress_ready_asks_again_for_this_frame_only_and_messages_leave_the_readers_view_out() {
    let o = Options { wp_secret: Some("Ab3dE6gH9k".into()), ..Options::default() };
    assert!(is_wp_ready("ready", "Ab3dE6gH9k", &o));
    assert!(!is_wp_ready("ready", "another", &o), "another frame's secret");
    assert!(!is_wp_ready("height", "Ab3dE6gH9k", &o));
    assert!(!is_wp_ready("ready", "", &Options::default()), "outside WordPress");
    assert_eq!(
        message_src("https://g.example/im/?theme=dark#q=my+search&cell=a.b"),
        "https://g.example/im/?theme=dark"
    );
    assert_eq!(message_src("https://g.example/im/"), "https://g.example/im/");
}
