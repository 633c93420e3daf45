//! The Kubernetes release kvol validates for: it decides what is deprecated, removed or not yet
//! available.

use std::{fmt, str::FromStr};

/// A Kubernetes minor release (`1.x`).
///
/// ```
/// use kvol_core::KubeVersion;
/// let v: KubeVersion = "1.30".parse().unwrap();
/// assert!(v < KubeVersion::DEFAULT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KubeVersion {
    minor: u32,
}

impl KubeVersion {
    /// The oldest release kvol supports.
    pub const OLDEST: KubeVersion = KubeVersion { minor: 30 };
    /// The newest release kvol knows.
    pub const NEWEST: KubeVersion = KubeVersion { minor: 37 };
    /// The release validated for unless the caller says otherwise.
    pub const DEFAULT: KubeVersion = KubeVersion { minor: 34 };

    /// `1.minor`, if kvol supports it.
    pub const fn new(minor: u32) -> Option<KubeVersion> {
        if minor >= Self::OLDEST.minor && minor <= Self::NEWEST.minor {
            Some(KubeVersion { minor })
        } else {
            None
        }
    }
    /// The minor number (`34` for 1.34).
    pub const fn minor(self) -> u32 {
        self.minor
    }
    /// Every supported release, oldest first.
    pub fn all() -> impl Iterator<Item = KubeVersion> {
        (Self::OLDEST.minor..=Self::NEWEST.minor).map(|minor| KubeVersion { minor })
    }
}

impl Default for KubeVersion {
    fn default() -> Self {
        KubeVersion::DEFAULT
    }
}

impl fmt::Display for KubeVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "1.{}", self.minor)
    }
}

/// The error for a version kvol does not support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedVersion(pub String);

impl fmt::Display for UnsupportedVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unsupported Kubernetes version {:?}: kvol supports {} to {}",
            self.0,
            KubeVersion::OLDEST,
            KubeVersion::NEWEST
        )
    }
}
impl std::error::Error for UnsupportedVersion {}

impl FromStr for KubeVersion {
    type Err = UnsupportedVersion;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UnsupportedVersion(s.to_owned());
        let rest = s.strip_prefix('v').unwrap_or(s);
        let rest = rest.strip_prefix("1.").ok_or_else(bad)?;
        let minor = rest.split('.').next().ok_or_else(bad)?;
        let minor: u32 = minor.parse().map_err(|_| bad())?;
        KubeVersion::new(minor).ok_or_else(bad)
    }
}
