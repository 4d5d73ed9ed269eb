export * from './equity-profile';
export * from './report-measures';
