//! Access modes, volume modes and reclaim policies shared by volumes and claims.

use crate::render::{Emit, Sink};
use std::fmt;

api_enum! {
    /// How a volume can be mounted (`spec.accessModes`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum AccessMode("access mode") {
        /// `RWO`: read-write by a single node.
        ReadWriteOnce = "ReadWriteOnce",
        /// `ROX`: read-only by many nodes.
        ReadOnlyMany = "ReadOnlyMany",
        /// `RWX`: read-write by many nodes.
        ReadWriteMany = "ReadWriteMany",
        /// `RWOP`: read-write by a single pod; cannot be combined with another mode.
        ReadWriteOncePod = "ReadWriteOncePod",
    }
}

impl AccessMode {
    /// The kubectl abbreviation, e.g. `RWO`.
    pub fn abbreviation(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "RWO",
            AccessMode::ReadOnlyMany => "ROX",
            AccessMode::ReadWriteMany => "RWX",
            AccessMode::ReadWriteOncePod => "RWOP",
        }
    }

    /// Parses the API spelling or the abbreviation (`RWO`, `ReadWriteOnce`).
    pub fn parse(s: &str) -> Option<AccessMode> {
        AccessMode::ALL
            .into_iter()
            .find(|m| m.as_str() == s || m.abbreviation() == s)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of access modes, written in a fixed order (RWO, ROX, RWX, RWOP).
///
/// ```
/// use kvol_core::access::{AccessMode, AccessModes};
/// let pv = AccessModes::from_iter([AccessMode::ReadWriteOnce, AccessMode::ReadOnlyMany]);
/// let claim = AccessModes::from(AccessMode::ReadWriteOnce);
/// assert!(pv.contains_all(claim));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct AccessModes(u8);

impl AccessModes {
    /// The empty set.
    pub const EMPTY: AccessModes = AccessModes(0);

    /// Adds a mode.
    pub fn insert(&mut self, mode: AccessMode) {
        self.0 |= mode.bit();
    }
    /// True when `mode` is in the set.
    pub fn contains(self, mode: AccessMode) -> bool {
        self.0 & mode.bit() != 0
    }
    /// True when every mode of `other` is in this set (what a PV must offer a claim).
    pub fn contains_all(self, other: AccessModes) -> bool {
        self.0 & other.0 == other.0
    }
    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Number of modes.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The modes, in kvol's fixed order.
    pub fn iter(self) -> impl Iterator<Item = AccessMode> {
        AccessMode::ALL
            .into_iter()
            .filter(move |m| self.contains(*m))
    }
    /// The raw bit set (one bit per mode), e.g. for indexing.
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl From<AccessMode> for AccessModes {
    fn from(mode: AccessMode) -> Self {
        AccessModes(mode.bit())
    }
}

impl FromIterator<AccessMode> for AccessModes {
    fn from_iter<I: IntoIterator<Item = AccessMode>>(iter: I) -> Self {
        let mut set = AccessModes::EMPTY;
        for m in iter {
            set.insert(m);
        }
        set
    }
}

impl fmt::Display for AccessModes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(AccessMode::abbreviation).collect();
        f.write_str(&names.join("|"))
    }
}

impl Emit for AccessModes {
    fn emit(&self, out: &mut dyn Sink) {
        out.begin_seq();
        for m in self.iter() {
            out.item();
            out.str(m.as_str());
        }
        out.end_seq();
    }
}
serde_via_emit!(AccessModes);

api_enum! {
    /// Whether a volume is a filesystem or a raw block device (`volumeMode`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub enum VolumeMode("volume mode") {
        /// Mounted as a directory (the API default).
        #[default]
        Filesystem = "Filesystem",
        /// Exposed as a raw block device.
        Block = "Block",
    }
}

api_enum! {
    /// What happens to a PersistentVolume when its claim is deleted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ReclaimPolicy("reclaim policy") {
        /// Keep the volume and its data (the default for static PVs).
        Retain = "Retain",
        /// Delete the volume (the default for StorageClasses).
        Delete = "Delete",
        /// Deprecated: scrub and reuse. Accepted on PVs with a warning; StorageClasses reject it.
        Recycle = "Recycle",
    }
}
