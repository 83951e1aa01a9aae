#!/usr/bin/env python3
"""Writes a dataset N times the size of data/dataset.toml, for the benchmark (scripts/bench).

    bench/gen-data.py N OUT.toml [IN.toml]

Copy 0 is the real data unchanged. Copies 1..N-1 duplicate every company (id "<id>-bN", name "<name> (N)"),
every event (id "<id>-bN", referring to the duplicated company) and every event source (URL
https://example.org/bench/<n>, one per distinct URL and copy, so the build's source table grows N times too).
Each copy's free text (event summary, stakes, actors, result, disputed; source title) ends with " [copy N]",
so the linker cannot merge it with copy 0's identical strings: the wasm grows as a really larger dataset would.
Sectors, pressure types, outcomes, letters, context and methodology stay as they are (they refer to copy 0).
The output is generated data: write it under /tmp or target/, never commit it.
"""
import json
import sys
import tomllib


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        # A JSON string (non-ASCII kept) is a valid TOML basic string.
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(scalar(x) for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__}")


def is_tables(v):
    return isinstance(v, list) and v and all(isinstance(x, dict) for x in v)


def write_table(out, path, table):
    """[[path]] with its scalars first, then its arrays of tables as [[path.key]]."""
    out.append(f"\n[[{path}]]")
    for k, v in table.items():
        if not is_tables(v):
            out.append(f"{k} = {scalar(v)}")
    for k, v in table.items():
        if is_tables(v):
            for sub in v:
                write_table(out, f"{path}.{k}", sub)


def write_section(out, path, table):
    """[path] with its scalars, then its tables ([path.key]) and arrays of tables ([[path.key]])."""
    out.append(f"\n[{path}]")
    for k, v in table.items():
        if not is_tables(v) and not isinstance(v, dict):
            out.append(f"{k} = {scalar(v)}")
    for k, v in table.items():
        if isinstance(v, dict):
            write_section(out, f"{path}.{k}", v)
        elif is_tables(v):
            for sub in v:
                write_table(out, f"{path}.{k}", sub)


def dumps(data):
    out = []
    for k, v in data.items():
        if not is_tables(v) and not isinstance(v, dict):
            out.append(f"{k} = {scalar(v)}")
    for k, v in data.items():
        if isinstance(v, dict):
            write_section(out, k, v)
    for k, v in data.items():
        if is_tables(v):
            for t in v:
                write_table(out, k, t)
    return "\n".join(out) + "\n"


TEXT_FIELDS = ("summary", "stakes", "actors", "result", "disputed")


def scale(data, n):
    companies, events = list(data["companies"]), list(data["events"])
    url_ids = {}
    for copy in range(1, n):
        suffix = f"-b{copy}"
        for c in data["companies"]:
            companies.append({**c, "id": c["id"] + suffix, "name": f'{c["name"]} ({copy + 1})'})
        for e in data["events"]:
            e2 = {**e, "id": e["id"] + suffix, "company": e["company"] + suffix}
            for k in TEXT_FIELDS:
                if k in e2:
                    e2[k] = f"{e2[k]} [copy {copy + 1}]"
            if "note_id" in e2:
                e2["note_id"] = e2["note_id"] + suffix
            sources = []
            for s in e["sources"]:
                key = (copy, s["url"])
                if key not in url_ids:
                    url_ids[key] = len(url_ids) + 1
                sources.append({**s, "url": f"https://example.org/bench/{url_ids[key]}",
                                "title": f'{s["title"]} [copy {copy + 1}]'})
            e2["sources"] = sources
            events.append(e2)
    return {**data, "companies": companies, "events": events}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    src = sys.argv[3] if len(sys.argv) == 4 else "data/dataset.toml"
    with open(src, "rb") as f:
        data = tomllib.load(f)
    scaled = scale(data, n)
    text = dumps(scaled)
    tomllib.loads(text)  # what we write must read back
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{out}: {len(scaled['companies'])} companies, {len(scaled['events'])} events, "
          f"{sum(len(e['sources']) for e in scaled['events'])} event source citations", file=sys.stderr)


if __name__ == "__main__":
    main()
