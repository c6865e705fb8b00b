//! PNGs of every fixture at 80 dpi in $TMPDIR/vanthu-pdf, to look at beside the spec's page maps.

use crate::{fixtures, poppler};

#[test]
fn every_fixture_renders_to_png() {
    for name in fixtures::all() {
        let r = fixtures::fixture(&name);
        assert!(r.bytes.starts_with(b"%PDF-"), "{name}: not a PDF");
        let pngs = poppler::pngs(&r.pdf);
        assert_eq!(pngs.len(), r.pages.len(), "{name}: one picture per page");
        for p in &pngs {
            assert!(
                std::fs::metadata(p).unwrap().len() > 10_000,
                "{p:?} looks empty"
            );
        }
    }
}
