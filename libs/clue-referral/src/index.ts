export * from './process-step.util';
export * from './sending/clue-referral-sender';
export * from './sending/clue-referral.entity';
export * from './sending/clue-referral-records.entity';
export * from './sending/clue-referral.dto';
export * from './sending/clue-referral.service';
export * from './sending/clue-feedback.service';
export * from './sending/clue-referral-sending.providers';
