-- Seats held by pending reservations whose hold has run out, per slot: what
-- every availability row subtracts (slotstore's view columns) and what a
-- booking releases under the slot lock before it counts seats. With only
-- reservations_live_by_slot, each of those visited every paid and pending
-- reservation of the slot to find the few due holds, and the cost of a
-- popular departure grew with its sales; reservations_holds_due orders by
-- time across all slots, which serves the expiry job but not one slot.
-- Here the scan reads exactly the due holds of the slot, in a generic plan
-- (hold_expires_at <= $n) as well as in a custom one.
CREATE INDEX reservations_pending_by_slot ON reservations (slot_id, hold_expires_at)
    WHERE status = 'pending_payment';
