//! Generation-checked handle registry: the ids the C ABI hands out.
//!
//! An id is a positive `i32`: the slot index + 1 in the low 16 bits and the slot's
//! generation in the next 15. A closed slot bumps its generation, so an old id never
//! reaches the object that reuses the slot. `get` returns an `Arc` that keeps the object
//! alive for the length of a call, so closing while another thread is inside a call is safe:
//! the object is dropped when that call returns.

use parking_lot::Mutex;
use std::sync::Arc;

const INDEX_BITS: u32 = 16;
const MAX_SLOTS: usize = (1 << INDEX_BITS) - 1;
const GEN_MASK: u32 = 0x7FFF;

struct Slot<T> {
    generation: u32,
    value: Option<Arc<T>>,
}

pub struct Registry<T> {
    inner: Mutex<Inner<T>>,
}

struct Inner<T> {
    slots: Vec<Slot<T>>,
    free: Vec<usize>,
}

impl<T> Default for Registry<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> Registry<T> {
    pub const fn new() -> Self {
        Registry {
            inner: Mutex::new(Inner {
                slots: Vec::new(),
                free: Vec::new(),
            }),
        }
    }

    /// Stores `value` and returns its id, or `None` when 65,535 handles are open.
    pub fn insert(&self, value: T) -> Option<i32> {
        let mut inner = self.inner.lock();
        let index = match inner.free.pop() {
            Some(i) => i,
            None if inner.slots.len() < MAX_SLOTS => {
                inner.slots.push(Slot {
                    generation: 1,
                    value: None,
                });
                inner.slots.len() - 1
            }
            None => return None,
        };
        let slot = &mut inner.slots[index];
        slot.value = Some(Arc::new(value));
        Some(((slot.generation << INDEX_BITS) | (index as u32 + 1)) as i32)
    }

    /// The object behind `id`, if `id` is open.
    pub fn get(&self, id: i32) -> Option<Arc<T>> {
        let (index, generation) = split(id)?;
        let inner = self.inner.lock();
        let slot = inner.slots.get(index)?;
        if slot.generation != generation {
            return None;
        }
        slot.value.clone()
    }

    /// Closes `id` and returns its object (dropped once the last in-flight call ends).
    pub fn remove(&self, id: i32) -> Option<Arc<T>> {
        let (index, generation) = split(id)?;
        let mut inner = self.inner.lock();
        let slot = inner.slots.get_mut(index)?;
        if slot.generation != generation {
            return None;
        }
        let value = slot.value.take()?;
        slot.generation = (slot.generation % GEN_MASK) + 1;
        inner.free.push(index);
        Some(value)
    }

    /// Open handles.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        let inner = self.inner.lock();
        inner.slots.len() - inner.free.len()
    }
}

fn split(id: i32) -> Option<(usize, u32)> {
    if id <= 0 {
        return None;
    }
    let id = id as u32;
    let index = (id & ((1 << INDEX_BITS) - 1)) as usize;
    (index > 0).then(|| (index - 1, id >> INDEX_BITS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_positive_and_stale_ids_fail() {
        let r = Registry::new();
        let a = r.insert("a").unwrap();
        assert!(a > 0);
        assert_eq!(*r.get(a).unwrap(), "a");
        assert!(r.remove(a).is_some());
        assert!(r.get(a).is_none(), "closed id still answers");
        assert!(r.remove(a).is_none(), "double close succeeded");
        let b = r.insert("b").unwrap();
        assert_ne!(a, b, "reused slot got the same id");
        assert!(r.get(a).is_none(), "stale id reaches the new object");
        assert_eq!(*r.get(b).unwrap(), "b");
        for bad in [0, -1, i32::MIN, 0x7FFF_0000, 12345] {
            assert!(r.get(bad).is_none());
        }
    }

    #[test]
    fn object_outlives_close_while_in_use() {
        let r = Registry::new();
        let id = r.insert(String::from("x")).unwrap();
        let held = r.get(id).unwrap();
        r.remove(id);
        assert_eq!(*held, "x");
        assert_eq!(r.len(), 0);
    }
}
