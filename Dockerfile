# One image recipe for the three services: docker build --build-arg MODULE=matcher-service .
# The base images are pinned by tag only: their digests could not be looked up where this was
# written (no registry but Maven Central, npm and Debian's). Pin them with
#   docker buildx imagetools inspect eclipse-temurin:17-jdk   (and :17-jre)
# and FROM eclipse-temurin:17-jdk@sha256:<digest>. Maven itself is pinned, with its checksum, by the wrapper.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -pl ${MODULE} -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home aidmatch
# Every path a compose volume mounts exists in the image, owned by the user the service runs as:
# Docker copies a new named volume's ownership from the image's mount point, and a mount point the
# image lacks is created owned by root, where the matcher could not write its state.
RUN mkdir -p /var/lib/aidmatch/matcher-state /config \
    && chown -R aidmatch:aidmatch /var/lib/aidmatch
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER aidmatch
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
