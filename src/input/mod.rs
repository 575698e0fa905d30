//! The two inputs that are not raw messages (SPEC §1): compose fields in the
//! Nodemailer shape, and a PHP `mail()` call. Each is rendered to the MIME
//! message the mailer would send; that message is what gets checked.

pub mod compose;
pub mod encode;
pub mod php;

pub use compose::Compose;
pub use php::PhpMail;
