//! The whole widget (built with the `full` feature): loaded by the first view's wasm when the reader asks for a
//! part it leaves out, it takes that widget's place, opening the same view.
fn main() {
    #[cfg(target_arch = "wasm32")]
    ice_matrix_widget::start();
}
