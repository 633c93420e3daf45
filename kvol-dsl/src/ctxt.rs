//! The error collector: every problem of an invocation is pushed here and reported at once
//! (serde's `Ctxt` idiom), each at the span of the smallest wrong token.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use std::cell::RefCell;

/// A source range: the first and the last token of something the user wrote. Errors built from
/// it underline the whole range (`mongo-pvc`, `RWOP | RWO`), on stable Rust.
#[derive(Debug, Clone, Copy)]
pub struct Sp {
    /// The first token's span.
    pub start: Span,
    /// The last token's span.
    pub end: Span,
}

impl Sp {
    /// A range of one token.
    pub fn one(span: Span) -> Sp {
        Sp {
            start: span,
            end: span,
        }
    }
    /// From the start of `self` to the end of `other`.
    pub fn to(self, other: Sp) -> Sp {
        Sp {
            start: self.start,
            end: other.end,
        }
    }
    /// An error over this range.
    pub fn error(self, message: impl std::fmt::Display) -> syn::Error {
        let mut tokens = TokenStream::new();
        tokens.extend([
            TokenTree::Ident(Ident::new("__kvol_start", self.start)),
            TokenTree::Ident(Ident::new("__kvol_end", self.end)),
        ]);
        syn::Error::new_spanned(tokens, message)
    }
}

/// Collects errors (and compile-time warnings) while an invocation is parsed and checked.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// A new, empty collector.
    pub fn new() -> Ctxt {
        Ctxt::default()
    }
    /// Records an error.
    pub fn push(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }
    /// Records an error at `sp`.
    pub fn error(&self, sp: Sp, message: impl std::fmt::Display) {
        self.push(sp.error(message));
    }
    /// How many errors were recorded.
    pub fn len(&self) -> usize {
        self.errors.borrow().len()
    }
    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.errors.borrow().is_empty()
    }
    /// True when something was recorded.
    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }
    /// All errors combined into one (each keeps its span), or `Ok` when there were none.
    pub fn check(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                for e in errors {
                    first.combine(e);
                }
                Err(first)
            }
        }
    }
}
