//! A TrueType face cut down to the glyphs a document draws, for embedding in the PDF.
//!
//! Glyph ids are kept: a dropped glyph becomes an empty `loca` entry and zero metrics, so
//! the PDF can name a glyph by its id in the whole font (`/CIDToGIDMap /Identity`) and the
//! subset needs no renumbering, no character map and no second parse of anything. The font
//! is read straight from the face's bytes (the mapped file): the table directory, then
//! `loca` and `glyf` for the glyphs kept and their components. Only the tables a PDF
//! viewer uses for a CIDFontType2 program are written (ISO 32000 §9.9: `head`, `hhea`,
//! `loca`, `maxp`, `cvt `, `prep`, `glyf`, `hmtx`, `fpgm`), and a short `post` that names
//! no glyphs, which some font loaders look for.
//!
//! The result is cut after the last glyph kept, so `numGlyphs` and the metrics count
//! shrink with it.

use std::ops::Range;

/// Why a face could not be cut down; the font file is named by the caller.
pub(crate) type Failure = String;

/// The tables read from the face, by where they are in its bytes.
struct Tables {
    head: Range<usize>,
    hhea: Range<usize>,
    maxp: Range<usize>,
    loca: Range<usize>,
    glyf: Range<usize>,
    hmtx: Range<usize>,
    post: Option<Range<usize>>,
    /// `cvt `, `fpgm`, `prep`: the hinting programs, copied whole.
    hinting: Vec<([u8; 4], Range<usize>)>,
}

/// The face at `index` of `data` (a TrueType file, or a collection) with only glyph 0,
/// the glyphs `drawn` (ids, each below the face's glyph count) and their components.
pub(crate) fn subset(data: &[u8], index: u32, drawn: &[u16]) -> Result<Vec<u8>, Failure> {
    let tables = tables(data, index)?;
    let head = &data[tables.head.clone()];
    let maxp = &data[tables.maxp.clone()];
    let hhea = &data[tables.hhea.clone()];
    if head.len() < 54 || maxp.len() < 6 || hhea.len() < 36 {
        return Err("head, maxp or hhea table too short".into());
    }
    let glyph_count = u16_at(maxp, 4) as usize;
    let long_loca = u16_at(head, 50) != 0;
    let loca = &data[tables.loca.clone()];
    let glyf = &data[tables.glyf.clone()];
    let glyph = |gid: usize| -> Option<&[u8]> {
        if gid >= glyph_count {
            return None;
        }
        let (start, end) = if long_loca {
            (
                u32_at_checked(loca, gid * 4)? as usize,
                u32_at_checked(loca, gid * 4 + 4)? as usize,
            )
        } else {
            (
                u16_at_checked(loca, gid * 2)? as usize * 2,
                u16_at_checked(loca, gid * 2 + 2)? as usize * 2,
            )
        };
        glyf.get(start..end)
    };

    // Glyph 0, the glyphs drawn, and the components of composite glyphs, recursively.
    let mut kept = vec![false; glyph_count.max(1)];
    let mut pending: Vec<u16> = Vec::with_capacity(drawn.len() + 1);
    pending.push(0);
    pending.extend_from_slice(drawn);
    while let Some(gid) = pending.pop() {
        let gid = gid as usize;
        if gid >= glyph_count || kept[gid] {
            continue;
        }
        kept[gid] = true;
        if let Some(outline) = glyph(gid) {
            components(outline, &mut pending);
        }
    }
    let count = kept.iter().rposition(|&k| k).map_or(1, |last| last + 1);

    // glyf and loca (long offsets), every glyph padded to four bytes.
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((count + 1) * 4);
    for (gid, &keep) in kept.iter().enumerate().take(count) {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep {
            let outline = glyph(gid).ok_or("loca points outside glyf")?;
            new_glyf.extend_from_slice(outline);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    // hmtx: a long metric for every glyph up to the last kept, zero for the dropped ones.
    let hmtx = &data[tables.hmtx.clone()];
    let long_metrics = (u16_at(hhea, 34) as usize).max(1);
    let mut new_hmtx = vec![0u8; count * 4];
    for (gid, _) in kept.iter().enumerate().take(count).filter(|(_, &k)| k) {
        let advance_at = gid.min(long_metrics - 1) * 4;
        let bearing_at = if gid < long_metrics {
            gid * 4 + 2
        } else {
            long_metrics * 4 + (gid - long_metrics) * 2
        };
        let advance = hmtx
            .get(advance_at..advance_at + 2)
            .ok_or("hmtx too short")?;
        let bearing = hmtx
            .get(bearing_at..bearing_at + 2)
            .ok_or("hmtx too short")?;
        new_hmtx[gid * 4..gid * 4 + 2].copy_from_slice(advance);
        new_hmtx[gid * 4 + 2..gid * 4 + 4].copy_from_slice(bearing);
    }

    let mut new_head = head.to_vec();
    new_head[8..12].fill(0); // checkSumAdjustment, set once the file is whole
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca
    let mut new_hhea = hhea.to_vec();
    new_hhea[34..36].copy_from_slice(&(count as u16).to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp[4..6].copy_from_slice(&(count as u16).to_be_bytes());
    // post version 3: the font's italic angle and underline, no glyph names.
    let new_post = tables
        .post
        .as_ref()
        .map(|post| &data[post.clone()])
        .filter(|post| post.len() >= 32)
        .map(|post| {
            let mut post = post[..32].to_vec();
            post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
            post
        });

    // Tables in tag order, as the directory must list them.
    let mut out_tables: Vec<([u8; 4], &[u8])> = tables
        .hinting
        .iter()
        .map(|(tag, range)| (*tag, &data[range.clone()]))
        .collect();
    out_tables.push((*b"glyf", &new_glyf));
    out_tables.push((*b"head", &new_head));
    out_tables.push((*b"hhea", &new_hhea));
    out_tables.push((*b"hmtx", &new_hmtx));
    out_tables.push((*b"loca", &new_loca));
    out_tables.push((*b"maxp", &new_maxp));
    if let Some(post) = &new_post {
        out_tables.push((*b"post", post));
    }
    out_tables.sort_by_key(|(tag, _)| *tag);
    Ok(sfnt(&out_tables))
}

/// Pushes the glyph ids a composite glyph is made of (none for a simple glyph).
fn components(outline: &[u8], into: &mut Vec<u16>) {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_2X2: u16 = 0x0080;
    if outline.len() < 10 || (u16_at(outline, 0) as i16) >= 0 {
        return;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) =
        (u16_at_checked(outline, at), u16_at_checked(outline, at + 2))
    {
        into.push(gid);
        at += 4;
        at += if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & HAVE_XY_SCALE != 0 {
            4
        } else if flags & HAVE_2X2 != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
}

/// The table directory of the face at `index`.
fn tables(data: &[u8], index: u32) -> Result<Tables, Failure> {
    let offset = if data.starts_with(b"ttcf") {
        u32_at_checked(data, 12 + index as usize * 4).ok_or("collection header too short")? as usize
    } else {
        0
    };
    let count = u16_at_checked(data, offset + 4).ok_or("no table directory")? as usize;
    let (mut head, mut hhea, mut maxp, mut loca, mut glyf, mut hmtx, mut post) =
        (None, None, None, None, None, None, None);
    let mut hinting = Vec::new();
    for i in 0..count {
        let record = offset + 12 + i * 16;
        let tag: [u8; 4] = data
            .get(record..record + 4)
            .ok_or("table directory too short")?
            .try_into()
            .map_err(|_| "table directory too short")?;
        let start = u32_at_checked(data, record + 8).ok_or("table directory too short")? as usize;
        let len = u32_at_checked(data, record + 12).ok_or("table directory too short")? as usize;
        let range = start..start.checked_add(len).ok_or("table out of the file")?;
        if range.end > data.len() {
            return Err(format!(
                "table {} out of the file",
                String::from_utf8_lossy(&tag)
            ));
        }
        match &tag {
            b"head" => head = Some(range),
            b"hhea" => hhea = Some(range),
            b"maxp" => maxp = Some(range),
            b"loca" => loca = Some(range),
            b"glyf" => glyf = Some(range),
            b"hmtx" => hmtx = Some(range),
            b"post" => post = Some(range),
            b"cvt " | b"fpgm" | b"prep" => hinting.push((tag, range)),
            _ => {}
        }
    }
    let missing = |name: &str| format!("no {name} table (not a TrueType outline font)");
    Ok(Tables {
        head: head.ok_or_else(|| missing("head"))?,
        hhea: hhea.ok_or_else(|| missing("hhea"))?,
        maxp: maxp.ok_or_else(|| missing("maxp"))?,
        loca: loca.ok_or_else(|| missing("loca"))?,
        glyf: glyf.ok_or_else(|| missing("glyf"))?,
        hmtx: hmtx.ok_or_else(|| missing("hmtx"))?,
        post,
        hinting,
    })
}

/// A font file of `tables` (sorted by tag), with checksums and `head`'s adjustment.
fn sfnt(tables: &[([u8; 4], &[u8])]) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let directory = 12 + tables.len() * 16;
    let size = directory
        + tables
            .iter()
            .map(|(_, t)| t.len().next_multiple_of(4))
            .sum::<usize>();
    let mut out = Vec::with_capacity(size);
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut at = directory;
    let mut head_at = None;
    for (tag, table) in tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(table).to_be_bytes());
        out.extend_from_slice(&(at as u32).to_be_bytes());
        out.extend_from_slice(&(table.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(at);
        }
        at += table.len().next_multiple_of(4);
    }
    for (_, table) in tables {
        out.extend_from_slice(table);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(head) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[head + 8..head + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The sum of `bytes` as big-endian 32-bit words, the last one padded with zeros.
fn checksum(bytes: &[u8]) -> u32 {
    let mut chunks = bytes.chunks_exact(4);
    let mut sum = chunks.by_ref().fold(0u32, |sum, w| {
        sum.wrapping_add(u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
    });
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 4];
        last[..rest.len()].copy_from_slice(rest);
        sum = sum.wrapping_add(u32::from_be_bytes(last));
    }
    sum
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([bytes[at], bytes[at + 1]])
}

fn u16_at_checked(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at_checked(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::profile::Face;

    #[test]
    fn the_subset_keeps_the_glyphs_drawn_under_their_ids() {
        let fonts = FontSet::system().expect("fonts-liberation2 or Times New Roman installed");
        let face = fonts.face(Face::Regular);
        let drawn: Vec<u16> = "Kế hoạch Đảng ủy"
            .chars()
            .filter_map(|c| face.glyph(c))
            .collect();
        let bytes = subset(&face.data, face.index, &drawn).expect("subset");
        let whole = ttf_parser::Face::parse(&face.data, face.index).unwrap();
        let cut = ttf_parser::Face::parse(&bytes, 0).expect("the subset is a font");
        assert!(bytes.len() < face.data.len() / 10, "{} bytes", bytes.len());
        for &gid in &drawn {
            let id = ttf_parser::GlyphId(gid);
            assert_eq!(cut.glyph_hor_advance(id), whole.glyph_hor_advance(id));
            assert_eq!(
                cut.glyph_bounding_box(id),
                whole.glyph_bounding_box(id),
                "glyph {gid} keeps its outline (components too)"
            );
        }
        let dropped = ttf_parser::GlyphId(face.glyph('Q').unwrap());
        assert_eq!(cut.glyph_bounding_box(dropped), None, "Q was not drawn");
        // The whole file sums to the magic number once head's adjustment is in.
        assert_eq!(checksum(&bytes), 0xB1B0_AFBA);
    }
}
