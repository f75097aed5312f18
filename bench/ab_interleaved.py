#!/usr/bin/python3
"""Times two commands alternately (A B A B ...), so that a machine whose speed
drifts during the run treats both alike; hyperfine runs all of A, then all of B.
Usage: bench/ab_interleaved.py RUNS 'command A' 'command B'  -> medians in ms."""
import shlex
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
commands = [shlex.split(c) for c in sys.argv[2:4]]
times = [[], []]
for _ in range(5):  # warm-up
    for c in commands:
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for i, c in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[i].append(1000 * (time.perf_counter() - start))
a, b = (statistics.median(t) for t in times)
print(f"A median {a:.2f} ms, B median {b:.2f} ms, B/A {b / a:.3f} ({runs} runs each, interleaved)")
