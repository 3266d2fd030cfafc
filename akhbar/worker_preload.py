"""Imported once by the executor's forkserver (``akhbar.executors``), before any worker
forks from it: the models, word lists and gazetteers the steps need are loaded here, so
that the worker processes share their pages copy-on-write instead of each loading its
own copy (as spawned workers did).

What to load comes in ``AKHBAR_WORKER_PRELOAD`` (set by the executor when it starts the
forkserver): ``crf+bilstm``, ``crf``, ``none`` (gazetteers and rules only) or empty
(nothing).  A small built-in article goes through every step, which loads every lazily
loaded resource; the garbage collector then freezes what is loaded (``gc.freeze``): its
collections in the workers do not write to those objects' pages, which would unshare
them.  A failure here only costs the sharing: workers load what they need themselves.
"""

from __future__ import annotations

import gc
import os

ENV = "AKHBAR_WORKER_PRELOAD"
SPECS = {"crf+bilstm": (True, True), "crf": (True, False), "none": (False, False)}

_TEXT = """وزير الخارجية يلتقي نظيره في الرياض
الرياض - واس
قال وزير الخارجية الأمريكي جون كيري يوم الاثنين 20 يوليو 2015 في الرياض إن أكثر من 600 ألف جندي
شاركوا في التدريبات، وأضاف أن منظمة الأمم المتحدة «ستواصل دعمها» للمملكة العربية السعودية.
وبحسب مصادر مطلعة فإن الاجتماع استمر ثلاث ساعات بحضور 12 مسؤولا من وزارة الدفاع.
"""


def warm_up(spec: str) -> None:
    """Run the steps of a ``spec`` run over one small article (loads what they load)."""
    if spec not in SPECS:
        return
    use_model, bilstm = SPECS[spec]
    from akhbar.ingest import RawInput, ingest_inputs
    from akhbar.pipeline import DocState
    from akhbar.steps import build_steps, run_steps

    docs, _ = ingest_inputs([RawInput("<worker warm-up>", "txt", _TEXT.encode(), "warmup")])
    run_steps(build_steps(None, use_model, bilstm), [DocState(doc_id, doc) for doc_id, doc in docs])


try:
    warm_up(os.environ.get(ENV, ""))
except Exception:  # noqa: BLE001 - an error here must not stop the forkserver
    pass
gc.collect()
gc.freeze()
