export * from './envelope';
export * from './bodies';
export * from './topics';
export * from './workflow';
export * from './events/complaint.events';
export * from './events/transfer.events';
export * from './events/clue-referral.events';
export * from './task-forms';
