# syntax=docker/dockerfile:1
# Transition Tracker: build with the .NET SDK, run on the ASP.NET Core runtime image as a non-root user. See
# docs/operations.md ("Containers").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so the package layer is reused while only code changes. The app is
# published ReadyToRun (precompiled for this platform, so a start does not wait for the JIT): restore for the same
# runtime, which brings the ReadyToRun compiler package.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/TransitionTracker.Domain/TransitionTracker.Domain.csproj src/TransitionTracker.Domain/
COPY src/TransitionTracker.Data/TransitionTracker.Data.csproj src/TransitionTracker.Data/
COPY src/TransitionTracker.Application/TransitionTracker.Application.csproj src/TransitionTracker.Application/
COPY src/TransitionTracker.Web/TransitionTracker.Web.csproj src/TransitionTracker.Web/
RUN dotnet restore src/TransitionTracker.Web/TransitionTracker.Web.csproj --use-current-runtime -p:PublishReadyToRun=true

COPY .editorconfig ./
COPY src/TransitionTracker.Domain/ src/TransitionTracker.Domain/
COPY src/TransitionTracker.Data/ src/TransitionTracker.Data/
COPY src/TransitionTracker.Application/ src/TransitionTracker.Application/
COPY src/TransitionTracker.Web/ src/TransitionTracker.Web/
RUN dotnet publish src/TransitionTracker.Web/TransitionTracker.Web.csproj \
        --configuration Release --no-restore --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
        --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the HEALTHCHECK below; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./

# With the SQLite provider the database lives in /app/data (mount a volume there); the app user must own it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data

# MALLOC_ARENA_MAX: two of glibc's memory arenas instead of one per thread up to 8 per core, which kept freed native
# memory resident: an idle page cost about 235 KB of process memory with the default and 74 KB with two
# (docs/performance.md, "Circuits").
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    MALLOC_ARENA_MAX=2
EXPOSE 8080

# The non-root "app" user that the .NET images provide (APP_UID is set by the base image).
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://127.0.0.1:8080/healthz/live || exit 1

# Exec form: dotnet runs as PID 1 and receives SIGTERM itself, which starts the graceful shutdown.
ENTRYPOINT ["dotnet", "TransitionTracker.Web.dll"]
