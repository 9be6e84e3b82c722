// A preset: a named scenario with a description for people and, for every value it
// changes from the schema's defaults, the source of that value (the defaults carry
// their own sources in the schema).

import type { Source } from '../../model/costs';
import type { ScenarioInput } from '../schema';

export interface Preset {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Scenario JSON; anything not given takes the schema's default. */
  readonly values: ScenarioInput;
  /** Source of each value the preset changes, by dotted path (a group path covers its fields). */
  readonly sources: Readonly<Record<string, Source>>;
}
