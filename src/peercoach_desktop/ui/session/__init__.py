"""Running a meeting: the Run-session tab, the runner view with its stage bar, timer, prompt cards and
pages, and the protocols dialog. May import `ui.infra`."""
