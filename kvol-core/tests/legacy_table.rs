//! The legacy plugin table (`kvol_core::legacy::PLUGINS`) is the one definition of the in-tree
//! plugins; the texts that cannot read it at run time (the `kvol` facade's deprecation notes,
//! the `pv!` documentation) are checked against it here.

use kvol_core::legacy::{LegacyPlugin, PLUGINS};

fn read(path: &str) -> String {
    let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn snake(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_facades_deprecation_notes_agree_with_the_table() {
    let facade = read("src/lib.rs");
    for info in PLUGINS {
        let snake = snake(info.key);
        let removed = info.removed_in;
        let name = [
            format!("fn {snake}_was_removed_in_kubernetes_1_{removed}()"),
            format!("fn {snake}_is_removed_in_kubernetes_1_{removed}()"),
        ];
        let at = name
            .iter()
            .find_map(|n| facade.find(n.as_str()))
            .unwrap_or_else(|| panic!("no deprecated fn for {} in src/lib.rs", info.key));
        // The note is the attribute just before the function.
        let note_start = facade[..at].rfind("#[deprecated(").expect("a note");
        let note = &facade[note_start..at];
        assert!(
            note.contains(&format!("in-tree {} plugin", info.key)),
            "{note}"
        );
        assert!(note.contains(&format!("1.{removed}")), "{note}");
        if let Some(driver) = info.csi_driver.or(info.alternative_csi_driver) {
            assert!(note.contains(driver), "{}: {note}", info.key);
        }
    }
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
