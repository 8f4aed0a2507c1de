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
