//! Line breaking.
//!
//! Body paragraphs are broken by total fit (Knuth & Plass): every way of breaking the
//! paragraph at its spaces is weighed at once, so the word gaps of all its lines stay even,
//! instead of Word's line-at-a-time choice that leaves one line stretched wide after a tight
//! one. Vietnamese is not hyphenated: breaks are at spaces only. Shrinking a gap is allowed
//! down to two thirds of a space, so a justified line is exactly the measure and never wider.
//! Centred text (issuer, trích yếu) is broken into balanced lines; the recipient list fills
//! line by line.

use crate::profile::Face;
use crate::units::Mm;

/// A piece of a word in one face, underlined or not (a word can change in the middle:
/// `Đảng**bộ**`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub text: String,
    pub face: Face,
    pub underline: bool,
    pub width: Mm,
}

/// A word: what lies between two breakable spaces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub pieces: Vec<Piece>,
    pub width: Mm,
    /// The space after the word (in the face of its last piece); zero after a fragment of a
    /// word too long for any line, which continues without a space.
    pub space: Mm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Total fit, every line but the last justified.
    Justify,
    /// Lines of about equal length (centred text).
    Balance,
    /// As many words as fit on each line.
    Fill,
}

/// How far a gap may stretch / shrink, as a share of the space.
const STRETCH: f32 = 1.0;
const SHRINK: f32 = 1.0 / 3.0;
const LINE_PENALTY: f64 = 10.0;
const ADJACENT_FITNESS: f64 = 3000.0;
const EPS: f32 = 1e-4;

/// Breaks `words` into lines; returns the index of the first word of each line. The first
/// line is `first` wide, the others `rest`.
pub(crate) fn break_lines(words: &[Word], first: Mm, rest: Mm, mode: Mode) -> Vec<usize> {
    if words.is_empty() {
        return Vec::new();
    }
    match mode {
        Mode::Fill => fill(words, first, rest),
        Mode::Justify | Mode::Balance => total_fit(words, first, rest, mode),
    }
}

fn fill(words: &[Word], first: Mm, rest: Mm) -> Vec<usize> {
    let mut starts = vec![0];
    let mut width = Mm::ZERO;
    for (i, w) in words.iter().enumerate() {
        let limit = if starts.len() == 1 { first } else { rest };
        let start = *starts.last().unwrap_or(&0);
        let add = if i == start {
            w.width
        } else {
            words[i - 1].space + w.width
        };
        if i > start && width.0 + add.0 > limit.0 + EPS {
            starts.push(i);
            width = w.width;
        } else {
            width += add;
        }
    }
    starts
}

fn total_fit(words: &[Word], first: Mm, rest: Mm, mode: Mode) -> Vec<usize> {
    let n = words.len();
    // Prefix sums: widths of words, and of spaces after them.
    let mut w = vec![0f32; n + 1];
    let mut s = vec![0f32; n + 1];
    for i in 0..n {
        w[i + 1] = w[i] + words[i].width.0;
        s[i + 1] = s[i] + words[i].space.0;
    }
    const CLASSES: usize = 4;
    let mut best = vec![[f64::INFINITY; CLASSES]; n + 1];
    let mut from = vec![[(0usize, 0usize); CLASSES]; n + 1];
    best[0][1] = 0.0;
    for b in 1..=n {
        for a in (0..b).rev() {
            if best[a].iter().all(|d| d.is_infinite()) {
                continue;
            }
            let target = if a == 0 { first.0 } else { rest.0 };
            let spaces = s[b - 1] - s[a];
            let natural = w[b] - w[a] + spaces;
            let last = b == n;
            if natural - spaces * SHRINK > target + EPS && b - a > 1 {
                break; // earlier starts only make the line longer
            }
            let (badness, class) = match mode {
                Mode::Justify => justify_badness(natural, spaces, target, last),
                _ => {
                    if natural > target + EPS && b - a > 1 {
                        continue;
                    }
                    let slack = ((target - natural) / target.max(1.0)) as f64 * 100.0;
                    (slack * slack, 1)
                }
            };
            let demerits = (LINE_PENALTY + badness).powi(2);
            let prev = best[a];
            for (prev_class, &d) in prev.iter().enumerate() {
                if d.is_infinite() {
                    continue;
                }
                let mut total = d + demerits;
                if mode == Mode::Justify && a > 0 && class.abs_diff(prev_class) > 1 {
                    total += ADJACENT_FITNESS;
                }
                if total < best[b][class] {
                    best[b][class] = total;
                    from[b][class] = (a, prev_class);
                }
            }
        }
    }
    let mut class = (0..CLASSES)
        .min_by(|&x, &y| best[n][x].total_cmp(&best[n][y]))
        .unwrap_or(1);
    let mut starts = Vec::new();
    let mut b = n;
    while b > 0 {
        let (a, prev) = from[b][class];
        starts.push(a);
        b = a;
        class = prev;
    }
    starts.reverse();
    starts
}

/// Badness (TeX: 100·r³) and fitness class (tight, decent, loose, very loose).
fn justify_badness(natural: f32, spaces: f32, target: f32, last: bool) -> (f64, usize) {
    if last && natural <= target + EPS {
        return (0.0, 1);
    }
    let diff = target - natural;
    let r = if diff >= 0.0 {
        if spaces * STRETCH <= EPS {
            10.0
        } else {
            diff / (spaces * STRETCH)
        }
    } else if spaces * SHRINK <= EPS {
        10.0 // a single word wider than the line: only when nothing else is possible
    } else {
        -diff / (spaces * SHRINK)
    };
    let badness = (100.0 * (r.min(10.0) as f64).powi(3)).min(100_000.0);
    let class = if diff < 0.0 && r > 0.5 {
        0
    } else if r <= 0.5 || diff < 0.0 {
        1
    } else if r <= 1.0 {
        2
    } else {
        3
    };
    (badness, class)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lens: &[f32]) -> Vec<Word> {
        lens.iter()
            .map(|&l| Word {
                pieces: vec![],
                width: Mm(l),
                space: Mm(1.0),
            })
            .collect()
    }

    fn line_widths(ws: &[Word], starts: &[usize]) -> Vec<f32> {
        let mut out = Vec::new();
        for (i, &a) in starts.iter().enumerate() {
            let b = starts.get(i + 1).copied().unwrap_or(ws.len());
            let natural: f32 = ws[a..b].iter().map(|w| w.width.0).sum::<f32>() + (b - a - 1) as f32;
            out.push(natural);
        }
        out
    }

    #[test]
    fn total_fit_never_exceeds_the_measure_after_shrinking() {
        let ws = words(&[
            5.0, 3.0, 7.0, 2.0, 9.0, 4.0, 4.0, 6.0, 3.0, 8.0, 2.0, 5.0, 7.0, 1.0,
        ]);
        let starts = break_lines(&ws, Mm(18.0), Mm(20.0), Mode::Justify);
        assert_eq!(starts[0], 0);
        for (i, nat) in line_widths(&ws, &starts).iter().enumerate() {
            let limit = if i == 0 { 18.0 } else { 20.0 };
            let b = starts.get(i + 1).copied().unwrap_or(ws.len());
            let spaces = (b - starts[i] - 1) as f32;
            assert!(nat - spaces * SHRINK <= limit + 1e-3, "line {i}: {nat}");
        }
    }

    #[test]
    fn total_fit_beats_greedy_on_evenness() {
        // Greedy fills "aaaa bb" then leaves a loose line; total fit evens them out.
        let ws = words(&[4.0, 2.0, 3.0, 3.0, 3.0, 3.0]);
        let kp = break_lines(&ws, Mm(10.0), Mm(10.0), Mode::Justify);
        let greedy = break_lines(&ws, Mm(10.0), Mm(10.0), Mode::Fill);
        let worst = |starts: &[usize]| {
            let widths = line_widths(&ws, starts);
            widths[..widths.len() - 1]
                .iter()
                .map(|w| 10.0 - w)
                .fold(0.0f32, f32::max)
        };
        assert!(worst(&kp) <= worst(&greedy), "{kp:?} vs {greedy:?}");
    }

    #[test]
    fn balance_evens_centred_lines() {
        let ws = words(&[6.0, 6.0, 6.0, 6.0, 6.0]);
        let starts = break_lines(&ws, Mm(30.0), Mm(30.0), Mode::Balance);
        assert_eq!(starts.len(), 2);
        assert!(starts[1] == 2 || starts[1] == 3);
    }
}
