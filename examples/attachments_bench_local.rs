#[path = "../tests/bench/attachments.rs"]
mod attachments;
#[path = "../tests/common.rs"]
mod common;
fn main() { attachments::run(&common::corpus_messages()); }
