//! Formula outputs: date-major blocks, either returned in memory or written
//! straight into one values file (so a caller in another language never
//! copies hundreds of megabytes across).
//!
//! File layout: one float64 block per formula that evaluated, in formula
//! order, each `rows × N` values date-major (value of instrument `i` on the
//! block's date `r` at `r·N + i`), native byte order (little-endian on every
//! platform we ship), packed back to back from offset 0. A formula's block
//! starts at the byte offset reported for it. The file is written under a
//! temporary name (`<path>.tmp-<pid>`) and renamed to `<path>` only once
//! every block is complete, so a reader never sees a half-written file.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};

use super::nodes::Value;
use crate::error::{EngineError, Result};

/// Where one formula's block went (file mode) and how much of it is finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Byte offset of the block in the values file.
    pub offset: u64,
    /// Dates in the block.
    pub rows: usize,
    /// Finite (not NaN, not ±inf) values in the block.
    pub finite: usize,
}

/// A block on its way to the file: byte offset and date-major values.
type Block = (u64, Vec<f64>);

/// Blocks waiting for the writer at most; a compute thread that finds the
/// queue full waits (bounds the memory held by finished blocks).
const QUEUE: usize = 4;

/// The values file being written.
///
/// One writer thread owns the file and writes whole blocks, each with one
/// large positional write, in the order they arrive; compute threads only
/// transpose a finished root into a buffer and queue it. On a memory-backed
/// filesystem (tmpfs, where run files go on Linux) allocating the file's
/// pages is most of the cost of writing, and a write holds the file's lock
/// while it allocates: compute threads writing themselves queued behind
/// each other (measured: seconds of stalls on a 0.8 GB run), whereas the
/// writer allocates while both keep computing. A write error is kept and
/// reported when the file is committed.
pub struct FileSink {
    pub path: PathBuf,
    pub tmp: PathBuf,
    /// Byte offset of each formula's block (None: the formula did not lower).
    pub offsets: Vec<Option<u64>>,
    pub bytes: u64,
    queue: Option<SyncSender<Block>>,
    /// Buffers the writer is done with, for the next blocks.
    free: Arc<Mutex<Vec<Vec<f64>>>>,
    writer: Option<std::thread::JoinHandle<std::io::Result<File>>>,
    /// Committed or abandoned; otherwise dropping the sink (a panic
    /// unwinding through the evaluation) removes the temporary file.
    closed: bool,
}

impl FileSink {
    /// Create `<path>.tmp-<pid>`, lay out one block of `rows[k] × n` values
    /// for each formula `k` that has a root, and start the writer.
    pub fn create(path: &Path, has_root: &[bool], rows: &[usize], n: usize) -> Result<FileSink> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".tmp-{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let file = File::create(&tmp).map_err(|e| io(e, "cannot create the values file", &tmp))?;
        let mut at = 0u64;
        let offsets = has_root
            .iter()
            .zip(rows)
            .map(|(&ok, &r)| {
                ok.then(|| {
                    let o = at;
                    at += (r * n * 8) as u64;
                    o
                })
            })
            .collect();
        let (queue, blocks) = std::sync::mpsc::sync_channel::<Block>(QUEUE);
        let free: Arc<Mutex<Vec<Vec<f64>>>> = Arc::new(Mutex::new(Vec::new()));
        let recycle = free.clone();
        let writer = std::thread::Builder::new()
            .name("values-writer".into())
            .spawn(move || -> std::io::Result<File> {
                let mut failed: Option<std::io::Error> = None;
                // Keep draining after a failure so no compute thread waits on a full queue.
                for (offset, buf) in blocks {
                    if failed.is_none() {
                        if let Err(e) = write_at(&file, as_bytes(&buf), offset) {
                            failed = Some(e);
                        }
                    }
                    if let Ok(mut f) = recycle.lock() {
                        if f.len() < QUEUE + 2 {
                            f.push(buf);
                        }
                    }
                }
                match failed {
                    Some(e) => Err(e),
                    None => Ok(file),
                }
            })
            .map_err(|e| io(e, "cannot start writing the values file", &tmp))?;
        Ok(FileSink {
            path: path.to_path_buf(),
            tmp,
            offsets,
            bytes: at,
            queue: Some(queue),
            free,
            writer: Some(writer),
            closed: false,
        })
    }

    /// A buffer of `len` values (contents arbitrary), recycled when possible.
    fn buffer(&self, len: usize) -> Vec<f64> {
        let mut buf = self.free.lock().ok().and_then(|mut f| f.pop()).unwrap_or_default();
        buf.resize(len, 0.0);
        buf
    }

    /// Queue a finished block for the writer.
    fn send(&self, offset: u64, buf: Vec<f64>) -> std::io::Result<()> {
        match &self.queue {
            Some(q) => q.send((offset, buf)).map_err(|_| std::io::Error::other("the values writer stopped")),
            None => Err(std::io::Error::other("the values file is closed")),
        }
    }

    /// Wait until the writer has written every queued block.
    fn finish(&mut self) -> std::io::Result<Option<File>> {
        self.queue = None; // closes the channel: the writer drains it and returns
        match self.writer.take() {
            Some(h) => match h.join() {
                Ok(r) => r.map(Some),
                Err(_) => Err(std::io::Error::other("the values writer panicked")),
            },
            None => Ok(None),
        }
    }

    /// Make the file visible under its final name.
    /// On failure (a write error, e.g. a full disk) the temporary file is removed.
    pub fn commit(mut self) -> Result<()> {
        let r = self.complete();
        self.closed = true;
        if r.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        r
    }

    fn complete(&mut self) -> Result<()> {
        let file = self.finish().map_err(|e| io(e, "cannot write the values file", &self.tmp))?;
        if let Some(file) = file {
            // Holes (a block of 0 rows at the end) still give the right length.
            file.set_len(self.bytes).map_err(|e| io(e, "cannot write the values file", &self.tmp))?;
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|e| io(e, "cannot rename the values file", &self.path))
    }

    /// Remove the temporary file after a failure.
    pub fn abandon(mut self) {
        self.closed = true;
        let _ = self.finish();
        let _ = std::fs::remove_file(&self.tmp);
    }
}

impl Drop for FileSink {
    fn drop(&mut self) {
        if !self.closed {
            let _ = self.finish();
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

fn io(source: std::io::Error, what: &str, path: &Path) -> EngineError {
    EngineError::Io { context: format!("{what} {}", path.display()), source }
}

/// Number of finite values (branch-free, vectorises).
#[inline]
#[allow(clippy::eq_op)] // `v - v` is the point: 0 for finite v, NaN otherwise
pub fn count_finite(xs: &[f64]) -> usize {
    // v - v is 0 for finite v, NaN for NaN and ±inf.
    xs.iter().map(|&v| usize::from(v - v == 0.0)).sum()
}

/// Dates `[t0, t0 + rows)` of an instrument-major `n × t` value, date-major,
/// either returned (`sink` None) or queued for the values file at the given
/// offset. Returns the values (memory mode) and their finite count.
pub fn emit(
    v: &Value<'_>,
    t: usize,
    n: usize,
    t0: usize,
    rows: usize,
    sink: Option<(&FileSink, u64)>,
) -> std::io::Result<(Option<Vec<f64>>, usize)> {
    let len = rows * n;
    let mut out = match sink {
        Some((s, _)) => s.buffer(len),
        None => vec![0.0; len],
    };
    let finite = match v {
        Value::Scalar(x) => {
            out.iter_mut().for_each(|o| *o = *x);
            if x.is_finite() {
                len
            } else {
                0
            }
        }
        Value::Owned(col) => {
            transpose_strided(col, t, t0, n, rows, &mut out);
            count_finite(&out)
        }
        Value::Borrowed(col) => {
            transpose_strided(col, t, t0, n, rows, &mut out);
            count_finite(&out)
        }
        Value::Rows(r) => {
            out.copy_from_slice(&r[t0 * n..(t0 + rows) * n]);
            count_finite(&out)
        }
    };
    match sink {
        None => Ok((Some(out), finite)),
        Some((s, offset)) => {
            s.send(offset, out)?;
            Ok((None, finite))
        }
    }
}

/// Dates `[d0, d0 + rows)` of the `n` series of length `t` in `col`
/// (instrument-major) into `dst` date-major (`rows × n`). Eight series at a
/// time: eight sequential reads and eight adjacent writes per date.
fn transpose_strided(col: &[f64], t: usize, d0: usize, n: usize, rows: usize, dst: &mut [f64]) {
    let dst = &mut dst[..rows * n];
    let strips = n / 8;
    for s in 0..strips {
        let i0 = s * 8;
        let series: [&[f64]; 8] = std::array::from_fn(|k| &col[(i0 + k) * t + d0..(i0 + k) * t + d0 + rows]);
        for (r, row) in dst.chunks_exact_mut(n).enumerate() {
            let o = &mut row[i0..i0 + 8];
            for k in 0..8 {
                o[k] = series[k][r];
            }
        }
    }
    for i in strips * 8..n {
        let src = &col[i * t + d0..i * t + d0 + rows];
        for (r, &v) in src.iter().enumerate() {
            dst[r * n + i] = v;
        }
    }
}

fn as_bytes(xs: &[f64]) -> &[u8] {
    // SAFETY: f64 has no padding or invalid bit patterns as bytes; the byte
    // slice covers exactly the same memory and lives as long as `xs`.
    unsafe { std::slice::from_raw_parts(xs.as_ptr().cast::<u8>(), std::mem::size_of_val(xs)) }
}

#[cfg(unix)]
fn write_at(f: &File, buf: &[u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(f, buf, offset)
}

#[cfg(windows)]
fn write_at(f: &File, mut buf: &[u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        let k = f.seek_write(buf, offset)?;
        if k == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::WriteZero, "failed to write the values"));
        }
        buf = &buf[k..];
        offset += k as u64;
    }
    Ok(())
}
