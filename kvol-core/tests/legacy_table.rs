//! The legacy plugin table (`kvol_core::legacy::PLUGINS`) is the one definition of the in-tree
//! plugins; the text that cannot read it at run time (the `pv!` documentation) is checked
//! against it here.

use kvol_core::legacy::{LegacyPlugin, PLUGINS};

fn read(path: &str) -> String {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_pv_macro_documents_every_keyword_and_required_field() {
    let docs = read("src/macros.rs");
    for info in PLUGINS {
        let at = docs
            .find(&format!("`{} {{", info.keyword))
            .unwrap_or_else(|| panic!("`{} {{ … }}` not documented", info.keyword));
        let entry = &docs[at..at + docs[at..].find('}').expect("a closing brace")];
        for field in info.fields.iter().filter(|f| f.required) {
            assert!(entry.contains(field.name), "{entry}: {}", field.name);
        }
    }
}

#[test]
fn lookups_go_through_the_table() {
    for plugin in LegacyPlugin::ALL {
        let info = plugin.info();
        assert_eq!(info.plugin, plugin);
        assert_eq!(plugin.key(), info.key);
        assert_eq!(plugin.keyword(), info.keyword);
        assert_eq!(plugin.lifecycle().removed_in, info.removed_in);
    }
}
