"""gunicorn settings for production: `gunicorn trustcenter.wsgi` reads this file.

Workers: sync workers, (2 x CPU cores) + 1 by default, gunicorn's rule of thumb for requests
that wait on PostgreSQL and Redis; set WEB_CONCURRENCY to override. Each worker holds one
database connection (DATABASE_CONN_MAX_AGE keeps it open between requests).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Workers are not recycled by default: a restart costs a second of imports, which cached pages
# served at thousands a second would pay every few seconds. GUNICORN_MAX_REQUESTS sets a limit.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
