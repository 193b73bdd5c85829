#!/usr/bin/env python3
"""Load clients and summaries for bench/cluster (Python 3 standard library only).

  read      threads of keep-alive GETs until a stop file appears or a deadline; one JSON line per request
  write     uploads one after the other, each to its own period with its own value; one JSON line per upload
  converge  polls each replica's own port until it serves an expected figure; prints JSON {port: ms or null}
  summarize reads' or writes' JSON lines -> a JSON summary (status counts, p50/p99, errors, backwards figures...)
  lb        HAProxy's view, from its stats socket: each server's status and health-check DOWN count, retries
  watch     polls the stats socket every 20 ms until a server has a status (UP, DOWN); prints when (epoch seconds)

Every request has a timeout and every loop a deadline, so nothing here can wait forever.
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

SIGNAL = "github_topic_developers"
# The mixed reads (stored rankings, a score, a category listing, a series, a technology), shared with wrk's script.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cluster-paths.txt")) as paths:
    MIXED = [line.strip() for line in paths if line.strip()]


def connection(base, timeout):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)


def request(conn, method, path, headers, body=None):
    """One request on a keep-alive connection: (status, headers dict lower-cased, body bytes)."""
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


def topic_share(body):
    """rawShare of the GitHub-topic signal in a score read."""
    signals = json.loads(body)["signals"]
    return next(s for s in signals if s["signal"] == SIGNAL)["rawShare"]


def stop_now(stop_file, deadline):
    return time.time() >= deadline or (stop_file and os.path.exists(stop_file))


def read(args):
    records, lock = [], threading.Lock()
    deadline = time.time() + args.seconds
    paths = [args.score] if args.monotonic else MIXED

    def reader(number):
        conn = connection(args.url, args.timeout)
        etag, last, highest, mine = None, None, None, []
        i = number
        while not stop_now(args.stop_file, deadline):
            path = paths[i % len(paths)]
            i += 1
            headers = {"X-API-Key": args.key} if args.key else {}
            if args.monotonic and etag:
                headers["If-None-Match"] = etag
            started = time.time()
            record = {"t": started, "path": path, "status": 0, "error": None}
            try:
                status, answer, body = request(conn, "GET", path, headers)
                record["status"] = status
                record["server"] = answer.get("x-cluster-server")
                if status == 503:
                    record["retry_after"] = answer.get("retry-after")
                if args.monotonic and status == 200:
                    share = topic_share(body)
                    etag, last = answer.get("etag"), share
                    record["share"] = share
                    # Backwards: a smaller figure than one this reader has already seen (uploads only go up).
                    if highest is not None and share < highest * (1 - 1e-9):
                        record["back"] = True
                    highest = share if highest is None else max(highest, share)
                elif args.monotonic and status == 304:
                    record["share"] = last
            except Exception as e:  # connection refused or reset, timeout, bad body: all count as failed
                record["error"] = type(e).__name__ + (": " + str(e) if str(e) else "")
                conn.close()
                conn = connection(args.url, args.timeout)
            record["ms"] = (time.time() - started) * 1000
            mine.append(record)
            if args.pause:
                time.sleep(args.pause / 1000)
        conn.close()
        with lock:
            records.extend(mine)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.seconds + args.timeout + 5)
    with open(args.out, "w") as out:
        for r in sorted(records, key=lambda r: r["t"]):
            out.write(json.dumps(r) + "\n")


def period(index):
    """Distinct quarters, one per upload: 1960-Q1, 1960-Q2, ... (250 of them end in 2022, not in the future)."""
    return "%d-Q%d" % (1960 + index // 4, index % 4 + 1)


def write(args):
    """One upload every --every seconds, each on its own thread, so that an upload left hanging (a write waiting for
    a recompute when the primary goes away) does not hold back the ones after it. With --recover N it stops once N
    uploads sent after the last failing one have answered 201."""
    deadline = time.time() + args.seconds
    records, lock, threads = [], threading.Lock(), []
    out = open(args.out, "w")

    def upload(i, started):
        p, value = period(args.first_period + i), round(args.base_value + i * args.step, 12)
        body = "signal,technology,period,value\n%s,nestjs,%s,%r\n" % (SIGNAL, p, value)
        record = {"i": i, "t": started, "period": p, "value": value, "status": 0, "error": None}
        conn = connection(args.url, args.timeout)
        try:
            status, answer, data = request(conn, "POST", "/api/v1/ingestions", {
                "X-API-Key": args.key, "Content-Type": "text/csv"}, body.encode())
            record["status"] = status
            record["retry_after"] = answer.get("retry-after")
            record["server"] = answer.get("x-cluster-server")
            if status == 201:
                record["id"] = json.loads(data)["id"]
            else:
                record["body"] = data[:300].decode("utf-8", "replace")
        except Exception as e:
            record["error"] = type(e).__name__ + (": " + str(e) if str(e) else "")
        finally:
            conn.close()
        record["ms"] = (time.time() - started) * 1000
        with lock:
            records.append(record)
            out.write(json.dumps(record) + "\n")
            out.flush()

    def recovered():
        with lock:
            failed = [r["t"] for r in records if r["status"] != 201]
            return failed and sum(1 for r in records if r["status"] == 201 and r["t"] > max(failed)) >= args.recover

    for i in range(args.max_uploads):
        if stop_now(args.stop_file, deadline) or (args.recover and recovered()):
            break
        started = time.time()
        if sum(1 for t in threads if t.is_alive()) < args.max_in_flight:
            thread = threading.Thread(target=upload, args=(i, started))
            thread.start()
            threads.append(thread)
        time.sleep(max(0.0, args.every - (time.time() - started)))
    for thread in threads:
        thread.join(args.timeout + 5)
    out.close()


def converge(args):
    """Each replica polled on its own port until it serves the expected figure, then read a few more times: a
    replica that goes back to the old figure afterwards is reported as such."""
    result, lock = {}, threading.Lock()
    deadline = args.since + args.timeout

    def poll(port):
        conn = connection("http://127.0.0.1:%s" % port, 5)
        served, back = None, 0
        while time.time() < deadline:
            try:
                status, _, body = request(conn, "GET", args.score, {"X-API-Key": args.key})
                if status == 200 and abs(topic_share(body) - args.expect) <= 1e-9 * abs(args.expect):
                    if served is None:
                        served = (time.time() - args.since) * 1000
                elif served is not None:
                    back += 1
                if served is not None and time.time() - args.since > served / 1000 + 0.5:
                    break
            except Exception:
                conn.close()
                conn = connection("http://127.0.0.1:%s" % port, 5)
            time.sleep(0.02)
        with lock:
            result[port] = {"ms": served, "back": back}

    threads = [threading.Thread(target=poll, args=(p,)) for p in args.ports.split(",")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.timeout + 10)
    print(json.dumps(result))


def haproxy_stats(sock):
    """{server: {status, chkdown}, "backend": {retries, redispatches}} of the backend 'replicas'."""
    import socket
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(2)
        s.connect(sock)
        s.sendall(b"show stat\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    lines = data.decode().splitlines()
    header = lines[0].lstrip("# ").split(",")
    result = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        if row.get("pxname") != "replicas":
            continue
        if row["svname"] == "BACKEND":
            result["backend"] = {"retries": int(row["wretr"] or 0), "redispatches": int(row["wredis"] or 0)}
        else:
            result[row["svname"]] = {"status": row["status"], "chkdown": int(row["chkdown"] or 0)}
    return result


def lb(args):
    print(json.dumps(haproxy_stats(args.sock)))


def watch(args):
    started = time.time()
    while time.time() - started < args.timeout:
        try:
            if haproxy_stats(args.sock)[args.server]["status"] == args.status:
                print("%.3f" % time.time())  # when it was seen
                return
        except (OSError, KeyError, IndexError):
            pass
        time.sleep(0.02)
    sys.exit(1)


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summarize(args):
    records = [json.loads(line) for line in open(args.file) if line.strip()]
    statuses = {}
    for r in records:
        key = str(r["status"]) if r["status"] else "error"
        statuses[key] = statuses.get(key, 0) + 1
    failed = [r for r in records if r["status"] == 0 or r["status"] >= 500]
    summary = {
        "requests": len(records),
        "statuses": " ".join("%s: %d" % kv for kv in sorted(statuses.items())),
        "failed": len(failed),
        "p50": percentile([r["ms"] for r in records], 50),
        "p99": percentile([r["ms"] for r in records], 99),
        "errors": sorted({r["error"] for r in records if r["error"]})[:3],
        # A 503 without X-Cluster-Server is HAProxy's own: no replica was UP to take the request.
        "proxy_503": sum(1 for r in records if r["status"] == 503 and not r.get("server")),
        "replica_503_without_retry_after": sum(1 for r in records if r["status"] == 503 and r.get("server")
                                               and not r.get("retry_after")),
        "servers": " ".join("%s: %d" % kv for kv in sorted(
            {s: sum(1 for r in records if r.get("server") == s) for s in {r.get("server") for r in records}
             if s}.items())),
    }
    if records and "t" in records[0]:
        span = max(r["t"] + r["ms"] / 1000 for r in records) - min(r["t"] for r in records)
        summary["seconds"] = span
        summary["rate"] = len(records) / span if span > 0 else None
    # Requests that were on the wire at an event (a kill): their failures are the unavoidable ones.
    if args.at:
        at = args.at
        inflight = [r for r in failed if r["t"] <= at <= r["t"] + r["ms"] / 1000]
        summary["failed_in_flight"] = len(inflight)
        summary["failed_beyond"] = len(failed) - len(inflight)
        summary["failed_after"] = [round(r["t"] - at, 3) for r in failed][:10]
    shares = [r["share"] for r in records if r.get("share") is not None]
    if shares:
        summary["figures"] = " → ".join("%.6g" % s for s in sorted(set(shares)))
        summary["backwards"] = sum(1 for r in records if r.get("back"))
        summary["not_modified"] = statuses.get("304", 0)
    json.dump(summary, sys.stdout)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("read")
    r.add_argument("--url", required=True)
    r.add_argument("--key")
    r.add_argument("--threads", type=int, default=4)
    r.add_argument("--seconds", type=float, default=30)
    r.add_argument("--stop-file")
    r.add_argument("--pause", type=float, default=5, help="ms between one thread's requests")
    r.add_argument("--timeout", type=float, default=12)
    r.add_argument("--monotonic", action="store_true", help="read --score only, with If-None-Match")
    r.add_argument("--score")
    r.add_argument("--out", required=True)
    w = sub.add_parser("write")
    w.add_argument("--url", required=True)
    w.add_argument("--key", required=True)
    w.add_argument("--every", type=float, default=0.2)
    w.add_argument("--seconds", type=float, default=60)
    w.add_argument("--stop-file")
    w.add_argument("--max-uploads", type=int, default=250)
    w.add_argument("--first-period", type=int, default=0, help="quarters after 1960-Q1")
    w.add_argument("--base-value", type=float, default=0.0002)
    w.add_argument("--step", type=float, default=1e-7)
    w.add_argument("--recover", type=int, default=0, help="stop after this many 201s sent after the last failure")
    w.add_argument("--max-in-flight", type=int, default=50)
    w.add_argument("--timeout", type=float, default=20)
    w.add_argument("--out", required=True)
    c = sub.add_parser("converge")
    c.add_argument("--ports", required=True)
    c.add_argument("--score", required=True)
    c.add_argument("--key", required=True)
    c.add_argument("--expect", type=float, required=True)
    c.add_argument("--since", type=float, required=True)
    c.add_argument("--timeout", type=float, default=30)
    s = sub.add_parser("summarize")
    s.add_argument("file")
    s.add_argument("--at", type=float, help="epoch seconds of an event (a kill)")
    b = sub.add_parser("lb")
    b.add_argument("--sock", required=True)
    h = sub.add_parser("watch")
    h.add_argument("--sock", required=True)
    h.add_argument("--server", required=True)
    h.add_argument("--status", required=True)
    h.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args()
    {"read": read, "write": write, "converge": converge, "summarize": summarize, "lb": lb,
     "watch": watch}[args.command](args)


if __name__ == "__main__":
    main()
