"""Times Python's feedparser on the benchmark corpus, the outside reference.

Reads {"groups": {format: [paths]}, "warmup": n, "rounds": n} on stdin and
prints {format: {"seconds": median, "bytes": n, "articles": n}} on stdout.
"""
import json
import statistics
import sys
import time

import feedparser


def main():
    job = json.load(sys.stdin)
    out = {}
    for fmt, paths in job["groups"].items():
        docs = []
        for path in paths:
            with open(path, "rb") as f:
                docs.append(f.read())
        articles = 0

        def one_round():
            found = 0
            for doc in docs:
                found += len(feedparser.parse(doc).entries)
            return found

        for _ in range(job["warmup"]):
            articles = one_round()
        seconds = []
        for _ in range(job["rounds"]):
            start = time.perf_counter()
            articles = one_round()
            seconds.append(time.perf_counter() - start)
        out[fmt] = {
            "seconds": statistics.median(seconds),
            "bytes": sum(len(d) for d in docs),
            "articles": articles,
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
