package dev.slipway.builds;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How builds run and where their images go.
 *
 * @param registry          where images are pushed: host[:port][/path], e.g. registry.internal:5000/slipway
 *                          ({@code SLIPWAY_BUILD_REGISTRY}); builds are refused while it is unset
 * @param registryInsecure  allow plain HTTP to that registry (an admin's choice for a registry on a
 *                          trusted network; {@code SLIPWAY_BUILD_REGISTRY_INSECURE})
 * @param registryUsername  credentials for it, if it needs any
 * @param baseImage         the image apps are built on (a JRE 25 image by default); "scratch" for none
 * @param workDir           repository caches, workspaces and jib's layer cache
 * @param concurrency       builds running at once; more wait in the queue
 * @param timeout           a build running longer is stopped
 * @param memoryMb          heap cap of the build's JVM
 */
@ConfigurationProperties("slipway.builds")
public record BuildProperties(@Nullable String registry, boolean registryInsecure, @Nullable String registryUsername,
                              @Nullable String registryPassword, String baseImage, Path workDir, int concurrency,
                              Duration timeout, int memoryMb) {

    @Override
    public String toString() {
        return "BuildProperties[" + registry + ", insecure=" + registryInsecure + ", base=" + baseImage + "]";
    }
}
