//! The one walk: each DSL key is handled in one place, which yields the kvol-core builder value
//! the rules check and the expression the expansion emits ([`Lowered`]), and records the span of
//! the token behind each field path so a rule's error lands on that token.
//!
//! Interpolated values (`{expr}`) are checked through placeholders of their type. With
//! interpolations the walk runs several passes (every placeholder at its type's smallest value,
//! at its largest, and alternating), so a rule that fails only for some values of the type is
//! still reported: a macro that compiled cannot build an invalid object at run time. The
//! emitted expression is the same in every pass.

mod claim;
mod container;
mod container_extra;
mod extra;
mod manifests;
pub mod objects;
mod pv;
mod scheduling;
mod volume;
mod words;

pub use manifests::lower_manifests;
pub use objects::lower_object;

use crate::{
    ast::{Guarantee, Interp, Val},
    ctxt::{Ctxt, Sp},
    lowered::Lowered,
};
use kvol_core::FieldPath;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

/// Which values the placeholders take in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Every placeholder at its type's smallest value.
    Min,
    /// Every placeholder at its largest.
    Max,
    /// Even-numbered interpolations small, odd ones large (`true`), or the reverse.
    Alternate(bool),
}

impl Pass {
    /// The passes an invocation with `interps` interpolations needs.
    pub fn all(interps: usize) -> &'static [Pass] {
        if interps == 0 {
            &[Pass::Min]
        } else {
            &[
                Pass::Min,
                Pass::Max,
                Pass::Alternate(true),
                Pass::Alternate(false),
            ]
        }
    }
    fn large(self, index: usize) -> bool {
        match self {
            Pass::Min => false,
            Pass::Max => true,
            Pass::Alternate(odd_large) => (index % 2 == 1) == odd_large,
        }
    }
}

/// Field paths of the object being lowered, each with the span of the token behind it.
#[derive(Default)]
pub struct Spans {
    /// A path, its token, and the value written there (to tell apart several fields that
    /// the API server reports under one path, such as every `subPath` of a container).
    entries: Vec<(FieldPath, Sp, Option<String>)>,
    /// For spans of interpolations: their placeholder text in this pass and the type.
    pub interps: Vec<(Sp, String, Guarantee)>,
}

impl Spans {
    /// The span registered for exactly `path`, else for its nearest registered ancestor, and
    /// whether the match was exact. Paths are compared as typed values, never as text.
    pub fn find(&self, path: &FieldPath) -> Option<(Sp, bool)> {
        self.find_value(path, None)
    }

    /// The value written at exactly `path`, when one was registered.
    pub fn value_at(&self, path: &FieldPath) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(q, _, v)| q == path && v.is_some())
            .and_then(|(_, _, v)| v.as_deref())
    }

    /// As [`find`](Self::find); where several tokens share the exact path, the one whose
    /// value the error quotes (`"../x"`) wins.
    pub fn find_value(&self, path: &FieldPath, quoted: Option<&str>) -> Option<(Sp, bool)> {
        let by_value = self.entries.iter().rev().find(|(q, _, v)| {
            q == path
                && v.as_ref()
                    .zip(quoted)
                    .is_some_and(|(v, q)| format!("{v:?}") == q)
        });
        if let Some((_, sp, _)) = by_value {
            return Some((*sp, true));
        }
        let exact = |p: &FieldPath| {
            self.entries
                .iter()
                .rev()
                .find(|(q, _, _)| q == p)
                .map(|(_, sp, _)| *sp)
        };
        if let Some(sp) = exact(path) {
            return Some((sp, true));
        }
        let mut p = path.parent();
        while let Some(up) = p {
            if let Some(sp) = exact(&up) {
                return Some((sp, false));
            }
            p = up.parent();
        }
        None
    }
}

/// The state of one pass of the walk.
pub struct Cx<'c> {
    /// Which values placeholders take.
    pass: Pass,
    /// Where each field came from.
    pub spans: Spans,
    /// The object's kind, for notes.
    pub kind: &'static str,
    /// The emitted path of the facade crate (`$crate` of the shim).
    pub krate: TokenStream,
    /// The emitted path of kvol-core.
    pub k: TokenStream,
    /// `let` bindings of interpolated values, each evaluated once, in order of first use.
    pub lets: Vec<TokenStream>,
    bound: Vec<usize>,
    /// Where errors found while lowering (numbers out of range) go.
    pub ctxt: &'c Ctxt,
}

impl<'c> Cx<'c> {
    /// A pass over one object.
    pub fn new(pass: Pass, kind: &'static str, krate: &TokenStream, ctxt: &'c Ctxt) -> Self {
        Cx {
            pass,
            spans: Spans::default(),
            kind,
            krate: krate.clone(),
            k: quote!(#krate::__private::kvol_core),
            lets: Vec::new(),
            bound: Vec::new(),
            ctxt,
        }
    }

    /// Records that `path` came from the tokens at `sp`.
    pub fn reg(&mut self, path: &FieldPath, sp: Sp) {
        self.spans.entries.push((path.clone(), sp, None));
    }

    /// Records that `path` came from the quantity `q` (with its text, when literal).
    pub fn reg_quantity(&mut self, path: &FieldPath, q: &Val<String>) {
        match q {
            Val::Lit(text, sp) => self.reg_value(path, *sp, text),
            Val::Interp(i) => self.reg(path, i.sp),
        }
    }

    /// Records that `path` came from the tokens at `sp`, which wrote `value`: for the paths
    /// the API server reports without an index, shared by several fields.
    pub fn reg_value(&mut self, path: &FieldPath, sp: Sp, value: &str) {
        self.spans
            .entries
            .push((path.clone(), sp, Some(value.to_owned())));
    }

    /// The emitted use of an interpolation: its `let` binding (made on first use), cloned.
    fn interp_tokens(&mut self, i: &Interp) -> TokenStream {
        let id = Ident::new(&format!("__kvol_value_{}", i.index), Span::mixed_site());
        if !self.bound.contains(&i.index) {
            self.bound.push(i.index);
            let krate = &self.krate;
            let conv = format_ident!("{}", conv_fn(i.guarantee));
            let tokens = &i.tokens;
            self.lets
                .push(quote!(let #id = #krate::__private::interp::#conv(#tokens);));
        }
        quote!(::core::clone::Clone::clone(&#id))
    }

    /// A string the user wrote.
    pub fn string(&mut self, s: &str) -> Lowered<String> {
        let krate = &self.krate;
        Lowered::leaf(s.to_owned(), quote!(#krate::__private::string(#s)))
    }

    /// A name or text, literal or interpolated.
    pub fn text(&mut self, v: &Val<String>) -> Lowered<String> {
        match v {
            Val::Lit(s, _) => self.string(s),
            Val::Interp(i) => {
                let t = text_placeholder(i.guarantee, i.index, self.pass.large(i.index));
                self.spans.interps.push((i.sp, t.clone(), i.guarantee));
                let tokens = self.interp_tokens(i);
                Lowered::leaf(t, tokens)
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, b: bool) -> Lowered<bool> {
        Lowered::leaf(b, quote!(#b))
    }

    /// A whole number for a 32-bit API field. A literal out of range is an error at its token
    /// (never clamped); `what` names the field in the message.
    pub fn int32(&mut self, v: &Val<i64>, what: &str) -> Lowered<i32> {
        match v {
            Val::Lit(n, sp) => {
                let value = match i32::try_from(*n) {
                    Ok(value) => value,
                    Err(_) => {
                        let (size, bound) = if *n < 0 {
                            ("small", i32::MIN)
                        } else {
                            ("large", i32::MAX)
                        };
                        self.ctxt.error(
                            *sp,
                            format!(
                                "`{n}` is too {size} for {what}: the API stores it as a 32-bit \
                                 integer (limit {bound})\nnote: kvol never clamps a number; \
                                 write a value from {} to {}",
                                i32::MIN,
                                i32::MAX
                            ),
                        );
                        0
                    }
                };
                Lowered::leaf(value, quote!(#value))
            }
            Val::Interp(i) => {
                let n = int_placeholder(i.guarantee, self.pass.large(i.index));
                self.spans.interps.push((i.sp, n.to_string(), i.guarantee));
                let tokens = self.interp_tokens(i);
                Lowered::leaf(n, tokens)
            }
        }
    }

    /// A whole number for a 64-bit API field.
    pub fn int64(&mut self, v: &Val<i64>) -> Lowered<i64> {
        match v {
            Val::Lit(n, _) => Lowered::leaf(*n, quote!(#n)),
            Val::Interp(i) => {
                let n = int_placeholder(i.guarantee, self.pass.large(i.index));
                self.spans.interps.push((i.sp, n.to_string(), i.guarantee));
                let tokens = self.interp_tokens(i);
                Lowered::leaf(i64::from(n), quote!(::core::primitive::i64::from(#tokens)))
            }
        }
    }

    /// A file mode (`0o644`): a literal out of `u32` range is an error at its token.
    pub fn file_mode(&mut self, v: &Val<i64>) -> Lowered<kvol_core::volume::FileMode> {
        let (value, tokens) = match v {
            Val::Lit(n, sp) => {
                let value = u32::try_from(*n).unwrap_or_else(|_| {
                    self.ctxt.error(
                        *sp,
                        format!("file mode `{n}` is out of range\nhelp: write it in octal, from `0o0` to `0o777`"),
                    );
                    0
                });
                (value, quote!(#value))
            }
            Val::Interp(i) => {
                let n = int_placeholder(i.guarantee, self.pass.large(i.index));
                self.spans.interps.push((i.sp, n.to_string(), i.guarantee));
                let tokens = self.interp_tokens(i);
                (
                    u32::try_from(n).unwrap_or_default(),
                    quote!(::core::primitive::u32::try_from(#tokens).unwrap_or_default()),
                )
            }
        };
        let k = &self.k;
        Lowered::leaf(
            kvol_core::volume::FileMode(value),
            quote!(#k::volume::FileMode(#tokens)),
        )
    }

    /// A quantity (already checked by the parser), literal or interpolated.
    pub fn quantity(&mut self, v: &Val<String>) -> Lowered<kvol_core::Quantity> {
        match v {
            Val::Lit(text, sp) => {
                let value = text.parse().unwrap_or_else(|_| {
                    self.ctxt
                        .error(*sp, format!("`{text}` is not a Kubernetes quantity"));
                    kvol_core::Quantity::from_bytes(0)
                });
                let krate = &self.krate;
                Lowered::leaf(value, quote!(#krate::__private::quantity(#text)))
            }
            Val::Interp(i) => {
                let t = text_placeholder(i.guarantee, i.index, self.pass.large(i.index));
                self.spans.interps.push((i.sp, t.clone(), i.guarantee));
                let tokens = self.interp_tokens(i);
                let value = t
                    .parse()
                    .unwrap_or_else(|_| kvol_core::Quantity::from_bytes(0));
                Lowered::leaf(value, tokens)
            }
        }
    }
}

/// The conversion function of `kvol::__private::interp` for a guarantee.
fn conv_fn(g: Guarantee) -> &'static str {
    match g {
        Guarantee::Dns1123Label => "dns1123_label",
        Guarantee::Dns1123Subdomain => "dns1123_subdomain",
        Guarantee::Dns1035Label => "dns1035_label",
        Guarantee::QualifiedName => "qualified_name",
        Guarantee::LabelValue => "label_value",
        Guarantee::Quantity | Guarantee::PositiveQuantity => "positive_quantity",
        Guarantee::Count => "count",
        Guarantee::Port => "port",
    }
}

/// A distinct short lowercase word for each index: `a`, `b`, …, `z`, `ba`, ….
fn letters(mut index: usize) -> String {
    let mut out = String::new();
    loop {
        out.insert(0, char::from(b'a' + (index % 26) as u8));
        index /= 26;
        if index == 0 {
            break;
        }
    }
    out
}

/// `prefix` padded with `a` to `len` bytes.
fn padded(prefix: &str, len: usize) -> String {
    let mut s = prefix.to_owned();
    while s.len() < len {
        s.push('a');
    }
    s
}

/// The placeholder text of a string-like guarantee.
fn text_placeholder(g: Guarantee, index: usize, large: bool) -> String {
    let short = letters(index);
    match (g, large) {
        (Guarantee::LabelValue, false) => String::new(),
        (Guarantee::PositiveQuantity | Guarantee::Quantity, false) => "1".into(),
        (Guarantee::PositiveQuantity | Guarantee::Quantity, true) => "8Ei".into(),
        (_, false) => short,
        (Guarantee::Dns1123Subdomain, true) => {
            // Four labels of 63, 63, 63 and 61 bytes: 253 bytes in all.
            let l = padded(&short, 63);
            format!("{l}.{l}.{l}.{}", padded(&short, 61))
        }
        (Guarantee::QualifiedName, true) => {
            let l = padded(&short, 63);
            format!("{l}.{l}.{l}.{}/{}", padded(&short, 61), padded(&short, 63))
        }
        (_, true) => padded(&short, 63),
    }
}

/// The placeholder of a numeric guarantee.
fn int_placeholder(g: Guarantee, large: bool) -> i32 {
    match (g, large) {
        (Guarantee::Port, false) => 1,
        (_, false) => 0,
        (_, true) => 65535,
    }
}
