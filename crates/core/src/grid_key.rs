//! Moving focus within the matrix with the keyboard (the WAI-ARIA grid pattern), as pure logic.

/// A key that moves focus within the grid (the WAI-ARIA grid pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKey {
    Up,
    Down,
    Left,
    Right,
    /// Home: the first cell of the row.
    RowStart,
    /// End: the last cell of the row.
    RowEnd,
    /// Ctrl+Home: the first cell of the grid.
    First,
    /// Ctrl+End: the last cell of the grid.
    Last,
}

impl GridKey {
    /// Maps a `KeyboardEvent.key` and the Ctrl (or Cmd) state to a move, if it is one.
    pub fn from_key(key: &str, ctrl: bool) -> Option<GridKey> {
        Some(match (key, ctrl) {
            ("ArrowUp", _) => GridKey::Up,
            ("ArrowDown", _) => GridKey::Down,
            ("ArrowLeft", _) => GridKey::Left,
            ("ArrowRight", _) => GridKey::Right,
            ("Home", false) => GridKey::RowStart,
            ("End", false) => GridKey::RowEnd,
            ("Home", true) => GridKey::First,
            ("End", true) => GridKey::Last,
            _ => return None,
        })
    }

    /// The (row, column) focus moves to from `at` in a grid of `rows` × `cols`; it stops at the edges.
    pub fn step(self, at: (usize, usize), rows: usize, cols: usize) -> (usize, usize) {
        if rows == 0 || cols == 0 {
            return (0, 0);
        }
        let (r, c) = (at.0.min(rows - 1), at.1.min(cols - 1));
        match self {
            GridKey::Up => (r.saturating_sub(1), c),
            GridKey::Down => ((r + 1).min(rows - 1), c),
            GridKey::Left => (r, c.saturating_sub(1)),
            GridKey::Right => (r, (c + 1).min(cols - 1)),
            GridKey::RowStart => (r, 0),
            GridKey::RowEnd => (r, cols - 1),
            GridKey::First => (0, 0),
            GridKey::Last => (rows - 1, cols - 1),
        }
    }
}
