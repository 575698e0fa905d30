//! `make calibrate`: lints a labelled corpus (folders `ham-*`, `spam-*`; by
//! default `../shared/corpus/spamassassin-public-dev`) with the current engine
//! and prints what #11 asks to measure: verdicts × labels, the ROC AUC of the
//! spam score, each rule's hits on ham and on spam, and the targets met or not.
//! `--fit` adds a cross-validated logistic-regression fit of per-rule points.
//! It reads and prints; it never writes a file.
//!
//! ```text
//! cargo run --profile native --example calibrate -- [--dir DIR]… [DIR…] [--json]
//!     [--list CELL [--rule RULE]] [--config OPTIONS.json]
//!     [--fit [--features rule|severity|message] [--folds K] [--seed N] [--l2 L]]
//! ```

mod corpus;
mod fit;
mod json;
mod measure;
mod stats;
mod targets;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

/// The corpus #11 names, beside the project.
const DEFAULT_CORPUS: &str = "../shared/corpus/spamassassin-public-dev";

/// #11: at most 1 % of ham may be marked as spam.
const MAX_HAM_FAIL_RATE: f64 = 0.01;

const USAGE: &str =
    "usage: calibrate [--dir DIR]... [DIR...] [--json] [--list CELL [--rule RULE]] [--config OPTIONS.json]
                 [--fit [--features rule|severity|message] [--folds K] [--seed N] [--l2 L]]
  DIR          a labelled corpus: message files under folders named ham-* / spam-* (easy_ham, spam_2, … too);
               default ../shared/corpus/spamassassin-public-dev
  --json       one JSON object, for tools
  --list CELL  print the files of a cell with their findings: ham-fail, ham-warn, ham-pass, spam-pass, …, ham, spam
  --rule RULE  with --list: only files with a finding of RULE
  --config F   engine options (JSON, as for the CLI), e.g. {\"rules\": {\"size/line-length\": \"off\"}}
  --fit        cross-validated logistic regression of the label on finding features, with suggested points
";

pub struct Args {
    pub dirs: Vec<PathBuf>,
    pub json: bool,
    pub list: Option<String>,
    pub rule: Option<String>,
    pub config: Option<PathBuf>,
    pub fit: Option<fit::FitSettings>,
}

fn parse_args(argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args { dirs: Vec::new(), json: false, list: None, rule: None, config: None, fit: None };
    let mut settings =
        fit::FitSettings { kind: fit::FeatureKind::Rule, folds: 5, seed: 11, l2: 1.0, max_ham_rate: MAX_HAM_FAIL_RATE };
    let mut fit = false;
    let mut argv = argv.peekable();
    while let Some(arg) = argv.next() {
        let mut value = |name: &str| argv.next().filter(|v| !v.is_empty()).ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => args.json = true,
            "--fit" => fit = true,
            "--dir" => args.dirs.push(PathBuf::from(value("--dir")?)),
            "--list" => args.list = Some(value("--list")?),
            "--rule" => args.rule = Some(value("--rule")?),
            "--config" => args.config = Some(PathBuf::from(value("--config")?)),
            "--features" => {
                let v = value("--features")?;
                settings.kind =
                    fit::FeatureKind::parse(&v).ok_or(format!("--features: rule, severity or message, not {v}"))?;
            }
            "--folds" => {
                settings.folds =
                    value("--folds")?.parse().ok().filter(|k| *k >= 2).ok_or("--folds: a whole number ≥ 2")?
            }
            "--seed" => settings.seed = value("--seed")?.parse().map_err(|_| "--seed: a whole number")?,
            "--l2" => {
                settings.l2 = value("--l2")?.parse().ok().filter(|l: &f64| *l > 0.0).ok_or("--l2: a number > 0")?
            }
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            dir => args.dirs.push(PathBuf::from(dir)),
        }
    }
    if let Some(cell) = &args.list {
        let (label, verdict) = cell.split_once('-').unwrap_or((cell, ""));
        let known_verdict = verdict.is_empty() || stats::VERDICTS.contains(&verdict);
        if corpus::Label::of_folder(label).is_none() || !known_verdict {
            return Err(format!("--list: ham, spam, ham-pass, ham-warn, ham-fail, spam-pass, …; not {cell}"));
        }
    }
    if fit {
        args.fit = Some(settings);
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("calibrate: {problem}");
            }
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let options = match &args.config {
        None => mail_preflight::Options::default(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|json| mail_preflight::Options::from_json(&json).map_err(|e| e.to_string()))
        {
            Ok(options) => options,
            Err(problem) => {
                eprintln!("calibrate: --config {}: {problem}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let dirs = if args.dirs.is_empty() {
        let default = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CORPUS);
        if !default.is_dir() {
            eprintln!(
                "calibrate: the labelled corpus {DEFAULT_CORPUS} is absent (expected at {}).\n\
                 It is third-party mail kept beside the project, never copied into it; \
                 give another labelled folder with --dir DIR (sub-folders ham-* and spam-*).",
                default.display()
            );
            return ExitCode::from(2);
        }
        vec![default]
    } else {
        args.dirs.clone()
    };

    let mut files = Vec::new();
    let mut unlabelled = 0;
    for dir in &dirs {
        match corpus::labelled_files(dir) {
            Ok((found, skipped)) => {
                files.extend(found);
                unlabelled += skipped;
            }
            Err(e) => {
                eprintln!("calibrate: cannot read {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        }
    }
    if files.is_empty() {
        eprintln!("calibrate: no labelled message under {:?}: put them in folders named ham-* and spam-*", dirs);
        return ExitCode::from(2);
    }

    let started = std::time::Instant::now();
    let (samples, score_field) = measure::lint_all(&files, &options);
    let run =
        text::Run { dirs: &dirs, files: &files, unlabelled, score_field, seconds: started.elapsed().as_secs_f64() };
    let fitted = args.fit.as_ref().map(|settings| (settings, fit::cross_validated_fit(&samples, settings)));
    let mut out = String::new();
    if args.json {
        out = json::calibration(&run, &samples, &args, fitted.as_ref().map(|(s, r)| (*s, r))).to_string();
        out.push('\n');
    } else if let Some(cell) = &args.list {
        text::print_list(&mut out, &samples, cell, args.rule.as_deref());
    } else {
        text::print_calibration(&mut out, &run, &samples);
        if let Some((settings, result)) = &fitted {
            text::print_fit(&mut out, settings, result);
        }
    }
    // A reader that stops early (`| head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    ExitCode::SUCCESS
}
