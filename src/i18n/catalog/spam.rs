//! Messages of the `spam` area.

crate::catalog! {}
