import { pgEnum } from 'drizzle-orm/pg-core';

export const locales = ['kk', 'ru'] as const;
export const userRoles = ['applicant', 'manager', 'organisation'] as const;
export const orgTypes = ['school', 'college'] as const;
export const emailStatuses = ['pending', 'sending', 'sent', 'failed'] as const;

export const localeEnum = pgEnum('locale', locales);
export const userRoleEnum = pgEnum('user_role', userRoles);
export const orgTypeEnum = pgEnum('org_type', orgTypes);
export const emailStatusEnum = pgEnum('email_status', emailStatuses);

export type Locale = (typeof locales)[number];
export type UserRole = (typeof userRoles)[number];
export type OrgType = (typeof orgTypes)[number];
