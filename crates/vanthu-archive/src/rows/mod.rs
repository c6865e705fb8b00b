//! The row layer: one module per table, each with its row type, `from_row`, and the queries and
//! writes the operations are made of. Modules here depend on rusqlite, the model, the errors
//! and one another — never on [`crate::Archive`] or an operation module — and take the
//! connection or transaction they work in, leaving the transaction to the caller.

pub(crate) mod attachments;
pub(crate) mod audit;
pub(crate) mod deadlines;
pub(crate) mod documents;
pub(crate) mod index;
pub(crate) mod layout;
pub(crate) mod registers;
pub(crate) mod settings;
pub(crate) mod trash;
