"""Workshop mode in the window: the workshop (roster, present today, pairs) and the room view
for a projector. The decisions live in coaching/workshop; these widgets render and ask."""
