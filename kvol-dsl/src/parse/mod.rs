//! Syntax: token streams into the typed input of [`crate::ast`]. Each macro's body is a list of
//! comma-separated entries; an entry that fails to parse is reported and skipped, so every
//! syntax problem of an invocation is reported at once.

pub mod container;
pub mod kinds;
pub mod manifests;
pub mod pod;
pub mod pv;
pub mod pvc;
pub mod scheduling;
pub mod service;
pub mod statefulset;
pub mod storage_class;
pub mod value;

use crate::{
    ctxt::{Ctxt, Sp},
    suggest,
};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::cell::Cell;

/// Parsing state shared by one invocation: the error collector and the interpolation counter.
pub struct P<'c> {
    /// Where errors go.
    pub cx: &'c Ctxt,
    interps: Cell<usize>,
    /// Inside `manifests!`: values must be literals (they are checked against each other).
    pub literal_only: bool,
}

impl<'c> P<'c> {
    /// A parser reporting into `cx`.
    pub fn new(cx: &'c Ctxt) -> Self {
        P {
            cx,
            interps: Cell::new(0),
            literal_only: false,
        }
    }
    /// How many interpolations were parsed.
    pub fn interp_count(&self) -> usize {
        self.interps.get()
    }
    /// The next interpolation's index.
    pub fn next_interp(&self) -> usize {
        let i = self.interps.get();
        self.interps.set(i + 1);
        i
    }
}

/// Splits the shim's `$crate ; body` into the crate path and the body. Without a `;` (direct
/// use of the impl macro) the path is `::kvol`.
pub fn split_crate(input: TokenStream) -> (TokenStream, TokenStream) {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let semi = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ';'));
    match semi {
        Some(i) if i > 0 => {
            let krate: TokenStream = tokens[..i].iter().cloned().collect();
            let body: TokenStream = tokens[i + 1..].iter().cloned().collect();
            (krate, body)
        }
        _ => (quote::quote!(::kvol), tokens.into_iter().collect()),
    }
}

/// The tokens of a stream with invisible (`None`-delimited) groups opened, so input forwarded
/// through `macro_rules!` fragments parses like input written directly.
pub fn flatten(input: TokenStream) -> Vec<TokenTree> {
    let mut out = Vec::new();
    for t in input {
        match t {
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => {
                out.extend(flatten(g.stream()))
            }
            t => out.push(t),
        }
    }
    out
}

/// Splits tokens at top-level commas. Empty entries (a trailing comma) are dropped.
pub fn split_commas(tokens: Vec<TokenTree>) -> Vec<Vec<TokenTree>> {
    let mut entries = Vec::new();
    let mut current = Vec::new();
    for t in tokens {
        if matches!(&t, TokenTree::Punct(p) if p.as_char() == ',') {
            if !current.is_empty() {
                entries.push(std::mem::take(&mut current));
            }
        } else {
            current.push(t);
        }
    }
    if !current.is_empty() {
        entries.push(current);
    }
    entries
}

/// The span range of a list of tokens (None if empty).
pub fn sp_of(tokens: &[TokenTree]) -> Option<Sp> {
    let first = tokens.first()?;
    let last = tokens.last()?;
    Some(Sp {
        start: first.span(),
        end: last.span(),
    })
}

/// A cursor over the tokens of one entry.
pub struct Cursor<'a> {
    toks: &'a [TokenTree],
    pos: usize,
    /// Where "expected …" errors go at the end of the entry.
    end: Span,
    /// For an entry's cursor: how many errors there were when the entry began (`usize::MAX`
    /// for other cursors), so the entry's trailing tokens are not reported twice.
    errors_before: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor over `toks`; `end` is used for errors past the last token.
    pub fn new(toks: &'a [TokenTree], end: Span) -> Self {
        let end = toks.last().map(TokenTree::span).unwrap_or(end);
        Cursor {
            toks,
            pos: 0,
            end,
            errors_before: usize::MAX,
        }
    }
    /// The next token, if any.
    pub fn peek(&self) -> Option<&'a TokenTree> {
        self.toks.get(self.pos)
    }
    /// The token after the next one.
    pub fn peek2(&self) -> Option<&'a TokenTree> {
        self.toks.get(self.pos + 1)
    }
    /// Takes the next token.
    pub fn bump(&mut self) -> Option<&'a TokenTree> {
        let t = self.toks.get(self.pos);
        if t.is_some() {
            self.pos += 1;
        }
        t
    }
    /// True when every token was consumed.
    pub fn eof(&self) -> bool {
        self.pos >= self.toks.len()
    }
    /// The span of the next token, or of the end of the entry.
    pub fn span(&self) -> Sp {
        Sp::one(self.peek().map(TokenTree::span).unwrap_or(self.end))
    }
    /// The span of the previous token.
    pub fn prev_span(&self) -> Sp {
        let i = self.pos.saturating_sub(1);
        Sp::one(self.toks.get(i).map(TokenTree::span).unwrap_or(self.end))
    }
    /// The range of all remaining tokens.
    pub fn rest_sp(&self) -> Sp {
        sp_of(self.toks.get(self.pos..).unwrap_or(&[])).unwrap_or(Sp::one(self.end))
    }
    /// True when the next token is the punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == c)
    }
    /// Consumes the punctuation `c` if it is next.
    pub fn eat_punct(&mut self, c: char) -> bool {
        let yes = self.is_punct(c);
        if yes {
            self.pos += 1;
        }
        yes
    }
    /// True when the next tokens are `=>`.
    pub fn is_fat_arrow(&self) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '=')
            && matches!(self.peek2(), Some(TokenTree::Punct(p)) if p.as_char() == '>')
    }
    /// Consumes `=>` if it is next.
    pub fn eat_fat_arrow(&mut self) -> bool {
        let yes = self.is_fat_arrow();
        if yes {
            self.pos += 2;
        }
        yes
    }
    /// The next identifier's text (raw identifiers without `r#`), if an identifier is next.
    pub fn peek_ident(&self) -> Option<String> {
        match self.peek() {
            Some(TokenTree::Ident(i)) => Some(ident_text(i)),
            _ => None,
        }
    }
    /// Consumes the identifier `word` if it is next.
    pub fn eat_word(&mut self, word: &str) -> bool {
        let yes = self.peek_ident().as_deref() == Some(word);
        if yes {
            self.pos += 1;
        }
        yes
    }
    /// The next token if it is a group with this delimiter.
    pub fn peek_group(&self, delim: Delimiter) -> Option<&'a Group> {
        match self.peek() {
            Some(TokenTree::Group(g)) if g.delimiter() == delim => Some(g),
            _ => None,
        }
    }
    /// Skips the rest of the entry (after an error that makes it unreadable).
    pub fn skip_rest(&mut self) {
        self.pos = self.toks.len();
    }
    /// Reports tokens left over after a complete value.
    pub fn finish(&self, p: &P, after: &str) {
        // The value of this entry was already reported: what follows it is part of that mistake.
        if p.cx.len() > self.errors_before {
            return;
        }
        if let Some(t) = self.peek() {
            p.cx.error(
                self.rest_sp(),
                format!(
                    "unexpected `{}` after {after}\nhelp: separate entries with `,`",
                    short(t)
                ),
            );
        }
    }
}

/// An identifier's text without the `r#` of raw identifiers.
pub fn ident_text(i: &proc_macro2::Ident) -> String {
    let s = i.to_string();
    s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
}

/// A token as a short string for messages.
pub fn short(t: &TokenTree) -> String {
    match t {
        TokenTree::Group(g) => match g.delimiter() {
            Delimiter::Brace => "{ … }".into(),
            Delimiter::Bracket => "[ … ]".into(),
            Delimiter::Parenthesis => "( … )".into(),
            Delimiter::None => "…".into(),
        },
        t => t.to_string(),
    }
}

/// The head of an entry: its key identifier and what follows.
pub struct Entry<'a> {
    /// The key.
    pub key: String,
    /// The key's span.
    pub key_sp: Sp,
    /// A cursor after the key.
    pub rest: Cursor<'a>,
}

/// Reads the key of an entry: an identifier. Reports anything else.
pub fn entry<'a>(p: &P, toks: &'a [TokenTree]) -> Option<Entry<'a>> {
    let sp = sp_of(toks)?;
    let mut c = Cursor::new(toks, sp.end);
    c.errors_before = p.cx.len();
    match c.bump() {
        Some(TokenTree::Ident(i)) => Some(Entry {
            key: ident_text(i),
            key_sp: Sp::one(i.span()),
            rest: c,
        }),
        Some(t) => {
            p.cx.error(
                Sp::one(t.span()),
                format!("expected a key such as `name:`, found `{}`", short(t)),
            );
            None
        }
        None => None,
    }
}

/// Requires `:` after a key.
pub fn colon(p: &P, e: &mut Entry) -> bool {
    if e.rest.eat_punct(':') {
        if e.rest.eof() {
            p.cx.error(
                e.key_sp.to(e.rest.prev_span()),
                format!("`{}:` needs a value", e.key),
            );
            return false;
        }
        true
    } else {
        p.cx.error(
            e.rest.span(),
            format!(
                "expected `:` after `{}`\nhelp: write `{}: VALUE`",
                e.key, e.key
            ),
        );
        false
    }
}

/// Reports an unknown key with a suggestion.
pub fn unknown_key(p: &P, e: &Entry, what: &str, keys: &[&str]) {
    let mut msg = format!("unknown key `{}` in {what}", e.key);
    if let Some(c) = suggest::closest(&e.key, keys) {
        msg.push_str(&format!(": did you mean `{c}`?"));
    }
    msg.push_str(&format!("\nhelp: expected {}", suggest::one_of(keys)));
    p.cx.error(e.key_sp, msg);
}

/// Tracks keys already seen, to report duplicates.
#[derive(Default)]
pub struct Seen(Vec<String>);

impl Seen {
    /// Records `e`'s key; reports it if it was given before and may appear only once.
    pub fn once(&mut self, p: &P, e: &Entry) -> bool {
        if self.0.contains(&e.key) {
            p.cx.error(
                e.key_sp,
                format!("`{}` is given twice\nhelp: remove one of them", e.key),
            );
            false
        } else {
            self.0.push(e.key.clone());
            true
        }
    }
}

/// The body of a brace (or parenthesised) group as entries.
pub fn group_entries(g: &Group) -> Vec<Vec<TokenTree>> {
    split_commas(flatten(g.stream()))
}
