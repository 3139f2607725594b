// The strings only facilitator devices show, added when the facilitator's route loads (its chunk
// holds the Swedish ones; English is fetched when chosen). The route renders after
// loadCatalogue(lang), so nothing on the console shows before its strings are here.
import { svFacilitator } from './svFacilitator';
import { addStrings } from './translate';

addStrings({ sv: svFacilitator, en: () => import('./enFacilitator').then((m) => m.enFacilitator) });
