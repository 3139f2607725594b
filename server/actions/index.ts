// Every rule the relay applies on people's behalf. Adding a rule: one file, its test, one line here.
import type { RelayAction } from './types';

export const actions: RelayAction[] = [];
