// jsdom-only helpers; Node-environment tests load this too, so keep it side-effect free there.
import '@testing-library/jest-dom/vitest';
