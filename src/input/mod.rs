//! The two inputs that are not raw messages (SPEC §1): compose fields in the
//! Nodemailer shape, and a PHP `mail()` call. Each is rendered to the message
//! the mailer would send; that message is what gets checked.

pub mod address;
pub mod buffer;
pub mod compose;
pub mod encode;
pub mod mime_types;
pub mod params;
pub mod php;
pub mod words;

pub use compose::Compose;
pub use php::{PhpMail, PhpPlatform, PhpSettings};
