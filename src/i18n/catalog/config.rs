//! Messages of the `config` area.

crate::catalog! {}
