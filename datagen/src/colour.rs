//! WCAG contrast arithmetic, so text colours are computed from the palette, never picked by eye.

/// Parses `#rrggbb`.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Relative luminance as defined by WCAG 2.x.
pub fn luminance(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// Contrast ratio between two colours (1 to 21).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The text colour (near-black or white) that reads best on `fill`.
pub fn ink_for(fill: [u8; 3]) -> &'static str {
    const DARK: [u8; 3] = [0x11, 0x11, 0x11];
    if contrast(fill, DARK) >= contrast(fill, [255, 255, 255]) { "#111111" } else { "#ffffff" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_to_1() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn ink_is_white_on_dark_fills_and_dark_on_light_ones() {
        assert_eq!(ink_for([0x08, 0x68, 0xac]), "#ffffff");
        assert_eq!(ink_for([0xee, 0xee, 0xee]), "#111111");
    }

    #[test]
    fn rejects_malformed_hex() {
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("123456"), None);
        assert_eq!(parse_hex("#12345g"), None);
        assert_eq!(parse_hex("#0868ac"), Some([0x08, 0x68, 0xac]));
    }
}
