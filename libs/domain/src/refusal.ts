// Why `decide` said no. The code is stable (the api maps it to 409 and clients may branch
// on it); the message is what a coordinator reads, in plain words.

export const REFUSAL_MESSAGES = {
  'case-not-found': 'This case does not exist yet. Open the case first.',
  'case-already-open': 'A case with this id already exists.',
  'case-closed': 'This case is closed. Reopen it first; only notes can be added to a closed case.',
  'case-withdrawn': 'This case was withdrawn. Reopen it first; only notes can be added to a withdrawn case.',
  'case-not-ended': 'Only a closed or withdrawn case can be reopened.',
  'no-reasons': 'Give at least one reason why the patient wants a second opinion.',
  'blank-text': 'The text cannot be empty.',
  'advocate-already-assigned': 'This advocate is already assigned to the case.',
  'coordinator-already-assigned': 'This coordinator is already assigned to the case.',
  'current-doctor-already-informed': 'The current doctor has already been told about the second opinion.',
  'referral-already-requested': 'A referral has already been requested and is awaiting an answer.',
  'referral-already-received': 'The referral has already been received.',
  'referral-not-requested': 'No referral is awaiting an answer. Request a referral first.',
  'referral-not-received': 'A provider cannot be recorded as found through the referral before the referral was received.',
  'appointment-already-booked': 'The provider cannot be changed while an appointment is booked or done. Record the appointment as missed first.',
  'no-provider-selected': 'Select the second-opinion provider first.',
  'invalid-amount': 'Cost estimates must be whole, non-negative amounts in cents.',
  'pre-auth-already-requested': 'Pre-authorization has already been requested.',
  'pre-auth-already-decided': 'The insurer has already decided this pre-authorization.',
  'pre-auth-denied-appeal-instead': 'Pre-authorization was denied. Appeal the denial instead of requesting again.',
  'pre-auth-not-requested': 'Pre-authorization cannot be updated, approved or denied before it was requested.',
  'pre-auth-already-pending': 'Pre-authorization is already marked as pending with the insurer.',
  'pre-auth-not-denied': 'Only a denied pre-authorization can be appealed.',
  'pre-auth-not-awaiting-decision': 'The insurer owes no pre-authorization decision right now.',
  'pre-auth-follow-up-not-due': 'The insurer still has time to decide; the follow-up is not due yet.',
  'pre-auth-follow-up-already-raised': 'A follow-up for this pre-authorization has already been raised.',
  'no-documents': 'Name at least one document to request.',
  'records-request-not-found': 'There is no records request with this id on the case.',
  'records-already-sent': 'These records have already been sent.',
  'records-transfer-in-progress': 'A transfer of these records is already under way.',
  'records-not-sent': 'Receipt can only be confirmed after the records were sent.',
  'records-receipt-already-confirmed': 'The provider has already confirmed receiving these records.',
  'invalid-attempts': 'The number of attempts must be a whole number of at least 1.',
  'invalid-date': 'A date is not a valid calendar date or time.',
  'date-in-future': 'This date is in the future; record what has already happened.',
  'concern-not-found': 'There is no dismissal concern with this id on the case.',
  'addendum-not-requested': 'The patient did not ask for this concern to be added to the medical record.',
  'amendment-already-answered': 'The request to add this concern to the record has already been answered.',
  'question-not-found': 'There is no question with this id on the case.',
  'question-already-answered': 'This question has already been answered.',
  'appointment-already-scheduled': 'An appointment is already scheduled. Reschedule it instead.',
  'appointment-already-completed': 'The appointment has already taken place.',
  'no-appointment': 'No appointment has been scheduled yet.',
  'appointment-not-scheduled': 'There is no upcoming appointment to update.',
  'opinion-already-recorded': 'An opinion has already been recorded for this provider. Request a third opinion for another one.',
  'no-opinion-yet': 'No opinion has been received yet.',
  'opinion-not-delivered': 'A case cannot be closed as "opinion delivered" before an opinion was received.',
  'third-opinion-already-requested': 'A third opinion has already been requested.',
  'no-third-opinion': 'The patient cannot follow a third opinion that has not been received.',
  'consent-already-given': 'Consent has already been recorded.',
  'consent-not-given': 'There is no consent to withdraw.',
} as const;

export type RefusalCode = keyof typeof REFUSAL_MESSAGES;

export const REFUSAL_CODES = Object.keys(REFUSAL_MESSAGES) as RefusalCode[];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export const refusal = (code: RefusalCode): Refusal => ({ code, message: REFUSAL_MESSAGES[code] });
