import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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

  constructor(private readonly dataSource: DataSource) {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.lockKey = `oversight:audit:${schema}`;
  }

  /**
   * Appends go one at a time within this process: they queue here, not as open transactions each
   * holding a pool connection while it waits for the advisory lock (a burst of system changes would
   * otherwise take every connection the service has). The lock still orders replicas.
   */
  private tail: Promise<unknown> = Promise.resolve();

  record(input: AuditInput): Promise<AuditEntryEntity> {
    const next = this.tail.then(() => this.append(input));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async append(input: AuditInput): Promise<AuditEntryEntity> {
    const actor = input.actor ?? SYSTEM;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.lockKey]);
      const repo = manager.getRepository(AuditEntryEntity);
      const last = await repo.find({ order: { seq: 'DESC' }, take: 1, select: { hash: true, seq: true } });
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
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
      return repo.save(repo.create({ ...fields, prevHash, hash }));
    });
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
