//! The bundle configuration, checked the way `tauri build` reads it, so that a wrong value
//! (such as the category `Office`, which stopped every bundling build) fails here on Linux
//! rather than on a Windows machine. Also checks that the Windows commands the README and the
//! Windows workflow give ask only for bundles this configuration makes.

use std::path::{Path, PathBuf};

use tauri::utils::config::{
    parse, BundleTarget, BundleType, Config, NSISInstallerMode, WixLanguage,
};
use tauri::utils::platform::Target;

fn src_tauri() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo_file(rel: &str) -> PathBuf {
    src_tauri().join("..").join(rel)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// tauri.conf.json through Tauri's own config types (unknown keys and wrong values are
/// refused, as `tauri build` refuses them), as the Windows build reads it.
fn config() -> Config {
    let path = src_tauri().join("tauri.conf.json");
    let (config, _) = parse::parse(Target::Windows, &path)
        .unwrap_or_else(|e| panic!("tauri.conf.json is not a valid Tauri 2 config: {e}"));
    config
}

/// The categories Tauri's bundler accepts, as its config schema lists them (the schema ships
/// with the Tauri CLI the UI's npm packages install; the bundler refuses any other name with
/// `invalid category`).
fn tauri_categories() -> Vec<String> {
    let schema = repo_file("ui/node_modules/@tauri-apps/cli/config.schema.json");
    assert!(
        schema.is_file(),
        "{} is missing: run `npm ci` in ui/ first",
        schema.display()
    );
    let text = read(&schema);
    let marker = "Should be one of the following:\\n";
    let start = text
        .find(marker)
        .expect("the Tauri schema lists the bundle categories")
        + marker.len();
    let list = &text[start..];
    let list = &list[..list.find('.').expect("the list ends with a full stop")];
    list.split(',').map(|c| c.trim().to_owned()).collect()
}

fn bundle_types(config: &Config) -> Vec<BundleType> {
    match &config.bundle.targets {
        BundleTarget::All => vec![
            BundleType::Deb,
            BundleType::Rpm,
            BundleType::AppImage,
            BundleType::Msi,
            BundleType::Nsis,
        ],
        BundleTarget::List(list) => list.clone(),
        BundleTarget::One(one) => vec![one.clone()],
    }
}

/// The bundle names after `--bundles` in every `tauri build` command of `text` (comment lines
/// of a workflow left out).
fn bundles_asked(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains("tauri build"))
        .filter_map(|l| l.split("--bundles").nth(1))
        .flat_map(|rest| {
            rest.split_whitespace()
                .next()
                .unwrap_or_default()
                .split(',')
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_bundle_category_is_one_tauri_accepts() {
    let config = config();
    let category = config
        .bundle
        .category
        .as_deref()
        .expect("a bundle category (the Linux menus and the .deb need one)");
    let valid = tauri_categories();
    assert!(
        valid.len() > 30 && valid.iter().any(|c| c == "Productivity"),
        "the category list was not read from the schema: {valid:?}"
    );
    assert!(
        !valid.iter().any(|c| c == "Office"),
        "Office, which stopped every bundling build, is not one"
    );
    assert!(
        valid.iter().any(|c| c == category),
        "bundle.category {category:?} is not a Tauri category; valid ones: {valid:?}"
    );
}

#[test]
fn every_bundle_setting_is_valid() {
    let config = config();
    let bundle = &config.bundle;
    assert!(bundle.active, "bundling is on");
    assert_eq!(
        config.identifier, "vn.vanthu.app",
        "the identifier names the data directory"
    );
    assert!(bundle.publisher.as_deref().is_some_and(|p| !p.is_empty()));
    assert!(bundle
        .short_description
        .as_deref()
        .is_some_and(|d| !d.is_empty()));

    let types = bundle_types(&config);
    for wanted in [BundleType::Deb, BundleType::Msi, BundleType::Nsis] {
        assert!(types.contains(&wanted), "bundle.targets lacks {wanted}");
    }

    // Every icon exists; Windows needs the .ico (the exe's icon, the installers' icon).
    for icon in &bundle.icon {
        assert!(src_tauri().join(icon).is_file(), "icon {icon} is missing");
    }
    assert!(bundle.icon.iter().any(|i| i.ends_with(".ico")), "no .ico");

    // An MSI version is major.minor.patch with major, minor ≤ 255 and patch ≤ 65535.
    let version = config.version.as_deref().expect("a version");
    let parts: Vec<u32> = version
        .split('.')
        .map(|p| p.parse().expect("a numeric version"))
        .collect();
    assert!(
        parts.len() == 3 && parts[0] <= 255 && parts[1] <= 255 && parts[2] <= 65535,
        "version {version} cannot be an MSI version"
    );

    // Vietnamese installers: vi-VN is in tauri-bundler's WiX language table and Vietnamese in
    // its NSIS language files.
    let windows = &bundle.windows;
    let wix = windows.wix.as_ref().expect("WiX settings");
    match &wix.language {
        WixLanguage::One(lang) => assert_eq!(lang, "vi-VN"),
        other => panic!("one WiX language, vi-VN: {other:?}"),
    }
    let nsis = windows.nsis.as_ref().expect("NSIS settings");
    assert_eq!(
        nsis.languages.as_deref(),
        Some(&["Vietnamese".to_owned()][..])
    );
    assert!(
        matches!(nsis.install_mode, NSISInstallerMode::CurrentUser),
        "per-user install: no administrator rights needed"
    );
}

#[test]
fn the_windows_commands_of_the_readme_and_the_workflow_fit_the_config() {
    let config = config();
    let types: Vec<String> = bundle_types(&config)
        .iter()
        .map(|t| t.to_string())
        .collect();
    let readme = read(&repo_file("README.md"));
    let windows = readme
        .split("\n### Windows")
        .nth(1)
        .expect("README has a Windows section")
        .split("\n## ")
        .next()
        .unwrap();
    let workflow = read(&repo_file(".github/workflows/windows.yml"));
    for (name, text) in [("README", windows), ("windows.yml", workflow.as_str())] {
        let asked = bundles_asked(text);
        assert!(
            !asked.is_empty(),
            "{name} builds with `tauri build --bundles …`"
        );
        for bundle in asked {
            assert!(
                types.contains(&bundle),
                "{name} asks for the {bundle} bundle, which tauri.conf.json does not make ({types:?})"
            );
        }
    }
    // The installer built on Linux, which the README describes.
    assert!(windows.contains("scripts/windows-installer"));
    assert!(repo_file("scripts/windows-installer").is_file());
    assert!(repo_file("scripts/windows/installer.nsi").is_file());
}
