import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The machine running the tests is shared; the first lazy render of a card can take seconds.
configure({ asyncUtilTimeout: 5000 });
