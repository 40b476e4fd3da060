//! Two `f64` lanes, x and y, for the incremental kernel: the same operation
//! on both series in one instruction. SSE2 on x86_64 (part of its baseline,
//! so every x86_64 CPU has it), plain pairs elsewhere. Every operation is the
//! IEEE operation on each lane, so both give the bits of the scalar code.

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::*;

    #[derive(Clone, Copy)]
    pub struct F2(__m128d);
    /// Lane masks (all bits set where true).
    #[derive(Clone, Copy)]
    pub struct M2(__m128d);

    impl F2 {
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn new(x: f64, y: f64) -> F2 {
            F2(_mm_set_pd(y, x))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn splat(v: f64) -> F2 {
            F2(_mm_set1_pd(v))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn x(self) -> f64 {
            _mm_cvtsd_f64(self.0)
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn y(self) -> f64 {
            _mm_cvtsd_f64(_mm_unpackhi_pd(self.0, self.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn add(self, o: F2) -> F2 {
            F2(_mm_add_pd(self.0, o.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn sub(self, o: F2) -> F2 {
            F2(_mm_sub_pd(self.0, o.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn mul(self, o: F2) -> F2 {
            F2(_mm_mul_pd(self.0, o.0))
        }
        /// `if self > o { self } else { o }` per lane (`maxpd`).
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn max(self, o: F2) -> F2 {
            F2(_mm_max_pd(self.0, o.0))
        }
        /// `self` where `m`, else +0.0.
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn keep(self, m: M2) -> F2 {
            F2(_mm_and_pd(m.0, self.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn eq(self, o: F2) -> M2 {
            M2(_mm_cmpeq_pd(self.0, o.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn le(self, o: F2) -> M2 {
            M2(_mm_cmple_pd(self.0, o.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn lt(self, o: F2) -> M2 {
            M2(_mm_cmplt_pd(self.0, o.0))
        }
    }

    impl M2 {
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn or(self, o: M2) -> M2 {
            M2(_mm_or_pd(self.0, o.0))
        }
        /// `self && !o` per lane.
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn unless(self, o: M2) -> M2 {
            M2(_mm_andnot_pd(o.0, self.0))
        }
        #[inline]
        #[target_feature(enable = "sse2")]
        pub fn any(self) -> bool {
            _mm_movemask_pd(self.0) != 0
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod imp {
    #[derive(Clone, Copy)]
    pub struct F2([f64; 2]);
    #[derive(Clone, Copy)]
    pub struct M2([bool; 2]);

    #[inline(always)]
    fn each(a: [f64; 2], b: [f64; 2], f: impl Fn(f64, f64) -> f64) -> [f64; 2] {
        [f(a[0], b[0]), f(a[1], b[1])]
    }
    #[inline(always)]
    fn test(a: [f64; 2], b: [f64; 2], f: impl Fn(f64, f64) -> bool) -> M2 {
        M2([f(a[0], b[0]), f(a[1], b[1])])
    }

    impl F2 {
        #[inline(always)]
        pub fn new(x: f64, y: f64) -> F2 {
            F2([x, y])
        }
        #[inline(always)]
        pub fn splat(v: f64) -> F2 {
            F2([v, v])
        }
        #[inline(always)]
        pub fn x(self) -> f64 {
            self.0[0]
        }
        #[inline(always)]
        pub fn y(self) -> f64 {
            self.0[1]
        }
        #[inline(always)]
        pub fn add(self, o: F2) -> F2 {
            F2(each(self.0, o.0, |a, b| a + b))
        }
        #[inline(always)]
        pub fn sub(self, o: F2) -> F2 {
            F2(each(self.0, o.0, |a, b| a - b))
        }
        #[inline(always)]
        pub fn mul(self, o: F2) -> F2 {
            F2(each(self.0, o.0, |a, b| a * b))
        }
        /// `if self > o { self } else { o }` per lane.
        #[inline(always)]
        pub fn max(self, o: F2) -> F2 {
            F2(each(self.0, o.0, |a, b| if a > b { a } else { b }))
        }
        /// `self` where `m`, else +0.0.
        #[inline(always)]
        pub fn keep(self, m: M2) -> F2 {
            F2([if m.0[0] { self.0[0] } else { 0.0 }, if m.0[1] { self.0[1] } else { 0.0 }])
        }
        #[inline(always)]
        pub fn eq(self, o: F2) -> M2 {
            test(self.0, o.0, |a, b| a == b)
        }
        #[inline(always)]
        pub fn le(self, o: F2) -> M2 {
            test(self.0, o.0, |a, b| a <= b)
        }
        #[inline(always)]
        pub fn lt(self, o: F2) -> M2 {
            test(self.0, o.0, |a, b| a < b)
        }
    }

    impl M2 {
        #[inline(always)]
        pub fn or(self, o: M2) -> M2 {
            M2([self.0[0] | o.0[0], self.0[1] | o.0[1]])
        }
        /// `self && !o` per lane.
        #[inline(always)]
        pub fn unless(self, o: M2) -> M2 {
            M2([self.0[0] & !o.0[0], self.0[1] & !o.0[1]])
        }
        #[inline(always)]
        pub fn any(self) -> bool {
            self.0[0] | self.0[1]
        }
    }
}

pub use imp::F2;
