"""`wirecoder serve`: the HTTP API and dashboard over a store, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from wirecoder.store import StoreBusy


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost' - the addresses only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_cmd(db: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Serve the store at `db` read-only until interrupted; exit code 1 when it cannot be opened."""
    import uvicorn

    from wirecoder.api import LOOPBACK_HOSTS, create_app

    # Bound to loopback, only loopback Host headers are accepted (DNS-rebinding guard); a public bind is a
    # deliberate choice, so any Host is accepted then.
    allowed = [*LOOPBACK_HOSTS, host] if is_loopback(host) else ["*"]
    try:
        app = create_app(db, allowed_hosts=allowed)
    except (FileNotFoundError, StoreBusy) as exc:
        print(f"wirecoder serve: {exc}", file=sys.stderr)
        return 1
    if not is_loopback(host):
        print(
            f"wirecoder serve: warning: listening on {host}, reachable from other machines", file=sys.stderr
        )
    print(
        f"wirecoder: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/docs",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        limit_concurrency=200,  # beyond this uvicorn answers 503 instead of queueing without bound
        timeout_keep_alive=5,
        server_header=False,
    )
    return 0
