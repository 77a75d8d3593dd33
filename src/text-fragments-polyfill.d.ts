// Types for the text-fragments-polyfill's generator, which ships as JavaScript only.
declare module 'text-fragments-polyfill/dist/fragment-generation-utils.js' {
  import type { TextFragment } from './formats/text-fragment';
  export const GenerateFragmentStatus: {
    SUCCESS: 0;
    INVALID_SELECTION: 1;
    AMBIGUOUS: 2;
    TIMEOUT: 3;
    EXECUTION_FAILED: 4;
  };
  export function generateFragment(
    selection: Selection,
    startTime?: number,
  ): { status: (typeof GenerateFragmentStatus)[keyof typeof GenerateFragmentStatus]; fragment?: TextFragment };
  export function isValidRangeForFragmentGeneration(range: Range): boolean;
}
