"""Operating tenure: Prometheus metrics, health and readiness probes, request ids and JSON logs.

Small modules behind this package: `metrics` (the series and how they are recorded),
`multiprocess` (metrics shared by several server processes), `database_gauges` (what /metrics reads
from the database at scrape time), `requests` (the ASGI middleware timing each request and giving it
an id), `logs` (JSON log lines carrying that id) and `routes` (/metrics, /healthz, /readyz).
"""
