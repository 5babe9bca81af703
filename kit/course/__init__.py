"""Course stage: resolve lessons, changes, dates, timing and Scripture into one course."""
