//! Architecture: no module imports a module that imports it back.
//!
//! The check reads a crate's source files, one module per file (`lib.rs` or `main.rs` is the
//! root, `a.rs` and `a/mod.rs` are `a`, `a/b.rs` is `a::b`), and builds the graph of their
//! imports: a module depends on every module a `crate::…` path in it names (in a `use` or
//! anywhere in code, `$crate::…` in macros too, and `super::…`/`self::…` paths resolved the
//! same way), and a module depends on its child modules. A path is followed through re-exports
//! (`pub use child::Item;` in a façade, the crate root's `pub use`) to the module that defines
//! the item. A child naming its own ancestor (`super::Item`) is no dependency: a module and its
//! children are one room. Comments and literals are not code: a doc link to `crate::x::Y` is
//! no import.
//!
//! [`import_cycles`] takes the crate's `src` directory, so any crate of the workspace can be
//! held to the rule.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// A module's path inside its crate: `[]` for the root, `["identifiers", "email"]`.
type ModPath = Vec<String>;

fn show(path: &[String]) -> String {
    if path.is_empty() {
        "crate".to_owned()
    } else {
        path.join("::")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// The tokens of Rust source that matter for paths: identifiers, `::` and punctuation.
/// Comments, string, byte-string, raw-string and character literals and lifetimes are dropped.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = at(i);
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && at(i) != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                }
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1);
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{7f}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && at(i) != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '$' || c == '_' || c.is_alphabetic() {
            let start = i;
            i += 1;
            while at(i) == '_' || at(i).is_alphanumeric() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw_prefix = matches!(word.as_str(), "r" | "br" | "cr");
            if raw_prefix && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '"' | '#'))) {
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                i += 1;
                let closing: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[i..].iter().collect();
                i += rest
                    .find(&closing)
                    .map_or(rest.chars().count(), |end| rest[..end].chars().count())
                    + closing.chars().count();
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                i = skip_string(&chars, i + 1);
            } else if word == "b" && at(i) == '\'' {
                // A byte literal: the quote is read next, as a character literal's.
            } else if word == "r" && at(i) == '#' {
                // A raw identifier, `r#type`.
                i += 1;
            } else {
                out.push(Token::Ident(word));
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::PathSep);
            i += 2;
        } else if c.is_ascii_digit() {
            while at(i) == '_' || at(i).is_alphanumeric() {
                i += 1;
            }
        } else {
            if !c.is_whitespace() {
                out.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    out
}

/// The index after the closing quote of a string whose content starts at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Where a path starts.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Base {
    /// `crate::` or `$crate::`.
    Root,
    /// `super::` this many times (`self::` is none), from inside this many inline modules of
    /// the file.
    Super { count: usize, inline: usize },
    /// A path in a `use` that starts with a name: a child module, or another crate.
    Here,
}

/// A path as written in one file: where it starts and its segments.
#[derive(Debug, Clone, PartialEq, Eq)]
struct WrittenPath {
    base: Base,
    segments: Vec<String>,
}

/// What one file says: every path it writes, and the names its `use` items bind.
#[derive(Debug, Default)]
struct FileUses {
    paths: Vec<WrittenPath>,
    /// A name bound by a `use` at the file's top level, and the path it stands for.
    bindings: BTreeMap<String, WrittenPath>,
}

fn ident(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i) {
        Some(Token::Ident(s)) => Some(s),
        _ => None,
    }
}

/// Reads the paths of a file's tokens.
fn file_uses(tokens: &[Token]) -> FileUses {
    let mut uses = FileUses::default();
    // The brace depth at which each open inline module (`mod tests { … }`) began.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0_usize;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct('{') => {
                depth += 1;
                i += 1;
            }
            Token::Punct('}') => {
                depth = depth.saturating_sub(1);
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                i += 1;
            }
            Token::Ident(word) if word == "mod" => {
                if ident(tokens, i + 1).is_some() && tokens.get(i + 2) == Some(&Token::Punct('{')) {
                    inline.push(depth);
                }
                i += 1;
            }
            Token::Ident(word) if word == "use" => {
                let mut trees = Vec::new();
                i = use_tree(
                    tokens,
                    i + 1,
                    inline.len(),
                    &WrittenPath::here(),
                    &mut trees,
                );
                for (path, name) in trees {
                    if depth == 0 {
                        if let Some(name) = name {
                            uses.bindings.insert(name, path.clone());
                        }
                    }
                    uses.paths.push(path);
                }
            }
            Token::Ident(word)
                if matches!(word.as_str(), "crate" | "$crate" | "super" | "self")
                    && tokens.get(i + 1) == Some(&Token::PathSep) =>
            {
                let mut trees = Vec::new();
                i = use_tree(tokens, i, inline.len(), &WrittenPath::here(), &mut trees);
                uses.paths.extend(trees.into_iter().map(|(path, _)| path));
            }
            _ => i += 1,
        }
    }
    uses
}

impl WrittenPath {
    fn here() -> Self {
        Self {
            base: Base::Here,
            segments: Vec::new(),
        }
    }

    /// The path as the source writes it (`$crate::` as `crate::`).
    fn written(&self) -> String {
        let base = match self.base {
            Base::Root => "crate::".to_owned(),
            Base::Super { count: 0, .. } => "self::".to_owned(),
            Base::Super { count, .. } => "super::".repeat(count),
            Base::Here => String::new(),
        };
        let text = base + &self.segments.join("::");
        text.strip_suffix("::").map(str::to_owned).unwrap_or(text)
    }
}

/// Reads one use tree (or a plain path in code) starting at `i` below `prefix`; pushes each
/// leaf path with the name it binds (`None` for a glob or `self` in code) and returns the index
/// after it.
fn use_tree(
    tokens: &[Token],
    mut i: usize,
    inline: usize,
    prefix: &WrittenPath,
    out: &mut Vec<(WrittenPath, Option<String>)>,
) -> usize {
    let mut path = prefix.clone();
    loop {
        match tokens.get(i) {
            Some(Token::Punct('{')) => {
                i += 1;
                while i < tokens.len() && tokens[i] != Token::Punct('}') {
                    i = use_tree(tokens, i, inline, &path, out);
                    if tokens.get(i) == Some(&Token::Punct(',')) {
                        i += 1;
                    }
                }
                return i + 1;
            }
            Some(Token::Punct('*')) => {
                out.push((path, None));
                return i + 1;
            }
            Some(Token::Ident(word)) => {
                let word = word.clone();
                i += 1;
                let at_start = path.base == Base::Here && path.segments.is_empty();
                match word.as_str() {
                    "crate" | "$crate" if at_start => path.base = Base::Root,
                    "super" if at_start || matches!(path.base, Base::Super { .. }) => {
                        path.base = match path.base {
                            Base::Super { count, .. } => Base::Super {
                                count: count + 1,
                                inline,
                            },
                            _ => Base::Super { count: 1, inline },
                        };
                    }
                    "self" if tokens.get(i) != Some(&Token::PathSep) => {
                        // `use a::b::{self}`: the module itself.
                        let name = path.segments.last().cloned();
                        let name = binding(tokens, &mut i).or(name);
                        out.push((path, name));
                        return i;
                    }
                    "self" if at_start => path.base = Base::Super { count: 0, inline },
                    "self" => {}
                    _ => path.segments.push(word.clone()),
                }
                if tokens.get(i) == Some(&Token::PathSep) {
                    i += 1;
                    continue;
                }
                let name = binding(tokens, &mut i).or(Some(word));
                out.push((path, name));
                return i;
            }
            _ => {
                out.push((path, None));
                return i;
            }
        }
    }
}

/// The name after `as`, if the use tree at `i` renames.
fn binding(tokens: &[Token], i: &mut usize) -> Option<String> {
    if ident(tokens, *i) == Some("as") {
        let name = ident(tokens, *i + 1).map(str::to_owned);
        *i += 2;
        return name.filter(|n| n != "_");
    }
    None
}

/// A crate's modules and their imports.
struct Crate {
    files: BTreeMap<ModPath, FileUses>,
}

impl Crate {
    /// Reads `(path relative to src, source)` pairs.
    fn new<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let files = sources
            .into_iter()
            .map(|(file, source)| (module_path(file), file_uses(&tokens(source))))
            .collect();
        Self { files }
    }

    /// The absolute segments `written` in the file of `module` names, or `None` for a path
    /// into another crate.
    fn absolute(&self, module: &[String], written: &WrittenPath) -> Option<Vec<String>> {
        let mut start: Vec<String> = match written.base {
            Base::Root => Vec::new(),
            Base::Here => module.to_vec(),
            Base::Super { count, inline } => {
                let up = count.saturating_sub(inline);
                module[..module.len().saturating_sub(up)].to_vec()
            }
        };
        if written.base == Base::Here {
            // A `use` path starting with a name: a child module, or another crate.
            let first = written.segments.first()?;
            let mut child = module.to_vec();
            child.push(first.clone());
            if !self.files.contains_key(&child) {
                return None;
            }
        }
        start.extend(written.segments.iter().cloned());
        Some(start)
    }

    /// The module defining what the absolute `segments` name, following re-exports.
    fn resolve(&self, segments: &[String], hops: usize) -> Option<ModPath> {
        let mut module: ModPath = Vec::new();
        for segment in segments {
            let mut child = module.clone();
            child.push(segment.clone());
            if self.files.contains_key(&child) {
                module = child;
                continue;
            }
            let reexport = self.files.get(&module)?.bindings.get(segment);
            return match reexport {
                Some(target) if hops < 32 => {
                    let target = self.absolute(&module, target)?;
                    self.resolve(&target, hops + 1)
                }
                _ => Some(module),
            };
        }
        Some(module)
    }

    /// Every dependency between modules, with a path that shows it.
    fn edges(&self) -> BTreeMap<ModPath, BTreeMap<ModPath, String>> {
        let mut edges: BTreeMap<ModPath, BTreeMap<ModPath, String>> = BTreeMap::new();
        for (module, uses) in &self.files {
            let from = edges.entry(module.clone()).or_default();
            for written in &uses.paths {
                let Some(absolute) = self.absolute(module, written) else {
                    continue;
                };
                let Some(to) = self.resolve(&absolute, 0) else {
                    continue;
                };
                if !module.starts_with(&to) {
                    from.entry(to)
                        .or_insert_with(|| format!("`{}`", written.written()));
                }
            }
        }
        for module in self.files.keys() {
            if let Some((_, parent)) = module.split_last() {
                edges
                    .entry(parent.to_vec())
                    .or_default()
                    .entry(module.clone())
                    .or_insert_with(|| format!("its child `mod {}`", module.join("::")));
            }
        }
        edges
    }

    /// One cycle for each group of modules that reach one another, each step with its path.
    fn cycles(&self) -> Vec<String> {
        let edges = self.edges();
        let mut reported: BTreeSet<ModPath> = BTreeSet::new();
        let mut cycles = Vec::new();
        for start in edges.keys() {
            if reported.contains(start) {
                continue;
            }
            let Some(cycle) = shortest_cycle(&edges, start) else {
                continue;
            };
            let mut text = show(start);
            for pair in cycle.windows(2) {
                let via = &edges[&pair[0]][&pair[1]];
                write!(text, " → {} (by {via})", show(&pair[1])).unwrap();
            }
            reported.extend(cycle);
            cycles.push(text);
        }
        cycles
    }
}

/// The shortest walk from `start` back to `start`, both ends included.
fn shortest_cycle(
    edges: &BTreeMap<ModPath, BTreeMap<ModPath, String>>,
    start: &ModPath,
) -> Option<Vec<ModPath>> {
    let mut came_from: BTreeMap<&ModPath, &ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for next in edges.get(at).into_iter().flat_map(BTreeMap::keys) {
            if next == start {
                let mut walk = vec![start.clone(), at.clone()];
                let mut back = at;
                while back != start {
                    back = came_from[back];
                    walk.push(back.clone());
                }
                walk.reverse();
                return Some(walk);
            }
            if !came_from.contains_key(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}

/// The module a file relative to `src` holds.
fn module_path(file: &str) -> ModPath {
    let file = file.strip_suffix(".rs").unwrap_or(file);
    let mut segments: ModPath = file.split(['/', '\\']).map(str::to_owned).collect();
    if matches!(
        segments.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) && (segments.len() > 1 || segments[0] != "mod")
    {
        segments.pop();
    }
    segments
}

/// Every import cycle between the modules of the crate whose sources are in `src`, each as
/// "a → b (by `crate::b::X`) → a (by …)"; empty when there is none.
fn import_cycles(src: &Path) -> Vec<String> {
    fn walk(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).unwrap().to_string_lossy();
                out.push((
                    relative.into_owned(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    let mut sources = Vec::new();
    walk(src, src, &mut sources);
    assert!(!sources.is_empty(), "no Rust source in {}", src.display());
    Crate::new(sources.iter().map(|(f, s)| (f.as_str(), s.as_str()))).cycles()
}

#[test]
fn no_module_of_the_core_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let cycles = import_cycles(&src);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn no_module_of_the_command_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../unilogin-cli/src");
    let cycles = import_cycles(&src);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_through_a_facade_is_found_and_named() {
    let sources = [
        ("lib.rs", "pub mod ids;\npub mod record;\npub use record::Field;"),
        (
            "ids/mod.rs",
            "mod email;\npub use email::Email;\n/// [`crate::record::Field`] is no import.\npub fn trim() {}",
        ),
        ("ids/email.rs", "impl crate::Field for Email {}\nlet s = \"crate::x::Y\";"),
        ("record.rs", "use crate::ids::{self as i};\nfn f() { crate::ids::trim(); }"),
    ];
    assert_eq!(
        Crate::new(sources).cycles(),
        ["ids → ids::email (by `email::Email`) → record (by `crate::Field`) → ids (by `crate::ids`)"]
    );
}

#[test]
fn children_naming_their_parents_and_paths_into_other_crates_are_no_cycle() {
    let sources = [
        ("main.rs", "mod report;\nmod text;\nuse report::Report;"),
        ("report/mod.rs", "mod json;\npub(crate) use json::Json;\npub struct Report;"),
        (
            "report/json.rs",
            "use super::Report;\nuse crate::report::Report as R;\nuse serde::Serialize;\n\
             fn f() { let c = '\"'; crate::text::plain(); }",
        ),
        (
            "text.rs",
            "pub fn plain() {}\n#[cfg(test)]\nmod tests { use super::*; use super::super::report; }",
        ),
    ];
    let cycles = Crate::new(sources).cycles();
    // `text`'s test module names `report` through `super::super`: a real dependency, found.
    assert_eq!(
        cycles,
        [
            "report → report::json (by `json::Json`) → text (by `crate::text::plain`) \
          → report (by `super::super::report`)"
        ]
    );
    let without_test = [
        sources[0],
        sources[1],
        sources[2],
        ("text.rs", "pub fn plain() {}"),
    ];
    assert_eq!(Crate::new(without_test).cycles(), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------------
// Sources: the repository cites public sources only, each listed once in docs/sources.md.
// ---------------------------------------------------------------------------------------------

/// Names of the project's planning files, which are not part of the repository and must not be
/// cited by it. Built from parts so that this file does not name them itself.
const PLANNING_NAMES: &[&str] = &[
    concat!("RULES", ".md"),
    concat!("DESIGN", ".md"),
    concat!("TOOLCHAIN", ".md"),
    concat!("/work", "/shared"),
    concat!("..", "/shared"),
    concat!("seed-", "stil"),
];

/// Every `(file, needle, line)` where a file names a planning file, as "path:line: needle".
fn planning_mentions<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in files {
        for needle in PLANNING_NAMES {
            let needle = needle.as_bytes();
            for (i, window) in bytes.windows(needle.len()).enumerate() {
                if window == needle {
                    // The segments before the match, split at line ends: its line number.
                    let line = bytes[..i].split(|&b| b == b'\n').count();
                    let needle = String::from_utf8_lossy(needle);
                    found.push(format!("{path}:{line}: {needle}"));
                }
            }
        }
    }
    found
}

/// The files git tracks, relative to the repository root.
fn tracked_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(&root)
        .args(["ls-files", "-z"])
        .output()
        .expect("git runs (the test reads the tracked files)");
    assert!(out.status.success(), "git ls-files failed");
    String::from_utf8(out.stdout)
        .expect("file names are UTF-8")
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_tracked_file_names_the_planning_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files: Vec<(String, Vec<u8>)> = tracked_files()
        .into_iter()
        .filter_map(|f| {
            // A file deleted in the working tree but still tracked has nothing to check.
            let bytes = std::fs::read(root.join(&f)).ok()?;
            Some((f, bytes))
        })
        .collect();
    assert!(
        files.len() > 100,
        "only {} tracked files found",
        files.len()
    );
    let found = planning_mentions(files.iter().map(|(f, b)| (f.as_str(), b.as_slice())));
    assert!(
        found.is_empty(),
        "cite the public source (docs/sources.md) instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn planning_mentions_are_found_in_text_and_binary_files() {
    let text = format!("ok\nsee {} §3\n", PLANNING_NAMES[0]);
    let binary = [
        b"\x00\xff".as_slice(),
        PLANNING_NAMES[5].as_bytes(),
        b"\x00",
    ]
    .concat();
    assert_eq!(
        planning_mentions([
            ("a.md", text.as_bytes()),
            ("b.bin", binary.as_slice()),
            ("c.md", b"public sources only".as_slice()),
        ]),
        [
            format!("a.md:2: {}", PLANNING_NAMES[0]),
            format!("b.bin:1: {}", PLANNING_NAMES[5])
        ]
    );
}

/// The entries of docs/sources.md: id (`S-…`) and the text under its `### S-…` heading.
fn source_entries(sources_md: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut current: Option<usize> = None;
    for line in sources_md.lines() {
        if let Some(id) = line.strip_prefix("### ") {
            entries.push((id.trim().to_owned(), String::new()));
            current = Some(entries.len() - 1);
        } else if line.starts_with("## ") || line.starts_with("# ") {
            current = None;
        } else if let Some(i) = current {
            entries[i].1.push_str(line);
            entries[i].1.push('\n');
        }
    }
    entries
}

/// Every `[S-…]` tag in `text`, with whether it links to its entry in docs/sources.md
/// (`[S-guide](sources.md#s-guide)`).
fn source_tags(text: &str) -> Vec<(String, bool)> {
    let mut tags = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("[S-") {
        let after = &rest[at + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(after.len());
        let id = &after[..len];
        let tail = &after[len..];
        if let Some(tail) = tail.strip_prefix(']') {
            let link = format!("(sources.md#{})", id.to_lowercase());
            tags.push((id.to_owned(), tail.starts_with(&link)));
        }
        rest = &after[len..];
    }
    tags
}

/// What is wrong with the sources: ids cited in `docs` (name, text) but not listed in
/// `sources_md`, listed but never cited, cited without the link to their entry, listed twice,
/// or listed without a field or a public address.
fn source_problems(docs: &[(&str, &str)], sources_md: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let entries = source_entries(sources_md);
    let mut defined = BTreeSet::new();
    for (id, body) in &entries {
        if !id.starts_with("S-")
            || id.len() < 3
            || !id[2..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            bad.push(format!(
                "sources.md: heading {id:?} is not a source id (S-…)"
            ));
        }
        if !defined.insert(id.clone()) {
            bad.push(format!("sources.md: {id} is listed twice"));
        }
        for field in [
            "Title",
            "Publisher",
            "Address",
            "Backs",
            "Confidence",
            "Read",
        ] {
            if !body.contains(&format!("- **{field}:**")) {
                bad.push(format!("sources.md: {id} has no {field}"));
            }
        }
        let address = body
            .split("- **Address:**")
            .nth(1)
            .and_then(|a| a.split("\n- **").next())
            .unwrap_or("");
        let links: Vec<&str> = address
            .split('<')
            .skip(1)
            .filter_map(|l| l.split('>').next())
            .collect();
        if links.is_empty() {
            bad.push(format!("sources.md: {id} has no <address>"));
        }
        for link in links {
            if !(link.starts_with("https://") || link.starts_with("http://")) {
                bad.push(format!(
                    "sources.md: {id} has a non-public address {link:?}"
                ));
            }
        }
        for local in ["/work/", "../", "file:", "crates/", "tests/"] {
            if body.contains(local) {
                bad.push(format!("sources.md: {id} names a local path ({local})"));
            }
        }
    }
    let mut used = BTreeSet::new();
    for (name, text) in docs {
        for (id, linked) in source_tags(text) {
            if !defined.contains(&id) {
                bad.push(format!("{name}: [{id}] is not listed in docs/sources.md"));
            }
            if !linked {
                bad.push(format!(
                    "{name}: [{id}] does not link to its entry: [{id}](sources.md#{})",
                    id.to_lowercase()
                ));
            }
            used.insert(id);
        }
    }
    for id in defined.difference(&used) {
        bad.push(format!("sources.md: {id} is cited nowhere in docs/"));
    }
    bad
}

#[test]
fn every_source_cited_in_the_docs_is_listed_once_with_a_public_address_and_every_listed_one_is_cited(
) {
    let docs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&docs_dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "md") && name != "sources.md" {
            docs.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    docs.sort();
    let sources_md = std::fs::read_to_string(docs_dir.join("sources.md")).unwrap();
    assert!(source_entries(&sources_md).len() > 20);
    let docs: Vec<(&str, &str)> = docs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let bad = source_problems(&docs, &sources_md);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn source_problems_are_all_reported() {
    let sources_md = "# Sources\n\nSee [S-a](#s-a).\n\n## STIL\n\n\
        ### S-a\n\n- **Title:** A\n- **Publisher:** P\n- **Address:** <https://example.org/a>\n\
        - **Backs:** x\n- **Confidence:** H\n- **Read:** by 2026-11-28\n\n\
        ### S-b\n\n- **Title:** B\n- **Address:** <../notes/b.txt>\n- **Backs:** y\n\
        - **Confidence:** H\n- **Read:** by 2026-11-28\n\n\
        ### S-a\n\n- **Title:** A again\n- **Publisher:** P\n- **Address:** none\n\
        - **Backs:** x\n- **Confidence:** H\n- **Read:** by 2026-11-28\n";
    let docs = [(
        "x.md",
        "Rule [S-a](sources.md#s-a), bare [S-a], wrong [S-a](#sources), unknown [S-c](sources.md#s-c).",
    )];
    assert_eq!(
        source_problems(&docs, sources_md),
        [
            "sources.md: S-b has no Publisher",
            "sources.md: S-b has a non-public address \"../notes/b.txt\"",
            "sources.md: S-b names a local path (../)",
            "sources.md: S-a is listed twice",
            "sources.md: S-a has no <address>",
            "x.md: [S-a] does not link to its entry: [S-a](sources.md#s-a)",
            "x.md: [S-a] does not link to its entry: [S-a](sources.md#s-a)",
            "x.md: [S-c] is not listed in docs/sources.md",
            "sources.md: S-b is cited nowhere in docs/",
        ]
    );
}

#[test]
fn the_sources_the_library_prints_are_public_addresses_listed_in_docs_sources_md() {
    use unilogin::login::{FailureCause, Guide, LoginPolicy, UserFacts};
    use unilogin::onboarding::Plan;
    use unilogin::people::Role;
    use unilogin::LegalBasis;

    let sources_md = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/sources.md"),
    )
    .unwrap();
    let parent = UserFacts::new(Role::Parent, true, None);
    let policy = LoginPolicy::default();
    let mut printed = vec![
        Guide::activation(&parent, &policy).source,
        Guide::forgotten_password(&parent, &policy).source,
        Guide::login_failed(FailureCause::NoAccessToService, &parent, &policy).source,
        unilogin::provisioning::Estimate::source().to_owned(),
    ];
    for basis in LegalBasis::ACCEPTED {
        printed.push(Plan::for_legal_basis(basis).unwrap().source);
    }
    for source in printed {
        let addresses: Vec<&str> = source
            .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ';')
            .filter(|w| w.starts_with("https://") || w.starts_with("http://"))
            .collect();
        assert!(!addresses.is_empty(), "no address in {source:?}");
        for address in addresses {
            assert!(
                sources_md.contains(&format!("<{address}>")),
                "{address} (in {source:?}) is not an address in docs/sources.md"
            );
        }
        assert_eq!(
            planning_mentions([("source", source.as_bytes())]),
            Vec::<String>::new()
        );
    }
}
