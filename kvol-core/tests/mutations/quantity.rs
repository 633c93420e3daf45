//! Mutation rows: quantities (values/quantity).

use super::*;

/// §3: quantities given as text to the builders, and the value checks.
pub(super) fn quantities(rows: &mut Vec<Row>) {
    let claim = |size: &'static str| {
        move || {
            PersistentVolumeClaim::builder("data")
                .access_mode(AccessMode::ReadWriteOnce)
                .request(size)
                .build()
        }
    };
    let path = "spec.resources.requests[storage]";
    for (id, bad, good) in [
        ("3.1/quantity-suffix", "1K", "1k"),
        ("3.1/quantity-suffix-case", "1mi", "1Mi"),
        ("3.1/quantity-whitespace", " 1Gi", "1Gi"),
        ("3.1/quantity-empty", "", "1"),
        ("3.1/quantity-lone-exponent", "1e", "1E"),
        ("3.1/quantity-two-points", "1.1.M", "1.1M"),
        ("3.1/quantity-sign-inside", "1+1.0M", "+1.0M"),
        ("3.1/quantity-trailing-sign", "-3.01e-", "3.01e-3"),
    ] {
        rows.push(built(id, path, ErrorKind::Invalid, claim(bad), claim(good)));
    }
    rows.push(built(
        "3.1/quantity-size-limit",
        "spec.volumes[0].emptyDir.sizeLimit",
        ErrorKind::Invalid,
        || {
            Pod::builder("web")
                .container(Container::builder("app", "busybox").mount("cache", "/cache"))
                .volume("cache", VolumeSource::empty_dir_sized("1 Gi"))
                .build()
        },
        || {
            Pod::builder("web")
                .container(Container::builder("app", "busybox").mount("cache", "/cache"))
                .volume("cache", VolumeSource::empty_dir_sized("1Gi"))
                .build()
        },
    ));
    rows.push(model(
        "3.4/nonnegative-size-limit",
        pod_with(VolumeSource::empty_dir()),
        "spec.volumes[0].emptyDir.sizeLimit",
        FORBIDDEN,
        |p| empty_dir_of(p).size_limit = Some(q("-1")),
        |p| empty_dir_of(p).size_limit = Some(q("0")),
    ));
    rows.push(model(
        "3.4/positive-request",
        pvc(),
        "spec.resources[storage]",
        INVALID,
        |c| c.spec.resources.requests = q("0"),
        // Defaulting rounds requests up to milli units: 1n becomes 1m, which is positive.
        |c| c.spec.resources.requests = q("1n"),
    ));
    rows.push(model(
        "3.4/negative-request",
        pvc(),
        "spec.resources[storage]",
        INVALID,
        |c| c.spec.resources.requests = q("-1Gi"),
        |c| c.spec.resources.requests = q("1Gi"),
    ));
    rows.push(model(
        "3.4/positive-capacity",
        pv_nfs(),
        "spec.capacity[storage]",
        INVALID,
        |p| p.spec.capacity = q("0"),
        |p| p.spec.capacity = q("1m"),
    ));
    rows.push(model(
        "3.4/valid-resource-quantity",
        pv_nfs(),
        "spec.capacity[storage]",
        INVALID,
        |p| p.spec.capacity = q("-1"),
        |p| p.spec.capacity = q("1"),
    ));
}
