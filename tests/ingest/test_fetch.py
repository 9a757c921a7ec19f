"""Fetching forwarded links from real local servers: articles, redirects, limits and refusals."""

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ingest.errors import FetchFailed, IngestError, RefusedURL, TooLarge, UnsupportedType
from ingest.fetch import PinnedTransport, fetch_article, fetch_page
from tests.pdf import make_pdf

LOCAL = {"127.0.0.1"}
PUBLIC_IP = "93.184.215.14"  # never connected to: the fake resolvers below decide first
FAST = (1.0, 1.0)

HTML = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Dunedin and Shanghai renew sister city ties</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Dunedin and Shanghai renew sister city ties</h1>
<p>Dunedin and Shanghai have been sister cities since 1994, and the mayor said on Tuesday that
the relationship would deepen with new trade and education agreements between the cities.</p>
<p>The delegation visited the port and the university during a three-day trip, meeting business
leaders from both cities and officials of the regional council.</p></article></body></html>"""
PLAIN = "Chengdu and Perth sign a trade pact\n\nThe two cities agreed to work together.\n"


class Handler(BaseHTTPRequestHandler):
    """Answers the routes the tests ask for and records every request it sees."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.seen.append((self.path, self.headers.get("Host"), self.headers["User-Agent"]))
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            return self.answer(404, "text/html", b"<h1>Not found</h1>")
        route(self)

    def answer(self, status, content_type, body, *, length=True, headers=()):
        """Send a whole response."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # a client may stop reading: the size cap
            self.wfile.write(body)

    def redirect(self, location, status=302):
        """Send a redirect to `location`."""
        self.answer(status, "text/html", b"", headers=[("Location", location)])

    def trickle(self):
        """Send a body one byte at a time, slowly, until the client goes away."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        with contextlib.suppress(OSError):
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)

    def log_message(self, *args):
        """Keep the test output quiet."""


def _loop(handler):
    n = int(handler.path.rsplit("/", 1)[1])
    handler.redirect(f"/loop/{n + 1}")


ROUTES = {
    "/article": lambda h: h.answer(200, "text/html; charset=utf-8", HTML),
    "/plain": lambda h: h.answer(200, "text/plain; charset=utf-8", PLAIN.encode()),
    "/start": lambda h: h.redirect("/middle", 301),
    "/middle": lambda h: h.redirect(f"http://127.0.0.1:{h.server.server_port}/article", 307),
    **{f"/loop/{n}": _loop for n in range(20)},
    "/to-metadata": lambda h: h.redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": lambda h: h.redirect("http://10.0.0.1/admin"),
    "/to-localhost": lambda h: h.redirect(f"http://localhost:{h.server.server_port}/article"),
    "/to-file": lambda h: h.redirect("file:///etc/passwd"),
    "/big": lambda h: h.answer(200, "text/plain", b"word " * 2000),
    "/big-unsized": lambda h: h.answer(200, "text/plain", b"word " * 2000, length=False),
    "/huge": lambda h: h.answer(200, "text/plain", b"x" * (5 * 2**20 + 1)),
    "/slow": Handler.trickle,
    "/photo.png": lambda h: h.answer(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/clip": lambda h: h.answer(200, "video/mp4", bytes(64)),
    "/report": lambda h: h.answer(200, "application/pdf", make_pdf(PLAIN.splitlines())),
    "/archive": lambda h: h.answer(200, "application/zip", b"PK\x03\x04" + bytes(64)),
    "/broken": lambda h: h.answer(500, "text/html", b"oops"),
}


def _serve(context=None):
    """A threaded HTTP server on 127.0.0.1 (TLS when given a context) and its stop function."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.seen = []
    if context:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def server():
    srv = _serve()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(autouse=True)
def _forget_requests(server):
    server.seen.clear()


@pytest.fixture()
def base(server):
    return f"http://127.0.0.1:{server.server_port}"


def fake_dns(*answers):
    """A resolver (the DNS boundary) giving each answer in turn, then repeating the last."""
    queue = list(answers)

    def resolve(host, port):
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return resolve


def no_such_host(host, port):
    """A resolver for which no host exists."""
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


# Pages that are fetched


def test_html_article_is_read_with_its_title(base):
    article = fetch_article(f"{base}/article", allow_hosts=LOCAL)
    assert article.title == "Dunedin and Shanghai renew sister city ties"
    assert "sister cities since 1994" in article.text
    assert article.url == f"{base}/article"


def test_plain_text_is_read(base):
    article = fetch_article(f"{base}/plain", allow_hosts=LOCAL)
    assert article.title == "Chengdu and Perth sign a trade pact"
    assert "work together" in article.text


def test_pdf_is_read_through_the_reader(base):
    article = fetch_article(f"{base}/report", allow_hosts=LOCAL)
    assert article.title == "Chengdu and Perth sign a trade pact"
    assert "work together" in article.text


def test_redirect_chain_ends_at_the_final_url(base, server):
    page = fetch_page(f"{base}/start", allow_hosts=LOCAL)
    assert (page.url, page.final_url) == (f"{base}/start", f"{base}/article")
    assert fetch_article(f"{base}/start", allow_hosts=LOCAL).url == f"{base}/article"
    assert [path for path, _, _ in server.seen[:3]] == ["/start", "/middle", "/article"]


def test_requests_identify_citylink(base, server):
    fetch_page(f"{base}/plain", allow_hosts=LOCAL)
    assert "CityLink" in server.seen[-1][2]


def test_allow_hosts_is_case_insensitive_and_takes_literal_ips(base, server):
    resolve = fake_dns(["127.0.0.1"])
    url = f"http://NEWS.test:{server.server_port}/plain"
    assert fetch_page(url, allow_hosts={"news.TEST"}, resolver=resolve).body.startswith(b"Chengdu")
    assert fetch_page(f"{base}/plain", allow_hosts={" 127.0.0.1 "}).body.startswith(b"Chengdu")


# Addresses that are refused


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:{port}/article", "loopback"),
        ("http://localhost:{port}/article", "loopback"),
        ("http://LocalHost.:{port}/article", "loopback"),
        ("http://api.localhost/", "loopback"),
        ("http://127.1:{port}/article", "loopback"),
        ("http://0x7f000001:{port}/article", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]:{port}/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://metadata.google.internal/computeMetadata/v1/", "cloud metadata"),
        ("http://10.0.0.1/", "private"),
        ("http://192.168.1.1/", "private"),
        ("http://[fc00::1]/", "private"),
        ("http://169.254.1.1/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0:{port}/", "unspecified"),
        ("http://100.64.0.1/", "not a public address"),
        ("http://[2002:7f00:1::]/", "loopback"),  # 6to4 around 127.0.0.1
        ("http://[64:ff9b::a00:1]/", "private"),  # NAT64 around 10.0.0.1
    ],
)
def test_non_public_addresses_are_refused_before_any_request(server, url, why):
    with pytest.raises(RefusedURL) as refused:
        fetch_page(url.format(port=server.server_port), allow_hosts={"news.example"})
    assert why in refused.value.reason
    assert "public internet" in refused.value.reason
    assert server.seen == []


def test_a_hostname_is_refused_when_any_of_its_addresses_is_private(server):
    with pytest.raises(RefusedURL, match="points to 10.0.0.1, a private"):
        fetch_page("http://news.test/", resolver=fake_dns([PUBLIC_IP, "10.0.0.1"]))


def test_rebinding_between_check_and_connect_is_refused(server):
    url = f"http://news.test:{server.server_port}/article"
    with pytest.raises(RefusedURL, match="points to 127.0.0.1, a loopback"):
        fetch_page(url, resolver=fake_dns([PUBLIC_IP], ["127.0.0.1"]))
    assert server.seen == []


def test_connection_goes_to_the_checked_address_with_the_original_host(server):
    url = f"http://news.test:{server.server_port}/plain"
    page = fetch_page(url, allow_hosts={"news.test"}, resolver=fake_dns(["127.0.0.1"]))
    assert page.final_url == url
    assert server.seen[-1][:2] == ("/plain", f"news.test:{server.server_port}")


@pytest.mark.parametrize(
    ("path", "why"),
    [("/to-metadata", "169.254.169.254 is a cloud metadata"),
     ("/to-private", "10.0.0.1 is a private"),
     ("/to-localhost", "localhost is this machine"), ("/to-file", "not file:")],
)  # fmt: skip
def test_redirects_are_checked_like_the_link(base, server, path, why):
    with pytest.raises(RefusedURL, match=why):
        fetch_page(f"{base}{path}", allow_hosts=LOCAL)
    assert [p for p, _, _ in server.seen] == [path]


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "gopher://127.0.0.1:70/_GET", "ftp://example.com/a.txt",
     "data:text/html,<h1>hi</h1>", "javascript:alert(1)"],
)  # fmt: skip
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(RefusedURL, match="only fetches http and https links, not [a-z]+:$"):
        fetch_article(url, allow_hosts=LOCAL)


def test_text_that_is_not_a_link_is_refused():
    with pytest.raises(RefusedURL, match="should start with http:// or https://"):
        fetch_article("example.com/news", allow_hosts=LOCAL)


def test_links_with_credentials_or_no_host_are_refused():
    with pytest.raises(RefusedURL, match="user name or password"):
        fetch_page("http://admin:secret@127.0.0.1/", allow_hosts=LOCAL)
    with pytest.raises(RefusedURL, match="no host"):
        fetch_page("http:///article")


# Limits and failures


def test_too_many_redirects_fail(base, server):
    with pytest.raises(FetchFailed, match=r"redirects too many times \(more than 5\)"):
        fetch_page(f"{base}/loop/0", allow_hosts=LOCAL)
    assert len(server.seen) == 6


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_bodies_over_the_cap_are_refused(base, path):
    with pytest.raises(TooLarge, match="the page is over 1 KB"):
        fetch_article(f"{base}{path}", allow_hosts=LOCAL, max_bytes=1024)


def test_the_default_cap_is_5_mb(base):
    with pytest.raises(TooLarge, match="the page is over 5 MB"):
        fetch_page(f"{base}/huge", allow_hosts=LOCAL)


def test_a_server_that_never_answers_times_out():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # listens, never accepts
        started = time.monotonic()
        with pytest.raises(FetchFailed, match="127.0.0.1 did not answer within 0.3 s"):
            fetch_page(f"http://127.0.0.1:{silent.getsockname()[1]}/", allow_hosts=LOCAL,
                       timeout=(0.3, 0.3))  # fmt: skip
        assert time.monotonic() - started < 2


def test_a_server_that_trickles_forever_is_cut_off(base):
    with pytest.raises(FetchFailed, match="sending the page too slowly"):
        fetch_page(f"{base}/slow", allow_hosts=LOCAL, timeout=(0.1, 0.1))


def test_nothing_listening_fails_to_connect():
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]
    with pytest.raises(FetchFailed, match="could not open a connection to 127.0.0.1"):
        fetch_page(f"http://127.0.0.1:{port}/", allow_hosts=LOCAL, timeout=FAST)


def test_unknown_host_fails_with_its_name():
    with pytest.raises(FetchFailed, match="could not find the site nowhere.invalid"):
        fetch_page("http://nowhere.invalid/", resolver=no_such_host)


@pytest.mark.parametrize(
    ("path", "why"),
    [("/photo.png", "that link is an image, not an article"),
     ("/clip", "that link is a video, not an article"),
     ("/archive", "that link is a file of type application/zip, not an article")],
)  # fmt: skip
def test_media_and_other_binary_types_are_refused(base, path, why):
    with pytest.raises(UnsupportedType, match=why):
        fetch_article(f"{base}{path}", allow_hosts=LOCAL)


@pytest.mark.parametrize(
    ("path", "why"),
    [("/missing", "127.0.0.1 has no such page (HTTP 404)"),
     ("/broken", "127.0.0.1 had a server error (HTTP 500)")],
)  # fmt: skip
def test_http_errors_name_the_status(base, path, why):
    with pytest.raises(FetchFailed) as failed:
        fetch_article(f"{base}{path}", allow_hosts=LOCAL)
    assert failed.value.reason == why


def test_every_failure_is_an_ingest_error_with_a_one_line_reason(base):
    for url in (f"{base}/missing", "file:///etc/passwd", f"{base}/photo.png"):
        with pytest.raises(IngestError) as error:
            fetch_article(url, allow_hosts=LOCAL)
        assert error.value.reason and "\n" not in error.value.reason


# TLS through the pinned transport


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    """A certificate for news.test, a TLS server using it, and a client context trusting it."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=news.test", "-addext",
         "subjectAltName=DNS:news.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server_side = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_side.load_cert_chain(cert, key)
    srv = _serve(server_side)
    yield srv, ssl.create_default_context(cafile=str(cert))
    srv.shutdown()
    srv.server_close()


def test_https_uses_the_hostname_for_sni_and_certificate(tls):
    srv, trust = tls
    transport = PinnedTransport({"news.test"}, resolver=fake_dns(["127.0.0.1"]), verify=trust)
    url = f"https://news.test:{srv.server_port}/article"
    article = fetch_article(url, allow_hosts={"news.test"}, transport=transport)
    assert article.title == "Dunedin and Shanghai renew sister city ties"
    assert srv.seen[-1][1] == f"news.test:{srv.server_port}"


def test_https_to_a_name_the_certificate_does_not_cover_fails(tls):
    srv, trust = tls
    transport = PinnedTransport(LOCAL, verify=trust)
    with pytest.raises(FetchFailed, match="could not open a secure connection to 127.0.0.1"):
        fetch_page(f"https://127.0.0.1:{srv.server_port}/", allow_hosts=LOCAL, transport=transport)
