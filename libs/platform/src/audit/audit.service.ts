import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { twoTripTransaction } from '@oversight/database';
import type { CallerInfo } from '../caller';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChainVerdict, entryHash, GENESIS_HASH, verifyAuditTable } from './audit-chain';

export interface AuditInput {
  actor: CallerInfo | null;
  action: string;
  resource: string;
  target: string;
  status?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** State changes a request made, collected by the entity subscriber while the request runs. */
export interface AuditContext {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export const auditContext = new AsyncLocalStorage<AuditContext>();

const SYSTEM: CallerInfo = { user: 'system', org: null, roles: [] };
/** At most this many entries per transaction, so one group never holds its lock for long. */
const MAX_GROUP = 100;
const AUDIT_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_user',
  'actor_org',
  'actor_roles',
  'action',
  'resource',
  'target',
  'status',
  'before',
  'after',
  'prev_hash',
  'hash',
]
  .map((c) => `"${c}"`)
  .join(', ');
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Appends entries to the service's audit log, each chained to the previous by hash. Appending takes a
 * transaction-scoped advisory lock, so replicas sharing the schema append one at a time and the order of
 * `seq` is the order of the chain.
 */
@Injectable()
export class AuditService implements OnModuleDestroy {
  private readonly logger = new Logger(AuditService.name);
  private readonly pending = new Set<Promise<unknown>>();
  private readonly lockKey: string;
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.lockKey = `oversight:audit:${schema}`;
    this.table = `"${schema}"."audit_entry"`;
  }

  /**
   * Appends queue here and are written in groups (group commit): one transaction, one advisory lock and
   * one read of the chain's head for every entry waiting, instead of one each. The log is a single chain,
   * so appends are serial by nature; grouping keeps that from capping the service's throughput, and no
   * burst holds more than one pool connection. Each caller still waits until its own entry is committed.
   */
  private queue: { input: AuditInput; resolve(entry: AuditEntryEntity): void; reject(error: Error): void }[] =
    [];
  private draining = false;

  record(input: AuditInput): Promise<AuditEntryEntity> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          const entries = await this.append(group.map((g) => g.input));
          group.forEach((g, i) => g.resolve(entries[i]!));
        } catch (error) {
          if (group.length === 1) group[0]!.reject(error as Error);
          // One entry that cannot be written must not fail the others: each is tried again on its own.
          else for (const g of group) await this.append([g.input]).then(([e]) => g.resolve(e!), g.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * One group in two round trips: BEGIN, the lock and the read of the chain's head in the first; the
   * insert and COMMIT in the second, once the hashes are computed.
   */
  private async append(inputs: AuditInput[]): Promise<AuditEntryEntity[]> {
    const repo = this.dataSource.getRepository(AuditEntryEntity);
    return twoTripTransaction<{ hash: string | null; seqs: string[] }, AuditEntryEntity[]>(
      this.dataSource,
      [
        { sql: 'SELECT pg_advisory_xact_lock(hashtext($1))', params: [this.lockKey] },
        // The chain's head, read after the lock, and the group's sequence numbers, drawn at once and handed
        // out in chain order (under the lock no other appender draws in between), so that one multi-row
        // insert keeps `seq` = chain order.
        {
          sql: `SELECT (SELECT hash FROM ${this.table} ORDER BY seq DESC LIMIT 1) AS hash,
                  ARRAY(SELECT nextval(pg_get_serial_sequence($1, 'seq'))::text FROM generate_series(1, $2)) AS seqs`,
          params: [this.table, inputs.length],
        },
      ],
      async ([head]) => {
        const seqs = head!.seqs.map((seq) => BigInt(seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        let prevHash = head!.hash ?? GENESIS_HASH;
        const entries = inputs.map((input, i) => {
          const actor = input.actor ?? SYSTEM;
          const fields = {
            id: randomUUID(),
            // Millisecond precision, as JavaScript dates have: the stored value reads back identical.
            at: new Date(),
            actorUser: actor.user,
            actorOrg: actor.org,
            actorRoles: [...actor.roles].sort().join(','),
            action: input.action,
            resource: input.resource,
            target: input.target,
            status: input.status ?? null,
            before: input.before ?? null,
            after: input.after ?? null,
          };
          const hash = entryHash(prevHash, fields);
          const entry = repo.create({ ...fields, seq: seqs[i]!.toString(), prevHash, hash });
          prevHash = hash;
          return entry;
        });
        const params: unknown[] = [];
        const rows = entries.map((e) => {
          const values: unknown[] = [e.seq, e.id, e.at, e.actorUser, e.actorOrg, e.actorRoles, e.action];
          values.push(e.resource, e.target, e.status, json(e.before), json(e.after), e.prevHash, e.hash);
          return `(${values.map((v) => `$${params.push(v)}`).join(', ')})`;
        });
        const sql = `INSERT INTO ${this.table} (${AUDIT_COLUMNS}) VALUES ${rows.join(', ')}`;
        return { statements: [{ sql, params }], result: entries };
      },
    );
  }

  /** Records without making the caller wait (changes by workers and consumers); awaited at shutdown. */
  recordLater(input: AuditInput): void {
    const p = this.record(input)
      .catch((error: Error) => this.logger.error(`audit entry lost: ${error.message}`))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Checks the whole chain of this service's log, in pages. */
  async verify(): Promise<ChainVerdict> {
    return verifyAuditTable(
      this.dataSource,
      (this.dataSource.options as { schema?: string }).schema ?? 'public',
    );
  }
}
