// No zod here: the worklist reads its sort from the address bar on its first render, and a
// module that builds schemas would put the validation library on that path.

export const CASE_SORTS = ['age', 'target-date', 'recent'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
