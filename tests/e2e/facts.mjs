// What the page should show, computed from the published dataset (dist/data/dataset.json) alone, independently
// of the Rust code, so that every test reads its ids, names and copy from whichever tracker was built.
import assert from 'node:assert/strict';

/** A dataset date ("2019", "2019-08", "2019-08-19") as [year, month, day], 0 for a part not given. */
export const dateParts = (d) => { const [y, m = 0, day = 0] = d.split('-').map(Number); return [y, m, day]; };

/** Chronological order of two dataset dates (a date without its month sorts before that year's months). */
export function compareDates(a, b) {
  const [x, y] = [dateParts(a), dateParts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Escapes a text for a RegExp. */
export const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "1 company" / "3 companies", with the dataset's or the given words. */
export const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * The matrix the data implies:
 * - `cells`: Map from "<row>.<pressure>" (the cell's anchor and its `cell=` in links) to
 *   { anchor, id (DOM id "cell-<row index>-<pressure index>"), company, pressure, events (newest first), outcome, title };
 * - `rows`: the rows with events in the matrix's order (most events first, then by name);
 * - `ordered`: every cell, row by row in that order, then column by column;
 * and helpers to pick cells, outcomes and sectors for a test from whatever dataset was built.
 */
export function facts(data) {
  const index = (xs) => new Map(xs.map((x, i) => [x.id, { ...x, index: i }]));
  const companies = index(data.companies);
  const pressures = index(data.pressure_types);
  const outcomes = index(data.outcomes);
  const sectors = index(data.sectors);
  const cells = new Map();
  data.events.forEach((e, i) => {
    for (const p of e.pressure_types) {
      const anchor = `${e.company}.${p}`;
      if (!cells.has(anchor)) {
        const company = companies.get(e.company);
        const pressure = pressures.get(p);
        cells.set(anchor, {
          anchor, company, pressure, events: [],
          id: `cell-${company.index}-${pressure.index}`,
          // The detail panel's heading starts with it; the context panel's buttons say `place`.
          title: `${company.name}: ${pressure.label}`,
          place: `${company.name}, ${pressure.label}`,
        });
      }
      cells.get(anchor).events.push({ ...e, index: i });
    }
  });
  // The stated rule: a cell shows the outcome of its most recent event; on the same date the stronger one.
  for (const c of cells.values()) {
    c.events.sort((a, b) => compareDates(b.date, a.date) || outcomes.get(a.outcome).index - outcomes.get(b.outcome).index || a.index - b.index);
    c.outcome = outcomes.get(c.events[0].outcome);
    // What the cell shows as its count: its events, or in a mixed cell how many have the outcome it shows.
    const same = c.events.filter((e) => e.outcome === c.outcome.id).length;
    c.count = same < c.events.length ? `${same} of ${c.events.length}` : String(c.events.length);
    c.mixed = same < c.events.length;
  }
  const eventsOf = new Map();
  for (const e of data.events) eventsOf.set(e.company, (eventsOf.get(e.company) ?? 0) + 1);
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const rows = [...companies.values()].filter((c) => eventsOf.has(c.id))
    .sort((a, b) => eventsOf.get(b.id) - eventsOf.get(a.id) || byName(a, b) || a.index - b.index);
  const ordered = rows.flatMap((r) => data.pressure_types.map((p) => cells.get(`${r.id}.${p.id}`)).filter(Boolean));
  const isSwitched = (c) => sectors.get(c.sector).tech;
  const cellsShowing = (o) => ordered.filter((c) => c.outcome.id === o.id).length;
  // Outcomes by how many cells show them, most first (ties in the scale's order).
  const common = data.outcomes.map((o) => outcomes.get(o.id)).filter((o) => cellsShowing(o) > 0)
    .sort((a, b) => cellsShowing(b) - cellsShowing(a) || a.index - b.index);
  const strongest = data.outcomes.reduce((a, b) => (a.rank < b.rank ? a : b));

  /** The figures and the status line for a filter: rows shown (a shown cell), distinct events, rows with the strongest outcome. */
  function shown({ hide = new Set(), sector = null, switched = false } = {}) {
    const listed = rows.filter((r) => (!sector || r.sector === sector) && (!switched || isSwitched(r)));
    let events = new Set();
    let strong = 0;
    let shownRows = 0;
    for (const r of listed) {
      const visible = ordered.filter((c) => c.company.id === r.id && !hide.has(c.outcome.id));
      if (!visible.length) continue;
      shownRows++;
      const evs = visible.flatMap((c) => c.events);
      for (const e of evs) events.add(e.id);
      if (evs.some((e) => e.outcome === data.outcomes[0].id)) strong++;
    }
    return { listed: listed.length, rows: shownRows, events: events.size, strongest: strong,
      status: `${count(shownRows, data.widget.row, data.widget.rows)}, ${count(events.size, 'event', 'events')} shown` };
  }

  return {
    companies, pressures, outcomes, sectors, cells, rows, ordered, strongest, isSwitched, cellsShowing, shown,
    /** Outcomes that some cell shows, most cells first. */
    common,
    /** The first cell (in the matrix's order) with several events, optionally among rows passing `where`. */
    severalEvents(where = () => true) {
      const c = ordered.find((x) => x.events.length > 1 && where(x.company));
      assert.ok(c, 'the dataset has a cell with several events');
      return c;
    },
    /** Sectors with rows in the matrix, the ones with most rows first. */
    sectorsWithRows() {
      const n = (s) => rows.filter((r) => r.sector === s.id).length;
      return [...sectors.values()].filter((s) => n(s) > 0).sort((a, b) => n(b) - n(a) || a.index - b.index);
    },
    /** The story's strongest-outcome figure label, as the widget words it. */
    strongestLabel: `${data.widget.rows_heading} with “${data.outcomes[0].label}” at least once`,
  };
}

/** The quotes "What the source says" shows under one of an event's sources: its evidence from that source, in the
 *  data's order, each quote once. */
export function quotesOf(event, source) {
  return [...new Set(event.evidence.filter((x) => x.source === source).map((x) => x.quote))];
}
