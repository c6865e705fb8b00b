//! The document-type table: which types exist in each format, their printed names and the
//! abbreviations that go into the symbol (`KH` in `82-KH/ĐU`).
//!
//! Party types and abbreviations follow 36-HD/VPTW (spec §1.5), State ones NĐ 30/2020 Phụ lục
//! III (spec §2.5). Where the sources disagree — the Party abbreviation of Quy định, `QĐi` in
//! the 36-HD era, `QĐ` since 2021 — the value is a [`Conventions`] setting, not a constant.
//! Thư công, added by Quy định 399-QĐ/TW, has no abbreviation in those sources; the one it
//! has here is a choice, recorded on its row.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;

use crate::document::Format;

/// A document type. Serialised as the snake-case Vietnamese name (`ke_hoach`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    NghiQuyet,
    QuyetDinh,
    ChiThi,
    KetLuan,
    QuyDinh,
    QuyChe,
    ThongTri,
    HuongDan,
    ThongBao,
    ThongCao,
    BaoCao,
    KeHoach,
    ChuongTrinh,
    PhuongAn,
    DeAn,
    DuAn,
    ToTrinh,
    BienBan,
    CongVan,
    CongDien,
    HopDong,
    BanGhiNho,
    BanThoaThuan,
    GiayUyQuyen,
    GiayMoi,
    GiayGioiThieu,
    GiayNghiPhep,
    PhieuGui,
    PhieuChuyen,
    PhieuBao,
    /// Thư công, a Party type since Quy định 399-QĐ/TW; last because it came last (the
    /// table is in declaration order; archives store the key). Its Party abbreviation is a
    /// choice, not a citation: see its row in the type table.
    ThuCong,
}

/// One row of the type table.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    pub kind: Kind,
    /// The snake-case key used in JSON and in the archive.
    pub key: &'static str,
    /// The name as a clerk says it (`Kế hoạch`); printed upper-case as the type name.
    pub name: &'static str,
    /// Abbreviation in Party symbols, `None` if the Party rules have no such type.
    pub party: Option<&'static str>,
    /// Abbreviation in State symbols, `None` if NĐ 30 has no such type. A State công văn has a
    /// type but no abbreviation (`05/UBND-VP`): that is `Some("")`.
    pub state: Option<&'static str>,
}

/// Rows may carry doc comments (why a value is what it is); they document the source only.
macro_rules! table {
    ($($(#[doc = $doc:literal])* $kind:ident $key:literal $name:literal $party:expr, $state:expr;)*) => {
        const TABLE: &[KindInfo] = &[
            $(KindInfo { kind: Kind::$kind, key: $key, name: $name, party: $party, state: $state },)*
        ];
    };
}

table! {
    NghiQuyet "nghi_quyet" "Nghị quyết" Some("NQ"), Some("NQ");
    QuyetDinh "quyet_dinh" "Quyết định" Some("QĐ"), Some("QĐ");
    ChiThi "chi_thi" "Chỉ thị" Some("CT"), Some("CT");
    KetLuan "ket_luan" "Kết luận" Some("KL"), None;
    QuyDinh "quy_dinh" "Quy định" Some("QĐi"), Some("QyĐ");
    QuyChe "quy_che" "Quy chế" Some("QC"), Some("QC");
    ThongTri "thong_tri" "Thông tri" Some("TT"), None;
    HuongDan "huong_dan" "Hướng dẫn" Some("HD"), Some("HD");
    ThongBao "thong_bao" "Thông báo" Some("TB"), Some("TB");
    ThongCao "thong_cao" "Thông cáo" None, Some("TC");
    BaoCao "bao_cao" "Báo cáo" Some("BC"), Some("BC");
    KeHoach "ke_hoach" "Kế hoạch" Some("KH"), Some("KH");
    ChuongTrinh "chuong_trinh" "Chương trình" Some("CTr"), Some("CTr");
    PhuongAn "phuong_an" "Phương án" Some("PA"), Some("PA");
    DeAn "de_an" "Đề án" Some("ĐA"), Some("ĐA");
    DuAn "du_an" "Dự án" None, Some("DA");
    ToTrinh "to_trinh" "Tờ trình" Some("TTr"), Some("TTr");
    BienBan "bien_ban" "Biên bản" Some("BB"), Some("BB");
    CongVan "cong_van" "Công văn" Some("CV"), Some("");
    CongDien "cong_dien" "Công điện" None, Some("CĐ");
    HopDong "hop_dong" "Hợp đồng" None, Some("HĐ");
    BanGhiNho "ban_ghi_nho" "Bản ghi nhớ" None, Some("BGN");
    BanThoaThuan "ban_thoa_thuan" "Bản thỏa thuận" None, Some("BTT");
    GiayUyQuyen "giay_uy_quyen" "Giấy ủy quyền" None, Some("GUQ");
    GiayMoi "giay_moi" "Giấy mời" Some("GM"), Some("GM");
    GiayGioiThieu "giay_gioi_thieu" "Giấy giới thiệu" Some("GGT"), Some("GGT");
    GiayNghiPhep "giay_nghi_phep" "Giấy nghỉ phép" None, Some("GNP");
    PhieuGui "phieu_gui" "Phiếu gửi" None, Some("PG");
    PhieuChuyen "phieu_chuyen" "Phiếu chuyển" None, Some("PC");
    PhieuBao "phieu_bao" "Phiếu báo" None, Some("PB");
    /// Thư công (Quy định 399-QĐ/TW, 09/01/2026). UNCERTAIN: its Party abbreviation `TC` is
    /// a choice, not a citation. Party thư công seen in practice carry no symbol, but a Party
    /// symbol has no clean form without an abbreviation (`82-/ĐU`), so the type takes `TC`:
    /// free among Party abbreviations (Thông cáo has none in this table; the State `TC` of
    /// Thông cáo is another format), as `no_two_types_share_an_abbreviation` checks. If the
    /// regulation's appendix gives another, change it here. Not a State type yet: NĐ 30/2020
    /// names thư công too, but its Phụ lục III gives no abbreviation to check against.
    ThuCong "thu_cong" "Thư công" Some("TC"), None;
}

/// Settings where the regulations' sources disagree; an office can change them without a
/// new program. Defaults follow 36-HD/VPTW and NĐ 30/2020.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Conventions {
    /// Party abbreviation of Quy định: `QĐi` (36-HD era) or `QĐ` (since 2021, 399-QĐ/TW).
    pub party_quy_dinh: String,
}

impl Default for Conventions {
    fn default() -> Self {
        Conventions {
            party_quy_dinh: "QĐi".to_owned(),
        }
    }
}

impl Kind {
    pub fn all() -> impl Iterator<Item = Kind> {
        TABLE.iter().map(|info| info.kind)
    }

    pub fn info(self) -> &'static KindInfo {
        // The table lists every variant once, in declaration order.
        &TABLE[self as usize]
    }

    /// The snake-case key (`ke_hoach`).
    pub fn key(self) -> &'static str {
        self.info().key
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        TABLE.iter().find(|i| i.key == key).map(|i| i.kind)
    }

    /// The name as a clerk says it: `Kế hoạch`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The printed type name: `KẾ HOẠCH`.
    pub fn printed_name(self) -> String {
        crate::text::upper(self.name())
    }

    /// Whether a document of this type exists in the given format.
    pub fn exists_in(self, format: Format) -> bool {
        self.abbreviation(format, &Conventions::default()).is_some()
    }

    /// The abbreviation that goes into the symbol, `None` if the format has no such type.
    /// A State công văn gives `Some("")`.
    pub fn abbreviation(self, format: Format, conventions: &Conventions) -> Option<String> {
        let info = self.info();
        match format {
            Format::Party if self == Kind::QuyDinh => Some(conventions.party_quy_dinh.clone()),
            Format::Party => info.party.map(str::to_owned),
            Format::State => info.state.map(str::to_owned),
        }
    }

    /// The type whose printed name is this line (`KẾ HOẠCH`, `Kế hoạch`, `KẾ  HOẠCH`), compared
    /// folded so that OCR's lost marks and old spellings still match, then without the spaces
    /// OCR puts inside words (`K ÉT LUẬN`). No two names are alike once their spaces are gone.
    ///
    /// The importer asks this of every line that may be a header's, long paragraphs among
    /// them: a line with more letters than the longest name has none, and is not folded.
    pub fn from_printed_name(line: &str) -> Option<Kind> {
        let names = printed_names();
        // Every letter or digit that is not a combining mark folds to at least one letter or
        // digit, so the line's folded words hold at least this many.
        let letters = line
            .chars()
            .filter(|&c| crate::text::is_word_char(c) && (c.is_ascii() || !is_combining_mark(c)))
            .count();
        if letters > names.most_letters {
            return None;
        }
        let wanted = crate::text::folded_words(line);
        if wanted.is_empty() {
            return None;
        }
        let exact = names.all.iter().find(|n| n.words == wanted);
        let spaced = || {
            let joined = wanted.concat();
            names.all.iter().find(|n| n.joined == joined)
        };
        exact.or_else(spaced).map(|n| n.kind)
    }

    /// The type whose abbreviation (in either format) this is: `KH` → Kế hoạch.
    pub fn from_abbreviation(
        abbr: &str,
        format: Format,
        conventions: &Conventions,
    ) -> Option<Kind> {
        Kind::all().find(|k| {
            k.abbreviation(format, conventions)
                .is_some_and(|a| !a.is_empty() && a == abbr)
        })
    }
}

/// The printed names folded (`ke hoach`) and without their spaces (`kehoach`), worked out once.
struct PrintedNames {
    all: Vec<PrintedName>,
    /// The letters of the longest name.
    most_letters: usize,
}

struct PrintedName {
    kind: Kind,
    words: Vec<String>,
    joined: String,
}

fn printed_names() -> &'static PrintedNames {
    static NAMES: OnceLock<PrintedNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let all: Vec<PrintedName> = TABLE
            .iter()
            .map(|i| {
                let words = crate::text::folded_words(i.name);
                let joined = words.concat();
                PrintedName {
                    kind: i.kind,
                    words,
                    joined,
                }
            })
            .collect();
        let most_letters = all
            .iter()
            .map(|n| n.joined.chars().count())
            .max()
            .unwrap_or(0);
        PrintedNames { all, most_letters }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_declaration_order() {
        for (i, info) in TABLE.iter().enumerate() {
            assert_eq!(info.kind as usize, i, "{} out of order", info.key);
            let json = serde_json::to_string(&info.kind).unwrap();
            assert_eq!(json, format!("\"{}\"", info.key));
        }
    }

    #[test]
    fn every_type_has_a_printed_name_that_reads_back() {
        for kind in Kind::all() {
            let printed = kind.printed_name();
            assert!(!printed.is_empty(), "{} prints no name", kind.key());
            assert_eq!(printed, crate::text::upper(kind.name()));
            assert!(!printed.chars().any(char::is_lowercase), "{printed}");
            assert_eq!(Kind::from_printed_name(&printed), Some(kind), "{printed}");
            assert_eq!(Kind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(Kind::ThuCong.printed_name(), "THƯ CÔNG");
    }

    #[test]
    fn no_two_types_share_an_abbreviation() {
        // With the default conventions; an office that writes Quy định `QĐ` shares Quyết
        // định's on purpose, and the type name line tells them apart.
        let c = Conventions::default();
        for format in [Format::Party, Format::State] {
            let mut seen: std::collections::HashMap<String, Kind> = Default::default();
            for kind in Kind::all() {
                let Some(abbr) = kind.abbreviation(format, &c).filter(|a| !a.is_empty()) else {
                    continue;
                };
                // The importer also reads abbreviations without regard to case (OCR).
                if let Some(other) = seen.insert(crate::text::lower_exact(&abbr), kind) {
                    panic!("{format:?}: {abbr} is both {other:?} and {kind:?}");
                }
            }
        }
        assert_eq!(
            Kind::from_abbreviation("TC", Format::Party, &c),
            Some(Kind::ThuCong)
        );
        assert_eq!(
            Kind::from_abbreviation("TC", Format::State, &c),
            Some(Kind::ThongCao)
        );
    }

    #[test]
    fn printed_names_and_abbreviations() {
        assert_eq!(Kind::KeHoach.printed_name(), "KẾ HOẠCH");
        assert_eq!(Kind::from_printed_name("KẾ  HOẠCH"), Some(Kind::KeHoach));
        assert_eq!(Kind::from_printed_name("NGHỊ QUYẾT"), Some(Kind::NghiQuyet));
        assert_eq!(Kind::from_printed_name("KẾ HOẠCH THỰC HIỆN"), None);
        assert_eq!(
            Kind::from_printed_name("K ÉT LUẬN"),
            Some(Kind::KetLuan),
            "a space OCR put inside a word"
        );
        let joined: Vec<String> = Kind::all()
            .map(|k| crate::text::folded_words(k.name()).concat())
            .collect();
        let mut unique = joined.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            joined.len(),
            "two type names alike without spaces"
        );
        let c = Conventions::default();
        assert_eq!(
            Kind::QuyDinh.abbreviation(Format::Party, &c).unwrap(),
            "QĐi"
        );
        assert_eq!(
            Kind::QuyDinh.abbreviation(Format::State, &c).unwrap(),
            "QyĐ"
        );
        let qd = Conventions {
            party_quy_dinh: "QĐ".into(),
        };
        assert_eq!(
            Kind::QuyDinh.abbreviation(Format::Party, &qd).unwrap(),
            "QĐ"
        );
        assert!(!Kind::KetLuan.exists_in(Format::State));
        assert!(!Kind::HopDong.exists_in(Format::Party));
        assert_eq!(
            Kind::from_abbreviation("KH", Format::Party, &c),
            Some(Kind::KeHoach)
        );
    }
}
