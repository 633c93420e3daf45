#![deny(deprecated)]

fn main() {
    // A volume without a source named like a claim template: the StatefulSet controller
    // replaces it with the claim, so the entry is harmless and can be deleted.
    let _ = kvol::statefulset! {
        name: git,
        image: "git:2",
        claim: repos 1Gi RWO "standard" => "/data/repos",
        volume repos: empty_dir,
    };
}
