//! Messages of the `headers` area.

crate::catalog! {}
