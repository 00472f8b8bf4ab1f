export * from './organisation.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './planning.ts';
export * from './meetings.ts';
export * from './finance.ts';
export * from './consultations.ts';
export * from './projects.ts';
