#!/usr/bin/env python3
"""Opens an HTML page in headless Chromium over the DevTools protocol (a --remote-debugging-pipe,
so no port is opened) and fails when the page logs any console error or warning, throws, or asks
for anything over the network; optionally saves a screenshot of the whole page.

usage: page_check.py PAGE.html [--screenshot FILE.png] [--width PX]
exit: 0 clean, 1 the page misbehaved (each problem on stderr), 2 the browser could not be driven.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT_S = 60


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="vis-chromium-")
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        os.set_inheritable(to_r, True)
        os.set_inheritable(from_w, True)

        def fds():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox",
             "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-extensions", "--hide-scrollbars",
             "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=fds,
            close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.out = os.fdopen(to_w, "wb", buffering=0)
        self.inp = os.fdopen(from_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        wanted = self.next_id
        while True:
            reply = self.read()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return True
            self.events.append(self.read())
        return False

    def drain(self, seconds):
        """Collects the events that arrive within the next seconds (a no-op command as a tick)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.send("Browser.getVersion")
            time.sleep(0.1)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def problems(events, page_url):
    found = []
    for event in events:
        method = event.get("method")
        params = event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            found.append("script error: " + str(text))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            found.append("console " + params["type"] + ": " + args)
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            found.append("console " + entry["level"] + " (" + entry.get("source", "") + "): " + entry.get("text", "") + " " + entry.get("url", ""))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url != page_url:
                found.append("network request: " + url)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--screenshot")
    parser.add_argument("--width", type=int, default=1200)
    args = parser.parse_args()
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not binary:
        print("page_check: no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    page_url = pathlib.Path(args.page).resolve().as_uri()
    browser = Browser(binary)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                     session=session)
        browser.events.clear()
        browser.send("Page.navigate", {"url": page_url}, session=session)
        if not browser.wait_for("Page.loadEventFired", TIMEOUT_S):
            print("page_check: " + args.page + " did not load within " + str(TIMEOUT_S) + " s", file=sys.stderr)
            return 2
        browser.drain(1.0)
        found = problems(browser.events, page_url)
        if args.screenshot:
            shot = browser.send("Page.captureScreenshot",
                                {"format": "png", "captureBeyondViewport": True}, session=session)
            pathlib.Path(args.screenshot).parent.mkdir(parents=True, exist_ok=True)
            pathlib.Path(args.screenshot).write_bytes(base64.b64decode(shot["data"]))
    except RuntimeError as e:
        print("page_check: cannot drive " + binary + ": " + str(e), file=sys.stderr)
        return 2
    finally:
        browser.close()
    for problem in found:
        print(args.page + ": " + problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
