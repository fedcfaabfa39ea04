//! What a package installs besides the binary: the completion scripts and man pages under
//! `assets/` are exactly what `docbao completions` and `docbao man` print (so they cannot
//! drift from the command definitions), every file the Debian package lists exists, and
//! `--version` names the version.
//!
//! After changing a command: `DOCBAO_UPDATE_ASSETS=1 cargo test --test it shipped::`
//! rewrites the files.
use crate::cli_common::Docbao;
use std::path::{Path, PathBuf};

const SHELLS: &[(&str, &str)] = &[
    ("bash", "docbao.bash"),
    ("zsh", "_docbao"),
    ("fish", "docbao.fish"),
    ("elvish", "docbao.elv"),
    ("powershell", "_docbao.ps1"),
];

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// Compares `generated` with the file, or rewrites the file when asked to.
fn check(path: &Path, generated: &str, stale: &mut Vec<String>) {
    if std::env::var_os("DOCBAO_UPDATE_ASSETS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, generated).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(text) if text == generated => {}
        _ => stale.push(path.display().to_string()),
    }
}

fn stale_message(stale: &[String]) -> String {
    format!(
        "out of date (regenerate with DOCBAO_UPDATE_ASSETS=1 cargo test --test it shipped::): {}",
        stale.join(", ")
    )
}

#[test]
fn completions_in_assets_are_generated_ones() {
    let docbao = Docbao::new();
    let mut stale = Vec::new();
    for (shell, file) in SHELLS {
        let script = docbao.ok(&["completions", shell]);
        for word in ["refresh", "data-dir", "completions"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        check(
            &assets().join("completions").join(file),
            &script,
            &mut stale,
        );
    }
    assert!(stale.is_empty(), "{}", stale_message(&stale));
    let out = docbao.run(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn man_pages_in_assets_are_generated_ones() {
    let docbao = Docbao::new();
    let dir = assets().join("man");
    let mut stale = Vec::new();
    let main = docbao.ok(&["man"]);
    assert!(main.starts_with(".ie \\n(.g .ds Aq"), "roff: {main:.80}");
    assert!(main.contains(".TH docbao 1"), "{main:.200}");
    check(&dir.join("docbao.1"), &main, &mut stale);
    let mut expected = vec!["docbao.1".to_owned()];
    for name in docbao::commands::generate::man_commands() {
        let page = docbao.ok(&["man", name.as_str()]);
        assert!(
            page.contains(&format!(".TH docbao-{name} 1")),
            "{page:.200}"
        );
        // Each command's page lists the global options too.
        assert!(page.contains("data\\-dir"), "{name}: {page}");
        assert!(main.contains(&format!("docbao\\-{name}(1)")), "{name}");
        check(&dir.join(format!("docbao-{name}.1")), &page, &mut stale);
        expected.push(format!("docbao-{name}.1"));
    }
    assert!(stale.is_empty(), "{}", stale_message(&stale));
    // No page of a command that is gone.
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    expected.sort();
    assert_eq!(present, expected);
    let out = docbao.run(&["man", "nosuchcommand"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("nosuchcommand") && err.contains("refresh"),
        "{err}"
    );
}

/// Completions and the man page need neither a config that parses nor a data dir.
#[test]
fn generated_without_config_or_data_dir() {
    let docbao = Docbao::new();
    let config = docbao.data_dir().join("broken.toml");
    std::fs::write(&config, "this is = = not toml").unwrap();
    let out = docbao
        .command()
        .env("DOCBAO_CONFIG", &config)
        .args(["man"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = docbao
        .command()
        .env("DOCBAO_CONFIG", &config)
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn version_names_the_version() {
    let out = Docbao::new().ok(&["--version"]);
    assert_eq!(out, format!("docbao {}\n", env!("CARGO_PKG_VERSION")));
}

/// Every file `[package.metadata.deb]` installs exists (the binary once built).
#[test]
fn debian_package_assets_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join("Cargo.toml")).unwrap()).unwrap();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .unwrap();
    let mut installed = Vec::new();
    for asset in assets {
        let source = asset[0].as_str().unwrap();
        installed.push(asset[1].as_str().unwrap().to_owned());
        if source.starts_with("target/") {
            continue;
        }
        match source.strip_suffix("*.1") {
            Some(dir) => {
                let pages = std::fs::read_dir(root.join(dir)).unwrap().count();
                assert!(pages > 1, "{source}: {pages} pages");
            }
            None => assert!(root.join(source).is_file(), "{source} is missing"),
        }
    }
    for place in [
        "usr/bin/",
        "usr/share/man/man1/",
        "usr/share/bash-completion/completions/docbao",
        "usr/share/zsh/vendor-completions/",
        "usr/share/fish/vendor_completions.d/",
    ] {
        assert!(installed.iter().any(|i| i == place), "nothing to {place}");
    }
}
