import type { CaseDetail, CommandBodyName, RecordsDestinationView } from '@secondlook/contracts';
import {
  COMMANDS_ALLOWED_WHEN_ENDED,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  expeditedByDefault,
  includesCode,
  type NextStep,
} from '@secondlook/domain';
import type { CaseDocument } from '../../api/documents.api';
import { formatDate } from '../../lib/format';
import type { StaffDirectory } from '../worklist/useStaffDirectory';
import type { ReferenceOptions } from './CommandFields';
import type { FormValues } from './schema-fields';

type DefaultsOf = (detail: CaseDetail, step?: NextStep) => FormValues;

const providerOf = (detail: CaseDetail): string => detail.state.provider?.providerName ?? detail.state.referral.toProvider ?? '';

const onlyOpenRequest: DefaultsOf = ({ state }) => {
  const open = state.records.filter((request) => request.round === state.round && request.status !== 'received');
  return open.length === 1 ? { requestId: open[0].requestId } : {};
};

const concernOfStep: DefaultsOf = (_detail, step) => ({
  concernId: step?.key.startsWith('dismissal-concern-') ? step.key.slice('dismissal-concern-'.length) : '',
});

const DEFAULTS: Partial<Record<CommandBodyName, DefaultsOf>> = {
  'request-referral': ({ state }) => ({ toProvider: state.referral.toProvider ?? '' }),
  'select-provider': ({ state }) => ({ providerName: state.referral.toProvider ?? '', foundVia: state.referral.status === 'received' ? 'referral' : '' }),
  'request-pre-auth': ({ state }) => ({ expedited: expeditedByDefault(state.urgency) }),
  'check-coverage': ({ state }) => ({ currency: 'USD', insurerName: state.coverage?.insurerName ?? '' }),
  'request-records': (detail, step) => {
    const kind = step?.key.startsWith('records-') ? step.key.slice('records-'.length) : null;
    const documents =
      kind && includesCode(DOCUMENT_KINDS, kind) ? [{ kind, description: DOCUMENT_KIND_LABELS[kind], documentId: '' }] : [{ kind: '', description: '', documentId: '' }];
    return { fromProvider: detail.state.currentProvider ?? '', toProvider: providerOf(detail), documents };
  },
  'start-records-transfer': onlyOpenRequest,
  'record-records-sent': onlyOpenRequest,
  'record-records-transfer-failed': onlyOpenRequest,
  'confirm-records-receipt': onlyOpenRequest,
  'add-dismissal-concern-to-record': concernOfStep,
  'deny-dismissal-concern-amendment': concernOfStep,
  'schedule-appointment': (detail) => ({ providerName: providerOf(detail) }),
  'assign-advocate': ({ state }) => ({ advocateId: state.advocateId ?? '' }),
  'assign-coordinator': ({ state }) => ({ coordinatorId: state.coordinatorId ?? '' }),
};

/** What the form can fill in already from the case, so the user types only what is new. */
export const commandDefaults = (command: CommandBodyName, detail: CaseDetail, step?: NextStep): FormValues => DEFAULTS[command]?.(detail, step) ?? {};

/**
 * Choices for identifier fields: the case's own requests, concerns, questions and uploaded
 * documents, the clinic's staff; and the records destinations to suggest as "to provider".
 */
export function referenceOptions(detail: CaseDetail, directory: StaffDirectory, documents: CaseDocument[] = [], destinations: RecordsDestinationView[] = []): ReferenceOptions {
  const { state } = detail;
  const staff = (role: string) => directory.users.filter((user) => user.role === role).map((user) => ({ value: user.id, label: user.name }));
  return {
    advocateId: staff('advocate'),
    coordinatorId: staff('coordinator'),
    requestId: state.records.map((request) => ({
      value: request.requestId,
      label: `${request.fromProvider} → ${request.toProvider}, ${formatDate(request.requestedAt)} (${request.status})`,
    })),
    concernId: state.dismissalConcerns.map((concern) => ({ value: concern.concernId, label: `${formatDate(concern.occurredOn)}: ${concern.description.slice(0, 60)}` })),
    questionId: state.questions.map((question) => ({ value: question.questionId, label: question.text.slice(0, 80) })),
    // Choosing an uploaded document answers its row's kind and description too.
    documentId: documents.map((document) => ({
      value: document.id,
      label: `${document.fileName} (${DOCUMENT_KIND_LABELS[document.kind]})`,
      fills: { kind: document.kind, description: document.description ?? document.fileName },
    })),
    toProvider: destinations.map((destination) => ({ value: destination.name, label: destination.name })),
  };
}

/** Commands that make sense for the case as it is: an ended case takes only a note or a reopen. */
export function availableCommands(detail: CaseDetail, all: readonly CommandBodyName[]): CommandBodyName[] {
  if (detail.state.status === 'open') return all.filter((name) => name !== 'reopen-case');
  return all.filter((name) => includesCode(COMMANDS_ALLOWED_WHEN_ENDED, name));
}
