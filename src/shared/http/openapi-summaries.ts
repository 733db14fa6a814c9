import { OpenAPIObject } from '@nestjs/swagger';

/**
 * One short line per operation, as Swagger UI and generated clients show it. A route's own
 * doc comment (the Swagger plugin's summary) is kept as its description.
 */
const SUMMARIES: Record<string, string> = {
  'GET /health': 'Check the service and its database',
  'POST /api/v1/oauth/token': 'Issue an access token (client credentials)',
  'POST /api/v1/oauth/clients': 'Create an OAuth client',
  'GET /api/v1/oauth/clients': 'List OAuth clients',
  'DELETE /api/v1/oauth/clients/{clientId}': 'Revoke an OAuth client',
  'POST /api/v1/priorities': 'Create a priority',
  'GET /api/v1/priorities': 'List priorities',
  'GET /api/v1/priorities/{id}': 'Get a priority',
  'PATCH /api/v1/priorities/{id}': 'Edit a priority',
  'DELETE /api/v1/priorities/{id}': 'Delete a priority',
  'POST /api/v1/solutions': 'Create a solution',
  'GET /api/v1/solutions': 'List solutions',
  'GET /api/v1/solutions/{id}': 'Get a solution',
  'PATCH /api/v1/solutions/{id}': 'Edit a solution',
  'DELETE /api/v1/solutions/{id}': 'Delete a solution',
  'POST /api/v1/processes': 'Create a process',
  'GET /api/v1/processes': 'List processes',
  'GET /api/v1/processes/{id}': 'Get a process',
  'PATCH /api/v1/processes/{id}': 'Edit a process',
  'DELETE /api/v1/processes/{id}': 'Delete a process',
  'POST /api/v1/case-types': 'Create a case type',
  'GET /api/v1/case-types': 'List case types',
  'GET /api/v1/case-types/{id}': 'Get a case type',
  'PATCH /api/v1/case-types/{id}': 'Edit a case type',
  'DELETE /api/v1/case-types/{id}': 'Delete a case type',
  'POST /api/v1/case-types/{id}/workflows': 'Upload a workflow file',
  'DELETE /api/v1/case-types/{id}/workflows/{fileId}': 'Remove a workflow file',
  'POST /api/v1/case-types/{id}/decision-trees': 'Upload a decision tree file',
  'DELETE /api/v1/case-types/{id}/decision-trees/{fileId}': 'Remove a decision tree file',
  'POST /api/v1/case-types/{id}/status-decision-trees': 'Upload a status decision tree file',
  'DELETE /api/v1/case-types/{id}/status-decision-trees/{fileId}':
    'Remove a status decision tree file',
  'GET /api/v1/case-types/{id}/files': 'List a case type’s files',
  'GET /api/v1/case-types/{id}/files/{fileId}/content': 'Download a case type file',
  'GET /api/v1/case-statuses': 'List case statuses and their labels',
  'PUT /api/v1/case-statuses/{state}': 'Relabel a case status',
  'GET /api/v1/cases': 'List all cases',
  'POST /api/v1/cases': 'Create a case',
  'GET /api/v1/cases/assigned': 'List cases assigned to me or my groups',
  'GET /api/v1/cases/mine': 'List cases I initiated',
  'GET /api/v1/cases/unassigned': 'List unassigned cases',
  'GET /api/v1/cases/{id}': 'Get a case',
  'PATCH /api/v1/cases/{id}': 'Edit a case',
  'POST /api/v1/cases/{id}/transfer': 'Transfer a case to another case type',
  'POST /api/v1/cases/{id}/open': 'Open a case',
  'POST /api/v1/cases/{id}/process': 'Start processing a case',
  'POST /api/v1/cases/{id}/request-input': 'Request input from the initiator',
  'POST /api/v1/cases/{id}/hold': 'Put a case on hold',
  'POST /api/v1/cases/{id}/resolve': 'Resolve a case',
  'POST /api/v1/cases/{id}/complete': 'Complete a case',
  'POST /api/v1/cases/{id}/cancel': 'Cancel a case',
  'POST /api/v1/cases/{id}/reopen': 'Reopen a case',
  'POST /api/v1/cases/{id}/claim': 'Claim a case',
  'POST /api/v1/cases/{id}/unclaim': 'Unclaim a case',
  'GET /api/v1/cases/{id}/activities': 'List a case’s activity',
  'POST /api/v1/jobs/sla-check': 'Run the SLA check',
  'POST /api/v1/jobs/due-date-check': 'Run the due-date check',
  'POST /api/v1/cases/{id}/comments': 'Comment on a case',
  'GET /api/v1/cases/{id}/comments': 'List a case’s comments',
  'POST /api/v1/cases/{id}/initiator-comments': 'Comment as the initiator',
  'POST /api/v1/cases/{id}/messages': 'Send a message to the initiator',
  'GET /api/v1/cases/{id}/messages': 'List a case’s messages',
  'POST /api/v1/cases/{id}/messages/inbound': 'Record a message from the initiator',
  'POST /api/v1/cases/{id}/tags': 'Add tags to a case',
  'DELETE /api/v1/cases/{id}/tags/{tag}': 'Remove a tag from a case',
  'POST /api/v1/cases/{id}/watchers': 'Watch a case',
  'DELETE /api/v1/cases/{id}/watchers/{userId}': 'Stop watching a case',
  'POST /api/v1/cases/{id}/milestones': 'Record a milestone',
  'POST /api/v1/cases/{id}/documents': 'Upload a document',
  'GET /api/v1/cases/{id}/documents': 'List a case’s documents',
  'GET /api/v1/cases/{id}/documents/{docId}/content': 'Download a document',
  'DELETE /api/v1/cases/{id}/documents/{docId}': 'Remove a document',
  'GET /api/v1/jobs/auto-close/eligible': 'List cases due for auto-close',
  'POST /api/v1/jobs/auto-close': 'Enqueue the auto-close of eligible cases',
  'PUT /api/v1/directory/users/{userId}': 'Create or update a directory user',
  'GET /api/v1/directory/users': 'List directory users',
  'GET /api/v1/directory/users/{userId}': 'Get a directory user',
  'DELETE /api/v1/directory/users/{userId}': 'Remove a directory user',
  'GET /api/v1/directory/groups': 'List directory groups',
  'GET /api/v1/directory/groups/{group}/members': 'List a group’s members',
  'GET /api/v1/notifications': 'List my notifications',
  'POST /api/v1/notifications/{id}/read': 'Mark a notification as read',
  'POST /api/v1/notifications/read-all': 'Mark all my notifications as read',
  'GET /api/v1/notification-templates': 'List notification templates',
  'PUT /api/v1/notification-templates/{kind}/{locale}': 'Set a notification template',
  'DELETE /api/v1/notification-templates/{kind}/{locale}': 'Reset a notification template',
  'POST /api/v1/calendars': 'Create a calendar',
  'GET /api/v1/calendars': 'List calendars',
  'GET /api/v1/calendars/{id}': 'Get a calendar',
  'PATCH /api/v1/calendars/{id}': 'Edit a calendar',
  'DELETE /api/v1/calendars/{id}': 'Delete a calendar',
  'GET /api/v1/calendars/{id}/business-time': 'Compute business time on a calendar',
  'POST /api/v1/cases/{id}/links': 'Link a case to another case',
  'GET /api/v1/cases/{id}/links': 'List a case’s links',
  'DELETE /api/v1/cases/{id}/links/{linkId}': 'Remove a case link',
  'POST /api/v1/cases/bulk': 'Run one action on many cases',
  'POST /api/v1/views': 'Save a case list view',
  'GET /api/v1/views': 'List my and shared views',
  'GET /api/v1/views/{id}': 'Get a saved view',
  'GET /api/v1/views/{id}/cases': 'Run a saved view',
  'DELETE /api/v1/views/{id}': 'Delete a saved view',
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function withSummaries(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      const summary = SUMMARIES[`${method.toUpperCase()} ${path}`];
      if (!op || !summary) continue;
      if (op.summary && op.summary !== summary && !op.description) op.description = op.summary;
      op.summary = summary;
    }
  }
  return document;
}
