//! The `config/*` rules: they read the SMTP settings given in `Options::smtp`.
