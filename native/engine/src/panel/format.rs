//! Binary panel file: written once, memory-mapped by every worker process so
//! the OS page cache holds one copy no matter how many workers evaluate.
//!
//! # Format (version 1, all integers and floats little-endian)
//!
//! ```text
//! offset  size  field
//! 0       8     magic  b"ADPANEL\0"
//! 8       4     u32 version = 1
//! 12      4     u32 date kind: 1 = i32 yyyymmdd, 2 = i64 epoch (caller's unit)
//! 16      8     u64 T (dates)
//! 24      8     u64 N (instruments)
//! 32      4     u32 field mask: bit0 open, 1 high, 2 low, 3 close, 4 volume
//!                   (bits 0-4 always set), 5 vwap, 6 cap
//! 36      4     u32 group mask: bit0 sector, 1 industry, 2 subindustry
//! 40      8     u64 symbol-table byte length S
//! 48      8     u64 total file length (truncation check)
//! 56      8     reserved (0)
//! 64            sections, each starting at a multiple of 8 (zero padding):
//!   dates         T × i32 or T × i64
//!   symbol table  (N + 1) × u32 byte offsets into the UTF-8 blob, then the blob (S bytes in all)
//!   groups        for each set group bit, in bit order: N × i32 codes (-1 = unknown)
//!   fields        for each set field bit, in bit order: T·N × f64, instrument-major
//!                 (value of instrument i on date t at index i·T + t)
//! ```
//!
//! Files are written to a temporary name and renamed into place, so a reader
//! never maps a half-written file, and they are never modified afterwards.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use memmap2::Mmap;

use super::{Dates, PanelView};
use crate::error::{EngineError, Result};

const MAGIC: &[u8; 8] = b"ADPANEL\0";
const VERSION: u32 = 1;
const HEADER: usize = 64;

fn pad8(x: usize) -> usize {
    (x + 7) & !7
}

/// Write `panel` to `path` (atomically: temp file + rename).
pub fn write_panel_file(path: &Path, panel: &PanelView<'_>) -> Result<()> {
    panel.validate()?;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let io = |e| EngineError::io(format!("writing panel file {}", tmp.display()), e);
    let file = File::create(&tmp).map_err(io)?;
    let mut w = BufWriter::with_capacity(1 << 20, file);

    let (t, n) = (panel.t, panel.n);
    let mut field_mask = 0b1_1111u32;
    if panel.vwap.is_some() {
        field_mask |= 1 << 5;
    }
    if panel.cap.is_some() {
        field_mask |= 1 << 6;
    }
    let groups = [panel.sector, panel.industry, panel.subindustry];
    let group_mask = groups.iter().enumerate().fold(0u32, |m, (i, g)| if g.is_some() { m | (1 << i) } else { m });
    let mut offsets = Vec::with_capacity(n + 1);
    let mut blob = Vec::new();
    for s in &panel.symbols {
        offsets.push(u32::try_from(blob.len()).map_err(|_| EngineError::invalid("symbol table too large"))?);
        blob.extend_from_slice(s.as_bytes());
    }
    offsets.push(u32::try_from(blob.len()).map_err(|_| EngineError::invalid("symbol table too large"))?);
    let symtab = 4 * (n + 1) + blob.len();
    let date_bytes = match panel.dates {
        Dates::Ymd(_) => 4 * t,
        Dates::Epoch(_) => 8 * t,
    };
    let n_fields = field_mask.count_ones() as usize;
    let n_groups = group_mask.count_ones() as usize;
    let total = HEADER + pad8(date_bytes) + pad8(symtab) + n_groups * pad8(4 * n) + n_fields * 8 * t * n;

    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&VERSION.to_le_bytes());
    header.extend_from_slice(&(if matches!(panel.dates, Dates::Ymd(_)) { 1u32 } else { 2u32 }).to_le_bytes());
    header.extend_from_slice(&(t as u64).to_le_bytes());
    header.extend_from_slice(&(n as u64).to_le_bytes());
    header.extend_from_slice(&field_mask.to_le_bytes());
    header.extend_from_slice(&group_mask.to_le_bytes());
    header.extend_from_slice(&(symtab as u64).to_le_bytes());
    header.extend_from_slice(&(total as u64).to_le_bytes());
    header.extend_from_slice(&0u64.to_le_bytes());
    w.write_all(&header).map_err(io)?;

    let mut written = HEADER;
    let mut pad = |w: &mut BufWriter<File>, len: usize| -> std::io::Result<()> {
        w.write_all(&[0u8; 8][..pad8(len) - len])?;
        written += pad8(len);
        Ok(())
    };
    match &panel.dates {
        Dates::Ymd(d) => d.iter().try_for_each(|v| w.write_all(&v.to_le_bytes())).map_err(io)?,
        Dates::Epoch(d) => d.iter().try_for_each(|v| w.write_all(&v.to_le_bytes())).map_err(io)?,
    }
    pad(&mut w, date_bytes).map_err(io)?;
    offsets.iter().try_for_each(|v| w.write_all(&v.to_le_bytes())).map_err(io)?;
    w.write_all(&blob).map_err(io)?;
    pad(&mut w, symtab).map_err(io)?;
    for g in groups.iter().flatten() {
        g.iter().try_for_each(|v| w.write_all(&v.to_le_bytes())).map_err(io)?;
        pad(&mut w, 4 * n).map_err(io)?;
    }
    let fields =
        [Some(panel.open), Some(panel.high), Some(panel.low), Some(panel.close), Some(panel.volume), panel.vwap, panel.cap];
    let mut buf = Vec::with_capacity(1 << 16);
    for col in fields.iter().flatten() {
        for chunk in col.chunks(8192) {
            buf.clear();
            chunk.iter().for_each(|v| buf.extend_from_slice(&v.to_le_bytes()));
            w.write_all(&buf).map_err(io)?;
        }
        written += 8 * col.len();
    }
    if written != total {
        return Err(EngineError::Internal(format!("panel writer wrote {written} bytes, expected {total}")));
    }
    w.flush().map_err(io)?;
    let file = w.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&tmp, path).map_err(|e| EngineError::io(format!("renaming panel file to {}", path.display()), e))?;
    Ok(())
}

/// A panel file mapped read-only into memory.
pub struct MappedPanel {
    map: Mmap,
    t: usize,
    n: usize,
    epoch_dates: bool,
    symbols: Vec<String>,
    dates_off: usize,
    groups: [Option<usize>; 3],
    fields: [Option<usize>; 7],
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn read_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

impl MappedPanel {
    pub fn open(path: &Path) -> Result<MappedPanel> {
        if cfg!(target_endian = "big") {
            return Err(EngineError::PanelFormat("panel files are little-endian; big-endian hosts are not supported".into()));
        }
        let file = File::open(path).map_err(|e| EngineError::io(format!("opening panel file {}", path.display()), e))?;
        // SAFETY: panel files are written once to a temporary name and renamed
        // into place (see `write_panel_file`); nobody modifies or truncates
        // them while they are mapped, which is what makes a read-only map of
        // a file sound.
        let map =
            unsafe { Mmap::map(&file) }.map_err(|e| EngineError::io(format!("mapping panel file {}", path.display()), e))?;
        let bad = |m: String| EngineError::PanelFormat(format!("{}: {m}", path.display()));
        let b: &[u8] = &map;
        // Sections are 8-aligned relative to the base; the base itself must be
        // 8-aligned too (mmap returns page-aligned memory) for the typed views.
        if b.as_ptr().align_offset(8) != 0 {
            return Err(bad("mapping is not 8-byte aligned".into()));
        }
        if b.len() < HEADER || &b[0..8] != MAGIC {
            return Err(bad("not an alphadesk panel file (bad magic)".into()));
        }
        let version = read_u32(b, 8);
        if version != VERSION {
            return Err(bad(format!("unsupported panel file version {version}")));
        }
        let date_kind = read_u32(b, 12);
        if date_kind != 1 && date_kind != 2 {
            return Err(bad(format!("unknown date kind {date_kind}")));
        }
        let t = usize::try_from(read_u64(b, 16)).map_err(|_| bad("T too large".into()))?;
        let n = usize::try_from(read_u64(b, 24)).map_err(|_| bad("N too large".into()))?;
        let field_mask = read_u32(b, 32);
        let group_mask = read_u32(b, 36);
        let symtab = usize::try_from(read_u64(b, 40)).map_err(|_| bad("symbol table too large".into()))?;
        let total = read_u64(b, 48);
        if field_mask & 0b1_1111 != 0b1_1111 || field_mask >> 7 != 0 || group_mask >> 3 != 0 {
            return Err(bad("corrupt field/group mask".into()));
        }
        if total != b.len() as u64 {
            return Err(bad(format!("file is {} bytes, header says {total} (truncated?)", b.len())));
        }
        let cells = t.checked_mul(n).ok_or_else(|| bad("T*N overflows".into()))?;
        let date_bytes = if date_kind == 1 { 4 * t } else { 8 * t };
        let mut off = HEADER;
        let dates_off = off;
        off += pad8(date_bytes);
        let sym_off = off;
        off += pad8(symtab);
        let mut groups = [None; 3];
        for (i, g) in groups.iter_mut().enumerate() {
            if group_mask & (1 << i) != 0 {
                *g = Some(off);
                off += pad8(4 * n);
            }
        }
        let mut fields = [None; 7];
        for (i, f) in fields.iter_mut().enumerate() {
            if field_mask & (1 << i) != 0 {
                *f = Some(off);
                off += 8 * cells;
            }
        }
        if off as u64 != total || 4 * (n + 1) > symtab {
            return Err(bad("section sizes do not add up".into()));
        }
        let mut symbols = Vec::with_capacity(n);
        let blob = &b[sym_off + 4 * (n + 1)..sym_off + symtab];
        for i in 0..n {
            let s = read_u32(b, sym_off + 4 * i) as usize;
            let e = read_u32(b, sym_off + 4 * (i + 1)) as usize;
            let bytes = blob.get(s..e).ok_or_else(|| bad("symbol table offsets out of range".into()))?;
            symbols.push(String::from_utf8(bytes.to_vec()).map_err(|_| bad("symbol is not UTF-8".into()))?);
        }
        let mp = MappedPanel { map, t, n, epoch_dates: date_kind == 2, symbols, dates_off, groups, fields };
        mp.view().validate().map_err(|e| bad(e.to_string()))?;
        Ok(mp)
    }

    fn f64s(&self, off: usize, len: usize) -> &[f64] {
        let bytes = &self.map[off..off + 8 * len];
        // SAFETY: `bytes` lies inside the mapping (bounds checked by the slice
        // above and by `open`), every section starts at a multiple of 8 from
        // the map base, which `open` checked is 8-aligned, f64 has no invalid bit
        // patterns, the data is little-endian like the host (checked in
        // `open`), and the map is read-only and outlives the returned borrow.
        debug_assert!(bytes.as_ptr().align_offset(std::mem::align_of::<f64>()) == 0);
        unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<f64>(), len) }
    }

    fn i32s(&self, off: usize, len: usize) -> &[i32] {
        let bytes = &self.map[off..off + 4 * len];
        // SAFETY: as for `f64s`: in bounds, 8-aligned section start, any bit
        // pattern is a valid i32, little-endian host, read-only map.
        debug_assert!(bytes.as_ptr().align_offset(std::mem::align_of::<i32>()) == 0);
        unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<i32>(), len) }
    }

    fn i64s(&self, off: usize, len: usize) -> &[i64] {
        let bytes = &self.map[off..off + 8 * len];
        // SAFETY: as for `f64s`.
        debug_assert!(bytes.as_ptr().align_offset(std::mem::align_of::<i64>()) == 0);
        unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<i64>(), len) }
    }

    /// Borrow the mapped data as a panel (no copy of the columns).
    pub fn view(&self) -> PanelView<'_> {
        let cells = self.t * self.n;
        let field = |i: usize| self.fields[i].map(|off| self.f64s(off, cells));
        let group = |i: usize| self.groups[i].map(|off| self.i32s(off, self.n));
        let empty: &[f64] = &[];
        let dates = if self.epoch_dates {
            Dates::Epoch(std::borrow::Cow::Borrowed(self.i64s(self.dates_off, self.t)))
        } else {
            Dates::Ymd(std::borrow::Cow::Borrowed(self.i32s(self.dates_off, self.t)))
        };
        PanelView {
            t: self.t,
            n: self.n,
            dates,
            symbols: self.symbols.clone(),
            open: field(0).unwrap_or(empty),
            high: field(1).unwrap_or(empty),
            low: field(2).unwrap_or(empty),
            close: field(3).unwrap_or(empty),
            volume: field(4).unwrap_or(empty),
            vwap: field(5),
            cap: field(6),
            sector: group(0),
            industry: group(1),
            subindustry: group(2),
        }
    }
}
