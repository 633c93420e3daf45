//! The API's enum words (`ReadWriteOnce`, `WaitForFirstConsumer`, `DirectoryOrCreate`, …) from
//! one definition per enum.
//!
//! Every enum of the model whose values are API words is declared with the crate-private
//! `api_enum!` macro, which lists each variant with its word once and generates, for `T`:
//!
//! - `T::ALL: [T; N]`: every variant in declaration order (`&T::ALL` is the slice);
//! - `T::WORDS: [&str; N]`: their API words, in the same order;
//! - `T::TYPE_NAME`: the Rust type's name (`"AccessMode"`), and `t.variant_name()`: the Rust
//!   variant's name (`"ReadWriteOnce"`), so a code generator can write `AccessMode::ReadWriteOnce`;
//! - `t.as_str()` and `Display`: the API word;
//! - `FromStr`: the API word back, or an [`UnknownWord`] error that lists the supported words;
//! - [`Emit`](crate::render::Emit) (and `serde::Serialize` with the `serde` feature): the API
//!   word;
//! - the [`ApiEnum`] trait, for code that handles every such enum alike.
//!
//! ```
//! use kvol_core::model::api_enum::ApiEnum;
//! use kvol_core::storage_class::VolumeBindingMode;
//!
//! let mode: VolumeBindingMode = "WaitForFirstConsumer".parse()?;
//! assert_eq!(mode, VolumeBindingMode::WaitForFirstConsumer);
//! assert_eq!(mode.as_str(), "WaitForFirstConsumer");
//! assert_eq!(mode.to_string(), "WaitForFirstConsumer");
//! assert_eq!(VolumeBindingMode::WORDS, ["Immediate", "WaitForFirstConsumer"]);
//! assert_eq!(
//!     format!("{}::{}", VolumeBindingMode::TYPE_NAME, mode.variant_name()),
//!     "VolumeBindingMode::WaitForFirstConsumer",
//! );
//! assert_eq!(<VolumeBindingMode as ApiEnum>::all().len(), 2);
//!
//! let err = "WaitForFirstConsumers".parse::<VolumeBindingMode>().unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "unknown volume binding mode \"WaitForFirstConsumers\": supported values: \
//!      \"Immediate\", \"WaitForFirstConsumer\"",
//! );
//! assert_eq!(err.suggestion(), Some("WaitForFirstConsumer"));
//! # Ok::<(), kvol_core::model::api_enum::UnknownWord>(())
//! ```

use std::{fmt, str::FromStr};

/// What every enum declared with `api_enum!` offers (see the [module documentation](self)).
pub trait ApiEnum:
    Copy + Eq + fmt::Debug + fmt::Display + FromStr<Err = UnknownWord> + 'static
{
    /// The Rust type's name, e.g. `"AccessMode"`.
    const TYPE_NAME: &'static str;
    /// What a value is called in messages, e.g. `"access mode"`.
    const WHAT: &'static str;
    /// Every variant, in declaration order.
    fn all() -> &'static [Self];
    /// Every API word, in the order of [`all`](ApiEnum::all).
    fn words() -> &'static [&'static str];
    /// The API word, e.g. `"ReadWriteOnce"`.
    fn api_word(self) -> &'static str;
    /// The Rust variant's name, e.g. `"ReadWriteOnce"`.
    fn rust_variant(self) -> &'static str;
}

/// A word that is none of an API enum's words (the error of its `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// What a value is called, e.g. `"access mode"`.
    pub what: &'static str,
    /// The word as given.
    pub found: String,
    /// Every supported word.
    pub supported: &'static [&'static str],
}

impl UnknownWord {
    /// The supported word closest to the one given, for "did you mean"
    /// ([`crate::suggest::did_you_mean`]).
    pub fn suggestion(&self) -> Option<&'static str> {
        crate::suggest::did_you_mean(&self.found, self.supported)
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: supported values: ",
            self.what, self.found
        )?;
        for (i, word) in self.supported.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{word:?}")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownWord {}

/// Declares an enum of API words (see the module documentation):
///
/// ```ignore
/// api_enum! {
///     /// Docs of the enum.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     pub enum RetentionAction("retention action") {
///         /// Docs of the variant.
///         Retain = "Retain",
///         Delete = "Delete",
///     }
/// }
/// ```
macro_rules! api_enum {
    (
        $(#[$attr:meta])*
        pub enum $ty:ident($what:literal) {
            $($(#[$vattr:meta])* $variant:ident = $word:literal),+ $(,)?
        }
    ) => {
        $(#[$attr])*
        pub enum $ty {
            $($(#[$vattr])* $variant,)+
        }

        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: [$ty; [$($word),+].len()] = [$($ty::$variant),+];
            /// The API words, in the order of [`ALL`](Self::ALL).
            pub const WORDS: [&'static str; [$($word),+].len()] = [$($word),+];
            /// The Rust type's name, for generated code.
            pub const TYPE_NAME: &'static str = stringify!($ty);

            /// The API word.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $word,)+
                }
            }

            /// The Rust variant's name, for generated code (`Type::Variant`).
            pub const fn variant_name(self) -> &'static str {
                match self {
                    $($ty::$variant => stringify!($variant),)+
                }
            }
        }

        impl $crate::model::api_enum::ApiEnum for $ty {
            const TYPE_NAME: &'static str = stringify!($ty);
            const WHAT: &'static str = $what;
            fn all() -> &'static [Self] {
                &Self::ALL
            }
            fn words() -> &'static [&'static str] {
                &Self::WORDS
            }
            fn api_word(self) -> &'static str {
                self.as_str()
            }
            fn rust_variant(self) -> &'static str {
                self.variant_name()
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::model::api_enum::UnknownWord;
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    $($word => Ok($ty::$variant),)+
                    _ => Err($crate::model::api_enum::UnknownWord {
                        what: $what,
                        found: s.to_owned(),
                        supported: &$ty::WORDS,
                    }),
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::render::Emit for $ty {
            fn emit(&self, out: &mut dyn $crate::render::Sink) {
                out.str(self.as_str())
            }
        }
        serde_via_emit!($ty);
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        access::{AccessMode, ReclaimPolicy, VolumeMode},
        container::{
            ContainerRestartPolicy, MountPropagationMode, PullPolicy, RecursiveReadOnlyMode,
            TerminationMessagePolicy,
        },
        pod::{Protocol, RestartPolicy},
        probe::UriScheme,
        security::SeccompProfileType,
        selector::{NodeSelectorOperator, SelectorOperator},
        statefulset::{PodManagementPolicy, RetentionAction},
        storage_class::VolumeBindingMode,
        volume::{HostPathType, StorageMedium},
    };

    fn round_trips<T: ApiEnum>() {
        assert_eq!(T::all().len(), T::words().len());
        for (value, word) in T::all().iter().zip(T::words()) {
            assert_eq!(value.api_word(), *word);
            assert_eq!(value.to_string(), *word);
            assert_eq!(word.parse::<T>().ok(), Some(*value));
            assert!(!value.rust_variant().is_empty());
        }
        let err = "nope".parse::<T>().unwrap_err();
        assert_eq!(err.what, T::WHAT);
        assert_eq!(err.supported, T::words());
    }

    #[test]
    fn every_api_enum_round_trips() {
        round_trips::<AccessMode>();
        round_trips::<VolumeMode>();
        round_trips::<ReclaimPolicy>();
        round_trips::<Protocol>();
        round_trips::<RestartPolicy>();
        round_trips::<HostPathType>();
        round_trips::<StorageMedium>();
        round_trips::<PodManagementPolicy>();
        round_trips::<RetentionAction>();
        round_trips::<VolumeBindingMode>();
        round_trips::<SelectorOperator>();
        round_trips::<NodeSelectorOperator>();
        round_trips::<PullPolicy>();
        round_trips::<TerminationMessagePolicy>();
        round_trips::<ContainerRestartPolicy>();
        round_trips::<MountPropagationMode>();
        round_trips::<RecursiveReadOnlyMode>();
        round_trips::<UriScheme>();
        round_trips::<SeccompProfileType>();
    }

    #[test]
    fn unknown_words_list_the_supported_ones() {
        let err = "rwo".parse::<AccessMode>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown access mode \"rwo\": supported values: \"ReadWriteOnce\", \
             \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOncePod\""
        );
        assert_eq!(Protocol::SCTP.variant_name(), "SCTP");
        assert_eq!(Protocol::TYPE_NAME, "Protocol");
    }
}
