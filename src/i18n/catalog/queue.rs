//! Messages of the `queue` area.

crate::catalog! {}
