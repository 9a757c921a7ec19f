"""A real local web server for fetch tests: articles, redirects, images, slow and huge pages."""

from __future__ import annotations

import html
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Rhein-Neckar Bote"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>{paragraphs}</article><footer>(c) 2024</footer></body></html>"""


def article_html(text: str) -> bytes:
    """An article page for `text`: its first line is the headline, the rest paragraphs."""
    title, *body = [line for line in text.splitlines() if line.strip()]
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    return PAGE.format(title=html.escape(title), paragraphs=paragraphs).encode("utf-8")


class ArticleServer:
    """Routes: path -> (status, content type, body, extra headers, delay seconds)."""

    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.hits: list[str] = []
        self.not_modified: list[str] = []  # paths answered 304 to a conditional request
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                server.hits.append(self.path)
                status, content_type, body, headers, delay = server.routes.get(
                    self.path, (404, "text/plain", b"not found", {}, 0))  # fmt: skip
                time.sleep(delay)
                etag = headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:  # a conditional GET
                    server.not_modified.append(self.path)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def add(self, path: str, body: bytes, content_type="text/html; charset=utf-8", *,
            status=200, headers=None, delay=0.0) -> str:  # fmt: skip
        self.routes[path] = (status, content_type, body, headers or {}, delay)
        return self.origin + path

    def redirect(self, path: str, to: str) -> str:
        return self.add(path, b"", "text/plain", status=302, headers={"Location": to})

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
