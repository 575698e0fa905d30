//! The message catalogues, one file per area. Each area lists its messages in
//! en, fr, es and pl side by side.

pub mod attachments;
pub mod cli;
pub mod config;
pub mod core;
pub mod headers;
pub mod links;
pub mod queue;
pub mod queue_view;
pub mod size;
pub mod smtp;
pub mod smtp_enhanced;
pub mod spam;
pub mod ui;

/// One catalogue file.
pub struct Area {
    pub name: &'static str,
    pub entries: &'static [super::Entry],
}

/// Every area. Adding a catalogue file means adding it here.
pub const AREAS: &[Area] = &[
    Area { name: "core", entries: core::ENTRIES },
    Area { name: "size", entries: size::ENTRIES },
    Area { name: "headers", entries: headers::ENTRIES },
    Area { name: "spam", entries: spam::ENTRIES },
    Area { name: "links", entries: links::ENTRIES },
    Area { name: "attachments", entries: attachments::ENTRIES },
    Area { name: "config", entries: config::ENTRIES },
    Area { name: "queue", entries: queue::ENTRIES },
    Area { name: "queue-view", entries: queue_view::ENTRIES },
    Area { name: "smtp", entries: smtp::ENTRIES },
    Area { name: "smtp-enhanced", entries: smtp_enhanced::ENTRIES },
    Area { name: "ui", entries: ui::ENTRIES },
    Area { name: "cli", entries: cli::ENTRIES },
];
