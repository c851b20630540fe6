"""Workshop mode: a facilitator introduces a whole group to peer coaching in one room.

Pure logic only (no I/O, no Qt): the pairing of participants (`pairing`), reading a roster
pasted or exported from a spreadsheet (`roster`) and the agenda of the hour (`agenda`).
The encrypted workshop notebook lives in storage/workshop_store and vault/workshops."""
