//! Small geometry helpers shared by the SVG charts.

use std::f64::consts::PI;

use chitieu_core::number::fixed;

/// The few libm functions the charts use: JavaScript's `Math` in the browser, where
/// libm's code would grow the wasm; std's natively (the snapshots are native).
pub mod math {
    #[cfg(target_arch = "wasm32")]
    mod js {
        use wasm_bindgen::prelude::wasm_bindgen;

        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(js_namespace = Math)]
            pub fn cos(x: f64) -> f64;
            #[wasm_bindgen(js_namespace = Math)]
            pub fn sin(x: f64) -> f64;
            #[wasm_bindgen(js_namespace = Math)]
            pub fn pow(x: f64, y: f64) -> f64;
            #[wasm_bindgen(js_namespace = Math)]
            pub fn log10(x: f64) -> f64;
        }
    }
    #[cfg(target_arch = "wasm32")]
    pub use js::{cos, log10, pow, sin};

    #[cfg(not(target_arch = "wasm32"))]
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    #[cfg(not(target_arch = "wasm32"))]
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
}

/// A point on the upper semicircle at fraction `t` (0 = left end, 1 = right end).
pub fn polar(cx: f64, cy: f64, r: f64, t: f64) -> (f64, f64) {
    let a = PI * (1.0 - t.clamp(0.0, 1.0));
    (cx + r * math::cos(a), cy - r * math::sin(a))
}

/// An SVG path along the upper semicircle from fraction `from` to `to`.
pub fn arc_path(cx: f64, cy: f64, r: f64, from: f64, to: f64) -> String {
    let (x0, y0) = polar(cx, cy, r, from);
    let (x1, y1) = polar(cx, cy, r, to.max(from));
    // A semicircle never spans more than 180°, so the large-arc flag is always 0.
    format!(
        "M {} {} A {} {} 0 0 1 {} {}",
        f(x0),
        f(y0),
        f(r),
        f(r),
        f(x1),
        f(y1)
    )
}

/// A point on a full circle at fraction `t`, clockwise from the top.
pub fn ring_point(cx: f64, cy: f64, r: f64, t: f64) -> (f64, f64) {
    let a = 2.0 * PI * t.clamp(0.0, 1.0);
    (cx + r * math::sin(a), cy - r * math::cos(a))
}

/// An SVG path along a full circle from the top, clockwise, over fraction `t` of it.
/// A whole circle is drawn as two half arcs, since one arc cannot start and end at the
/// same point.
pub fn ring_path(cx: f64, cy: f64, r: f64, t: f64) -> String {
    let t = t.clamp(0.0, 1.0);
    let (x0, y0) = ring_point(cx, cy, r, 0.0);
    if t >= 0.9999 {
        let (xm, ym) = ring_point(cx, cy, r, 0.5);
        return format!(
            "M {} {} A {r2} {r2} 0 1 1 {} {} A {r2} {r2} 0 1 1 {} {}",
            f(x0),
            f(y0),
            f(xm),
            f(ym),
            f(x0),
            f(y0),
            r2 = f(r)
        );
    }
    let (x1, y1) = ring_point(cx, cy, r, t);
    let large = u8::from(t > 0.5);
    format!(
        "M {} {} A {r2} {r2} 0 {large} 1 {} {}",
        f(x0),
        f(y0),
        f(x1),
        f(y1),
        r2 = f(r)
    )
}

/// A coordinate with two decimals: enough for any screen, short in the markup.
pub fn f(v: f64) -> String {
    let s = fixed(v, 2);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The smallest "round" number (1, 2, 2.5 or 5 × 10ⁿ) at or above `v`; 1 for v ≤ 0.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mag = math::pow(10.0, math::log10(v).floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|&c| c >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * mag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicircle_ends_and_middle() {
        assert_eq!(polar(100.0, 100.0, 80.0, 0.0).0.round(), 20.0);
        assert_eq!(polar(100.0, 100.0, 80.0, 1.0).0.round(), 180.0);
        let (x, y) = polar(100.0, 100.0, 80.0, 0.5);
        assert_eq!((x.round(), y.round()), (100.0, 20.0));
        assert_eq!(
            arc_path(100.0, 100.0, 80.0, 0.0, 1.0),
            "M 20 100 A 80 80 0 0 1 180 100"
        );
    }

    #[test]
    fn ring_paths() {
        assert_eq!(
            ring_path(50.0, 50.0, 40.0, 0.25),
            "M 50 10 A 40 40 0 0 1 90 50"
        );
        assert_eq!(
            ring_path(50.0, 50.0, 40.0, 0.75),
            "M 50 10 A 40 40 0 1 1 10 50"
        );
        assert!(ring_path(50.0, 50.0, 40.0, 1.0).matches(" A ").count() == 2);
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(20.0), 20.0);
        assert_eq!(nice_ceiling(21.0), 25.0);
        assert_eq!(nice_ceiling(2e9), 2e9);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }
}
