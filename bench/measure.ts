/**
 * Service against floor: every statement a service call sends to PostgreSQL is captured (text,
 * parameters, connection, start and end), then replayed with plain `pg` clients — the same SQL
 * and parameters, no ORM, no result parsing (rows stay text, as psql prints them). Statements
 * the service ran at the same time on different connections (Promise.all over the pool) are
 * replayed at the same time; statements that waited for another wait for it again.
 *
 * The difference between the two times is what the app adds: drizzle building and mapping,
 * pool checkout, JS in the service, and any round trip it could have saved.
 */
import pg from 'pg';

export interface Statement {
  client: number;
  text: string;
  values?: unknown[];
  start: number;
  end: number;
}

let capturing: Statement[] | null = null;
const clientIds = new WeakMap<object, number>();
let nextClientId = 1;
const idOfClient = (c: object) => {
  let id = clientIds.get(c);
  if (id === undefined) clientIds.set(c, (id = nextClientId++));
  return id;
};

type QueryFn = (...args: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: QueryFn };
const originalQuery = clientProto.query;

clientProto.query = function (this: object, ...args: unknown[]) {
  const list = capturing;
  if (!list) return originalQuery.apply(this, args);
  const [config, second] = args;
  const cfg = (typeof config === 'string' ? { text: config } : config) as { text: string; values?: unknown[] };
  const values = Array.isArray(second) ? second : cfg.values;
  const entry: Statement = { client: idOfClient(this), text: cfg.text, values, start: performance.now(), end: NaN };
  list.push(entry);
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const cb = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      entry.end = performance.now();
      cb(...a);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args) as { then?: (a: () => void, b: () => void) => unknown } | undefined;
  if (result && typeof result.then === 'function') {
    result.then(
      () => (entry.end = performance.now()),
      () => (entry.end = performance.now()),
    );
  }
  return result;
};

/** Runs fn and returns its result with the statements it sent. */
export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[]; ms: number }> {
  if (capturing) throw new Error('nested capture');
  const list: Statement[] = [];
  capturing = list;
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    return { result, statements: list, ms };
  } finally {
    capturing = null;
  }
}

/** A replay plan: each statement waits for those that had ended before it started, and for the previous one on its connection. */
export interface Plan {
  statements: Statement[];
  deps: number[][];
  lanes: number[];
  laneCount: number;
}

export function planOf(statements: Statement[]): Plan {
  const laneOf = new Map<number, number>();
  const lanes = statements.map((s) => {
    let lane = laneOf.get(s.client);
    if (lane === undefined) laneOf.set(s.client, (lane = laneOf.size));
    return lane;
  });
  const deps = statements.map((s, i) => {
    const d: number[] = [];
    for (let j = 0; j < i; j++) if (statements[j]!.end <= s.start || lanes[j] === lanes[i]) d.push(j);
    return d;
  });
  return { statements, deps, lanes, laneCount: laneOf.size };
}

/** Rows stay text: no parsing of dates, numbers or JSON, as psql. */
const rawTypes = { getTypeParser: () => (v: string) => v };

export class Floor {
  private clients: pg.Client[] = [];
  constructor(private readonly url: string) {}

  async lanes(n: number): Promise<pg.Client[]> {
    while (this.clients.length < n) {
      const c = new pg.Client({ connectionString: this.url });
      c.on('error', () => undefined); // the server going away mid-run surfaces in the query instead
      await c.connect();
      this.clients.push(c);
    }
    return this.clients.slice(0, n);
  }

  /** Replays the plan; returns the wall time and each statement's own time. */
  async replay(plan: Plan): Promise<{ ms: number; each: number[] }> {
    const clients = await this.lanes(plan.laneCount);
    const each: number[] = new Array(plan.statements.length).fill(0);
    const done: Promise<void>[] = [];
    const t0 = performance.now();
    plan.statements.forEach((s, i) => {
      done[i] = Promise.all(plan.deps[i]!.map((j) => done[j])).then(async () => {
        const s0 = performance.now();
        await clients[plan.lanes[i]!]!.query({ text: s.text, values: s.values as unknown[] | undefined, rowMode: 'array', types: rawTypes });
        each[i] = performance.now() - s0;
      });
    });
    await Promise.all(done);
    return { ms: performance.now() - t0, each };
  }

  /** One statement on the first lane (variants written by hand, EXPLAIN). */
  async query(text: string, values?: unknown[]) {
    const [c] = await this.lanes(1);
    return c!.query({ text, values, rowMode: 'array', types: rawTypes });
  }

  async timeQuery(text: string, values?: unknown[]): Promise<number> {
    const t0 = performance.now();
    await this.query(text, values);
    return performance.now() - t0;
  }

  async close() {
    await Promise.all(this.clients.map((c) => c.end()));
    this.clients = [];
  }
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
}

export const fmt = (ms: number) => (Number.isNaN(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** The statement with its parameters inlined, for EXPLAIN in psql and the report. */
export function inlineParams(text: string, values: unknown[] = []): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = values[Number(n) - 1];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `'${s.replace(/'/g, "''")}'`;
  });
}
