//! The tokenizer: numbers, words and single punctuation marks, each with its byte span,
//! so a target can point back at the exact words it was read from.
//!
//! Hand-written rather than regex-based to keep the WebAssembly bundle small.

use crate::number::parse_vi_number;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// A number in Vietnamese notation, already read (`76,55` → 76.55).
    Num(f64),
    /// A run of letters (and digits after the first letter): `tỷ`, `IPv6`, `4G`.
    Word,
    /// One punctuation mark or symbol.
    Sym(char),
    /// Digits and separators that do not form a number (`3.1.1`, `1.2.3`): headings,
    /// versions. Never a value.
    Code,
}

/// A token with its place in the input.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub kind: Kind,
    /// Byte offsets into the input.
    pub start: usize,
    pub end: usize,
    /// Lowercased text of a word; empty for other kinds.
    pub lower: String,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// First token on its line (or of the input).
    pub line_start: bool,
    /// A tab precedes it: a new table cell.
    pub tab_before: bool,
    /// A number written with a separator (`1.000`, `76,5`), so not a bare year.
    pub grouped: bool,
    /// Number of digits in a number token.
    pub digits: usize,
}

/// Letters glued to digits that are kept with them as one word (`4G`, `5G`, `3D`):
/// short, ASCII, upper-case. Anything else (`01tuần`, `100Mb`) is a number and a word.
fn keeps_glued(letters: &str) -> bool {
    !letters.is_empty()
        && letters.len() <= 3
        && letters
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Combining diacritics, so decomposed (NFD) Vietnamese still makes whole words.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Splits `text` into tokens. Markdown emphasis (`*`, `**`) is dropped: the plans were
/// converted from documents with bold deadlines (`trước **ngày 15/12/2024**`).
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut it = text.char_indices().peekable();
    let (mut space, mut line_start, mut tab) = (false, true, false);
    while let Some(&(i, c)) = it.peek() {
        if c.is_whitespace() {
            space = true;
            line_start |= c == '\n' || c == '\r';
            tab |= c == '\t';
            it.next();
            continue;
        }
        if c == '*' {
            it.next();
            continue;
        }
        let mut push = |kind: Kind, start: usize, end: usize, toks: &mut Vec<Tok>| {
            let slice = text.get(start..end).unwrap_or("");
            let lower = if kind == Kind::Word {
                slice.to_lowercase()
            } else {
                String::new()
            };
            let grouped = slice.contains(['.', ',']);
            let digits = slice.bytes().filter(u8::is_ascii_digit).count();
            toks.push(Tok {
                kind,
                start,
                end,
                lower,
                space_before: space,
                line_start,
                tab_before: tab,
                grouped,
                digits,
            });
            space = false;
            line_start = false;
            tab = false;
        };
        if c.is_ascii_digit() {
            // Digits, with '.' or ',' allowed only between digits.
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else if d == '.' || d == ',' {
                    let mut ahead = it.clone();
                    ahead.next();
                    match ahead.peek() {
                        Some(&(_, n)) if n.is_ascii_digit() => {
                            it.next();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            // Letters glued on: `4G` stays a word, `01tuần` is a number and a word.
            let letters_start = end;
            let mut letters_end = end;
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) && (letters_end > letters_start || !d.is_ascii_digit()) {
                    letters_end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let letters = text.get(letters_start..letters_end).unwrap_or("");
            if keeps_glued(letters) {
                push(Kind::Word, i, letters_end, &mut toks);
                continue;
            }
            let digits = text.get(i..end).unwrap_or("");
            let kind = match parse_vi_number(digits) {
                Some(v) => Kind::Num(v),
                None => Kind::Code,
            };
            push(kind, i, end, &mut toks);
            if !letters.is_empty() {
                push(Kind::Word, letters_start, letters_end, &mut toks);
            }
        } else if is_word_char(c) {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            push(Kind::Word, i, end, &mut toks);
        } else {
            it.next();
            push(Kind::Sym(c), i, i + c.len_utf8(), &mut toks);
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        tokenize(s)
            .iter()
            .map(|t| match t.kind {
                Kind::Num(v) => format!("N{v}"),
                Kind::Word => format!("W{}", &s[t.start..t.end]),
                Kind::Sym(c) => format!("S{c}"),
                Kind::Code => format!("C{}", &s[t.start..t.end]),
            })
            .collect()
    }

    #[test]
    fn numbers_words_and_symbols() {
        assert_eq!(kinds("đạt 76,55%."), ["Wđạt", "N76.55", "S%", "S."]);
        assert_eq!(kinds("1.428.322 thuê bao"), ["N1428322", "Wthuê", "Wbao"]);
        assert_eq!(kinds("15-20%"), ["N15", "S-", "N20", "S%"]);
        assert_eq!(kinds("4G/5G"), ["W4G", "S/", "W5G"]);
        assert_eq!(kinds("01 lần/01tuần"), ["N1", "Wlần", "S/", "N1", "Wtuần"]);
        assert_eq!(kinds("3.1.1. Phát"), ["C3.1.1", "S.", "WPhát"]);
        assert_eq!(
            kinds("trước **ngày 15/12/2024**"),
            ["Wtrước", "Wngày", "N15", "S/", "N12", "S/", "N2024"]
        );
        assert_eq!(kinds("100Mb/s"), ["N100", "WMb", "S/", "Ws"]);
    }

    #[test]
    fn layout_flags() {
        let t = tokenize("a\n1.\tb c");
        assert!(t[0].line_start && t[1].line_start && !t[2].line_start);
        assert!(t[3].tab_before && !t[4].tab_before && t[4].space_before);
    }
}
