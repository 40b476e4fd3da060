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

use super::nodes::Value;
use crate::error::{EngineError, Result};

/// Dates transposed and written per chunk: about 1 MiB of values, so the
/// chunk stays in cache between the transpose and the write.
const CHUNK_BYTES: usize = 1 << 20;

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

/// The values file being written.
pub struct FileSink {
    pub path: PathBuf,
    pub tmp: PathBuf,
    pub file: File,
    /// Reserving the file's space (see [`reserve`]), joined before commit.
    reserving: Option<std::thread::JoinHandle<()>>,
    /// Byte offset of each formula's block (None: the formula did not lower).
    pub offsets: Vec<Option<u64>>,
    pub bytes: u64,
}

impl FileSink {
    /// Create `<path>.tmp-<pid>` and lay out one block of `rows[k] × n`
    /// values for each formula `k` that has a root.
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
        let reserving = match file.try_clone() {
            Ok(f) if at > 0 => std::thread::Builder::new().name("reserve".into()).spawn(move || reserve(&f, at)).ok(),
            _ => None,
        };
        Ok(FileSink { path: path.to_path_buf(), tmp, file, reserving, offsets, bytes: at })
    }

    fn join_reserve(&mut self) {
        if let Some(h) = self.reserving.take() {
            let _ = h.join();
        }
    }

    /// Make the file visible under its final name.
    pub fn commit(mut self) -> Result<()> {
        self.join_reserve();
        // Holes (a block of 0 rows at the end) still give the right length.
        self.file.set_len(self.bytes).map_err(|e| io(e, "cannot write the values file", &self.tmp))?;
        drop(self.file);
        std::fs::rename(&self.tmp, &self.path).map_err(|e| io(e, "cannot rename the values file", &self.path))
    }

    /// Remove the temporary file after a failure.
    pub fn abandon(mut self) {
        self.join_reserve();
        drop(self.file);
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Allocate the file's pages up front, in one call on a helper thread while
/// the first nodes compute. On a memory-backed filesystem (tmpfs, where run
/// files go on Linux) allocating and zeroing pages is most of the cost of
/// writing, and page by page inside `pwrite` it holds the file's lock, so two
/// threads writing blocks would queue behind each other; writes into
/// allocated pages are a plain copy. Best effort: on failure (e.g. a
/// filesystem without fallocate) the writes allocate as they go.
#[cfg(target_os = "linux")]
fn reserve(f: &File, bytes: u64) {
    use std::os::fd::AsRawFd;
    // SAFETY: a valid open descriptor (the clone lives for the call); mode 0
    // only allocates, never changes data already written.
    let _ = unsafe { libc::fallocate(f.as_raw_fd(), 0, 0, bytes as libc::off_t) };
}

#[cfg(not(target_os = "linux"))]
fn reserve(_f: &File, _bytes: u64) {}

fn io(source: std::io::Error, what: &str, path: &Path) -> EngineError {
    EngineError::Io { context: format!("{what} {}", path.display()), source }
}

/// Number of finite values (branch-free, vectorises).
#[inline]
pub fn count_finite(xs: &[f64]) -> usize {
    // v - v is 0 for finite v, NaN for NaN and ±inf.
    xs.iter().map(|&v| usize::from(v - v == 0.0)).sum()
}

/// Dates `[t0, t0 + rows)` of an instrument-major `n × t` value, date-major,
/// either collected into a vector (`file` None) or written to `file` at
/// `offset`. Returns the vector (memory mode) and the finite count.
pub fn emit(
    v: &Value<'_>,
    t: usize,
    n: usize,
    t0: usize,
    rows: usize,
    file: Option<(&File, u64)>,
) -> std::io::Result<(Option<Vec<f64>>, usize)> {
    let col: &[f64] = match v {
        Value::Scalar(x) => {
            let finite = if x.is_finite() { rows * n } else { 0 };
            return match file {
                None => Ok((Some(vec![*x; rows * n]), finite)),
                Some((f, offset)) => {
                    let chunk = vec![*x; (CHUNK_BYTES / 8).min(rows * n).max(1)];
                    let mut done = 0usize;
                    while done < rows * n {
                        let k = chunk.len().min(rows * n - done);
                        write_at(f, as_bytes(&chunk[..k]), offset + (done * 8) as u64)?;
                        done += k;
                    }
                    Ok((None, finite))
                }
            };
        }
        Value::Owned(c) => c,
        Value::Borrowed(c) => c,
    };
    match file {
        None => {
            let mut out = vec![0.0; rows * n];
            transpose_strided(col, t, t0, n, rows, &mut out);
            let finite = count_finite(&out);
            Ok((Some(out), finite))
        }
        Some((f, offset)) => {
            let per = (CHUNK_BYTES / (8 * n.max(1))).max(1);
            let mut buf = vec![0.0; per.min(rows) * n];
            let mut finite = 0usize;
            let mut r0 = 0usize;
            while r0 < rows {
                let k = per.min(rows - r0);
                let chunk = &mut buf[..k * n];
                transpose_strided(col, t, t0 + r0, n, k, chunk);
                finite += count_finite(chunk);
                write_at(f, as_bytes(chunk), offset + (r0 * n * 8) as u64)?;
                r0 += k;
            }
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
