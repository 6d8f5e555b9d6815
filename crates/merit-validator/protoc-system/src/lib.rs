//! `protobuf_src::protoc()` answered by the system's protoc: `$PROTOC` if set, else the
//! first `protoc` on `PATH` (Debian: `apt-get install protobuf-compiler`).
use std::path::PathBuf;

/// The protoc to run.
pub fn protoc() -> PathBuf {
    if let Some(p) = std::env::var_os("PROTOC") {
        return PathBuf::from(p);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join("protoc"))
        .find(|p| p.is_file())
        .expect("protoc not found: install protobuf-compiler (apt-get install protobuf-compiler) or set PROTOC")
}
