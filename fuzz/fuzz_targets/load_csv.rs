//! CSV datasets: `load_csv` → round trips → score → format, checked by
//! [`chitieu_fuzz::check_csv`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    chitieu_fuzz::check_csv(&String::from_utf8_lossy(data));
});
