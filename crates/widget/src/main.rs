fn main() {
    #[cfg(target_arch = "wasm32")]
    ice_matrix_widget::start();
}
