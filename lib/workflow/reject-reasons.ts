/** Common reasons to reject an application; the manager may add free text to any of them. */
export const rejectReasons = ['notAuthorised', 'notEducational', 'alreadyRegistered', 'invalidData', 'other'] as const;
export type RejectReason = (typeof rejectReasons)[number];
