import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type * as Harness from './index';

/** `const enum`s of the SDK exist only at compile time: nothing to provide. */
type CompileTimeOnly = 'AlertStates' | 'SilenceStates' | 'AlertSeverity' | 'RuleStates';

type Missing = Exclude<keyof typeof SDK, keyof typeof Harness | CompileTimeOnly>;
type Extra = Exclude<keyof typeof Harness, keyof typeof SDK>;

// A compile error here names the SDK exports the harness lacks (implement them, or add them to
// `unsupported.ts`), or the harness exports the real SDK does not have.
export const everySdkExportIsProvided: [Missing] extends [never] ? true : Missing = true;
export const nothingBeyondTheSdk: [Extra] extends [never] ? true : Extra = true;
