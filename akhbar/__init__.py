"""akhbar: pure text logic for turning scraped Arabic news into structured tables.

No Prefect and no output I/O in this package: the flows in ``akhbar.flows`` orchestrate it (that subpackage alone imports Prefect).
"""

__version__ = "0.19.0"
