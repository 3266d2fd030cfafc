"""Build and training scripts for the committed artefacts in ``akhbar/resources/``.

Not used at run time. They read ``../shared/data/`` (or a PyPI package) and need the
``train`` extra; each is run as ``python -m akhbar.training.<script>``."""
