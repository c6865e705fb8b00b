//! Lengths as types. Layout works in millimetres from the top-left corner of the page (the
//! regulations speak millimetres); type sizes are points. Keeping them apart in the type
//! system is what stops a 14 pt size from being used as a 14 mm offset.

use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// Millimetres per PostScript point (1 pt = 1/72 inch).
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// A length in millimetres.
#[derive(
    Debug, Clone, Copy, PartialEq, PartialOrd, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Mm(pub f32);

/// A length in PostScript points.
#[derive(
    Debug, Clone, Copy, PartialEq, PartialOrd, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Pt(pub f32);

impl Mm {
    pub const ZERO: Mm = Mm(0.0);

    pub fn to_pt(self) -> Pt {
        Pt(self.0 / MM_PER_PT)
    }

    pub fn max(self, other: Mm) -> Mm {
        Mm(self.0.max(other.0))
    }

    pub fn min(self, other: Mm) -> Mm {
        Mm(self.0.min(other.0))
    }
}

impl Pt {
    pub fn to_mm(self) -> Mm {
        Mm(self.0 * MM_PER_PT)
    }
}

impl From<Pt> for Mm {
    fn from(p: Pt) -> Mm {
        p.to_mm()
    }
}

macro_rules! arithmetic {
    ($t:ident) => {
        impl Add for $t {
            type Output = $t;
            fn add(self, o: $t) -> $t {
                $t(self.0 + o.0)
            }
        }
        impl Sub for $t {
            type Output = $t;
            fn sub(self, o: $t) -> $t {
                $t(self.0 - o.0)
            }
        }
        impl AddAssign for $t {
            fn add_assign(&mut self, o: $t) {
                self.0 += o.0;
            }
        }
        impl SubAssign for $t {
            fn sub_assign(&mut self, o: $t) {
                self.0 -= o.0;
            }
        }
        impl Mul<f32> for $t {
            type Output = $t;
            fn mul(self, k: f32) -> $t {
                $t(self.0 * k)
            }
        }
        impl Div<f32> for $t {
            type Output = $t;
            fn div(self, k: f32) -> $t {
                $t(self.0 / k)
            }
        }
        impl Neg for $t {
            type Output = $t;
            fn neg(self) -> $t {
                $t(-self.0)
            }
        }
    };
}

arithmetic!(Mm);
arithmetic!(Pt);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_and_millimetres() {
        assert!((Pt(72.0).to_mm().0 - 25.4).abs() < 1e-4);
        assert!((Mm(25.4).to_pt().0 - 72.0).abs() < 1e-3);
        assert_eq!(Mm(1.0) + Mm(2.0) * 2.0, Mm(5.0));
    }
}
