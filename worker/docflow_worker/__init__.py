"""Docflow's worker. Before anything imports prometheus_client, its multiprocess folder is set up
(docflow_worker.metrics_server)."""

from docflow_worker.metrics_server import prepare as _prepare_metrics

_prepare_metrics()
