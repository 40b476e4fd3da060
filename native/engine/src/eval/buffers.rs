//! Recycled column buffers, shared by the scheduler (which hands a freed
//! intermediate's buffer to the next node) and the node evaluators (which
//! borrow scratch columns for transposed inputs). A fresh column of a large
//! panel costs page faults on first touch and an unmap when freed — about
//! as much as the kernel that fills it — so no column is allocated twice.

use std::sync::Mutex;

pub struct Buffers {
    cells: usize,
    free: Mutex<Vec<Vec<f64>>>,
}

impl Buffers {
    /// Buffers of `cells` values each.
    pub fn new(cells: usize) -> Self {
        Buffers { cells, free: Mutex::new(Vec::new()) }
    }

    /// A buffer of `cells` values with arbitrary contents.
    pub fn take(&self) -> Vec<f64> {
        let recycled = self.free.lock().unwrap_or_else(|p| p.into_inner()).pop();
        recycled.unwrap_or_else(|| vec![0.0; self.cells])
    }

    /// Return a buffer for reuse (one of another size is dropped).
    pub fn give(&self, buf: Vec<f64>) {
        if buf.len() == self.cells {
            self.free.lock().unwrap_or_else(|p| p.into_inner()).push(buf);
        }
    }
}
