//! Word (.docx) export: the document the PDF shows, as a file a clerk can open and edit in
//! Word or LibreOffice, laid out from the same [`Profile`] — A4, the margins, Times New Roman
//! at the profile's sizes, the header and the closing as borderless two-column tables, the
//! body justified with its indent and spacing, page numbers from page 2.
//!
//! [`write_docx`] is pure: it writes the package into memory (fixed zip timestamps, so the
//! same document gives the same bytes) and reads nothing but what the PDF layout reads (the
//! system fonts, once per process), whose measurements it reuses where Word cannot measure
//! for itself — the rules exactly as wide as the text above them.
//!
//! The structure is meant to be read back: the header is the first table (two columns: row 1
//! the issuer and the national heading, row 2 the number line and the place and date, then
//! the công văn's trích yếu and the marks), the closing the last one (Nơi nhận | signature),
//! each field and each body block one paragraph (a centred field's lines joined by `w:br`;
//! list items as `marker<TAB>text`; recipients as `- name (note),`), and
//! `docProps/custom.xml` names the format (`VanThuFormat` = `party` | `state`) and the type
//! (`VanThuKind`, the model's key).

mod document;
mod xml;

use std::io::{Cursor, Write};

use vanthu_model::{numbering, text, Document};
use vanthu_pdf::{PdfError, Profile, RenderOptions};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::document::{Measured, FIRST_HEADER_ID, HEADER_ID};
use crate::xml::escaped;

/// Why a document could not become a .docx.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocxError {
    /// The document cannot be laid out (a missing type, a character without a glyph, no
    /// fonts): the same reasons the PDF would give.
    #[error("cannot lay the document out for Word: {0}")]
    Layout(#[from] PdfError),
    /// The zip package could not be written (it is written to memory: should not happen).
    #[error("writing the .docx package failed: {0}")]
    Package(String),
}

impl DocxError {
    /// The message a clerk sees.
    pub fn message_vi(&self) -> String {
        match self {
            DocxError::Layout(e) => e.message_vi(),
            DocxError::Package(detail) => {
                format!("Không ghi được tệp Word (.docx): {detail}.")
            }
        }
    }
}

impl From<zip::result::ZipError> for DocxError {
    fn from(e: zip::result::ZipError) -> Self {
        DocxError::Package(e.to_string())
    }
}

impl From<std::io::Error> for DocxError {
    fn from(e: std::io::Error) -> Self {
        DocxError::Package(e.to_string())
    }
}

/// Writes `doc` as a .docx package laid out with the profile of its format. The same
/// document and options give the same bytes.
pub fn write_docx(doc: &Document, options: &RenderOptions) -> Result<Vec<u8>, DocxError> {
    let pages = vanthu_pdf::layout(doc, options)?;
    let mut doc = doc.clone();
    doc.normalize();
    let profile = options.profile(doc.format);
    let measured = Measured::new(&pages).ok_or_else(|| DocxError::Package("no page".into()))?;
    let title_page = document::title_page(profile);

    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(title_page)),
        ("_rels/.rels", ROOT_RELS.to_owned()),
        (
            "word/document.xml",
            document::document_xml(&doc, profile, &measured),
        ),
        ("word/_rels/document.xml.rels", document_rels(title_page)),
        ("word/styles.xml", styles(profile)),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/header1.xml", document::page_number_header(profile)),
    ];
    if title_page {
        parts.push(("word/header2.xml", document::empty_header()));
    }
    parts.push(("docProps/core.xml", core(&doc, options)));
    parts.push(("docProps/app.xml", APP.to_owned()));
    parts.push(("docProps/custom.xml", custom(&doc)));

    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(32 * 1024)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        // Fast deflate: the parts are small and a .docx is compressed for size only.
        .compression_level(Some(1))
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    for (name, content) in parts {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

fn content_types(title_page: bool) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut s = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{wml}.settings+xml\"/>\
         <Override PartName=\"/word/header1.xml\" ContentType=\"{wml}.header+xml\"/>"
    );
    if title_page {
        s.push_str(&format!(
            "<Override PartName=\"/word/header2.xml\" ContentType=\"{wml}.header+xml\"/>"
        ));
    }
    s.push_str(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         <Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>\
         </Types>",
    );
    s
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>\
</Relationships>";

fn document_rels(title_page: bool) -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut s = format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{rel}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{rel}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"{HEADER_ID}\" Type=\"{rel}/header\" Target=\"header1.xml\"/>"
    );
    if title_page {
        s.push_str(&format!(
            "<Relationship Id=\"{FIRST_HEADER_ID}\" Type=\"{rel}/header\" Target=\"header2.xml\"/>"
        ));
    }
    s.push_str("</Relationships>");
    s
}

/// The font every style uses: the regulations' Times New Roman (LibreOffice sets it in the
/// metric-compatible Liberation Serif where it is missing, as the PDF does).
const FONT: &str = "Times New Roman";

/// Normal: Times New Roman at the body size, Vietnamese; tables without padding.
fn styles(p: &Profile) -> String {
    let hp = xml::half_points(p.body.size);
    let fonts = format!(
        "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>"
    );
    let lang = "<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>";
    format!(
        "{XML_DECL}<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>{lang}</w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:widowControl/></w:pPr><w:rPr>{fonts}<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>{lang}</w:rPr></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         </w:styles>"
    )
}

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>\
<w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"vi-VN\"/>\
</w:settings>";

/// Title (type and trích yếu), subject (the symbol), author (the issuer); created on the
/// document's date, never the clock's.
fn core(doc: &Document, options: &RenderOptions) -> String {
    let kind = doc.kind.map(|k| k.name()).unwrap_or_default();
    let title = text::one_line(&format!("{kind} {}", doc.title));
    let subject = numbering::symbol(doc, &options.conventions).unwrap_or_default();
    let mut s = format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language>",
        escaped(title.trim()),
        escaped(&subject),
        escaped(&text::one_line(&doc.issuer.name)),
    );
    if let Some(date) = doc.date {
        s.push_str(&format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>",
            date.format("%Y-%m-%d")
        ));
    }
    s.push_str("</cp:coreProperties>");
    s
}

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
<Application>VănThư</Application></Properties>";

/// The custom properties a .docx importer reads back: the format and the type's key.
fn custom(doc: &Document) -> String {
    let mut props = vec![("VanThuFormat", doc.format.key())];
    if let Some(kind) = doc.kind {
        props.push(("VanThuKind", kind.key()));
    }
    let mut s = format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    );
    for (pid, (name, value)) in (2..).zip(props) {
        s.push_str(&format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{pid}\" name=\"{name}\">\
             <vt:lpwstr>{}</vt:lpwstr></property>",
            escaped(value)
        ));
    }
    s.push_str("</Properties>");
    s
}
