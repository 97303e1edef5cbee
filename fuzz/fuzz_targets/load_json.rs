//! JSON datasets: `load_json` → round trips → score → format, checked by
//! [`chitieu_fuzz::check_json`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    chitieu_fuzz::check_json(&String::from_utf8_lossy(data));
});
