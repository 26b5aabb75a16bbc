// Renderer tests run beside the rest of the suite on a 2-core machine: a fake core still answers through
// promises and React renders in turns, so a find* or waitFor gets 5 s instead of Testing Library's 1 s.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
