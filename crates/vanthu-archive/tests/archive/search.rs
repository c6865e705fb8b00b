//! Search as a clerk types it.

use vanthu_archive::Filter;
use vanthu_model::{Kind, Status};

use crate::{fresh, plan, record, stamp, Fixture};

fn titles(f: &Fixture, q: &str, filter: &Filter) -> Vec<String> {
    f.archive
        .search(q, filter, 50)
        .unwrap()
        .into_iter()
        .map(|h| h.summary.title)
        .collect()
}

fn with_docs() -> Fixture {
    let mut f = fresh();
    let mut a = plan(
        "Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu",
        "2024-03-15",
    );
    a.body = "Đảng ủy Sở giáo dục và Đào tạo xây dựng kế hoạch tổ chức hội nghị.".into();
    let mut b = plan("Học tập chuyên đề năm 2024", "2024-05-01");
    b.body = "Ban Thường vụ Đảng uỷ Sở Văn hóa yêu cầu các chi bộ triển khai.".into();
    b.kind = Some(Kind::BaoCao);
    let mut c = plan("Tổng kết phong trào thi đua", "2025-04-01");
    c.body = "Trường Chính trị tỉnh Khánh Hòa tổ chức hội nghị điển hình.".into();
    c.issuer.name = "TRƯỜNG CHÍNH TRỊ".into();
    c.issuer.code = "TCT".into();
    for d in [a, b, c] {
        f.archive.create(&d, &stamp()).unwrap();
    }
    f
}

#[test]
fn finds_a_plan_by_a_phrase_typed_without_diacritics() {
    let f = with_docs();
    assert_eq!(
        titles(&f, "sinh hoat chi bo mau", &Filter::default()),
        ["Tổ chức hội nghị chuyên đề sinh hoạt chi bộ mẫu"]
    );
}

#[test]
fn dang_uy_with_either_spelling_or_none_finds_the_same_documents() {
    let f = with_docs();
    let mut plain = titles(&f, "dang uy", &Filter::default());
    let mut new_style = titles(&f, "Đảng ủy", &Filter::default());
    let mut old_style = titles(&f, "Đảng uỷ", &Filter::default());
    plain.sort();
    new_style.sort();
    old_style.sort();
    assert_eq!(plain.len(), 3, "issuer names say ĐẢNG ỦY too: {plain:?}");
    assert_eq!(plain, new_style);
    assert_eq!(plain, old_style);
}

#[test]
fn marks_typed_rank_exact_matches_first() {
    let mut f = fresh();
    let mut flower = plan("Trang trí hoa", "2024-01-01");
    flower.body = "Mua hoa cho hội nghị.".into();
    let mut peace = plan("Giữ gìn hòa bình", "2024-01-02");
    peace.body = "Hòa bình là mong ước.".into();
    f.archive.create(&flower, &stamp()).unwrap();
    f.archive.create(&peace, &stamp()).unwrap();
    assert_eq!(titles(&f, "hòa", &Filter::default())[0], "Giữ gìn hòa bình");
    assert_eq!(
        titles(&f, "hoa", &Filter::default()).len(),
        2,
        "without marks both match"
    );
}

#[test]
fn finds_by_symbol_first() {
    let mut f = with_docs();
    let id = f.draft("Kế hoạch số tám mươi hai", "2024-03-20");
    let old = record("Kế hoạch 82 cũ", "2024-03-15", 82);
    let old_id = f.archive.create(&old, &stamp()).unwrap();
    let hits = f
        .archive
        .search("82-KH/ĐU", &Filter::default(), 10)
        .unwrap();
    assert_eq!(hits[0].summary.id, old_id);
    assert_eq!(hits[0].summary.symbol.as_deref(), Some("82-KH/ĐU"));
    let _ = id;
    let hits = f
        .archive
        .search("82-kh/du", &Filter::default(), 10)
        .unwrap();
    assert_eq!(
        hits[0].summary.id, old_id,
        "typed without marks and in lower case"
    );
}

#[test]
fn filters_and_no_match() {
    let f = with_docs();
    let by_kind = Filter {
        kind: Some(Kind::BaoCao),
        ..Filter::default()
    };
    assert_eq!(
        titles(&f, "chuyen de", &by_kind),
        ["Học tập chuyên đề năm 2024"]
    );
    let by_year = Filter {
        year: Some(2025),
        ..Filter::default()
    };
    assert_eq!(
        titles(&f, "hoi nghi", &by_year),
        ["Tổng kết phong trào thi đua"]
    );
    let by_issuer = Filter {
        issuer: Some("TCT".into()),
        ..Filter::default()
    };
    assert_eq!(
        titles(&f, "hoi nghi", &by_issuer),
        ["Tổng kết phong trào thi đua"]
    );
    let issued = Filter {
        status: Some(Status::Issued),
        ..Filter::default()
    };
    assert!(titles(&f, "hoi nghi", &issued).is_empty());
    assert!(titles(&f, "không có từ này xyzzy", &Filter::default()).is_empty());
    assert!(titles(&f, "  ", &Filter::default()).is_empty());
    assert!(
        titles(&f, "\"*(:", &Filter::default()).is_empty(),
        "FTS syntax in a query is only text"
    );
}

#[test]
fn list_is_newest_first_and_filters() {
    let f = with_docs();
    let all = f.archive.list(&Filter::default(), 10, 0).unwrap();
    let dates: Vec<_> = all.iter().map(|s| s.date.unwrap().to_string()).collect();
    assert_eq!(dates, ["2025-04-01", "2024-05-01", "2024-03-15"]);
    assert_eq!(
        f.archive
            .count(&Filter {
                year: Some(2024),
                ..Filter::default()
            })
            .unwrap(),
        2
    );
    assert_eq!(
        f.archive.list(&Filter::default(), 1, 1).unwrap()[0]
            .date
            .unwrap()
            .to_string(),
        "2024-05-01"
    );
}

#[test]
fn a_title_match_ranks_above_a_body_match_and_newer_above_older() {
    let mut f = fresh();
    let mut in_body_new = plan("Báo cáo tổng kết năm", "2025-06-01");
    in_body_new.body = "Tổ chức hội nghị sinh hoạt chi bộ mẫu tại cơ sở.".into();
    let mut in_title_old = plan("Hội nghị sinh hoạt chi bộ mẫu", "2023-01-10");
    in_title_old.body = "Nội dung.".into();
    let mut in_title_new = plan("Sinh hoạt chi bộ mẫu quý II", "2024-04-01");
    in_title_new.body = "Nội dung.".into();
    for d in [&in_body_new, &in_title_old, &in_title_new] {
        f.archive.create(d, &stamp()).unwrap();
    }
    assert_eq!(
        titles(&f, "sinh hoat chi bo mau", &Filter::default()),
        [
            "Sinh hoạt chi bộ mẫu quý II",
            "Hội nghị sinh hoạt chi bộ mẫu",
            "Báo cáo tổng kết năm"
        ]
    );
}

#[test]
fn the_year_filter_reaches_from_the_oldest_to_the_newest_document() {
    let mut f = fresh();
    assert_eq!(f.archive.year_span().unwrap(), None, "an empty archive");
    f.issued("Kế hoạch cũ", "2007-03-30");
    f.draft("Kế hoạch mới", "2025-11-02");
    let mut undated = plan("Chưa có ngày", "2024-01-01");
    undated.date = None;
    f.archive.create(&undated, &stamp()).unwrap();
    assert_eq!(f.archive.year_span().unwrap(), Some((2007, 2025)));
}

#[test]
fn an_archive_from_before_schema_5_finds_its_documents_after_the_upgrade() {
    let mut f = with_docs();
    let old = record("Kế hoạch 82 cũ", "2024-03-15", 82);
    let old_id = f.archive.create(&old, &stamp()).unwrap();
    let before: Vec<Vec<String>> = ["sinh hoat chi bo mau", "Đảng ủy", "hòa", "82-kh/du"]
        .iter()
        .map(|q| titles(&f, q, &Filter::default()))
        .collect();
    drop(f.archive);
    // The archive as schema 4 left it: the index cut by FTS5's unicode61, and empty here, so
    // that only the upgrade's indexing can find anything.
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute_batch(
        "DROP TABLE documents_fts;
         CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, meta, exact, content = '',
             contentless_delete = 1, detail = 'column', tokenize = 'unicode61 remove_diacritics 0');
         PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);

    f.archive = vanthu_archive::Archive::open(&f.path).unwrap();
    let after: Vec<Vec<String>> = ["sinh hoat chi bo mau", "Đảng ủy", "hòa", "82-kh/du"]
        .iter()
        .map(|q| titles(&f, q, &Filter::default()))
        .collect();
    assert!(before.iter().all(|t| !t.is_empty()));
    assert_eq!(after, before, "the same documents, in the same order");
    let hits = f.archive.search("82-KH/ĐU", &Filter::default(), 5).unwrap();
    assert_eq!(hits[0].summary.id, old_id, "a record by its symbol");
}
