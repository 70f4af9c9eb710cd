# frontyard in a container: a local CloudFront edge for a docker compose stack (see docker-compose.yml).
#
#   docker build -t frontyard .
#   docker run --rm -p 127.0.0.1:8080:8080 -p 127.0.0.1:8443:8443 -v "$PWD/site:/config:ro" \
#              -v frontyard-state:/var/lib/frontyard frontyard      # site/frontyard.yaml; the CA kept in a volume
#   (the classic builder works too: DOCKER_BUILDKIT=0 docker build -t frontyard .)
#
# The container listens on 0.0.0.0 (inside its own network namespace only); publish ports on 127.0.0.1.
# Outside a container `frontyard serve` keeps its 127.0.0.1 default.

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: wheels for frontyard and every dependency ------------------------------------------------------
# quickjs publishes no linux/arm64 wheel (Apple Silicon builds an arm64 image), so it compiles here; the
# compiler stays in this stage and never reaches the final image.
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Only what the package needs: pyproject (metadata, package data), README (readme =), the package itself.
COPY pyproject.toml README.md ./
COPY emulator ./emulator
# Installed here into a virtual environment that is copied whole into the final stage: plain COPY, so the
# classic builder builds it too (no BuildKit-only RUN --mount, no `# syntax=` line that would fetch a
# frontend image). A venv, not `pip --prefix`: its layout is the same whichever Python the base image has.
RUN pip wheel --no-cache-dir --wheel-dir /wheels . \
 && python -m venv /opt/frontyard \
 && /opt/frontyard/bin/pip install --no-cache-dir --no-index /wheels/*.whl

# ---- runtime ------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE}
LABEL org.opencontainers.image.title="frontyard" \
      org.opencontainers.image.description="A local emulator of the Amazon CloudFront edge" \
      org.opencontainers.image.licenses="Apache-2.0"

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FRONTYARD_STATE_DIR=/var/lib/frontyard \
    FRONTYARD_CA_EXPORT=/var/lib/frontyard-ca \
    FRONTYARD_HEALTH_URL=http://127.0.0.1:9901/_frontyard/health

# frontyard and its dependencies, installed in the build stage (no wheels or compilers in this image).
COPY --from=build /opt/frontyard /opt/frontyard
ENV PATH=/opt/frontyard/bin:$PATH

# A fixed non-root uid/gid (10001), so a host or another container can match it, and two folders it owns:
# the state directory with the local CA (ca.pem and its private key, ca-key.pem), which only the edge
# mounts, and FRONTYARD_CA_EXPORT, which gets a copy of ca.pem and never the key: that is the volume other
# containers mount read-only to trust the edge. Declared as VOLUMEs after the chown, so named volumes
# mounted there start out owned by this user and keep the CA across restarts.
RUN groupadd --gid 10001 frontyard \
 && useradd --uid 10001 --gid frontyard --home-dir /var/lib/frontyard --no-create-home \
            --shell /usr/sbin/nologin frontyard \
 && mkdir -p /var/lib/frontyard /var/lib/frontyard-ca /config \
 && chown frontyard:frontyard /var/lib/frontyard /var/lib/frontyard-ca \
 && chmod 0700 /var/lib/frontyard \
 && chmod 0755 /var/lib/frontyard-ca
VOLUME ["/var/lib/frontyard", "/var/lib/frontyard-ca"]

USER 10001:10001
WORKDIR /config

# viewer HTTP, viewer HTTPS, admin (GET /_frontyard/health; never reachable through a distribution)
EXPOSE 8080 8443 9901

# slim has no curl: python's urllib fails (exit 1) on a refused connection, a timeout or a non-2xx status.
# Set FRONTYARD_HEALTH_URL when the admin listener moves (emulator.listen.admin or --admin-port).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(os.environ['FRONTYARD_HEALTH_URL'], timeout=2)"]

CMD ["frontyard", "serve", "/config/frontyard.yaml", "--host", "0.0.0.0"]
