//! Messages of the `smtp` area.

crate::catalog! {}
