//! Messages of the `attachments` area.

crate::catalog! {}
