//! Parsers for the values that appear after keys: names, strings, quantities, access modes,
//! numbers, flags, enum words, maps and lists.

use super::{Cursor, P, group_entries, ident_text, short, sp_of};
use crate::{
    ast::{
        Class, ExtraField, ExtraKind, ExtraVal, Guarantee, Interp, MapEntry, Modes, Name, Qty, Str,
        Val, Word,
    },
    ctxt::Sp,
    suggest,
};
use kvol_core::{AccessMode, Quantity};
use proc_macro2::{Delimiter, Literal, TokenStream, TokenTree};

/// An interpolated `{expr}` if one is next.
pub fn interp(p: &P, c: &mut Cursor, guarantee: Guarantee) -> Option<Interp> {
    let g = c.peek_group(Delimiter::Brace)?;
    c.bump();
    let sp = Sp::one(g.span());
    if g.stream().is_empty() {
        p.cx.error(
            sp,
            "empty `{}`: write the Rust expression to interpolate inside the braces",
        );
    }
    if p.literal_only {
        p.cx.error(
            sp,
            "`manifests!` checks its objects against each other while compiling, so its values \
             must be literals\nhelp: for run-time values build each object with its own macro \
             (`pod!`, `pvc!`, …) and check the set at run time with `kvol::Manifests`",
        );
    }
    // The expression alone (no braces, which would draw `unused_braces` in the expansion).
    let tokens: TokenStream = g.stream();
    Some(Interp {
        tokens,
        sp,
        guarantee,
        index: p.next_interp(),
    })
}

/// What kind of literal a token is.
pub enum LitKind {
    /// A string literal with its value.
    Str(String),
    /// An integer literal: digits and suffix.
    Int(String, String),
    /// A float literal.
    Float,
    /// Anything else (char, byte string, …).
    Other,
}

/// Classifies a literal token.
pub fn lit_kind(l: &Literal) -> LitKind {
    match syn::Lit::new(l.clone()) {
        syn::Lit::Str(s) => LitKind::Str(s.value()),
        syn::Lit::Int(i) => LitKind::Int(i.base10_digits().to_owned(), i.suffix().to_owned()),
        syn::Lit::Float(_) => LitKind::Float,
        _ => LitKind::Other,
    }
}

/// A string literal.
pub fn string(p: &P, c: &mut Cursor, what: &str) -> Option<Str> {
    match c.peek() {
        Some(TokenTree::Literal(l)) => {
            if let LitKind::Str(value) = lit_kind(l) {
                c.bump();
                return Some(Str {
                    value,
                    sp: Sp::one(l.span()),
                });
            }
        }
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
            c.bump();
            p.cx.error(
                Sp::one(g.span()),
                format!(
                    "{what} cannot be interpolated: kvol checks it while compiling\nhelp: write a \
                     string literal, or build the object at run time with the builder API"
                ),
            );
            return None;
        }
        _ => {}
    }
    p.cx.error(
        c.span(),
        format!("expected {what} as a string literal in double quotes"),
    );
    // Skip the wrong token so the entry's separator is found and no second error follows.
    if !matches!(c.peek(), None | Some(TokenTree::Punct(_))) {
        c.bump();
    }
    None
}

/// A literal name: an identifier, a hyphenated identifier (`mongo-pvc`) or a string literal.
pub fn literal_name(p: &P, c: &mut Cursor, what: &str) -> Option<Str> {
    match c.peek() {
        Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Str(_)) => string(p, c, what),
        Some(TokenTree::Ident(_)) => Some(hyphenated(c)),
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
            c.bump();
            p.cx.error(
                Sp::one(g.span()),
                format!(
                    "{what} cannot be interpolated: kvol checks that it is unique and that \
                     references to it resolve while compiling\nhelp: write the name literally \
                     (`data`, `mongo-pvc` or a string), or build the object with the builder API"
                ),
            );
            None
        }
        _ => {
            p.cx.error(
                c.span(),
                format!(
                    "expected {what}: an identifier such as `web`, a hyphenated name such as \
                     `mongo-pvc`, or a string literal"
                ),
            );
            None
        }
    }
}

/// `ident(-ident|-number)*`, starting at an identifier.
fn hyphenated(c: &mut Cursor) -> Str {
    let mut text = String::new();
    let mut sp = c.span();
    if let Some(TokenTree::Ident(i)) = c.bump() {
        text.push_str(&ident_text(i));
        sp = Sp::one(i.span());
    }
    while c.is_punct('-') {
        match c.peek2() {
            Some(TokenTree::Ident(i)) => {
                text.push('-');
                text.push_str(&ident_text(i));
                sp = sp.to(Sp::one(i.span()));
            }
            Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Int(..)) => {
                text.push('-');
                text.push_str(&l.to_string());
                sp = sp.to(Sp::one(l.span()));
            }
            _ => break,
        }
        c.bump();
        c.bump();
    }
    Str { value: text, sp }
}

/// A name that may be interpolated (`{expr}` of a validated name type).
pub fn name(p: &P, c: &mut Cursor, what: &str, guarantee: Guarantee) -> Option<Name> {
    if let Some(i) = interp(p, c, guarantee) {
        return Some(Val::Interp(i));
    }
    literal_name(p, c, what).map(|s| Val::Lit(s.value, s.sp))
}

/// Suffixes a quantity may have, for suggestions.
const SUFFIXES: [&str; 15] = [
    "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E",
];

/// A quantity: `1Gi`, `1.5Gi`, `500Mi`, `-1Gi`, `"1Ei"`, or `{expr}`. The text is checked with
/// kvol-core's parser here, so a typo is reported at the literal with a suggestion.
pub fn quantity(p: &P, c: &mut Cursor, what: &str, guarantee: Guarantee) -> Option<Qty> {
    if let Some(i) = interp(p, c, guarantee) {
        return Some(Val::Interp(i));
    }
    let start = c.span();
    let negative = c.eat_punct('-');
    let (text, sp, quoted) = match c.peek() {
        Some(TokenTree::Literal(l)) => {
            let sp = if negative {
                start.to(Sp::one(l.span()))
            } else {
                Sp::one(l.span())
            };
            match lit_kind(l) {
                LitKind::Str(s) => (s, sp, true),
                LitKind::Int(..) | LitKind::Float => (l.to_string(), sp, false),
                LitKind::Other => {
                    p.cx.error(sp, format!("expected {what} such as `1Gi`, found `{l}`"));
                    c.bump();
                    return None;
                }
            }
        }
        _ => {
            p.cx.error(
                c.span(),
                format!("expected {what}: a quantity such as `1Gi`, `500Mi` or `1.5Gi`"),
            );
            return None;
        }
    };
    c.bump();
    let text = if negative { format!("-{text}") } else { text };
    // `50 Gi`: Rust lexes the number and the suffix apart.
    if !quoted
        && let Some(TokenTree::Ident(suffix)) = c.peek()
        && SUFFIXES.contains(&suffix.to_string().as_str())
    {
        let joined = format!("{text}{suffix}");
        p.cx.error(
            sp.to(Sp::one(suffix.span())),
            format!(
                "a quantity is written without a space between the number and its suffix\n\
                 help: remove the space: `{joined}`"
            ),
        );
        c.bump();
        return None;
    }
    match text.parse::<Quantity>() {
        Ok(_) => Some(Val::Lit(text, sp)),
        Err(e) => {
            let mut msg = format!("invalid quantity `{text}`: {e}");
            if let Some(s) = suggest_quantity(&text) {
                msg.push_str(&format!("\nhelp: did you mean `{s}`?"));
            }
            if !quoted && (text.ends_with('E') || text.ends_with("Ei") || text.contains("E+")) {
                msg.push_str(&format!(
                    "\nhelp: Rust cannot lex `{text}` as one token; write it as a string: `\"{text}\"`"
                ));
            }
            msg.push_str(
                "\nnote: a quantity is a number with an optional suffix: Ki, Mi, Gi, Ti, Pi, Ei \
                 (powers of 1024), n, u, m, k, M, G, T, P, E (powers of 1000) or an exponent such \
                 as e3",
            );
            p.cx.error(sp, msg);
            None
        }
    }
}

/// A corrected spelling of a quantity whose suffix is a typo (`1Gb` → `1Gi`).
fn suggest_quantity(text: &str) -> Option<String> {
    let split =
        text.find(|ch: char| !(ch.is_ascii_digit() || ch == '.' || ch == '-' || ch == '+'))?;
    let (number, suffix) = text.split_at(split);
    if number.is_empty() {
        return None;
    }
    let lower = suffix.to_ascii_lowercase();
    let fixed = match lower.as_str() {
        "kb" | "kib" | "k" => "Ki",
        "mb" | "mib" => "Mi",
        "gb" | "gib" | "g" => "Gi",
        "tb" | "tib" | "t" => "Ti",
        "pb" | "pib" | "p" => "Pi",
        "eb" | "eib" => "Ei",
        _ => suggest::closest(suffix, &SUFFIXES)?,
    };
    Some(format!("{number}{fixed}"))
}

/// Every spelling of an access mode, for suggestions.
const MODE_WORDS: [&str; 8] = [
    "RWO",
    "ROX",
    "RWX",
    "RWOP",
    "ReadWriteOnce",
    "ReadOnlyMany",
    "ReadWriteMany",
    "ReadWriteOncePod",
];

/// `RWO`, `RWO | ROX`, `ReadWriteOnce`.
pub fn modes(p: &P, c: &mut Cursor) -> Option<Modes> {
    let mut items = Vec::new();
    let start = c.span();
    let mut ok = true;
    loop {
        match c.peek() {
            Some(TokenTree::Ident(i)) => {
                let word = ident_text(i);
                let sp = Sp::one(i.span());
                c.bump();
                match AccessMode::parse(&word) {
                    Some(m) => {
                        if items.iter().any(|w: &Word<AccessMode>| w.value == m) {
                            p.cx.error(sp, format!("access mode `{word}` is given twice"));
                            ok = false;
                        }
                        items.push(Word { value: m, sp });
                    }
                    None => {
                        p.cx.error(sp, suggest::unknown("access mode", &word, &MODE_WORDS));
                        ok = false;
                    }
                }
            }
            Some(t) => {
                p.cx.error(
                    Sp::one(t.span()),
                    format!(
                        "expected an access mode (RWO, ROX, RWX or RWOP), found `{}`",
                        short(t)
                    ),
                );
                return None;
            }
            None => {
                p.cx.error(c.span(), "expected an access mode (RWO, ROX, RWX or RWOP)");
                return None;
            }
        }
        if !c.eat_punct('|') {
            break;
        }
    }
    let sp = start.to(c.prev_span());
    ok.then_some(Modes { items, sp })
}

/// An integer literal (no suffix, or one of `suffixes`), possibly negative, or `{expr}`.
pub fn int(
    p: &P,
    c: &mut Cursor,
    what: &str,
    guarantee: Guarantee,
    suffixes: &[&str],
) -> Option<Val<i64>> {
    if let Some(i) = interp(p, c, guarantee) {
        return Some(Val::Interp(i));
    }
    let start = c.span();
    let negative = c.eat_punct('-');
    match c.peek() {
        Some(TokenTree::Literal(l)) => {
            let sp = if negative {
                start.to(Sp::one(l.span()))
            } else {
                Sp::one(l.span())
            };
            c.bump();
            match lit_kind(l) {
                LitKind::Int(digits, suffix) => {
                    if !suffix.is_empty() && !suffixes.contains(&suffix.as_str()) {
                        let mut msg = format!("unexpected suffix `{suffix}` on {what}");
                        if !suffixes.is_empty() {
                            msg.push_str(&format!(
                                "\nhelp: expected {}",
                                suggest::one_of(suffixes)
                            ));
                        }
                        p.cx.error(sp, msg);
                        return None;
                    }
                    match digits.parse::<i64>() {
                        Ok(v) => Some(Val::Lit(if negative { -v } else { v }, sp)),
                        Err(_) => {
                            p.cx.error(sp, format!("{what} `{l}` is too large"));
                            None
                        }
                    }
                }
                _ => {
                    p.cx.error(
                        sp,
                        format!("expected {what} as a whole number, found `{l}`"),
                    );
                    None
                }
            }
        }
        _ => {
            p.cx.error(c.span(), format!("expected {what} (a whole number)"));
            None
        }
    }
}

/// A word of one of kvol-core's API enums (`Retain`, `WaitForFirstConsumer`, `TCP`, …): the
/// words come from the enum's own definition (`ApiEnum`).
pub fn api_word<T: kvol_core::model::api_enum::ApiEnum>(p: &P, c: &mut Cursor) -> Option<Word<T>> {
    // Only this loop depends on `T`; the parsing is `word_at`'s, compiled once (BENCHMARKS.md,
    // compile cost: a generic parser was instantiated for each of the API's enums).
    let all = T::all();
    let (mut names, mut at) = (Vec::with_capacity(all.len()), Vec::with_capacity(all.len()));
    for (i, v) in all.iter().enumerate() {
        let w = v.api_word();
        if !w.is_empty() {
            names.push(w);
            at.push(i);
        }
    }
    word_at(p, c, T::WHAT, &names).map(|(k, sp)| Word {
        value: all[at[k]],
        sp,
    })
}

/// `true` or `false`.
pub fn boolean(p: &P, c: &mut Cursor, what: &str) -> Option<bool> {
    match c.peek_ident().as_deref() {
        Some("true") => {
            c.bump();
            Some(true)
        }
        Some("false") => {
            c.bump();
            Some(false)
        }
        _ => {
            p.cx.error(c.span(), format!("expected `true` or `false` for {what}"));
            c.bump();
            None
        }
    }
}

/// One identifier out of a fixed table (an enum value), with a suggestion when misspelt.
pub fn word<T: Copy>(p: &P, c: &mut Cursor, what: &str, table: &[(&str, T)]) -> Option<Word<T>> {
    let mut names = Vec::with_capacity(table.len());
    for entry in table {
        names.push(entry.0);
    }
    word_at(p, c, what, &names).map(|(k, sp)| Word {
        value: table[k].1,
        sp,
    })
}

/// One identifier out of `names`: its index and span, with a suggestion when misspelt.
fn word_at(p: &P, c: &mut Cursor, what: &str, names: &[&str]) -> Option<(usize, Sp)> {
    match c.peek() {
        Some(TokenTree::Ident(i)) => {
            let text = ident_text(i);
            let sp = Sp::one(i.span());
            c.bump();
            match names.iter().position(|n| *n == text) {
                Some(k) => Some((k, sp)),
                None => {
                    p.cx.error(sp, suggest::unknown(what, &text, names));
                    c.skip_rest();
                    None
                }
            }
        }
        Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Str(_)) => {
            let sp = Sp::one(l.span());
            c.bump();
            let text = match lit_kind(l) {
                LitKind::Str(s) => s,
                _ => String::new(),
            };
            let mut msg = format!("write {what} as an identifier, without quotes");
            if let Some(n) = names.iter().find(|n| **n == text) {
                msg.push_str(&format!(": `{n}`"));
            } else {
                msg.push_str(&format!("\nhelp: expected {}", suggest::one_of(names)));
            }
            p.cx.error(sp, msg);
            None
        }
        _ => {
            p.cx.error(
                c.span(),
                format!("expected {what}: {}", suggest::one_of(names)),
            );
            c.bump();
            None
        }
    }
}

/// A map key or value written without quotes: identifiers, numbers and `-`, `.`, `/` glued
/// together (`app`, `app.kubernetes.io/name`, `pd-ssd`), or a string literal, or `{expr}`.
pub(crate) fn map_atom(
    p: &P,
    toks: &[TokenTree],
    what: &str,
    guarantee: Guarantee,
    end: proc_macro2::Span,
) -> Option<Val<String>> {
    let mut c = Cursor::new(toks, end);
    if let Some(i) = interp(p, &mut c, guarantee) {
        c.finish(p, what);
        return Some(Val::Interp(i));
    }
    if let [TokenTree::Literal(l)] = toks
        && let LitKind::Str(s) = lit_kind(l)
    {
        return Some(Val::Lit(s, Sp::one(l.span())));
    }
    let sp = sp_of(toks)?;
    let mut text = String::new();
    for t in toks {
        match t {
            TokenTree::Ident(i) => text.push_str(&ident_text(i)),
            TokenTree::Literal(l) if !matches!(lit_kind(l), LitKind::Str(_) | LitKind::Other) => {
                text.push_str(&l.to_string())
            }
            TokenTree::Punct(pu) if matches!(pu.as_char(), '-' | '.' | '/' | '_') => {
                text.push(pu.as_char())
            }
            t => {
                p.cx.error(
                    Sp::one(t.span()),
                    format!(
                        "unexpected `{}` in {what}\nhelp: quote it: `\"…\"`",
                        short(t)
                    ),
                );
                return None;
            }
        }
    }
    Some(Val::Lit(text, sp))
}

/// `{ key: value, … }`: labels, annotations, parameters, selectors.
pub fn map(
    p: &P,
    c: &mut Cursor,
    what: &str,
    key_guarantee: Guarantee,
    value_guarantee: Guarantee,
) -> Option<Vec<MapEntry>> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            format!("expected {what} as `{{ key: value, … }}`"),
        );
        c.bump();
        return None;
    };
    c.bump();
    let mut out = Vec::new();
    for entry in group_entries(g) {
        let colon = entry
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':' ));
        let Some(at) = colon else {
            if let Some(sp) = sp_of(&entry) {
                p.cx.error(sp, format!("expected `key: value` in {what}"));
            }
            continue;
        };
        let (k, v) = entry.split_at(at);
        let v = v.get(1..).unwrap_or(&[]);
        if k.is_empty() || v.is_empty() {
            p.cx.error(
                sp_of(&entry).unwrap_or(Sp::one(g.span())),
                format!("expected `key: value` in {what}"),
            );
            continue;
        }
        let key = map_atom(p, k, &format!("a key of {what}"), key_guarantee, g.span());
        let value = map_atom(
            p,
            v,
            &format!("a value of {what}"),
            value_guarantee,
            g.span(),
        );
        if let (Some(key), Some(value)) = (key, value) {
            out.push(MapEntry { key, value });
        }
    }
    Some(out)
}

/// A literal written without quotes (identifiers, numbers and `-`, `.`, `/` glued together) or
/// as a string literal, never interpolated: environment variables' names and values.
pub fn literal_atom(p: &P, toks: &[TokenTree], what: &str, end: proc_macro2::Span) -> Option<Str> {
    match map_atom(p, toks, what, Guarantee::LabelValue, end)? {
        Val::Lit(value, sp) => Some(Str { value, sp }),
        Val::Interp(i) => {
            p.cx.error(
                i.sp,
                format!("{what} cannot be interpolated: environment variables are literals"),
            );
            None
        }
    }
}

/// A resource name written without quotes (`cpu`, `ephemeral-storage`, `hugepages-2Mi`,
/// `nvidia.com/gpu`) or as a string literal.
pub fn resource_name(p: &P, toks: &[TokenTree], end: proc_macro2::Span) -> Option<Str> {
    match map_atom(p, toks, "a resource name", Guarantee::QualifiedName, end)? {
        Val::Lit(value, sp) => Some(Str { value, sp }),
        Val::Interp(i) => {
            p.cx.error(
                i.sp,
                "a resource name cannot be interpolated: kvol checks it while compiling\nhelp: \
                 write it literally, e.g. `cpu` or `\"nvidia.com/gpu\"`",
            );
            None
        }
    }
}

/// `[a, b, "c"]`: a list of strings or literal names.
pub fn list(p: &P, c: &mut Cursor, what: &str) -> Option<Vec<Str>> {
    let Some(g) = c.peek_group(Delimiter::Bracket) else {
        p.cx.error(
            c.span(),
            format!("expected {what} as a list: `[\"a\", \"b\"]`"),
        );
        c.bump();
        return None;
    };
    c.bump();
    let mut out = Vec::new();
    for entry in group_entries(g) {
        let mut ec = Cursor::new(&entry, g.span());
        if let Some(s) = literal_name(p, &mut ec, what) {
            out.push(s);
        }
        ec.finish(p, "a list item");
    }
    Some(out)
}

/// A class: a string literal (`""` means no class) or `{expr}` (a validated class name).
pub fn class(p: &P, c: &mut Cursor) -> Option<Class> {
    if let Some(i) = interp(p, c, Guarantee::Dns1123Subdomain) {
        return Some(Class::Named(Val::Interp(i)));
    }
    match c.peek() {
        Some(TokenTree::Literal(l)) if matches!(lit_kind(l), LitKind::Str(_)) => {
            let s = string(p, c, "a StorageClass name")?;
            if s.value.is_empty() {
                Some(Class::None(s.sp))
            } else {
                Some(Class::Named(Val::Lit(s.value, s.sp)))
            }
        }
        Some(TokenTree::Ident(_)) => {
            let s = hyphenated(c);
            Some(Class::Named(Val::Lit(s.value, s.sp)))
        }
        _ => {
            p.cx.error(
                c.span(),
                "expected a StorageClass name such as `\"standard\"`, or `\"\"` for no class",
            );
            None
        }
    }
}

/// `{ name: value, … }`: the escape hatch's extra fields. Names are identifiers or string
/// literals (JSON names, checked against the Kubernetes schema when lowering); values are
/// literals (`true`, `1`, `-1`, `1.5`, `"s"`, `null`), lists `[…]` and maps `{…}`.
pub fn extras(p: &P, c: &mut Cursor, what: &str) -> Option<Vec<ExtraField>> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            format!("expected {what} as `{{ fieldName: value, … }}`"),
        );
        c.bump();
        return None;
    };
    c.bump();
    Some(extra_map(p, g))
}

fn extra_map(p: &P, g: &proc_macro2::Group) -> Vec<ExtraField> {
    let mut out: Vec<ExtraField> = Vec::new();
    for entry in group_entries(g) {
        let colon = entry
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':'));
        let (Some(at), Some(sp)) = (colon, sp_of(&entry)) else {
            if let Some(sp) = sp_of(&entry) {
                p.cx.error(sp, "expected `fieldName: value`");
            }
            continue;
        };
        let (k, v) = entry.split_at(at);
        let v = v.get(1..).unwrap_or(&[]);
        let key = match k {
            [TokenTree::Ident(i)] => Some(Str {
                value: ident_text(i),
                sp: Sp::one(i.span()),
            }),
            [TokenTree::Literal(l)] => match lit_kind(l) {
                LitKind::Str(value) => Some(Str {
                    value,
                    sp: Sp::one(l.span()),
                }),
                _ => None,
            },
            _ => None,
        };
        let Some(key) = key else {
            p.cx.error(
                sp_of(k).unwrap_or(sp),
                "expected a field name (an identifier or a string literal)",
            );
            continue;
        };
        if v.is_empty() {
            p.cx.error(sp, format!("expected a value for `{}`", key.value));
            continue;
        }
        if out.iter().any(|f| f.key.value == key.value) {
            p.cx.error(key.sp, format!("`{}` is set twice", key.value));
            continue;
        }
        if let Some(value) = extra_value(p, v) {
            out.push(ExtraField { key, value });
        }
    }
    out
}

fn extra_value(p: &P, toks: &[TokenTree]) -> Option<ExtraVal> {
    let sp = sp_of(toks)?;
    let bad = |msg: &str| {
        p.cx.error(sp, format!("{msg}\nhelp: an extra field's value is a literal (`true`, `3`, `-1`, `1.5`, `\"text\"`, `null`), a list `[…]` or a map `{{ name: value }}`"));
        None
    };
    let (negative, rest) = match toks {
        [TokenTree::Punct(pu), rest @ ..] if pu.as_char() == '-' => (true, rest),
        _ => (false, toks),
    };
    let kind = match rest {
        [TokenTree::Ident(i)] if !negative => match ident_text(i).as_str() {
            "true" => ExtraKind::Bool(true),
            "false" => ExtraKind::Bool(false),
            "null" => ExtraKind::Null,
            other => return bad(&format!("`{other}` is not a value")),
        },
        [TokenTree::Literal(l)] => match lit_kind(l) {
            LitKind::Str(s) if !negative => ExtraKind::Str(s),
            LitKind::Int(digits, suffix) if suffix.is_empty() => {
                let text = if negative {
                    format!("-{digits}")
                } else {
                    digits
                };
                match text.parse::<i64>() {
                    Ok(n) => ExtraKind::Int(n),
                    Err(_) => return bad("this integer does not fit in 64 bits"),
                }
            }
            LitKind::Float => {
                let text = l.to_string().replace('_', "");
                match text.parse::<f64>() {
                    Ok(f) if f.is_finite() => ExtraKind::Float(if negative { -f } else { f }),
                    _ => return bad("this number is not a plain float"),
                }
            }
            _ => return bad("unexpected literal"),
        },
        [TokenTree::Group(g)] if !negative && g.delimiter() == Delimiter::Bracket => {
            let mut items = Vec::new();
            for entry in group_entries(g) {
                if let Some(v) = extra_value(p, &entry) {
                    items.push(v);
                }
            }
            ExtraKind::Seq(items)
        }
        [TokenTree::Group(g)] if !negative && g.delimiter() == Delimiter::Brace => {
            let is_map = g.stream().is_empty()
                || g.stream()
                    .into_iter()
                    .any(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':'));
            if !is_map {
                p.cx.error(
                    sp,
                    "an extra field's value cannot be interpolated: kvol checks it while \
                     compiling\nhelp: write the value as a literal, or build the object at run \
                     time with the builder API's `.extra(name, value)`",
                );
                return None;
            }
            ExtraKind::Map(extra_map(p, g))
        }
        _ => return bad("expected one value"),
    };
    Some(ExtraVal { kind, sp })
}
