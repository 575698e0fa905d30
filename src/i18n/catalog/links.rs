//! Messages of the `links` area.

crate::catalog! {}
