import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { CallerInfo, conflict, notFound, unprocessable } from '@oversight/platform';
import { OrganisationEntity } from '../../organisation/organisation.entity';
import { REGISTER_RULES } from '../register-rules';
import { isBureau, ownerScope, requireOrganisation, visibleTo } from '../register-scope.util';
import { isUniqueViolation } from '@oversight/database';
import {
  CATALOGUE_LISTS,
  CatalogueEntriesDto,
  CatalogueQuery,
  OpenCatalogueDto,
} from './matter-catalogue.dto';
import { CatalogueEntryEntity, CatalogueList, MatterCatalogueEntity } from './matter-catalogue.entity';

const WHAT = { zh: '执法事项清单', en: 'Matter catalogue' };
const LIST_ZH: Record<CatalogueList, string> = {
  matters: '行政执法事项目录清单',
  'delegated-powers': '赋权目录清单',
};

export interface CatalogueView {
  id: string;
  org: string;
  orgName: string;
  list: CatalogueList;
  listName: string;
  version: number;
  status: string;
  submittedAt: string | null;
  returnedReason: string | null;
  publishedAt: string | null;
  basis: string;
  entries: {
    code: string;
    name: string;
    kind: string;
    legalBasis: string;
    implementingBody: string;
    delegatingOrg: string | null;
  }[];
}

/** Versioned catalogues: the organisation drafts and submits, the bureau publishes (or returns). */
@Injectable()
export class MatterCatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(dto: OpenCatalogueDto, caller: CallerInfo): Promise<CatalogueView> {
    try {
      return await this.openDraft(dto, caller);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw conflict({
        zh: '该清单刚刚已新建了一个版本，请刷新后在该版本上修改。',
        en: 'A version of this catalogue was opened at the same moment; reload and edit that one.',
      });
    }
  }

  private openDraft(dto: OpenCatalogueDto, caller: CallerInfo): Promise<CatalogueView> {
    return this.dataSource.transaction(async (m) => {
      const orgCode = isBureau(caller) ? dto.org : caller.org!;
      if (!orgCode) {
        throw unprocessable({
          zh: '请填写编制清单的单位代码。',
          en: 'Name the organisation (org) of the catalogue.',
        });
      }
      if (!isBureau(caller) && dto.org && dto.org !== caller.org) {
        throw unprocessable({
          zh: '只能编制本单位的清单。',
          en: 'An organisation may only draft its own catalogue.',
        });
      }
      const org = await requireOrganisation(
        m,
        orgCode,
        dto.list === 'delegated-powers' ? ['town'] : ['agency', 'town', 'police'],
      );
      const open = await m.findOneBy(MatterCatalogueEntity, [
        { orgCode, list: dto.list, status: 'draft' },
        { orgCode, list: dto.list, status: 'submitted' },
      ]);
      if (open) {
        throw conflict({
          zh: `${org.name}已有第${open.version}版${LIST_ZH[dto.list]}正在编制或待审核，请在该版本上修改。`,
          en: `Version ${open.version} of this catalogue is already open (${open.status}); edit that one.`,
        });
      }
      const [{ max }] = (await m.query(
        `SELECT COALESCE(max(version), 0) AS max FROM justice_bureau.matter_catalogue WHERE org_code = $1 AND list = $2`,
        [orgCode, dto.list],
      )) as { max: number }[];
      const id = randomUUID();
      await m.insert(MatterCatalogueEntity, {
        id,
        orgCode,
        list: dto.list,
        version: Number(max) + 1,
        status: 'draft',
        createdBy: caller.user,
      });
      // A new version starts from the published one, so that an update is a small edit.
      const published = await m.findOneBy(MatterCatalogueEntity, {
        orgCode,
        list: dto.list,
        status: 'published',
      });
      if (published) {
        const entries = await m.find(CatalogueEntryEntity, { where: { catalogueId: published.id } });
        for (const e of entries)
          await m.insert(CatalogueEntryEntity, { ...e, id: randomUUID(), catalogueId: id });
      }
      return this.view(m, id);
    });
  }

  replaceEntries(id: string, dto: CatalogueEntriesDto, caller: CallerInfo): Promise<CatalogueView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockVisible(m, id, caller);
      if (c.status !== 'draft') {
        throw conflict({
          zh: `第${c.version}版清单已${c.status === 'submitted' ? '报送审核' : '发布'}，不能再修改。`,
          en: `Version ${c.version} is ${c.status} and can no longer be edited.`,
        });
      }
      const codes = new Set<string>();
      for (const e of dto.entries) {
        if (codes.has(e.code)) {
          throw unprocessable({
            zh: `事项编码“${e.code}”重复。`,
            en: `Matter code "${e.code}" appears twice.`,
          });
        }
        codes.add(e.code);
        if (c.list === 'delegated-powers') {
          if (!e.delegatingOrg) {
            throw unprocessable({
              zh: `赋权事项“${e.name}”须填写赋权部门。`,
              en: `Delegated matter "${e.name}" needs its delegating department (delegatingOrg).`,
            });
          }
          await requireOrganisation(m, e.delegatingOrg, ['agency', 'police']);
        } else if (e.delegatingOrg) {
          await requireOrganisation(m, e.delegatingOrg, ['agency', 'police']);
        }
      }
      await m.delete(CatalogueEntryEntity, { catalogueId: id });
      for (const [position, e] of dto.entries.entries()) {
        await m.insert(CatalogueEntryEntity, {
          id: randomUUID(),
          catalogueId: id,
          position,
          code: e.code,
          name: e.name,
          kind: e.kind,
          legalBasis: e.legalBasis,
          implementingBody: e.implementingBody,
          delegatingOrg: e.delegatingOrg ?? null,
        });
      }
      return this.view(m, id);
    });
  }

  submit(id: string, caller: CallerInfo): Promise<CatalogueView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockVisible(m, id, caller);
      if (c.status !== 'draft') {
        throw conflict({
          zh: `第${c.version}版清单不是草稿，不能报送。`,
          en: `Version ${c.version} is not a draft.`,
        });
      }
      if ((await m.countBy(CatalogueEntryEntity, { catalogueId: id })) === 0) {
        throw unprocessable({ zh: '清单没有任何事项，不能报送。', en: 'The catalogue has no matters yet.' });
      }
      await m.update(MatterCatalogueEntity, id, {
        status: 'submitted',
        submittedAt: new Date(),
        returnedReason: null,
      });
      return this.view(m, id);
    });
  }

  /** The bureau approves and publishes; the previously published version is superseded. */
  publish(id: string, caller: CallerInfo): Promise<CatalogueView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockVisible(m, id, caller);
      if (c.status !== 'submitted') {
        throw conflict({
          zh: `第${c.version}版清单尚未报送审核（当前状态：${c.status}），不能发布。`,
          en: `Version ${c.version} has not been submitted (status ${c.status}); it cannot be published.`,
        });
      }
      await m.update(
        MatterCatalogueEntity,
        { orgCode: c.orgCode, list: c.list, status: 'published' },
        { status: 'superseded' },
      );
      await m.update(MatterCatalogueEntity, id, {
        status: 'published',
        publishedAt: new Date(),
        publishedBy: caller.user,
      });
      return this.view(m, id);
    });
  }

  returnToDraft(id: string, reason: string, caller: CallerInfo): Promise<CatalogueView> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.lockVisible(m, id, caller);
      if (c.status !== 'submitted') {
        throw conflict({ zh: '只能退回待审核的清单。', en: 'Only a submitted catalogue can be returned.' });
      }
      await m.update(MatterCatalogueEntity, id, { status: 'draft', returnedReason: reason });
      return this.view(m, id);
    });
  }

  async list(query: CatalogueQuery, caller: CallerInfo) {
    const scope = ownerScope(caller);
    const where: FindOptionsWhere<MatterCatalogueEntity> = {};
    if (scope) where.orgCode = scope;
    else if (query.org) where.orgCode = query.org;
    if (query.status) where.status = query.status as MatterCatalogueEntity['status'];
    const rows = await this.dataSource
      .getRepository(MatterCatalogueEntity)
      .find({ where, order: { orgCode: 'ASC', list: 'ASC', version: 'DESC' } });
    const names = await this.orgNames();
    return rows.map((c) => ({ ...this.header(c, names), entries: undefined }));
  }

  async get(id: string, caller: CallerInfo): Promise<CatalogueView> {
    const c = await this.dataSource.getRepository(MatterCatalogueEntity).findOneBy({ id });
    if (!c || !visibleTo(caller, c.orgCode)) throw notFound(WHAT, id);
    return this.view(this.dataSource.manager, id);
  }

  /** The published catalogues, for the public (no drafts, no people). */
  async published(org?: string): Promise<CatalogueView[]> {
    const rows = await this.dataSource.getRepository(MatterCatalogueEntity).find({
      where: { status: 'published', ...(org ? { orgCode: org } : {}) },
      order: { orgCode: 'ASC', list: 'ASC' },
    });
    return Promise.all(rows.map((c) => this.view(this.dataSource.manager, c.id)));
  }

  async publishedOf(org: string, list: string): Promise<CatalogueView> {
    const what = { zh: '已公布的清单', en: 'Published catalogue' };
    if (!(CATALOGUE_LISTS as readonly string[]).includes(list)) throw notFound(what, `${org}/${list}`);
    const c = await this.dataSource
      .getRepository(MatterCatalogueEntity)
      .findOneBy({ orgCode: org, list: list as CatalogueList, status: 'published' });
    if (!c) throw notFound(what, `${org}/${list}`);
    return this.view(this.dataSource.manager, c.id);
  }

  private async lockVisible(
    m: EntityManager,
    id: string,
    caller: CallerInfo,
  ): Promise<MatterCatalogueEntity> {
    const c = await m.findOne(MatterCatalogueEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c || !visibleTo(caller, c.orgCode)) throw notFound(WHAT, id);
    return c;
  }

  private async orgNames(m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    return new Map((await m.find(OrganisationEntity)).map((o) => [o.code, o.name]));
  }

  private header(c: MatterCatalogueEntity, names: Map<string, string>) {
    return {
      id: c.id,
      org: c.orgCode,
      orgName: names.get(c.orgCode) ?? c.orgCode,
      list: c.list,
      listName: LIST_ZH[c.list],
      version: c.version,
      status: c.status,
      submittedAt: c.submittedAt?.toISOString() ?? null,
      returnedReason: c.returnedReason,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      basis: c.list === 'matters' ? REGISTER_RULES.catalogue.basis : REGISTER_RULES.catalogue.delegatedBasis,
    };
  }

  private async view(m: EntityManager, id: string): Promise<CatalogueView> {
    const c = await m.findOneByOrFail(MatterCatalogueEntity, { id });
    const entries = await m.find(CatalogueEntryEntity, {
      where: { catalogueId: id },
      order: { position: 'ASC' },
    });
    return {
      ...this.header(c, await this.orgNames(m)),
      entries: entries.map((e) => ({
        code: e.code,
        name: e.name,
        kind: e.kind,
        legalBasis: e.legalBasis,
        implementingBody: e.implementingBody,
        delegatingOrg: e.delegatingOrg,
      })),
    };
  }
}
