/** The compose file names the linter picks up by itself: Compose's defaults and their variants. Pure, tiny. */

/** compose.yaml, compose.prod.yml, compose-dev.yaml, docker-compose.override.yml, ... */
export const COMPOSE_FILE_NAME = /^(docker-)?compose.*\.ya?ml$/i;
