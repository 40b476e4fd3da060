//! Tokenizer. Positions are character offsets (not bytes) so that editor
//! columns line up for any input.

use super::ast::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Number(f64),
    /// Identifier as written (may contain dots: `IndClass.sector`, `adv8.5`).
    Ident(String),
    Op(&'static str),
    LParen,
    RParen,
    Comma,
    Question,
    Colon,
    Eof,
}

impl Tok {
    pub fn describe(&self) -> String {
        match self {
            Tok::Number(n) => format!("number {n}"),
            Tok::Ident(s) => format!("'{s}'"),
            Tok::Op(o) => format!("'{o}'"),
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::Comma => "','".into(),
            Tok::Question => "'?'".into(),
            Tok::Colon => "':'".into(),
            Tok::Eof => "end of formula".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// A lexing failure: message plus character offset.
#[derive(Debug)]
pub struct LexError {
    pub message: String,
    pub offset: usize,
    pub expected: Vec<String>,
}

const OPS: [&str; 15] = ["<=", ">=", "==", "!=", "||", "&&", "+", "-", "*", "/", "^", "<", ">", "!", "="];

pub fn lex(chars: &[char]) -> Result<Vec<Token>, LexError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            i = scan_number(chars, i);
            let text: String = chars[start..i].iter().collect();
            let value = text.parse::<f64>().map_err(|_| LexError {
                message: format!("malformed number '{text}'"),
                offset: start,
                expected: vec!["number".into()],
            })?;
            out.push(Token { tok: Tok::Number(value), span: Span { start, end: i } });
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            i = scan_ident(chars, i);
            let text: String = chars[start..i].iter().collect();
            out.push(Token { tok: Tok::Ident(text), span: Span { start, end: i } });
            continue;
        }
        let simple = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            ',' => Some(Tok::Comma),
            '?' => Some(Tok::Question),
            ':' => Some(Tok::Colon),
            _ => None,
        };
        if let Some(tok) = simple {
            i += 1;
            out.push(Token { tok, span: Span { start, end: i } });
            continue;
        }
        let mut matched = None;
        for op in OPS {
            let oc: Vec<char> = op.chars().collect();
            if chars[i..].starts_with(&oc) {
                matched = Some(op);
                break;
            }
        }
        match matched {
            // Lone '!' and '=' are not operators of the language.
            Some("!") | Some("=") => {
                return Err(LexError {
                    message: format!("unexpected character '{c}'"),
                    offset: start,
                    expected: vec!["'=='".into(), "'!='".into()],
                })
            }
            Some(op) => {
                i += op.chars().count();
                out.push(Token { tok: Tok::Op(op), span: Span { start, end: i } });
            }
            None => {
                return Err(LexError {
                    message: format!("unexpected character '{c}'"),
                    offset: start,
                    expected: vec!["expression".into()],
                })
            }
        }
    }
    out.push(Token { tok: Tok::Eof, span: Span { start: chars.len(), end: chars.len() } });
    Ok(out)
}

/// Digits with an optional fraction (`2.`, `.001`, `8.93`) and exponent.
fn scan_number(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
        let mut j = i + 1;
        if j < chars.len() && (chars[j] == '+' || chars[j] == '-') {
            j += 1;
        }
        if j < chars.len() && chars[j].is_ascii_digit() {
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// Identifier, with `.name` segments (`IndClass.sector`) and, for the
/// `adv{d}` fields, a fractional day count (`adv8.5`).
fn scan_ident(chars: &[char], mut i: usize) -> usize {
    let start = i;
    let word = |i: &mut usize| {
        while *i < chars.len() && (chars[*i].is_alphanumeric() || chars[*i] == '_') {
            *i += 1;
        }
    };
    word(&mut i);
    loop {
        if i + 1 < chars.len() && chars[i] == '.' {
            let next = chars[i + 1];
            if next.is_alphabetic() || next == '_' {
                i += 1;
                word(&mut i);
                continue;
            }
            if next.is_ascii_digit() && is_adv(&chars[start..i]) {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
        }
        break;
    }
    i
}

fn is_adv(word: &[char]) -> bool {
    word.len() > 3
        && word[..3].iter().collect::<String>().eq_ignore_ascii_case("adv")
        && word[3..].iter().all(|c| c.is_ascii_digit())
}
