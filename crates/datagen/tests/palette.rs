//! The outcome palettes, checked from the data and the stylesheet as they are: every fill has 3:1 against the
//! light and the dark background, and the fills stay apart for readers with each common colour-vision
//! deficiency. (The 4.5:1 contrast of the text on each fill is a validation rule: a dataset without it does not
//! build.)

use std::fs;
use std::path::Path;

use ice_matrix_datagen::colour::{Vision, contrast, delta_e, parse_hex};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// An outcome's id, fill and text colour.
type Swatch = (String, [u8; 3], [u8; 3]);

/// The palettes of the dataset the build uses and of the fixture tracker.
fn palettes() -> Vec<Vec<Swatch>> {
    let fixture = root().join("tests/fixtures/divestment.toml").to_string_lossy().into_owned();
    [ice_matrix_datagen::dataset_path(), fixture]
        .iter()
        .map(|path| {
            let data = ice_matrix_datagen::load_file(path).unwrap_or_else(|e| panic!("{e}"));
            data.outcomes
                .iter()
                .map(|o| (o.id.to_string(), parse_hex(o.color).unwrap(), parse_hex(o.ink).unwrap()))
                .collect()
        })
        .collect()
}

/// The `--bg` values in static/style.css: the light theme's first, then the dark one's.
fn backgrounds() -> Vec<[u8; 3]> {
    let css = fs::read_to_string(root().join("static/style.css")).unwrap();
    let mut out: Vec<[u8; 3]> = Vec::new();
    for part in css.split("--bg:").skip(1) {
        let hex = part.trim_start().split(';').next().unwrap().trim();
        let rgb = parse_hex(hex).unwrap_or_else(|| panic!("--bg {hex} is not #rrggbb"));
        if !out.contains(&rgb) {
            out.push(rgb);
        }
    }
    assert!(out.len() >= 2, "light and dark backgrounds: {out:?}");
    out
}

#[test]
fn every_fill_stands_out_from_both_backgrounds() {
    for bg in backgrounds() {
        for (id, fill, _) in palettes().concat() {
            let c = contrast(fill, bg);
            assert!(c >= 3.0, "{id}: {c:.2}:1 against background {bg:?}");
        }
    }
}

#[test]
fn fills_stay_distinguishable_with_colour_vision_deficiencies() {
    for p in palettes() {
        for v in Vision::ALL {
            for (i, a) in p.iter().enumerate() {
                for b in &p[i + 1..] {
                    let d = delta_e(a.1, b.1, v);
                    assert!(d >= 10.0, "{} and {} are only ΔE {d:.1} apart with {v:?}", a.0, b.0);
                }
            }
        }
    }
}
