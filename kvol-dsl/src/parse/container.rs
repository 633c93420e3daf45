//! The container keys of the second release, inside `container NAME { … }` and
//! `init_container NAME { … }`: environment sources, resources, probes, lifecycle hooks,
//! security context, raw block devices and the remaining container settings.
//!
//! ```text
//! pull: IfNotPresent,
//! working_dir: "/srv",
//! env: { MODE: "primary", PASSWORD: secret(db, password), LEVEL: config_map(cfg, level, optional),
//!        POD: field("metadata.name"), MEM: resource("limits.memory", divisor: 1Mi) },
//! env_from: config_map app-config prefix "CFG_" optional,
//! requests: { cpu: 500m, memory: 1Gi, "nvidia.com/gpu": 1 },
//! limits: { memory: 1Gi },
//! liveness: http_get "/healthz" http { period: 10, failure_threshold: 3 },
//! readiness: tcp 5432,
//! startup: exec ["cat", "/tmp/ready"] { failure_threshold: 30 },
//! post_start: exec ["sh", "-c", "echo up"],
//! pre_stop: sleep 5,
//! security: { run_as_user: 999, run_as_non_root: true, read_only_root_filesystem: true,
//!             allow_privilege_escalation: false, capabilities: { drop: [ALL] },
//!             seccomp: RuntimeDefault },
//! restart: Always,
//! termination_message_policy: FallbackToLogsOnError,
//! device: data => "/dev/xvda",
//! ```

use super::{Cursor, Entry, P, Seen, colon, group_entries, sp_of, value};
use crate::{
    ast::{
        Action, ContainerExtra, EnvEntry, EnvFrom, EnvValue, Guarantee, PortRef, ProbeAst,
        SecurityAst, Str, Word,
    },
    ctxt::Sp,
    suggest,
};
use kvol_core::probe::UriScheme;
use proc_macro2::{Delimiter, TokenTree};

/// The keys this module handles.
pub const KEYS: &[&str] = &[
    "pull",
    "working_dir",
    "env_from",
    "requests",
    "limits",
    "liveness",
    "readiness",
    "startup",
    "post_start",
    "pre_stop",
    "security",
    "restart",
    "termination_message_policy",
    "termination_message_path",
    "device",
];

/// Timing keys of a probe.
pub const TIMING_KEYS: &[&str] = &[
    "initial_delay",
    "period",
    "timeout",
    "success_threshold",
    "failure_threshold",
    "grace",
];

/// Boolean keys of `security: { … }`.
const SECURITY_FLAGS: &[&str] = &[
    "allow_privilege_escalation",
    "privileged",
    "read_only_root_filesystem",
    "run_as_non_root",
];

/// Every key of `security: { … }`.
const SECURITY_KEYS: &[&str] = &[
    "allow_privilege_escalation",
    "privileged",
    "read_only_root_filesystem",
    "run_as_non_root",
    "run_as_user",
    "run_as_group",
    "capabilities",
    "seccomp",
];

/// Handles `e` if it is one of [`KEYS`]; false when it is not.
pub fn key(p: &P, e: &mut Entry, out: &mut ContainerExtra, seen: &mut Seen) -> bool {
    match e.key.as_str() {
        "pull" => {
            if seen.once(p, e) && colon(p, e) {
                out.pull_policy = value::api_word(p, &mut e.rest);
                e.rest.finish(p, "the image pull policy");
            }
        }
        "restart" => {
            if seen.once(p, e) && colon(p, e) {
                out.restart = value::api_word(p, &mut e.rest);
                e.rest.finish(p, "the container restart policy");
            }
        }
        "termination_message_policy" => {
            if seen.once(p, e) && colon(p, e) {
                out.termination_message_policy = value::api_word(p, &mut e.rest);
                e.rest.finish(p, "the termination message policy");
            }
        }
        "working_dir" | "termination_message_path" => {
            if seen.once(p, e) && colon(p, e) {
                let s = value::string(p, &mut e.rest, "a path");
                if e.key == "working_dir" {
                    out.working_dir = s;
                } else {
                    out.termination_message_path = s;
                }
                e.rest.finish(p, "the path");
            }
        }
        "env_from" => {
            if colon(p, e)
                && let Some(f) = env_from(p, &mut e.rest)
            {
                out.env_from.push(f);
            }
        }
        "requests" | "limits" => {
            if seen.once(p, e) && colon(p, e) {
                let list = resource_list(p, &mut e.rest, &e.key);
                if e.key == "requests" {
                    out.requests = list;
                } else {
                    out.limits = list;
                }
                e.rest.finish(p, "the resources");
            }
        }
        "liveness" | "readiness" | "startup" => {
            if seen.once(p, e) && colon(p, e) {
                let probe = probe(p, &mut e.rest);
                match e.key.as_str() {
                    "liveness" => out.liveness = probe,
                    "readiness" => out.readiness = probe,
                    _ => out.startup = probe,
                }
                e.rest.finish(p, "the probe");
            }
        }
        "post_start" | "pre_stop" => {
            if seen.once(p, e) && colon(p, e) {
                let a = action(p, &mut e.rest, true);
                if e.key == "post_start" {
                    out.post_start = a;
                } else {
                    out.pre_stop = a;
                }
                e.rest.finish(p, "the hook");
            }
        }
        "security" => {
            if seen.once(p, e) && colon(p, e) {
                out.security = security(p, &mut e.rest);
                e.rest.finish(p, "the security context");
            }
        }
        "device" => {
            if colon(p, e)
                && let Some(d) = device(p, &mut e.rest)
            {
                out.devices.push(d);
            }
        }
        _ => return false,
    }
    true
}

/// `VOLUME => "/dev/xvda"`.
fn device(p: &P, c: &mut Cursor) -> Option<(Str, Str)> {
    let volume = value::literal_name(p, c, "the name of the Block-mode volume")?;
    if !c.eat_fat_arrow() {
        p.cx.error(
            c.span(),
            format!(
                "expected `=> \"/dev/…\"` after the volume name\nhelp: write `device: {} => \"/dev/xvda\"`",
                volume.value
            ),
        );
        return None;
    }
    let path = value::string(p, c, "a device path")?;
    c.finish(p, "the device");
    Some((volume, path))
}

/// `config_map NAME [prefix "P_"] [optional]` or `secret NAME …`.
fn env_from(p: &P, c: &mut Cursor) -> Option<EnvFrom> {
    let start = c.span();
    let kinds = ["config_map", "secret"];
    let secret = match c.peek_ident().as_deref() {
        Some("config_map") => false,
        Some("secret") => true,
        other => {
            let msg = match other {
                Some(w) => suggest::unknown("environment source", w, &kinds),
                None => format!("expected {}", suggest::one_of(&kinds)),
            };
            p.cx.error(
                start,
                format!(
                    "{msg}\nhelp: write `env_from: config_map NAME [prefix \"P_\"] [optional]`"
                ),
            );
            c.skip_rest();
            return None;
        }
    };
    c.bump();
    let name = value::literal_name(p, c, "a ConfigMap or Secret name")?;
    let mut out = EnvFrom {
        secret,
        name,
        prefix: None,
        optional: false,
        sp: start,
    };
    while let Some(w) = c.peek_ident() {
        match w.as_str() {
            "prefix" => {
                c.bump();
                out.prefix = value::string(p, c, "a prefix");
            }
            "optional" => {
                c.bump();
                out.optional = true;
            }
            _ => {
                p.cx.error(
                    c.span(),
                    suggest::unknown("env_from option", &w, &["prefix", "optional"]),
                );
                c.skip_rest();
                return None;
            }
        }
    }
    out.sp = start.to(c.prev_span());
    c.finish(p, "the environment source");
    Some(out)
}

/// `{ NAME: "value", NAME: secret(obj, key), … }`: names and literal values as in any map
/// (quoted, or identifiers and numbers glued with `-`, `.`, `/`), or a source.
pub fn env(p: &P, c: &mut Cursor) -> Vec<EnvEntry> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            "expected environment variables as `{ NAME: \"value\", … }`",
        );
        c.bump();
        return Vec::new();
    };
    c.bump();
    let mut out = Vec::new();
    for toks in group_entries(g) {
        let Some(sp) = sp_of(&toks) else { continue };
        let colon_at = toks
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':'));
        let Some(at) = colon_at.filter(|at| *at > 0 && *at + 1 < toks.len()) else {
            p.cx.error(
                sp,
                "expected `NAME: VALUE` in environment variables, e.g. `MODE: \"fast\"`",
            );
            continue;
        };
        let (k, v) = (&toks[..at], &toks[at + 1..]);
        let Some(name) = value::literal_atom(p, k, "a variable name", g.span()) else {
            continue;
        };
        if let Some(value) = env_value(p, v, g.span()) {
            out.push(EnvEntry { name, value });
        }
    }
    out
}

/// The value of one variable: a source such as `secret(NAME, KEY)`, or a literal.
fn env_value(p: &P, toks: &[TokenTree], end: proc_macro2::Span) -> Option<EnvValue> {
    const SOURCES: &[&str] = &["secret", "config_map", "field", "resource"];
    let mut c = Cursor::new(toks, end);
    let start = c.span();
    let source = match (c.peek_ident(), c.peek2()) {
        (Some(w), Some(TokenTree::Group(g))) if g.delimiter() == Delimiter::Parenthesis => {
            Some((w, g))
        }
        _ => None,
    };
    let Some((w, args)) = source else {
        return value::literal_atom(p, toks, "a variable's value", end).map(EnvValue::Lit);
    };
    let c = &mut c;
    c.bump();
    c.bump();
    c.finish(p, "the source");
    let sp = start.to(Sp::one(args.span()));
    let entries = group_entries(args);
    let mut cursors: Vec<Cursor> = entries
        .iter()
        .map(|t| Cursor::new(t, args.span()))
        .collect();
    match w.as_str() {
        "secret" | "config_map" => {
            let usage = format!("write `{w}(NAME, KEY)` or `{w}(NAME, KEY, optional)`");
            if !(2..=3).contains(&cursors.len()) {
                p.cx.error(
                    sp,
                    format!("`{w}(…)` takes a name and a key\nhelp: {usage}"),
                );
                return None;
            }
            let object = value::literal_name(p, &mut cursors[0], "a ConfigMap or Secret name");
            let key = value::literal_name(p, &mut cursors[1], "a key");
            let mut optional = false;
            if let Some(oc) = cursors.get_mut(2) {
                if oc.eat_word("optional") {
                    optional = true;
                } else {
                    p.cx.error(oc.span(), format!("expected `optional`\nhelp: {usage}"));
                }
            }
            for cur in &cursors {
                cur.finish(p, "the argument");
            }
            Some(EnvValue::Key {
                secret: w == "secret",
                object: object?,
                key: key?,
                optional,
                sp,
            })
        }
        "field" => {
            if cursors.len() != 1 {
                p.cx.error(
                    sp,
                    "`field(…)` takes one field path\nhelp: write `field(\"metadata.name\")`",
                );
                return None;
            }
            let path = value::string(p, &mut cursors[0], "a field path");
            cursors[0].finish(p, "the field path");
            path.map(EnvValue::Field)
        }
        "resource" => {
            let Some(first) = cursors.first_mut() else {
                p.cx.error(
                    sp,
                    "`resource(…)` takes a resource\nhelp: write `resource(\"limits.memory\")`",
                );
                return None;
            };
            let resource = value::string(p, first, "a resource such as \"limits.memory\"");
            first.finish(p, "the resource");
            let (mut divisor, mut container) = (None, None);
            for cur in cursors.iter_mut().skip(1) {
                match cur.peek_ident().as_deref() {
                    Some("divisor") => {
                        cur.bump();
                        if cur.eat_punct(':') {
                            divisor = value::quantity(p, cur, "a divisor", Guarantee::Quantity);
                        }
                    }
                    Some("container") => {
                        cur.bump();
                        if cur.eat_punct(':') {
                            container = value::literal_name(p, cur, "a container name");
                        }
                    }
                    _ => {
                        p.cx.error(
                            cur.span(),
                            "expected `divisor: QUANTITY` or `container: NAME`",
                        );
                        continue;
                    }
                }
                cur.finish(p, "the argument");
            }
            Some(EnvValue::Resource {
                resource: resource?,
                divisor,
                container,
            })
        }
        _ => {
            p.cx.error(
                start,
                suggest::unknown("environment variable source", &w, SOURCES),
            );
            None
        }
    }
}

/// `{ cpu: 500m, memory: 1Gi, "nvidia.com/gpu": 1 }`.
fn resource_list(p: &P, c: &mut Cursor, what: &str) -> Vec<(Str, crate::ast::Qty)> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            format!("expected {what} as `{{ cpu: 500m, memory: 1Gi }}`"),
        );
        c.bump();
        return Vec::new();
    };
    c.bump();
    let mut out = Vec::new();
    for toks in group_entries(g) {
        let Some(at) = toks
            .iter()
            .position(|t| matches!(t, TokenTree::Punct(pu) if pu.as_char() == ':'))
        else {
            if let Some(sp) = sp_of(&toks) {
                p.cx.error(
                    sp,
                    format!("expected `RESOURCE: QUANTITY` in {what}, e.g. `cpu: 500m`"),
                );
            }
            continue;
        };
        let (k, v) = toks.split_at(at);
        let v = &v[1..];
        let Some(name) = value::resource_name(p, k, g.span()) else {
            continue;
        };
        let mut vc = Cursor::new(v, g.span());
        if let Some(q) = value::quantity(p, &mut vc, "a quantity", Guarantee::Quantity) {
            vc.finish(p, "the quantity");
            out.push((name, q));
        }
    }
    out
}

/// A port: a number or a container port's name.
fn port_ref(p: &P, c: &mut Cursor) -> Option<PortRef> {
    match c.peek() {
        Some(TokenTree::Literal(l)) if !matches!(value::lit_kind(l), value::LitKind::Str(_)) => {
            value::int(p, c, "a port number", Guarantee::Port, &[]).map(PortRef::Number)
        }
        Some(TokenTree::Group(_)) => {
            value::int(p, c, "a port number", Guarantee::Port, &[]).map(PortRef::Number)
        }
        _ => {
            value::literal_name(p, c, "a port number or a container port's name").map(PortRef::Name)
        }
    }
}

/// `exec [..]`, `http_get "/p" PORT …`, `tcp PORT`, `grpc PORT`, and `sleep N` for hooks.
fn action(p: &P, c: &mut Cursor, hook: bool) -> Option<Action> {
    let kinds: &[&str] = if hook {
        &["exec", "http_get", "sleep"]
    } else {
        &["exec", "http_get", "tcp", "grpc"]
    };
    let start = c.span();
    let Some(w) = c.peek_ident().filter(|w| kinds.contains(&w.as_str())) else {
        let found = c.peek_ident();
        if hook && found.as_deref() == Some("tcp") {
            p.cx.error(
                start,
                "a `tcpSocket` lifecycle hook is deprecated and the kubelet never runs it\nhelp: \
                 use `exec [..]`, `http_get \"/path\" PORT` or `sleep SECONDS`",
            );
            c.skip_rest();
            return None;
        }
        let msg = match found {
            Some(w) => {
                suggest::unknown(if hook { "hook action" } else { "probe action" }, &w, kinds)
            }
            None => format!("expected {}", suggest::one_of(kinds)),
        };
        p.cx.error(
            start,
            format!(
                "{msg}\nhelp: e.g. `{}`",
                if hook {
                    "pre_stop: sleep 5"
                } else {
                    "liveness: http_get \"/healthz\" 8080"
                }
            ),
        );
        c.skip_rest();
        return None;
    };
    c.bump();
    let out = match w.as_str() {
        "exec" => {
            let list = value::list(p, c, "a command")?;
            Action::Exec(list, start.to(c.prev_span()))
        }
        "http_get" => {
            let path = value::string(p, c, "a request path such as \"/healthz\"")?;
            let port = port_ref(p, c)?;
            let (mut scheme, mut host, mut headers) = (None, None, Vec::new());
            loop {
                match c.peek_ident().as_deref() {
                    Some("https") => {
                        scheme = Some(Word {
                            value: UriScheme::HTTPS,
                            sp: c.span(),
                        });
                        c.bump();
                    }
                    Some("scheme") => {
                        c.bump();
                        scheme = value::api_word(p, c);
                    }
                    Some("host") => {
                        c.bump();
                        host = value::string(p, c, "a host");
                    }
                    Some("header") => {
                        c.bump();
                        let n = value::string(p, c, "a header name");
                        let v = value::string(p, c, "a header value");
                        if let (Some(n), Some(v)) = (n, v) {
                            headers.push((n, v));
                        }
                    }
                    Some(other) => {
                        p.cx.error(
                            c.span(),
                            suggest::unknown(
                                "http_get option",
                                other,
                                &["https", "host", "header"],
                            ),
                        );
                        c.skip_rest();
                        return None;
                    }
                    None => break,
                }
            }
            Action::HttpGet {
                path,
                port,
                scheme,
                host,
                headers,
                sp: start.to(c.prev_span()),
            }
        }
        "tcp" => {
            let port = port_ref(p, c)?;
            let host = if c.eat_word("host") {
                value::string(p, c, "a host")
            } else {
                None
            };
            Action::Tcp {
                port,
                host,
                sp: start.to(c.prev_span()),
            }
        }
        "grpc" => {
            let port = value::int(p, c, "a port number", Guarantee::Port, &[])?;
            let service = if c.eat_word("service") {
                value::string(p, c, "a service name")
            } else {
                None
            };
            Action::Grpc {
                port,
                service,
                sp: start.to(c.prev_span()),
            }
        }
        _ => {
            let n = value::int(p, c, "seconds", Guarantee::Count, &["s"])?;
            Action::Sleep(n, start.to(c.prev_span()))
        }
    };
    Some(out)
}

/// `ACTION [{ timing }]`.
fn probe(p: &P, c: &mut Cursor) -> Option<ProbeAst> {
    let start = c.span();
    let action = action(p, c, false)?;
    let mut timing = Vec::new();
    if let Some(g) = c.peek_group(Delimiter::Brace) {
        c.bump();
        for toks in group_entries(g) {
            let Some(mut e) = super::entry(p, &toks) else {
                continue;
            };
            if !TIMING_KEYS.contains(&e.key.as_str()) {
                super::unknown_key(p, &e, "a probe's timing", TIMING_KEYS);
                continue;
            }
            if colon(p, &mut e) {
                let suffixes: &[&str] = if e.key.ends_with("threshold") {
                    &[]
                } else {
                    &["s"]
                };
                if let Some(n) = value::int(p, &mut e.rest, "a number", Guarantee::Count, suffixes)
                {
                    timing.push((
                        Str {
                            value: e.key.clone(),
                            sp: e.key_sp,
                        },
                        n,
                    ));
                }
                e.rest.finish(p, "the value");
            }
        }
    }
    Some(ProbeAst {
        action,
        timing,
        sp: start.to(c.prev_span()),
    })
}

/// `{ run_as_user: 1000, …, capabilities: { add: [..], drop: [..] }, seccomp: TYPE ["file"] }`.
fn security(p: &P, c: &mut Cursor) -> Option<SecurityAst> {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(
            c.span(),
            "expected a security context as `{ run_as_non_root: true, … }`",
        );
        c.bump();
        return None;
    };
    c.bump();
    let mut out = SecurityAst {
        flags: Vec::new(),
        ids: Vec::new(),
        add: Vec::new(),
        drop: Vec::new(),
        seccomp: None,
        sp: Sp::one(g.span()),
    };
    let mut seen = Seen::default();
    for toks in group_entries(g) {
        let Some(mut e) = super::entry(p, &toks) else {
            continue;
        };
        let key = Str {
            value: e.key.clone(),
            sp: e.key_sp,
        };
        let name = e.key.clone();
        match name.as_str() {
            k if SECURITY_FLAGS.contains(&k) => {
                if seen.once(p, &e)
                    && colon(p, &mut e)
                    && let Some(b) = value::boolean(p, &mut e.rest, k)
                {
                    out.flags.push((key, b));
                }
            }
            "run_as_user" | "run_as_group" => {
                if seen.once(p, &e)
                    && colon(p, &mut e)
                    && let Some(n) = value::int(p, &mut e.rest, "an id", Guarantee::Count, &[])
                {
                    out.ids.push((key, n));
                }
            }
            "capabilities" => {
                if seen.once(p, &e) && colon(p, &mut e) {
                    capabilities(p, &mut e.rest, &mut out);
                }
            }
            "seccomp" => {
                if seen.once(p, &e)
                    && colon(p, &mut e)
                    && let Some(t) = value::api_word(p, &mut e.rest)
                {
                    let file = if e.rest.eof() {
                        None
                    } else {
                        value::string(p, &mut e.rest, "a localhost profile")
                    };
                    out.seccomp = Some((t, file));
                }
            }
            _ => {
                super::unknown_key(p, &e, "a security context", SECURITY_KEYS);
                continue;
            }
        }
        e.rest.finish(p, "the value");
    }
    Some(out)
}

/// `{ add: [NET_ADMIN], drop: [ALL] }`.
fn capabilities(p: &P, c: &mut Cursor, out: &mut SecurityAst) {
    let Some(g) = c.peek_group(Delimiter::Brace) else {
        p.cx.error(c.span(), "expected `{ add: [..], drop: [..] }`");
        c.bump();
        return;
    };
    c.bump();
    for toks in group_entries(g) {
        let Some(mut e) = super::entry(p, &toks) else {
            continue;
        };
        if !matches!(e.key.as_str(), "add" | "drop") {
            super::unknown_key(p, &e, "capabilities", &["add", "drop"]);
            continue;
        }
        if colon(p, &mut e) {
            let list = value::list(p, &mut e.rest, "capabilities").unwrap_or_default();
            if e.key == "add" {
                out.add = list;
            } else {
                out.drop = list;
            }
            e.rest.finish(p, "the list");
        }
    }
}
