//! The closing block (spec §1.3 rows 7–9, §2.3 rows 7–9b): Nơi nhận level with the
//! signature, the punctuation of each profile, the signature space, kept on one page.

use vanthu_pdf::Role;

use crate::fixtures::{self, PLANS};
use crate::measure::{chunk, must, near, TOL};
use crate::poppler;

const SIGNATURE_CENTRE: f32 = (30.0 + 165.0 * 0.4 + 195.0) / 2.0;

#[test]
fn recipients_and_signature_per_profile() {
    for plan in PLANS {
        for format in ["party", "state"] {
            let name = format!("{plan}-{format}");
            let r = fixtures::fixture(&name);
            let last = r.pages.last().unwrap();
            let page = last.number as usize;
            let words = poppler::words(&r.pdf);
            let chunks = poppler::chunks(&r.pdf);

            // Kept together on the last page.
            for role in [
                Role::RecipientsLabel,
                Role::Recipient,
                Role::Position,
                Role::Signer,
            ] {
                for p in &r.pages[..r.pages.len() - 1] {
                    assert!(
                        p.role(role).is_empty(),
                        "{name}: {role:?} on page {}, not with the rest",
                        p.number
                    );
                }
                assert!(!last.role(role).is_empty(), "{name}: {role:?} missing");
            }

            let label = must(&words, page, "Nơi nhận:");
            near(
                label.left,
                30.0,
                TOL,
                &format!("{name}: Nơi nhận at the left margin"),
            );
            let authority = last.role(Role::Authority).first().map(|r| r.text.clone());
            let first_right = authority
                .clone()
                .unwrap_or_else(|| last.role(Role::Position)[0].text.clone());
            let auth = must(&words, page, &first_right);
            near(
                label.baseline,
                auth.baseline,
                0.05,
                &format!("{name}: Nơi nhận level with {first_right:?}"),
            );
            near(
                auth.centre(),
                SIGNATURE_CENTRE,
                TOL,
                &format!("{name}: {first_right:?} centred"),
            );
            if authority.is_some() {
                assert!(
                    chunk(&chunks, page, &first_right).bold,
                    "{name}: {first_right:?} bold"
                );
            }

            let c = chunk(&chunks, page, "Nơi nhận:");
            // One entry per dash; an entry may wrap onto more lines.
            let mut items: Vec<String> = Vec::new();
            for run in last.role(Role::Recipient) {
                if run.text == "-" {
                    items.push(String::new());
                } else if let Some(item) = items.last_mut() {
                    if !item.is_empty() {
                        item.push(' ');
                    }
                    item.push_str(&run.text);
                }
            }
            let n = r.doc.recipients.len();
            match format {
                "party" => {
                    near(label.size, 14.0, 0.2, &format!("{name}: Nơi nhận 14 pt"));
                    assert!(!c.bold && !c.italic, "{name}: Nơi nhận upright");
                    let underline = last
                        .rules()
                        .find(|r| r.role == Role::RecipientsLabel)
                        .expect("underline");
                    near(
                        underline.width().0,
                        label.width(),
                        TOL,
                        &format!("{name}: underline as long as Nơi nhận:"),
                    );
                    assert!(underline.y.0 > label.baseline && underline.y.0 < label.bottom + 0.5);
                    for item in &items[..n] {
                        assert!(item.ends_with(','), "{name}: {item:?} should end with ,");
                    }
                    assert!(
                        items.last().unwrap().starts_with("Lưu")
                            && items.last().unwrap().ends_with('.')
                    );
                    let it = must(&words, page, &format!("- {}", items[1]));
                    near(it.size, 12.0, 0.2, &format!("{name}: recipients 12 pt"));
                }
                _ => {
                    near(label.size, 12.0, 0.2, &format!("{name}: Nơi nhận 12 pt"));
                    assert!(c.bold && c.italic, "{name}: Nơi nhận bold italic");
                    assert!(
                        last.rules().all(|r| r.role != Role::RecipientsLabel),
                        "{name}: no underline"
                    );
                    for item in &items[..n] {
                        assert!(item.ends_with(';'), "{name}: {item:?} should end with ;");
                    }
                    assert!(
                        items.last().unwrap().starts_with("Lưu: VT")
                            && items.last().unwrap().ends_with('.')
                    );
                    let it = must(&words, page, &format!("- {}", items[1]));
                    near(it.size, 11.0, 0.2, &format!("{name}: recipients 11 pt"));
                }
            }
            let position = must(&words, page, &r.doc.signature.position);
            assert_eq!(
                chunk(&chunks, page, &r.doc.signature.position).bold,
                format == "state",
                "{name}: chức vụ bold only in State documents"
            );
            let signer = must(&words, page, &r.doc.signature.name);
            near(
                signer.baseline - position.baseline,
                30.0,
                TOL,
                &format!("{name}: signature space"),
            );
            near(
                signer.centre(),
                SIGNATURE_CENTRE,
                TOL,
                &format!("{name}: name centred"),
            );
            assert!(
                chunk(&chunks, page, &r.doc.signature.name).bold,
                "{name}: name bold"
            );
            // The last body line is above the closing block.
            let body = crate::body::body_lines(&r.pages);
            let (&(p, b), _) = body.iter().next_back().unwrap();
            if p == last.number {
                assert!(
                    (b as f32) / 1000.0 < label.top,
                    "{name}: closing under the body"
                );
            }
        }
    }
}
