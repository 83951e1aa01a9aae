//! The frame heights file beside a dataset (`data/dataset.toml` → `data/dataset.heights.toml`): the default
//! view's height at common frame widths, measured in Chromium by `scripts/measure-heights`. The embed code
//! reserves these heights so that the article around the frame does not move while the widget loads. The
//! file is optional (another tracker starts without one, and its embed code then starts at 720 px).

use std::path::{Path, PathBuf};

use ice_matrix_core::embed::FrameHeight;
use serde::Deserialize;

use crate::Problem;

/// The bounds `embed.js` accepts for a height, and a sane range of frame widths.
const HEIGHTS: std::ops::RangeInclusive<u32> = 120..=20_000;
const WIDTHS: std::ops::RangeInclusive<u16> = 200..=4_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    frame: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    width: u16,
    height: u32,
}

/// Where the heights for the dataset at `dataset` live.
pub fn path_for(dataset: &str) -> PathBuf {
    Path::new(dataset).with_extension("heights.toml")
}

/// Reads and checks a heights file's text: widths strictly ascending and within bounds, heights within what
/// `embed.js` accepts.
pub fn parse(text: &str) -> Result<Vec<FrameHeight>, Vec<Problem>> {
    let file: File = toml::from_str(text).map_err(|e| vec![Problem::new("heights", "", e.message().to_string())])?;
    let mut problems = Vec::new();
    for (i, row) in file.frame.iter().enumerate() {
        let record = format!("frame[{i}] (width {})", row.width);
        if !WIDTHS.contains(&row.width) {
            problems.push(Problem::new(&record, "width", format!("must be {} to {} px", WIDTHS.start(), WIDTHS.end())));
        }
        if !HEIGHTS.contains(&row.height) {
            problems.push(Problem::new(
                &record,
                "height",
                format!("must be {} to {} px (what embed.js accepts)", HEIGHTS.start(), HEIGHTS.end()),
            ));
        }
        if i > 0 && file.frame[i - 1].width >= row.width {
            problems.push(Problem::new(&record, "width", "widths must ascend, each once"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(file.frame.into_iter().map(|r| FrameHeight { width: r.width, height: r.height }).collect())
}

/// The heights for the dataset at `dataset`: none when there is no file, else the file's, or why not.
pub fn load_for(dataset: &str) -> Result<Vec<FrameHeight>, String> {
    let path = path_for(dataset);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text).map_err(|p| crate::report(&path.to_string_lossy(), &p)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heights_file_reads_in_order() {
        let h = parse("[[frame]]\nwidth = 320\nheight = 4000\n[[frame]]\nwidth = 1280\nheight = 3000\n").unwrap();
        assert_eq!(h, vec![FrameHeight { width: 320, height: 4000 }, FrameHeight { width: 1280, height: 3000 }]);
        assert_eq!(parse("").unwrap(), vec![]);
        assert_eq!(path_for("/a/data/dataset.toml"), Path::new("/a/data/dataset.heights.toml"));
    }

    #[test]
    fn a_broken_heights_file_names_the_row_and_field() {
        let text = "[[frame]]\nwidth = 390\nheight = 50\n[[frame]]\nwidth = 390\nheight = 4000\n";
        let p = parse(text).unwrap_err();
        let said: Vec<String> = p.iter().map(|p| p.to_string()).collect();
        assert!(said.iter().any(|s| s.contains("frame[0] (width 390)") && s.contains("height")), "{said:?}");
        assert!(said.iter().any(|s| s.contains("frame[1] (width 390)") && s.contains("ascend")), "{said:?}");
        assert!(parse("[[frame]]\nwidth = 390\n").is_err(), "a row without its height");
        assert!(parse("[[frame]]\nwidth = 390\nheight = 900\ncolour = 1\n").is_err(), "an unknown field");
        assert!(parse("[[frame]]\nwidth = -1\nheight = 900\n").is_err());
    }
}
