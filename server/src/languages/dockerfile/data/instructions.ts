/** Our own descriptions of each instruction (hover) and the snippet its completion inserts. */
export const INSTRUCTION_DOCS: Record<string, { doc: string; snippet: string }> = {
  FROM: { doc: 'Starts a build stage from a base image (`scratch` for an empty one). `AS name` names the stage for `COPY --from` and `--target`.', snippet: 'FROM ${1:image}:${2:tag}${3: AS ${4:name}}' },
  RUN: { doc: 'Runs a command in a new layer during the build. Shell form runs through `/bin/sh -c` (or SHELL); exec form `["cmd", "arg"]` runs directly. Flags: `--mount` (cache, secret, ssh, bind, tmpfs), `--network`, `--security`. A here-document (`RUN <<EOF`) holds a whole script.', snippet: 'RUN ${1:command}' },
  CMD: { doc: 'The default command (or the default arguments of ENTRYPOINT) when the container starts; `docker run IMAGE args` replaces it. Prefer the exec form so the process gets signals. Only the last CMD of a stage counts.', snippet: 'CMD ["${1:executable}", "${2:arg}"]' },
  ENTRYPOINT: { doc: 'The program the container runs; CMD and `docker run` arguments are appended to it in exec form. Prefer the exec form: in shell form it ignores CMD and does not receive signals.', snippet: 'ENTRYPOINT ["${1:executable}"]' },
  LABEL: { doc: 'Adds metadata key/value pairs to the image (`org.opencontainers.image.*` keys are the standard ones).', snippet: 'LABEL ${1:org.opencontainers.image.source}="${2:value}"' },
  EXPOSE: { doc: 'Documents the ports the container listens on (`80`, `53/udp`). It publishes nothing: use `docker run -p` or compose `ports:`.', snippet: 'EXPOSE ${1:8080}' },
  ENV: { doc: 'Sets environment variables for the rest of the build and in the running container. Values are stored in the image: never put secrets here.', snippet: 'ENV ${1:NAME}=${2:value}' },
  ADD: { doc: 'Copies files like COPY, and also fetches URLs, Git repositories, and extracts local tar archives. Prefer COPY unless you need that.', snippet: 'ADD ${1:source} ${2:dest}' },
  COPY: { doc: 'Copies files from the build context (or `--from` a stage, image or named context) into the image. `--chown`, `--chmod`, `--link`, `--parents`, `--exclude` refine it.', snippet: 'COPY ${1:source} ${2:dest}' },
  VOLUME: { doc: 'Declares a mount point; data written there at run time is kept outside the container layer. Changes to it in later build steps are discarded.', snippet: 'VOLUME ["${1:/data}"]' },
  USER: { doc: 'Sets the user (and group) for the following RUN, CMD and ENTRYPOINT. Run the final image as an unprivileged user.', snippet: 'USER ${1:app}' },
  WORKDIR: { doc: 'Sets the working directory for the following instructions, creating it if needed. Use absolute paths.', snippet: 'WORKDIR ${1:/app}' },
  ARG: { doc: 'Declares a build argument (`--build-arg NAME=value`), with an optional default. Before the first FROM it is usable in FROM lines; inside a stage it must be declared again. Values show in the image history.', snippet: 'ARG ${1:NAME}${2:=${3:default}}' },
  ONBUILD: { doc: 'Registers an instruction that runs when another image is built FROM this one.', snippet: 'ONBUILD ${1:RUN command}' },
  STOPSIGNAL: { doc: 'The signal `docker stop` sends to end the container (default SIGTERM).', snippet: 'STOPSIGNAL ${1:SIGTERM}' },
  HEALTHCHECK: { doc: 'Tells Docker how to test that the container still works (`CMD ...`), or disables an inherited check (`NONE`). Flags: `--interval`, `--timeout`, `--start-period`, `--start-interval`, `--retries`.', snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} CMD ${3:curl -fsS http://localhost/ || exit 1}' },
  SHELL: { doc: 'Changes the shell used by the shell form of RUN, CMD and ENTRYPOINT, as a JSON array (e.g. `["/bin/bash", "-o", "pipefail", "-c"]`).', snippet: 'SHELL ["${1:/bin/bash}", "${2:-o}", "${3:pipefail}", "-c"]' },
  MAINTAINER: { doc: 'Deprecated: use `LABEL org.opencontainers.image.authors=...`.', snippet: 'LABEL org.opencontainers.image.authors="${1:name}"' },
};

export const DIRECTIVE_DOCS: Record<string, { doc: string; snippet: string }> = {
  syntax: { doc: 'Selects the Dockerfile frontend (parser) BuildKit uses, e.g. `docker/dockerfile:1` for the latest stable syntax.', snippet: 'syntax=docker/dockerfile:1' },
  escape: { doc: 'The character that escapes and continues lines: `\\` (default) or `` ` `` (handy on Windows).', snippet: 'escape=${1:`}' },
  check: { doc: 'Configures `docker build --check`: `skip=RuleA,RuleB` to skip checks, `error=true` to fail the build on a warning.', snippet: 'check=${1:error=true}' },
};
