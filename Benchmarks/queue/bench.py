#!/usr/bin/env python3
"""Queue benchmark: our durable queue against Redis Streams, measured in the same run.

Every cell uses 1 KiB records and a fresh directory (or a fresh redis-server) per run and
reports the median of --runs runs. Redis runs on loopback with appendonly yes and
appendfsync always, so both sides make every acknowledged record durable. Only the
ratios within one run mean anything: absolute figures on these machines drift up to 2x.

Usage: bench.py --load PATH/inburgering-queue-load [--runs 3] [--records 20000]
"""
import argparse, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

SIZE = 1024


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def rate(stderr):
    return float(re.search(r": (\d+)/s", stderr).group(1))


class Ours:
    def __init__(self, load):
        self.load = load

    def publish(self, directory, count, processes=1, batch=1, concurrency=1, topic="bench"):
        """Records per second from the first publish of any process to the last acknowledgement
        of any, as redis-benchmark counts from its first request: process start-up (and
        opening the topic) is not publishing. The processes start publishing together."""
        start_at = time.monotonic_ns() + 300_000_000 + 40_000_000 * processes
        children = [subprocess.Popen([self.load, "publish", "--queue-dir", directory, "--topic", topic, "--count", str(count // processes),
                                      "--size", str(SIZE), "--batch", str(batch), "--concurrency", str(concurrency),
                                      "--start", str(index * 10_000_000), "--start-at", str(start_at)], stderr=subprocess.PIPE, text=True)
                    for index in range(processes)]
        windows = []
        for child in children:
            _, err = child.communicate()
            assert child.returncode == 0, err
            windows.append(tuple(int(value) for value in re.search(r"window (\d+) (\d+)", err).groups()))
        return count / ((max(end for _, end in windows) - min(start for start, _ in windows)) / 1e9)

    def consume(self, directory, count):
        self.publish(directory, count, batch=64)
        return rate(run([self.load, "consume", "--queue-dir", directory, "--topic", "bench", "--group", "g", "--count", str(count)]).stderr)

    def latency(self, directory, count):
        consumer = subprocess.Popen([self.load, "consume", "--queue-dir", directory, "--topic", "lat", "--group", "g", "--count", str(count)],
                                    stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        self.publish(directory, count, topic="lat")
        _, err = consumer.communicate()
        match = re.search(r"p50 ([\d.]+) p99 ([\d.]+) max ([\d.]+)", err)
        return tuple(float(value) for value in match.groups())

    def ready_after_kill(self, directory, queued):
        self.publish(directory, queued, processes=4, batch=64)
        victim = subprocess.Popen([self.load, "publish", "--queue-dir", directory, "--topic", "bench", "--count", "100000000",
                                   "--size", str(SIZE), "--concurrency", "8"], stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        start = time.monotonic()
        run([self.load, "publish", "--queue-dir", directory, "--topic", "bench", "--count", "1", "--size", str(SIZE)])
        return time.monotonic() - start

    def syncs_per_record(self, directory, count, concurrency, batch):
        trace = os.path.join(directory, "strace.txt")
        run(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "-o", trace, self.load, "publish", "--queue-dir", directory,
             "--topic", "bench", "--count", str(count), "--size", str(SIZE), "--concurrency", str(concurrency), "--batch", str(batch)])
        calls = 0
        for line in open(trace):
            fields = line.split()
            if fields and fields[-1] in ("fsync", "fdatasync"):
                calls += int(fields[3])
        return calls / count


class Redis:
    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.directory,
                                         "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        while time.monotonic() - start < 300:
            try:
                if run(["redis-cli", "-p", str(self.port), "PING"]).stdout.strip() == "PONG":
                    return time.monotonic() - start
            except subprocess.CalledProcessError:
                pass
            time.sleep(0.01)
        raise RuntimeError("redis-server did not start")

    def stop(self, kill=False):
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        self.process.wait()

    def xadd(self, count, clients, pipeline):
        out = run(["redis-benchmark", "-p", str(self.port), "-n", str(count), "-c", str(clients), "-P", str(pipeline), "--csv",
                   "XADD", "bench", "*", "payload", "x" * SIZE]).stdout
        row = [line for line in out.splitlines() if line.startswith('"XADD')][0].replace('"', "").split(",")
        return float(row[1]), float(row[4]), float(row[6]), float(row[7])  # rps, p50, p99, max (ms)

    def consume(self, count):
        self.xadd(count, 8, 32)
        connection = Resp(self.port)
        connection.call("XGROUP", "CREATE", "bench", "g", "0")
        start = time.monotonic()
        done = 0
        while done < count:
            reply = connection.call("XREADGROUP", "GROUP", "g", "c", "COUNT", "256", "STREAMS", "bench", ">")
            ids = [entry[0] for entry in reply[0][1]]
            connection.call("XACK", "bench", "g", *ids)
            done += len(ids)
        return count / (time.monotonic() - start)


class Resp:
    """A minimal RESP2 client, enough for XREADGROUP and XACK."""

    def __init__(self, port):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.reader = self.socket.makefile("rb")

    def call(self, *arguments):
        parts = [b"*%d\r\n" % len(arguments)]
        for argument in arguments:
            data = argument if isinstance(argument, bytes) else str(argument).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        self.socket.sendall(b"".join(parts))
        return self.read()

    def read(self):
        line = self.reader.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            length = int(rest)
            if length < 0:
                return None
            data = self.reader.read(length + 2)[:-2]
            return data
        if kind == b"*":
            return [self.read() for _ in range(int(rest))] if int(rest) >= 0 else None
        raise RuntimeError("unexpected reply %r" % line)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def median_of(runs, measure):
    values = [measure() for _ in range(runs)]
    if isinstance(values[0], tuple):
        return tuple(statistics.median(column) for column in zip(*values))
    return statistics.median(values)


def fresh():
    # Flush what earlier cells left (written and deleted files), so that their writeback
    # and journal commits do not land in this cell's measurements.
    os.sync()
    return tempfile.mkdtemp(prefix="inburgering-bench-")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--load", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--queued", type=int, default=1_000_000, help="records queued for the recovery cell")
    args = parser.parse_args()
    ours = Ours(args.load)
    n = args.records
    directories = []

    def ours_cell(measure):
        def once():
            directory = fresh()
            directories.append(directory)
            try:
                return measure(directory)
            finally:
                shutil.rmtree(directory, ignore_errors=True)
        return median_of(args.runs, once)

    def redis_cell(measure, restart_measure=False):
        def once():
            directory = fresh()
            redis = Redis(directory)
            redis.start()
            try:
                return measure(redis)
            finally:
                redis.stop(kill=True)
                shutil.rmtree(directory, ignore_errors=True)
        return median_of(args.runs, once)

    def redis_recovery(redis):
        redis.xadd(args.queued, 8, 64)
        redis.stop(kill=True)
        return redis.start()

    rows = []
    print("measuring (median of %d runs, %d records of %d B per cell)…" % (args.runs, n, SIZE), file=sys.stderr)
    one = ours_cell(lambda d: ours.publish(d, n // 4))
    redis_one = redis_cell(lambda r: r.xadd(n // 4, 1, 1))
    rows.append(("publish, 1 publisher, 1 record per call (rec/s)", one, redis_one[0], "redis-benchmark XADD -c1 -P1", 1.3))
    eight = ours_cell(lambda d: ours.publish(d, n, processes=8))
    redis_eight = redis_cell(lambda r: r.xadd(n, 8, 1))
    rows.append(("publish, 8 publisher processes (rec/s)", eight, redis_eight[0], "XADD -c8 -P1", 1.5))
    batched = ours_cell(lambda d: ours.publish(d, n * 4, processes=8, batch=32))
    redis_batched = redis_cell(lambda r: r.xadd(n * 4, 8, 32))
    rows.append(("publish, 8 processes x batches of 32 (rec/s)", batched, redis_batched[0], "XADD -c8 -P32", 1.5))
    consume = ours_cell(lambda d: ours.consume(d, n * 2))
    redis_consume = redis_cell(lambda r: r.consume(n * 2))
    rows.append(("consume with durable ack, 1 group (rec/s)", consume, redis_consume, "XREADGROUP COUNT 256 + XACK", 1.5))
    latency = ours_cell(lambda d: ours.latency(d, n // 4))
    rows.append(("publish->consume p50, 2 processes (ms)", latency[0], redis_one[1], "XADD -c1 -P1 p50", None))
    rows.append(("publish->consume p99, 2 processes (ms)", latency[1], redis_one[2], "XADD -c1 -P1 p99", "<="))
    rows.append(("publish->consume max, 2 processes (ms)", latency[2], redis_one[3], "XADD -c1 -P1 max", None))
    ready = ours_cell(lambda d: ours.ready_after_kill(d, args.queued))
    redis_ready = redis_cell(redis_recovery)
    rows.append(("ready after SIGKILL, %d queued (s)" % args.queued, ready, redis_ready, "restart until PING", None))
    syncs = {label: ours_cell(lambda d, c=c, b=b: ours.syncs_per_record(d, 2000, c, b))
             for label, c, b in [("1 publisher", 1, 1), ("8 concurrent", 8, 1), ("batches of 32", 1, 32)]}

    print()
    print("| cell | ours | Redis | Redis cell | ours/Redis | target |")
    print("|---|---:|---:|---|---:|---|")
    for label, mine, theirs, what, target in rows:
        lower_is_better = "(ms)" in label or "(s)" in label
        ratio = (theirs / mine if lower_is_better else mine / theirs) if mine and theirs else float("nan")
        goal = "" if target is None else ("p99 <= Redis" if target == "<=" else ">= %.1fx" % target)
        verdict = ""
        if target == "<=":
            verdict = " ok" if mine <= theirs else " MISSED"
        elif target is not None:
            verdict = " ok" if ratio >= target else " MISSED"
        print("| %s | %.4g | %.4g | %s | %.2fx%s | %s |" % (label, mine, theirs, what, ratio, verdict, goal))
    print()
    print("(for latency and recovery rows the ratio is Redis/ours, so above 1 means we are faster)")
    print("fdatasync/fsync calls per record (strace -c): " + ", ".join("%s %.3f" % item for item in syncs.items()))


if __name__ == "__main__":
    main()
