//! Keyboard moves within the grid (the WAI-ARIA grid pattern).

use ice_matrix_core::grid_key::GridKey::{self, *};

#[test]
fn grid_keys_move_one_cell_stop_at_edges_and_jump_to_ends() {
    let (rows, cols) = (4, 9);
    assert_eq!(Right.step((0, 0), rows, cols), (0, 1));
    assert_eq!(Down.step((0, 0), rows, cols), (1, 0));
    assert_eq!(Left.step((2, 0), rows, cols), (2, 0), "stops at the left edge");
    assert_eq!(Up.step((0, 5), rows, cols), (0, 5), "stops at the top");
    assert_eq!(Right.step((1, 8), rows, cols), (1, 8), "stops at the right edge");
    assert_eq!(Down.step((3, 2), rows, cols), (3, 2), "stops at the bottom");
    assert_eq!(RowStart.step((2, 6), rows, cols), (2, 0));
    assert_eq!(RowEnd.step((2, 6), rows, cols), (2, 8));
    assert_eq!(First.step((2, 6), rows, cols), (0, 0));
    assert_eq!(Last.step((2, 6), rows, cols), (3, 8));
    assert_eq!(Down.step((9, 9), rows, cols), (3, 8), "a stale position is clamped");
    assert_eq!(Down.step((0, 0), 0, 0), (0, 0), "an empty grid");
    assert_eq!(GridKey::from_key("Home", true), Some(First));
    assert_eq!(GridKey::from_key("End", false), Some(RowEnd));
    assert_eq!(GridKey::from_key("Enter", false), None);
}
