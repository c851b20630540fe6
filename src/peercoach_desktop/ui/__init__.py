"""Qt widgets over core. No SQL and no crypto here: every data call goes through ui.tasks."""
