export * from './api';
export * from './channels';
export * from './events';
export * from './result';
export * from './types';
export * from './resultsTypes';
export * from './importTypes';
export * from './reportTypes';
