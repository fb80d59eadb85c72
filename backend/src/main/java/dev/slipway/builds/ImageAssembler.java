package dev.slipway.builds;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Turns a built Maven project into an image and pushes it, with jib-core: no Docker daemon, and
 * reproducible (fixed file times and creation time), so the same commit gives the same digest and a
 * change to one class uploads one layer. A Spring Boot layered jar keeps Boot's own layers
 * (dependencies, loader, snapshot dependencies, application); anything else gets, from least to most
 * often changed: release dependencies, snapshot dependencies, resources, classes.
 */
public final class ImageAssembler {

    /** Matches the pods' securityContext (dev.slipway.kubernetes.Manifests). */
    static final String USER = "10001:10001";
    static final String SCRATCH = "scratch";
    private static final AbsoluteUnixPath APP = AbsoluteUnixPath.get("/app");

    /**
     * Where to push and from what.
     *
     * @param baseImage  the image to build on, e.g. a JRE 25 image; {@value #SCRATCH} for none
     * @param target     repository and tag to push, e.g. registry.internal:5000/shop/api:3f2a9c1
     * @param username   registry credentials; null for an open registry
     * @param insecure   allow plain HTTP (only when an admin marked the registry so)
     * @param cacheDir   where jib keeps layers between builds
     * @param labels     image labels, e.g. the commit and the repository
     */
    public record Request(String baseImage, String target, @Nullable String username, @Nullable String password,
                          boolean insecure, Path cacheDir, Map<String, String> labels) {

        @Override
        public String toString() {
            return "Request[" + baseImage + " -> " + target + (username == null ? "" : " as " + username) + "]";
        }
    }

    /**
     * @param digest  the manifest digest, which releases deploy ({@code target@digest})
     * @param imageId the config digest
     */
    public record Image(String reference, String digest, String imageId) {

        /** The reference pinned to the digest, which is what runs: a tag can move, a digest cannot. */
        public String pinned() {
            String repository = reference.contains("@") ? reference.substring(0, reference.indexOf('@'))
                    : reference.substring(0, reference.lastIndexOf(':') > reference.lastIndexOf('/')
                            ? reference.lastIndexOf(':') : reference.length());
            return repository + "@" + digest;
        }
    }

    private ImageAssembler() {
    }

    /**
     * Builds and pushes the image of the project in {@code project} (already built by
     * {@link ProjectBuild}).
     *
     * @param log receives jib's progress lines
     * @throws IllegalArgumentException when the build output is not usable, with what to change
     * @throws IOException              when the registry cannot be reached or refuses, with why
     */
    public static Image assemble(Path project, Request request, Consumer<String> log)
            throws IOException, InterruptedException {
        Output output = Output.of(project);
        java.util.Optional<Path> bootJar = bootJar(output);
        // Jib's own executor is shut down but not awaited: after a failed push its layer tasks can still be
        // writing the app's layer cache while the next build of the app starts or the workspace is deleted.
        ExecutorService jibThreads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("jib-", 0)
                .factory());
        try {
            JibContainerBuilder image = SCRATCH.equals(request.baseImage()) ? Jib.fromScratch()
                    : Jib.from(registryImage(request.baseImage(), request));
            if (bootJar.isPresent()) {
                log.accept("Slipway: a Spring Boot layered jar; using its layers");
                bootLayers(image, bootJar.get(), output.scratch().resolve("slipway-layers"));
            } else {
                plainLayers(image, output);
            }
            image.setWorkingDirectory(APP);
            image.setUser(USER);
            image.setLabels(request.labels());
            Containerizer containerizer = Containerizer.to(registryImage(request.target(), request))
                    .setAllowInsecureRegistries(request.insecure())
                    .setToolName("slipway")
                    .setExecutorService(jibThreads)
                    .setBaseImageLayersCache(request.cacheDir().resolve("base"))
                    .setApplicationLayersCache(request.cacheDir().resolve("application"))
                    .addEventHandler(LogEvent.class, event -> {
                        if (event.getLevel() == LogEvent.Level.LIFECYCLE || event.getLevel() == LogEvent.Level.INFO
                                || event.getLevel() == LogEvent.Level.WARN || event.getLevel() == LogEvent.Level.ERROR) {
                            log.accept(event.getMessage());
                        }
                    });
            JibContainer pushed = image.containerize(containerizer);
            return new Image(request.target(), pushed.getDigest().toString(), pushed.getImageId().toString());
        } catch (InvalidImageReferenceException e) {
            throw new IllegalArgumentException("Not a valid image reference: " + e.getMessage() + ". Check the"
                    + " registry's address (Admin > Registries, or SLIPWAY_BUILD_REGISTRY: host[:port][/path]) and"
                    + " SLIPWAY_BUILD_BASE_IMAGE.");
        } catch (RegistryException e) {
            if (aboutBaseImage(e, request)) {
                throw baseImageFailure(e, request);
            }
            throw new IOException("The registry refused: " + e.getMessage() + ". Check the registry's credentials"
                    + " (Admin > Registries, or SLIPWAY_BUILD_REGISTRY_USERNAME/_PASSWORD) and that they may push to "
                    + request.target() + " and pull " + request.baseImage() + ".", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (aboutBaseImage(cause, request)) {
                throw baseImageFailure(cause, request);
            }
            throw new IOException("Pushing the image failed: " + cause.getMessage() + ". Check that the registry is"
                    + " reachable from Slipway; a plain-HTTP registry must be marked insecure (Admin > Registries, or"
                    + " SLIPWAY_BUILD_REGISTRY_INSECURE=true).", cause);
        } catch (CacheDirectoryCreationException e) {
            throw new IOException("The image cache directory " + request.cacheDir() + " cannot be created; check that"
                    + " Slipway may write to SLIPWAY_BUILD_WORK_DIR.", e);
        } finally {
            jibThreads.shutdownNow();
            if (!jibThreads.awaitTermination(2, TimeUnit.MINUTES)) {
                log.accept("Slipway: image tasks still running after 2 minutes; the next build of this app may"
                        + " rebuild its cached layers");
            }
        }
    }

    /**
     * Where a build left its output: Maven's {@code target/}, or the layout Gradle's java plugin leaves in
     * {@code build/} (classes and resources apart, jars in build/libs).
     *
     * @param classes      compiled classes, one directory per language (Maven: one, with the resources among them)
     * @param resources    Gradle's processed resources; null for Maven
     * @param jars         where the project's own jar is
     * @param dependencies the runtime dependencies the build copied for the image
     * @param scratch      where Slipway may write (the Boot layers are extracted there)
     */
    record Output(List<Path> classes, @Nullable Path resources, Path jars, Path dependencies, Path scratch,
                  boolean gradle) {

        static Output of(Path project) {
            if (Files.isDirectory(project.resolve("target/classes"))) {
                Path target = project.resolve("target");
                return new Output(List.of(target.resolve("classes")), null, target,
                        project.resolve(ProjectBuild.DEPENDENCIES_DIR), target, false);
            }
            Path build = project.resolve("build");
            // a project may mix languages: each compiles into its own directory, all go on the classpath
            List<Path> classes = java.util.stream.Stream.of("java", "kotlin", "groovy", "scala")
                    .map(language -> build.resolve("classes").resolve(language).resolve("main"))
                    .filter(Files::isDirectory).toList();
            if (!classes.isEmpty()) {
                return new Output(classes, build.resolve("resources/main"), build.resolve("libs"),
                        project.resolve(ProjectBuild.GRADLE_DEPENDENCIES_DIR), build, true);
            }
            throw new IllegalArgumentException("The build left neither target/classes (Maven) nor build/classes/java/main"
                    + " (Gradle): is this a project that compiles Java code?");
        }
    }

    /** Dependencies, snapshot dependencies, resources, classes; a classpath entrypoint on the jar's Main-Class. */
    private static void plainLayers(JibContainerBuilder image, Output output) throws IOException {
        String mainClass = mainClass(output);
        List<Path> dependencies = jars(output.dependencies());
        image.addFileEntriesLayer(layer("dependencies", dependencies.stream().filter(p -> !snapshot(p)).toList(),
                null, APP.resolve("libs")));
        image.addFileEntriesLayer(layer("snapshot dependencies", dependencies.stream().filter(ImageAssembler::snapshot)
                .toList(), null, APP.resolve("libs")));
        FileEntriesLayer.Builder resources = FileEntriesLayer.builder().setName("resources");
        FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName("classes");
        for (Path directory : output.classes()) {
            for (Path file : files(directory)) {
                boolean compiled = file.toString().endsWith(".class");
                (compiled ? classes : resources).addEntry(file, APP.resolve(compiled ? "classes" : "resources")
                        .resolve(relative(directory, file)));
            }
        }
        if (output.resources() != null && Files.isDirectory(output.resources())) {
            for (Path file : files(output.resources())) {
                resources.addEntry(file, APP.resolve("resources").resolve(relative(output.resources(), file)));
            }
        }
        image.addFileEntriesLayer(resources.build());
        image.addFileEntriesLayer(classes.build());
        image.setEntrypoint(List.of("java", "-cp", "/app/resources:/app/classes:/app/libs/*", mainClass));
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /**
     * Spring Boot's own layers, in the order its layers.idx gives (dependencies, loader, snapshot
     * dependencies, application), extracted with Boot's jar tools, run by its launcher.
     */
    private static void bootLayers(JibContainerBuilder image, Path jar, Path into) throws IOException, InterruptedException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process extract = new ProcessBuilder(javaCommand, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", into.toString(), "--force").redirectErrorStream(true).start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IllegalArgumentException("Spring Boot's jar tools could not extract the layers of " + jar.getFileName()
                    + ": " + output.strip());
        }
        // Extracted files keep the jar's entry times, which a reproducible build fixes to one value, and
        // jib's layer cache is keyed on file times: it would reuse the previous build's application layer.
        // A time derived from each file's content changes exactly when the content does. It never
        // reaches the image (jib writes fixed times into the layers).
        for (Path file : files(into)) {
            Files.setLastModifiedTime(file, contentTime(file));
        }
        for (String name : bootLayerNames(jar)) {
            Path layer = into.resolve(name);
            image.addFileEntriesLayer(layer(name, Files.isDirectory(layer) ? files(layer) : List.of(), layer, APP));
        }
        image.setEntrypoint(List.of("java", "org.springframework.boot.loader.launch.JarLauncher"));
    }

    private static java.nio.file.attribute.FileTime contentTime(Path file) throws IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        return java.nio.file.attribute.FileTime.fromMillis((crc.getValue() & 0x3fffffffL) * 1000L);
    }

    /** The jar the build made, when it is a Spring Boot jar with a layer index. */
    static java.util.Optional<Path> bootJar(Output output) throws IOException {
        for (Path jar : jars(output.jars())) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getEntry("BOOT-INF/layers.idx") != null) {
                    return java.util.Optional.of(jar);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> bootLayerNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String index = new String(file.getInputStream(file.getEntry("BOOT-INF/layers.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            return index.lines().filter(l -> l.startsWith("- \"")).map(l -> l.substring(3, l.indexOf('"', 3))).toList();
        }
    }

    /**
     * Whether a failure happened while fetching the base image rather than pushing: its registry differs
     * from the target's and is named somewhere in the failure (Jib says which host it could not reach).
     * Without this, a machine without internet was told to mark its own registry insecure when it could
     * not pull the default base image from Docker Hub.
     */
    static boolean aboutBaseImage(Throwable failure, Request request) {
        if (SCRATCH.equals(request.baseImage())) {
            return false;
        }
        String base;
        String target;
        try {
            base = ImageReference.parse(request.baseImage()).getRegistry();
            target = ImageReference.parse(request.target()).getRegistry();
        } catch (InvalidImageReferenceException e) {
            return false;
        }
        if (base.equals(target)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains(base) || message.contains(request.baseImage())) {
                return true;
            }
        }
        return false;
    }

    private static IOException baseImageFailure(Throwable cause, Request request) {
        return new IOException("Pulling the base image " + request.baseImage() + " failed: " + cause.getMessage()
                + ". The image is built on it, so Slipway must be able to pull it: set SLIPWAY_BUILD_BASE_IMAGE to an"
                + " image Slipway can reach (for example a copy in your own registry), or to 'scratch' for an image"
                + " without a base (it then has no Java runtime, which only the sandbox does not mind).", cause);
    }

    private static RegistryImage registryImage(String reference, Request request) throws InvalidImageReferenceException {
        RegistryImage image = RegistryImage.named(reference);
        if (request.username() != null && request.password() != null) {
            image.addCredential(request.username(), request.password());
        }
        return image;
    }

    /** The Main-Class of the jar the build made: that is what the container runs. */
    static String mainClass(Output output) throws IOException {
        List<Path> jars = jars(output.jars()).stream().filter(p -> !p.getFileName().toString().endsWith("-sources.jar")
                && !p.getFileName().toString().endsWith("-javadoc.jar")).toList();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getManifest() == null) {
                    continue;
                }
                // a Spring Boot jar without a layer index names Boot's launcher as Main-Class; the
                // application's own main class is Start-Class, and that is what runs on the classpath
                String start = file.getManifest().getMainAttributes().getValue("Start-Class");
                String main = file.getManifest().getMainAttributes().getValue("Main-Class");
                if (start != null || main != null) {
                    return start != null ? start : main;
                }
            }
        }
        throw new IllegalArgumentException("The jar the build made names no Main-Class, so Slipway does not know what"
                + " to run. " + (output.gradle() ? "Set it in build.gradle (jar { manifest { attributes 'Main-Class':"
                + " 'com.example.Main' } })." : "Set it in the pom (maven-jar-plugin: archive > manifest > mainClass)."));
    }

    private static FileEntriesLayer layer(String name, List<Path> files, @Nullable Path root, AbsoluteUnixPath into) {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (Path file : files) {
            String relative = root == null ? file.getFileName().toString() : root.relativize(file).toString();
            layer.addEntry(file, into.resolve(relative.replace('\\', '/')));
        }
        return layer.build();
    }

    private static boolean snapshot(Path jar) {
        return jar.getFileName().toString().contains("-SNAPSHOT");
    }

    private static List<Path> jars(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Every regular file below {@code directory}, sorted, so the layer is the same for the same files. */
    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
