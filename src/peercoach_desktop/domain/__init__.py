"""The peer-coaching domain as pure Python: records (goals, sessions, notes, next steps), the hybrid
logical clock, ids, the error tree, the merge of two partners' records, the session timer's state
machine, the curious-stance nudge and follow-through on next steps. No I/O, no Qt; imports nothing
of ours outside this package, so every other layer may build on it."""
