// One presenter for the screen, the PDF and the CLI (issue 6 part 3): formatting and the budget's sections.
export * from './format';
export * from './budget';
export * from './explanation';
