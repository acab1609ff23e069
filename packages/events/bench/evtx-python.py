# Times python-evtx (Debian's python3-evtx, the library behind evtx_dump.py) rendering every
# record of the given EVTX files to XML, as evtx_dump.py does, in steady state (no start-up).
# Prints one JSON line: {"records": N, "seconds": S, "cpu_seconds": C} (wall clock and process CPU time).
import json
import sys
import time

import Evtx.Evtx as evtx

rounds = int(sys.argv[1])
files = sys.argv[2:]
records = 0
start = time.perf_counter()
cpu_start = time.process_time()
for _ in range(rounds):
    for path in files:
        with evtx.Evtx(path) as log:
            for record in log.records():
                record.xml()
                records += 1
print(json.dumps({
    "records": records,
    "seconds": time.perf_counter() - start,
    "cpu_seconds": time.process_time() - cpu_start,
}))
