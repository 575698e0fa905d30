//! The message catalogues, one file per area. Each area lists its messages in
//! en, fr, es and pl side by side.

pub mod cli;
pub mod core;
pub mod queue;
pub mod queue_view;
pub mod smtp;
pub mod smtp_enhanced;
pub mod ui;

/// One catalogue file.
pub struct Area {
    pub name: &'static str,
    pub entries: &'static [super::Entry],
}

/// Every area. Adding a catalogue file means adding it here.
pub const AREAS: &[Area] = &[
    Area { name: "core", entries: core::ENTRIES },
    Area { name: "queue", entries: queue::ENTRIES },
    Area { name: "queue-view", entries: queue_view::ENTRIES },
    Area { name: "smtp", entries: smtp::ENTRIES },
    Area { name: "smtp-enhanced", entries: smtp_enhanced::ENTRIES },
    Area { name: "ui", entries: ui::ENTRIES },
    Area { name: "cli", entries: cli::ENTRIES },
];
