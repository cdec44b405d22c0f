import { pgEnum } from 'drizzle-orm/pg-core';

export const locales = ['kk', 'ru'] as const;
export const userRoles = ['applicant', 'manager', 'organisation'] as const;
export const orgTypes = ['school', 'college'] as const;
export const emailStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export const applicationStatuses = ['draft', 'submitted', 'in_review', 'needs_changes', 'approved', 'rejected'] as const;
export const restoreSources = ['application', 'public'] as const;
export const restoreStatuses = ['open', 'closed'] as const;

export const localeEnum = pgEnum('locale', locales);
export const userRoleEnum = pgEnum('user_role', userRoles);
export const orgTypeEnum = pgEnum('org_type', orgTypes);
export const emailStatusEnum = pgEnum('email_status', emailStatuses);
export const applicationStatusEnum = pgEnum('application_status', applicationStatuses);
export const restoreSourceEnum = pgEnum('restore_source', restoreSources);
export const restoreStatusEnum = pgEnum('restore_status', restoreStatuses);

export type Locale = (typeof locales)[number];
export type UserRole = (typeof userRoles)[number];
export type OrgType = (typeof orgTypes)[number];
export type ApplicationStatus = (typeof applicationStatuses)[number];
