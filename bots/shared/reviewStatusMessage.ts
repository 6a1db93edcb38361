/** The message id naming a contribution's review status, the same wording in both bots. */
export const REVIEW_STATUS_MESSAGE = {
  pending: 'review-status-pending',
  approved: 'review-status-approved',
  rejected: 'review-status-rejected',
  withdrawn: 'review-status-withdrawn',
  expired: 'review-status-expired',
} as const;
