/** The security review's rules (pure): snapshot, container privileges and engine access in, findings out. */
export * from './securityRules';
