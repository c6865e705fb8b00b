//! One integration binary for vanthu-pdf: renders the corpus plans (completed with header
//! fields, in both formats) and the hard cases, and measures the PDFs with poppler against
//! the spec (`shared/spec/the-thuc.md`), and a text file through the importer to the PDF.
//! Files land in $TMPDIR/vanthu-pdf.

mod body;
mod closing;
mod fixtures;
mod hard_cases;
mod header;
mod imported;
mod measure;
mod pictures;
mod poppler;
mod preview;
mod register;
mod title;
