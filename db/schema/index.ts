export * from './enums';
export * from './users';
export * from './email';
export * from './abuse';
export * from './applications';
