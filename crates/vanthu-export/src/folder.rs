//! The readable export: the whole archive as plain files that outlive VănThư — a folder per
//! year with one PDF per document named by its symbol, its attachments beside it, every
//! document as interchange JSON, and an `index.html` that lists and filters them in any
//! browser, offline.
//!
//! Issued documents export as the PDF printed when they were issued; drafts are laid out now.
//! The export is written into a temporary folder and renamed at the end, so a failure never
//! leaves half an export under the chosen name.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use vanthu_archive::{Archive, AttachmentRole, Stamp};
use vanthu_model::{Document, Status};

use crate::error::{ExportError, Result};

/// One row of `index.html`.
#[derive(Serialize)]
struct Entry {
    id: i64,
    symbol: String,
    date: String,
    kind: String,
    title: String,
    signer: String,
    status: String,
    pdf: String,
    attachments: Vec<String>,
}

/// What was written.
pub struct Exported {
    pub documents: usize,
    pub attachments: usize,
}

pub fn export_archive(
    archive: &mut Archive,
    dir: &Path,
    options: &vanthu_pdf::RenderOptions,
    stamp: &Stamp,
) -> Result<Exported> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(ExportError::write(dir))?
            .next()
            .is_some()
    {
        return Err(ExportError::NotEmpty(dir.to_owned()));
    }
    let tmp = dir.with_extension("tmp-vanthu");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(ExportError::write(&tmp))?;
    let result = write_all(archive, &tmp, options);
    let exported = match result {
        Ok(e) => e,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    if dir.exists() {
        std::fs::remove_dir(dir).map_err(ExportError::write(dir))?;
    }
    std::fs::rename(&tmp, dir).map_err(ExportError::write(dir))?;
    archive.note_archive_export(&dir.display().to_string(), stamp)?;
    Ok(exported)
}

fn write_all(
    archive: &Archive,
    root: &Path,
    options: &vanthu_pdf::RenderOptions,
) -> Result<Exported> {
    let json_path = root.join("documents.json");
    let mut json = std::io::BufWriter::new(
        std::fs::File::create(&json_path).map_err(ExportError::write(&json_path))?,
    );
    json.write_all(b"[\n")
        .map_err(ExportError::write(&json_path))?;
    let mut entries = Vec::new();
    let mut attachments = 0;
    let mut first = true;
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut flush = |chunk: &mut Vec<Document>| -> Result<()> {
        for entry in write_chunk(archive, root, chunk, options)? {
            attachments += entry.attachments.len();
            entries.push(entry);
        }
        chunk.clear();
        Ok(())
    };
    archive.for_each_document(|doc| {
        if !first {
            json.write_all(b",\n")
                .map_err(ExportError::write(&json_path))?;
        }
        first = false;
        serde_json::to_writer_pretty(&mut json, &doc)
            .map_err(|e| ExportError::write(&json_path)(e.into()))?;
        chunk.push(doc);
        if chunk.len() == CHUNK {
            flush(&mut chunk)?;
        }
        Ok::<(), ExportError>(())
    })?;
    flush(&mut chunk)?;
    json.write_all(b"\n]\n")
        .map_err(ExportError::write(&json_path))?;
    json.flush().map_err(ExportError::write(&json_path))?;
    let index = root.join("index.html");
    std::fs::write(&index, index_html(&entries)).map_err(ExportError::write(&index))?;
    Ok(Exported {
        documents: entries.len(),
        attachments,
    })
}

/// A file name from a symbol: `82-KH/ĐU` → `82-KH_ĐU` (a slash cannot be in a name).
fn file_stem(doc: &Document) -> String {
    match &doc.symbol {
        Some(s) => s.replace(['/', '\\', ':'], "_"),
        None => format!("du-thao-{}", doc.id.unwrap_or_default()),
    }
}

fn unique(dir: &Path, stem: &str, ext: &str, id: i64) -> PathBuf {
    let plain = dir.join(format!("{stem}.{ext}"));
    if plain.exists() {
        // Two terms can each have a 05-KH/ĐU in one calendar year.
        dir.join(format!("{stem}-{id}.{ext}"))
    } else {
        plain
    }
}

/// Documents laid out together: the PDFs a chunk needs are made on two threads (laying out is
/// nearly all of an export's time), the database is read and the files written on this one.
const CHUNK: usize = 32;

fn write_chunk(
    archive: &Archive,
    root: &Path,
    docs: &[Document],
    options: &vanthu_pdf::RenderOptions,
) -> Result<Vec<Entry>> {
    // Issued documents export as the PDF printed when they were issued.
    let mut pdfs: Vec<Option<Vec<u8>>> = Vec::with_capacity(docs.len());
    for doc in docs {
        let printed = archive
            .attachments(doc.id.unwrap_or_default())?
            .into_iter()
            .find(|a| a.role == AttachmentRole::IssuedPdf);
        pdfs.push(match printed {
            Some(a) => Some(archive.attachment_bytes(a.id)?.1),
            None => None,
        });
    }
    let missing: Vec<usize> = (0..docs.len()).filter(|&i| pdfs[i].is_none()).collect();
    let (left, right) = missing.split_at(missing.len() / 2);
    let render = |part: &[usize]| -> Vec<(usize, Result<Vec<u8>, vanthu_pdf::PdfError>)> {
        part.iter()
            .map(|&i| (i, vanthu_pdf::render(&docs[i], options)))
            .collect()
    };
    let rendered = std::thread::scope(|scope| {
        let other = scope.spawn(|| render(left));
        let mut mine = render(right);
        mine.extend(other.join().expect("the layout thread does not panic"));
        mine
    });
    for (i, pdf) in rendered {
        pdfs[i] = Some(pdf?);
    }
    docs.iter()
        .zip(pdfs)
        .map(|(doc, pdf)| write_document(archive, root, doc, pdf.unwrap_or_default()))
        .collect()
}

fn write_document(archive: &Archive, root: &Path, doc: &Document, pdf: Vec<u8>) -> Result<Entry> {
    let id = doc.id.unwrap_or_default();
    let year = doc.date.map_or_else(
        || "khong-ro-ngay".to_owned(),
        |d| d.format("%Y").to_string(),
    );
    let dir = root.join(&year);
    std::fs::create_dir_all(&dir).map_err(ExportError::write(&dir))?;
    let stem = file_stem(doc);
    let pdf_path = unique(&dir, &stem, "pdf", id);
    std::fs::write(&pdf_path, pdf).map_err(ExportError::write(&pdf_path))?;
    let mut files = Vec::new();
    let scans = archive
        .attachments(id)?
        .into_iter()
        .filter(|a| a.role == AttachmentRole::Scan);
    for (n, a) in scans.enumerate() {
        let (_, bytes) = archive.attachment_bytes(a.id)?;
        let name = a.file_name.replace(['/', '\\', ':'], "_");
        let path = dir.join(format!("{stem}-dinh-kem-{}-{name}", n + 1));
        std::fs::write(&path, bytes).map_err(ExportError::write(&path))?;
        files.push(relative(root, &path));
    }
    Ok(Entry {
        id,
        symbol: doc.symbol.clone().unwrap_or_default(),
        date: doc.date.map(vanthu_model::date::iso).unwrap_or_default(),
        kind: doc.kind.map_or("", |k| k.name()).to_owned(),
        title: doc.title.clone(),
        signer: doc.signature.name.clone(),
        status: match doc.status {
            Status::Draft => "Dự thảo",
            Status::Issued => "Đã ban hành",
        }
        .to_owned(),
        pdf: relative(root, &pdf_path),
        attachments: files,
    })
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A self-contained page: the rows as JSON inside the page, a search box that ignores
/// diacritics the way the app does, no network.
fn index_html(entries: &[Entry]) -> String {
    // `</` inside a script would end it early; JSON allows `<\/`.
    let data = serde_json::to_string(entries)
        .expect("entries serialise")
        .replace("</", "<\\/");
    INDEX_TEMPLATE.replace("/*DATA*/[]", &data)
}

const INDEX_TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Kho văn bản — VănThư</title>
<style>
  body { font-family: "Times New Roman", "Liberation Serif", serif; margin: 24px; color: #1d2433; }
  h1 { font-size: 22px; margin: 0 0 12px; }
  .bar { display: flex; gap: 12px; align-items: center; margin-bottom: 12px; }
  input, select { font: inherit; padding: 6px 8px; border: 1px solid #9aa3b5; border-radius: 4px; }
  input { width: 28em; }
  table { border-collapse: collapse; width: 100%; font-size: 15px; }
  th, td { border-bottom: 1px solid #d9dee8; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #eef1f6; position: sticky; top: 0; }
  td.sym { white-space: nowrap; }
  .muted { color: #5a6478; }
</style>
</head>
<body>
<h1>Kho văn bản</h1>
<div class="bar">
  <input id="q" type="search" placeholder="Tìm theo trích yếu, số ký hiệu, người ký (có dấu hoặc không dấu)" autofocus>
  <select id="year"><option value="">Mọi năm</option></select>
  <select id="kind"><option value="">Mọi loại</option></select>
  <span id="count" class="muted"></span>
</div>
<table>
  <thead><tr><th>Số, ký hiệu</th><th>Ngày</th><th>Loại</th><th>Trích yếu</th><th>Người ký</th><th>Trạng thái</th><th>Tệp đính kèm</th></tr></thead>
  <tbody id="rows"></tbody>
</table>
<script id="data" type="application/json">/*DATA*/[]</script>
<script>
  const docs = JSON.parse(document.getElementById("data").textContent);
  const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  for (const d of docs) d.key = fold([d.symbol, d.title, d.signer, d.kind, d.date].join(" "));
  const fill = (id, values) => { const el = document.getElementById(id); for (const v of [...new Set(values)].filter(Boolean).sort()) { const o = document.createElement("option"); o.value = o.textContent = v; el.appendChild(o); } };
  fill("year", docs.map(d => d.date.slice(0, 4)));
  fill("kind", docs.map(d => d.kind));
  const cell = (tr, text, cls) => { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; };
  function show() {
    const words = fold(document.getElementById("q").value).split(/[^a-z0-9]+/).filter(Boolean);
    const year = document.getElementById("year").value, kind = document.getElementById("kind").value;
    const body = document.getElementById("rows"); body.textContent = "";
    let n = 0;
    for (const d of docs) {
      if (year && !d.date.startsWith(year)) continue;
      if (kind && d.kind !== kind) continue;
      if (!words.every(w => d.key.includes(w))) continue;
      n++;
      const tr = document.createElement("tr");
      const a = document.createElement("a"); a.href = d.pdf; a.textContent = d.symbol || "(dự thảo)";
      cell(tr, "", "sym").appendChild(a);
      cell(tr, d.date ? d.date.split("-").reverse().join("/") : "—");
      cell(tr, d.kind); cell(tr, d.title); cell(tr, d.signer); cell(tr, d.status, "muted");
      const files = cell(tr, "");
      d.attachments.forEach((f, i) => { const l = document.createElement("a"); l.href = f; l.textContent = "Tệp " + (i + 1); files.appendChild(l); files.appendChild(document.createTextNode(" ")); });
      body.appendChild(tr);
    }
    document.getElementById("count").textContent = n + " / " + docs.length + " văn bản";
  }
  for (const id of ["q", "year", "kind"]) document.getElementById(id).addEventListener("input", show);
  show();
</script>
</body>
</html>
"#;
