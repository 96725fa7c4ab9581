/** Host interface facts behind Docker networks: bridges, veths, the default route, and their flags. Pure. */
export * from './hostNetwork';
export * from './routeTable';
