"""Prefect orchestration of the akhbar pipeline: the run flow, the command line, deployments.

The steps themselves live in ``akhbar`` (no Prefect there); these modules only move batches
between them, keep the runs table and serve schedules and triggers."""
