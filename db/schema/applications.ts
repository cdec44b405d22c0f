import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationStatusEnum, orgTypeEnum, restoreSourceEnum, restoreStatusEnum, userRoleEnum } from './enums';
import { users } from './users';

/** The guide's sections 2 and 3: the librarian and the responsible person (director or accountant). */
function peopleColumns() {
  return {
    librarianName: text('librarian_name'),
    librarianIin: text('librarian_iin'),
    librarianPhone: text('librarian_phone'),
    librarianEmail: text('librarian_email'),
    responsibleName: text('responsible_name'),
    responsiblePosition: text('responsible_position'),
    responsiblePhone: text('responsible_phone'),
    responsibleEmail: text('responsible_email'),
  };
}

/**
 * One application per applicant. While a draft, fields hold what was typed (checked only for
 * length and hidden characters); submitting stores the normalised values (BIN and IIN digits,
 * E.164 phones, upper-case postal code).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicantId: uuid('applicant_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: applicationStatusEnum('status').notNull().default('draft'),
    /** Optimistic lock: every change bumps it; a change based on an older version is refused. */
    version: integer('version').notNull().default(1),
    orgType: orgTypeEnum('org_type').notNull(),
    orgName: text('org_name'),
    bin: text('bin'),
    orgPhone: text('org_phone'),
    orgEmail: text('org_email'),
    legalAddress: text('legal_address'),
    region: text('region'),
    city: text('city'),
    postalCode: text('postal_code'),
    ...peopleColumns(),
    /** Lower-cased name, BIN, IIN, emails and phones, for the managers' search (built in code: JS lower-cases Kazakh letters whatever the database locale). */
    searchText: text('search_text').notNull().default(''),
    /** The manager's latest comment for the applicant (changes requested, reason of rejection). */
    managerComment: text('manager_comment'),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One application per BIN in flight (and none once approved): the database enforces it.
    uniqueIndex('applications_bin_in_flight_idx')
      .on(t.bin)
      .where(sql`${t.status} in ('submitted', 'in_review', 'needs_changes', 'approved')`),
    index('applications_status_idx').on(t.status, t.submittedAt, t.id),
    index('applications_submitted_idx').on(t.submittedAt, t.id),
    index('applications_name_idx').on(sql`lower(${t.orgName})`, t.id),
    index('applications_region_idx').on(t.region),
    index('applications_assigned_idx').on(t.assignedTo),
    index('applications_iin_idx').on(t.librarianIin),
    index('applications_bin_idx').on(t.bin),
  ],
);

/** Append-only: who changed an application's status, when, from what, to what, and why. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'restrict' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: userRoleEnum('actor_role').notNull(),
    fromStatus: applicationStatusEnum('from_status').notNull(),
    toStatus: applicationStatusEnum('to_status').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.createdAt)],
);

/** Organisations already in QAZAQMURA: registered on approval of an application, or imported. */
export const registeredOrganisations = pgTable(
  'registered_organisations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    bin: text('bin').notNull().unique(),
    name: text('name').notNull(),
    orgType: orgTypeEnum('org_type'),
    region: text('region'),
    city: text('city'),
    legalAddress: text('legal_address'),
    postalCode: text('postal_code'),
    phone: text('phone'),
    /** The organisation's email on file: restore links go here and nowhere else. */
    email: text('email').notNull(),
    ...peopleColumns(),
    source: text('source').notNull().default('application'),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registered_organisations_name_idx').on(sql`lower(${t.name})`)],
);

/** Who did what that must be traceable: IIN reveals, restore emails sent. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId, t.createdAt)],
);

/** Requests to restore access for an organisation that already uses QAZAQMURA, for the managers' queue. */
export const restoreRequests = pgTable(
  'restore_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    bin: text('bin').notNull(),
    source: restoreSourceEnum('source').notNull(),
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    requesterEmail: text('requester_email').notNull(),
    requesterName: text('requester_name'),
    requesterPosition: text('requester_position'),
    message: text('message'),
    status: restoreStatusEnum('status').notNull().default('open'),
    outcome: text('outcome'),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('restore_requests_status_idx').on(t.status, t.createdAt)],
);

export type Application = typeof applications.$inferSelect;
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;
export type RegisteredOrganisation = typeof registeredOrganisations.$inferSelect;
