"""A movement's reference as it reads now.

A movement carries the number of the document that posted it (``source_ref``) and is never changed. When a sync
renumbers a document of this desk whose movements were already written (its number was taken on the hub), the new
number is recorded in ``movement_refs`` by (device, old number), see ``persistence/sync/local.py``; every reader
that finds a document's movements by its number goes through these two helpers.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from persistence import tables as t

_R = t.movement_refs


def ref_of(movements=t.movements):
    """The reference of each row of ``movements`` (the table or an alias of it): the number its document was
    renumbered to, else the one it was written with.

    A renumbering is kept by (device, old number). A file copied to a second PC keeps the device id, so a movement
    the other copy wrote under the same number comes in with it: such a pulled movement is pinned by its own id
    (``persistence.sync.local.pin_pulled_refs``) and reads as the hub has it."""
    pin = _R.alias("pin")
    pinned = (select(pin.c.new_ref).where(pin.c.device_id == movements.c.id, pin.c.old_ref == movements.c.source_ref)
              .correlate(movements).scalar_subquery())
    renamed = select(func.coalesce(pinned, _R.c.new_ref)).where(
        _R.c.device_id == movements.c.device_id, _R.c.old_ref == movements.c.source_ref).scalar_subquery()
    return func.coalesce(renamed, movements.c.source_ref)  # a pin is looked for only where a renumbering is


def written_as(refs: list[str], movements=t.movements):
    """A condition that holds for every movement whose reference reads as one of ``refs`` (and for a few more that
    were written with one of them and renumbered since: compare ``ref_of`` too). Uses the index on source_ref."""
    return or_(movements.c.source_ref.in_(refs),
               movements.c.source_ref.in_(select(_R.c.old_ref).where(_R.c.new_ref.in_(refs))))
