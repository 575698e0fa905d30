//! Messages of the `ui` area.

crate::catalog! {}
