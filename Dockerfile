# syntax=docker/dockerfile:1
# kafka-recon: one image for the operator, the nightly `create` CronJob and the Batch `coalesce` job.
#
#   docker build -t ghcr.io/kafka-recon/kafka-recon:0.1.0 --build-arg VERSION=0.1.0 --build-arg REVISION=$(git rev-parse HEAD) .
#
# The runtime is glibc-based (Ubuntu 24.04 "noble", the .NET 10 default): DuckDB's native libduckdb.so is built against
# glibc and libstdc++ and does not load on musl (Alpine). `dotnet publish -a <arch>` places libduckdb.so for that
# architecture next to kafka-recon.dll, where DuckDB.NET loads it from.

ARG DOTNET_VERSION=10.0

# ---- build: restore (cached on project files only), then publish framework-dependent for the target architecture ----
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
ARG TARGETARCH
ARG VERSION=0.0.0-dev
WORKDIR /source

COPY Directory.Build.props Directory.Packages.props .editorconfig ./
# Every project the operator references, so restore is cached until a project file changes.
COPY src/Entities/KafkaRecon.Entities.csproj src/Entities/
COPY src/Operator/KafkaRecon.Operator.csproj src/Operator/
RUN dotnet restore src/Operator/KafkaRecon.Operator.csproj -a "$TARGETARCH"

COPY src/ src/
RUN dotnet publish src/Operator/KafkaRecon.Operator.csproj \
        --no-restore -c Release -a "$TARGETARCH" --self-contained false \
        -p:Version="$VERSION" -p:DebugType=none \
        -o /app \
    && test -f /app/libduckdb.so \
    && test -x /app/kafka-recon

# ---- runtime: ASP.NET Core runtime (Kestrel serves /healthz, /readyz, /metrics), non-root, nothing else ----
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="kafka-recon" \
      org.opencontainers.image.description="Kubernetes operator that proves a Kafka pipeline lost nothing." \
      org.opencontainers.image.source="https://github.com/kafka-recon/kafka-recon" \
      org.opencontainers.image.url="https://github.com/kafka-recon/kafka-recon" \
      org.opencontainers.image.vendor="kafka-recon" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="mcr.microsoft.com/dotnet/aspnet:10.0-noble"

WORKDIR /app
# Owned by root and not writable by the runtime user.
COPY --from=build /app/ /app/

# DuckDB spills and .NET writes temporary files to TMPDIR; in Kubernetes /tmp is an emptyDir on a read-only root.
ENV DOTNET_ROOT=/usr/share/dotnet \
    PATH="/app:${PATH}" \
    TMPDIR=/tmp \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

# 1654 is the image's unprivileged "app" user ($APP_UID); numeric, so Kubernetes can verify runAsNonRoot.
USER 1654:1654
EXPOSE 8080
ENTRYPOINT ["/app/kafka-recon"]
CMD ["--help"]
