import { Injectable } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  RemoveEvent,
  TransactionCommitEvent,
  UpdateEvent,
} from 'typeorm';
import { AuditService, auditContext } from './audit.service';

/** Bookkeeping tables whose changes are not business state (the log itself, outbox, inbox, job dedup). */
const NOT_AUDITED = new Set(['audit_entry', 'outbox_message', 'inbox_message', 'processed_job']);
/** Tables whose values are confidential: the log says what changed, never to what. */
const CONFIDENTIAL = new Set(['complainant']);

type Change = { key: string; before: unknown; after: unknown };
const PENDING = 'oversightAuditPending';

function plain(value: ObjectLiteral | undefined, table: string): Record<string, unknown> | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'function') continue;
    if (CONFIDENTIAL.has(table)) out[k] = v === null || v === undefined ? v : '***';
    else if (Buffer.isBuffer(v)) out[k] = `<${v.length} bytes>`;
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === 'string' && v.length > 2000) out[k] = `${v.slice(0, 2000)}…`;
    else out[k] = v;
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

/**
 * Every insert, update and delete of a business table, with the state before and after: collected into the
 * request's audit entry when a request made it, else (workers, consumers) written as a system change once
 * its transaction commits.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(
    dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): void {
    this.collect(
      event.metadata.tableName,
      event.metadata.getEntityIdMap(event.entity),
      undefined,
      event.entity,
      event,
    );
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const id =
      (event.databaseEntity && event.metadata.getEntityIdMap(event.databaseEntity)) ??
      (event.entity && event.metadata.getEntityIdMap(event.entity as ObjectLiteral));
    this.collect(event.metadata.tableName, id, event.databaseEntity, event.entity as ObjectLiteral, event);
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): void {
    const id = event.databaseEntity
      ? event.metadata.getEntityIdMap(event.databaseEntity)
      : { id: event.entityId };
    this.collect(event.metadata.tableName, id, event.databaseEntity, undefined, event);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const pending = event.queryRunner.data?.[PENDING] as Change[] | undefined;
    if (!pending?.length) return;
    event.queryRunner.data[PENDING] = [];
    this.writeSystem(pending);
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    if (event.queryRunner.data) event.queryRunner.data[PENDING] = [];
  }

  private collect(
    table: string,
    id: ObjectLiteral | undefined,
    before: ObjectLiteral | undefined,
    after: ObjectLiteral | undefined,
    event: InsertEvent<ObjectLiteral> | UpdateEvent<ObjectLiteral> | RemoveEvent<ObjectLiteral>,
  ): void {
    if (NOT_AUDITED.has(table)) return;
    const key = `${table}:${id ? Object.values(id).join('/') : '?'}`;
    const change = { key, before: plain(before, table), after: plain(after, table) };
    const context = auditContext.getStore();
    if (context) {
      if (!(key in context.before)) context.before[key] = change.before;
      context.after[key] = change.after;
      return;
    }
    const runner = event.queryRunner;
    if (runner.isTransactionActive) {
      runner.data = runner.data ?? {};
      ((runner.data[PENDING] as Change[] | undefined) ?? (runner.data[PENDING] = [])).push(change);
    } else {
      this.writeSystem([change]);
    }
  }

  private writeSystem(changes: Change[]): void {
    for (const change of changes) {
      this.audit.recordLater({
        actor: null,
        action: 'system-change',
        resource: change.key.split(':')[0]!,
        target: change.key,
        before: change.before === null ? null : { [change.key]: change.before },
        after: change.after === null ? null : { [change.key]: change.after },
      });
    }
  }
}
