//! The mails held in the queue, in arrival order, in bounded memory: 16 bytes
//! a held mail, in chunks of `CHUNK_MAILS` (a `VecDeque` of 32-byte entries
//! doubled its buffer as the queue grew: 5,000,000 mails held in one day took
//! about 545 MB of wasm memory, old and new buffers together, against the
//! 256 MB bound we keep; chunks grow by one chunk at a time and are freed as
//! the queue drains).

use std::collections::VecDeque;

/// Mails per chunk (ours: 64 KiB chunks, a small fraction of a large queue).
pub(super) const CHUNK_MAILS: usize = 4096;

/// Bytes a held mail takes (`PackedMail`), for the memory model.
#[cfg(test)]
pub(super) const HELD_MAIL_BYTES: usize = std::mem::size_of::<PackedMail>();

/// A held mail as the engine reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct HeldMail {
    pub id: u64,
    pub stream: usize,
    pub index: u64,
    pub created: i64,
}

/// A held mail as kept: ids and indices below 2³² (a scenario has at most
/// `MAX_SCENARIO_MAILS` mails and `MAX_LOG_LINES` log lines), at most
/// `MAX_STREAMS` streams (< 2¹⁶), and the arrival in seconds after the
/// queue's origin (a run spans at most 400 days past its start, < 2³² s).
#[derive(Debug, Clone, Copy)]
struct PackedMail {
    id: u32,
    index: u32,
    created: u32,
    stream: u16,
}

/// Packed mails in chunks, first in first out.
#[derive(Debug, Default)]
struct Chunks {
    chunks: VecDeque<VecDeque<PackedMail>>,
    len: usize,
}

impl Chunks {
    fn push_back(&mut self, packed: PackedMail) {
        match self.chunks.back_mut() {
            Some(chunk) if chunk.len() < CHUNK_MAILS => chunk.push_back(packed),
            _ => {
                let mut chunk = VecDeque::with_capacity(CHUNK_MAILS);
                chunk.push_back(packed);
                self.chunks.push_back(chunk);
            }
        }
        self.len += 1;
    }

    fn pop_front(&mut self) -> Option<PackedMail> {
        let chunk = self.chunks.front_mut()?;
        let packed = chunk.pop_front()?;
        if chunk.is_empty() {
            self.chunks.pop_front();
        }
        self.len -= 1;
        Some(packed)
    }

    fn front(&self) -> Option<PackedMail> {
        self.chunks.front().and_then(VecDeque::front).copied()
    }

    /// Moves every mail of `later` behind these, chunk by chunk (no mail is copied).
    fn append(&mut self, later: &mut Chunks) {
        self.chunks.append(&mut later.chunks);
        self.len += later.len;
        later.len = 0;
    }
}

/// The held mails, first in first out, in two parts: the mails an Unblock
/// click put back into distribution (`released`), then the mails still held
/// by the block (`held`). Only `held` mails expire: seed 001 gives the 72 h
/// as the time to act (« se mantendrán en espera durante 72 h. Durante este
/// periodo de tiempo podrá, bien desbloquear el envío, bien eliminar los
/// mensajes ») and says what an unblock does to every mail held then (« Los
/// mensajes que estuvieran bloqueados volverán a entrar en la cola de
/// distribución »; seed 002 « seront également remis en distribution »).
/// Every released mail arrived before every held one, so the two parts
/// together stay in arrival order.
#[derive(Debug)]
pub(super) struct HeldQueue {
    /// Arrivals are kept as seconds after this (the run's start).
    origin: i64,
    released: Chunks,
    held: Chunks,
}

impl HeldQueue {
    pub fn new(origin: i64) -> HeldQueue {
        HeldQueue { origin, released: Chunks::default(), held: Chunks::default() }
    }

    pub fn len(&self) -> usize {
        self.released.len + self.held.len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Chunks allocated (each `CHUNK_MAILS` mails): the memory the queue holds.
    #[cfg(test)]
    pub fn chunks(&self) -> usize {
        self.released.chunks.len() + self.held.chunks.len()
    }

    pub fn push_back(&mut self, mail: HeldMail) {
        // The scenario limits keep every field in range (see `PackedMail`); a
        // value out of range saturates rather than wrapping.
        let packed = PackedMail {
            id: u32::try_from(mail.id).unwrap_or(u32::MAX),
            index: u32::try_from(mail.index).unwrap_or(u32::MAX),
            created: u32::try_from(mail.created.saturating_sub(self.origin).max(0)).unwrap_or(u32::MAX),
            stream: u16::try_from(mail.stream).unwrap_or(u16::MAX),
        };
        self.held.push_back(packed);
    }

    /// The next mail to send: the released ones first.
    pub fn pop_front(&mut self) -> Option<HeldMail> {
        let packed = self.released.pop_front().or_else(|| self.held.pop_front())?;
        Some(self.unpack(packed))
    }

    /// The oldest mail still held by the block: the next to expire.
    pub fn oldest_held(&self) -> Option<HeldMail> {
        self.held.front().map(|packed| self.unpack(packed))
    }

    /// Takes the oldest mail still held by the block (it expired).
    pub fn pop_oldest_held(&mut self) -> Option<HeldMail> {
        let packed = self.held.pop_front()?;
        Some(self.unpack(packed))
    }

    /// An Unblock click: every mail held now is back in distribution and no
    /// longer expires.
    pub fn release_all(&mut self) {
        self.released.append(&mut self.held);
    }

    /// A Block click before the unblock took effect (the unblock never does):
    /// the released mails are held again, from their arrival.
    pub fn hold_all(&mut self) {
        self.released.append(&mut self.held);
        std::mem::swap(&mut self.released, &mut self.held);
    }

    fn unpack(&self, packed: PackedMail) -> HeldMail {
        HeldMail {
            id: u64::from(packed.id),
            stream: usize::from(packed.stream),
            index: u64::from(packed.index),
            created: self.origin + i64::from(packed.created),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_come_out_in_arrival_order_with_their_fields() {
        let mut queue = HeldQueue::new(1_000);
        for i in 0..(CHUNK_MAILS as u64 * 2 + 5) {
            queue.push_back(HeldMail { id: i * 3, stream: (i % 7) as usize, index: i, created: 1_000 + i as i64 });
        }
        assert_eq!(queue.chunks(), 3);
        assert_eq!(queue.oldest_held().map(|m| m.created), Some(1_000));
        for i in 0..(CHUNK_MAILS as u64 * 2 + 5) {
            let mail = queue.pop_front().expect("held");
            assert_eq!(mail, HeldMail { id: i * 3, stream: (i % 7) as usize, index: i, created: 1_000 + i as i64 });
        }
        assert!(queue.is_empty() && queue.chunks() == 0 && queue.pop_front().is_none());
    }

    #[test]
    fn a_held_mail_takes_sixteen_bytes_and_the_queue_grows_by_chunks() {
        assert_eq!(HELD_MAIL_BYTES, 16);
        let mut queue = HeldQueue::new(0);
        for i in 0..100_000u64 {
            queue.push_back(HeldMail { id: i, stream: 0, index: i, created: 0 });
        }
        assert_eq!(queue.chunks(), 100_000usize.div_ceil(CHUNK_MAILS));
    }
}
