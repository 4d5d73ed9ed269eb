export * from './report-case-facts';
export * from './report-case-facts.projection';
