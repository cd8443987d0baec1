#!/usr/bin/env python3
"""Generates a synthetic barman catalog (backup.info files + xlog.db) for benchmarks and oracle comparisons.

usage: catalog-gen.py HOME SERVER BACKUPS [WALS_PER_BACKUP] [--variety]
Backups are one hour apart ending now-ish (fixed epoch so outputs are reproducible); with --variety some are
named, FAILED, WAITING_FOR_WALS or carry keep annotations.
"""
import datetime as dt
import os
import sys

home, server, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
per = int(sys.argv[4]) if len(sys.argv) > 4 and not sys.argv[4].startswith("--") else 10
variety = "--variety" in sys.argv
base = os.path.join(home, server, "base")
wals = os.path.join(home, server, "wals")
for d in ("base", "wals", "incoming", "streaming", "errors"):
    os.makedirs(os.path.join(home, server, d), exist_ok=True)

start = dt.datetime(2026, 11, 24, 23, 0, 0, tzinfo=dt.timezone.utc) - dt.timedelta(hours=count)
label = ("START WAL LOCATION: 0/{lsn:X} (file {wal})\\nCHECKPOINT LOCATION: 0/{lsn:X}\\nBACKUP METHOD: streamed\\n"
         "BACKUP FROM: primary\\nSTART TIME: {t} UTC\\nLABEL: pg_basebackup base backup\\nSTART TIMELINE: 1\\n")
xlog = []
seg = 2
for i in range(count):
    begin = start + dt.timedelta(hours=i, microseconds=123457 * (i % 7))
    end = begin + dt.timedelta(seconds=1 + i % 3, microseconds=654321)
    bid = begin.strftime("%Y%m%dT%H%M%S")
    wal = "00000001%08X%08X" % (seg >> 8, seg & 0xFF)
    status = "DONE"
    if variety and i % 11 == 5:
        status = "FAILED"
    elif variety and i == count - 1:
        status = "WAITING_FOR_WALS"
    d = os.path.join(base, bid)
    os.makedirs(os.path.join(d, "data"), exist_ok=True)
    size = 23199599 + i * 4099
    lines = {
        "backup_label": "'" + label.format(lsn=seg << 24 | 0x28, wal=wal, t=begin.strftime("%Y-%m-%d %H:%M:%S")) + "'",
        "begin_offset": "40", "begin_time": str(begin), "begin_wal": wal, "begin_xlog": "0/%X" % (seg << 24 | 0x28),
        "compression": "None", "config_file": "/srv/pg/postgresql.conf",
        "copy_stats": "{'copy_time': %r, 'total_time': %r}" % (1.25 + i % 5 / 10, 1.5 + i % 5 / 10),
        "deduplicated_size": str(size), "end_offset": "0", "end_time": str(end), "end_wal": wal,
        "end_xlog": "0/%X" % ((seg + 1) << 24), "error": "None", "hba_file": "/srv/pg/pg_hba.conf",
        "ident_file": "/srv/pg/pg_ident.conf", "included_files": "None", "mode": "postgres", "pgdata": "/srv/pg",
        "server_name": server, "size": str(size), "status": status, "systemid": "7711876488350017302",
        "tablespaces": "None", "timeline": "1", "version": "150018", "xlog_segment_size": "16777216",
    }
    if variety and i % 7 == 3:
        lines["backup_name"] = "nightly %d" % (i % 3)
    if status == "FAILED":
        for k in ("backup_label", "copy_stats", "deduplicated_size", "end_offset", "end_time", "end_wal", "end_xlog", "size"):
            lines[k] = "None"
        lines["error"] = "failure copying files (data transfer failure on directory '%s/data')" % d
    with open(os.path.join(d, "backup.info"), "w") as f:
        f.write("".join("%s=%s\n" % (k, lines[k]) for k in sorted(lines)))
    if variety and i % 13 == 4 and status == "DONE":
        os.makedirs(os.path.join(d, "annotations"), exist_ok=True)
        with open(os.path.join(d, "annotations", "keep"), "w") as f:
            f.write("standalone" if i % 2 else "full")
    ts = end.timestamp()
    for k in range(per):
        name = "00000001%08X%08X" % (seg >> 8, seg & 0xFF)
        if status == "WAITING_FOR_WALS" and k == 0:
            seg += 1
            continue
        xlog.append("%s\t%d\t%r\tgzip\n" % (name, 16400 + (seg * 37) % 500, ts + k * 3.3))
        if k == 0:
            xlog.append("%s.00000028.backup\t199\t%r\tgzip\n" % (name, ts + 0.01))
        seg += 1
with open(os.path.join(wals, "xlog.db"), "w") as f:
    f.writelines(sorted(xlog))
