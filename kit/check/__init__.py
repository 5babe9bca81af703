"""Check stage: find every problem and warning of a course read, before anything is resolved."""
