//! Build script: fingerprints the code that turns articles into passages and facts, so an index
//! built by a different extractor is redone on the next reindex (see `reindex::EXTRACTOR_VERSION`).

use std::fs;
use std::path::Path;

fn main() {
    let mut files: Vec<_> = ["src/corpus", "src/facts"]
        .iter()
        .flat_map(|dir| collect(Path::new(dir)))
        .collect();
    files.sort();
    // FNV-1a over the sources: stable across builds and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        for byte in fs::read(file).unwrap_or_default() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=FUNDBOT_EXTRACTOR_HASH={hash:016x}");
}

fn collect(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(collect(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}
