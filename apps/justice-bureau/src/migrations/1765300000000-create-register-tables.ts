import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';
const ORG = `"${S}"."organisation" ("code")`;

/**
 * The registers (domain.md §3): matter catalogues and delegated powers, officers and their certificates,
 * training, the negative list's manual entries, supervisors and enterprise contact points.
 */
export class CreateRegisterTables1765300000000 implements MigrationInterface {
  name = 'CreateRegisterTables1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."matter_catalogue" (
      "id" uuid PRIMARY KEY,
      "org_code" text NOT NULL REFERENCES ${ORG},
      "list" text NOT NULL,
      "version" integer NOT NULL,
      "status" text NOT NULL,
      "submitted_at" timestamptz,
      "returned_reason" text,
      "published_at" timestamptz,
      "published_by" text,
      "created_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("org_code", "list", "version"))`);
    // At most one version being drafted or awaiting approval per list.
    await q.query(`CREATE UNIQUE INDEX "matter_catalogue_open" ON "${S}"."matter_catalogue" ("org_code", "list")
      WHERE "status" IN ('draft', 'submitted')`);
    await q.query(`CREATE TABLE "${S}"."catalogue_entry" (
      "id" uuid PRIMARY KEY,
      "catalogue_id" uuid NOT NULL REFERENCES "${S}"."matter_catalogue" ("id") ON DELETE CASCADE,
      "position" integer NOT NULL,
      "code" text NOT NULL,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "legal_basis" text NOT NULL,
      "implementing_body" text NOT NULL,
      "delegating_org" text REFERENCES ${ORG},
      UNIQUE ("catalogue_id", "code"))`);

    await q.query(`CREATE TABLE "${S}"."enforcement_person" (
      "id" uuid PRIMARY KEY,
      "org_code" text NOT NULL REFERENCES ${ORG},
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "staff_number" text,
      "post" text,
      "staffing_type" text,
      "status" text NOT NULL DEFAULT 'active',
      "left_at" date,
      "created_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("org_code", "staff_number"))`);
    await q.query(`CREATE TABLE "${S}"."staffing_proof" (
      "id" uuid PRIMARY KEY,
      "person_id" uuid NOT NULL REFERENCES "${S}"."enforcement_person" ("id"),
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "uploaded_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."enforcement_certificate" (
      "id" uuid PRIMARY KEY,
      "person_id" uuid NOT NULL REFERENCES "${S}"."enforcement_person" ("id"),
      "number" text NOT NULL UNIQUE,
      "status" text NOT NULL,
      "issued_on" date NOT NULL,
      "expires_on" date,
      "status_changed_at" timestamptz NOT NULL DEFAULT now(),
      "issued_by" text)`);
    // One certificate in force (valid or suspended) per person.
    await q.query(`CREATE UNIQUE INDEX "enforcement_certificate_in_force" ON "${S}"."enforcement_certificate"
      ("person_id") WHERE "status" IN ('valid', 'suspended')`);
    await q.query(`CREATE TABLE "${S}"."certificate_action" (
      "id" uuid PRIMARY KEY,
      "certificate_id" uuid NOT NULL REFERENCES "${S}"."enforcement_certificate" ("id"),
      "action" text NOT NULL,
      "reason" text,
      "basis" text,
      "review_year" integer,
      "decided_by" text,
      "decided_at" timestamptz NOT NULL DEFAULT now())`);
    // The annual clean-up records one decision per certificate and year.
    await q.query(`CREATE UNIQUE INDEX "certificate_action_review" ON "${S}"."certificate_action"
      ("certificate_id", "review_year") WHERE "review_year" IS NOT NULL`);

    await q.query(`CREATE TABLE "${S}"."training_requirement" (
      "person_kind" text PRIMARY KEY,
      "min_days" numeric(5,1) NOT NULL,
      "basis" text NOT NULL,
      "updated_by" text,
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `INSERT INTO "${S}"."training_requirement" ("person_kind", "min_days", "basis") VALUES
        ('officer', 5, $1), ('auxiliary', 3, $2)`,
      [
        '《实施方案》四（二）2：每名执法人员全年集中培训不低于5个工作日',
        '《实施方案》四（二）3：每名执法辅助人员全年培训不少于3天',
      ],
    );
    await q.query(`CREATE TABLE "${S}"."training_record" (
      "id" uuid PRIMARY KEY,
      "person_id" uuid NOT NULL REFERENCES "${S}"."enforcement_person" ("id"),
      "trained_on" date NOT NULL,
      "days" numeric(5,2) NOT NULL,
      "hours" numeric(6,1),
      "topic" text NOT NULL,
      "kind" text NOT NULL,
      "quiz_score" numeric(5,1),
      "quiz_passed" boolean,
      "recorded_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "training_record_person" ON "${S}"."training_record" ("person_id", "trained_on")`,
    );

    await q.query(`CREATE TABLE "${S}"."negative_list_entry" (
      "id" uuid PRIMARY KEY,
      "subject" text NOT NULL,
      "org_code" text NOT NULL REFERENCES ${ORG},
      "matter" text,
      "person_id" uuid REFERENCES "${S}"."enforcement_person" ("id"),
      "person_name" text,
      "reason" text NOT NULL,
      "basis" text NOT NULL,
      "listed_on" date NOT NULL,
      "listed_by" text,
      "removed_at" timestamptz,
      "removed_by" text,
      "removal_reason" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE "${S}"."enforcement_supervisor" (
      "id" uuid PRIMARY KEY,
      "name" text NOT NULL,
      "category" text NOT NULL,
      "affiliation" text,
      "contact" text,
      "town_code" text REFERENCES ${ORG},
      "term_start" date NOT NULL,
      "term_end" date NOT NULL,
      "status" text NOT NULL DEFAULT 'active',
      "ended_on" date,
      "end_reason" text,
      "appointed_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE "${S}"."enterprise_contact_point" (
      "id" uuid PRIMARY KEY,
      "enterprise_name" text NOT NULL,
      "credit_code" text NOT NULL,
      "enterprise_kind" text NOT NULL,
      "agency_code" text NOT NULL REFERENCES ${ORG},
      "contact_person" text,
      "phone" text,
      "status" text NOT NULL DEFAULT 'active',
      "designated_on" date NOT NULL,
      "withdrawn_on" date,
      "withdrawal_reason" text,
      "created_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX "enterprise_contact_point_active" ON "${S}"."enterprise_contact_point"
      ("credit_code", "agency_code") WHERE "status" = 'active'`);
    await q.query(`CREATE TABLE "${S}"."contact_point_visit" (
      "id" uuid PRIMARY KEY,
      "contact_point_id" uuid NOT NULL REFERENCES "${S}"."enterprise_contact_point" ("id"),
      "visited_on" date NOT NULL,
      "method" text NOT NULL,
      "visitors" text NOT NULL,
      "notes" text,
      "answers" jsonb,
      "satisfaction" numeric(5,1),
      "recorded_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'contact_point_visit',
      'enterprise_contact_point',
      'enforcement_supervisor',
      'negative_list_entry',
      'training_record',
      'training_requirement',
      'certificate_action',
      'enforcement_certificate',
      'staffing_proof',
      'enforcement_person',
      'catalogue_entry',
      'matter_catalogue',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
