//! `vanthu`: the archive's operations from the command line, for batch work (importing a
//! folder of last years' plans), scripting, and the end-to-end tests.
//!
//! Exit status: 0 success; 1 a user error (the message on stderr, in Vietnamese and English;
//! the archive left as it was); 2 a usage error (clap's).

mod error;
mod output;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use vanthu_archive::{Archive, DeadlineChange, DeadlineFilter, Filter, IssuerProfile, Stamp};
use vanthu_export::Period;
use vanthu_import::legacy::LegacyEncoding;
use vanthu_model::{Format, Kind, Status};
use vanthu_ops::layout;

use crate::error::CliError;

#[derive(Parser)]
#[command(
    name = "vanthu",
    version,
    about = "VănThư — kho văn bản đi của văn phòng cấp ủy: nhập, đánh số, tìm, in.",
    long_about = "VănThư — kho văn bản đi của văn phòng cấp ủy: nhập, đánh số, tìm, in.\n\n\
        Kho lưu trữ mặc định nằm trong thư mục dữ liệu của ứng dụng (cùng kho với ứng dụng \
        máy tính); --db hoặc biến VANTHU_DB chỉ định tệp khác.\n\
        Mã thoát: 0 thành công; 1 lỗi dữ liệu (thông báo trên stderr, kho không đổi); \
        2 sai cú pháp lệnh."
)]
struct Cli {
    /// Tệp kho lưu trữ (SQLite).
    #[arg(long, global = true, env = "VANTHU_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Nhập các tệp văn bản: Word (.docx, .doc), tệp chữ .txt (Unicode hoặc bảng mã cũ TCVN3,
    /// VNI), nhận biết theo nội dung chứ không theo đuôi tệp. Văn bản có số được ghi là đã ban
    /// hành với số đó; còn lại là dự thảo. In mã số từng văn bản; cảnh báo ra stderr. Lỗi ở một
    /// tệp thì không tệp nào được nhập.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Bảng mã của tệp .txt cũ khi không tự nhận ra: tcvn3 (ABC, .VnTime) hoặc vni.
        #[arg(long, value_parser = parse_encoding)]
        encoding: Option<LegacyEncoding>,
    },
    /// Tạo văn bản từ tệp JSON (dạng trao đổi); in mã số. "status": "issued" kèm "number"
    /// ghi nhận văn bản đã ban hành trước đây.
    New {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Xem một văn bản.
    Show {
        id: i64,
        /// In dạng JSON trao đổi.
        #[arg(long)]
        json: bool,
    },
    /// Liệt kê văn bản, mới nhất trước.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// In dạng JSON trao đổi (danh sách).
        #[arg(long)]
        json: bool,
        /// Số dòng tối đa.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Tìm văn bản, có dấu hoặc không dấu, theo cụm từ hoặc số ký hiệu.
    Search {
        query: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Thay nội dung một dự thảo bằng tệp JSON (văn bản đã ban hành thì không sửa được).
    Edit {
        id: i64,
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Ban hành: lấy số tiếp theo trong sổ và khóa văn bản; in số, ký hiệu.
    Issue { id: i64 },
    /// Xuất một văn bản trong kho ra PDF (văn bản đã ban hành: đúng bản đã in) và/hoặc Word
    /// (.docx, trình bày như bản PDF, để sửa hoặc gửi bản điện tử).
    Export {
        id: i64,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Dàn trang thẳng từ tệp JSON, không cần kho (thể thức theo quy định): PDF và/hoặc Word.
    ExportJson {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        #[command(flatten)]
        out: OutArgs,
    },
    /// Cơ quan ban hành đã lưu (nhiệm kỳ cấp ủy quyết định việc đánh số lại).
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Xóa một dự thảo: chuyển vào thùng rác (văn bản đã ban hành thì không xóa được).
    Delete { id: i64 },
    /// Lấy một dự thảo ra khỏi thùng rác.
    Undelete { id: i64 },
    /// Nhật ký thay đổi (của cả kho, hoặc của một văn bản).
    Log {
        id: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Đính kèm tệp (bản quét bản đã ký: PDF, JPEG, PNG) vào một văn bản.
    Attach {
        id: i64,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Liệt kê tệp đính kèm của một văn bản.
    Attachments {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Lưu một tệp đính kèm ra đĩa (kiểm tra mã SHA-256 trước).
    SaveAttachment {
        /// Mã tệp đính kèm (xem lệnh attachments).
        attachment: i64,
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
    },
    /// Kiểm tra kho: cơ sở dữ liệu và mã SHA-256 của từng tệp đính kèm.
    Verify,
    /// Sao lưu kho ra một tệp (dùng được cả khi ứng dụng đang mở).
    Backup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Khôi phục kho từ bản sao lưu; kho hiện tại được giữ lại bên cạnh.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// In sổ đăng ký văn bản đi của một năm hoặc một nhiệm kỳ cấp ủy: PDF khổ A4 ngang để
    /// đóng sổ, và/hoặc CSV cho bảng tính.
    Register {
        /// Năm ban hành.
        #[arg(long, conflicts_with = "term", required_unless_present = "term")]
        year: Option<i32>,
        /// Ngày bắt đầu nhiệm kỳ cấp ủy (YYYY-MM-DD): sổ gồm 5 năm từ ngày này (văn bản của Đảng).
        #[arg(long, value_parser = parse_date)]
        term: Option<chrono::NaiveDate>,
        /// Chỉ văn bản của cơ quan có ký hiệu này (ĐU, UBND, …).
        #[arg(long)]
        issuer: Option<String>,
        #[arg(long, value_name = "OUT.pdf", required_unless_present = "csv")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<PathBuf>,
    },
    /// Xuất cả kho thành thư mục đọc được không cần VănThư: mỗi năm một thư mục, mỗi văn bản
    /// một tệp PDF theo số ký hiệu, tệp đính kèm, documents.json và index.html.
    ExportArchive {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Thể thức trình bày (cỡ chữ, giãn dòng, lề, dấu kết thúc…) của văn bản Đảng hoặc hành
    /// chính: xem, sửa, trở về mặc định, lưu và chọn mẫu. Văn bản đã ban hành giữ nguyên bản
    /// PDF đã in.
    #[command(subcommand)]
    Layout(LayoutCommand),
    /// Thời hạn các văn bản đã ban hành giao (đọc từ nội dung khi ban hành): mặc định các
    /// việc chưa xong, hạn sớm nhất trước.
    Deadlines {
        /// Cả các việc đã xong.
        #[arg(long)]
        all: bool,
        /// Chỉ các việc có hạn trước ngày này (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        due_before: Option<chrono::NaiveDate>,
        /// In dạng JSON: id, document_id, symbol, due, text, units, recurring, status, …
        #[arg(long)]
        json: bool,
        /// Ghi các việc chưa xong (trong phạm vi đã chọn) ra tệp lịch iCalendar (.ics) để nhập
        /// vào Outlook hoặc lịch điện thoại.
        #[arg(long, value_name = "FILE.ics")]
        ics: Option<PathBuf>,
    },
    /// Sửa, thêm, xóa, đánh dấu xong hoặc mở lại một thời hạn.
    #[command(subcommand)]
    Deadline(DeadlineCommand),
}

#[derive(Subcommand)]
enum DeadlineCommand {
    /// Đánh dấu đã xong (mặc định hôm nay). Việc định kỳ thì thêm lần hạn tiếp theo.
    Done {
        id: i64,
        /// Ngày hoàn thành (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        on: Option<chrono::NaiveDate>,
    },
    /// Mở lại một thời hạn đã đánh dấu xong.
    Reopen { id: i64 },
    /// Thêm một thời hạn cho văn bản đã ban hành DOC_ID.
    Add {
        doc_id: i64,
        #[arg(value_parser = parse_date, value_name = "YYYY-MM-DD")]
        due: chrono::NaiveDate,
        /// Việc phải làm.
        text: String,
        /// Đơn vị thực hiện, cách nhau bằng dấu chấm phẩy.
        #[arg(long)]
        units: Option<String>,
    },
    /// Sửa hạn, nội dung hoặc đơn vị của một thời hạn.
    Edit {
        id: i64,
        #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
        due: Option<chrono::NaiveDate>,
        #[arg(long)]
        text: Option<String>,
        /// Đơn vị thực hiện, cách nhau bằng dấu chấm phẩy ("" để xóa hết).
        #[arg(long)]
        units: Option<String>,
    },
    /// Xóa một thời hạn (đọc nhầm, hoặc không còn giao).
    Remove { id: i64 },
}

#[derive(Subcommand)]
enum LayoutCommand {
    /// In thể thức đang dùng (--json: toàn bộ, theo tên trường; cỡ chữ pt, khoảng cách mm).
    Show {
        #[command(flatten)]
        format: FormatArg,
        #[arg(long)]
        json: bool,
    },
    /// Sửa một hay nhiều mục: KHÓA=GIÁ TRỊ, ví dụ end_mark=. body.size=13 line_spacing=19
    /// margin_left=30. Một giá trị sai thì không mục nào được sửa.
    Set {
        #[command(flatten)]
        format: FormatArg,
        #[arg(required = true, value_name = "KEY=VALUE")]
        changes: Vec<String>,
    },
    /// Trở về thể thức theo quy định (36-HD/VPTW; NĐ 30/2020).
    Reset {
        #[command(flatten)]
        format: FormatArg,
    },
    /// Dùng một mẫu: mẫu theo quy định hoặc mẫu văn phòng đã lưu.
    Preset {
        #[command(flatten)]
        format: FormatArg,
        name: String,
    },
    /// Lưu thể thức đang dùng thành mẫu mang tên NAME.
    Save {
        #[command(flatten)]
        format: FormatArg,
        name: String,
    },
    /// Liệt kê các mẫu.
    Presets {
        #[command(flatten)]
        format: FormatArg,
        #[arg(long)]
        json: bool,
    },
    /// Xóa một mẫu đã lưu.
    DeletePreset {
        #[command(flatten)]
        format: FormatArg,
        name: String,
    },
}

#[derive(Args)]
#[group(required = true, multiple = true)]
struct OutArgs {
    #[arg(long, value_name = "OUT.pdf")]
    pdf: Option<PathBuf>,
    #[arg(long, value_name = "OUT.docx")]
    docx: Option<PathBuf>,
}

#[derive(Args)]
struct FormatArg {
    /// party (văn bản của Đảng) hoặc state (văn bản hành chính).
    #[arg(long, value_parser = parse_format, default_value = "party")]
    format: Format,
}

#[derive(Subcommand)]
enum ProfileCommand {
    /// Thêm cơ quan ban hành.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        code: String,
        #[arg(long, default_value = "")]
        parent: String,
        #[arg(long, value_parser = parse_format, default_value = "party")]
        format: Format,
        #[arg(long, default_value = "")]
        place: String,
        /// Ngày bắt đầu nhiệm kỳ cấp ủy (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        term_start: Option<chrono::NaiveDate>,
    },
    /// Liệt kê cơ quan ban hành.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct FilterArgs {
    /// Loại văn bản (ke_hoach, bao_cao, …).
    #[arg(long, value_parser = parse_kind)]
    kind: Option<Kind>,
    /// Năm ban hành.
    #[arg(long)]
    year: Option<i32>,
    /// Trạng thái: draft (dự thảo) hoặc issued (đã ban hành).
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// Ký hiệu cơ quan ban hành (ĐU, UBND, …).
    #[arg(long)]
    issuer: Option<String>,
    /// Các dự thảo đã xóa (thùng rác).
    #[arg(long)]
    trash: bool,
}

impl From<FilterArgs> for Filter {
    fn from(a: FilterArgs) -> Filter {
        Filter {
            kind: a.kind,
            year: a.year,
            status: a.status,
            issuer: a.issuer,
            trash: a.trash,
        }
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::from_key(s).ok_or_else(|| {
        let keys: Vec<_> = Kind::all().map(Kind::key).collect();
        format!("loại văn bản không có: {s} (có: {})", keys.join(", "))
    })
}

fn parse_status(s: &str) -> Result<Status, String> {
    Status::from_key(s).ok_or_else(|| format!("trạng thái không có: {s} (draft hoặc issued)"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_key(s).ok_or_else(|| format!("thể thức không có: {s} (party hoặc state)"))
}

fn parse_encoding(s: &str) -> Result<LegacyEncoding, String> {
    match s {
        "tcvn3" | "abc" => Ok(LegacyEncoding::Tcvn3),
        "vni" => Ok(LegacyEncoding::Vni),
        _ => Err(format!("bảng mã không có: {s} (tcvn3 hoặc vni)")),
    }
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    vanthu_model::date::parse_iso(s).map_err(|e| e.message_vi())
}

fn deadline(
    archive: &mut Archive,
    command: DeadlineCommand,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let stamp = Stamp::now();
    match command {
        DeadlineCommand::Done { id, on } => {
            let next = archive.mark_deadline_done(id, on.unwrap_or(stamp.day()), &stamp)?;
            if let Some(next) = next {
                let d = archive.deadline(next)?;
                eprintln!(
                    "Việc {} lặp lại: lần tới hạn {} (mã {next}).",
                    d.recurring_text.unwrap_or_default(),
                    d.due_text
                );
            }
        }
        DeadlineCommand::Reopen { id } => archive.reopen_deadline(id, &stamp)?,
        DeadlineCommand::Add {
            doc_id,
            due,
            text,
            units,
        } => {
            let units = vanthu_ops::deadlines::parse_units(units.as_deref().unwrap_or(""));
            let id = archive.add_deadline(doc_id, due, &text, &units, &stamp)?;
            writeln!(out, "{id}").ok();
        }
        DeadlineCommand::Edit {
            id,
            due,
            text,
            units,
        } => {
            let change = DeadlineChange {
                due,
                text,
                units: units.as_deref().map(vanthu_ops::deadlines::parse_units),
            };
            archive.edit_deadline(id, &change, &stamp)?;
        }
        DeadlineCommand::Remove { id } => archive.remove_deadline(id, &stamp)?,
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lỗi: {}", e.message_vi());
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let db = || vanthu_ops::open_archive(cli.db.clone());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Import { files, encoding } => {
            let imported =
                vanthu_ops::import_files(&mut db()?, &files, encoding, &Stamp::now(), |_, _| {})?;
            for file in imported {
                for w in &file.warnings {
                    match w.line {
                        Some(line) => eprintln!("cảnh báo: {}:{line}: {}", file.path, w.message),
                        None => eprintln!("cảnh báo: {}: {}", file.path, w.message),
                    }
                }
                writeln!(out, "{}", file.id).ok();
            }
        }
        Command::New { file } => {
            let doc = vanthu_ops::read_document_json(&file)?;
            let id = db()?.create(&doc, &Stamp::now())?;
            writeln!(out, "{id}").ok();
        }
        Command::Show { id, json } => {
            let doc = db()?.get(id)?;
            if json {
                writeln!(out, "{}", doc.to_json_pretty()).ok();
            } else {
                output::document(&mut out, &doc).ok();
            }
        }
        Command::List {
            filter,
            json,
            limit,
        } => {
            let archive = db()?;
            let rows = archive.list(&filter.into(), limit, 0)?;
            print_rows(&mut out, &archive, &rows, json)?;
        }
        Command::Search {
            query,
            filter,
            json,
            limit,
        } => {
            let archive = db()?;
            let hits = archive.search(&query, &filter.into(), limit)?;
            let rows: Vec<_> = hits.into_iter().map(|h| h.summary).collect();
            print_rows(&mut out, &archive, &rows, json)?;
        }
        Command::Edit { id, file } => {
            let doc = vanthu_ops::read_document_json(&file)?;
            db()?.update_draft(id, &doc, &Stamp::now())?;
        }
        Command::Issue { id } => {
            let issued = vanthu_ops::issue(&mut db()?, id, &Stamp::now())?;
            writeln!(out, "{}", issued.symbol).ok();
        }
        Command::Export { id, out } => {
            let mut archive = db()?;
            let doc = archive.get(id)?;
            if let Some(pdf) = out.pdf {
                vanthu_ops::export_pdf(&mut archive, &doc, &pdf, &Stamp::now())?;
            }
            if let Some(docx) = out.docx {
                vanthu_ops::export_docx(&mut archive, &doc, &docx, &Stamp::now())?;
            }
        }
        Command::ExportJson { file, out } => {
            // No archive: the regulation's layout, as a fresh program prints it.
            let doc = vanthu_ops::read_document_json(&file)?;
            let options = Default::default();
            if let Some(pdf) = out.pdf {
                vanthu_ops::write_atomic(&pdf, &vanthu_pdf::render(&doc, &options)?)?;
            }
            if let Some(docx) = out.docx {
                let bytes =
                    vanthu_docx::write_docx(&doc, &options).map_err(vanthu_ops::OpsError::from)?;
                vanthu_ops::write_atomic(&docx, &bytes)?;
            }
        }
        Command::Deadlines {
            all,
            due_before,
            json,
            ics,
        } => {
            let archive = db()?;
            let list = archive.deadlines(&DeadlineFilter {
                all,
                due_before,
                document_id: None,
            })?;
            if let Some(path) = ics {
                let open: Vec<_> = list.iter().filter(|d| d.is_open()).cloned().collect();
                let n = vanthu_ops::deadlines::write_ics(&open, &path, &Stamp::now())?;
                eprintln!("Đã ghi {n} thời hạn vào {}", path.display());
            } else if json {
                let text = serde_json::to_string_pretty(&list).expect("deadlines serialise");
                writeln!(out, "{text}").ok();
            } else {
                output::deadlines(&mut out, &list).ok();
            }
        }
        Command::Deadline(command) => deadline(&mut db()?, command, &mut out)?,
        Command::Delete { id } => db()?.delete_draft(id, &Stamp::now())?,
        Command::Undelete { id } => db()?.restore_draft(id, &Stamp::now())?,
        Command::Log { id, json } => {
            let entries = db()?.audit_log(id)?;
            if json {
                let text = serde_json::to_string_pretty(&entries).expect("log serialises");
                writeln!(out, "{text}").ok();
            } else {
                output::log(&mut out, &entries).ok();
            }
        }
        Command::Attach { id, files } => {
            let atts = vanthu_ops::attach_files(&mut db()?, id, &files, &Stamp::now())?;
            for att in atts {
                writeln!(out, "{}\t{}", att.id, att.sha256).ok();
            }
        }
        Command::Attachments { id, json } => {
            let archive = db()?;
            archive.get(id)?;
            let atts = archive.attachments(id)?;
            if json {
                let text = serde_json::to_string_pretty(&atts).expect("attachments serialise");
                writeln!(out, "{text}").ok();
            } else {
                output::attachments(&mut out, &atts).ok();
            }
        }
        Command::SaveAttachment {
            attachment,
            out: path,
        } => {
            vanthu_ops::save_attachment(&mut db()?, attachment, &path, &Stamp::now())?;
        }
        Command::Verify => {
            let problems = db()?.verify()?;
            if problems.is_empty() {
                writeln!(
                    out,
                    "Kho nguyên vẹn: cơ sở dữ liệu và mọi tệp đính kèm đều khớp."
                )
                .ok();
            } else {
                for p in &problems {
                    eprintln!("lỗi: {}", p.message);
                }
                return Err(CliError::Damaged(problems.len()));
            }
        }
        Command::Register {
            year,
            term,
            issuer,
            pdf,
            csv,
        } => {
            let period = match (year, term) {
                (Some(y), _) => Period::Year(y),
                (None, Some(t)) => Period::Term(t),
                (None, None) => unreachable!("clap requires --year or --term"),
            };
            let n = vanthu_ops::write_register(
                &db()?,
                period,
                issuer.as_deref(),
                pdf.as_deref(),
                csv.as_deref(),
            )?;
            eprintln!("Sổ có {n} văn bản.");
        }
        Command::ExportArchive { dir } => {
            let done = vanthu_ops::export_archive(&mut db()?, &dir, &Stamp::now())?;
            eprintln!(
                "Đã xuất {} văn bản và {} tệp đính kèm vào {}",
                done.documents,
                done.attachments,
                dir.display()
            );
        }
        Command::Backup { file } => db()?.backup(&file, &Stamp::now())?,
        Command::Restore { file } => {
            let path = vanthu_ops::archive_path(cli.db.clone())?;
            let aside = Archive::restore(&path, &file, &Stamp::now())?;
            eprintln!("Đã khôi phục. Kho cũ được giữ tại {}", aside.display());
        }
        Command::Profile(ProfileCommand::Add {
            name,
            code,
            parent,
            format,
            place,
            term_start,
        }) => {
            let profile = IssuerProfile {
                id: None,
                parent,
                name,
                code,
                format,
                place,
                term_start,
            };
            let id = db()?.save_issuer_profile(&profile, &Stamp::now())?;
            writeln!(out, "{id}").ok();
        }
        Command::Profile(ProfileCommand::List { json }) => {
            let profiles = db()?.issuer_profiles()?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&profiles).expect("serialise")
                )
                .ok();
            } else {
                output::profiles(&mut out, &profiles).ok();
            }
        }
        Command::Layout(command) => run_layout(&mut out, db, command)?,
    }
    Ok(())
}

fn run_layout(
    out: &mut impl Write,
    db: impl Fn() -> vanthu_ops::Result<Archive>,
    command: LayoutCommand,
) -> Result<(), CliError> {
    let stamp = Stamp::now();
    let shown = match command {
        LayoutCommand::Show { format, json } => {
            let archive = db()?;
            let settings = layout::settings(&archive, format.format)?;
            if json {
                let text = serde_json::to_string_pretty(&settings.profile).expect("serialise");
                writeln!(out, "{text}").ok();
            } else {
                let all = layout::all_settings(&archive, format.format)?;
                output::layout(out, &settings, &all).ok();
            }
            return Ok(());
        }
        LayoutCommand::Presets { format, json } => {
            let settings = layout::settings(&db()?, format.format)?;
            if json {
                let text = serde_json::to_string_pretty(&settings.presets).expect("serialise");
                writeln!(out, "{text}").ok();
            } else {
                output::presets(out, &settings).ok();
            }
            return Ok(());
        }
        LayoutCommand::Set { format, changes } => {
            let changes = layout::parse_assignments(&changes)?;
            layout::set(&mut db()?, format.format, &changes, &stamp)?
        }
        LayoutCommand::Reset { format } => layout::reset(&mut db()?, format.format, &stamp)?,
        LayoutCommand::Preset { format, name } => {
            layout::use_preset(&mut db()?, format.format, &name, &stamp)?
        }
        LayoutCommand::Save { format, name } => {
            layout::save_preset(&mut db()?, format.format, &name, &stamp)?
        }
        LayoutCommand::DeletePreset { format, name } => {
            layout::delete_preset(&mut db()?, format.format, &name, &stamp)?
        }
    };
    output::layout_summary(&mut std::io::stderr(), &shown).ok();
    Ok(())
}

/// The rows of a list or a search: the archive table, or with `--json` the full documents in
/// the interchange form.
fn print_rows(
    out: &mut impl Write,
    archive: &Archive,
    rows: &[vanthu_archive::DocumentSummary],
    json: bool,
) -> Result<(), CliError> {
    if json {
        let docs = rows
            .iter()
            .map(|r| archive.get(r.id))
            .collect::<Result<Vec<_>, _>>()?;
        let text = serde_json::to_string_pretty(&docs).expect("documents serialise");
        writeln!(out, "{text}").ok();
    } else {
        output::table(out, rows).ok();
    }
    Ok(())
}
