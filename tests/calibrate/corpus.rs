//! A labelled corpus: message files under folders whose name says `ham` or
//! `spam` (`ham-easy-1/`, `spam-2/`, and the original SpamAssassin corpus's
//! `easy_ham/`, `hard_ham/`, `spam_2/`). Files are read as given: the mbox `From `
//! line that starts each file of the SpamAssassin corpus is part of the input.

use std::path::{Path, PathBuf};

/// The class of a message, from the name of its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    Ham,
    Spam,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Ham => "ham",
            Label::Spam => "spam",
        }
    }

    /// The label a folder name gives: one of its `-`, `_` or `.` separated words
    /// is `ham` or `spam` (case-insensitive).
    pub fn of_folder(name: &str) -> Option<Label> {
        name.split(['-', '_', '.', ' ']).find_map(|word| match word.to_ascii_lowercase().as_str() {
            "ham" => Some(Label::Ham),
            "spam" => Some(Label::Spam),
            _ => None,
        })
    }
}

/// One message file of the corpus.
pub struct LabelledFile {
    /// Path relative to the corpus root (`ham-easy-1/00251.7b75…`), `/`-separated.
    pub name: String,
    pub path: PathBuf,
    pub label: Label,
    /// The labelled folder the file sits in (relative to the root).
    pub folder: String,
}

/// Files that are documentation of a corpus folder, not messages.
fn is_not_a_message(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    name.starts_with('.') || name == "cmds" || upper.starts_with("LICENSE") || upper.starts_with("README")
}

/// Every message file under `root`, labelled by the nearest folder (the root
/// itself included) whose name carries a label; files under no labelled folder
/// are skipped and counted. Sorted by name, so runs are reproducible.
pub fn labelled_files(root: &Path) -> std::io::Result<(Vec<LabelledFile>, usize)> {
    let root_label = root.file_name().and_then(|n| n.to_str()).and_then(Label::of_folder);
    let root_name = root.file_name().and_then(|n| n.to_str()).unwrap_or(".").to_string();
    let mut files = Vec::new();
    let mut unlabelled = 0;
    // (folder, label of the nearest labelled folder with its relative name)
    let mut stack: Vec<(PathBuf, Option<(Label, String)>)> =
        vec![(root.to_path_buf(), root_label.map(|l| (l, root_name)))];
    while let Some((dir, inherited)) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if path.is_dir() {
                let own = Label::of_folder(&name).map(|l| (l, relative.clone()));
                stack.push((path, own.or_else(|| inherited.clone())));
            } else if is_not_a_message(&name) {
                continue;
            } else if let Some((label, folder)) = &inherited {
                files.push(LabelledFile { name: relative, path, label: *label, folder: folder.clone() });
            } else {
                unlabelled += 1;
            }
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((files, unlabelled))
}

#[cfg(test)]
mod tests {
    use super::Label;

    #[test]
    fn a_folder_is_labelled_by_a_ham_or_spam_word_in_its_name() {
        assert_eq!(Label::of_folder("ham-easy-1"), Some(Label::Ham));
        assert_eq!(Label::of_folder("easy_ham_2"), Some(Label::Ham));
        assert_eq!(Label::of_folder("spam-2"), Some(Label::Spam));
        assert_eq!(Label::of_folder("SPAM"), Some(Label::Spam));
    }

    #[test]
    fn a_folder_without_the_word_is_not_labelled() {
        assert_eq!(Label::of_folder("hamster"), None);
        assert_eq!(Label::of_folder("spammy-looking"), None);
        assert_eq!(Label::of_folder("corpus"), None);
    }
}
