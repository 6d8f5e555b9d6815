//! Human text or JSON (`--output json`), to the command's standard output.
use serde_json::Value;
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub struct Out<'a> {
    pub format: Format,
    w: &'a mut dyn Write,
}

impl<'a> Out<'a> {
    pub fn new(format: Format, w: &'a mut dyn Write) -> Self {
        Out { format, w }
    }

    /// Prints `human` as text, or `json` as one pretty JSON document.
    pub fn show(&mut self, human: impl FnOnce() -> String, json: impl FnOnce() -> Value) {
        let text = match self.format {
            Format::Human => human(),
            Format::Json => serde_json::to_string_pretty(&json()).unwrap_or_default(),
        };
        let _ = writeln!(self.w, "{}", text.trim_end());
    }

    /// A line of human text (nothing in JSON mode, where [`Out::show`] says everything).
    pub fn line(&mut self, text: impl AsRef<str>) {
        if self.format == Format::Human {
            let _ = writeln!(self.w, "{}", text.as_ref());
        }
    }
}

/// A 64-bit amount (token base units or lamports) for JSON: a decimal string, since JSON
/// numbers lose precision above 2^53 in JavaScript. Token amounts come with the mint's
/// `decimals` in the same document; lamports fields end in `Lamports` (9 decimals).
pub fn units(v: u64) -> Value {
    Value::String(v.to_string())
}
