"""scripts/check-links against a local HTTP server this test starts: a healthy page, a redirect, a dead page, and
an Internet Archive stand-in that knows the dead one."""
import csv
import importlib.machinery
import importlib.util
import json
import os
import tempfile
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
loader = importlib.machinery.SourceFileLoader("check_links", os.path.join(HERE, "..", "check-links"))
spec = importlib.util.spec_from_loader("check_links", loader)
check_links = importlib.util.module_from_spec(spec)
loader.exec_module(check_links)


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/ok":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write('<html><head><title>Site | The headline</title><meta property="og:title" content="The  headline ’s">'
                             '</head><body>ok</body></html>'.encode())
        elif url.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif url.path == "/wayback/available":
            asked = parse_qs(url.query)["url"][0]
            closest = {"available": True, "url": f"http://archive.test/web/20260212/{asked}", "timestamp": "20260212093000", "status": "200"}
            body = {"archived_snapshots": {"closest": closest} if asked.endswith("/gone") else {}}
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(body).encode())
        else:
            self.send_response(404)
            self.end_headers()


class CheckLinks(unittest.TestCase):
    def setUp(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.dir.cleanup()

    def run_on(self, sources):
        data = os.path.join(self.dir.name, "data.toml")
        with open(data, "w") as f:
            f.write('[[events]]\nid = "e"\n')
            for s in sources:
                f.write("\n[[events.sources]]\n" + "".join(f'{k} = "{v}"\n' for k, v in s.items()))
        out = os.path.join(self.dir.name, "report.tsv")
        self.assertEqual(check_links.main(["--data", data, "--out", out, "--wayback", self.base, "--timeout", "5"]), 0)
        with open(out, newline="") as f:
            return list(csv.DictReader(f, delimiter="\t"))

    def test_healthy_redirecting_and_dead_pages_are_reported_with_the_nearest_archived_copy(self):
        rows = self.run_on([
            {"url": f"{self.base}/ok", "date": "2026-02-11", "title": "A title"},
            {"url": f"{self.base}/moved", "read_at": f"{self.base}/gone", "date": "2026-02-11"},
        ])
        self.assertEqual([(r["record"], r["field"]) for r in rows],
                         [('event "e", source 1', "url"), ('event "e", source 2', "url"), ('event "e", source 2', "read_at")])
        ok, moved, gone = rows
        self.assertEqual((ok["status"], ok["redirects"], ok["archived_url"]), ("200", "", ""))
        self.assertEqual((ok["page_title"], ok["dataset_title"]), ("The headline ’s", "A title"), "og:title, spaces folded")
        self.assertEqual(moved["page_title"], "The headline ’s", "the headline of the page the redirect ends on")
        self.assertEqual((moved["status"], moved["final_url"]), ("200", f"{self.base}/ok"))
        self.assertEqual(moved["redirects"], f"301 {self.base}/moved")
        self.assertEqual(gone["status"], "404")
        self.assertEqual(gone["archived_url"], f"http://archive.test/web/20260212/{self.base}/gone")
        self.assertEqual(gone["archived_date"], "2026-02-12")

    def test_an_address_nothing_answers_is_reported_not_fatal(self):
        rows = self.run_on([{"url": "http://127.0.0.1:9/nothing"}])
        self.assertNotEqual(rows[0]["status"], "200")
        self.assertEqual(rows[0]["archived_url"], "")


if __name__ == "__main__":
    unittest.main()
