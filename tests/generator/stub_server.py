#!/usr/bin/env python3
"""A stub of the grading MES for the generator's fixture test: answers every POST with
``{"state": 1, "msg": "ok", "resBody": <the request body>}`` and appends one JSON line per
request (path, datasource header, body) to the log file given as its argument. Prints
``URL=http://127.0.0.1:<port>`` once it listens; stops when its standard input closes."""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = sys.argv[1]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
        with lock, open(LOG, "a", encoding="utf-8") as f:
            entry = {"path": self.path, "datasource": self.headers.get("x-request-datasource"), "body": body}
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        answer = json.dumps({"state": 1, "msg": "ok", "resBody": body}, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
print("URL=http://127.0.0.1:%d" % server.server_address[1], flush=True)
sys.stdin.read()
server.shutdown()
