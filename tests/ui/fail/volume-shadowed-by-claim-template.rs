fn main() {
    // A pod volume with a source named like a claim template: the StatefulSet controller
    // replaces it with the claim (kvol's error). Without a source it is only a warning
    // (tests/ui/warn/claim-template-placeholder-volume.rs).
    let _ = kvol::statefulset! {
        name: git,
        image: "git:2",
        claim: repos 1Gi RWO "standard" => "/data/repos",
        volume repos: empty_dir memory,
    };
}
