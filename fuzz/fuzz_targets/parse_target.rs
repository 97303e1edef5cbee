//! Target sentences: `parse_targets` on any text, checked by [`chitieu_fuzz::check_parse`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    chitieu_fuzz::check_parse(&String::from_utf8_lossy(data));
});
