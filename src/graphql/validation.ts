import type { ValidatorOptions } from 'class-validator';

/**
 * class-validator settings for a write input that carries rules (`@Length`, `@Min`, …): pass as
 * `@Arg('input', …, { validate: VALIDATE_INPUT })`. Validation is off for every other argument: on
 * reads it ran once per resolver call and showed up in profiles while no read argument has a rule
 * (read arguments are checked where they are used: codes, page sizes, years).
 */
export const VALIDATE_INPUT: ValidatorOptions = { forbidUnknownValues: false };
