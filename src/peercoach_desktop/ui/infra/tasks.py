"""One worker thread owns the notebooks; the GUI thread only asks and gets answers.

`Tasks.run(job, on_done, on_error)` runs `job()` on the worker and calls back on the
GUI thread. Jobs run one at a time, in order, so the SQLCipher connections are
never used from two threads at once.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

# While the worker runs Python (decoding a sync file line by line), the GUI thread waits up
# to the interpreter's switch interval for the GIL each time it wakes (5 ms by default, and
# a repaint wakes it many times): 1 ms keeps an import's longest stall near a frame, not
# several (measured in bench/bench_scale.py, "longest GUI stall").
GIL_SWITCH_SECONDS = 0.001

Job = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Executor(QObject):
    finished = Signal(object, object, object)  # ticket, result, error

    @Slot(object)
    def execute(self, ticket: tuple[Job, Done | None, Failed | None]) -> None:
        try:
            result = ticket[0]()
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.finished.emit(ticket, None, exc)
        else:
            self.finished.emit(ticket, result, None)


class Tasks(QObject):
    _submit = Signal(object)
    failed = Signal(object)  # errors of jobs that gave no on_error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("notebook-worker")
        self._executor = _Executor()
        self._executor.moveToThread(self._thread)
        self._submit.connect(self._executor.execute)
        self._executor.finished.connect(self._deliver)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_SECONDS))
        self._thread.start()
        self.pending = 0

    def run(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        self.pending += 1
        self._submit.emit((job, on_done, on_error))

    def run_and_wait(self, job: Job, timeout_s: float = 10.0) -> Any:
        """For closing and locking: finish a save before the window goes away."""
        event = threading.Event()
        box: dict[str, Any] = {}

        def wrapped() -> None:
            try:
                box["result"] = job()
            except BaseException as exc:
                box["error"] = exc
            finally:
                event.set()

        self.run(wrapped)
        if not event.wait(timeout_s):
            raise TimeoutError("the notebook worker did not answer")
        if "error" in box:
            raise box["error"]
        return box.get("result")

    @Slot(object, object, object)
    def _deliver(self, ticket: tuple[Job, Done | None, Failed | None], result: Any, error: Any) -> None:
        self.pending -= 1
        _job, on_done, on_error = ticket
        if error is not None:
            (on_error or self.failed.emit)(error)
        elif on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait()
