export const DEMO_TENANT = 'demo';
export const DEMO_USER = 'demo-admin';
