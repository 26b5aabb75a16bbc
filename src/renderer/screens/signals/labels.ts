// Dutch labels of the systeemfouten vocabulary for the screens (one source: the vocabulary itself).
import { EFFECTS, INSTANTIES, MECHANISMS, MECHANISM_GROUPS, ROUTES, ROUTE_RESULTS } from '../../../shared/signals/vocabulary';

export const INSTANTIE_LABEL: Record<string, string> = Object.fromEntries(INSTANTIES.map((x) => [x.code, x.label]));
export const MECHANISM_LABEL: Record<string, string> = Object.fromEntries(MECHANISMS.map((x) => [x.code, `${x.code} ${x.label}`]));
export const GROUP_LABEL: Record<string, string> = Object.fromEntries(MECHANISM_GROUPS.map((x) => [x.code, `${x.code} ${x.label}`]));
export const EFFECT_LABEL: Record<string, string> = Object.fromEntries(EFFECTS.map((x) => [x.code, x.label]));
export const ROUTE_LABEL: Record<string, string> = Object.fromEntries(ROUTES.map((x) => [x.code, x.label]));
export const RESULT_LABEL: Record<string, string> = Object.fromEntries(ROUTE_RESULTS.map((x) => [x.code, x.label]));
