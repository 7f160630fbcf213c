//! The bundled demo feeds (assets/demo/): `akhbar --demo`, and the offline fallback.
//!
//! SKELETON — replaced by the demo-content work.

use crate::entities::Recognizer;
use crate::store::Store;

/// Load every bundled demo feed into `store`; returns how many articles were stored.
pub fn load_into(_store: &mut Store, _rec: &Recognizer) -> anyhow::Result<usize> {
    Ok(0)
}
